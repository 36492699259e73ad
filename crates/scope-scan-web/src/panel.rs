//! What the reader shows in the app's panel (its host element) besides the review: the problem
//! when nothing could be read, what was accepted, and that a review closed because the answers
//! changed. The host's children are this module's alone (the app renders it empty).
//!
//! An accepted or dismissed review leaves the page at once, but its listeners are kept until the
//! next read or `reset`: the click that accepted is still running one of them.

use std::cell::RefCell;

use js_sys::Function;
use scope_core::case::Answer;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::review::{self, Mounted};

/// A review in a host: `open` until accepted, dismissed or closed by a change of answers.
struct Shown {
    host: Element,
    review: Mounted,
    open: bool,
}

thread_local! {
    static SHOWN: RefCell<Vec<Shown>> = const { RefCell::new(Vec::new()) };
}

/// Empties `host` and drops its review's listeners.
pub fn reset(host: &Element) {
    SHOWN.with_borrow_mut(|all| all.retain(|s| s.host != *host));
    host.set_text_content(None);
}

/// Takes `host`'s review out of the page, if it is open; true if it was.
fn close(host: &Element) -> bool {
    SHOWN.with_borrow_mut(|all| {
        let mut was_open = false;
        for s in all.iter_mut().filter(|s| s.host == *host && s.open) {
            s.open = false;
            s.review.remove();
            was_open = true;
        }
        was_open
    })
}

/// Says `text` in `host`: a `note` for what happened, a `problem` for what went wrong.
fn say(host: &Element, class: &str, text: &str) {
    let Some(doc) = host.owner_document() else {
        return;
    };
    let Ok(p) = doc.create_element("p") else {
        return;
    };
    p.set_class_name(class);
    let (role, testid) = if class == "problem" {
        ("alert", "scan-problem")
    } else {
        ("status", "scan-accepted")
    };
    let _ = p.set_attribute("role", role);
    let _ = p.set_attribute("data-testid", testid);
    p.set_text_content(Some(text));
    let _ = host.prepend_with_node_1(&p);
}

pub fn problem(host: &Element, why: &str) {
    say(host, "problem", &format!("Not read: {why}"));
}

pub fn answers_changed(host: &Element) {
    if close(host) {
        say(
            host,
            "note",
            "The answers changed while the review was open, so it closed: read the documents again to compare them with the answers now.",
        );
    }
}

/// Shows the review in `host`; `on_accept` gets the accepted answers as JSON.
pub fn open(host: &Element, content: review::Content, on_accept: Function) {
    let accept = {
        let host = host.clone();
        move |accepted: Vec<(String, Answer, String)>| {
            // Said and closed before the app hears of it: the app's answer to the new answers
            // (answers_changed) must find the review already closed.
            close(&host);
            say(
                &host,
                "note",
                &match accepted.len() {
                    0 => "Nothing accepted: the answers stay as they were.".into(),
                    1 => "Accepted 1 answer; it names its document.".into(),
                    n => format!("Accepted {n} answers; each names its document."),
                },
            );
            if accepted.is_empty() {
                return;
            }
            let list: Vec<[&str; 3]> = accepted
                .iter()
                .map(|(item, answer, source)| [item.as_str(), answer.as_str(), source.as_str()])
                .collect();
            let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
            let _ = on_accept.call1(&JsValue::NULL, &JsValue::from_str(&json));
        }
    };
    let dismiss = {
        let host = host.clone();
        move || {
            close(&host);
        }
    };
    match review::mount(host, content, accept, dismiss) {
        Ok(review) => SHOWN.with_borrow_mut(|all| {
            all.push(Shown {
                host: host.clone(),
                review,
                open: true,
            })
        }),
        Err(e) => problem(host, &format!("the review could not be shown: {e:?}")),
    }
}
