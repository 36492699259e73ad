//! One file per component.

mod agreement_tool;
mod api_documents;
mod banners;
mod board;
mod candidates;
mod case_bar;
mod case_checks;
mod ccxt_start;
mod estimate_tool;
mod field;
mod files_panel;
mod histogram;
mod maturity_tool;
mod outside_view;
mod process_tool;
mod proposal_view;
mod s_curve;
mod site_footer;
mod site_header;
mod stage_timeline;
mod tool_nav;
mod weight_interval;

pub use agreement_tool::{AgreementTool, AgreementToolProps};
pub use api_documents::{ApiDocuments, ApiDocumentsProps};
pub use banners::{notice_banner, recovered_banner};
pub use board::{Board, BoardProps};
pub use candidates::{CandidatesTool, CandidatesToolProps};
pub use case_bar::{CaseBar, CaseBarProps};
pub use case_checks::{CaseChecks, CaseChecksProps};
pub use ccxt_start::{CcxtStart, CcxtStartProps};
pub use estimate_tool::{EstimateTool, EstimateToolProps};
pub use field::{Choice, SelectInput, TextInput};
pub use files_panel::{FilesPanel, FilesPanelProps};
pub use histogram::{Histogram, HistogramProps};
pub use maturity_tool::{MaturitySummary, MaturityTool, MaturityToolProps};
pub use outside_view::{OutsideView, OutsideViewProps};
pub use process_tool::{ProcessTool, ProcessToolProps};
pub use proposal_view::{ProposalView, ProposalViewProps};
pub use s_curve::{SCurve, SCurveProps};
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use stage_timeline::{StageTimeline, StageTimelineProps};
pub use tool_nav::{ToolNav, ToolNavProps};
pub use weight_interval::{WeightInterval, WeightIntervalProps};

/// A class attribute of a base class and an optional modifier: `class("field", invalid.then_some
/// ("invalid"))`. Used instead of yew's `classes!`, which builds an `IndexSet` for every element
/// and brought hashing and index maps into the bundle for two-word class lists.
pub fn class(base: &'static str, modifier: Option<&'static str>) -> yew::AttrValue {
    match modifier {
        None => yew::AttrValue::Static(base),
        Some(m) => yew::AttrValue::from(format!("{base} {m}")),
    }
}
