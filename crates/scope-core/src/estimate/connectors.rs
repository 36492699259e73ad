//! The real Hummingbot connectors (data/connectors.csv): the list a precedent or a base
//! connector is chosen from.

use serde::Serialize;

const CONNECTORS_CSV: &str = include_str!("../../data/connectors.csv");

/// One connector folder of hummingbot/hummingbot (at 2bfaccc4, 2026-07-30).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KnownConnector {
    pub name: String,
    /// "spot" or "perpetual".
    pub market_type: String,
    pub py_lines: u32,
    pub test_py_lines: u32,
    /// The date the folder was first added (YYYY-MM-DD).
    pub first_added: String,
}

/// Every connector of the list, in file order (spot, then perpetual).
pub fn all() -> Vec<KnownConnector> {
    let mut lines = CONNECTORS_CSV.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(name), Some(market), Some(py), Some(tests), Some(added)) = (
        col("connector"),
        col("market_type"),
        col("py_lines"),
        col("test_py_lines"),
        col("folder_first_added"),
    ) else {
        return Vec::new();
    };
    lines
        .filter_map(|line| {
            let cols: Vec<&str> = line.split(',').collect();
            let get = |i: usize| cols.get(i).copied();
            let c = KnownConnector {
                name: get(name)?.to_string(),
                market_type: get(market)?.to_string(),
                py_lines: get(py)?.parse().ok()?,
                test_py_lines: get(tests)?.parse().ok()?,
                first_added: get(added)?.to_string(),
            };
            // paper_trade is a simulator, not an exchange connector.
            (c.name != "paper_trade").then_some(c)
        })
        .collect()
}

pub fn find(name: &str) -> Option<KnownConnector> {
    all().into_iter().find(|c| c.name == name)
}

impl KnownConnector {
    pub fn is_perpetual(&self) -> bool {
        self.market_type == "perpetual"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_the_published_one() {
        let all = all();
        assert_eq!(all.iter().filter(|c| !c.is_perpetual()).count(), 26);
        assert_eq!(all.iter().filter(|c| c.is_perpetual()).count(), 19);
        let binance = find("binance").unwrap();
        assert_eq!(
            (binance.py_lines, binance.first_added.as_str()),
            (1291, "2020-09-02")
        );
        assert!(find("binance_perpetual").unwrap().is_perpetual());
        assert!(find("paper_trade").is_none());
    }

    #[test]
    fn spot_median_is_1643_lines() {
        // data/README.md: spot (excluding paper_trade) median 1,643 lines; perpetual 2,170.
        let median = |perp: bool| {
            let mut v: Vec<u32> = all()
                .iter()
                .filter(|c| c.is_perpetual() == perp)
                .map(|c| c.py_lines)
                .collect();
            v.sort_unstable();
            let n = v.len();
            if n % 2 == 0 {
                f64::from(v[n / 2 - 1] + v[n / 2]) / 2.0
            } else {
                f64::from(v[n / 2])
            }
        };
        assert_eq!(median(false), 1642.5);
        assert_eq!(median(true), 2170.0);
    }
}
