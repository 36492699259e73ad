//! Fitting the common factor on past builds: a median-calibrated location and a
//! maximum-likelihood spread.
//!
//! A build's span is D = F S + W: F the common factor (lognormal, ln F ~ N(mu, sigma^2)), S the
//! part of the span that takes it at F = 1 (the breakdown's development days, then the pull
//! request and QA), W the wait for the next release. S and W are drawn `DRAWS` times per build
//! from the estimate's own simulation with F = 1. Given a draw k, ln F = t_k = ln((D - W_k) / S_k),
//! and the density of D is a mixture over the draws:
//!
//!   p(D) = 1/K sum_k N(t_k; mu, sigma^2) / (D - W_k),   over the draws with W_k < D.
//!
//! `fit` says how mu and sigma are found from that; the weights 1 / (D - W_k) do not depend on
//! them, so the spread's EM steps are closed-form.

use crate::case::Case;
use crate::estimate::uncertainty::{self, CommonFactor};
use crate::estimate::{self, Simulation};

/// Draws of S and W per build.
pub const DRAWS: u32 = 500;
const SEED: u64 = 2020_2024;
const MAX_STEPS: usize = 1_000;
const MAX_ROUNDS: usize = 100;
const TOLERANCE: f64 = 1e-10;

/// One build ready to fit: the log factor each draw implies, with its log weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    points: Vec<(f64, f64)>,
    /// Whose location it informs: spot, or perpetual (a connector for both counts there).
    perpetual: bool,
}

impl Prepared {
    /// `case` is the build as it was known before it started, `days` the span it took.
    pub fn new(case: &Case, days: f64) -> Self {
        let mut inputs = estimate::simulation_inputs(case);
        inputs.factor = uncertainty::NONE;
        inputs.samples = DRAWS;
        inputs.seed = SEED;
        let sim: Simulation = estimate::simulate(&inputs);
        // With F = 1, the part of the span that takes the factor is all of it but the release wait.
        let development = estimate::development_days(case, &sim);
        let span = estimate::build_days(case, &sim, &development);
        let points = span
            .iter()
            .zip(&sim.release_wait)
            .filter(|(s, w)| **s > **w && **w < days)
            .map(|(s, w)| {
                let rest = days - w;
                (libm::log(rest / (s - w)), -libm::log(rest))
            })
            .collect();
        Self {
            points,
            perpetual: case.connector.market.has_perpetual(),
        }
    }

    /// The forecast's probability of at most this build's span, for location `mu` and spread
    /// `sigma`: the mean over the draws of P(ln F <= t_k).
    fn pit(&self, mu: f64, sigma: f64) -> f64 {
        let cdf = |z: f64| 0.5 * libm::erfc(-z / std::f64::consts::SQRT_2);
        self.points
            .iter()
            .map(|(t, _)| cdf((t - mu) / sigma))
            .sum::<f64>()
            / f64::from(DRAWS)
    }

    /// The location at which this build's PIT is 1/2 (the PIT falls as mu rises), by bisection.
    fn implied_location(&self, sigma: f64) -> f64 {
        let (mut lo, mut hi) = (-10.0, 10.0);
        for _ in 0..80 {
            let mid = (lo + hi) / 2.0;
            if self.pit(mid, sigma) > 0.5 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo + hi) / 2.0
    }
}

/// The common factor over `builds`: a location per market, one spread.
///
/// The location of a market is the median of its builds' implied locations, where a build's
/// implied location is the mu that would put its span exactly at the forecast's P50 (its PIT at
/// 1/2): so half of each market's builds fall at or under the fitted P50, whatever the shape of
/// the rest. The spread is the maximum-likelihood sigma given those locations (EM), widened by
/// sqrt(n / (n - 2)) for the small sample and the two locations. The two steps alternate until
/// they agree. A build that no draw can explain (its span shorter than every wait) is left out; a
/// market with no build takes the other's location.
pub fn fit(builds: &[&Prepared]) -> CommonFactor {
    let builds: Vec<&Prepared> = builds
        .iter()
        .copied()
        .filter(|b| !b.points.is_empty())
        .collect();
    let n = builds.len() as f64;
    if builds.len() < 3 {
        return uncertainty::NONE;
    }
    let mut sigma: f64 = 0.5;
    let mut mu = [0.0; 2];
    for _ in 0..MAX_ROUNDS {
        let mut implied: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for b in &builds {
            implied[usize::from(b.perpetual)].push(b.implied_location(sigma));
        }
        let mut next_mu = [median(&mut implied[0]), median(&mut implied[1])];
        if implied[0].is_empty() {
            next_mu[0] = next_mu[1];
        } else if implied[1].is_empty() {
            next_mu[1] = next_mu[0];
        }
        let location = |b: &Prepared| next_mu[usize::from(b.perpetual)];
        // The spread: EM on the variance alone, the locations held.
        let mut var = sigma * sigma;
        let mut weights: Vec<f64> = Vec::new();
        for _ in 0..MAX_STEPS {
            let mut squares = 0.0;
            for b in &builds {
                let m = location(b);
                weights.clear();
                weights.extend(
                    b.points
                        .iter()
                        .map(|(t, lw)| -0.5 * (t - m) * (t - m) / var + lw),
                );
                let top = weights.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let mut total = 0.0;
                for w in &mut weights {
                    *w = libm::exp(*w - top);
                    total += *w;
                }
                squares += b
                    .points
                    .iter()
                    .zip(&weights)
                    .map(|((t, _), w)| w / total * (t - m) * (t - m))
                    .sum::<f64>();
            }
            let next = (squares / n).max(1e-8);
            let done = (next - var).abs() < TOLERANCE;
            var = next;
            if done {
                break;
            }
        }
        let next_sigma = (var * n / (n - 2.0)).sqrt();
        let done =
            (next_sigma - sigma).abs() < 1e-9 && (0..2).all(|g| (next_mu[g] - mu[g]).abs() < 1e-9);
        sigma = next_sigma;
        mu = next_mu;
        if done {
            break;
        }
    }
    CommonFactor {
        mu_spot: mu[0],
        mu_perpetual: mu[1],
        sigma,
    }
}

fn median(xs: &mut [f64]) -> f64 {
    crate::support::order::sort_floats(xs);
    crate::estimate::stats::percentile_sorted(xs, 50.0)
}

/// The log-likelihood of `builds` under ln F ~ N(mu, sigma^2), per build: how well a model
/// explains the record (to compare models fitted on the same builds).
pub fn log_likelihood(builds: &[&Prepared], factor: &CommonFactor) -> f64 {
    let var = factor.sigma * factor.sigma;
    let norm = -0.5 * libm::log(2.0 * std::f64::consts::PI * var);
    let total: f64 = builds
        .iter()
        .map(|b| {
            let mu = if b.perpetual {
                factor.mu_perpetual
            } else {
                factor.mu_spot
            };
            let density: f64 = b
                .points
                .iter()
                .map(|(t, lw)| libm::exp(norm - 0.5 * (t - mu) * (t - mu) / var + lw))
                .sum();
            libm::log(density / f64::from(DRAWS))
        })
        .sum();
    total / builds.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans made by the model itself with a known factor come back as that factor.
    #[test]
    fn recovers_a_known_factor() {
        let truth = CommonFactor {
            mu_spot: -0.3,
            mu_perpetual: -0.3,
            sigma: 0.35,
        };
        let case = crate::estimate::record::all()[1].case();
        let mut inputs = estimate::simulation_inputs(&case);
        inputs.factor = truth;
        inputs.samples = 300;
        inputs.seed = 5;
        let sim = estimate::simulate(&inputs);
        let development = estimate::development_days(&case, &sim);
        let spans = estimate::build_days(&case, &sim, &development);
        let prepared: Vec<Prepared> = spans.iter().map(|d| Prepared::new(&case, *d)).collect();
        let got = fit(&prepared.iter().collect::<Vec<_>>());
        assert!((got.mu_spot - truth.mu_spot).abs() < 0.05, "{got:?}");
        assert!((got.sigma - truth.sigma).abs() < 0.05, "{got:?}");
    }
}
