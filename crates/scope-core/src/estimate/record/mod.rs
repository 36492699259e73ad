//! The record of real Hummingbot connector builds, November 2020 to December 2024, and the
//! release calendar they were merged at: what the estimate's uncertainty is fitted on and what the
//! outside view compares a case with.
//!
//! Data: `data/connector_builds_2020_2024.csv` and `data/releases_2020_2024.csv` (from
//! hummingbot/hummingbot at 2bfaccc4; provenance in `data/README.md`), and
//! `data/record_exchanges.csv`, each exchange's launch month, labelled by hand. Builds merged
//! after 2024 are deliberately not in the record: they are the out-of-sample check of every
//! figure fitted on it.

pub mod reference_class;

use crate::case::Answer;
use crate::case::{Case, ExchangeKind, Market};
use crate::maturity::rubric::ITEMS;
use crate::support::date::{Date, YearMonth};

const BUILDS_CSV: &str = include_str!("../../../data/connector_builds_2020_2024.csv");
const RELEASES_CSV: &str = include_str!("../../../data/releases_2020_2024.csv");
const LAUNCHES_CSV: &str = include_str!("../../../data/record_exchanges.csv");

/// One connector build of the record.
#[derive(Clone, Debug, PartialEq)]
pub struct PastBuild {
    /// The connector folder, e.g. `gate_io_perpetual`.
    pub connector: String,
    pub market: Market,
    pub kind: ExchangeKind,
    /// For a perpetual: the same exchange's spot connector, when it had been merged already.
    pub spot_precedent: Option<String>,
    /// The earliest author date of the commits touching the folder.
    pub first_commit: Date,
    /// The release merge (staging or development into master) that added the folder.
    pub merged: Date,
    /// Days from the first commit to the merge.
    pub days: u32,
    /// The exchange's launch month (hand-labelled; the month is approximate for some).
    pub launched: YearMonth,
}

/// The record, read once.
pub fn all() -> &'static [PastBuild] {
    static RECORD: std::sync::OnceLock<Vec<PastBuild>> = std::sync::OnceLock::new();
    RECORD.get_or_init(builds)
}

/// Every build of the record, in file order (by merge date).
pub fn builds() -> Vec<PastBuild> {
    let launches: Vec<(&str, YearMonth)> = LAUNCHES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split(',');
            Some((cols.next()?, cols.next()?.parse().ok()?))
        })
        .collect();
    BUILDS_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            // connector, market, kind, spot_connector_already_merged, first_commit, merged,
            // days_first_commit_to_merge, commits_touching_folder, merge_subject
            let cols: Vec<&str> = line.split(',').collect();
            let connector = *cols.first()?;
            let launched = launches.iter().find(|(c, _)| *c == connector)?.1;
            Some(PastBuild {
                connector: connector.to_string(),
                market: cols.get(1)?.parse().ok()?,
                kind: cols.get(2)?.parse().ok()?,
                spot_precedent: cols.get(3).filter(|p| !p.is_empty()).map(|p| p.to_string()),
                first_commit: cols.get(4)?.parse().ok()?,
                merged: cols.get(5)?.parse().ok()?,
                days: cols.get(6)?.parse().ok()?,
                launched,
            })
        })
        .collect()
}

/// The release merges of hummingbot/hummingbot, June 2020 to December 2024, in order.
pub fn release_dates() -> Vec<Date> {
    RELEASES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next()?.parse().ok())
        .collect()
}

impl PastBuild {
    /// The build as a case made only of what was known before it started: its market and kind,
    /// the spot connector it could reuse, the exchange's age at the first commit, and neutral
    /// answers ("documented" for every item), for an experienced developer at 30 hours a week.
    pub fn case(&self) -> Case {
        let mut case = crate::case::blank_case(self.first_commit);
        case.exchange.name = self.connector.clone();
        case.exchange.launched = Some(self.launched);
        case.exchange.kind = self.kind;
        case.connector.market = self.market;
        case.connector.precedent = self.spot_precedent.clone();
        for item in ITEMS {
            case.api.insert(item.id.to_string(), Answer::Documented);
        }
        case
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_the_published_one() {
        let builds = builds();
        assert_eq!(builds.len(), 25);
        let spot: Vec<u32> = builds
            .iter()
            .filter(|b| b.market == Market::Spot)
            .map(|b| b.days)
            .collect();
        assert_eq!(spot.len(), 16);
        assert_eq!(builds.iter().map(|b| b.days).min(), Some(16));
        assert_eq!(builds.iter().map(|b| b.days).max(), Some(125));
        // Each span is the days between its dates.
        for b in &builds {
            assert_eq!(
                b.first_commit.days_until(b.merged),
                i64::from(b.days),
                "{}",
                b.connector
            );
            assert!(b.launched <= b.first_commit.year_month(), "{}", b.connector);
        }
        // The figures the estimate's calendar note quotes: perpetual median 41 days against
        // 54.5 for spot, and 5 of the 9 perpetual builds reused their exchange's spot connector.
        let median = |market: Market| {
            let mut days: Vec<f64> = builds
                .iter()
                .filter(|b| b.market == market)
                .map(|b| f64::from(b.days))
                .collect();
            crate::support::order::sort_floats(&mut days);
            crate::estimate::stats::percentile_sorted(&days, 50.0)
        };
        assert_eq!(
            (median(Market::Spot), median(Market::Perpetual)),
            (54.5, 41.0)
        );
        let perpetual: Vec<&PastBuild> = builds
            .iter()
            .filter(|b| b.market == Market::Perpetual)
            .collect();
        assert_eq!(perpetual.len(), 9);
        assert_eq!(
            perpetual
                .iter()
                .filter(|b| b.spot_precedent.is_some())
                .count(),
            5
        );
        // Every merge of the record is a release merge.
        let releases = release_dates();
        assert_eq!(releases.len(), 54);
        assert!(builds.iter().all(|b| releases.contains(&b.merged)));
    }

    #[test]
    fn a_build_reads_as_a_case() {
        for b in builds() {
            let case = b.case();
            assert_eq!(case.exchange.name, b.connector);
            assert_eq!(case.connector.market, b.market);
            assert_eq!(case.connector.precedent, b.spot_precedent);
            assert!(case.problems().is_empty(), "{}", b.connector);
            if let Some(p) = &b.spot_precedent {
                assert!(crate::estimate::connectors::find(p).is_some(), "{p}");
            }
        }
    }
}
