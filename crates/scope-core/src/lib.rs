//! scope-core: every rule and every number of the Hummingbot connector process.
//!
//! Pure: no I/O, no clock, no OS entropy, nothing of the web. The browser app (scope-web) and the
//! command line (scope-cli) both call this crate, so the same case file gives the same figures
//! everywhere.
//!
//! - [`case`]: the case file, its validation and its JSON Schema.
//! - [`process`]: the engagement paths, the nine stages and the stage plan.
//! - [`rubric`] and [`maturity`]: the API-maturity questionnaire and ranking.
//! - [`breakdown`] and [`estimate`]: the work breakdown, the simulation, calendar, cost.
//! - [`criteria`], [`ahp`] and [`evaluate`]: the maintainer evaluator.
//! - [`agreement`]: the fee share, the maintainer's and the Foundation's parts.
//! - [`proposal`]: the proposal to the exchange and the public announcement.
//! - [`report`]: Markdown renderings of the reports.

mod text_enum;

pub mod agreement;
pub mod ahp;
pub mod backtest;
pub mod breakdown;
pub mod candidates_csv;
pub mod case;
mod case_read;
pub mod connectors;
pub mod criteria;
pub mod date;
pub mod escape;
pub mod estimate;
pub mod evaluate;
pub mod fingerprint;
pub mod markdown;
pub mod maturity;
pub mod money;
pub mod needs;
pub mod number;
mod order;
mod pretty;
pub mod process;
pub mod proposal;
mod read;
pub mod record;
pub mod report;
pub mod rubric;
pub mod sampling;
pub mod session;
mod session_agreement;
mod session_candidates;
pub mod share;
pub mod sorted_map;
pub mod stats;
pub mod three_point;
pub mod uncertainty;
pub mod workbench;
pub mod workspace;

pub use case::{Case, CaseError, FieldError};
pub use estimate::{EstimateReport, estimate};
pub use maturity::{MaturityReport, Rank, rank};
pub use process::StagePlan;

/// The stage plan of a case, with the published development duration.
pub fn plan(case: &Case) -> StagePlan {
    StagePlan::new(case.path, case.governance_era, &[], |s| {
        case.stage_status(s)
    })
}
