//! The duration and cost estimator: the work breakdown, the record of real builds and what it
//! calibrates, PERT, a seeded Beta-PERT Monte Carlo, the calendar, the cost, the constraints.
//! May import: support, case, process, maturity.

pub mod breakdown;
pub mod connectors;
pub mod fingerprint;
pub mod record;
pub mod sampling;
pub mod stats;
pub mod uncertainty;

use crate::support::number::{Fixed, Shortest};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::case::{
    Answer, Build, Case, CaseError, EngagementPath, ExchangeKind, Experience, Market, StageId,
    TaskId,
};
use crate::maturity::rubric::ITEMS;
use crate::maturity::{self, AgeClass};
use crate::process::StagePlan;
use crate::support::money::cents;
use crate::support::three_point::ThreePoint;
use breakdown::BOTH_SPOT_FACTOR;
use record::reference_class::ReferenceClass;
use sampling::{BetaPert, Sampler};
use stats::{Bin, CurvePoint, Z80, Z90};
use uncertainty::{BACKTESTED, CommonFactor, ReleaseCalendar};

impl TaskId {
    pub fn label(self) -> &'static str {
        match self {
            TaskId::ConstantsRateLimits => "Constants and rate limits",
            TaskId::Auth => "Authentication",
            TaskId::WebUtilsTimeSync => "Web utils and time sync",
            TaskId::TradingRules => "Trading rules",
            TaskId::OrderBookDataSource => "Order book data source",
            TaskId::UserStream => "User stream",
            TaskId::OrderLifecycle => "Order lifecycle",
            TaskId::FillsBalances => "Fills and balances",
            TaskId::UnitTests => "Unit tests (80% coverage)",
            TaskId::QaFixes => "QA fixes",
            TaskId::DocsPr => "Docs and pull request",
            TaskId::Funding => "Funding info and payments",
            TaskId::Positions => "Positions",
            TaskId::LeveragePositionMode => "Leverage and position mode",
            TaskId::PerpetualTests => "Perpetual tests",
        }
    }

    pub fn perpetual_only(self) -> bool {
        matches!(
            self,
            TaskId::Funding
                | TaskId::Positions
                | TaskId::LeveragePositionMode
                | TaskId::PerpetualTests
        )
    }

    /// Tests, QA and the PR follow the code; the rest is code.
    fn is_code(self) -> bool {
        !matches!(
            self,
            TaskId::UnitTests | TaskId::QaFixes | TaskId::DocsPr | TaskId::PerpetualTests
        )
    }

    /// Parts that a connector of a similar API lets the developer reuse.
    fn reusable_from_precedent(self) -> bool {
        matches!(
            self,
            TaskId::ConstantsRateLimits
                | TaskId::Auth
                | TaskId::WebUtilsTimeSync
                | TaskId::OrderBookDataSource
                | TaskId::UserStream
                | TaskId::OrderLifecycle
                | TaskId::Funding
                | TaskId::Positions
                | TaskId::LeveragePositionMode
        )
    }
}

impl Experience {
    fn factor(self) -> f64 {
        match self {
            Experience::Experienced => 1.0,
            Experience::Some => 1.15,
            // Learning ExchangePyBase (about 29 abstract members) and the test conventions.
            Experience::FirstConnector => 1.4,
        }
    }
}

/// Factors of the other adjustments, in one place.
const PRECEDENT_FACTOR: f64 = 0.8;
const MODIFIED_PART_FACTOR: f64 = 0.6;
const DEX_AUTH_FACTOR: f64 = 1.5;

/// One traced change to a task's hours.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Adjustment {
    pub factor: f64,
    pub reason: String,
}

/// One task of the estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstimatedTask {
    pub id: String,
    pub label: String,
    pub base: ThreePoint,
    /// The product of the adjustments' factors.
    pub multiplier: f64,
    pub hours: ThreePoint,
    pub mean: f64,
    pub sd: f64,
    pub adjustments: Vec<Adjustment>,
}

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

/// The Foundation's delivery guarantee: a full refund if not delivered within 90 days.
pub const GUARANTEE_DAYS: f64 = 90.0;
const HISTOGRAM_BINS: usize = 30;

/// The adjusted work breakdown of a case.
pub fn tasks(case: &Case) -> Vec<EstimatedTask> {
    if let Some(custom) = &case.estimate.tasks {
        return custom
            .iter()
            .map(|t| {
                let hours = ThreePoint {
                    optimistic: t.optimistic,
                    most_likely: t.most_likely,
                    pessimistic: t.pessimistic,
                };
                finish(
                    t.id.clone(),
                    t.label.clone().unwrap_or_else(|| t.id.clone()),
                    hours,
                    vec![Adjustment {
                        factor: 1.0,
                        reason: "the case's own estimate: no adjustment applied (the simulation's common factor still spreads it)".into(),
                    }],
                )
            })
            .collect();
    }

    let market = case.connector.market;
    let mut work: Vec<Work> = breakdown::SPOT
        .iter()
        .chain(
            breakdown::PERPETUAL
                .iter()
                .filter(|_| market.has_perpetual()),
        )
        .map(|t| (t.id, t.hours, Vec::new()))
        .collect();

    if market == Market::Both {
        adjust(
            &mut work,
            &|t| !t.perpetual_only(),
            BOTH_SPOT_FACTOR,
            "spot and perpetual: the second connector reuses auth, utils and constants",
        );
    }

    // The questionnaire: each weak answer grows the tasks it touches.
    for item in ITEMS.iter().filter(|i| maturity::applies(i, market)) {
        let given = case.api.get(item.id).copied();
        let answer = given.unwrap_or(Answer::Partial);
        for (task, _) in item.effects {
            let factor = item.factor(*task, answer);
            if factor != 1.0 {
                let how = match given {
                    None => "unanswered (counted as partial)".to_string(),
                    Some(a) => a.label().to_ascii_lowercase(),
                };
                let reason = format!("{}: {how}", item.label);
                adjust(&mut work, &|t| t == *task, factor, &reason);
            }
        }
    }

    // Tests and QA follow the code they cover: the mean questionnaire factor of the code.
    let (num, den) =
        work.iter()
            .filter(|(id, _, _)| id.is_code())
            .fold((0.0, 0.0), |(n, d), (_, h, adj)| {
                let f: f64 = adj.iter().map(|a| a.factor).product();
                (n + h.pert_mean() * f, d + h.pert_mean())
            });
    let code_factor = if den > 0.0 { num / den } else { 1.0 };
    if code_factor > 1.0 + 1e-9 {
        let reason = "tests and QA follow the code they cover";
        adjust(
            &mut work,
            &|t| {
                matches!(
                    t,
                    TaskId::UnitTests | TaskId::PerpetualTests | TaskId::QaFixes
                )
            },
            code_factor,
            reason,
        );
    }

    if case.exchange.kind == ExchangeKind::Dex {
        adjust(
            &mut work,
            &|t| t == TaskId::Auth,
            DEX_AUTH_FACTOR,
            "DEX: wallet or on-chain signing",
        );
    }

    if let Some(precedent) = case
        .connector
        .precedent
        .as_deref()
        .and_then(connectors::find)
    {
        let reason = format!("reuses {}, a connector of a similar API", precedent.name);
        let perp = precedent.is_perpetual();
        adjust(
            &mut work,
            &|t| t.reusable_from_precedent() && (!t.perpetual_only() || perp),
            PRECEDENT_FACTOR,
            &reason,
        );
    }

    if case.connector.build == Build::Modification {
        let changes = &case.connector.changes;
        let base = case
            .connector
            .base_connector
            .as_deref()
            .unwrap_or("the existing connector");
        let code_total: f64 = work
            .iter()
            .filter(|(id, _, _)| id.is_code())
            .map(|(_, h, _)| h.pert_mean())
            .sum();
        let changed: f64 = work
            .iter()
            .filter(|(id, _, _)| id.is_code() && changes.contains(id))
            .map(|(_, h, _)| h.pert_mean())
            .sum();
        let share = if code_total > 0.0 {
            changed / code_total
        } else {
            0.0
        };
        for (id, _, adj) in &mut work {
            let (factor, reason) = if !id.is_code() {
                let f = match id {
                    TaskId::DocsPr => 0.5,
                    TaskId::QaFixes => 0.4 + 0.6 * share,
                    _ => 0.25 + 0.75 * share,
                };
                (
                    f,
                    format!(
                        "modification of {base}: tests and QA for the changed parts ({}% of the code)",
                        Fixed(share * 100.0, 0),
                    ),
                )
            } else if changes.contains(id) {
                (
                    MODIFIED_PART_FACTOR,
                    format!("modification of {base}: this part changes, on existing code"),
                )
            } else {
                (0.0, format!("modification of {base}: unchanged"))
            };
            adj.push(Adjustment { factor, reason });
        }
    }

    let experience = case.estimate.experience;
    if experience != Experience::Experienced {
        let reason = match experience {
            Experience::FirstConnector => "the developer's first Hummingbot connector",
            _ => "the developer has built one or two connectors",
        };
        adjust(&mut work, &|_| true, experience.factor(), reason);
    }

    match AgeClass::from_months(case.exchange_age_months()) {
        AgeClass::New => adjust(
            &mut work,
            &|_| true,
            1.15,
            "new exchange (under a year): its API changes during the build",
        ),
        AgeClass::Young => adjust(
            &mut work,
            &|_| true,
            1.05,
            "young exchange (1-3 years): some API churn",
        ),
        AgeClass::Unknown => adjust(
            &mut work,
            &|_| true,
            1.05,
            "launch month unknown: counted as a young exchange",
        ),
        AgeClass::Mature => {}
    }

    work.into_iter()
        .map(|(id, hours, adj)| finish(id.as_str().to_string(), id.label().to_string(), hours, adj))
        .collect()
}

type Work = (TaskId, ThreePoint, Vec<Adjustment>);

/// Records `factor` with its reason on every task that `pred` selects.
fn adjust(work: &mut [Work], pred: &dyn Fn(TaskId) -> bool, factor: f64, reason: &str) {
    for (_, _, adj) in work.iter_mut().filter(|(id, _, _)| pred(*id)) {
        adj.push(Adjustment {
            factor,
            reason: reason.to_string(),
        });
    }
}

fn finish(
    id: String,
    label: String,
    base: ThreePoint,
    adjustments: Vec<Adjustment>,
) -> EstimatedTask {
    let multiplier: f64 = adjustments.iter().map(|a| a.factor).product();
    let hours = base.scaled(multiplier);
    EstimatedTask {
        id,
        label,
        base,
        multiplier,
        mean: hours.pert_mean(),
        sd: hours.pert_sd(),
        hours,
        adjustments,
    }
}

/// What the Monte Carlo simulation depends on: the tasks' and the delivery stages' three points,
/// the common factor, the number of samples and the seed. Rate, currency, overhead and
/// availability are not in it, so changing them re-prices and re-schedules the same draws without
/// drawing again.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationInputs {
    pub tasks: Vec<ThreePoint>,
    /// The stages on the delivery clock before development (maintainer assignment, the
    /// improvement proposal).
    pub before: Vec<ThreePoint>,
    /// The stages after development up to the merge (the pull request, QA).
    pub after: Vec<ThreePoint>,
    /// Whether the merge waits for the next release (it does wherever the merge applies).
    pub release_wait: bool,
    pub factor: CommonFactor,
    /// The market, whose pace the calendar takes.
    pub market: Market,
    /// Whether the tasks are the case's own hours: taken as given, at the availability (the pace
    /// relates the breakdown's hours to the record's calendar, not anyone's hours), though they
    /// still share the common factor's spread.
    pub own_hours: bool,
    pub samples: u32,
    pub seed: u64,
}

/// The draws, per sample, in draw order.
#[derive(Clone, Debug, PartialEq)]
pub struct Simulation {
    /// Effort hours: the project's common factor (its spread) times the sum of its tasks.
    pub effort_hours: Vec<f64>,
    /// The common factor's spread drawn for each project (median 1).
    pub spread: Vec<f64>,
    /// The common factor the draws were made with.
    pub factor: CommonFactor,
    /// Its median for the case's market: the calendar's pace.
    pub pace: f64,
    /// Days of the delivery stages before development.
    pub before_days: Vec<f64>,
    /// Days of the review stages after development (the pull request, QA), before the factor.
    pub review_days: Vec<f64>,
    /// Days from the end of QA to the next release merge.
    pub release_wait: Vec<f64>,
}

pub fn simulation_inputs(case: &Case) -> SimulationInputs {
    let plan = StagePlan::new(case.path, case.governance_era, &[], |s| {
        case.stage_status(s)
    });
    let clock = |keep: &dyn Fn(StageId) -> bool| -> Vec<ThreePoint> {
        plan.stages
            .iter()
            .filter(|s| s.on_delivery_clock && keep(s.id))
            .filter_map(|s| s.days)
            .collect()
    };
    SimulationInputs {
        tasks: tasks(case).iter().map(|t| t.hours).collect(),
        before: clock(&|id| id < StageId::Development),
        after: clock(&|id| id > StageId::Development && id != StageId::Merge),
        release_wait: plan
            .stages
            .iter()
            .any(|s| s.id == StageId::Merge && s.days.is_some()),
        factor: uncertainty::FITTED,
        market: case.connector.market,
        own_hours: case.estimate.tasks.is_some(),
        samples: case.simulation.samples,
        seed: case.simulation.seed,
    }
}

/// Each sample draws its common factor, every task, the stages before development, the stages
/// after it and the release wait, in that order, from one seeded stream.
pub fn simulate(inputs: &SimulationInputs) -> Simulation {
    let n = inputs.samples.max(1) as usize;
    let pert = |tps: &[ThreePoint]| -> Vec<BetaPert> { tps.iter().map(BetaPert::new).collect() };
    let (tasks, before, after) = (
        pert(&inputs.tasks),
        pert(&inputs.before),
        pert(&inputs.after),
    );
    let calendar = ReleaseCalendar::record();
    let mut sampler = Sampler::new(inputs.seed);
    let mut sim = Simulation {
        effort_hours: Vec::with_capacity(n),
        spread: Vec::with_capacity(n),
        factor: inputs.factor,
        pace: if inputs.own_hours {
            1.0
        } else {
            inputs.factor.pace(inputs.market)
        },
        before_days: Vec::with_capacity(n),
        review_days: Vec::with_capacity(n),
        release_wait: Vec::with_capacity(n),
    };
    let sum = |ds: &[BetaPert], s: &mut Sampler| ds.iter().map(|d| d.draw(s)).sum::<f64>();
    for _ in 0..n {
        let spread = inputs.factor.draw_spread(&mut sampler);
        sim.spread.push(spread);
        sim.effort_hours.push(spread * sum(&tasks, &mut sampler));
        sim.before_days.push(sum(&before, &mut sampler));
        sim.review_days.push(sum(&after, &mut sampler));
        sim.release_wait.push(if inputs.release_wait {
            calendar.draw_wait(&mut sampler)
        } else {
            0.0
        });
    }
    sim
}

/// Each sample's development days: the effort at the availability, at the record's pace.
pub fn development_days(case: &Case, simulation: &Simulation) -> Vec<f64> {
    let per_hour = simulation.pace * 7.0 / case.estimate.availability_hours_per_week;
    simulation
        .effort_hours
        .iter()
        .map(|h| h * per_hour)
        .collect()
}

/// Each sample's build span, the one the record measures: from the start of development to the
/// merge. Development, the pull request and QA take the project's common factor, as they did in
/// the record's builds; the release wait does not. On a path without development (the connector
/// arrives built) nothing in the record speaks for the rest, so the pull request and QA keep their
/// published days.
pub fn build_days(case: &Case, simulation: &Simulation, development: &[f64]) -> Vec<f64> {
    let development_applies = case.path.needs_estimate();
    let pace = simulation.pace;
    development
        .iter()
        .zip(&simulation.spread)
        .zip(simulation.review_days.iter().zip(&simulation.release_wait))
        .map(|((dev, spread), (review, wait))| {
            if development_applies {
                dev + pace * spread * review + wait
            } else {
                review + wait
            }
        })
        .collect()
}

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
        xs.sort_unstable_by(f64::total_cmp);
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
    if p_over_90 > 0.5 {
        out.push(format!(
            "The 90-day delivery guarantee is likely to be missed: {}% of simulated projects take longer (P50 {} days).",
            Fixed(p_over_90 * 100.0, 0),
            Fixed(calendar.p50, 0),
        ));
    } else if p_over_90 > 0.1 {
        out.push(format!(
            "The 90-day delivery guarantee is at risk: {}% of simulated projects take longer.",
            Fixed(p_over_90 * 100.0, 0),
        ));
    }
    out
}

/// "1 hour", "12.5 hours".
fn hours(h: f64) -> String {
    if h == 1.0 {
        "1 hour".into()
    } else {
        format!("{} hours", Shortest(h))
    }
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
