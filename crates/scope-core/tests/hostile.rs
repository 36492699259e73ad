//! Hostile input: arbitrary bytes and extreme but well-shaped cases through parsing, validation
//! and every computation. Nothing may panic, and every figure of an accepted case is finite.
//! `cargo test` runs a few hundred cases; `cargo xtask fuzz` runs 100,000 (PROPTEST_CASES).

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use scope_core::Case;
use serde_json::{Value, json};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Numbers at the edges: zero, negatives, huge, tiny, and ordinary ones.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-1.0),
        Just(1e12),
        Just(1e15),
        Just(1e300),
        Just(-1e300),
        Just(f64::MIN_POSITIVE),
        Just(0.1),
        0.0f64..200.0,
        -1e6f64..1e6,
    ]
}

fn decimal_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("-5".to_string()),
        Just("79228162514264337593543950335".to_string()),
        Just("1e10".to_string()),
        Just("0.000000001".to_string()),
        Just("100".to_string()),
        Just("abc".to_string()),
        (0u64..10_000_000_000).prop_map(|n| n.to_string()),
    ]
}

prop_compose! {
    fn hostile_case()(
        market in proptest::sample::select(vec!["spot", "perpetual", "both"]),
        build in proptest::sample::select(vec!["new", "modification"]),
        availability in number(),
        rate in decimal_text(),
        overhead in decimal_text(),
        samples in prop_oneof![Just(100u32), Just(101), 100u32..400],
        seed in any::<u64>(),
        tasks in proptest::option::of(proptest::collection::vec((number(), number(), number()), 0..4)),
        candidates in proptest::collection::vec(proptest::collection::vec(number(), 8), 0..5),
        method in proptest::sample::select(vec!["weighted_sum", "topsis"]),
        normalization in proptest::sample::select(vec!["max", "vector", "minmax", "sum"]),
        ahp in proptest::option::of(proptest::collection::vec(prop_oneof![Just(1.0), Just(9.0), Just(1.0 / 9.0), 0.2f64..5.0], 28)),
        agreement in proptest::option::of((decimal_text(), prop_oneof![Just("1".to_string()), decimal_text()], prop_oneof![Just("50".to_string()), decimal_text()], decimal_text(), prop_oneof![Just(120u32), 0u32..200], any::<bool>())),
        launched in proptest::option::of((1970u16..2030, 1u8..13)),
    ) -> Value {
        let ids = ["seniority", "experience", "references", "track_record", "availability", "cost", "speed", "interest"];
        let candidates: Vec<Value> = candidates.iter().enumerate().map(|(i, vals)| {
            let values: serde_json::Map<String, Value> = ids.iter().zip(vals).map(|(id, v)| (id.to_string(), json!(v))).collect();
            json!({ "name": format!("c{i}"), "values": values })
        }).collect();
        let mut case = json!({
            "version": 1,
            "as_of": "2026-11-25",
            "exchange": { "name": "Hostile" },
            "connector": { "market": market, "build": build, "base_connector": "binance", "changes": ["auth"] },
            "estimate": { "availability_hours_per_week": availability, "hourly_rate": rate, "overhead_pct": overhead },
            "simulation": { "samples": samples, "seed": seed % (1 << 53) },
            "candidates": candidates,
            "evaluation": { "method": method, "normalization": normalization },
        });
        if let Some((y, m)) = launched {
            case["exchange"]["launched"] = json!(format!("{y:04}-{m:02}"));
        }
        if let Some(tasks) = tasks {
            case["estimate"]["tasks"] = json!(tasks.iter().enumerate().map(|(i, (a, m, b))| json!({"id": format!("t{i}"), "optimistic": a, "most_likely": m, "pessimistic": b})).collect::<Vec<_>>());
        }
        if let Some(judgements) = ahp {
            let mut k = 0;
            let rows: Vec<Vec<f64>> = (0..8).map(|i| (i + 1..8).map(|_| { k += 1; judgements[k - 1] }).collect()).filter(|r: &Vec<f64>| !r.is_empty()).collect();
            case["weights"] = json!({ "ahp": { "order": ids, "matrix": rows } });
        }
        if let Some((volume, fee, share, fixed, months, fixed_kind)) = agreement {
            case["agreement"] = json!({ "kind": if fixed_kind { "fixed" } else { "variable" }, "monthly_volume": volume, "fee_rate_pct": fee,
                "share_pct": share, "fixed_monthly": fixed, "months": months, "monthly_growth_pct": "100", "renewal": true });
        }
        case
    }
}

fn finite(v: f64, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(v.is_finite(), "{what} is {v}");
    Ok(())
}

/// Every computation on an accepted case: no panic, finite figures.
fn run_everything(case: &Case) -> Result<(), TestCaseError> {
    let m = scope_core::rank(case);
    finite(m.score, "score")?;
    if let Ok(e) = scope_core::estimate(case) {
        let mc = &e.effort_hours.monte_carlo;
        for (v, what) in [
            (mc.mean, "mean"),
            (mc.p90, "p90"),
            (e.calendar_days.p90, "calendar p90"),
            (e.effort_hours.pert.sd, "sd"),
        ] {
            finite(v, what)?;
        }
        prop_assert!((0.0..=1.0).contains(&e.p_over_90_days));
    }
    let _ = scope_core::plan(case);
    if let Ok(r) = scope_core::evaluate::evaluate(case) {
        for c in &r.ranking {
            finite(c.score, "candidate score")?;
        }
        for s in &r.sensitivity {
            finite(s.from, "sensitivity")?;
            finite(s.to, "sensitivity")?;
        }
    }
    if let Some(spec) = &case.agreement {
        let a = scope_core::agreement::project(spec, &case.estimate.currency);
        for month in &a.months {
            prop_assert_eq!(month.developer + month.foundation, month.total);
        }
    }
    let _ = scope_core::reports::proposal::proposal(case).to_markdown();
    let _ = scope_core::formats::share::decode(&scope_core::formats::share::encode(case));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Arbitrary bytes: refused or read, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(case) = Case::from_json(&text) {
            run_everything(&case)?;
        }
        let _ = scope_core::workbench::workspace::Workspace::from_json(&text);
        let _ = scope_core::formats::share::decode(&text);
        let _ = scope_core::formats::candidates_csv::parse(&text, &scope_core::case::default_criteria());
    }

    /// Extreme, well-shaped cases: refused with named fields, or computed with finite figures.
    #[test]
    fn extreme_cases_are_refused_or_computed(value in hostile_case()) {
        match Case::from_value(value) {
            Ok(case) => run_everything(&case)?,
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
