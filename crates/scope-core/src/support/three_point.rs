//! Three-point estimates and their PERT statistics.

use crate::support::number::Shortest;
use schemars::JsonSchema;
use serde::Serialize;

/// An optimistic, most likely and pessimistic value (hours or days), `0 <= a <= m <= b`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ThreePoint {
    pub optimistic: f64,
    pub most_likely: f64,
    pub pessimistic: f64,
}

/// Why three numbers are not a three-point estimate.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ThreePointError {
    #[error("must be finite numbers")]
    NotFinite,
    #[error("must not be negative")]
    Negative,
    #[error("must be ordered optimistic <= most_likely <= pessimistic (got {}, {}, {})", Shortest(*.0), Shortest(*.1), Shortest(*.2))]
    Unordered(f64, f64, f64),
}

impl ThreePoint {
    pub const ZERO: ThreePoint = ThreePoint {
        optimistic: 0.0,
        most_likely: 0.0,
        pessimistic: 0.0,
    };

    pub fn new(
        optimistic: f64,
        most_likely: f64,
        pessimistic: f64,
    ) -> Result<Self, ThreePointError> {
        let tp = Self {
            optimistic,
            most_likely,
            pessimistic,
        };
        tp.check().map(|()| tp)
    }

    pub fn check(&self) -> Result<(), ThreePointError> {
        let (a, m, b) = (self.optimistic, self.most_likely, self.pessimistic);
        if !(a.is_finite() && m.is_finite() && b.is_finite()) {
            Err(ThreePointError::NotFinite)
        } else if a < 0.0 {
            Err(ThreePointError::Negative)
        } else if !(a <= m && m <= b) {
            Err(ThreePointError::Unordered(a, m, b))
        } else {
            Ok(())
        }
    }

    /// PERT mean (a + 4m + b) / 6.
    pub fn pert_mean(&self) -> f64 {
        (self.optimistic + 4.0 * self.most_likely + self.pessimistic) / 6.0
    }

    /// Classic PERT standard deviation (b - a) / 6.
    pub fn pert_sd(&self) -> f64 {
        (self.pessimistic - self.optimistic) / 6.0
    }

    /// All three points times `factor` (a non-negative multiplier keeps the order).
    pub fn scaled(&self, factor: f64) -> Self {
        Self {
            optimistic: self.optimistic * factor,
            most_likely: self.most_likely * factor,
            pessimistic: self.pessimistic * factor,
        }
    }

    /// The Beta-PERT shape parameters (alpha, beta) with lambda = 4; None for a point mass.
    pub fn beta_shape(&self) -> Option<(f64, f64)> {
        let (a, m, b) = (self.optimistic, self.most_likely, self.pessimistic);
        let range = b - a;
        (range > 0.0).then(|| (1.0 + 4.0 * (m - a) / range, 1.0 + 4.0 * (b - m) / range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pert_of_5_10_15() {
        let t = ThreePoint::new(5.0, 10.0, 15.0).unwrap();
        assert_eq!(t.pert_mean(), 10.0);
        assert!((t.pert_sd() - 1.6667).abs() < 1e-4);
        assert_eq!(t.beta_shape(), Some((3.0, 3.0)));
    }

    #[test]
    fn refuses_bad_points() {
        assert_eq!(
            ThreePoint::new(-1.0, 1.0, 2.0),
            Err(ThreePointError::Negative)
        );
        assert!(matches!(
            ThreePoint::new(3.0, 2.0, 4.0),
            Err(ThreePointError::Unordered(..))
        ));
        assert_eq!(
            ThreePoint::new(1.0, f64::NAN, 2.0),
            Err(ThreePointError::NotFinite)
        );
    }
}
