//! "Read an API document": the exchange's OpenAPI, Swagger or AsyncAPI files, chosen or dropped,
//! handed to the reader (a module loaded on first use), which renders the review of its
//! proposals, and what became of it, into this panel's host and hands back the answers the user
//! accepts.

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

#[component]
pub fn ApiDocuments(props: &ApiDocumentsProps) -> Html {
    let host = use_node_ref();
    // The reader keeps one accept callback for the panel's life; it edits through the newest
    // `on_edit`.
    let on_edit = use_mut_ref(|| props.on_edit.clone());
    on_edit.replace(props.on_edit.clone());
    let accept = use_memo((), {
        let on_edit = on_edit.clone();
        move |()| {
            Closure::<dyn Fn(JsValue)>::new(move |json: JsValue| {
                let accepted = scanner::accepted(&json.as_string().unwrap_or_default());
                let edit = on_edit.borrow().clone();
                edit.emit(Edit::Accept(accepted));
            })
        }
    });
    {
        let host = host.clone();
        use_effect_with((), move |()| {
            let element = host.cast::<web_sys::Element>();
            move || {
                if let Some(e) = element {
                    scanner::close_documents(&e);
                }
            }
        });
    }
    // The review compares the proposals with the answers as they were when it opened: when an
    // answer or the market changes (by hand, or another tab's save), it closes rather than
    // accept against answers it did not show.
    {
        let host = host.clone();
        let edited = props.session.edited();
        let answers = (
            edited.api.clone(),
            edited.api_sources.clone(),
            edited.connector.market,
        );
        use_effect_with(answers, move |_| {
            if let Some(e) = host.cast::<web_sys::Element>() {
                scanner::answers_changed(&e);
            }
        });
    }
    let drop = {
        let host = host.clone();
        // The case's JSON is written when files are read, not on every render.
        let session = props.session.clone();
        use_read_files(
            document_size_problem,
            Callback::from(move |files: Vec<ReadFile>| {
                let (mut docs, mut refused) = (Vec::new(), Vec::new());
                for (name, text) in files {
                    match text {
                        Ok(text) => docs.push((name, text)),
                        Err(problem) => {
                            refused.push(format!("{}: {problem}", scanner::shown_name(&name)))
                        }
                    }
                }
                if let Some(element) = host.cast::<web_sys::Element>() {
                    let case_json = session.valid().to_json();
                    let accept: &JsValue = accept.as_ref().as_ref();
                    scanner::read_documents(&element, &docs, &refused, case_json, accept);
                }
            }),
        )
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
            <div ref={host} class="review-host"></div>
        </section>
    }
}
