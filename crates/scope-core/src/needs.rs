//! What a valid case still lacks for a command: the estimate without an hourly rate, the
//! evaluation without candidates, the agreement's projection without an agreement. Listed with
//! the case's own problems by `validate` (the CLI, the npm package, the web's Cases tool), so
//! that a case is never called ready for a command that will then refuse it.

use crate::case::{Case, FieldError};

/// A field a command needs, the message it refuses with, and the commands that need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need {
    pub path: &'static str,
    pub message: &'static str,
    pub needed_by: &'static [&'static str],
}

pub const HOURLY_RATE: Need = Need {
    path: "estimate.hourly_rate",
    message: "required for the cost estimate (the developer's rate per hour, e.g. \"75\")",
    needed_by: &["the estimate", "the proposal's cost"],
};

pub const CANDIDATES: Need = Need {
    path: "candidates",
    message: "add at least one candidate to evaluate",
    needed_by: &["the ranking of candidates", "the announcement"],
};

pub const AGREEMENT: Need = Need {
    path: "agreement",
    message: "missing; the case has no agreement to project",
    needed_by: &["the agreement's projection"],
};

impl Need {
    /// The error a command refuses with.
    pub fn error(&self) -> crate::CaseError {
        crate::CaseError::Invalid(vec![FieldError {
            path: self.path.into(),
            message: self.message.into(),
        }])
    }
}

/// What `case` lacks, command by command.
pub fn needs(case: &Case) -> Vec<Need> {
    let mut out = Vec::new();
    if case.estimate.hourly_rate.is_none() {
        out.push(HOURLY_RATE);
    }
    if case.candidates.is_empty() {
        out.push(CANDIDATES);
    }
    if case.agreement.is_none() {
        out.push(AGREEMENT);
    }
    out
}

/// One line of a case's check: a problem of the case itself (`needed_by` empty), or a field a
/// command needs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub needed_by: &'static [&'static str],
}

/// Every problem of a case file at once, then what it lacks for each command. Empty: the case
/// is valid and every command can run.
pub fn check(text: &str) -> Vec<Check> {
    match Case::from_json(text) {
        Ok(case) => needs(&case)
            .into_iter()
            .map(|n| Check {
                path: n.path.into(),
                message: n.message.into(),
                needed_by: n.needed_by,
            })
            .collect(),
        Err(crate::CaseError::Invalid(fields)) => fields
            .into_iter()
            .map(|f| Check {
                path: f.path,
                message: f.message,
                needed_by: &[],
            })
            .collect(),
        Err(other) => {
            let text = other.to_string();
            let (path, message) = text
                .split_once(": ")
                .map_or((String::new(), text.clone()), |(p, m)| {
                    (p.to_string(), m.to_string())
                });
            vec![Check {
                path,
                message,
                needed_by: &[],
            }]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each need is what its command refuses with, and a case that has them all needs nothing.
    #[test]
    fn needs_match_what_commands_refuse() {
        let bare = Case::from_json(r#"{"version": 1, "exchange": {"name": "Bare"}}"#).unwrap();
        assert_eq!(needs(&bare), [HOURLY_RATE, CANDIDATES, AGREEMENT]);
        assert_eq!(
            crate::estimate(&bare).unwrap_err().to_string(),
            HOURLY_RATE.error().to_string()
        );
        assert_eq!(
            crate::evaluate::evaluate(&bare).unwrap_err().to_string(),
            CANDIDATES.error().to_string()
        );
        let full =
            Case::from_json(include_str!("../../../tests/cases/mature-spot-cex.json")).unwrap();
        assert_eq!(needs(&full), []);
    }

    /// All of a case's problems come at once, each naming its field.
    #[test]
    fn every_problem_at_once() {
        let checks = check(
            r#"{"version": 1, "exchange": {"name": ""}, "estimate": {"availability_hours_per_week": 500, "currency": "usd"}}"#,
        );
        let paths: Vec<&str> = checks.iter().map(|c| c.path.as_str()).collect();
        assert!(paths.contains(&"exchange.name"), "{paths:?}");
        assert!(
            paths.contains(&"estimate.availability_hours_per_week"),
            "{paths:?}"
        );
        assert!(paths.contains(&"estimate.currency"), "{paths:?}");
        assert!(checks.iter().all(|c| c.needed_by.is_empty()));
        let valid = check(
            r#"{"version": 1, "exchange": {"name": "X"}, "estimate": {"hourly_rate": "75"}}"#,
        );
        assert_eq!(
            valid.iter().map(|c| c.path.as_str()).collect::<Vec<_>>(),
            ["candidates", "agreement"]
        );
    }
}
