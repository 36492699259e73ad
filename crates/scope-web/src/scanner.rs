//! The reader, a wasm module of its own (crates/scope-scan-web) loaded on first use by
//! `js/scanner.js`: it scans API documents and renders the review of its proposals, and what
//! became of it, into an element of this app; it holds the CCXT table and starts cases from it.
//! The first load of the app carries none of it.

use js_sys::futures::JsFuture;
use scope_core::case::Answer;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/scanner.js")]
extern "C" {
    #[wasm_bindgen(js_name = readDocuments)]
    fn read_documents_js(
        host: &web_sys::Element,
        documents_json: String,
        refused_json: String,
        names: String,
        case_json: String,
        on_accept: &JsValue,
    );

    #[wasm_bindgen(js_name = answersChanged)]
    pub fn answers_changed(host: &web_sys::Element);

    #[wasm_bindgen(js_name = closeDocuments)]
    pub fn close_documents(host: &web_sys::Element);

    /// Fills the search's suggestions once the reader has loaded.
    #[wasm_bindgen(js_name = ccxtSuggest)]
    pub fn ccxt_suggest(input: &web_sys::EventTarget);

    /// What the CCXT form's search holds.
    #[wasm_bindgen(js_name = searchText)]
    pub fn search_text(form: &web_sys::EventTarget) -> String;

    #[wasm_bindgen(js_name = ccxtStart)]
    fn ccxt_start_js(form: &web_sys::EventTarget, query: &str, today: String) -> js_sys::Promise;
}

/// One document as the reader takes it.
#[derive(serde::Serialize)]
struct Document<'a> {
    name: &'a str,
    text: &'a str,
}

/// Scans `documents` (name, text) against the case (its JSON) and shows the review in `host`;
/// `refused` lists files not read (why, named). `on_accept` gets the accepted answers' JSON.
pub fn read_documents(
    host: &web_sys::Element,
    documents: &[(String, String)],
    refused: &[String],
    case_json: String,
    on_accept: &JsValue,
) {
    let list: Vec<Document<'_>> = documents
        .iter()
        .map(|(name, text)| Document { name, text })
        .collect();
    // Never empty while there is a document: the reader takes no names for no documents.
    let names: Vec<String> = list.iter().map(|d| shown_name(d.name)).collect();
    // Writing strings and string lists cannot fail.
    let json = serde_json::to_string(&list).unwrap_or_default();
    let refused = serde_json::to_string(refused).unwrap_or_default();
    read_documents_js(host, json, refused, names.join(", "), case_json, on_accept);
}

/// A file's name as the page says it: on one line, without bidirectional controls (a name cannot
/// reverse the sentence around it), and never empty.
pub fn shown_name(name: &str) -> String {
    match scope_core::support::escape::one_line(name, 120) {
        shown if shown.is_empty() => "a file without a name".into(),
        shown => shown,
    }
}

/// The accepted answers as the review hands them over, `[[item, answer, source], ...]`.
pub fn accepted(json: &str) -> Vec<(String, Answer, String)> {
    let Ok(serde_json::Value::Array(list)) = serde_json::from_str(json) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|row| {
            let [item, answer, source] = row.as_array()?.as_slice() else {
                return None;
            };
            Some((
                item.as_str()?.to_string(),
                answer.as_str()?.parse().ok()?,
                source.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// A new case's JSON and what to tell the user, for the exchange `query` (typed in `form`)
/// names; or why not.
pub async fn ccxt_start(
    form: &web_sys::EventTarget,
    query: &str,
    today: String,
) -> Result<(String, String), String> {
    let pair = JsFuture::from(ccxt_start_js(form, query, today))
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        })?;
    let pair = js_sys::Array::from(&pair);
    match (pair.get(0).as_string(), pair.get(1).as_string()) {
        (Some(case), Some(note)) => Ok((case, note)),
        _ => Err("the reader's answer was not a case".into()),
    }
}
