//! The evaluation's report: the weights, the ranking, each criterion's contribution, dominance,
//! the weights' sensitivity, and the stacked bars of the chart.

use super::ahp::AhpResult;
use crate::case::{Criterion, Method, Normalization};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Weights by criterion id, in the criteria's order.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightMap(pub Vec<(String, f64)>);

impl Serialize for WeightMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    pub name: String,
    pub score: f64,
    pub rank: usize,
}

/// One criterion's part in one candidate's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contribution {
    pub criterion: String,
    /// The candidate's value as given.
    pub value: f64,
    /// After normalization, higher is better, 0-1 for max and minmax.
    pub normalized: f64,
    /// Weight x normalized: the criterion's part of a weighted sum; TOPSIS's coordinate.
    pub weighted: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CandidateContributions {
    pub name: String,
    pub criteria: Vec<Contribution>,
}

/// A candidate that another is at least as good as on every criterion, and better on one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dominated {
    pub name: String,
    pub by: Vec<String>,
}

/// Where the winner changes when one weight moves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WinnerChange {
    pub weight: f64,
    pub winner: String,
}

/// The interval of one criterion's weight (the others rescaled proportionally) within which the
/// winner stays the winner.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sensitivity {
    pub criterion: String,
    pub weight: f64,
    pub from: f64,
    pub to: f64,
    /// Below `from`, this candidate wins.
    pub below: Option<WinnerChange>,
    /// Above `to`, this candidate wins.
    pub above: Option<WinnerChange>,
    /// The nearer of the two.
    pub nearest: Option<WinnerChange>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdealPoint {
    pub ideal: WeightMap,
    pub anti_ideal: WeightMap,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvaluationReport {
    pub method: Method,
    pub normalization: Normalization,
    pub weights: WeightMap,
    pub ranking: Vec<Ranked>,
    pub contributions: Vec<CandidateContributions>,
    pub dominated: Vec<Dominated>,
    pub sensitivity: Vec<Sensitivity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ahp: Option<AhpResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topsis: Option<IdealPoint>,
    pub criteria: Vec<Criterion>,
}

impl EvaluationReport {
    /// A criterion's label, from its id (the id itself when it has none).
    pub fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.criteria
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.label())
    }

    /// The winner: first of the ranking.
    pub fn winner(&self) -> Option<&Ranked> {
        self.ranking.first()
    }

    /// A score as a share of the top score, 0 to 1: the length of its bar in the ranking.
    pub fn share_of_top(&self, score: f64) -> f64 {
        let top = self.ranking.first().map_or(1.0, |c| c.score).max(1e-9);
        crate::support::number::bounded(score / top, 0.0, 1.0)
    }

    /// Each candidate's contributions as a stacked bar, in the case's order of candidates (not
    /// the ranking's: typing a value then changes bars in place instead of moving them about):
    /// one segment per criterion (its weighted part), scaled so that the longest bar is `width`
    /// long.
    pub fn stacked_bars(&self, width: f64) -> Vec<StackedBar> {
        let longest = self
            .contributions
            .iter()
            .map(|c| c.criteria.iter().map(|x| x.weighted).sum::<f64>())
            .fold(1e-9, f64::max);
        self.contributions
            .iter()
            .map(|c| {
                let mut x = 0.0;
                // Each candidate's parts are built in the order of `self.criteria`, so a part's
                // position is its criterion's.
                let segments = c
                    .criteria
                    .iter()
                    .enumerate()
                    .map(|(series, part)| {
                        let width = part.weighted / longest * width;
                        let segment = Segment {
                            series,
                            x,
                            width,
                            part: part.clone(),
                        };
                        x += width;
                        segment
                    })
                    .collect();
                StackedBar {
                    name: c.name.clone(),
                    segments,
                }
            })
            .collect()
    }
}

/// One candidate's bar in the contributions chart.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedBar {
    pub name: String,
    pub segments: Vec<Segment>,
}

/// One criterion's part of a bar: where it starts, how long it is, and what it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The criterion's position among the criteria (its colour).
    pub series: usize,
    pub x: f64,
    pub width: f64,
    pub part: Contribution,
}
