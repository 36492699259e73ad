//! Figures as the reports and the app write them: money to the cent with thousands separators,
//! counts, token amounts without trailing zeros.

use rust_decimal::Decimal;

/// `1234567.5` as `1,234,567.50`.
pub fn money(amount: Decimal) -> String {
    let text = format!("{:.2}", amount.round_dp(2));
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{cents}")
}

/// 12345 as "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A quantity (tokens, not money) with thousands separators and no trailing zeros.
pub fn amount(d: Decimal) -> String {
    let text = d.normalize().to_string();
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (whole, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let grouped = whole
        .parse::<u64>()
        .map(thousands)
        .unwrap_or_else(|_| whole.to_string());
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(Decimal::new(123456750, 2)), "1,234,567.50");
        assert_eq!(money(Decimal::new(-100000, 2)), "-1,000.00");
        assert_eq!(money(Decimal::ZERO), "0.00");
        assert_eq!(money(Decimal::new(999, 0)), "999.00");
    }

    #[test]
    fn amounts_and_counts_group_thousands() {
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(amount(Decimal::new(5_000_000, 2)), "50,000");
        assert_eq!(amount(Decimal::new(12_345_678, 4)), "1,234.5678");
    }
}
