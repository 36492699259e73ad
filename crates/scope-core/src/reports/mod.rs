//! The reports: each tool's figures and the proposal to the exchange, written as Markdown and CSV.
//! May import: support, case, process, maturity, agreement, evaluate, estimate.

pub mod markdown;
pub mod proposal;
pub mod report;
