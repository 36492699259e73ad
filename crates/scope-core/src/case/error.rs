//! Why a case file cannot be read: its syntax, its version, or its fields.

use super::CASE_VERSION;
pub use crate::support::json::FieldError;

/// Why a case file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("the case file is not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("version: missing; a case file starts with \"version\": {CASE_VERSION}")]
    MissingVersion,
    #[error(
        "version: {found} is not a version this build reads (it reads version {CASE_VERSION}); {hint}"
    )]
    UnsupportedVersion { found: String, hint: &'static str },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<FieldError>),
}

impl CaseError {
    pub(crate) fn field(path: impl Into<String>, message: impl Into<String>) -> Self {
        CaseError::Invalid(vec![FieldError {
            path: path.into(),
            message: message.into(),
        }])
    }

    /// The field errors, if that is what this is.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            CaseError::Invalid(v) => v,
            _ => &[],
        }
    }
}

/// serde_json appends " at line L column C" to its messages; the error says it separately.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
