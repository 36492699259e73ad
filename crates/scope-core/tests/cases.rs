//! The example cases in tests/cases: calibration against the published timeline, and golden
//! figures that the browser build must reproduce bit for bit (crates/scope-web/tests/web.rs).
//! Regenerate the golden files with `UPDATE_EXPECT=1 cargo test -p scope-core --test cases`
//! after a deliberate change to the rules, and say why in the commit.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use scope_core::Case;
use scope_core::case::Build;
use scope_core::maturity::Rank;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn load(name: &str) -> Case {
    let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap();
    Case::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const EXAMPLES: [&str; 4] = [
    "mature-spot-cex",
    "young-perp-dex",
    "modification-kucoin",
    "blocked",
];

/// The published timeline (hummingbot-site docs/exchanges/index.md): development 4-6 weeks,
/// 7-12 weeks end to end. The mature spot example, at its stated 30 hours a week, needs the
/// breakdown's 4-6 weeks of hours (calibration reasoning: crates/scope-core/src/estimate/breakdown.rs), and
/// its delivery P50 lands inside 7-12 weeks. The ranges are the record's (CALIBRATION.md): one in
/// five to one in twenty such projects misses the 90-day guarantee, neither never nor always.
#[test]
fn mature_spot_lands_in_the_published_timeline() {
    let case = load("mature-spot-cex");
    assert_eq!(case.estimate.availability_hours_per_week, 30.0);
    let r = scope_core::estimate(&case).unwrap();
    let effort = &r.effort_hours.monte_carlo;
    assert!(
        (4.0 * 30.0..=6.0 * 30.0).contains(&effort.p50),
        "effort P50 {} hours, not 4-6 weeks at 30 hours",
        effort.p50
    );
    let e2e = r.calendar_days.p50;
    assert!(
        (49.0..=84.0).contains(&e2e),
        "end to end {e2e} days, not 7-12 weeks"
    );
    assert!(
        (0.05..=0.30).contains(&r.p_over_90_days),
        "risk of missing 90 days {}",
        r.p_over_90_days
    );
    assert_eq!(scope_core::rank(&case).rank, Rank::A);
    // Near the published USD 10,000 (quoted 10,000-25,000) at USD 75 an hour.
    assert!(
        r.cost.p50 > 10_000.into() && r.cost.p90 < 25_000.into(),
        "{:?}",
        r.cost.p50
    );
}

#[test]
fn young_perpetual_dex_with_weak_websocket_docs() {
    let case = load("young-perp-dex");
    let m = scope_core::rank(&case);
    assert!(
        matches!(m.rank, Rank::C | Rank::D),
        "{:?} {}",
        m.rank,
        m.score
    );
    assert!(m.findings.iter().any(|f| f.item == "ws_order_book"));
    let r = scope_core::estimate(&case).unwrap();
    let order_book = r
        .tasks
        .iter()
        .find(|t| t.id == "order_book_data_source")
        .unwrap();
    assert!(
        order_book
            .adjustments
            .iter()
            .any(|a| a.factor == 1.5 && a.reason.starts_with("Order book channel"))
    );
    assert!(r.tasks.iter().any(|t| t.id == "funding"));
    assert!(r.constraints.iter().any(|c| c.starts_with("DEX")));
    let spot = scope_core::estimate(&load("mature-spot-cex")).unwrap();
    assert!(r.effort_hours.monte_carlo.p50 > spot.effort_hours.monte_carlo.p50);
}

#[test]
fn modification_costs_less_than_building_it_new() {
    let case = load("modification-kucoin");
    assert_eq!(case.connector.build, Build::Modification);
    let mut new = case.clone();
    new.connector.build = Build::New;
    let (m, n) = (
        scope_core::estimate(&case).unwrap(),
        scope_core::estimate(&new).unwrap(),
    );
    assert!(m.effort_hours.monte_carlo.p90 < n.effort_hours.monte_carlo.p50);
    let unchanged = m
        .tasks
        .iter()
        .find(|t| t.id == "order_book_data_source")
        .unwrap();
    assert_eq!(unchanged.mean, 0.0);
    // A grant goes through governance: the improvement proposal stage applies.
    assert!(
        m.plan
            .stages
            .iter()
            .any(|s| s.id.as_str() == "improvement_proposal" && s.days.is_some())
    );
}

#[test]
fn blocked_case_lists_its_blockers() {
    let case = load("blocked");
    let m = scope_core::rank(&case);
    assert_eq!(m.rank, Rank::Blocked);
    let ids: Vec<&str> = m.blockers.iter().map(|b| b.item).collect();
    assert_eq!(ids, ["rest_server_time", "ws_user_stream", "rate_limits"]);
    let r = scope_core::estimate(&case).unwrap();
    assert!(r.constraints[0].starts_with("Blocked:"));
}

/// Rate, overhead and availability do not change the draws; the work does.
#[test]
fn simulation_inputs_leave_out_price_and_schedule() {
    let case = load("mature-spot-cex");
    let inputs = scope_core::estimate::simulation_inputs(&case);
    let mut repriced = case.clone();
    repriced.estimate.hourly_rate = Some(120.into());
    repriced.estimate.availability_hours_per_week = 12.0;
    assert_eq!(scope_core::estimate::simulation_inputs(&repriced), inputs);
    let from_draws =
        scope_core::estimate::estimate_from(&repriced, &scope_core::estimate::simulate(&inputs))
            .unwrap();
    assert_eq!(from_draws, scope_core::estimate(&repriced).unwrap());
    let mut more_work = case.clone();
    more_work.connector.market = scope_core::case::Market::Perpetual;
    assert_ne!(scope_core::estimate::simulation_inputs(&more_work), inputs);
}

#[test]
fn golden_figures_are_unchanged() {
    for name in EXAMPLES {
        // A change shows as a diff; if deliberate, UPDATE_EXPECT=1 and say why in the commit.
        let figures = scope_core::estimate::fingerprint::fingerprint(&load(name)).unwrap();
        expect_test::expect_file![format!("../../../tests/cases/golden/{name}.json")]
            .assert_eq(&figures);
    }
}

/// The benchmarks' largest case (BENCHMARKS.md): the mature spot example with 10,000 samples,
/// 50 candidates ranked by TOPSIS (whose sensitivity is searched numerically) and an agreement.
#[test]
fn largest_case_is_the_one_the_benchmarks_describe() {
    let case = load("largest-case");
    assert_eq!(case.simulation.samples, 10_000);
    assert_eq!(case.candidates.len(), 50);
    assert_eq!(case.evaluation.method, scope_core::case::Method::Topsis);
    let evaluation = scope_core::evaluate::evaluate(&case).unwrap();
    assert_eq!(evaluation.sensitivity.len(), 8);
    assert_eq!(evaluation.ranking.len(), 50);
    assert!(case.agreement.is_some());
}

/// A case's own hours are taken as given: 300 hours at 30 hours a week is 70 days of development
/// at the median whatever the market (the record's pace relates the breakdown's hours to its
/// calendar, not anyone's own hours). Found by the hostile review: perpetual made it 24 days.
#[test]
fn own_hours_take_the_availability_not_the_records_pace() {
    let development_p50 = |market: &str| {
        let case = Case::from_json(&format!(
            r#"{{"version": 1, "exchange": {{"name": "Own"}}, "connector": {{"market": "{market}"}},
                "estimate": {{"hourly_rate": "75", "availability_hours_per_week": 30,
                  "tasks": [{{"id": "all", "optimistic": 300, "most_likely": 300, "pessimistic": 300}}]}}}}"#
        ))
        .unwrap();
        scope_core::estimate(&case)
            .unwrap()
            .calendar_days
            .development
            .p50
    };
    for market in ["spot", "perpetual", "both"] {
        let p50 = development_p50(market);
        assert!((p50 - 70.0).abs() < 2.0, "{market}: {p50} days");
    }
}
