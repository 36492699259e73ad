//! The review of proposed answers, built as plain DOM: each proposal with what it would change
//! and its evidence; accept the ones ticked, or all that answer or improve an answer; the user's
//! own answers stay unless ticked.
//!
//! Why not yew: this module is a second wasm instance inside the app's page, and two yew
//! instances in one tree read each other's event bookkeeping (both brand elements with the same
//! property names), so the app's handlers ran for the review's clicks. Native listeners on the
//! review's own elements are invisible to the app's yew, and the app's page styles apply.

use scope_core::case::Answer;
use scope_core::prefill::DocumentRead;
use scope_core::prefill::ccxt::source_note;
use scope_core::prefill::review::{Change, ReviewRow, chosen};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, HtmlInputElement};

/// What the review shows.
pub struct Content {
    pub rows: Vec<ReviewRow>,
    pub documents: Vec<DocumentRead>,
    /// Files not read at all (too large, unreadable), with why.
    pub refused: Vec<String>,
    /// Labels of the items no document showed.
    pub not_found: Vec<&'static str>,
}

type Handler = Closure<dyn FnMut(Event)>;

/// The review in the page: its element and the listeners it holds.
pub struct Mounted {
    root: Element,
    _handlers: Vec<Handler>,
}

impl Mounted {
    pub fn remove(&self) {
        self.root.remove();
    }
}

fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

/// Appends `child` to `parent`.
fn put(parent: &Element, child: Element) -> Result<Element, JsValue> {
    parent.append_child(&child)?;
    Ok(child)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn current_text(r: &ReviewRow) -> String {
    let change = match r.change {
        Change::Answers | Change::Same => "",
        Change::Improves => "; the proposal says more and replaces it",
        Change::Keeps => "; kept unless you tick this",
    };
    match (r.current, &r.current_source) {
        (None, _) => "Now: not answered.".into(),
        (Some(a), Some(source)) => format!("Now: {}, from {source}{change}.", a.label()),
        (Some(a), None) => format!("Now: {} (your answer){change}.", a.label()),
    }
}

/// Builds the review into `host`; `on_accept` gets the chosen answers, `on_dismiss` nothing.
pub fn mount(
    host: &Element,
    content: Content,
    on_accept: impl Fn(Vec<(String, Answer, String)>) + 'static,
    on_dismiss: impl Fn() + 'static,
) -> Result<Mounted, JsValue> {
    let doc = host.owner_document().ok_or("the host is in no document")?;
    let rows = std::rc::Rc::new(content.rows);
    let root = el(&doc, "div", "scan-review", "")?;
    root.set_attribute("data-testid", "scan-review")?;
    put(&root, el(&doc, "h2", "", "Proposed answers")?)?;

    let read = el(&doc, "ul", "documents-read", "")?;
    for d in &content.documents {
        let li = el(&doc, "li", "", "")?;
        put(&li, el(&doc, "strong", "", &d.name)?)?;
        let counts = format!(
            "{}, {}",
            plural(d.operations, "operation", "operations"),
            plural(d.channels, "channel", "channels")
        );
        let what = match &d.problem {
            Some(p) if d.format.is_empty() => format!(": not read, {p}"),
            Some(p) => format!(": {}, {counts}; {p}", d.format),
            None => format!(": {}, {counts}", d.format),
        };
        li.append_child(&doc.create_text_node(&what))?;
        read.append_child(&li)?;
    }
    for r in &content.refused {
        put(&read, el(&doc, "li", "", &format!("Not read: {r}"))?)?;
    }
    root.append_child(&read)?;

    let open: Vec<&ReviewRow> = rows.iter().filter(|r| r.change != Change::Same).collect();
    let same = rows.len() - open.len();
    let by_default = rows.iter().filter(|r| r.change.by_default()).count();
    let mut handlers: Vec<Handler> = Vec::new();

    let actions = el(&doc, "div", "review-actions", "")?;
    let ticked_button = el(
        &doc,
        "button",
        "small primary",
        &format!("Accept ticked ({by_default})"),
    )?;
    let all_button = el(
        &doc,
        "button",
        "small",
        &format!("Accept all new and better ({by_default})"),
    )?;
    let dismiss_button = el(&doc, "button", "small", "Dismiss")?;
    for b in [&ticked_button, &all_button, &dismiss_button] {
        b.set_attribute("type", "button")?;
    }
    if open.is_empty() {
        ticked_button.set_attribute("disabled", "")?;
    }
    if by_default == 0 {
        all_button.set_attribute("disabled", "")?;
    }
    actions.append_child(&ticked_button)?;
    actions.append_child(&all_button)?;
    actions.append_child(&dismiss_button)?;
    root.append_child(&actions)?;

    let (class, note) = if rows.is_empty() {
        (
            "note",
            "Nothing in these documents answers a question of the questionnaire.",
        )
    } else if open.is_empty() {
        (
            "note",
            "Nothing to change: every proposal matches an answer you have.",
        )
    } else {
        (
            "hint",
            "Ticked: what answers a question or says more than an earlier document. Your own answers stay unless you tick them.",
        )
    };
    put(&root, el(&doc, "p", class, note)?)?;

    let list = el(&doc, "ul", "proposals", "")?;
    let mut boxes: Vec<(HtmlInputElement, &'static str)> = Vec::new();
    for r in &open {
        let li = el(&doc, "li", "proposed", "")?;
        li.set_attribute("data-item", r.item)?;
        let id = format!("cs-accept-{}", r.item);
        let input: HtmlInputElement = doc.create_element("input")?.dyn_into()?;
        input.set_type("checkbox");
        input.set_id(&id);
        input.set_checked(r.change.by_default());
        li.append_child(&input)?;
        let label = el(&doc, "label", "", "")?;
        label.set_attribute("for", &id)?;
        put(&label, el(&doc, "strong", "", r.label)?)?;
        label.append_child(&doc.create_text_node(&format!(": {}", r.proposed.label())))?;
        li.append_child(&label)?;
        put(&li, el(&doc, "p", "hint", &current_text(r))?)?;
        if let Some(note) = source_note(&r.source) {
            put(&li, el(&doc, "p", "hint", note)?)?;
        }
        let details = el(&doc, "details", "", "")?;
        put(
            &details,
            el(
                &doc,
                "summary",
                "",
                &format!("Evidence ({})", r.evidence.len()),
            )?,
        )?;
        let ev = el(&doc, "ul", "evidence", "")?;
        for e in &r.evidence {
            let item = el(&doc, "li", "", "")?;
            put(&item, el(&doc, "code", "", &e.location)?)?;
            item.append_child(&doc.create_text_node(&format!(" in {}: {}", e.source, e.why)))?;
            ev.append_child(&item)?;
        }
        details.append_child(&ev)?;
        li.append_child(&details)?;
        list.append_child(&li)?;
        boxes.push((input, r.item));
    }
    root.append_child(&list)?;
    if same > 0 {
        let text = format!(
            "{} the answers you have.",
            plural(same, "proposal matches", "proposals match")
        );
        put(&root, el(&doc, "p", "hint", &text)?)?;
    }
    if !content.not_found.is_empty() {
        let text = format!(
            "Not found in these documents, left as they are: {}.",
            content.not_found.join(", ")
        );
        put(&root, el(&doc, "p", "hint", &text)?)?;
    }

    let boxes = std::rc::Rc::new(boxes);
    // Each tick changes the count on the first button.
    {
        let (boxes, button) = (boxes.clone(), ticked_button.clone());
        let recount = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            let n = boxes.iter().filter(|(b, _)| b.checked()).count();
            button.set_text_content(Some(&format!("Accept ticked ({n})")));
        });
        list.add_event_listener_with_callback("change", recount.as_ref().unchecked_ref())?;
        handlers.push(recount);
    }
    let on_accept = std::rc::Rc::new(on_accept);
    {
        let (boxes, rows, on_accept) = (boxes.clone(), rows.clone(), on_accept.clone());
        let accept = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            let ticked: Vec<&str> = boxes
                .iter()
                .filter(|(b, _)| b.checked())
                .map(|(_, item)| *item)
                .collect();
            on_accept(chosen(&rows, |r| ticked.contains(&r.item)));
        });
        ticked_button.add_event_listener_with_callback("click", accept.as_ref().unchecked_ref())?;
        handlers.push(accept);
    }
    {
        let rows = rows.clone();
        let accept = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            on_accept(chosen(&rows, |r| r.change.by_default()));
        });
        all_button.add_event_listener_with_callback("click", accept.as_ref().unchecked_ref())?;
        handlers.push(accept);
    }
    {
        let dismiss = Closure::<dyn FnMut(Event)>::new(move |_: Event| on_dismiss());
        dismiss_button
            .add_event_listener_with_callback("click", dismiss.as_ref().unchecked_ref())?;
        handlers.push(dismiss);
    }
    host.append_child(&root)?;
    Ok(Mounted {
        root,
        _handlers: handlers,
    })
}
