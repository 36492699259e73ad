//! The API-document reader, a wasm module of its own (crates/scope-scan-web) loaded on first use
//! by `js/scanner.js`: it scans the documents and renders the review of its proposals into an
//! element of this app. The first load of the app carries none of it.

use js_sys::futures::JsFuture;
use scope_core::case::Answer;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/scanner.js")]
extern "C" {
    #[wasm_bindgen(js_name = openReview)]
    fn open_review_js(
        host: &web_sys::Element,
        documents_json: String,
        refused_json: String,
        case_json: String,
        on_accept: &JsValue,
        on_dismiss: &JsValue,
    ) -> js_sys::Promise;

    #[wasm_bindgen(js_name = closeReview)]
    pub fn close_review(review: &JsValue);
}

/// One document as the reader takes it.
#[derive(serde::Serialize)]
struct Document<'a> {
    name: &'a str,
    text: &'a str,
}

/// Scans `documents` (name, text) against the case (its JSON) and opens the review in `host`;
/// `refused` lists files not read (why, named). The review, to close later, or why not.
pub async fn open_review(
    host: &web_sys::Element,
    documents: &[(String, String)],
    refused: &[String],
    case_json: String,
    on_accept: &JsValue,
    on_dismiss: &JsValue,
) -> Result<JsValue, String> {
    let list: Vec<Document<'_>> = documents
        .iter()
        .map(|(name, text)| Document { name, text })
        .collect();
    let json = serde_json::to_string(&list).map_err(|e| e.to_string())?;
    let refused = serde_json::to_string(refused).map_err(|e| e.to_string())?;
    JsFuture::from(open_review_js(
        host, json, refused, case_json, on_accept, on_dismiss,
    ))
    .await
    .map_err(|e| message(&e))
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

/// An error's message: a thrown Error's, or the value as text. The browser's words for a module
/// it could not fetch become the reader's.
fn message(e: &JsValue) -> String {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default();
    if text.is_empty() || text.contains("dynamically imported module") {
        return "the document reader could not be loaded: it is fetched the first time a document is read, so that needs the network (or a visit that read one before)".into();
    }
    if text == "unreachable" {
        // A wasm trap: the reader ran out of memory or stopped on a bug of its own.
        return "the document reader stopped (out of memory?): the document may be too large for this browser".into();
    }
    text
}
