//! The decision problem, normalized, and its scoring: the weighted sum or TOPSIS, ranks with
//! ties, Pareto dominance.

use super::*;
use crate::case::{CriterionKind, Method, Normalization};

/// The decision problem, normalized: rows are candidates, columns criteria.
pub(super) struct Problem {
    pub(super) method: Method,
    pub(super) weights: Vec<f64>,
    pub(super) normalized: Vec<Vec<f64>>,
    /// Each normalized column's best and worst value: with weights >= 0, TOPSIS's ideal and
    /// anti-ideal points are these times the weights (rounding is monotonic, so the products
    /// are bit for bit those of the candidates' own), without a pass over the candidates.
    pub(super) column_max: Vec<f64>,
    pub(super) column_min: Vec<f64>,
}

/// Each column made "higher is better".
pub fn normalize(column: &[f64], kind: CriterionKind, how: Normalization) -> Vec<f64> {
    let max = column.iter().copied().fold(f64::MIN, f64::max);
    let min = column.iter().copied().fold(f64::MAX, f64::min);
    let all_equal = || vec![1.0; column.len()];
    match (how, kind) {
        (Normalization::Max, CriterionKind::Benefit) if max > 0.0 => {
            column.iter().map(|x| x / max).collect()
        }
        (Normalization::Max, CriterionKind::Cost) if min > 0.0 => {
            column.iter().map(|x| min / x).collect()
        }
        (Normalization::Vector, _) => {
            let norm = column.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm == 0.0 {
                return all_equal();
            }
            column
                .iter()
                .map(|x| {
                    if kind == CriterionKind::Benefit {
                        x / norm
                    } else {
                        1.0 - x / norm
                    }
                })
                .collect()
        }
        (Normalization::Minmax, _) if max > min => column
            .iter()
            .map(|x| {
                if kind == CriterionKind::Benefit {
                    (x - min) / (max - min)
                } else {
                    (max - x) / (max - min)
                }
            })
            .collect(),
        (Normalization::Sum, CriterionKind::Benefit) => {
            let sum: f64 = column.iter().sum();
            if sum > 0.0 {
                column.iter().map(|x| x / sum).collect()
            } else {
                all_equal()
            }
        }
        (Normalization::Sum, CriterionKind::Cost) if min > 0.0 => {
            let sum: f64 = column.iter().map(|x| 1.0 / x).sum();
            column.iter().map(|x| (1.0 / x) / sum).collect()
        }
        // Every candidate the same (or a zero cost that validation refuses): nobody gains.
        _ => all_equal(),
    }
}

impl Problem {
    pub(super) fn new(method: Method, weights: Vec<f64>, normalized: Vec<Vec<f64>>) -> Self {
        let n = weights.len();
        let fold = |start: f64, pick: fn(f64, f64) -> f64| {
            (0..n)
                .map(|j| normalized.iter().map(|r| r[j]).fold(start, pick))
                .collect::<Vec<f64>>()
        };
        let (column_max, column_min) = (fold(f64::MIN, f64::max), fold(f64::MAX, f64::min));
        Self {
            method,
            weights,
            normalized,
            column_max,
            column_min,
        }
    }

    pub(super) fn scores(&self, weights: &[f64]) -> Vec<f64> {
        let ideal = self.ideal_points(weights);
        (0..self.normalized.len())
            .map(|i| self.score(i, weights, &ideal))
            .collect()
    }

    pub(super) fn score(
        &self,
        i: usize,
        weights: &[f64],
        (ideal, anti): &(Vec<f64>, Vec<f64>),
    ) -> f64 {
        let row = &self.normalized[i];
        match self.method {
            Method::WeightedSum => row.iter().zip(weights).map(|(r, w)| r * w).sum(),
            Method::Topsis => {
                // Zipped, not indexed: the same sums in the same order, without four bounds
                // checks per term (this loop runs about 85,000 times per TOPSIS evaluation).
                let (mut plus, mut minus) = (0.0, 0.0);
                for (((r, w), hi), lo) in row.iter().zip(weights).zip(ideal).zip(anti) {
                    let v = r * w;
                    plus += (v - hi).powi(2);
                    minus += (v - lo).powi(2);
                }
                let (plus, minus) = (plus.sqrt(), minus.sqrt());
                if plus + minus == 0.0 {
                    1.0
                } else {
                    minus / (plus + minus)
                }
            }
        }
    }

    /// TOPSIS's ideal and anti-ideal points (empty for the weighted sum, which has none).
    pub(super) fn ideal_points(&self, weights: &[f64]) -> (Vec<f64>, Vec<f64>) {
        if self.method == Method::WeightedSum {
            return (Vec::new(), Vec::new());
        }
        let times = |column: &[f64]| column.iter().zip(weights).map(|(c, w)| c * w).collect();
        (times(&self.column_max), times(&self.column_min))
    }

    /// Weights with criterion `k` at `t` and the others rescaled proportionally.
    pub(super) fn weights_at(&self, k: usize, t: f64) -> Vec<f64> {
        let n = self.weights.len();
        let rest = 1.0 - self.weights[k];
        (0..n)
            .map(|j| {
                if j == k {
                    t
                } else if rest > 1e-12 {
                    self.weights[j] / rest * (1.0 - t)
                } else {
                    (1.0 - t) / (n - 1) as f64
                }
            })
            .collect()
    }

    /// Called about 1,700 times per TOPSIS evaluation (the sensitivity search): no allocation
    /// per candidate.
    pub(super) fn winner_at(&self, k: usize, t: f64, current: usize) -> usize {
        let weights = self.weights_at(k, t);
        let ideal = self.ideal_points(&weights);
        let (mut best, mut best_score) = (current, self.score(current, &weights, &ideal));
        for i in 0..self.normalized.len() {
            let s = self.score(i, &weights, &ideal);
            if s > best_score + TIE {
                (best, best_score) = (i, s);
            }
        }
        best
    }
}

/// Ranks by score, ties sharing a rank (1, 2, 2, 4): the rank follows the scores shown.
pub(super) fn rank(scores: &[f64]) -> Vec<(usize, usize)> {
    let order =
        crate::support::order::order_by(scores.len(), &|a, b| scores[b].total_cmp(&scores[a]));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(order.len());
    for (pos, &i) in order.iter().enumerate() {
        let rank = match out.last() {
            Some(&(prev, prev_rank)) if (scores[prev] - scores[i]).abs() <= TIE => prev_rank,
            _ => pos + 1,
        };
        out.push((i, rank));
    }
    out
}

/// Whether `a` is at least as good as `b` on every criterion that counts (a weight above 0) and
/// better on one, as the method sees them: on the normalized values ("higher is better"), so
/// that values the normalization cannot tell apart (1e-320 and 2e-320) are not a difference.
pub(super) fn dominates(a: &[f64], b: &[f64], weights: &[f64]) -> bool {
    let mut better = false;
    for ((x, y), w) in a.iter().zip(b).zip(weights) {
        if *w <= 0.0 {
            continue;
        }
        if x < y {
            return false;
        }
        better |= x > y;
    }
    better
}
