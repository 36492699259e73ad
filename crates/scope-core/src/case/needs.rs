//! A field a command needs: the estimate's hourly rate, the evaluation's candidates, the
//! agreement. The commands refuse with `Need::error`; `validate::needs` lists them all at once.

use super::{CaseError, FieldError};

/// A field a command needs, the message it refuses with, and the commands that need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need {
    pub path: &'static str,
    pub message: &'static str,
    pub needed_by: &'static [&'static str],
}

impl Need {
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

    /// The error a command refuses with.
    pub fn error(&self) -> CaseError {
        CaseError::Invalid(vec![FieldError {
            path: self.path.into(),
            message: self.message.into(),
        }])
    }
}
