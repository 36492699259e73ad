//! The web app's API-document reader, a wasm module of its own (web/pkg-scan) fetched the first
//! time a user reads a document, so that the YAML parser, the scan and the review of its
//! proposals never weigh on the first load. The app hands over the documents and its case; this
//! scans them and renders the review (plain DOM, see review.rs) into the element it is given,
//! and calls back with the answers the user accepts.

mod review;

use js_sys::Function;
use scope_core::Case;
use scope_core::maturity::rubric;
use scope_core::prefill::review::rows;
use wasm_bindgen::prelude::*;

/// An open review: close it to take it out of the page.
#[wasm_bindgen]
pub struct Review {
    mounted: Option<review::Mounted>,
}

#[wasm_bindgen]
impl Review {
    pub fn close(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.remove();
        }
    }
}

/// Scans `documents_json` (`[{name, text}]`) for `case_json`'s market and renders the review into
/// `host`. `on_accept` gets the accepted answers as JSON, `[[item, answer, source], ...]`;
/// `on_dismiss` gets nothing. Throws with the reason when no document can be read, or when the
/// case is not valid.
#[wasm_bindgen(js_name = openReview)]
pub fn open_review(
    host: web_sys::Element,
    documents_json: &str,
    refused_json: &str,
    case_json: &str,
    on_accept: Function,
    on_dismiss: Function,
) -> Result<Review, JsError> {
    let case = Case::from_json(case_json).map_err(|e| JsError::new(&e.to_string()))?;
    let market = case.connector.market;
    let p =
        scope_scan::scan_documents_json(documents_json, market).map_err(|e| JsError::new(&e))?;
    let refused: Vec<String> = serde_json::from_str(refused_json).unwrap_or_default();
    let content = review::Content {
        rows: rows(&p, &case, market),
        documents: p.documents.clone(),
        refused,
        not_found: p
            .not_found
            .iter()
            .filter_map(|id| rubric::item(id).map(|i| i.label))
            .collect(),
    };
    let accept = move |accepted: Vec<(String, scope_core::case::Answer, String)>| {
        let list: Vec<[&str; 3]> = accepted
            .iter()
            .map(|(item, answer, source)| [item.as_str(), answer.as_str(), source.as_str()])
            .collect();
        let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
        let _ = on_accept.call1(&JsValue::NULL, &JsValue::from_str(&json));
    };
    let dismiss = move || {
        let _ = on_dismiss.call0(&JsValue::NULL);
    };
    let mounted = review::mount(&host, content, accept, dismiss)
        .map_err(|e| JsError::new(&format!("the review could not be shown: {e:?}")))?;
    Ok(Review {
        mounted: Some(mounted),
    })
}
