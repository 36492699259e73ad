//! Calendar dates of the case file: the case's own `as_of` day and an exchange's launch month.
//!
//! Ages are computed against `as_of`, never against the clock, so a case gives the same numbers
//! next year.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A day, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// A month, written `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        (i32::from(later.year) * 12 + i32::from(later.month))
            - (i32::from(self.year) * 12 + i32::from(self.month))
    }
}

impl Date {
    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }

    /// Days since 1970-01-01 (the proleptic Gregorian calendar), for spans between dates.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Whole days from `self` to `later`.
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }
}

fn parse_year(s: &str) -> Option<u16> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1970..=9999).contains(y))
}

fn parse_two(s: &str) -> Option<u8> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for YearMonth {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a month written YYYY-MM (1970 or later)");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        let year = parse_year(y).ok_or_else(bad)?;
        let month = parse_two(m)
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        Ok(Self { year, month })
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a date written YYYY-MM-DD (1970 or later)");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let year = parse_year(y).ok_or_else(bad)?;
        let month = parse_two(m)
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        let day = parse_two(d)
            .filter(|d| (1..=days_in_month(year, month)).contains(d))
            .ok_or_else(bad)?;
        Ok(Self { year, month, day })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

macro_rules! text_serde {
    ($ty:ty, $pattern:literal, $desc:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "pattern": $pattern, "description": $desc })
            }
        }
    };
}

text_serde!(Date, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "A day, YYYY-MM-DD.");
text_serde!(YearMonth, "^[0-9]{4}-[0-9]{2}$", "A month, YYYY-MM.");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_and_refuses_impossible_ones() {
        assert_eq!(
            "2024-02-29".parse::<Date>(),
            Ok(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-04-31",
            "",
            "2026-01-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2019-06".parse::<YearMonth>().is_ok());
        assert!("2019-00".parse::<YearMonth>().is_err());
    }

    #[test]
    fn day_numbers_count_calendar_days() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2000-03-01").day_number(), 11_017);
        // The record's spans (data/connector_builds_2020_2024.csv): dydx_v4_perpetual, 125 days
        // across a leap day; kucoin_perpetual, 16.
        assert_eq!(d("2024-04-25").days_until(d("2024-08-28")), 125);
        assert_eq!(d("2023-03-15").days_until(d("2023-03-31")), 16);
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
        assert_eq!(d("2023-02-28").days_until(d("2023-03-01")), 1);
    }

    #[test]
    fn months_between() {
        let a: YearMonth = "2019-06".parse().unwrap();
        let b: YearMonth = "2026-11".parse().unwrap();
        assert_eq!(a.months_until(b), 7 * 12 + 5);
        assert_eq!(b.months_until(a), -(7 * 12 + 5));
    }
}
