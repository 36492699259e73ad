//! Money: `Decimal` only, rounded to the cent with banker's rounding and always written with
//! two decimals ("1500.00"), so that parts add up and every amount reads the same way.

use rust_decimal::{Decimal, RoundingStrategy};

/// `amount` to the cent (half to even), with exactly two decimals.
pub fn cents(amount: Decimal) -> Decimal {
    let mut c = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
    c.rescale(2);
    c
}

/// An amount as a person types it: digits with at most one decimal point, perhaps a leading
/// minus. Nothing else is taken: `1e3`, `7_5` or `1,000` are not what the user will see on the
/// invoice (Decimal's own parser reads the first two as 1000 and 75).
pub fn parse_amount(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let mut points = 0;
    let plain = !digits.is_empty()
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| {
            points += usize::from(b == b'.');
            b.is_ascii_digit() || b == b'.'
        })
        && points <= 1;
    if plain { t.parse().ok() } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_plain_decimals() {
        for (text, want) in [
            ("75", Some(75)),
            (" 120 ", Some(120)),
            ("-5", Some(-5)),
            ("0.5", Some(0)),
        ] {
            assert_eq!(
                parse_amount(text).map(|d| d.trunc().mantissa() as i64),
                want.map(i64::from),
                "{text}"
            );
        }
        assert_eq!(parse_amount("12.50"), Some(Decimal::new(1250, 2)));
        assert_eq!(parse_amount(".5"), Some(Decimal::new(5, 1)));
        for text in [
            "1e3", "1e30", "7_5", "1,000", "", "-", ".", "1.2.3", "+5", "0x10", "1 000",
        ] {
            assert_eq!(parse_amount(text), None, "{text:?}");
        }
    }

    #[test]
    fn rounds_half_to_even_and_keeps_two_decimals() {
        assert_eq!(cents(Decimal::new(1500, 0)).to_string(), "1500.00");
        assert_eq!(cents(Decimal::new(12345, 3)).to_string(), "12.34");
        assert_eq!(cents(Decimal::new(12355, 3)).to_string(), "12.36");
        assert_eq!(cents(Decimal::new(-12345, 3)).to_string(), "-12.34");
    }
}
