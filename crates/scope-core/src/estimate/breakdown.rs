//! The work breakdown of a new connector: three-point hours per task, the calibration data.
//!
//! # Calibration
//!
//! The tasks follow the files of a real Hummingbot connector. The base hours are for a developer
//! who has built Hummingbot connectors before ("today maintainers are developers who have built
//! connectors in the past"), starting from the Binance connector as the template as the docs
//! recommend, against an API documented with examples; the adjustments in `estimate.rs` move them
//! from there.
//!
//! Sizes (data/connectors.csv, medians of the 26 spot connectors, paper_trade excluded): main
//! exchange class 628 lines, order book data source 268, user stream 115, auth 91, constants 122,
//! utils 69, web utils 76, order book 71; 1,643 Python lines in all and 2,420 lines of tests.
//! Adapted code from a template runs at about 20 lines an hour including reading the exchange's
//! docs; tests are mostly JSON fixtures copied from the docs, about 75 lines an hour. That gives
//! about 85 hours of code, 33 of tests and the rest in QA fixes and the PR: 134 PERT-mean hours.
//! At 30 hours a week that is 4.5 weeks, and with the weaker answers of a typical mature exchange
//! about 5, inside the published 4-6 weeks of development (hummingbot-site
//! docs/exchanges/index.md, 2026).
//!
//! Perpetual (medians of the 19 perpetual connectors): the main class grows to 912 lines, the
//! order book data source to 410 (funding info), tests to 3,072: the perpetual tasks add about 50
//! hours, 37% over spot, against 32% more Python lines (2,170 against 1,643).

use crate::case::TaskId;
use crate::support::three_point::ThreePoint;

/// One calibrated task.
pub struct BaseTask {
    pub id: TaskId,
    pub hours: ThreePoint,
}

const fn task(id: TaskId, a: f64, m: f64, b: f64) -> BaseTask {
    BaseTask {
        id,
        hours: ThreePoint {
            optimistic: a,
            most_likely: m,
            pessimistic: b,
        },
    }
}

/// Every connector: the spot tasks (a perpetual connector has them too).
pub static SPOT: [BaseTask; 11] = [
    // constants.py (122 lines): endpoints, rate limit pools.
    task(TaskId::ConstantsRateLimits, 3.0, 5.0, 9.0),
    // *_auth.py (91 lines): signing; the most common place to get stuck.
    task(TaskId::Auth, 4.0, 7.0, 14.0),
    // web_utils.py + utils.py (145 lines): URLs, time synchronisation, fee defaults.
    task(TaskId::WebUtilsTimeSync, 2.0, 4.0, 7.0),
    // Trading rules in the main class: min notional, sizes, increments.
    task(TaskId::TradingRules, 3.0, 5.0, 9.0),
    // *_api_order_book_data_source.py + order book (339 lines): snapshots, diffs, trades.
    task(TaskId::OrderBookDataSource, 8.0, 14.0, 24.0),
    // *_api_user_stream_data_source.py (115 lines): private websocket, listen keys.
    task(TaskId::UserStream, 6.0, 10.0, 18.0),
    // The main class's order lifecycle (most of its 628 lines): place, cancel, status, errors.
    task(TaskId::OrderLifecycle, 16.0, 24.0, 40.0),
    // Fills and balances: trade updates, balance updates.
    task(TaskId::FillsBalances, 5.0, 8.0, 14.0),
    // Unit tests (2,420 lines) to the 80% coverage bar on changed lines (diff-cover).
    task(TaskId::UnitTests, 20.0, 32.0, 52.0),
    // Fixes from the QA checklist (16 spot cases) and the PM's reports.
    task(TaskId::QaFixes, 8.0, 14.0, 26.0),
    // Docs, the PR and its review.
    task(TaskId::DocsPr, 2.0, 4.0, 7.0),
];

/// A perpetual connector adds these.
pub static PERPETUAL: [BaseTask; 4] = [
    // Funding info (+142 lines in the order book data source) and funding payments.
    task(TaskId::Funding, 6.0, 10.0, 18.0),
    // Positions in the main class (+284 lines in all with leverage and mode).
    task(TaskId::Positions, 8.0, 14.0, 24.0),
    task(TaskId::LeveragePositionMode, 4.0, 7.0, 12.0),
    // Perpetual tests (+650 lines) and the 13-case perpetual QA checklist.
    task(TaskId::PerpetualTests, 10.0, 16.0, 28.0),
];

/// For "both": the second connector reuses auth, utils and constants, so the spot tasks count
/// this much more than once.
pub const BOTH_SPOT_FACTOR: f64 = 1.35;

pub fn base_hours(id: TaskId) -> Option<ThreePoint> {
    SPOT.iter()
        .chain(PERPETUAL.iter())
        .find(|t| t.id == id)
        .map(|t| t.hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_figures_hold() {
        let spot: f64 = SPOT.iter().map(|t| t.hours.pert_mean()).sum();
        let perp: f64 = PERPETUAL.iter().map(|t| t.hours.pert_mean()).sum();
        assert!((spot - 134.2).abs() < 0.1, "{spot}");
        assert!((perp / spot - 0.37).abs() < 0.01, "{}", perp / spot);
        for t in SPOT.iter().chain(PERPETUAL.iter()) {
            assert!(t.hours.check().is_ok());
        }
    }
}
