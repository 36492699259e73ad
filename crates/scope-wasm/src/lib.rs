//! scope-core for JavaScript (the npm package `connector-scope-core`).
//!
//! Every function takes a case file as JSON text and returns JSON text (or Markdown); an invalid
//! case throws an Error whose message is scope-core's, naming the field. The package's `index.js`
//! wraps these to take and return objects, and `index.d.ts` types them.

use scope_core::reports::proposal;
use scope_core::{Case, agreement, evaluate};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn read(case_json: &str) -> Result<Case, JsError> {
    Case::from_json(case_json).map_err(|e| JsError::new(&e.to_string()))
}

fn json<T: Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))
}

/// `{score, rank, blockers, sections, findings, ...}`
#[wasm_bindgen]
pub fn maturity(case_json: &str) -> Result<String, JsError> {
    json(&scope_core::rank(&read(case_json)?))
}

/// `{effort_hours, calendar_days, p_over_90_days, cost, tasks, constraints, ...}`
#[wasm_bindgen]
pub fn estimate(case_json: &str) -> Result<String, JsError> {
    let case = read(case_json)?;
    json(&scope_core::estimate(&case).map_err(|e| JsError::new(&e.to_string()))?)
}

/// `{path, stages: [{id, applies, reason, days}], ...}`
#[wasm_bindgen]
pub fn plan(case_json: &str) -> Result<String, JsError> {
    json(&scope_core::plan(&read(case_json)?))
}

/// `{method, normalization, weights, ranking, contributions, dominated, sensitivity, ahp?}`
#[wasm_bindgen]
pub fn evaluation(case_json: &str) -> Result<String, JsError> {
    let case = read(case_json)?;
    json(&evaluate::evaluate(&case).map_err(|e| JsError::new(&e.to_string()))?)
}

/// `{months: [{month, total, developer, foundation}], totals}`, amounts as decimal strings.
#[wasm_bindgen(js_name = agreement)]
pub fn agreement_projection(case_json: &str) -> Result<String, JsError> {
    let case = read(case_json)?;
    let spec = case
        .agreement
        .as_ref()
        .ok_or_else(|| JsError::new("agreement: missing; the case has no agreement to project"))?;
    json(&agreement::project(spec, &case.estimate.currency))
}

/// The proposal to the exchange, as Markdown.
#[wasm_bindgen(js_name = proposal)]
pub fn proposal_markdown(case_json: &str) -> Result<String, JsError> {
    Ok(proposal::proposal(&read(case_json)?).to_markdown())
}

/// The case file's JSON Schema.
#[wasm_bindgen]
pub fn schema() -> String {
    scope_core::case::json_schema()
}

/// Every problem of a case at once, each `{path, message}`, then what it lacks for a command,
/// each `{path, message, needed_by}`; an empty list when every command can run.
#[wasm_bindgen]
pub fn validate(case_json: &str) -> String {
    serde_json::to_string(&scope_core::validate::needs::check(case_json))
        .unwrap_or_else(|_| "[]".into())
}

fn market(market: &str) -> Result<scope_core::case::Market, JsError> {
    market
        .parse()
        .map_err(|e: String| JsError::new(&format!("market: {e}")))
}

/// Reads API documents, `[{name, text}]` as JSON, and proposes questionnaire answers for a
/// connector to `market`: `{answers, evidence, not_found, documents}`. Throws when no document is
/// an API description this reads.
#[wasm_bindgen]
pub fn scan(documents_json: &str, market_id: &str) -> Result<String, JsError> {
    scope_scan::scan_json(documents_json, market_id).map_err(|e| JsError::new(&e))
}

/// The answers CCXT's capabilities propose for exchange `id` (a CCXT id) and `market`.
#[wasm_bindgen]
pub fn prefill(id: &str, market_id: &str) -> Result<String, JsError> {
    let market = market(market_id)?;
    let exchange = scope_core::prefill::ccxt::find(id)
        .ok_or_else(|| JsError::new(&format!("{id:?} is not an exchange in the CCXT table")))?;
    Ok(exchange.prefill(market).to_json())
}

/// The case with the proposals accepted: its own answers kept unless `replace`, each taken
/// answer's source recorded.
#[wasm_bindgen]
pub fn accept(case_json: &str, prefill_json: &str, replace: bool) -> Result<String, JsError> {
    let mut case = read(case_json)?;
    let p = scope_core::prefill::Prefill::from_json(prefill_json)
        .map_err(|e| JsError::new(&e.to_string()))?;
    p.apply(&mut case, replace);
    let checked = Case::from_json(&case.to_json()).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(checked.to_json())
}
