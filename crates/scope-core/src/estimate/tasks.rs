//! The adjusted work breakdown: the calibrated tasks of the breakdown or the case's own, each
//! adjustment traced with its reason.

use super::breakdown::{self, BOTH_SPOT_FACTOR};
use super::connectors;
use crate::case::{Answer, Build, Case, ExchangeKind, Experience, Market, TaskId};
use crate::maturity::rubric::ITEMS;
use crate::maturity::{self, AgeClass};
use crate::support::number::Fixed;
use crate::support::three_point::ThreePoint;
use serde::Serialize;

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
