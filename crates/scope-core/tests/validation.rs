//! Bad case files get a message that names the field.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use scope_core::{Case, CaseError};

const MINIMAL: &str = r#"{"version": 1, "exchange": {"name": "X"}}"#;

fn error_of(json: &str) -> String {
    Case::from_json(json)
        .expect_err("must be refused")
        .to_string()
}

#[test]
fn a_minimal_case_reads_with_defaults() {
    let case = Case::from_json(MINIMAL).unwrap();
    assert_eq!(case.simulation.samples, 10_000);
    assert_eq!(case.estimate.availability_hours_per_week, 30.0);
    assert_eq!(case.path.as_str(), "exchange_funded");
}

#[test]
fn unknown_answer_names_the_item() {
    let e =
        error_of(r#"{"version": 1, "exchange": {"name": "X"}, "api": {"ws_order_book": "maybe"}}"#);
    assert!(e.starts_with(r#"api.ws_order_book: unknown answer "maybe" (expected one of: documented_with_examples,"#), "{e}");
}

#[test]
fn unknown_item_and_unknown_field_are_named() {
    let e = error_of(
        r#"{"version": 1, "exchange": {"name": "X"}, "api": {"ws_orderbook": "documented"}}"#,
    );
    assert!(
        e.starts_with("api.ws_orderbook: unknown questionnaire item"),
        "{e}"
    );
    let e = error_of(r#"{"version": 1, "exchange": {"name": "X", "url": "x"}}"#);
    assert!(e.starts_with("exchange.url: unknown field `url`"), "{e}");
}

#[test]
fn versions_are_checked_first() {
    assert_eq!(
        Case::from_json(r#"{"exchange": {"name": "X"}}"#),
        Err(CaseError::MissingVersion)
    );
    let e = error_of(r#"{"version": 2, "exchange": {}}"#);
    assert!(
        e.starts_with("version: 2 is not a version this build reads") && e.contains("newer"),
        "{e}"
    );
    let e = error_of(r#"{"version": "1", "exchange": {"name": "X"}}"#);
    assert!(e.starts_with(r#"version: "1" is not a version"#), "{e}");
}

#[test]
fn syntax_errors_give_line_and_column() {
    match Case::from_json("{\n  \"version\": 1,\n  \"exchange\": {\"name\": \"X\",}\n}") {
        Err(CaseError::Syntax { line, column, .. }) => assert_eq!((line, column), (3, 28)),
        other => panic!("{other:?}"),
    }
    assert!(error_of("[1, 2]").contains("a case file is a JSON object"));
}

#[test]
fn rules_name_their_fields() {
    let cases = [
        (
            r#""exchange": {"name": "  "}"#,
            "exchange.name: must not be empty",
        ),
        (
            r#""exchange": {"name": "X", "launched": "2020-01"}"#,
            "as_of: required with exchange.launched",
        ),
        (
            r#""as_of": "2026-01-01", "exchange": {"name": "X", "launched": "2026-05"}"#,
            "exchange.launched: 2026-05 is after as_of",
        ),
        (
            r#""as_of": "2026-02-30", "exchange": {"name": "X"}"#,
            r#"as_of: "2026-02-30" is not a date"#,
        ),
        (
            r#""exchange": {"name": "X"}, "connector": {"build": "modification", "changes": ["auth"]}"#,
            "connector.base_connector: required for a modification",
        ),
        (
            r#""exchange": {"name": "X"}, "connector": {"precedent": "notanexchange"}"#,
            r#"connector.precedent: "notanexchange" is not a Hummingbot connector"#,
        ),
        (
            r#""exchange": {"name": "X"}, "connector": {"build": "modification", "base_connector": "binance", "changes": ["positions"]}"#,
            "connector.changes[0]: positions is a perpetual part",
        ),
        (
            r#""exchange": {"name": "X"}, "connector": {"changes": ["auth", "oops"]}"#,
            r#"connector.changes[1]: unknown task "oops""#,
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"availability_hours_per_week": 0}"#,
            "estimate.availability_hours_per_week: must be between 1 and 80",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"hourly_rate": "-5"}"#,
            "estimate.hourly_rate: must be between 0 and 10,000",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"hourly_rate": "abc"}"#,
            "estimate.hourly_rate:",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"currency": "usd"}"#,
            "estimate.currency:",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"tasks": [{"id": "a", "optimistic": 5, "most_likely": 3, "pessimistic": 9}]}"#,
            "estimate.tasks[0]: hours must be ordered",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"tasks": []}"#,
            "estimate.tasks: must list 1 to 200 tasks",
        ),
        (
            r#""exchange": {"name": "X"}, "simulation": {"samples": 5}"#,
            "simulation.samples: must be between 100 and 100000",
        ),
        (
            r#""exchange": {"name": "X"}, "simulation": {"seed": 9007199254740992}"#,
            "simulation.seed: must be at most 9007199254740991",
        ),
        (
            r#""exchange": {"name": "X"}, "stages": {"qa": "finished"}"#,
            r#"stages.qa: unknown stage status "finished""#,
        ),
        (
            r#""exchange": {"name": "X"}, "path": "sponsored""#,
            r#"path: unknown engagement path "sponsored""#,
        ),
    ];
    for (body, expected) in cases {
        let e = error_of(&format!(r#"{{"version": 1, {body}}}"#));
        assert!(
            e.contains(expected),
            "{body}\n  expected: {expected}\n  got: {e}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = Case::from_json(
        r#"{"version": 1, "exchange": {"name": ""}, "simulation": {"samples": 1, "seed": 1}}"#,
    )
    .expect_err("two problems");
    let paths: Vec<&str> = e.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["exchange.name", "simulation.samples"]);
}

#[test]
fn the_estimate_names_the_missing_rate() {
    let case = Case::from_json(MINIMAL).unwrap();
    let e = scope_core::estimate(&case)
        .expect_err("no rate")
        .to_string();
    assert!(
        e.starts_with("estimate.hourly_rate: required for the cost estimate"),
        "{e}"
    );
}

/// A case with every field of the format set (nothing left to a default) reads back from what it
/// writes: the hand-written reader and the derived writer agree on every name and shape. (Numbers
/// that are f64 in the case are written with a fraction, as the writer writes them.)
#[test]
fn every_field_of_the_format_round_trips() {
    let text = r#"{
        "version": 1,
        "as_of": "2026-11-25",
        "exchange": {"name": "Every Field", "launched": "2021-03", "kind": "dex"},
        "connector": {"market": "both", "build": "modification", "base_connector": "kucoin",
                      "precedent": "binance", "changes": ["auth", "positions"]},
        "path": "developer_built",
        "governance_era": "2023_epoch5",
        "api": {"ws_order_book": "partial", "rest_server_time": "documented_with_examples"},
        "api_sources": {"rest_server_time": "spot_api.yaml"},
        "estimate": {"availability_hours_per_week": 22.5, "hourly_rate": "87.25", "currency": "EUR",
                     "overhead_pct": "12.5", "experience": "some",
                     "tasks": [{"id": "a", "label": "A", "optimistic": 1.0, "most_likely": 2.5, "pessimistic": 4.0}]},
        "simulation": {"samples": 2000, "seed": 77},
        "stages": {"initial_call": "done", "scoping": "in_progress"},
        "criteria": [{"id": "cost", "label": "Cost", "kind": "cost", "unit": "USD", "weight": 2.0},
                     {"id": "speed", "kind": "benefit"}],
        "candidates": [{"name": "Ann", "values": {"cost": 50.0, "speed": 3.0}},
                       {"name": "Bo", "values": {"cost": 70.0, "speed": 4.5}}],
        "weights": {"ahp": {"order": ["cost", "speed"], "matrix": [[1.0, "1/3"], [3.0, 1.0]]}},
        "evaluation": {"method": "topsis", "normalization": "minmax"},
        "selected_candidate": "Bo",
        "agreement": {"kind": "variable", "monthly_volume": "1000000", "fee_rate_pct": "0.1",
                      "share_pct": "20", "monthly_growth_pct": "-2.5", "fixed_monthly": "100",
                      "months": 24, "build_charge": "15000", "renewal": true,
                      "incentives": {"hbot": "5000", "exchange_token": "2000",
                                     "exchange_token_symbol": "XT", "first_users": 50}}
    }"#;
    let case = Case::shape_from_value(serde_json::from_str(text).unwrap())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.governance_era.as_str(), "2023_epoch5");
    assert_eq!(case.estimate.tasks.as_ref().unwrap()[0].most_likely, 2.5);
    assert_eq!(case.agreement.as_ref().unwrap().months, 24);
    assert_eq!(case.candidates[1].values.get("speed"), Some(&4.5));
    let written: serde_json::Value = serde_json::from_str(&case.to_json()).unwrap();
    assert_eq!(
        written,
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
    assert_eq!(Case::shape_from_value(written).unwrap(), case);
}

#[test]
fn wrong_shapes_name_their_fields() {
    let cases = [
        (r#""exchange": {}"#, "exchange: missing field `name`"),
        (
            r#""exchange": "X""#,
            "exchange: invalid type: string \"X\", expected an object",
        ),
        (
            r#""exchange": {"name": 5}"#,
            "exchange.name: invalid type: integer `5`",
        ),
        (
            r#""exchange": {"name": "X"}, "simulation": {"samples": -1}"#,
            "simulation.samples: invalid value",
        ),
        (
            r#""exchange": {"name": "X"}, "simulation": {"samples": 1e10}"#,
            "simulation.samples: invalid value",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"tasks": [{"id": "a", "optimistic": 1, "most_likely": 2}]}"#,
            "estimate.tasks[0]: missing field `pessimistic`",
        ),
        (
            r#""exchange": {"name": "X"}, "estimate": {"overhead_pct": 15}"#,
            "estimate.overhead_pct: invalid type: integer `15`, expected a decimal number written as a string",
        ),
        (
            r#""exchange": {"name": "X"}, "candidates": [{"name": "A", "values": {"cost": "x"}}]"#,
            "candidates[0].values.cost: invalid type: string \"x\", expected a number",
        ),
        (
            r#""exchange": {"name": "X"}, "weights": {"ahp": {"order": ["a"], "matrix": [[true]]}}"#,
            "weights.ahp.matrix[0][0]: expected a number or a fraction",
        ),
        (
            r#""exchange": {"name": "X"}, "stages": {"qaa": "done"}"#,
            "stages.qaa: unknown stage \"qaa\"",
        ),
        (
            r#""exchange": {"name": "X"}, "agreement": {"kind": "fixed", "renewal": "yes"}"#,
            "agreement.renewal: invalid type: string \"yes\", expected true or false",
        ),
        (
            r#""exchange": {"name": "X"}, "agreement": {"kind": "fixed", "incentives": {"hbot": "1"}}"#,
            "agreement.incentives: missing field `first_users`",
        ),
        (
            r#""exchange": {"name": "X"}, "evaluation": {"method": "topsis", "extra": 1}"#,
            "evaluation.extra: unknown field `extra`, expected one of `method`, `normalization`",
        ),
    ];
    for (body, expected) in cases {
        let e = error_of(&format!(r#"{{"version": 1, {body}}}"#));
        assert!(
            e.starts_with(expected),
            "{body}\n  expected: {expected}\n  got: {e}"
        );
    }
}
