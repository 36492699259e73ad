//! Seeded random sampling that gives the same numbers natively and in wasm.
//!
//! ChaCha8 is a portable stream; the Beta draws use only IEEE-exact operations (+ - * / sqrt)
//! and the pure-Rust `libm` for ln, so no platform math library can change a bit.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use crate::three_point::ThreePoint;

/// A seeded generator of uniform, normal, gamma and Beta-PERT draws.
pub struct Sampler {
    rng: ChaCha8Rng,
    spare_normal: Option<f64>,
}

impl Sampler {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed),
            spare_normal: None,
        }
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard normal by the Marsaglia polar method (pairs; the second is kept for next time).
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * libm::log(s) / s).sqrt();
                self.spare_normal = Some(v * factor);
                return u * factor;
            }
        }
    }

    /// Gamma(shape, 1) for shape >= 1, by Marsaglia and Tsang (2000).
    pub fn gamma(&mut self, shape: f64) -> f64 {
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let t = 1.0 + c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.uniform();
            if u < 1.0 - 0.0331 * x * x * x * x
                || libm::log(u) < 0.5 * x * x + d * (1.0 - v + libm::log(v))
            {
                return d * v;
            }
        }
    }

    /// One draw of Beta-PERT(a, m, b) with lambda = 4: a + (b - a) * Beta(alpha, beta).
    /// The PERT shape parameters are always >= 1, which the gamma method needs.
    pub fn beta_pert(&mut self, tp: &ThreePoint) -> f64 {
        match tp.beta_shape() {
            None => tp.most_likely,
            Some((alpha, beta)) => {
                let x = self.gamma(alpha);
                let y = self.gamma(beta);
                tp.optimistic + (tp.pessimistic - tp.optimistic) * (x / (x + y))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::percentile_sorted;

    #[test]
    fn same_seed_same_stream() {
        let tp = ThreePoint::new(5.0, 10.0, 15.0).unwrap();
        let a: Vec<f64> = (0..100)
            .scan(Sampler::new(7), |s, _| Some(s.beta_pert(&tp)))
            .collect();
        let b: Vec<f64> = (0..100)
            .scan(Sampler::new(7), |s, _| Some(s.beta_pert(&tp)))
            .collect();
        let c: Vec<f64> = (0..100)
            .scan(Sampler::new(8), |s, _| Some(s.beta_pert(&tp)))
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    /// Beta-PERT(5, 10, 15) is 5 + 10 * Beta(3, 3). Beta(3, 3) has mean 1/2, variance 1/28 and
    /// 80th percentile 0.67344 (the root of the regularized incomplete beta I_x(3, 3) = 0.8),
    /// so P80 = 11.734.
    #[test]
    fn beta_pert_matches_the_published_distribution() {
        let tp = ThreePoint::new(5.0, 10.0, 15.0).unwrap();
        let mut s = Sampler::new(42);
        let n = 200_000;
        let mut xs: Vec<f64> = (0..n).map(|_| s.beta_pert(&tp)).collect();
        xs.sort_by(f64::total_cmp);
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
        let mut s = Sampler::new(1);
        let n = 200_000;
        let mean = (0..n).map(|_| s.beta_pert(&tp)).sum::<f64>() / n as f64;
        assert!((mean - 5.0).abs() < 0.02, "mean {mean}");
    }
}
