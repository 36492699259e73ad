//! How far each criterion's weight can move before the winner changes, and who wins beyond.

use super::*;
use crate::case::Method;
use crate::support::number::bounded;

pub(super) type Interval = (usize, f64, f64, Option<(f64, usize)>, Option<(f64, usize)>);

/// The weight interval of criterion `k` where `winner` stays the winner, and who wins beyond it.
pub(super) fn sensitivity(p: &Problem, k: usize, winner: usize, scores: &[f64]) -> Interval {
    let t0 = p.weights[k];
    if p.weights.len() < 2 || scores.len() < 2 {
        return (k, 0.0, 1.0, None, None);
    }
    match p.method {
        Method::WeightedSum => {
            // Scores are linear in t: s_i(t) = t r_ik + (1 - t) q_i.
            let rest = p.weights_at(k, 0.0);
            let q: Vec<f64> = p
                .normalized
                .iter()
                .map(|r| r.iter().zip(&rest).map(|(x, w)| x * w).sum())
                .collect();
            let (mut lo, mut hi) = (0.0f64, 1.0f64);
            let (mut below, mut above) = (None, None);
            let w = winner;
            for i in (0..scores.len()).filter(|&i| i != w) {
                // d(t) = s_w(t) - s_i(t) = a + b t
                let a = q[w] - q[i];
                let b = (p.normalized[w][k] - q[w]) - (p.normalized[i][k] - q[i]);
                if b.abs() < 1e-15 {
                    continue;
                }
                let root = -a / b;
                if b > 0.0 && root > lo && root <= t0 + TIE {
                    lo = root;
                    below = Some((root, i));
                } else if b < 0.0 && root < hi && root >= t0 - TIE {
                    hi = root;
                    above = Some((root, i));
                }
            }
            (k, bounded(lo, 0.0, t0), bounded(hi, t0, 1.0), below, above)
        }
        Method::Topsis => {
            let (lo, below) = boundary(p, k, winner, t0, 0.0);
            let (hi, above) = boundary(p, k, winner, t0, 1.0);
            (k, lo, hi, below, above)
        }
    }
}

/// Walks from `t0` towards `end` in steps of 1/64, then bisects the first change of winner.
fn boundary(
    p: &Problem,
    k: usize,
    winner: usize,
    t0: f64,
    end: f64,
) -> (f64, Option<(f64, usize)>) {
    const STEPS: usize = 64;
    let span = end - t0;
    if span.abs() < 1e-12 {
        return (t0, None);
    }
    let mut inside = t0;
    for s in 1..=STEPS {
        let t = t0 + span * s as f64 / STEPS as f64;
        let w = p.winner_at(k, t, winner);
        if w != winner {
            let (mut a, mut b, mut who) = (inside, t, w);
            // 30 halvings of a 1/64 step: 1.5e-11, far below the 1e-6 the interval is shown at.
            for _ in 0..30 {
                let mid = (a + b) / 2.0;
                let w = p.winner_at(k, mid, winner);
                if w == winner {
                    a = mid;
                } else {
                    b = mid;
                    who = w;
                }
            }
            return (a, Some((b, who)));
        }
        inside = t;
    }
    (end, None)
}
