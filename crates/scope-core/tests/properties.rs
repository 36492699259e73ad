//! Properties that must hold for every case.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use scope_core::Case;
use scope_core::case::Answer;
use scope_core::case::Build;
use scope_core::case::TaskId;
use scope_core::estimate::cost_level;
use scope_core::maturity::rubric::ITEMS;
use serde_json::{Map, Value, json};

fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(Answer::ALL.to_vec()).prop_map(Some)
    ]
}

prop_compose! {
    fn any_case()(
        market in proptest::sample::select(vec!["spot", "perpetual", "both"]),
        answers in proptest::collection::vec(answer(), ITEMS.len()),
        dex in any::<bool>(),
        age in proptest::option::of(0u16..120),
        experience in proptest::sample::select(vec!["experienced", "some", "first_connector"]),
        precedent in proptest::option::of(proptest::sample::select(vec!["binance", "kraken", "okx_perpetual"])),
        path in proptest::sample::select(vec!["exchange_funded", "exchange_maintained", "developer_built", "foundation_grant"]),
        availability in 5u32..60,
        rate in 10u32..300,
        seed in 0u64..1000,
    ) -> Value {
        let api: Map<String, Value> = ITEMS
            .iter()
            .zip(&answers)
            .filter_map(|(item, a)| a.map(|a| (item.id.to_string(), json!(a.as_str()))))
            .collect();
        let mut exchange = json!({ "name": "Prop", "kind": if dex { "dex" } else { "cex" } });
        if let Some(months) = age {
            let total = 2026 * 12 + 10 - i32::from(months);
            exchange["launched"] = json!(format!("{:04}-{:02}", total / 12, total % 12 + 1));
        }
        let mut connector = json!({ "market": market });
        if let Some(p) = precedent {
            connector["precedent"] = json!(p);
        }
        json!({
            "version": 1,
            "as_of": "2026-11-25",
            "exchange": exchange,
            "connector": connector,
            "path": path,
            "api": api,
            "estimate": { "availability_hours_per_week": availability, "hourly_rate": rate.to_string(), "experience": experience },
            "simulation": { "samples": 300, "seed": seed },
        })
    }
}

fn parse(v: &Value) -> Case {
    Case::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}\n{v}"))
}

fn effort_mean(case: &Case) -> f64 {
    scope_core::estimate::tasks(case)
        .iter()
        .map(|t| t.mean)
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Raising one item's documentation by a level never lowers the score nor raises the
    /// estimate (PERT mean, and the Monte Carlo figures with the same seed).
    #[test]
    fn more_documentation_never_hurts(case in any_case(), pick in any::<proptest::sample::Index>(), level in 0usize..3) {
        let item = ITEMS[pick.index(ITEMS.len())].id;
        let mut worse = case.clone();
        worse["api"][item] = json!(Answer::LEVELS[level].as_str());
        let mut better = case;
        better["api"][item] = json!(Answer::LEVELS[level + 1].as_str());
        let (worse, better) = (parse(&worse), parse(&better));

        prop_assert!(scope_core::rank(&better).score >= scope_core::rank(&worse).score);
        prop_assert!(effort_mean(&better) <= effort_mean(&worse) + 1e-9);
        let (eb, ew) = (scope_core::estimate(&better).unwrap(), scope_core::estimate(&worse).unwrap());
        prop_assert!(eb.effort_hours.monte_carlo.p50 <= ew.effort_hours.monte_carlo.p50);
        prop_assert!(eb.effort_hours.monte_carlo.p90 <= ew.effort_hours.monte_carlo.p90);
        prop_assert!(eb.cost.p80 <= ew.cost.p80);
        prop_assert!(eb.calendar_days.build.p50 <= ew.calendar_days.build.p50);
        prop_assert!(eb.calendar_days.p50 <= ew.calendar_days.p50);
    }

    /// A perpetual connector never costs less than the same exchange's spot connector: its
    /// expected effort is more, exactly (PERT) and in the Monte Carlo's mean. The Monte Carlo's
    /// quantiles are estimates from as few as 100 draws, and the perpetual tasks make a draw
    /// stream of another length, so they hold within sampling error: at 300 samples a perpetual
    /// P90 of 7,628 against a spot P90 of 7,810 was drawn (CI, seed 683).
    #[test]
    fn perpetual_never_costs_less_than_spot(case in any_case()) {
        let mut spot = case.clone();
        spot["connector"]["market"] = json!("spot");
        let mut perp = case;
        perp["connector"]["market"] = json!("perpetual");
        let (spot, perp) = (parse(&spot), parse(&perp));
        prop_assert!(effort_mean(&perp) >= effort_mean(&spot));
        let (s, p) = (scope_core::estimate(&spot).unwrap(), scope_core::estimate(&perp).unwrap());
        prop_assert!(p.effort_hours.monte_carlo.mean >= s.effort_hours.monte_carlo.mean);
        let within = rust_decimal::Decimal::new(9, 1);
        prop_assert!(p.cost.p50 >= s.cost.p50 * within && p.cost.p90 >= s.cost.p90 * within);
    }

    /// A modification never costs more than building the same connector new.
    #[test]
    fn modification_never_costs_more_than_new(case in any_case(), changed in proptest::collection::vec(any::<bool>(), 8)) {
        let mut new = case.clone();
        new["connector"]["build"] = json!("new");
        let new = parse(&new);
        let parts: Vec<&str> = [
            TaskId::ConstantsRateLimits, TaskId::Auth, TaskId::WebUtilsTimeSync, TaskId::TradingRules,
            TaskId::OrderBookDataSource, TaskId::UserStream, TaskId::OrderLifecycle, TaskId::FillsBalances,
        ]
        .iter()
        .zip(&changed)
        .filter(|(_, c)| **c)
        .map(|(t, _)| t.as_str())
        .collect();
        prop_assume!(!parts.is_empty());
        let mut modification = case;
        modification["connector"]["build"] = json!("modification");
        modification["connector"]["base_connector"] = json!("binance");
        modification["connector"]["changes"] = json!(parts);
        let modification = parse(&modification);
        prop_assert_eq!(modification.connector.build, Build::Modification);
        prop_assert!(effort_mean(&modification) <= effort_mean(&new));
        let (m, n) = (scope_core::estimate(&modification).unwrap(), scope_core::estimate(&new).unwrap());
        prop_assert!(m.cost.p50 <= n.cost.p50 && m.cost.p90 <= n.cost.p90);
    }

    /// Percentiles are ordered, probabilities are probabilities, nothing is NaN.
    #[test]
    fn figures_are_ordered_and_finite(case in any_case()) {
        let r = scope_core::estimate(&parse(&case)).unwrap();
        let mc = &r.effort_hours.monte_carlo;
        prop_assert!(mc.p10 <= mc.p50 && mc.p50 <= mc.p80 && mc.p80 <= mc.p90);
        prop_assert!(mc.deciles.windows(2).all(|w| w[0].value <= w[1].value));
        let pert = &r.effort_hours.pert;
        prop_assert!(pert.p50 <= pert.p80 && pert.p80 <= pert.p90);
        let c = &r.calendar_days;
        prop_assert!(c.p10 <= c.p50 && c.p50 <= c.p80 && c.p80 <= c.p90);
        for l in [&c.development, &c.build] {
            prop_assert!(l.p10 <= l.p50 && l.p50 <= l.p80 && l.p80 <= l.p90, "{l:?}");
        }
        // The build span is part of the end-to-end span.
        prop_assert!(c.build.p50 <= c.p50 + 1e-9);
        let rc = &r.reference_class;
        prop_assert!(rc.connectors.len() >= 5);
        prop_assert!(rc.percentile_of_p50.is_none_or(|p| (0.0..=100.0).contains(&p)));
        prop_assert_eq!(rc.percentile_of_p50.is_some(), parse(&case).path.needs_estimate());
        prop_assert!(r.cost.p50 <= r.cost.p80 && r.cost.p80 <= r.cost.p90);
        prop_assert!((0.0..=1.0).contains(&r.p_over_90_days));
        let m = scope_core::rank(&parse(&case));
        prop_assert!((0.0..=100.0).contains(&m.score));
        let figures = [mc.mean, mc.p10, mc.p90, pert.mean, pert.sd, c.p50, c.p90, c.development.p90, m.score];
        prop_assert!(figures.iter().all(|x| x.is_finite()), "{figures:?}");
        for t in &r.tasks {
            prop_assert!(t.hours.check().is_ok(), "{}", t.id);
        }
    }

    /// A perpetual connector that reuses a spot connector is never slower, nor dearer, than the
    /// same connector built from nothing (the record: 33 days at the median against 45).
    #[test]
    fn a_spot_precedent_never_slows_a_perpetual(case in any_case(), precedent in proptest::sample::select(vec!["binance", "okx", "kucoin", "gate_io"])) {
        let mut none = case.clone();
        none["connector"] = json!({ "market": "perpetual" });
        let mut reused = case;
        reused["connector"] = json!({ "market": "perpetual", "precedent": precedent });
        let (none, reused) = (scope_core::estimate(&parse(&none)).unwrap(), scope_core::estimate(&parse(&reused)).unwrap());
        let (a, b) = (&reused.calendar_days, &none.calendar_days);
        prop_assert!(a.build.p50 <= b.build.p50 && a.build.p90 <= b.build.p90);
        prop_assert!(a.p50 <= b.p50 && a.p90 <= b.p90);
        prop_assert!(reused.cost.p50 <= none.cost.p50);
    }

    /// However many tasks a breakdown has, the effort's P90/P10 stays at or above the common
    /// factor's own (the fitted floor): the spread does not vanish as tasks are added.
    #[test]
    fn adding_tasks_never_narrows_the_spread_below_the_floor(tasks in proptest::collection::vec((1u32..40, 0u32..40, 0u32..80), 1..40), seed in 0u64..1000) {
        let floor = scope_core::estimate::uncertainty::FITTED.spread_floor();
        for n in [1, tasks.len().div_ceil(2), tasks.len()] {
            let custom: Vec<Value> = tasks[..n].iter().enumerate().map(|(i, (a, m, b))| {
                json!({ "id": format!("t{i}"), "optimistic": a, "most_likely": a + m, "pessimistic": a + m + b })
            }).collect();
            let case = parse(&json!({
                "version": 1, "exchange": { "name": "Spread" },
                "estimate": { "hourly_rate": "50", "tasks": custom },
                "simulation": { "samples": 4000, "seed": seed },
            }));
            let mc = scope_core::estimate(&case).unwrap().effort_hours.monte_carlo;
            let ratio = mc.p90 / mc.p10;
            // 4,000 draws estimate a P90/P10 to within a few percent.
            prop_assert!(ratio >= floor * 0.93, "{n} tasks: P90/P10 {ratio} under the floor {floor}");
        }
    }

    /// Same seed, same numbers; another seed, other numbers.
    #[test]
    fn same_seed_same_numbers(case in any_case()) {
        let a = scope_core::estimate(&parse(&case)).unwrap();
        let b = scope_core::estimate(&parse(&case)).unwrap();
        prop_assert_eq!(&a, &b);
        let mut other = case;
        other["simulation"]["seed"] = json!(other["simulation"]["seed"].as_u64().unwrap() + 1000);
        let c = scope_core::estimate(&parse(&other)).unwrap();
        prop_assert_ne!(a.charts.effort_histogram, c.charts.effort_histogram);
    }

    /// Writing a case and reading it back gives the same case: as a file, in a share link, and
    /// inside a stored workspace.
    #[test]
    fn case_round_trips(case in any_case()) {
        let case = parse(&case);
        prop_assert_eq!(&Case::from_json(&case.to_json()).unwrap(), &case);
        prop_assert_eq!(&scope_core::formats::share::decode(&scope_core::formats::share::encode(&case)).unwrap(), &case);
        let mut workspace = scope_core::workbench::workspace::Workspace::new("2026-11-25".parse().unwrap());
        workspace.add(case.clone()).unwrap();
        let back = scope_core::workbench::workspace::Workspace::from_json(&workspace.to_json()).unwrap();
        prop_assert_eq!(back, workspace);
    }

    /// Development plus overhead is the total, to the cent, for any hours, rate and overhead.
    #[test]
    fn cost_parts_sum_exactly(hours in 0.0f64..100_000.0, rate_cents in 0i64..1_000_000, pct_hundredths in 0i64..20_000) {
        let rate = Decimal::new(rate_cents, 2);
        let pct = Decimal::new(pct_hundredths, 2);
        let level = cost_level("p50", hours, rate, pct);
        prop_assert_eq!(level.development + level.overhead, level.total);
        prop_assert!(level.development.scale() <= 2 && level.overhead.scale() <= 2);
        prop_assert!(level.total >= level.development);
    }
}
