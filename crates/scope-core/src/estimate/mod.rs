//! The duration and cost estimator: the work breakdown, the record of real builds and what it
//! calibrates, PERT, a seeded Beta-PERT Monte Carlo, the calendar, the cost, the constraints.
//! May import: support, case, process, maturity.

pub mod breakdown;
pub mod connectors;
pub mod fingerprint;
pub mod record;
mod report;
pub mod sampling;
mod simulate;
pub mod stats;
mod tasks;
pub mod uncertainty;

pub use report::{
    CalendarDays, Charts, Cost, CostLevel, EffortHours, EstimateReport, Levels, MonteCarloSummary,
    Percentile, PertSummary, Uncertainty,
};
pub use simulate::{
    Simulation, SimulationInputs, build_days, development_days, simulate, simulation_inputs,
};
pub use tasks::{Adjustment, EstimatedTask, tasks};

use crate::support::number::{Fixed, Shortest};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::case::{Answer, Case, CaseError, EngagementPath, ExchangeKind, Experience, StageId};
use crate::maturity::{self, AgeClass};
use crate::process::StagePlan;
use crate::support::money::cents;
use crate::support::order::sort_floats;
use crate::support::three_point::ThreePoint;
use record::reference_class::ReferenceClass;
use stats::{Z80, Z90};
use uncertainty::{BACKTESTED, ReleaseCalendar};

/// The Foundation's delivery guarantee: a full refund if not delivered within 90 days.
pub const GUARANTEE_DAYS: f64 = 90.0;
/// Above this share of simulated projects over the guarantee, the estimate says it is at risk.
pub const GUARANTEE_AT_RISK: f64 = 0.1;
/// Above this share, that it is likely to be missed.
pub const GUARANTEE_LIKELY_MISSED: f64 = 0.5;
const HISTOGRAM_BINS: usize = 30;

/// The whole estimate. Needs `estimate.hourly_rate` for the cost.
pub fn estimate(case: &Case) -> Result<EstimateReport, CaseError> {
    estimate_from(case, &simulate(&simulation_inputs(case)))
}

/// The estimate from draws already made for this case's `simulation_inputs`.
pub fn estimate_from(case: &Case, simulation: &Simulation) -> Result<EstimateReport, CaseError> {
    let Some(rate) = case.estimate.hourly_rate else {
        return Err(crate::case::Need::HOURLY_RATE.error());
    };
    let tasks = tasks(case);

    // PERT: sum of means, root of summed variances, normal approximation.
    let mean: f64 = tasks.iter().map(|t| t.mean).sum();
    let sd = tasks.iter().map(|t| t.sd * t.sd).sum::<f64>().sqrt();
    let pert = PertSummary {
        mean: r2(mean),
        sd: r2(sd),
        p50: r2(mean),
        p80: r2(mean + Z80 * sd),
        p90: r2(mean + Z90 * sd),
    };

    // Monte Carlo: the draws, scheduled at this availability.
    let n = simulation.effort_hours.len().max(1);
    let mut effort = simulation.effort_hours.clone();
    let mut development_days = development_days(case, simulation);
    let mut build_span = build_days(case, simulation, &development_days);
    let mut calendar: Vec<f64> = build_span
        .iter()
        .zip(&simulation.before_days)
        .map(|(build, before)| before + build)
        .collect();
    // Equal floats are interchangeable, so the unstable sort (smaller in the wasm) is exact.
    for xs in [
        &mut effort,
        &mut development_days,
        &mut build_span,
        &mut calendar,
    ] {
        sort_floats(xs);
    }
    let pct = |xs: &[f64], p: f64| r2(stats::percentile_sorted(xs, p));
    let levels = |xs: &[f64]| Levels {
        p10: pct(xs, 10.0),
        p50: pct(xs, 50.0),
        p80: pct(xs, 80.0),
        p90: pct(xs, 90.0),
    };
    let monte_carlo = MonteCarloSummary {
        mean: r2(effort.iter().sum::<f64>() / n as f64),
        p10: pct(&effort, 10.0),
        p50: pct(&effort, 50.0),
        p80: pct(&effort, 80.0),
        p90: pct(&effort, 90.0),
        deciles: (1..=9)
            .map(|d| Percentile {
                p: d * 10,
                value: pct(&effort, f64::from(d) * 10.0),
            })
            .collect(),
        samples: case.simulation.samples,
        seed: case.simulation.seed,
    };
    let calendar_days = CalendarDays {
        p10: pct(&calendar, 10.0),
        p50: pct(&calendar, 50.0),
        p80: pct(&calendar, 80.0),
        p90: pct(&calendar, 90.0),
        development: levels(&development_days),
        build: levels(&build_span),
    };
    let p_over_90_days = r4(stats::share_above(&calendar, GUARANTEE_DAYS));

    let overhead_pct = case.estimate.overhead_pct;
    let levels: Vec<CostLevel> = [
        ("p50", monte_carlo.p50),
        ("p80", monte_carlo.p80),
        ("p90", monte_carlo.p90),
    ]
    .into_iter()
    .map(|(level, hours)| cost_level(level, hours, rate, overhead_pct))
    .collect();
    let cost = Cost {
        p50: levels[0].total,
        p80: levels[1].total,
        p90: levels[2].total,
        currency: case.estimate.currency.clone(),
        hourly_rate: rate,
        overhead_pct,
        levels,
        reference: "Foundation bounty management: USD 10,000 per connector (quoted 10,000-25,000), full refund if not delivered within 90 days",
    };

    let d = &calendar_days.development;
    let mut overrides = Vec::with_capacity(2);
    if let Ok(development) = ThreePoint::new(d.p10, d.p50, d.p90) {
        overrides.push((
            StageId::Development,
            development,
            "the estimate: effort over the maintainer's weekly availability, at the record's pace (P10, P50, P90)",
        ));
    }
    overrides.push((
        StageId::Merge,
        ReleaseCalendar::record().wait_three_point(),
        "the release calendar 2020-2024: the wait for the next release merge (P10, median, P90)",
    ));
    let plan = StagePlan::new(case.path, case.governance_era, &overrides, |s| {
        case.stage_status(s)
    });
    let charts = Charts {
        effort_histogram: stats::histogram(&effort, HISTOGRAM_BINS),
        effort_s_curve: stats::s_curve(&effort, 5),
        calendar_histogram: stats::histogram(&calendar, HISTOGRAM_BINS),
        calendar_s_curve: stats::s_curve(&calendar, 5),
    };
    let reference_class = ReferenceClass::of(case, calendar_days.build.p50);
    let constraints = constraints(case, &calendar_days, p_over_90_days);
    Ok(EstimateReport {
        effort_hours: EffortHours { pert, monte_carlo },
        calendar_days,
        p_over_90_days,
        cost,
        tasks,
        constraints,
        plan,
        charts,
        reference_class,
        uncertainty: Uncertainty::of(case, simulation),
        calibration: BACKTESTED.line(),
    })
}

/// Hours to a tenth, times the rate, to the cent (banker's rounding); the overhead on that, to the
/// cent; the total is their sum, so the parts always add up.
pub fn cost_level(
    level: &'static str,
    hours: f64,
    rate: Decimal,
    overhead_pct: Decimal,
) -> CostLevel {
    let hours = Decimal::from_f64_retain(hours)
        .unwrap_or_default()
        .round_dp_with_strategy(1, RoundingStrategy::MidpointNearestEven);
    let development = cents(hours * rate);
    let overhead = cents(development * overhead_pct / Decimal::ONE_HUNDRED);
    CostLevel {
        level,
        hours,
        development,
        overhead,
        total: development + overhead,
    }
}

fn constraints(case: &Case, calendar: &CalendarDays, p_over_90: f64) -> Vec<String> {
    let mut out = Vec::new();
    let m = maturity::rank(case);
    if !m.blockers.is_empty() {
        let names: Vec<&str> = m.blockers.iter().map(|b| b.label).collect();
        out.push(format!(
            "Blocked: the exchange does not offer {}; a Hummingbot connector cannot pass QA until it does, so these figures assume a workaround.",
            names.join(", ")
        ));
    }
    match case.path {
        EngagementPath::DeveloperBuilt => out.push(
            "This path needs no estimate: the connector is already developed; the figures are for reference only.".into(),
        ),
        EngagementPath::ExchangeMaintained => out.push(
            "The exchange builds the connector itself: the effort is what its own team should plan for; the calendar covers the pull request, QA and merge.".into(),
        ),
        _ => {}
    }
    if matches!(
        case.api.get("sandbox"),
        Some(Answer::NotAvailable | Answer::Partial)
    ) {
        out.push("No complete testnet: QA runs with real funds on the live exchange.".into());
    }
    let availability = case.estimate.availability_hours_per_week;
    if availability < 15.0 && case.path.needs_estimate() {
        out.push(format!(
            "Low availability: at {} a week, development alone takes {} days at P50.",
            hours(availability),
            Fixed(calendar.development.p50, 0),
        ));
    }
    match AgeClass::from_months(case.exchange_age_months()) {
        AgeClass::New => out.push("New exchange: its API is likely to change during the build and the first year of maintenance.".into()),
        AgeClass::Unknown => out.push("The exchange's launch month is not given: set it (and as_of) to account for the API's stability.".into()),
        _ => {}
    }
    if case.exchange.kind == ExchangeKind::Dex {
        out.push("DEX: signing uses a wallet or on-chain keys; QA needs funded wallets on the exchange's network.".into());
    }
    if case.estimate.experience == Experience::FirstConnector {
        out.push(
            "The developer's first connector: plan reviews by an experienced maintainer.".into(),
        );
    }
    if !m.unanswered.is_empty() {
        out.push(format!(
            "{} questionnaire items are unanswered and counted as partial: answering them narrows the estimate.",
            m.unanswered.len()
        ));
    }
    if p_over_90 > GUARANTEE_LIKELY_MISSED {
        out.push(format!(
            "The 90-day delivery guarantee is likely to be missed: {}% of simulated projects take longer (P50 {} days).",
            Fixed(p_over_90 * 100.0, 0),
            Fixed(calendar.p50, 0),
        ));
    } else if p_over_90 > GUARANTEE_AT_RISK {
        out.push(format!(
            "The 90-day delivery guarantee is at risk: {}% of simulated projects take longer.",
            Fixed(p_over_90 * 100.0, 0),
        ));
    }
    out
}

/// "1 hour", "12.5 hours".
pub(super) fn hours(h: f64) -> String {
    if h == 1.0 {
        "1 hour".into()
    } else {
        format!("{} hours", Shortest(h))
    }
}

pub(super) fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub(super) fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
