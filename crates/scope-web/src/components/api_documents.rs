//! "Read an API document": the exchange's OpenAPI, Swagger or AsyncAPI files, chosen or dropped,
//! handed to the document reader (a module loaded on first use), which renders the review of
//! its proposals into this panel and hands back the answers the user accepts.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::futures::spawn_local;
use scope_core::prefill::document_size_problem;
use scope_core::workbench::session::{Edit, Session};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::class;
use crate::hooks::{ReadFile, use_read_files};
use crate::scanner;

#[derive(Properties, PartialEq)]
pub struct ApiDocumentsProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Reading(String),
    Failed(String),
    Open,
    Accepted(String),
}

/// The open review and the callbacks it holds, kept alive until it closes.
#[derive(Default)]
struct Open {
    review: Option<JsValue>,
    callbacks: Vec<Closure<dyn Fn(JsValue)>>,
    /// Counts the reads: a review that opens after a newer read started is closed at once.
    generation: u32,
}

impl Open {
    fn close(&mut self) {
        if let Some(review) = self.review.take() {
            scanner::close_review(&review);
        }
        self.callbacks.clear();
    }
}

#[component]
pub fn ApiDocuments(props: &ApiDocumentsProps) -> Html {
    let phase = use_state(|| Phase::Idle);
    let open = use_mut_ref(Open::default);
    let host = use_node_ref();
    {
        let open = open.clone();
        use_effect_with((), move |()| move || open.borrow_mut().close());
    }
    // The review compares the proposals with the answers as they were when it opened: when an
    // answer or the market changes (by hand, or another tab's save), it closes rather than
    // accept against answers it did not show.
    {
        let (open, phase) = (open.clone(), phase.clone());
        let edited = props.session.edited();
        let answers = (
            edited.api.clone(),
            edited.api_sources.clone(),
            edited.connector.market,
        );
        use_effect_with(answers, move |_| {
            if *phase == Phase::Open {
                open.borrow_mut().close();
                phase.set(Phase::Accepted(
                    "The answers changed while the review was open, so it closed: read the documents again to compare them with the answers now.".into(),
                ));
            }
        });
    }
    let drop = {
        let (phase, open, host) = (phase.clone(), open.clone(), host.clone());
        // The case's JSON is written when files are read, not on every render.
        let (on_edit, session) = (props.on_edit.clone(), props.session.clone());
        use_read_files(
            document_size_problem,
            Callback::from(move |files: Vec<ReadFile>| {
                let (mut docs, mut refused) = (Vec::new(), Vec::new());
                for (name, text) in files {
                    match text {
                        Ok(text) => docs.push((name, text)),
                        Err(problem) => refused.push(format!("{name}: {problem}")),
                    }
                }
                open.borrow_mut().close();
                if docs.is_empty() {
                    phase.set(Phase::Failed(refused.join("; ")));
                    return;
                }
                let Some(element) = host.cast::<web_sys::Element>() else {
                    return;
                };
                let names: Vec<&str> = docs.iter().map(|(n, _)| n.as_str()).collect();
                phase.set(Phase::Reading(names.join(", ")));
                let generation = {
                    let mut o = open.borrow_mut();
                    o.generation += 1;
                    o.generation
                };
                let callbacks = callbacks(&phase, &open, &on_edit);
                let case_json = session.valid().to_json();
                let (phase, open) = (phase.clone(), open.clone());
                spawn_local(async move {
                    let (accept, dismiss) = (callbacks[0].as_ref(), callbacks[1].as_ref());
                    let result =
                        scanner::open_review(&element, &docs, &refused, case_json, accept, dismiss)
                            .await;
                    let mut o = open.borrow_mut();
                    match result {
                        Ok(review) if o.generation == generation => {
                            o.review = Some(review);
                            o.callbacks = callbacks;
                            phase.set(Phase::Open);
                        }
                        Ok(review) => scanner::close_review(&review),
                        Err(e) if o.generation == generation => phase.set(Phase::Failed(e)),
                        Err(_) => {}
                    }
                });
            }),
        )
    };
    let status = match &*phase {
        Phase::Idle | Phase::Open => html! {},
        Phase::Reading(names) => html! {
            <p class="note" role="status">{ format!("Reading {names}...") }</p>
        },
        Phase::Failed(why) => html! {
            <p class="problem" role="alert" data-testid="scan-problem">{ format!("Not read: {why}") }</p>
        },
        Phase::Accepted(what) => html! {
            <p class="note" role="status" data-testid="scan-accepted">{ what.clone() }</p>
        },
    };
    html! {
        <section class="api-documents" aria-label="API documents">
            <div class={class("drop", drop.dragging.then_some("dragging"))} ondrop={drop.ondrop} ondragover={drop.ondragover} ondragleave={drop.ondragleave}>
                <label for="cs-api-document">
                    { "Read an API document: the exchange's OpenAPI, Swagger or AsyncAPI files (JSON or YAML). Choose them or drop them here; they stay in this browser." }
                </label>
                <input id="cs-api-document" type="file" multiple=true onchange={drop.onchange}
                    accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" />
            </div>
            { status }
            <div ref={host} class="review-host"></div>
        </section>
    }
}

/// The review's two callbacks: accept (the answers as JSON) and dismiss.
fn callbacks(
    phase: &UseStateHandle<Phase>,
    open: &Rc<RefCell<Open>>,
    on_edit: &Callback<Edit>,
) -> Vec<Closure<dyn Fn(JsValue)>> {
    let (p, o, edit) = (phase.clone(), open.clone(), on_edit.clone());
    let accept = Closure::<dyn Fn(JsValue)>::new(move |json: JsValue| {
        let accepted = scanner::accepted(&json.as_string().unwrap_or_default());
        let n = accepted.len();
        if n > 0 {
            edit.emit(Edit::Accept(accepted));
        }
        p.set(Phase::Accepted(match n {
            0 => "Nothing accepted: the answers stay as they were.".into(),
            1 => "Accepted 1 answer; it names its document.".into(),
            n => format!("Accepted {n} answers; each names its document."),
        }));
        close_later(&o);
    });
    let (p, o) = (phase.clone(), open.clone());
    let dismiss = Closure::<dyn Fn(JsValue)>::new(move |_: JsValue| {
        p.set(Phase::Idle);
        close_later(&o);
    });
    vec![accept, dismiss]
}

/// Closes the review after the callback that asked for it has returned: the callback belongs to
/// the review's own event handler, which must not be torn down while it runs.
fn close_later(open: &Rc<RefCell<Open>>) {
    let open = open.clone();
    spawn_local(async move {
        if let Ok(mut o) = open.try_borrow_mut() {
            o.close();
        }
    });
}
