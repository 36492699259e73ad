//! AHP weights from pairwise comparisons (Saaty): the principal eigenvector, lambda max, the
//! consistency index and ratio, and the comparisons that disagree most with the weights.

use crate::support::number::Shortest;
use serde::Serialize;

use crate::case::AhpInput;

/// Saaty's (1980) random index for n = 1..10; larger matrices use the last value.
pub const RANDOM_INDEX: [f64; 10] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
/// A consistency ratio above this is flagged.
pub const CR_LIMIT: f64 = 0.10;
pub const MAX_CRITERIA: usize = 30;

/// Saaty's scale, from "a is extremely more important" to "b is".
pub const SCALE: [(f64, &str); 17] = [
    (9.0, "9: extremely more"),
    (8.0, "8"),
    (7.0, "7: very strongly more"),
    (6.0, "6"),
    (5.0, "5: strongly more"),
    (4.0, "4"),
    (3.0, "3: moderately more"),
    (2.0, "2"),
    (1.0, "1: equal"),
    (0.5, "1/2"),
    (1.0 / 3.0, "1/3: moderately less"),
    (0.25, "1/4"),
    (0.2, "1/5: strongly less"),
    (1.0 / 6.0, "1/6"),
    (1.0 / 7.0, "1/7: very strongly less"),
    (0.125, "1/8"),
    (1.0 / 9.0, "1/9: extremely less"),
];

/// A judgement as people write it: "3", "2.5", "1/3" for the reciprocal of a whole number.
pub fn written(v: f64) -> String {
    let inverse = 1.0 / v;
    if v < 1.0 && (inverse - inverse.round()).abs() < 1e-9 {
        format!("1/{}", Shortest(inverse.round()))
    } else {
        Shortest((v * 100.0).round() / 100.0).to_string()
    }
}

/// The judgement of the scale nearest `v`, as ratios go (1/3 and 3 are as far from 1): the first
/// of two as near.
pub fn nearest_scale(v: f64) -> usize {
    let distance = |x: f64| (libm::log(x) - libm::log(v)).abs();
    let mut best = 0;
    for (i, (x, _)) in SCALE.iter().enumerate().skip(1) {
        if distance(*x).total_cmp(&distance(SCALE[best].0)).is_lt() {
            best = i;
        }
    }
    best
}

/// One judgement that disagrees with the derived weights.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    pub a: String,
    pub b: String,
    /// What the matrix says: a is this many times as important as b.
    pub given: f64,
    /// What the weights imply: w_a / w_b.
    pub implied: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AhpResult {
    /// Weights in the order of `order`, summing to 1.
    #[serde(skip)]
    pub weights: Vec<f64>,
    pub lambda_max: f64,
    pub ci: f64,
    pub cr: f64,
    pub consistent: bool,
    /// The comparisons furthest from the weights (largest |ln(a_ij w_j / w_i)|), worst first;
    /// listed when the matrix is not consistent.
    pub disagreements: Vec<Disagreement>,
}

// Matrix code reads m[i][j] against m[j][i]: indices say it best.
#[allow(clippy::needless_range_loop)]
/// Reads the matrix (full, or upper triangle with or without the diagonal) into a full
/// reciprocal matrix. Errors name the entry: `[row][col]` in the input's own indices.
pub fn full_matrix(input: &AhpInput) -> Result<Vec<Vec<f64>>, (String, String)> {
    let n = input.order.len();
    let rows = &input.matrix;
    let at = |i: usize, j: usize| format!("matrix[{i}][{j}]");
    if !(1..=MAX_CRITERIA).contains(&n) {
        return Err((
            "order".into(),
            format!("must list 1 to {MAX_CRITERIA} criteria"),
        ));
    }
    let mut m = vec![vec![1.0; n]; n];
    let lengths: Vec<usize> = rows.iter().map(Vec::len).collect();
    let full = rows.len() == n && lengths.iter().all(|&l| l == n);
    let with_diagonal = rows.len() == n && lengths.iter().enumerate().all(|(i, &l)| l == n - i);
    let without_diagonal =
        rows.len() + 1 == n && lengths.iter().enumerate().all(|(i, &l)| l == n - 1 - i);
    if full {
        for i in 0..n {
            for j in 0..n {
                m[i][j] = rows[i][j].value().map_err(|e| (at(i, j), e))?;
            }
        }
        for i in 0..n {
            if (m[i][i] - 1.0).abs() > 1e-9 {
                return Err((at(i, i), "the diagonal must be 1".into()));
            }
            for j in i + 1..n {
                // Reciprocity, with room for "0.333" against "3".
                if (m[i][j] * m[j][i] - 1.0).abs() > 0.01 {
                    return Err((
                        at(j, i),
                        format!(
                            "must be the reciprocal of matrix[{i}][{j}] ({}), not {}",
                            Shortest(m[i][j]),
                            Shortest(m[j][i])
                        ),
                    ));
                }
                m[j][i] = 1.0 / m[i][j];
            }
        }
    } else if with_diagonal || without_diagonal {
        let skip = usize::from(with_diagonal);
        for (i, row) in rows.iter().enumerate() {
            for (k, entry) in row.iter().enumerate() {
                let j = i + k + 1 - skip;
                let v = entry.value().map_err(|e| (at(i, k), e))?;
                if j == i {
                    if (v - 1.0).abs() > 1e-9 {
                        return Err((at(i, k), "the diagonal must be 1".into()));
                    }
                    continue;
                }
                m[i][j] = v;
                m[j][i] = 1.0 / v;
            }
        }
    } else {
        return Err((
            "matrix".into(),
            format!(
                "for {n} criteria give the full {n}x{n} matrix, or its upper triangle: rows of {n} down to 1 entries (with the diagonal) or {} down to 1 (without)",
                n.saturating_sub(1)
            ),
        ));
    }
    Ok(m)
}

/// The principal eigenvector by power iteration (a positive reciprocal matrix has a unique
/// positive one, Perron-Frobenius), normalized to sum 1.
pub fn solve(m: &[Vec<f64>]) -> AhpResult {
    let n = m.len();
    let mut w = vec![1.0 / n as f64; n];
    for _ in 0..1000 {
        let mut next: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|j| m[i][j] * w[j]).sum())
            .collect();
        let total: f64 = next.iter().sum();
        next.iter_mut().for_each(|x| *x /= total);
        let change = next
            .iter()
            .zip(&w)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        w = next;
        if change < 1e-15 {
            break;
        }
    }
    let lambda_max = (0..n)
        .map(|i| (0..n).map(|j| m[i][j] * w[j]).sum::<f64>() / w[i])
        .sum::<f64>()
        / n as f64;
    let ci = if n > 1 {
        ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
    } else {
        0.0
    };
    let ri = RANDOM_INDEX[(n - 1).min(RANDOM_INDEX.len() - 1)];
    let cr = if ri > 0.0 { ci / ri } else { 0.0 };
    AhpResult {
        weights: w,
        lambda_max,
        ci,
        cr,
        consistent: cr <= CR_LIMIT,
        disagreements: Vec::new(),
    }
}

/// AHP on the case's input: weights, consistency, and the worst judgements when inconsistent.
pub fn evaluate(input: &AhpInput) -> Result<AhpResult, (String, String)> {
    let m = full_matrix(input)?;
    let mut result = solve(&m);
    if !result.consistent {
        let w = &result.weights;
        let mut pairs: Vec<(f64, Disagreement)> = Vec::new();
        for i in 0..m.len() {
            for j in i + 1..m.len() {
                let implied = w[i] / w[j];
                let error = libm::log(m[i][j] / implied).abs();
                pairs.push((
                    error,
                    Disagreement {
                        a: input.order[i].clone(),
                        b: input.order[j].clone(),
                        given: m[i][j],
                        implied,
                    },
                ));
            }
        }
        let pairs = crate::support::order::sorted_by(pairs, |a, b| b.0.total_cmp(&a.0));
        result.disagreements = pairs.into_iter().take(3).map(|(_, d)| d).collect();
    }
    Ok(result)
}
