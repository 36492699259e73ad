//! The maintainer evaluator and the agreement: published worked examples and properties.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use scope_core::Case;
use scope_core::agreement::split;
use scope_core::evaluate::evaluate;
use serde_json::{Value, json};

fn case_with(criteria: Value, candidates: Value, extra: Value) -> Case {
    let mut v = json!({ "version": 1, "exchange": { "name": "Golden" }, "criteria": criteria, "candidates": candidates });
    if let Value::Object(more) = extra {
        v.as_object_mut().unwrap().extend(more);
    }
    Case::from_value(v).unwrap_or_else(|e| panic!("{e}"))
}

fn scores(case: &Case) -> Vec<(String, f64, usize)> {
    let r = evaluate(case).unwrap();
    r.ranking
        .iter()
        .map(|r| (r.name.clone(), r.score, r.rank))
        .collect()
}

fn score_of(ranking: &[(String, f64, usize)], name: &str) -> f64 {
    ranking.iter().find(|r| r.0 == name).unwrap().1
}

/// TOPSIS, vector normalization. Source: E. Roszkowska, "Multi-criteria decision making models
/// by applying the TOPSIS method to crisp and interval data", Multiple Criteria Decision Making
/// '11, University of Economics in Katowice, 2011, Example 1, decision maker 1 (weights 0.175,
/// 0.425, 0.175, 0.225; C2 is a cost). Relative closeness: A1 0.535497, A2 0.434945, A3 0.557491,
/// A4 0.516961, A5 0.370633; order A3, A1, A4, A2, A5.
#[test]
fn topsis_matches_roszkowska_example_1() {
    let case = case_with(
        json!([
            { "id": "c1", "kind": "benefit", "weight": 0.175 },
            { "id": "c2", "kind": "cost", "weight": 0.425 },
            { "id": "c3", "kind": "benefit", "weight": 0.175 },
            { "id": "c4", "kind": "benefit", "weight": 0.225 },
        ]),
        json!([
            { "name": "A1", "values": { "c1": 7, "c2": 21, "c3": 4, "c4": 7 } },
            { "name": "A2", "values": { "c1": 7, "c2": 24, "c3": 6, "c4": 4 } },
            { "name": "A3", "values": { "c1": 14, "c2": 25, "c3": 3, "c4": 8 } },
            { "name": "A4", "values": { "c1": 14, "c2": 26, "c3": 9, "c4": 3 } },
            { "name": "A5", "values": { "c1": 21, "c2": 35, "c3": 4, "c4": 4 } },
        ]),
        json!({ "evaluation": { "method": "topsis" } }),
    );
    let r = scores(&case);
    for (name, want) in [
        ("A1", 0.535),
        ("A2", 0.435),
        ("A3", 0.557),
        ("A4", 0.517),
        ("A5", 0.371),
    ] {
        assert_eq!(
            format!("{:.3}", score_of(&r, name)),
            format!("{want:.3}"),
            "{name}"
        );
    }
    let order: Vec<&str> = r.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(order, ["A3", "A1", "A4", "A2", "A5"]);
}

/// Weighted sum (SAW) with max normalization: benefit x/max, cost min/x. Source: the warehouse
/// example of S. Kusumadewi, S. Hartati, A. Harjoko and R. Wardoyo, "Fuzzy Multi-Attribute
/// Decision Making (Fuzzy MADM)", Graha Ilmu, 2006 (reproduced as "example 2" in ancene/troodon
/// examples/saw_example.ts): weights 25, 15, 30, 25, 5 %; C1 and C4 are costs. Preference values
/// V1 0.636, V2 0.542, V3 0.795, V4 0.765.
#[test]
fn weighted_sum_matches_kusumadewi() {
    let case = case_with(
        json!([
            { "id": "c1", "kind": "cost", "weight": 25 },
            { "id": "c2", "kind": "benefit", "weight": 15 },
            { "id": "c3", "kind": "benefit", "weight": 30 },
            { "id": "c4", "kind": "cost", "weight": 25 },
            { "id": "c5", "kind": "benefit", "weight": 5 },
        ]),
        json!([
            { "name": "A1", "values": { "c1": 150, "c2": 15, "c3": 2, "c4": 2, "c5": 3 } },
            { "name": "A2", "values": { "c1": 500, "c2": 200, "c3": 2, "c4": 3, "c5": 2 } },
            { "name": "A3", "values": { "c1": 200, "c2": 10, "c3": 3, "c4": 1, "c5": 3 } },
            { "name": "A4", "values": { "c1": 350, "c2": 100, "c3": 3, "c4": 1, "c5": 2 } },
        ]),
        json!({}),
    );
    let r = scores(&case);
    for (name, want) in [("A1", 0.636), ("A2", 0.542), ("A3", 0.795), ("A4", 0.765)] {
        assert_eq!(
            format!("{:.3}", score_of(&r, name)),
            format!("{want:.3}"),
            "{name}"
        );
    }
    assert_eq!(r[0].0, "A3");
    // Weights given as percentages are normalized to sum 1.
    let w = evaluate(&case).unwrap().weights;
    assert_eq!(w.0[0], ("c1".to_string(), 0.25));
}

/// AHP. Source: R. C. Lee, "Analytical Hierarchy Process Example" (restaurant choice; criteria
/// price level, interior decoration, kinds of dishes), matrix [[1, 1/3, 1/5], [3, 1, 1/4],
/// [5, 4, 1]]: priorities 0.1007, 0.2255, 0.6738, lambda max 3.0858, CI 0.0429, CR 0.0739 (RI 0.58).
/// For n = 3 the row geometric means used there equal the principal eigenvector.
#[test]
fn ahp_matches_the_restaurant_example() {
    let case = case_with(
        json!([
            { "id": "price", "kind": "cost" },
            { "id": "decoration", "kind": "benefit" },
            { "id": "dishes", "kind": "benefit" },
        ]),
        json!([
            { "name": "A", "values": { "price": 10, "decoration": 3, "dishes": 5 } },
            { "name": "B", "values": { "price": 20, "decoration": 4, "dishes": 8 } },
        ]),
        json!({ "weights": { "ahp": {
            "order": ["price", "decoration", "dishes"],
            "matrix": [[1, "1/3", "1/5"], [3, 1, "1/4"], [5, 4, 1]]
        } } }),
    );
    let r = evaluate(&case).unwrap();
    let w: Vec<String> = r.weights.0.iter().map(|(_, w)| format!("{w:.3}")).collect();
    assert_eq!(w, ["0.101", "0.226", "0.674"]);
    let ahp = r.ahp.unwrap();
    assert_eq!(
        format!("{:.3} {:.3} {:.3}", ahp.lambda_max, ahp.ci, ahp.cr),
        "3.086 0.043 0.074"
    );
    assert!(ahp.consistent && ahp.disagreements.is_empty());
}

/// The same matrix as an upper triangle, with and without the diagonal.
#[test]
fn ahp_reads_upper_triangles() {
    for matrix in [
        json!([[1, "1/3", "1/5"], [1, "1/4"], [1]]),
        json!([["1/3", "1/5"], ["1/4"]]),
    ] {
        let case = case_with(
            json!([{ "id": "a", "kind": "benefit" }, { "id": "b", "kind": "benefit" }, { "id": "c", "kind": "benefit" }]),
            json!([{ "name": "X", "values": { "a": 1, "b": 1, "c": 1 } }]),
            json!({ "weights": { "ahp": { "order": ["a", "b", "c"], "matrix": matrix } } }),
        );
        let w: Vec<String> = evaluate(&case)
            .unwrap()
            .weights
            .0
            .iter()
            .map(|(_, w)| format!("{w:.3}"))
            .collect();
        assert_eq!(w, ["0.101", "0.226", "0.674"]);
    }
}

/// An inconsistent matrix (a > b, b > c, c > a) is flagged with its worst comparisons.
#[test]
fn ahp_flags_inconsistency() {
    let case = case_with(
        json!([{ "id": "a", "kind": "benefit" }, { "id": "b", "kind": "benefit" }, { "id": "c", "kind": "benefit" }]),
        json!([{ "name": "X", "values": { "a": 1, "b": 1, "c": 1 } }]),
        json!({ "weights": { "ahp": { "order": ["a", "b", "c"], "matrix": [[1, 5, "1/5"], [1, 5], [1]] } } }),
    );
    let ahp = evaluate(&case).unwrap().ahp.unwrap();
    assert!(ahp.cr > 0.10 && !ahp.consistent, "{}", ahp.cr);
    assert_eq!(ahp.disagreements.len(), 3);
}

#[test]
fn ahp_errors_name_the_entry() {
    let v = json!({ "version": 1, "exchange": { "name": "X" },
        "criteria": [{ "id": "a", "kind": "benefit" }, { "id": "b", "kind": "benefit" }],
        "weights": { "ahp": { "order": ["a", "b"], "matrix": [[1, 3], [3, 1]] } } });
    let e = Case::from_value(v).unwrap_err().to_string();
    assert!(
        e.contains("weights.ahp.matrix[1][0]: must be the reciprocal of matrix[0][1] (3), not 3"),
        "{e}"
    );
    let v = json!({ "version": 1, "exchange": { "name": "X" },
        "criteria": [{ "id": "a", "kind": "benefit" }, { "id": "b", "kind": "benefit" }],
        "weights": { "ahp": { "order": ["a", "b"], "matrix": [["12"]] } } });
    let e = Case::from_value(v).unwrap_err().to_string();
    assert!(
        e.contains("weights.ahp.matrix[0][0]: 12 is outside Saaty's scale"),
        "{e}"
    );
}

#[test]
fn candidates_must_be_complete_and_numeric() {
    let base = json!({ "version": 1, "exchange": { "name": "X" },
        "criteria": [{ "id": "cost", "kind": "cost", "weight": 1 }, { "id": "interest", "kind": "benefit", "weight": 1 }] });
    let with = |candidates: Value| {
        let mut v = base.clone();
        v["candidates"] = candidates;
        Case::from_value(v).unwrap_err().to_string()
    };
    let e = with(json!([{ "name": "Ada", "values": { "cost": 50 } }]));
    assert!(
        e.contains(r#"candidates[0].values.interest: missing for "Ada""#),
        "{e}"
    );
    let e = with(json!([{ "name": "Ada", "values": { "cost": "fifty", "interest": 3 } }]));
    assert!(
        e.starts_with("candidates[0].values.cost: invalid type: string"),
        "{e}"
    );
    let e = with(json!([{ "name": "Ada", "values": { "cost": 0, "interest": 3 } }]));
    assert!(
        e.contains("a cost must be above 0 under max normalization"),
        "{e}"
    );
    let e = with(json!([{ "name": "Ada", "values": { "cost": 5, "interest": 3, "age": 40 } }]));
    assert!(
        e.contains("candidates[0].values.age: not a criterion"),
        "{e}"
    );
}

#[test]
fn ties_share_a_rank() {
    let case = case_with(
        json!([{ "id": "a", "kind": "benefit", "weight": 1 }, { "id": "b", "kind": "benefit", "weight": 1 }]),
        json!([
            { "name": "P", "values": { "a": 4, "b": 1 } },
            { "name": "Q", "values": { "a": 2, "b": 2 } },
            { "name": "R", "values": { "a": 1, "b": 4 } },
            { "name": "S", "values": { "a": 1, "b": 1 } },
        ]),
        json!({}),
    );
    let ranks: Vec<(String, usize)> = scores(&case).into_iter().map(|(n, _, r)| (n, r)).collect();
    assert_eq!(
        ranks,
        [
            ("P".into(), 1),
            ("R".into(), 1),
            ("Q".into(), 3),
            ("S".into(), 4)
        ]
    );
    let r = evaluate(&case).unwrap();
    assert_eq!(r.dominated.len(), 1);
    assert_eq!(r.dominated[0].name, "S");
}

/// Values the normalization cannot tell apart are a tie, not a dominance: TOPSIS once ranked
/// two candidates both scoring 1.000 as 1 and 2 and called the second dominated.
#[test]
fn subnormal_differences_are_a_tie() {
    for method in ["topsis", "weighted_sum"] {
        let mut case = case_with(
            json!([{ "id": "a", "kind": "benefit", "weight": 1 }]),
            json!([
                { "name": "P", "values": { "a": 1e-320 } },
                { "name": "Q", "values": { "a": 2e-320 } },
            ]),
            json!({}),
        );
        case.evaluation.method = method.parse().unwrap();
        case.evaluation.normalization = Some("vector".parse().unwrap());
        let r = evaluate(&case).unwrap();
        let ranks: Vec<usize> = r.ranking.iter().map(|c| c.rank).collect();
        assert_eq!(ranks, [1, 1], "{method}: {:?}", r.ranking);
        assert!(r.dominated.is_empty(), "{method}: {:?}", r.dominated);
    }
}

/// The winner's weight interval ends where another candidate's score line crosses its own.
#[test]
fn sensitivity_finds_where_the_winner_changes() {
    let case = case_with(
        json!([{ "id": "a", "kind": "benefit", "weight": 0.7 }, { "id": "b", "kind": "benefit", "weight": 0.3 }]),
        json!([
            { "name": "P", "values": { "a": 10, "b": 2 } },
            { "name": "Q", "values": { "a": 5, "b": 10 } },
        ]),
        json!({}),
    );
    // Max-normalized: P (1, 0.2), Q (0.5, 1). With weight t on a: P = 0.2 + 0.8t, Q = 1 - 0.5t;
    // equal at t = 0.8 / 1.3 = 0.615385. At 0.7, P (0.76) beats Q (0.65) and wins up to 1.
    let r = evaluate(&case).unwrap();
    assert_eq!(r.winner().unwrap().name, "P");
    let s = &r.sensitivity[0];
    assert_eq!((s.from, s.to), (0.615385, 1.0));
    let change = s.nearest.as_ref().unwrap();
    assert_eq!((change.winner.as_str(), change.weight), ("Q", 0.615385));
    // TOPSIS finds its boundary numerically.
    let mut topsis = case.clone();
    topsis.evaluation.method = scope_core::case::Method::Topsis;
    let t = evaluate(&topsis).unwrap();
    let s = &t.sensitivity[0];
    assert!(s.from > 0.0 && s.from < 0.7 && s.to == 1.0, "{s:?}");
    assert_eq!(s.below.as_ref().unwrap().winner, "Q");
}

#[test]
fn agreement_projects_exactly() {
    let v = json!({ "version": 1, "exchange": { "name": "X" }, "agreement": {
        "kind": "variable", "monthly_volume": "5000000", "fee_rate_pct": "0.1", "share_pct": "30",
        "months": 24, "renewal": true, "build_charge": "12000", "monthly_growth_pct": "2.5" } });
    let case = Case::from_value(v).unwrap();
    let r = scope_core::agreement::project(case.agreement.as_ref().unwrap(), "USD");
    // 5,000,000 x 0.1% x 30% = 1,500.00; the maintainer 20% = 300.00.
    assert_eq!(r.months[0].total, Decimal::new(150_000, 2));
    assert_eq!(r.months[0].developer, Decimal::new(30_000, 2));
    for m in &r.months {
        assert_eq!(m.developer + m.foundation, m.total);
    }
    assert_eq!(r.totals.developer + r.totals.foundation, r.totals.total);
    // The fee share exceeds USD 200 a month: the year-2 fee is waived.
    assert_eq!(r.totals.maintenance_fees, Decimal::ZERO);
    assert_eq!(
        r.totals.developer_with_build,
        r.totals.developer + Decimal::from(12_000)
    );

    let v = json!({ "version": 1, "exchange": { "name": "X" }, "agreement": { "kind": "fixed", "fixed_monthly": "150", "months": 25, "renewal": true } });
    let case = Case::from_value(v).unwrap();
    let r = scope_core::agreement::project(case.agreement.as_ref().unwrap(), "USD");
    assert_eq!(
        (r.months[0].developer, r.months[0].foundation),
        (Decimal::from(75), Decimal::from(75))
    );
    // USD 150 a month is not above 200: the fee applies in months 13 and 25.
    assert_eq!(r.totals.maintenance_fees, Decimal::from(4_000));
}

#[test]
fn runaway_growth_is_refused_not_overflowed() {
    let v = json!({ "version": 1, "exchange": { "name": "X" }, "agreement": { "kind": "variable",
        "monthly_volume": "10000000000", "fee_rate_pct": "1", "share_pct": "50", "months": 120, "monthly_growth_pct": "100" } });
    let e = Case::from_value(v).unwrap_err().to_string();
    assert!(
        e.contains("agreement.monthly_growth_pct: at 100% a month the volume passes 10^15"),
        "{e}"
    );
    // Called without validation, the projection still does not panic.
    let spec = Case::shape_from_value(json!({ "version": 1, "exchange": { "name": "X" }, "agreement": { "kind": "variable",
        "monthly_volume": "79228162514264337593543950335", "fee_rate_pct": "1", "share_pct": "50", "months": 120, "monthly_growth_pct": "100" } }))
        .unwrap()
        .agreement
        .unwrap();
    assert_eq!(
        scope_core::agreement::project(&spec, "USD").months.len(),
        120
    );
}

#[test]
fn agreement_fields_are_checked() {
    let v = json!({ "version": 1, "exchange": { "name": "X" }, "agreement": { "kind": "variable", "fee_rate_pct": "0.1" } });
    let e = Case::from_value(v).unwrap_err().to_string();
    assert!(
        e.contains("agreement.monthly_volume: required for a variable agreement"),
        "{e}"
    );
    assert!(e.contains("agreement.share_pct: required"), "{e}");
    let v = json!({ "version": 1, "exchange": { "name": "X" }, "agreement": { "kind": "fixed", "fixed_monthly": "-1" } });
    assert!(
        Case::from_value(v)
            .unwrap_err()
            .to_string()
            .contains("agreement.fixed_monthly: must be between 0")
    );
}

fn random_problem() -> impl Strategy<Value = (Vec<(bool, f64)>, Vec<Vec<f64>>)> {
    (2usize..6, 2usize..8).prop_flat_map(|(n, m)| {
        (
            proptest::collection::vec((any::<bool>(), 0.0f64..10.0), n),
            proptest::collection::vec(proptest::collection::vec(1u32..100, n), m).prop_map(
                |rows| {
                    rows.into_iter()
                        .map(|r| r.into_iter().map(f64::from).collect())
                        .collect()
                },
            ),
        )
    })
}

fn build(criteria: &[(bool, f64)], rows: &[Vec<f64>], method: &str) -> Case {
    let criteria: Vec<Value> = criteria
        .iter()
        .enumerate()
        .map(|(j, (benefit, w))| json!({ "id": format!("c{j}"), "kind": if *benefit { "benefit" } else { "cost" }, "weight": w }))
        .collect();
    let candidates: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let values: serde_json::Map<String, Value> = r
                .iter()
                .enumerate()
                .map(|(j, v)| (format!("c{j}"), json!(v)))
                .collect();
            json!({ "name": format!("cand{i}"), "values": values })
        })
        .collect();
    let mut v = json!({ "version": 1, "exchange": { "name": "P" }, "criteria": criteria, "candidates": candidates,
        "evaluation": { "method": method } });
    if criteria.iter().all(|c| c["weight"].as_f64() == Some(0.0)) {
        v["criteria"][0]["weight"] = json!(1.0);
    }
    Case::from_value(v).unwrap()
}

fn ranks(case: &Case) -> Vec<(String, usize)> {
    evaluate(case)
        .unwrap()
        .ranking
        .into_iter()
        .map(|r| (r.name, r.rank))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Scaling one criterion's values by a positive constant leaves TOPSIS (vector) and the
    /// weighted sum (max) rankings unchanged.
    #[test]
    fn scaling_a_criterion_keeps_the_ranking((criteria, rows) in random_problem(), j in 0usize..6, factor in 0.01f64..100.0) {
        let j = j % criteria.len();
        let scaled: Vec<Vec<f64>> = rows.iter().map(|r| {
            let mut r = r.clone();
            r[j] *= factor;
            r
        }).collect();
        for method in ["weighted_sum", "topsis"] {
            prop_assert_eq!(ranks(&build(&criteria, &rows, method)), ranks(&build(&criteria, &scaled, method)), "{}", method);
        }
    }

    /// A dominated candidate never ranks first, and weights always sum to 1.
    #[test]
    fn dominated_never_first_and_weights_sum_to_one((criteria, rows) in random_problem()) {
        for method in ["weighted_sum", "topsis"] {
            let r = evaluate(&build(&criteria, &rows, method)).unwrap();
            let first: Vec<&str> = r.ranking.iter().filter(|c| c.rank == 1).map(|c| c.name.as_str()).collect();
            for d in &r.dominated {
                prop_assert!(!first.contains(&d.name.as_str()), "{} ranks first but is dominated by {:?}", d.name, d.by);
                // Dominance agrees with the ranks: the dominated one ranks below each of its dominators.
                let rank_of = |n: &str| r.ranking.iter().find(|c| c.name == n).map(|c| c.rank);
                for by in &d.by {
                    prop_assert!(rank_of(by) < rank_of(&d.name), "{} dominated by {} at the same rank", d.name, by);
                }
            }
            // Equal scores, equal ranks.
            for pair in r.ranking.windows(2) {
                prop_assert_eq!(pair[0].rank == pair[1].rank, (pair[0].score - pair[1].score).abs() <= 1e-9, "{:?}", pair);
            }
            let total: f64 = r.weights.0.iter().map(|(_, w)| w).sum();
            prop_assert!((total - 1.0).abs() < 1e-5, "{}", total);
            // The winner's interval contains its current weight.
            for s in &r.sensitivity {
                prop_assert!(s.from <= s.weight + 1e-6 && s.weight <= s.to + 1e-6, "{:?}", s);
            }
        }
    }

    /// Maintainer + Foundation == total, to the cent, for any total and share.
    #[test]
    fn splits_add_up(cents in 0i64..10_000_000_000, pct in 0u32..=100) {
        let total = Decimal::new(cents, 2);
        let (developer, foundation) = split(total, Decimal::from(pct));
        prop_assert_eq!(developer + foundation, total);
        prop_assert!(developer.scale() <= 2 && foundation >= Decimal::ZERO);
    }

    /// Every month of a projection adds up, for random volumes, rates, shares and growth.
    #[test]
    fn projections_add_up(volume in 0i64..100_000_000_000, fee in 0u32..1000, share in 0u32..=100, growth in -500i32..500, months in 1u32..60) {
        let v = json!({ "version": 1, "exchange": { "name": "X" }, "agreement": {
            "kind": "variable", "monthly_volume": Decimal::new(volume, 2).to_string(),
            "fee_rate_pct": Decimal::new(i64::from(fee), 3).to_string(), "share_pct": share.to_string(),
            "monthly_growth_pct": Decimal::new(i64::from(growth), 2).to_string(), "months": months } });
        let case = Case::from_value(v).unwrap();
        let r = scope_core::agreement::project(case.agreement.as_ref().unwrap(), "USD");
        prop_assert_eq!(r.months.len() as u32, months);
        for m in &r.months {
            prop_assert_eq!(m.developer + m.foundation, m.total);
        }
        prop_assert_eq!(r.totals.developer + r.totals.foundation, r.totals.total);
    }
}

/// tests/cases/largest-case.json: 50 candidates by TOPSIS.
fn largest_case() -> Case {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/cases/largest-case.json"
    ))
    .unwrap();
    Case::from_json(&text).unwrap()
}

/// The contributions chart: bars in the candidates' order, segments end to end, the longest bar
/// exactly the chart's width, each segment proportional to its weighted part.
#[test]
fn stacked_bars_are_contiguous_and_scaled_to_the_longest() {
    let case = largest_case();
    let report = evaluate(&case).unwrap();
    let bars = report.stacked_bars(420.0);
    let names: Vec<&str> = bars.iter().map(|b| b.name.as_str()).collect();
    let given: Vec<&str> = case.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, given);
    let mut longest: f64 = 0.0;
    for bar in &bars {
        let mut end = 0.0;
        for s in &bar.segments {
            assert_eq!(s.x, end, "{}: segments end to end", bar.name);
            assert!(s.width >= 0.0);
            assert_eq!(report.criteria[s.series].id, s.part.criterion);
            end = s.x + s.width;
        }
        longest = longest.max(end);
    }
    assert!((longest - 420.0).abs() < 1e-9, "{longest}");
    let first = &bars[0].segments;
    let ratio = |k: usize| first[k].width / first[k].part.weighted;
    assert!((ratio(0) - ratio(1)).abs() < 1e-9);
}

/// The ranking's bars: the winner's is full, every other is its score's share of the winner's,
/// in rank order.
#[test]
fn ranking_bars_are_shares_of_the_top_score() {
    let report = evaluate(&largest_case()).unwrap();
    let shares: Vec<f64> = report
        .ranking
        .iter()
        .map(|c| report.share_of_top(c.score))
        .collect();
    assert_eq!(shares[0], 1.0);
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)));
    let last = report.ranking.last().unwrap();
    let expected = last.score / report.ranking[0].score;
    assert!((shares[shares.len() - 1] - expected).abs() < 1e-12);
}

/// The published agreements' strip: every point on the line, the largest at 1/1.1 of it, the
/// offer on the same scale (at the end when it is the largest, beyond none of the margins).
#[test]
fn published_strip_places_points_and_offer_on_one_scale() {
    use scope_core::agreement::published_strip;
    use scope_core::case::AgreementKind;
    let strip = published_strip(AgreementKind::Variable, Decimal::from(20), 300.0);
    assert!(!strip.points.is_empty());
    assert_eq!(strip.axis, (6.0, 294.0));
    let right = 6.0 + 288.0 / 1.1;
    for p in &strip.points {
        assert!(p.x >= 6.0 && p.x <= right + 1e-9, "{p:?}");
    }
    let widest = strip
        .points
        .iter()
        .map(|p| p.x)
        .fold(strip.offer_x, f64::max);
    assert!((widest - right).abs() < 1e-9, "{widest}");
    let large = published_strip(AgreementKind::Variable, Decimal::from(1000), 300.0);
    assert!((large.offer_x - right).abs() < 1e-9);
    let none = published_strip(AgreementKind::Variable, Decimal::ZERO, 300.0);
    assert_eq!(none.offer_x, 6.0);
}

/// The AHP select shows the judgement nearest the case's, as ratios go.
#[test]
fn the_nearest_judgement_on_saatys_scale() {
    use scope_core::evaluate::ahp::{SCALE, nearest_scale};
    let label = |v: f64| SCALE[nearest_scale(v)].1;
    assert_eq!(label(1.0), "1: equal");
    assert_eq!(label(3.0), "3: moderately more");
    assert_eq!(label(1.0 / 3.0), "1/3: moderately less");
    // 2.9 is nearer 3 than 2 as ratios go, and so is 2.5 (2.5/2 > 3/2.5).
    assert_eq!(label(2.9), "3: moderately more");
    assert_eq!(label(2.5), "3: moderately more");
    assert_eq!(label(2.4), "2");
    assert_eq!(label(100.0), "9: extremely more");
    assert_eq!(label(1e-6), "1/9: extremely less");
}
