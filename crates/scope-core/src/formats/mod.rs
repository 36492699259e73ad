//! The case's other written forms: share links (the payload, base64url and the limits) and the
//! candidates CSV.
//! May import: support, case, validate.

pub mod candidates_csv;
pub mod share;
