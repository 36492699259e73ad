//! The estimate's report: PERT, the Monte Carlo summary, the calendar, the cost, the charts and
//! what the figures carry beyond the breakdown.

use super::record::reference_class::ReferenceClass;
use super::stats::{Bin, CurvePoint, Z90};
use super::uncertainty::ReleaseCalendar;
use super::{EstimatedTask, Simulation, hours, r2};
use crate::case::Case;
use crate::process::StagePlan;
use crate::support::number::Fixed;
use crate::support::three_point::ThreePoint;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PertSummary {
    pub mean: f64,
    pub sd: f64,
    pub p50: f64,
    pub p80: f64,
    pub p90: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Percentile {
    pub p: u8,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonteCarloSummary {
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p80: f64,
    pub p90: f64,
    /// P10, P20 ... P90.
    pub deciles: Vec<Percentile>,
    pub samples: u32,
    pub seed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EffortHours {
    pub pert: PertSummary,
    pub monte_carlo: MonteCarloSummary,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Levels {
    pub p10: f64,
    pub p50: f64,
    pub p80: f64,
    pub p90: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CalendarDays {
    /// End to end: the stages on the delivery clock (maintainer assignment to merge).
    pub p10: f64,
    pub p50: f64,
    pub p80: f64,
    pub p90: f64,
    /// Development alone: effort over weekly availability, at the record's pace.
    pub development: Levels,
    /// From the start of development to the merge: the span the record of real builds measures.
    pub build: Levels,
}

/// What the figures carry beyond the work breakdown, so that they can say where their spread
/// comes from (`uncertainty`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Uncertainty {
    /// The common factor every task of a simulated project shares: its P10 and P90 (median 1).
    pub effort_factor_p10: f64,
    pub effort_factor_p90: f64,
    /// The calendar's pace: the record's development days per day the breakdown predicts.
    pub pace: f64,
    /// The wait for the next release: P10, median, P90 days.
    pub release_wait_days: ThreePoint,
    /// What the calendar figures count, and why they are shorter than the hours at the
    /// availability.
    pub calendar_note: String,
    pub source: &'static str,
}

impl Uncertainty {
    /// Where the spread comes from, in one sentence.
    pub fn sentence(&self) -> String {
        format!(
            "Where the spread comes from: every simulated project shares one factor on all of its work (effort x{} at P10, x{} at P90), and a finished connector waits for the next release ({} days at the median, {} at P90); {}.",
            Fixed(self.effort_factor_p10, 2),
            Fixed(self.effort_factor_p90, 2),
            Fixed(self.release_wait_days.most_likely, 0),
            Fixed(self.release_wait_days.pessimistic, 0),
            self.source,
        )
    }

    pub fn of(case: &Case, simulation: &Simulation) -> Self {
        let at = |z: f64| r2(libm::exp(simulation.factor.sigma * z));
        let pace = r2(simulation.pace);
        let perpetual = if case.connector.market.has_perpetual() {
            " Perpetual connectors took less calendar time than spot ones in the record (median 41 days against 54.5), though they have more code: 5 of the 9 reused their exchange's spot connector."
        } else {
            ""
        };
        let clock =
            "Delivery counts from the maintainer's assignment to the merge (the 90-day clock)";
        let calendar_note = if !case.path.needs_estimate() {
            format!(
                "{clock}; on this path the connector arrives built, so it covers the stages after it that apply (the maintainer's assignment, where it does), the pull request, QA and the wait for the next release."
            )
        } else if case.estimate.tasks.is_some() {
            format!(
                "{clock}; start to merge, from the start of development. The case's own hours are taken as given, at its availability; they share the common factor's spread."
            )
        } else {
            format!(
                "{clock}; start to merge, from the start of development. The 25 past builds went from their first commit to the merge in less time than the breakdown's hours for them take at 30 hours a week, so the calendar here runs at their pace: x{} of the time this estimate's hours take at {} a week.{perpetual} Effort and cost are the work breakdown's hours; the record has no hours.",
                Fixed(pace, 2),
                hours(case.estimate.availability_hours_per_week),
            )
        };
        Self {
            effort_factor_p10: at(-Z90),
            effort_factor_p90: at(Z90),
            pace,
            release_wait_days: ReleaseCalendar::record().wait_three_point(),
            calendar_note,
            source: "fitted on the record of 25 Hummingbot connector builds, 2020-2024, and its release calendar (CALIBRATION.md)",
        }
    }
}

/// The cost at one level, whose parts add up to the total exactly.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostLevel {
    pub level: &'static str,
    /// Effort hours at this level, to a tenth of an hour.
    pub hours: Decimal,
    pub development: Decimal,
    pub overhead: Decimal,
    pub total: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cost {
    pub p50: Decimal,
    pub p80: Decimal,
    pub p90: Decimal,
    pub currency: String,
    pub hourly_rate: Decimal,
    pub overhead_pct: Decimal,
    pub levels: Vec<CostLevel>,
    /// The published price of a connector delivered through Foundation bounty management.
    pub reference: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Charts {
    pub effort_histogram: Vec<Bin>,
    pub effort_s_curve: Vec<CurvePoint>,
    pub calendar_histogram: Vec<Bin>,
    pub calendar_s_curve: Vec<CurvePoint>,
}

/// The estimate of one case.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstimateReport {
    pub effort_hours: EffortHours,
    pub calendar_days: CalendarDays,
    /// Share of simulated projects whose delivery takes more than 90 days.
    pub p_over_90_days: f64,
    pub cost: Cost,
    pub tasks: Vec<EstimatedTask>,
    pub constraints: Vec<String>,
    pub plan: StagePlan,
    pub charts: Charts,
    /// The outside view: the past builds of the same class, and where this estimate falls.
    pub reference_class: ReferenceClass,
    pub uncertainty: Uncertainty,
    /// The backtest's headline, in one sentence.
    pub calibration: String,
}

impl EstimateReport {
    /// Whether the 90-day delivery guarantee is at risk (the constraints then say so).
    pub fn guarantee_at_risk(&self) -> bool {
        self.p_over_90_days > super::GUARANTEE_AT_RISK
    }
}
