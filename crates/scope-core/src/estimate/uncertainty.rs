//! What a work breakdown cannot see, measured on the record of real builds (`record`): the
//! common factor every task of one project shares, and the wait for the next release.
//!
//! # Why
//!
//! Eleven to fifteen independent Beta-PERT tasks add up to a total whose spread all but vanishes
//! (a coefficient of variation near 6%: the central limit theorem), while the 25 builds of
//! 2020-2024 took 16 to 125 days from the first commit to the merge (P90/P10 about 2.2 within spot
//! connectors). A real connector's tasks share one developer, one API and one review queue, and
//! its calendar waits for the release that merges it. So each simulated project draws one factor
//! that multiplies all of its tasks, and then waits for the next release after QA.
//!
//! The two parts are measured separately. The release wait comes from the release calendar
//! alone. The common factor is fitted on the builds (`backtest::fit`), with the release wait in
//! the model; it multiplies the development and the pull request and QA stages after it (the
//! same people and the same code go through review), not the release wait. The record measures only totals, so it
//! cannot tell a common factor from correlation between groups of tasks: the common factor carries
//! all of the shared variation, and task-level correlation groups would add parameters the data
//! cannot fit.

use serde::Serialize;
use std::sync::OnceLock;

use crate::case::Market;
use crate::estimate::record;
use crate::estimate::sampling::Sampler;
use crate::estimate::stats::Z90;
use crate::support::three_point::ThreePoint;

/// The factor shared by the work of one simulated project: F = exp(mu + sigma z), z standard
/// normal (lognormal: productivity and scope surprises multiply, and F stays positive). mu is
/// fitted per market (spot, perpetual), sigma over all builds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CommonFactor {
    pub mu_spot: f64,
    pub mu_perpetual: f64,
    pub sigma: f64,
}

/// The common factor fitted on the 25 builds of 2020-2024 (`backtest::fit` over the record; the
/// backtest's test holds these digits to the fit, and CALIBRATION.md has the run).
///
/// Each build is re-estimated as a case made of what was known before it started (market, kind,
/// the spot connector it could reuse, the exchange's age, "documented" answers, an experienced
/// developer at 30 hours a week), and its span from the first commit to the merge is modelled as
/// F x (the breakdown's development days + the published pull request and QA stages) + the wait
/// for the next release. For each market, mu is the median of the builds' implied locations (the
/// mu that puts a build exactly at its forecast's P50), so that half of the builds fall under the
/// fitted P50; sigma is then the maximum-likelihood spread (EM over 500 draws of the other parts
/// per build), widened by sqrt(n / (n - 2)). A maximum-likelihood location was tried first: it
/// put the spot P50s near 46 days against a spot median of 54.5 (the record's spans are bimodal,
/// and the release wait is added to a lognormal), and its P50s were further from the actual spans
/// than the naive class forecast's (median |ln| 0.30 against 0.29).
///
/// Both medians are below 1: the record's spans are shorter than the breakdown's hours at 30 hours
/// a week predict. Part of that is how the record is made (squashed and rebased commits move the
/// first commit later, work before the first commit is not seen, and review and QA overlap
/// development), and part may be that maintainers work more than 30 hours a week. Perpetual
/// connectors ran at about half the spot pace: 5 of the 9 reused their exchange's spot connector,
/// and the perpetual spans (median 41 days) are shorter than the spot ones (54.5) although a
/// perpetual connector has more code. So the median applies to the calendar only. The effort and
/// its cost keep the breakdown's own hours, calibrated on connector sizes, and take the factor's
/// spread: effort = exp(sigma z) x the tasks, and the work's days = exp(mu) x that.
pub const FITTED: CommonFactor = CommonFactor {
    mu_spot: -0.301,
    mu_perpetual: -1.063,
    sigma: 0.523,
};

/// The common factor with no spread and a median of 1: the breakdown alone.
pub const NONE: CommonFactor = CommonFactor {
    mu_spot: 0.0,
    mu_perpetual: 0.0,
    sigma: 0.0,
};

impl CommonFactor {
    /// The factor's spread for one project: exp(sigma z). Its median is 1, so effort keeps the
    /// breakdown's hours at the median; `pace` carries the fitted median.
    pub fn draw_spread(&self, sampler: &mut Sampler) -> f64 {
        libm::exp(self.sigma * sampler.standard_normal())
    }

    /// The factor's location for a market; a connector for both markets takes the mean of the
    /// two (it is a spot and a perpetual connector).
    pub fn mu(&self, market: Market) -> f64 {
        match market {
            Market::Spot => self.mu_spot,
            Market::Perpetual => self.mu_perpetual,
            Market::Both => (self.mu_spot + self.mu_perpetual) / 2.0,
        }
    }

    /// The fitted median of the factor: how the calendar of the record's builds of `market`
    /// compares with the breakdown's hours over the availability.
    pub fn pace(&self, market: Market) -> f64 {
        libm::exp(self.mu(market))
    }

    /// P90/P10 of the spread: the relative spread of the effort that no number of tasks narrows.
    pub fn spread_floor(&self) -> f64 {
        libm::exp(2.0 * Z90 * self.sigma)
    }
}

/// The backtest's headline, recorded here so that the estimate can quote it without running it
/// (`connector-scope backtest`; the `recorded_backtest_is_current` test holds it to the run).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Backtested {
    pub builds: usize,
    pub within_p10_p90: usize,
}

pub const BACKTESTED: Backtested = Backtested {
    builds: 25,
    within_p10_p90: 21,
};

impl Backtested {
    /// The sentence the estimate tool and the proposal show under the figures.
    pub fn line(&self) -> String {
        format!(
            "Calendar ranges calibrated on {n} connector builds, 2020-2024: {k} of {n} fell within P10-P90 when re-estimated (from the start of development to the merge).",
            n = self.builds,
            k = self.within_p10_p90,
        )
    }
}

/// The release calendar as a renewal process: a connector that is ready on a random day waits for
/// the next release merge. Drawing a day uniformly over the calendar's span picks each interval
/// with probability proportional to its length, and the wait is what is left of it: the residual
/// time, with a mean of E[I^2] / 2 E[I] (about 17 days over 2020-2024, against a median interval
/// of 29).
#[derive(Clone, Debug, PartialEq)]
pub struct ReleaseCalendar {
    /// Days from each release to the next, in calendar order (same-day merges left out).
    intervals: Vec<f64>,
    /// Running totals of `intervals`, ending with the whole span.
    ends: Vec<f64>,
    /// The wait's P10, median and P90, for the stage plan.
    three_point: ThreePoint,
}

impl ReleaseCalendar {
    /// The calendar of hummingbot/hummingbot's release merges, June 2020 to December 2024.
    pub fn record() -> &'static ReleaseCalendar {
        static CALENDAR: OnceLock<ReleaseCalendar> = OnceLock::new();
        CALENDAR.get_or_init(|| {
            let dates = record::release_dates();
            Self::from_intervals(
                dates
                    .windows(2)
                    .map(|w| w[0].days_until(w[1]) as f64)
                    .filter(|d| *d > 0.0)
                    .collect(),
            )
        })
    }

    pub fn from_intervals(intervals: Vec<f64>) -> Self {
        let mut total = 0.0;
        let ends = intervals
            .iter()
            .map(|d| {
                total += d;
                total
            })
            .collect();
        let mut calendar = Self {
            intervals,
            ends,
            three_point: ThreePoint::ZERO,
        };
        calendar.three_point = ThreePoint {
            optimistic: calendar.wait_quantile(0.1),
            most_likely: calendar.wait_quantile(0.5),
            pessimistic: calendar.wait_quantile(0.9),
        };
        calendar
    }

    fn span(&self) -> f64 {
        self.ends.last().copied().unwrap_or(0.0)
    }

    /// The wait from a day at `position` (0 to the span) to the next release.
    fn wait_at(&self, position: f64) -> f64 {
        let i = self.ends.partition_point(|end| *end <= position);
        self.ends
            .get(i)
            .map_or(0.0, |end| end - position)
            .min(self.intervals.get(i).copied().unwrap_or(0.0))
    }

    /// One wait; it takes exactly one number from the stream.
    pub fn draw_wait(&self, sampler: &mut Sampler) -> f64 {
        self.wait_at(sampler.uniform() * self.span())
    }

    /// The share of waits of at most `days`: each interval of length I holds min(days, I) of them.
    pub fn wait_cdf(&self, days: f64) -> f64 {
        let span = self.span();
        if span <= 0.0 {
            return 1.0;
        }
        self.intervals
            .iter()
            .map(|i| i.min(days.max(0.0)))
            .sum::<f64>()
            / span
    }

    /// The wait at probability `p`, by bisection on the CDF (to a hundredth of a day).
    pub fn wait_quantile(&self, p: f64) -> f64 {
        let (mut lo, mut hi) = (0.0, self.intervals.iter().copied().fold(0.0, f64::max));
        while hi - lo > 0.005 {
            let mid = (lo + hi) / 2.0;
            if self.wait_cdf(mid) < p {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }

    /// The mean wait, E[I^2] / 2 E[I].
    pub fn mean_wait(&self) -> f64 {
        let span = self.span();
        if span <= 0.0 {
            return 0.0;
        }
        self.intervals.iter().map(|i| i * i).sum::<f64>() / (2.0 * span)
    }

    /// The wait as the stage plan's three points: P10, median and P90.
    pub fn wait_three_point(&self) -> ThreePoint {
        self.three_point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two intervals of 10 and 30 days: a random day falls in the second three times as often,
    /// so waits average (100 + 900) / (2 x 40) = 12.5 days, and half of them are under
    /// 20 x 0.5 ... solved from the CDF (min(w, 10) + min(w, 30)) / 40 = 0.5: w = 10.
    #[test]
    fn residual_wait_of_a_small_calendar() {
        let c = ReleaseCalendar::from_intervals(vec![10.0, 30.0]);
        assert_eq!(c.mean_wait(), 12.5);
        assert!((c.wait_quantile(0.5) - 10.0).abs() < 0.01);
        assert_eq!(c.wait_cdf(30.0), 1.0);
        assert_eq!(c.wait_at(0.0), 10.0);
        assert_eq!(c.wait_at(10.0), 30.0);
        assert_eq!(c.wait_at(39.0), 1.0);
        let mut s = Sampler::new(9);
        let n = 100_000;
        let mean = (0..n).map(|_| c.draw_wait(&mut s)).sum::<f64>() / f64::from(n);
        assert!((mean - 12.5).abs() < 0.1, "{mean}");
    }

    /// The record's calendar: intervals of about a month, some two; a ready connector waits
    /// about 17 days on average and never more than the longest interval (62 days).
    #[test]
    fn the_record_calendar() {
        let c = ReleaseCalendar::record();
        assert_eq!(c.intervals.len(), 52);
        assert!((c.mean_wait() - 17.3).abs() < 0.05, "{}", c.mean_wait());
        let tp = c.wait_three_point();
        assert!(tp.check().is_ok());
        assert!(tp.optimistic > 1.0 && tp.pessimistic < 40.0, "{tp:?}");
        let mut s = Sampler::new(1);
        assert!((0..10_000).all(|_| (0.0..=62.0).contains(&c.draw_wait(&mut s))));
    }

    #[test]
    fn spread_floor_is_the_factors_p90_over_p10() {
        let f = CommonFactor { sigma: 0.5, ..NONE };
        let mut s = Sampler::new(2);
        let mut xs: Vec<f64> = (0..100_000).map(|_| f.draw_spread(&mut s)).collect();
        crate::support::order::sort_floats(&mut xs);
        let ratio = crate::estimate::stats::percentile_sorted(&xs, 90.0)
            / crate::estimate::stats::percentile_sorted(&xs, 10.0);
        assert!((ratio / f.spread_floor() - 1.0).abs() < 0.02, "{ratio}");
        assert_eq!(NONE.spread_floor(), 1.0);
    }
}
