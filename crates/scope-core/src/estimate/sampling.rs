//! Seeded random sampling that gives the same numbers natively and in wasm.
//!
//! xoshiro256++ is integer arithmetic only, so its stream is the same on every platform; the
//! Beta tables use only IEEE-exact operations (+ - * /) and the pure-Rust `libm` for ln and
//! exp, so no platform math library can change a bit.

use crate::support::number::bounded;
use std::sync::OnceLock;

use crate::support::three_point::ThreePoint;

/// A seeded generator of uniform draws: xoshiro256++ (Blackman and Vigna, 2019), its state
/// filled by SplitMix64 from the seed as its authors recommend. It replaced ChaCha8: a
/// simulation needs speed and statistical quality, not unpredictability, and xoshiro is four
/// words of state and a few integer operations, with no dependency in the web bundle.
pub struct Sampler {
    state: [u64; 4],
}

impl Sampler {
    pub fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut split_mix = || {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        Self {
            state: [split_mix(), split_mix(), split_mix(), split_mix()],
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in (0, 1): the middle of one of 2^53 even steps, never 0 or 1 (for quantile
    /// functions that are infinite at the ends).
    pub fn uniform_open(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal draw by inverse transform: one number from the stream.
    pub fn standard_normal(&mut self) -> f64 {
        normal_quantile(self.uniform_open())
    }
}

/// The standard normal quantile function, p in (0, 1): Acklam's rational approximation
/// (relative error below 1.2e-9, far under what a 10,000-draw simulation can see), written with
/// `+ - * /`, IEEE-exact `sqrt` and `libm::log` so that every platform computes the same bits.
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.024_25;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if !(p > 0.0 && p < 1.0) {
        return if p <= 0.0 {
            f64::NEG_INFINITY
        } else if p >= 1.0 {
            f64::INFINITY
        } else {
            f64::NAN
        };
    }
    if p < LOW {
        tail((-2.0 * libm::log(p)).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * libm::log(1.0 - p)).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// Cells of the tabulated Beta CDF, and points of the quantile table built from it.
const CDF_CELLS: usize = 512;
const QUANTILE_POINTS: usize = 1024;

/// The quantile function of Beta(alpha, beta), alpha and beta >= 1, as a table: a draw is then
/// one uniform number and one interpolation (inverse-transform sampling). Two gamma draws per
/// Beta draw made a 10,000-sample estimate cost 10 ms; a table is built once per shape.
///
/// The CDF is integrated by Simpson's rule on 512 cells and inverted on 1,024 even steps of
/// probability; a quantile is off by less than 2e-4 of the range between the 1st and 99th
/// percentiles (1.2e-4 at worst, near the steep left end of Beta(1.2, 4.8); tested against a
/// 65,536-cell table). A table costs about 15 microseconds natively.
#[derive(Clone, Debug, PartialEq)]
pub struct BetaQuantiles {
    points: Vec<f64>,
}

impl BetaQuantiles {
    pub fn new(alpha: f64, beta: f64) -> Self {
        Self::with_resolution(alpha, beta, CDF_CELLS, QUANTILE_POINTS)
    }

    fn with_resolution(alpha: f64, beta: f64, cells: usize, points: usize) -> Self {
        if cells == CDF_CELLS {
            static LN_GRID: OnceLock<Vec<f64>> = OnceLock::new();
            Self::on_grid(
                alpha,
                beta,
                LN_GRID.get_or_init(|| ln_grid(CDF_CELLS)),
                points,
            )
        } else {
            Self::on_grid(alpha, beta, &ln_grid(cells), points)
        }
    }

    /// `ln` is `ln_grid(cells)`: the density needs ln(x) and ln(1 - x) at every half cell, and
    /// on a grid symmetric about 1/2 the second is the first read backwards; so a table costs
    /// one `exp` a point, and the logarithms are shared by every shape.
    fn on_grid(alpha: f64, beta: f64, ln: &[f64], points: usize) -> Self {
        let last = ln.len() - 1;
        let cells = last / 2;
        // The unnormalized density; 0 * ln(0) is taken as 0 so that alpha or beta = 1 works.
        let density = |i: usize| {
            let left = if alpha == 1.0 {
                0.0
            } else {
                (alpha - 1.0) * ln[i]
            };
            let right = if beta == 1.0 {
                0.0
            } else {
                (beta - 1.0) * ln[last - i]
            };
            libm::exp(left + right)
        };
        let h = 1.0 / cells as f64;
        let mut cdf = Vec::with_capacity(cells + 1);
        cdf.push(0.0);
        let mut total = 0.0;
        let mut left = density(0);
        for i in 0..cells {
            let right = density(2 * i + 2);
            total += h / 6.0 * (left + 4.0 * density(2 * i + 1) + right);
            cdf.push(total);
            left = right;
        }
        let mut table = Vec::with_capacity(points + 1);
        let mut cell = 0;
        for k in 0..=points {
            let p = total * k as f64 / points as f64;
            while cell + 1 < cells && cdf[cell + 1] < p {
                cell += 1;
            }
            let (lo, hi) = (cdf[cell], cdf[cell + 1]);
            let within = if hi > lo {
                bounded((p - lo) / (hi - lo), 0.0, 1.0)
            } else {
                0.0
            };
            table.push((cell as f64 + within) * h);
        }
        Self { points: table }
    }

    /// The quantile at probability `u` in [0, 1).
    pub fn at(&self, u: f64) -> f64 {
        let last = self.points.len() - 1;
        let t = bounded(u, 0.0, 1.0) * last as f64;
        let k = (t as usize).min(last - 1);
        let (lo, hi) = (self.points[k], self.points[k + 1]);
        lo + (t - k as f64) * (hi - lo)
    }
}

/// ln(i / (2 cells)) for i in 0..=2 cells: the logarithms of the half-cell points.
fn ln_grid(cells: usize) -> Vec<f64> {
    let n = 2 * cells;
    (0..=n).map(|i| libm::log(i as f64 / n as f64)).collect()
}

/// Beta-PERT(a, m, b) with lambda = 4: a + (b - a) * Beta(alpha, beta), ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct BetaPert {
    low: f64,
    range: f64,
    /// None when a = m = b: every draw is that value.
    shape: Option<BetaQuantiles>,
}

impl BetaPert {
    pub fn new(tp: &ThreePoint) -> Self {
        match tp.beta_shape() {
            Some((alpha, beta)) => Self {
                low: tp.optimistic,
                range: tp.pessimistic - tp.optimistic,
                shape: Some(BetaQuantiles::new(alpha, beta)),
            },
            None => Self {
                low: tp.most_likely,
                range: 0.0,
                shape: None,
            },
        }
    }

    /// One draw; it takes exactly one number from the stream, degenerate or not.
    pub fn draw(&self, sampler: &mut Sampler) -> f64 {
        let u = sampler.uniform();
        match &self.shape {
            Some(q) => self.low + self.range * q.at(u),
            None => self.low,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::stats::percentile_sorted;

    /// The reference implementation's first outputs from the state [1, 2, 3, 4], and
    /// SplitMix64's first output from seed 0 (0xe220a8397b1dcdaf).
    #[test]
    fn xoshiro_and_splitmix_match_their_reference_outputs() {
        let mut s = Sampler {
            state: [1, 2, 3, 4],
        };
        assert_eq!(
            [s.next_u64(), s.next_u64(), s.next_u64()],
            [41_943_041, 58_720_359, 3_588_806_011_781_223]
        );
        let seeded = Sampler::new(0);
        assert_eq!(seeded.state[0], 0xe220_a839_7b1d_cdaf);
    }

    /// Published quantiles of the standard normal (to 16 digits), its symmetry, and draws whose
    /// mean and spread are the standard normal's.
    #[test]
    fn normal_quantiles_match_the_tables() {
        for (p, z) in [
            (0.5, 0.0),
            (0.8, crate::estimate::stats::Z80),
            (0.9, crate::estimate::stats::Z90),
            (0.975, 1.959_963_984_540_054),
            (0.001, -3.090_232_306_167_813),
            (1e-9, -5.997_807_015_007_686),
        ] {
            let got = normal_quantile(p);
            assert!((got - z).abs() < 1e-8 * z.abs().max(1.0), "{p}: {got}");
            assert!((normal_quantile(1.0 - p) + got).abs() < 1e-8, "{p}");
        }
        assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
        assert!(normal_quantile(f64::NAN).is_nan());
        let mut s = Sampler::new(3);
        let n = 100_000;
        let xs: Vec<f64> = (0..n).map(|_| s.standard_normal()).collect();
        let mean = xs.iter().sum::<f64>() / f64::from(n);
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / f64::from(n - 1);
        assert!(
            mean.abs() < 0.01 && (var - 1.0).abs() < 0.015,
            "{mean} {var}"
        );
        assert!(xs.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn same_seed_same_stream() {
        let tp = ThreePoint::new(5.0, 10.0, 15.0).unwrap();
        let d = BetaPert::new(&tp);
        let draws = |seed| -> Vec<f64> {
            let mut s = Sampler::new(seed);
            (0..100).map(|_| d.draw(&mut s)).collect()
        };
        let (a, b, c) = (draws(7), draws(7), draws(8));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    /// Beta-PERT(5, 10, 15) is 5 + 10 * Beta(3, 3). Beta(3, 3) has mean 1/2, variance 1/28 and
    /// 80th percentile 0.67344 (the root of the regularized incomplete beta I_x(3, 3) = 0.8),
    /// so P80 = 11.734.
    #[test]
    fn beta_pert_matches_the_published_distribution() {
        let tp = ThreePoint::new(5.0, 10.0, 15.0).unwrap();
        let (d, mut s) = (BetaPert::new(&tp), Sampler::new(42));
        let n = 200_000;
        let mut xs: Vec<f64> = (0..n).map(|_| d.draw(&mut s)).collect();
        crate::support::order::sort_floats(&mut xs);
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
        assert!((mean - 10.0).abs() < 0.02, "mean {mean}");
        assert!(
            (var.sqrt() - 10.0 / 28f64.sqrt()).abs() < 0.02,
            "sd {}",
            var.sqrt()
        );
        let p80 = percentile_sorted(&xs, 80.0);
        assert!((p80 - 11.734).abs() < 0.03, "p80 {p80}");
        assert!(xs[0] >= 5.0 && xs[n - 1] <= 15.0);
    }

    /// A skewed task: Beta-PERT(2, 4, 12) has mean (2 + 16 + 12) / 6 = 5 and
    /// alpha = 1.8, beta = 4.2.
    #[test]
    fn skewed_pert_has_the_pert_mean() {
        let tp = ThreePoint::new(2.0, 4.0, 12.0).unwrap();
        assert_eq!(tp.beta_shape(), Some((1.8, 4.2)));
        let (d, mut s) = (BetaPert::new(&tp), Sampler::new(1));
        let n = 200_000;
        let mean = (0..n).map(|_| d.draw(&mut s)).sum::<f64>() / n as f64;
        assert!((mean - 5.0).abs() < 0.02, "mean {mean}");
    }

    /// The table against known quantiles: Beta(1, 1) is uniform, Beta(3, 3)'s median is 1/2 and
    /// its 80th percentile 0.67344 (above).
    #[test]
    fn quantiles_of_known_shapes() {
        let uniform = BetaQuantiles::new(1.0, 1.0);
        for u in [0.0, 0.1, 0.25, 0.5, 0.9, 0.999] {
            assert!((uniform.at(u) - u).abs() < 1e-9, "{u}");
        }
        let b33 = BetaQuantiles::new(3.0, 3.0);
        assert!((b33.at(0.5) - 0.5).abs() < 1e-9);
        assert!((b33.at(0.8) - 0.67344).abs() < 1e-4, "{}", b33.at(0.8));
    }

    /// Every PERT shape (alpha + beta = 6) against a table 128 times finer, from the 1st to the
    /// 99th percentile; and quantiles never decrease and stay in [0, 1].
    #[test]
    fn table_resolution_is_enough() {
        for step in 0..=20 {
            let alpha = 1.0 + 4.0 * f64::from(step) / 20.0;
            let beta = 6.0 - alpha;
            let table = BetaQuantiles::new(alpha, beta);
            let fine = BetaQuantiles::with_resolution(alpha, beta, 65_536, 65_536);
            for k in 1..=99 {
                let u = f64::from(k) / 100.0;
                let err = (table.at(u) - fine.at(u)).abs();
                assert!(err < 2e-4, "Beta({alpha}, {beta}) at {u}: off by {err}");
            }
            assert!(table.points.windows(2).all(|w| w[0] <= w[1]));
            assert!(table.points[0] >= 0.0 && table.points[QUANTILE_POINTS] <= 1.0);
        }
    }
}
