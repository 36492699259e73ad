//! The maintainer evaluator: weights (direct or AHP), weighted sum or TOPSIS, ranking with ties,
//! per-criterion contributions, Pareto dominance and weight sensitivity.
//! May import: support, case.

pub mod ahp;

use crate::support::number::bounded;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::case::{Case, CaseError, FieldError};
use crate::case::{Criterion, CriterionKind, Method, Normalization};
use ahp::AhpResult;

/// Scores closer than this are a tie.
const TIE: f64 = 1e-9;

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

/// The decision problem, normalized: rows are candidates, columns criteria.
struct Problem {
    method: Method,
    weights: Vec<f64>,
    normalized: Vec<Vec<f64>>,
    /// Each normalized column's best and worst value: with weights >= 0, TOPSIS's ideal and
    /// anti-ideal points are these times the weights (rounding is monotonic, so the products
    /// are bit for bit those of the candidates' own), without a pass over the candidates.
    column_max: Vec<f64>,
    column_min: Vec<f64>,
}

/// Each column made "higher is better".
pub fn normalize(column: &[f64], kind: CriterionKind, how: Normalization) -> Vec<f64> {
    let max = column.iter().copied().fold(f64::MIN, f64::max);
    let min = column.iter().copied().fold(f64::MAX, f64::min);
    let all_equal = || vec![1.0; column.len()];
    match (how, kind) {
        (Normalization::Max, CriterionKind::Benefit) if max > 0.0 => {
            column.iter().map(|x| x / max).collect()
        }
        (Normalization::Max, CriterionKind::Cost) if min > 0.0 => {
            column.iter().map(|x| min / x).collect()
        }
        (Normalization::Vector, _) => {
            let norm = column.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm == 0.0 {
                return all_equal();
            }
            column
                .iter()
                .map(|x| {
                    if kind == CriterionKind::Benefit {
                        x / norm
                    } else {
                        1.0 - x / norm
                    }
                })
                .collect()
        }
        (Normalization::Minmax, _) if max > min => column
            .iter()
            .map(|x| {
                if kind == CriterionKind::Benefit {
                    (x - min) / (max - min)
                } else {
                    (max - x) / (max - min)
                }
            })
            .collect(),
        (Normalization::Sum, CriterionKind::Benefit) => {
            let sum: f64 = column.iter().sum();
            if sum > 0.0 {
                column.iter().map(|x| x / sum).collect()
            } else {
                all_equal()
            }
        }
        (Normalization::Sum, CriterionKind::Cost) if min > 0.0 => {
            let sum: f64 = column.iter().map(|x| 1.0 / x).sum();
            column.iter().map(|x| (1.0 / x) / sum).collect()
        }
        // Every candidate the same (or a zero cost that validation refuses): nobody gains.
        _ => all_equal(),
    }
}

impl Problem {
    fn new(method: Method, weights: Vec<f64>, normalized: Vec<Vec<f64>>) -> Self {
        let n = weights.len();
        let fold = |start: f64, pick: fn(f64, f64) -> f64| {
            (0..n)
                .map(|j| normalized.iter().map(|r| r[j]).fold(start, pick))
                .collect::<Vec<f64>>()
        };
        let (column_max, column_min) = (fold(f64::MIN, f64::max), fold(f64::MAX, f64::min));
        Self {
            method,
            weights,
            normalized,
            column_max,
            column_min,
        }
    }

    fn scores(&self, weights: &[f64]) -> Vec<f64> {
        let ideal = self.ideal_points(weights);
        (0..self.normalized.len())
            .map(|i| self.score(i, weights, &ideal))
            .collect()
    }

    fn score(&self, i: usize, weights: &[f64], (ideal, anti): &(Vec<f64>, Vec<f64>)) -> f64 {
        let row = &self.normalized[i];
        match self.method {
            Method::WeightedSum => row.iter().zip(weights).map(|(r, w)| r * w).sum(),
            Method::Topsis => {
                // Zipped, not indexed: the same sums in the same order, without four bounds
                // checks per term (this loop runs about 85,000 times per TOPSIS evaluation).
                let (mut plus, mut minus) = (0.0, 0.0);
                for (((r, w), hi), lo) in row.iter().zip(weights).zip(ideal).zip(anti) {
                    let v = r * w;
                    plus += (v - hi).powi(2);
                    minus += (v - lo).powi(2);
                }
                let (plus, minus) = (plus.sqrt(), minus.sqrt());
                if plus + minus == 0.0 {
                    1.0
                } else {
                    minus / (plus + minus)
                }
            }
        }
    }

    /// TOPSIS's ideal and anti-ideal points (empty for the weighted sum, which has none).
    fn ideal_points(&self, weights: &[f64]) -> (Vec<f64>, Vec<f64>) {
        if self.method == Method::WeightedSum {
            return (Vec::new(), Vec::new());
        }
        let times = |column: &[f64]| column.iter().zip(weights).map(|(c, w)| c * w).collect();
        (times(&self.column_max), times(&self.column_min))
    }

    /// Weights with criterion `k` at `t` and the others rescaled proportionally.
    fn weights_at(&self, k: usize, t: f64) -> Vec<f64> {
        let n = self.weights.len();
        let rest = 1.0 - self.weights[k];
        (0..n)
            .map(|j| {
                if j == k {
                    t
                } else if rest > 1e-12 {
                    self.weights[j] / rest * (1.0 - t)
                } else {
                    (1.0 - t) / (n - 1) as f64
                }
            })
            .collect()
    }

    /// Called about 1,700 times per TOPSIS evaluation (the sensitivity search): no allocation
    /// per candidate.
    fn winner_at(&self, k: usize, t: f64, current: usize) -> usize {
        let weights = self.weights_at(k, t);
        let ideal = self.ideal_points(&weights);
        let (mut best, mut best_score) = (current, self.score(current, &weights, &ideal));
        for i in 0..self.normalized.len() {
            let s = self.score(i, &weights, &ideal);
            if s > best_score + TIE {
                (best, best_score) = (i, s);
            }
        }
        best
    }
}

/// Ranks by score, ties sharing a rank (1, 2, 2, 4): the rank follows the scores shown.
fn rank(scores: &[f64]) -> Vec<(usize, usize)> {
    let order =
        crate::support::order::order_by(scores.len(), &|a, b| scores[b].total_cmp(&scores[a]));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(order.len());
    for (pos, &i) in order.iter().enumerate() {
        let rank = match out.last() {
            Some(&(prev, prev_rank)) if (scores[prev] - scores[i]).abs() <= TIE => prev_rank,
            _ => pos + 1,
        };
        out.push((i, rank));
    }
    out
}

/// Whether `a` is at least as good as `b` on every criterion that counts (a weight above 0) and
/// better on one, as the method sees them: on the normalized values ("higher is better"), so
/// that values the normalization cannot tell apart (1e-320 and 2e-320) are not a difference.
fn dominates(a: &[f64], b: &[f64], weights: &[f64]) -> bool {
    let mut better = false;
    for ((x, y), w) in a.iter().zip(b).zip(weights) {
        if *w <= 0.0 {
            continue;
        }
        if x < y {
            return false;
        }
        better |= x > y;
    }
    better
}

/// The criteria a case evaluates with: its own, or the process document's eight.
pub fn criteria_of(case: &Case) -> Vec<Criterion> {
    case.criteria
        .clone()
        .unwrap_or_else(crate::case::default_criteria)
}

pub fn evaluate(case: &Case) -> Result<EvaluationReport, CaseError> {
    let missing = |path: &str, message: &str| {
        CaseError::Invalid(vec![FieldError {
            path: path.into(),
            message: message.into(),
        }])
    };
    if case.candidates.is_empty() {
        return Err(crate::case::Need::CANDIDATES.error());
    }
    let criteria = criteria_of(case);
    let method = case.evaluation.method;
    let normalization = case
        .evaluation
        .normalization
        .unwrap_or(method.default_normalization());

    // Weights: AHP when given, else direct, normalized to sum 1.
    let (raw_weights, ahp) = match &case.weights.ahp {
        Some(input) => {
            let result = ahp::evaluate(input)
                .map_err(|(at, e)| missing(&format!("weights.ahp.{at}"), &e))?;
            let w = criteria
                .iter()
                .map(|c| {
                    input
                        .order
                        .iter()
                        .position(|o| *o == c.id)
                        .map_or(0.0, |i| result.weights[i])
                })
                .collect::<Vec<f64>>();
            (w, Some(result))
        }
        None => (
            criteria.iter().map(|c| c.weight.unwrap_or(0.0)).collect(),
            None,
        ),
    };
    let total: f64 = raw_weights.iter().sum();
    if !(total > 0.0 && total.is_finite()) {
        return Err(missing(
            "criteria",
            "the weights are all zero: give at least one criterion a weight",
        ));
    }
    let weights: Vec<f64> = raw_weights.iter().map(|w| w / total).collect();

    let raw: Vec<Vec<f64>> = case
        .candidates
        .iter()
        .map(|c| {
            criteria
                .iter()
                .map(|k| c.values.get(&k.id).copied().unwrap_or(0.0))
                .collect()
        })
        .collect();
    let kinds: Vec<CriterionKind> = criteria.iter().map(|c| c.kind).collect();
    let columns: Vec<Vec<f64>> = (0..criteria.len())
        .map(|j| {
            normalize(
                &raw.iter().map(|r| r[j]).collect::<Vec<_>>(),
                kinds[j],
                normalization,
            )
        })
        .collect();
    let normalized: Vec<Vec<f64>> = (0..raw.len())
        .map(|i| columns.iter().map(|c| c[i]).collect())
        .collect();
    let problem = Problem::new(method, weights.clone(), normalized);
    let scores = problem.scores(&weights);

    let m = raw.len();
    // Dominance agrees with the scores shown: a dominated candidate also scores lower (a tie
    // is never called dominated).
    let dominated_by: Vec<Vec<usize>> = (0..m)
        .map(|b| {
            (0..m)
                .filter(|&a| {
                    a != b
                        && scores[a] > scores[b] + TIE
                        && dominates(&problem.normalized[a], &problem.normalized[b], &weights)
                })
                .collect()
        })
        .collect();
    let ranked = rank(&scores);
    let name = |i: usize| case.candidates[i].name.clone();

    let ranking = ranked
        .iter()
        .map(|&(i, rank)| Ranked {
            name: name(i),
            score: r6(scores[i]),
            rank,
        })
        .collect();
    let contributions = (0..m)
        .map(|i| CandidateContributions {
            name: name(i),
            criteria: criteria
                .iter()
                .enumerate()
                .map(|(j, c)| Contribution {
                    criterion: c.id.clone(),
                    value: raw[i][j],
                    normalized: r6(problem.normalized[i][j]),
                    weighted: r6(problem.normalized[i][j] * weights[j]),
                })
                .collect(),
        })
        .collect();
    let dominated = (0..m)
        .filter(|&i| !dominated_by[i].is_empty())
        .map(|i| Dominated {
            name: name(i),
            by: dominated_by[i].iter().map(|&a| name(a)).collect(),
        })
        .collect();

    let winner = ranked[0].0;
    let sensitivity = (0..criteria.len())
        .map(|k| sensitivity(&problem, k, winner, &scores))
        .map(|(k, lo, hi, below, above)| {
            let change = |c: Option<(f64, usize)>| {
                c.map(|(t, i)| WinnerChange {
                    weight: r6(t),
                    winner: name(i),
                })
            };
            let (below, above) = (change(below), change(above));
            let nearest = match (&below, &above) {
                (Some(b), Some(a)) => Some(if weights[k] - b.weight <= a.weight - weights[k] {
                    b.clone()
                } else {
                    a.clone()
                }),
                (b, a) => b.clone().or(a.clone()),
            };
            Sensitivity {
                criterion: criteria[k].id.clone(),
                weight: r6(weights[k]),
                from: r6(lo),
                to: r6(hi),
                below,
                above,
                nearest,
            }
        })
        .collect();

    let ids = || criteria.iter().map(|c| c.id.clone());
    let topsis = (method == Method::Topsis).then(|| {
        let (ideal, anti) = problem.ideal_points(&weights);
        IdealPoint {
            ideal: WeightMap(ids().zip(ideal.iter().map(|x| r6(*x))).collect()),
            anti_ideal: WeightMap(ids().zip(anti.iter().map(|x| r6(*x))).collect()),
        }
    });
    Ok(EvaluationReport {
        method,
        normalization,
        weights: WeightMap(ids().zip(weights.iter().map(|w| r6(*w))).collect()),
        ranking,
        contributions,
        dominated,
        sensitivity,
        ahp: ahp.map(|mut a| {
            a.lambda_max = r6(a.lambda_max);
            a.ci = r6(a.ci);
            a.cr = r6(a.cr);
            a
        }),
        topsis,
        criteria,
    })
}

type Interval = (usize, f64, f64, Option<(f64, usize)>, Option<(f64, usize)>);

/// The weight interval of criterion `k` where `winner` stays the winner, and who wins beyond it.
fn sensitivity(p: &Problem, k: usize, winner: usize, scores: &[f64]) -> Interval {
    let t0 = p.weights[k];
    if p.weights.len() < 2 || scores.len() < 2 {
        return (k, 0.0, 1.0, None, None);
    }
    match p.method {
        Method::WeightedSum => {
            // Scores are linear in t: s_i(t) = t r_ik + (1 - t) q_i.
            let rest = p.weights_at(k, 0.0);
            let q: Vec<f64> = p
                .normalized
                .iter()
                .map(|r| r.iter().zip(&rest).map(|(x, w)| x * w).sum())
                .collect();
            let (mut lo, mut hi) = (0.0f64, 1.0f64);
            let (mut below, mut above) = (None, None);
            let w = winner;
            for i in (0..scores.len()).filter(|&i| i != w) {
                // d(t) = s_w(t) - s_i(t) = a + b t
                let a = q[w] - q[i];
                let b = (p.normalized[w][k] - q[w]) - (p.normalized[i][k] - q[i]);
                if b.abs() < 1e-15 {
                    continue;
                }
                let root = -a / b;
                if b > 0.0 && root > lo && root <= t0 + TIE {
                    lo = root;
                    below = Some((root, i));
                } else if b < 0.0 && root < hi && root >= t0 - TIE {
                    hi = root;
                    above = Some((root, i));
                }
            }
            (k, bounded(lo, 0.0, t0), bounded(hi, t0, 1.0), below, above)
        }
        Method::Topsis => {
            let (lo, below) = boundary(p, k, winner, t0, 0.0);
            let (hi, above) = boundary(p, k, winner, t0, 1.0);
            (k, lo, hi, below, above)
        }
    }
}

/// Walks from `t0` towards `end` in steps of 1/64, then bisects the first change of winner.
fn boundary(
    p: &Problem,
    k: usize,
    winner: usize,
    t0: f64,
    end: f64,
) -> (f64, Option<(f64, usize)>) {
    const STEPS: usize = 64;
    let span = end - t0;
    if span.abs() < 1e-12 {
        return (t0, None);
    }
    let mut inside = t0;
    for s in 1..=STEPS {
        let t = t0 + span * s as f64 / STEPS as f64;
        let w = p.winner_at(k, t, winner);
        if w != winner {
            let (mut a, mut b, mut who) = (inside, t, w);
            // 30 halvings of a 1/64 step: 1.5e-11, far below the 1e-6 the interval is shown at.
            for _ in 0..30 {
                let mid = (a + b) / 2.0;
                let w = p.winner_at(k, mid, winner);
                if w == winner {
                    a = mid;
                } else {
                    b = mid;
                    who = w;
                }
            }
            return (a, Some((b, who)));
        }
        inside = t;
    }
    (end, None)
}

fn r6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
