//! The Monte Carlo simulation: its inputs, the seeded draws, and each sample's development and
//! build days.

use super::sampling::{BetaPert, Sampler};
use super::tasks;
use super::uncertainty;
use super::uncertainty::{CommonFactor, ReleaseCalendar};
use crate::case::{Case, Market, StageId};
use crate::process::StagePlan;
use crate::support::three_point::ThreePoint;

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
