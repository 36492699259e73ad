//! The maintainer evaluator: weights (direct or AHP), weighted sum or TOPSIS, ranking with ties,
//! per-criterion contributions, Pareto dominance and weight sensitivity.
//! May import: support, case.

mod problem;
mod report;
mod sensitivity;
pub use problem::normalize;
use problem::{Problem, dominates, rank};
pub use report::{
    CandidateContributions, Contribution, Dominated, EvaluationReport, IdealPoint, Ranked, Segment,
    Sensitivity, StackedBar, WeightMap, WinnerChange,
};
use sensitivity::sensitivity;

pub mod ahp;

use crate::case::{Case, CaseError, FieldError};
use crate::case::{Criterion, CriterionKind, Method};

/// Scores closer than this are a tie.
pub(super) const TIE: f64 = 1e-9;

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

pub(super) fn r6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
