//! The reports: each tool's figures and the proposal to the exchange, built once as typed blocks
//! (`Document`) and written from them as Markdown, with the CSV exports beside them.
//! May import: support, case, process, maturity, agreement, evaluate, estimate, prefill.

pub mod agreement;
pub mod document;
pub mod estimate;
pub mod evaluation;
pub mod maturity;
pub mod plan;
pub mod prefill;
pub mod proposal;

pub use document::{Block, Document, Inline, Table, Text};

use crate::process::{Applies, PlannedStage};
use crate::support::number::Fixed;

/// Days as "45 days (6.4 weeks)": the weeks of the whole days shown, so that a reader who
/// divides by 7 finds them.
pub fn days(d: f64) -> String {
    let whole = d.round();
    format!("{} days ({} weeks)", Fixed(whole, 0), Fixed(whole / 7.0, 1))
}

/// A stage's three-point days as the tables show them, or "-" for a skipped stage.
pub fn stage_days(s: &PlannedStage) -> String {
    match (s.applies, s.days) {
        (Applies::Skipped, _) | (_, None) => "-".to_string(),
        (_, Some(d)) => format!(
            "{} / {} / {}",
            Fixed(d.optimistic, 0),
            Fixed(d.most_likely, 0),
            Fixed(d.pessimistic, 0),
        ),
    }
}
