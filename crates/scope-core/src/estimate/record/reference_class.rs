//! The outside view (reference-class forecasting): the past builds of a case's class, and where
//! the case's own estimate falls among them.
//!
//! A class is the market (spot or perpetual), the kind (CEX or DEX) and whether a spot connector
//! is reused (the record's precedents: a perpetual connector built on its exchange's spot one). With 25 builds most such classes are small, so a class of fewer than
//! `MIN_CLASS` builds falls back to a broader one, in the order of `CLASSES`.

use serde::Serialize;

use super::PastBuild;
use crate::case::{Case, ExchangeKind, Market};
use crate::estimate::stats;

/// Whether the case reuses what the record's precedents are: a spot connector, for a perpetual
/// one (in the record, always the same exchange's).
pub fn reuses_spot(case: &Case) -> bool {
    case.connector.market.has_perpetual()
        && case
            .connector
            .precedent
            .as_deref()
            .and_then(crate::estimate::connectors::find)
            .is_some_and(|c| !c.is_perpetual())
}

/// The class that keeps all three traits.
fn narrowest(market: Market, kind: ExchangeKind, reuses: bool) -> ClassKey {
    ClassKey {
        market: (market != Market::Both).then_some(market),
        kind: Some(kind),
        precedent: Some(reuses),
    }
}

/// The fewest builds a class may have before the next broader class is taken.
pub const MIN_CLASS: usize = 5;

/// What a class keeps of a build: `None` matches every value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassKey {
    pub market: Option<Market>,
    pub kind: Option<ExchangeKind>,
    pub precedent: Option<bool>,
}

/// The classes from the narrowest to the broadest, as which of the case's three traits each one
/// keeps (market, kind, precedent).
const CLASSES: [(bool, bool, bool); 5] = [
    (true, true, true),
    (true, false, true),
    (true, true, false),
    (true, false, false),
    (false, false, false),
];

impl ClassKey {
    fn matches(&self, b: &PastBuild) -> bool {
        self.market.is_none_or(|m| m == b.market)
            && self.kind.is_none_or(|k| k == b.kind)
            && self
                .precedent
                .is_none_or(|p| p == b.spot_precedent.is_some())
    }

    /// The class in words: "perpetual CEX connectors with a spot precedent".
    pub fn label(&self) -> String {
        // Every build that reused a spot connector is a perpetual one.
        let market = match (self.market, self.precedent) {
            (Some(Market::Spot), _) => "spot ",
            (Some(Market::Perpetual), _) | (_, Some(true)) => "perpetual ",
            _ => "",
        };
        let kind = match self.kind {
            Some(ExchangeKind::Cex) => "CEX ",
            Some(ExchangeKind::Dex) => "DEX ",
            None => "",
        };
        let precedent = match self.precedent {
            Some(true) => " reusing a spot connector",
            Some(false) => " built without a precedent",
            None => "",
        };
        let all = if market.is_empty() && kind.is_empty() && precedent.is_empty() {
            "all "
        } else {
            ""
        };
        format!("{all}{market}{kind}connectors{precedent}")
    }
}

/// The narrowest class of `market`, `kind` and `precedent` with at least `MIN_CLASS` of
/// `builds`, and its builds. A connector for both markets is compared with every build.
pub fn select(
    builds: &[PastBuild],
    market: Market,
    kind: ExchangeKind,
    precedent: bool,
) -> (ClassKey, Vec<&PastBuild>) {
    let market = (market != Market::Both).then_some(market);
    let mut broadest = None;
    for (keep_market, keep_kind, keep_precedent) in CLASSES {
        let key = ClassKey {
            market: market.filter(|_| keep_market),
            kind: Some(kind).filter(|_| keep_kind),
            precedent: Some(precedent).filter(|_| keep_precedent),
        };
        let members: Vec<&PastBuild> = builds.iter().filter(|b| key.matches(b)).collect();
        if members.len() >= MIN_CLASS {
            return (key, members);
        }
        broadest = Some((key, members));
    }
    broadest.unwrap_or((
        ClassKey {
            market: None,
            kind: None,
            precedent: None,
        },
        Vec::new(),
    ))
}

/// One past connector of the class.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PastConnector {
    pub name: String,
    /// Days from the first commit to the merge.
    pub days: u32,
}

/// The outside view of one estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReferenceClass {
    /// The class in words, e.g. "spot CEX connectors built without a precedent".
    pub class: String,
    /// Its past builds, shortest first.
    pub connectors: Vec<PastConnector>,
    /// The share (percent, 0-100) of them shorter than the estimate's P50 of the build span
    /// (in whole days), ties counted half; none on a path without development, whose span is
    /// not comparable.
    pub percentile_of_p50: Option<f64>,
    /// The class's own P10, P50 and P90 of the days (linear interpolation, as numpy).
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// The comparison in one sentence.
    pub sentence: String,
}

impl ReferenceClass {
    /// The outside view of `case` against the whole record, for its build-span P50.
    pub fn of(case: &Case, build_p50: f64) -> Self {
        Self::among(super::all(), case, build_p50)
    }

    /// The same against some of the builds (the backtest leaves one out).
    pub fn among(builds: &[PastBuild], case: &Case, build_p50: f64) -> Self {
        let (market, kind) = (case.connector.market, case.exchange.kind);
        // Once: it looks the precedent up in the connector list.
        let reuses = reuses_spot(case);
        let (key, members) = select(builds, market, kind, reuses);
        // Not hot (at most 25 builds): the shared sort, not a copy of its own in the bundle.
        let connectors = crate::support::order::sorted_by(
            members
                .iter()
                .map(|b| PastConnector {
                    name: b.connector.clone(),
                    days: b.days,
                })
                .collect(),
            |a, b| a.days.cmp(&b.days).then(a.name.cmp(&b.name)),
        );
        let days: Vec<f64> = connectors.iter().map(|c| f64::from(c.days)).collect();
        let class = key.label();
        // Compared in whole days, as every figure shows it.
        let p50 = whole_days(build_p50);
        let comparable = case.path.needs_estimate();
        let sentence = if comparable {
            let n = days.len();
            let shorter = days.iter().filter(|d| **d < p50).count();
            let longer = days.iter().filter(|d| **d > p50).count();
            let place = match (shorter, longer) {
                (0, l) if l == n => format!("shorter than all {n}"),
                (s, 0) if s == n => format!("longer than all {n}"),
                (0, _) => format!("as short as the shortest of the {n}"),
                (s, _) => format!("longer than {s} of the {n}"),
            };
            let mut sentence = format!(
                "This estimate's P50 from the start of development to the merge, {} days, is {place} past {class} (2020-2024).",
                crate::support::number::Fixed(p50, 0),
            );
            if case.connector.precedent.is_some() && !reuses {
                sentence.push_str(" No past build reused a connector as this case does: its precedent shows in its hours, not in the class.");
            }
            if key != narrowest(market, kind, reuses) {
                sentence.push_str(" Fewer than 5 past builds share the case's market, kind and reuse, so the class is broader.");
            }
            if market == Market::Both {
                sentence.push_str(" Each past build is one connector; this case builds two.");
            }
            if case.connector.build == crate::case::Build::Modification {
                sentence.push_str(" The record holds new connectors only: a modification is expected to take less than they did.");
            }
            sentence
        } else {
            format!(
                "The past {class} (2020-2024) are shown for reference only: their spans include development, and on this path the connector arrives already developed."
            )
        };
        Self {
            class,
            percentile_of_p50: comparable.then(|| (share_shorter(&days, p50) * 100.0).round()),
            connectors,
            p10: r1(stats::percentile_sorted(&days, 10.0)),
            p50: r1(stats::percentile_sorted(&days, 50.0)),
            p90: r1(stats::percentile_sorted(&days, 90.0)),
            sentence,
        }
    }

    /// The class's builds as points on a line `width` units long, with the estimate's P10-P90
    /// band and P50 on the same scale (from 0 to the longest of them and 10% more, 6 units of
    /// margin each side).
    pub fn strip(&self, band: (f64, f64, f64), width: f64) -> DaysStrip {
        const MARGIN: f64 = 6.0;
        let (p10, p50, p90) = band;
        let hi = self
            .connectors
            .iter()
            .map(|c| f64::from(c.days))
            .fold(p90, f64::max)
            .max(1.0)
            * 1.1;
        let x = |days: f64| MARGIN + days.max(0.0) / hi * (width - 2.0 * MARGIN);
        // Inside the band as the legend shows it, in whole days.
        let (low, high) = (whole_days(p10), whole_days(p90));
        DaysStrip {
            axis: (MARGIN, width - MARGIN),
            axis_days: hi,
            points: self
                .connectors
                .iter()
                .map(|c| {
                    let days = f64::from(c.days);
                    StripBuild {
                        name: c.name.clone(),
                        days: c.days,
                        x: x(days),
                        inside: (low..=high).contains(&days),
                    }
                })
                .collect(),
            band: (x(p10), (x(p90) - x(p10)).max(1.0)),
            p50_x: x(p50),
        }
    }
}

/// The outside view drawn on one axis of days.
#[derive(Clone, Debug, PartialEq)]
pub struct DaysStrip {
    pub axis: (f64, f64),
    /// The days at the axis's right end.
    pub axis_days: f64,
    pub points: Vec<StripBuild>,
    /// Where the estimate's P10-P90 band starts, and its width (at least one unit, so that it
    /// shows).
    pub band: (f64, f64),
    pub p50_x: f64,
}

/// One past build on the strip.
#[derive(Clone, Debug, PartialEq)]
pub struct StripBuild {
    pub name: String,
    pub days: u32,
    pub x: f64,
    /// Whether its days fall within the estimate's P10-P90.
    pub inside: bool,
}

/// The share of `days` shorter than `limit`, ties counted half: the empirical CDF at `limit`, and
/// the naive forecast's PIT in the backtest.
pub fn share_shorter(days: &[f64], limit: f64) -> f64 {
    if days.is_empty() {
        return 0.0;
    }
    let shorter = days.iter().filter(|d| **d < limit).count() as f64;
    let ties = days.iter().filter(|d| **d == limit).count() as f64;
    (shorter + ties / 2.0) / days.len() as f64
}

/// Days as the figures show them: to the whole day, ties to even (`number::Fixed`'s rounding).
pub fn whole_days(days: f64) -> f64 {
    // Read back with the case reader's number parser: std's float parser would be a copy of its
    // own in the bundle.
    crate::support::number::parse_number(&crate::support::number::Fixed(days, 0).to_string())
        .unwrap_or(days)
}

fn r1(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10.0).round() / 10.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::record::all;

    fn class_of(market: Market, kind: ExchangeKind, precedent: bool) -> (String, Vec<String>) {
        let (key, members) = select(all(), market, kind, precedent);
        (
            key.label(),
            members.iter().map(|b| b.connector.clone()).collect(),
        )
    }

    /// The classes the record supports, and their fallbacks.
    #[test]
    fn classes_fall_back_to_broader_ones() {
        // 12 spot CEX builds, none with a precedent.
        let (label, members) = class_of(Market::Spot, ExchangeKind::Cex, false);
        assert_eq!(label, "spot CEX connectors built without a precedent");
        assert_eq!(members.len(), 12);
        // 4 spot DEX builds: too few, so spot without a precedent (16).
        let (label, members) = class_of(Market::Spot, ExchangeKind::Dex, false);
        assert_eq!(label, "spot connectors built without a precedent");
        assert_eq!(members.len(), 16);
        // Perpetual with a spot precedent: 4 CEX, 1 DEX, so the 5 of either kind.
        let (label, members) = class_of(Market::Perpetual, ExchangeKind::Cex, true);
        assert_eq!(label, "perpetual connectors reusing a spot connector");
        assert_eq!(
            members,
            [
                "binance_perpetual",
                "gate_io_perpetual",
                "kucoin_perpetual",
                "injective_v2_perpetual",
                "okx_perpetual"
            ]
        );
        // Perpetual without one: 4, then perpetual CEX: 6.
        let (label, members) = class_of(Market::Perpetual, ExchangeKind::Cex, false);
        assert_eq!(
            (label.as_str(), members.len()),
            ("perpetual CEX connectors", 6)
        );
        // No spot build reused a precedent: spot CEX (12).
        let (label, members) = class_of(Market::Spot, ExchangeKind::Cex, true);
        assert_eq!((label.as_str(), members.len()), ("spot CEX connectors", 12));
        // Both markets: compared with builds of either market; the 6 DEX builds.
        let (label, members) = class_of(Market::Both, ExchangeKind::Dex, false);
        assert_eq!(
            (label.as_str(), members.len()),
            ("DEX connectors built without a precedent", 6)
        );
    }

    #[test]
    fn percentile_counts_the_shorter_builds() {
        let mut case = crate::case::blank_case("2026-11-25".parse().unwrap());
        case.connector.market = Market::Perpetual;
        case.connector.precedent = Some("okx".into());
        // The class: 16, 25, 33, 58, 69 days.
        let r = ReferenceClass::of(&case, 40.0);
        assert_eq!(r.connectors.len(), 5);
        assert_eq!(r.connectors[0].days, 16);
        assert_eq!(r.percentile_of_p50, Some(60.0));
        assert!(
            r.sentence.contains(
                "longer than 3 of the 5 past perpetual connectors reusing a spot connector"
            ),
            "{}",
            r.sentence
        );
        assert_eq!(
            ReferenceClass::of(&case, 33.0).percentile_of_p50,
            Some(50.0)
        );
        // Compared as shown, in whole days: 32.6 is 33, tied with injective_v2_perpetual.
        assert_eq!(
            ReferenceClass::of(&case, 32.6).percentile_of_p50,
            Some(50.0)
        );
        for (p50, says) in [
            (10.0, "shorter than all 5"),
            (16.2, "as short as the shortest of the 5"),
            // Half a day rounds to even, as the tables show it: 32.5 is 32, shorter than 33.
            (32.5, ", 32 days, is longer than 2 of"),
            (70.0, "longer than all 5"),
        ] {
            let sentence = ReferenceClass::of(&case, p50).sentence;
            assert!(sentence.contains(says), "{p50}: {sentence}");
        }
        // The class is broader than market, kind and reuse: it says so.
        assert!(
            r.sentence.contains("so the class is broader"),
            "{}",
            r.sentence
        );
        // Another exchange's perpetual connector is not what the record's precedents are.
        case.connector.precedent = Some("binance_perpetual".into());
        assert!(!reuses_spot(&case));
        // A path without development is not compared.
        case.path = crate::case::EngagementPath::ExchangeMaintained;
        let maintained = ReferenceClass::of(&case, 20.0);
        assert_eq!(maintained.percentile_of_p50, None);
        assert!(maintained.sentence.contains("for reference only"));
        assert_eq!(r.p50, 33.0);
        let strip = r.strip((20.0, 40.0, 80.0), 300.0);
        assert!(strip.band.0 < strip.p50_x && strip.p50_x < strip.band.0 + strip.band.1);
        assert!(
            strip
                .points
                .iter()
                .all(|p| p.x >= strip.axis.0 && p.x <= strip.axis.1)
        );
        // 25, 33, 58 and 69 days are within 20-80; 16 is not.
        let inside: Vec<u32> = strip
            .points
            .iter()
            .filter(|p| p.inside)
            .map(|p| p.days)
            .collect();
        assert_eq!(inside, [25, 33, 58, 69]);
        assert!((strip.axis_days - 88.0).abs() < 1e-9);
    }
}
