//! Golden figures from the published formulas.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use scope_core::Case;
use scope_core::estimate::stats::percentile_sorted;
use scope_core::support::three_point::ThreePoint;

fn custom_case(tasks: &[(f64, f64, f64)], samples: u32) -> Case {
    let tasks: Vec<String> = tasks
        .iter()
        .enumerate()
        .map(|(i, (a, m, b))| {
            format!(
                r#"{{"id": "t{i}", "optimistic": {a}, "most_likely": {m}, "pessimistic": {b}}}"#
            )
        })
        .collect();
    Case::from_json(&format!(
        r#"{{"version": 1, "exchange": {{"name": "Golden"}},
            "estimate": {{"hourly_rate": "100", "overhead_pct": "0", "tasks": [{}]}},
            "simulation": {{"samples": {samples}, "seed": 2026}}}}"#,
        tasks.join(",")
    ))
    .expect("a valid case")
}

/// PERT (Malcolm, Roseboom, Clark and Fazar, 1959): mean (a + 4m + b) / 6, sd (b - a) / 6.
/// The task (5, 10, 15): mean 10, sd 1.667.
#[test]
fn pert_single_task() {
    let t = ThreePoint::new(5.0, 10.0, 15.0).unwrap();
    assert_eq!(t.pert_mean(), 10.0);
    assert_eq!(format!("{:.3}", t.pert_sd()), "1.667");

    let r = scope_core::estimate(&custom_case(&[(5.0, 10.0, 15.0)], 10_000)).unwrap();
    let pert = &r.effort_hours.pert;
    assert_eq!((pert.mean, pert.sd, pert.p50), (10.0, 1.67, 10.0));
    // Normal approximation: 10 + 0.8416 * 1.6667 = 11.403; 10 + 1.2816 * 1.6667 = 12.136.
    assert_eq!((pert.p80, pert.p90), (11.4, 12.14));
}

/// Totals: sum of means, root of summed variances. (2, 4, 12) has mean 5 and sd 1.667;
/// with (5, 10, 15): mean 15, sd 2.357, P80 = 15 + 0.8416 * 2.357 = 16.984.
#[test]
fn pert_totals() {
    let r =
        scope_core::estimate(&custom_case(&[(2.0, 4.0, 12.0), (5.0, 10.0, 15.0)], 1_000)).unwrap();
    let pert = &r.effort_hours.pert;
    assert_eq!((pert.mean, pert.sd, pert.p80), (15.0, 2.36, 16.98));
}

/// Beta-PERT (lambda 4) of (5, 10, 15) is 5 + 10 Beta(3, 3): its 80th percentile is
/// 5 + 10 * 0.67344 = 11.734 (the inverse regularized incomplete beta I^-1(0.8; 3, 3)).
/// With 10,000 samples the standard error of P80 is about 0.03; we allow 0.1. The simulation
/// runs without the common factor here: this is the Beta-PERT engine, before the record's spread.
#[test]
fn beta_pert_p80_of_5_10_15() {
    let case = custom_case(&[(5.0, 10.0, 15.0)], 10_000);
    let mut inputs = scope_core::estimate::simulation_inputs(&case);
    inputs.factor = scope_core::estimate::uncertainty::NONE;
    let sim = scope_core::estimate::simulate(&inputs);
    let r = scope_core::estimate::estimate_from(&case, &sim).unwrap();
    let mc = &r.effort_hours.monte_carlo;
    assert!((mc.p80 - 11.734).abs() < 0.1, "P80 {}", mc.p80);
    assert!((mc.mean - 10.0).abs() < 0.05, "mean {}", mc.mean);
    assert!((mc.p50 - 10.0).abs() < 0.06, "P50 {}", mc.p50);
    // Beta(3, 3) has CDF 10x^3 - 15x^4 + 6x^5, which is 0.9 at x = 0.7533: P90 = 12.533, and by
    // symmetry P10 = 7.467.
    assert!((mc.p90 - 12.533).abs() < 0.1, "P90 {}", mc.p90);
    assert!((mc.p10 - 7.467).abs() < 0.1, "P10 {}", mc.p10);
}

/// numpy.percentile's default ("linear"): numpy.percentile([15, 20, 35, 40, 50], 40) = 29.0.
#[test]
fn percentiles_match_numpy() {
    assert_eq!(
        percentile_sorted(&[15.0, 20.0, 35.0, 40.0, 50.0], 40.0),
        29.0
    );
    assert_eq!(
        percentile_sorted(&[15.0, 20.0, 35.0, 40.0, 50.0], 90.0),
        46.0
    );
}

/// Cost at P50 with no overhead is hours (to a tenth) times the rate.
#[test]
fn cost_is_hours_times_rate() {
    let r = scope_core::estimate(&custom_case(&[(5.0, 10.0, 15.0)], 10_000)).unwrap();
    let level = &r.cost.levels[0];
    assert_eq!(
        level.development,
        level.hours * rust_decimal::Decimal::from(100)
    );
    assert_eq!(r.cost.p50, level.total);
}
