//! The web app's reader module (web/pkg-scan), fetched the first time a user reads an API
//! document or starts from an exchange CCXT knows, so that the YAML parser, the scan, the review
//! of its proposals and the CCXT table never weigh on the first load. For documents, the app
//! hands over the files' text and its case; this scans them, renders the review (plain DOM, see
//! review.rs) and what became of it (panel.rs) into the element it is given, and calls back with
//! the answers the user accepts. For CCXT, it lists the exchanges and starts a case from one.

mod panel;
mod review;

use js_sys::Function;
use scope_core::Case;
use scope_core::maturity::rubric;
use scope_core::prefill::ccxt;
use scope_core::prefill::review::rows;
use scope_core::support::date::Date;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Scans `documents_json` (`[{name, text}]`) for `case_json`'s market and renders the review into
/// `host`, in place of whatever this module showed there before. `on_accept` gets the accepted
/// answers as JSON, `[[item, answer, source], ...]`. `refused_json` lists the files not read
/// (why, named). What goes wrong (no document readable, a case that is not valid) is said in
/// `host`.
#[wasm_bindgen(js_name = readDocuments)]
pub fn read_documents(
    host: Element,
    documents_json: &str,
    refused_json: &str,
    case_json: &str,
    on_accept: Function,
) {
    panel::reset(&host);
    let refused: Vec<String> = serde_json::from_str(refused_json).unwrap_or_default();
    let content = Case::from_json(case_json)
        .map_err(|e| e.to_string())
        .and_then(|case| {
            let market = case.connector.market;
            let p = scope_scan::scan_documents_json(documents_json, market)?;
            Ok(review::Content {
                rows: rows(&p, &case, market),
                documents: p.documents.clone(),
                refused,
                not_found: p
                    .not_found
                    .iter()
                    .filter_map(|id| rubric::item(id).map(|i| i.label))
                    .collect(),
            })
        });
    match content {
        Ok(content) => panel::open(&host, content, on_accept),
        Err(why) => panel::problem(&host, &why),
    }
}

/// The case's answers changed: an open review closes rather than accept against answers it did
/// not show.
#[wasm_bindgen(js_name = answersChanged)]
pub fn answers_changed(host: Element) {
    panel::answers_changed(&host);
}

/// The app's panel is going away: drop what this module holds for it.
#[wasm_bindgen(js_name = closeDocuments)]
pub fn close_documents(host: Element) {
    panel::reset(&host);
}

/// The names of the exchanges CCXT knows, for the search's suggestions.
#[wasm_bindgen(js_name = ccxtNames)]
pub fn ccxt_names() -> Vec<String> {
    ccxt::exchanges()
        .into_iter()
        .map(|e| e.name.to_string())
        .collect()
}

/// A new case started from the exchange `query` names (a name or CCXT id) as of `today`
/// (YYYY-MM-DD): `[case JSON, what to tell the user]`. Throws with why when no single exchange
/// matches.
#[wasm_bindgen(js_name = ccxtStart)]
pub fn ccxt_start(query: &str, today: &str) -> Result<Vec<String>, JsError> {
    let as_of: Date = today
        .parse()
        .map_err(|_| JsError::new(&format!("today: {today:?} is not a date")))?;
    let exchange = ccxt::pick(query).map_err(|why| JsError::new(&why))?;
    let case = exchange.start_case(as_of);
    let note = exchange.start_note(&case);
    Ok(vec![case.to_json(), note])
}
