//! Maintainer criteria and candidates: the inputs of the evaluator, as the case file holds them.
//!
//! The eight default criteria are stage 4 of the process document ("Parameters to identify in
//! evaluation"): seniority, past experience, resume and references, past performance and track
//! record, availability, cost, speed to deliver, interest from the developer.

use crate::support::number::Shortest;
use crate::support::sorted_map::SortedMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::defaults;
use crate::support::number::parse_number;
use crate::support::text_enum::text_enum;

text_enum! {
    /// Whether more is better (benefit) or less is better (cost).
    pub enum CriterionKind as "criterion kind" {
        Benefit => "benefit",
        Cost => "cost",
    }
}

/// One criterion of the evaluation.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub kind: CriterionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Direct weight (any non-negative number; weights are normalized to sum 1). Optional when
    /// `weights.ahp` gives the weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl Criterion {
    pub fn label(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.id)
    }
}

/// A maintainer candidate and a value for every criterion.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    pub name: String,
    pub values: SortedMap<String, f64>,
}

/// The eight criteria of the process document, with their default weights.
pub fn default_criteria() -> Vec<Criterion> {
    let c = |id: &str, label: &str, kind, unit: &str, weight: f64| Criterion {
        id: id.into(),
        label: Some(label.into()),
        kind,
        unit: Some(unit.into()),
        weight: Some(weight),
    };
    use CriterionKind::{Benefit, Cost};
    vec![
        c("seniority", "Seniority", Benefit, "years", 0.10),
        c(
            "experience",
            "Past experience",
            Benefit,
            "connectors built or maintained",
            0.20,
        ),
        c("references", "Resume and references", Benefit, "1-5", 0.10),
        c(
            "track_record",
            "Track record",
            Benefit,
            "% delivered on time, passing QA",
            0.15,
        ),
        c(
            "availability",
            "Availability",
            Benefit,
            "hours per week",
            0.10,
        ),
        c("cost", "Cost", Cost, "hourly rate", 0.15),
        c("speed", "Speed to deliver", Cost, "days quoted", 0.10),
        c("interest", "Interest", Benefit, "1-5", 0.10),
    ]
}

/// Where the case says how to weigh and rank.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// AHP pairwise comparisons; when given, they replace the criteria's direct weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahp: Option<AhpInput>,
}

/// A pairwise comparison matrix on Saaty's 1-9 scale.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AhpInput {
    /// Criterion ids, in the order of the matrix rows.
    pub order: Vec<String>,
    /// The full matrix, or its upper triangle (rows of n, n-1 ... 1 entries with the diagonal, or
    /// n-1 ... 1 without). Entries are numbers or strings such as "1/3".
    pub matrix: Vec<Vec<AhpEntry>>,
}

/// One judgement: a number, or a fraction written as text.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum AhpEntry {
    Number(f64),
    Text(String),
}

impl AhpEntry {
    /// The judgement's value: "3", "1/3", "0.5", 3.
    pub fn value(&self) -> Result<f64, String> {
        let v = match self {
            AhpEntry::Number(n) => *n,
            AhpEntry::Text(t) => {
                let t = t.trim();
                match t.split_once('/') {
                    Some((a, b)) => {
                        let bad = || format!("{t:?} is not a number or a fraction");
                        let a = parse_number(a).ok_or_else(bad)?;
                        let b = parse_number(b).ok_or_else(bad)?;
                        if b == 0.0 {
                            return Err(format!("{t:?} divides by zero"));
                        }
                        a / b
                    }
                    None => parse_number(t)
                        .ok_or_else(|| format!("{t:?} is not a number or a fraction"))?,
                }
            }
        };
        if !(v.is_finite() && (1.0 / 9.0 - 1e-9..=9.0 + 1e-9).contains(&v)) {
            return Err(format!(
                "{} is outside Saaty's scale (1/9 to 9)",
                Shortest(v)
            ));
        }
        Ok(v)
    }
}

text_enum! {
    /// How candidates are scored.
    pub enum Method as "method" {
        WeightedSum => "weighted_sum",
        Topsis => "topsis",
    }
}

text_enum! {
    /// How each criterion's values are made comparable ("higher is better" after it).
    pub enum Normalization as "normalization" {
        /// benefit x / max, cost min / x.
        Max => "max",
        /// x / sqrt(sum x^2); cost 1 - that.
        Vector => "vector",
        /// (x - min) / (max - min); cost (max - x) / (max - min).
        Minmax => "minmax",
        /// x / sum x; cost (1/x) / sum (1/x).
        Sum => "sum",
    }
}

impl Method {
    pub fn label(self) -> &'static str {
        match self {
            Method::WeightedSum => "weighted sum",
            Method::Topsis => "TOPSIS",
        }
    }

    pub fn default_normalization(self) -> Normalization {
        match self {
            Method::WeightedSum => Normalization::Max,
            Method::Topsis => Normalization::Vector,
        }
    }
}

/// The method and normalization of the evaluation.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationSettings {
    #[serde(default = "defaults::method")]
    pub method: Method,
    /// Default: max for the weighted sum, vector for TOPSIS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalization: Option<Normalization>,
}

impl Default for EvaluationSettings {
    fn default() -> Self {
        Self {
            method: defaults::method(),
            normalization: None,
        }
    }
}
