//! Money: `Decimal` only, rounded to the cent with banker's rounding and always written with
//! two decimals ("1500.00"), so that parts add up and every amount reads the same way.

use rust_decimal::{Decimal, RoundingStrategy};

/// `amount` to the cent (half to even), with exactly two decimals.
pub fn cents(amount: Decimal) -> Decimal {
    let mut c = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
    c.rescale(2);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_to_even_and_keeps_two_decimals() {
        assert_eq!(cents(Decimal::new(1500, 0)).to_string(), "1500.00");
        assert_eq!(cents(Decimal::new(12345, 3)).to_string(), "12.34");
        assert_eq!(cents(Decimal::new(12355, 3)).to_string(), "12.36");
        assert_eq!(cents(Decimal::new(-12345, 3)).to_string(), "-12.34");
    }
}
