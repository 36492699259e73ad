//! Share links: the current case's link, made while it is shown, and a case shared in the
//! page's address, opened once.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::futures::spawn_local;
use scope_core::Case;
use scope_core::formats::share;
use yew::prelude::*;

use crate::deflate;
use crate::state::{WorkbenchState, open_link};

/// What the share link field says where the browser cannot deflate.
const NO_SHARE_LINKS: &str = "This browser cannot make share links (it has no CompressionStream).";

/// The page's address without its fragment, and the fragment.
fn location_parts() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    let base = location
        .and_then(|l| {
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default();
    (base, hash)
}

/// Removes the share data from the address, so that a reload does not add the case again.
fn forget_share_fragment(hash: &str) {
    if share::find(hash).is_none() {
        return;
    }
    let rest: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.starts_with(share::SHARE_KEY))
        .collect();
    let (base, _) = location_parts();
    let url = if rest.is_empty() {
        base
    } else {
        format!("{base}#{}", rest.join("&"))
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// A case shared in the address opens once, as a new case, after the first render (the browser
/// inflates it asynchronously), and so does a link pasted into the address of the open page;
/// its data then leaves the address.
#[hook]
pub fn use_open_shared_case(enabled: bool, dispatcher: UseReducerDispatcher<WorkbenchState>) {
    use_effect_with(enabled, move |&enabled| {
        let open = move || {
            let (_, hash) = location_parts();
            if let Some(data) = share::find(&hash) {
                let data = data.to_string();
                forget_share_fragment(&hash);
                let dispatcher = dispatcher.clone();
                spawn_local(async move { dispatcher.dispatch(open_link(&data).await) });
            }
        };
        let listener = enabled.then(|| {
            open();
            let window = web_sys::window()?;
            Some(EventListener::new(&window, "hashchange", move |_| open()))
        });
        move || drop(listener)
    });
}

/// `case`'s link while `shown` (deflating costs milliseconds with many candidates), opening
/// `base` or this page. The browser deflates asynchronously; an answer for a case that has
/// changed since is dropped, and the link is not kept while hidden (it would show another case's
/// link for a moment when shown again).
#[hook]
pub fn use_share_link(case: Case, shown: bool, base: Option<String>) -> AttrValue {
    let link = use_state(AttrValue::default);
    {
        let link = link.clone();
        use_effect_with((case, shown), move |(case, shown)| {
            let current = Rc::new(Cell::new(true));
            if *shown {
                let payload = share::payload(case);
                let current = current.clone();
                spawn_local(async move {
                    let text = match deflate::deflate(&payload).await {
                        Ok(deflated) => {
                            let data = share::link_data(&deflated);
                            let base = base.unwrap_or_else(|| location_parts().0);
                            format!("{base}{}", share::fragment(&data))
                        }
                        Err(_) => NO_SHARE_LINKS.to_string(),
                    };
                    if current.get() {
                        link.set(text.into());
                    }
                });
            } else if !link.is_empty() {
                link.set(AttrValue::default());
            }
            move || current.set(false)
        });
    }
    (*link).clone()
}
