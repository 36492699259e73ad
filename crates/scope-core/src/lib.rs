//! scope-core: every rule and every number of the Hummingbot connector process.
//!
//! Pure: no I/O, no clock, no OS entropy, nothing of the web. The browser app (scope-web) and the
//! command line (scope-cli) both call this crate, so the same case file gives the same figures
//! everywhere.
//!
//! The modules are layers; each imports only those before it in this list (a test,
//! `tests/layers.rs`, holds them to it, reading the `May import:` line of each `mod.rs`):
//!
//! - [`support`]: numbers, dates, money, the small collections and the JSON reader; no domain.
//! - [`case`]: the case file: its types, errors, defaults, reader and JSON Schema.
//! - [`process`]: the engagement paths, the nine stages and the stage plan.
//! - [`maturity`]: the API-maturity questionnaire and ranking.
//! - [`prefill`]: answers proposed from evidence: API documents (read by scope-scan) and CCXT.
//! - [`agreement`]: the fee share, the maintainer's and the Foundation's parts.
//! - [`evaluate`]: the maintainer evaluator (criteria, AHP, weighted sum and TOPSIS).
//! - [`estimate`]: the work breakdown, the record of real builds, the simulation, calendar, cost.
//! - [`validate`]: the rules across a case (reading with `Case::from_json`), and what a command
//!   needs.
//! - [`formats`]: share links and the candidates CSV.
//! - [`workbench`]: the editing session, the stored workspace and the reducer over both.
//! - [`reports`]: the reports and the proposal, as Markdown and CSV.
//! - [`backtest`]: the fit and the leave-one-out backtest (run natively, never by the web app).

pub mod support;

pub mod case;

pub mod agreement;
pub mod evaluate;
pub mod maturity;
pub mod prefill;
pub mod process;

pub mod estimate;

pub mod validate;

pub mod formats;

pub mod workbench;

pub mod reports;

pub mod backtest;

pub use case::{Case, CaseError, FieldError};
pub use estimate::{EstimateReport, estimate};
pub use maturity::{MaturityReport, Rank, rank};
pub use process::{StagePlan, plan};
