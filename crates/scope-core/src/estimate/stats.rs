//! Percentiles, the normal approximation and chart data.

use crate::support::number::bounded;
use serde::Serialize;

/// z-scores of the standard normal at 50%, 80% and 90%.
pub const Z50: f64 = 0.0;
pub const Z80: f64 = 0.841_621_233_572_914_3;
pub const Z90: f64 = 1.281_551_565_544_600_5;

/// The `p`-th percentile (0-100) of sorted data by linear interpolation between closest ranks
/// (numpy's default, "linear"): h = (n - 1) p / 100.
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * (bounded(p, 0.0, 100.0) / 100.0);
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// Share of sorted data strictly above `limit`.
pub fn share_above(sorted: &[f64], limit: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at_or_below = sorted.partition_point(|x| *x <= limit);
    (sorted.len() - at_or_below) as f64 / sorted.len() as f64
}

/// Share of sorted data at or below `limit`.
pub fn share_at_or_below(sorted: &[f64], limit: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted.partition_point(|x| *x <= limit) as f64 / sorted.len() as f64
}

/// One bar of a histogram: values in [from, to) (the last bar includes its upper edge).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub count: usize,
}

/// `bins` equal-width bars from the minimum to the maximum of sorted data.
pub fn histogram(sorted: &[f64], bins: usize) -> Vec<Bin> {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let bins = bins.max(1);
    let width = if hi > lo {
        (hi - lo) / bins as f64
    } else {
        1.0
    };
    let mut out: Vec<Bin> = (0..bins)
        .map(|i| Bin {
            from: lo + i as f64 * width,
            to: lo + (i + 1) as f64 * width,
            count: 0,
        })
        .collect();
    for x in sorted {
        let i = (((x - lo) / width) as usize).min(bins - 1);
        out[i].count += 1;
    }
    out
}

/// A point of the S-curve: the probability of finishing at or under `value`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    pub probability: f64,
    pub value: f64,
}

/// The S-curve at every `step` percent from 0 to 100.
pub fn s_curve(sorted: &[f64], step: usize) -> Vec<CurvePoint> {
    (0..=100)
        .step_by(step.max(1))
        .map(|p| CurvePoint {
            probability: p as f64 / 100.0,
            value: percentile_sorted(sorted, p as f64),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 80, 100]) = [1, 1.75, 2.5, 3.4, 4]
        let xs = [1.0, 2.0, 3.0, 4.0];
        let got: Vec<f64> = [0.0, 25.0, 50.0, 80.0, 100.0]
            .iter()
            .map(|p| percentile_sorted(&xs, *p))
            .collect();
        let want = [1.0, 1.75, 2.5, 3.4, 4.0];
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "{got:?}");
        }
    }

    #[test]
    fn histogram_counts_everything_and_share_above() {
        let xs: Vec<f64> = (0..100).map(f64::from).collect();
        let h = histogram(&xs, 10);
        assert_eq!(h.iter().map(|b| b.count).sum::<usize>(), 100);
        assert_eq!(h[9].count, 10);
        assert_eq!(share_above(&xs, 89.0), 0.10);
        assert_eq!(share_above(&xs, 99.0), 0.0);
    }
}
