//! The stage plan report.

use crate::case::Case;
use crate::process::StagePlan;

use super::{Document, Table, Text, days, stage_days};

pub fn document(case: &Case, plan: &StagePlan) -> Document {
    let mut d = Document::default();
    d.heading(1, format!("Stage plan: {}", case.exchange.name));
    d.paragraph(
        Text::from(format!("Path: {} (", plan.path_label))
            .code(plan.path.as_str())
            .then(")."),
    );
    let mut t = Table::new(&[
        ("stage", false),
        ("applies", false),
        ("days (optimistic / most likely / pessimistic)", false),
        ("status", false),
        ("why", false),
    ]);
    for s in &plan.stages {
        t.row([
            s.label.to_string(),
            s.applies.to_string(),
            stage_days(s),
            s.status.label().to_string(),
            s.reason.to_string(),
        ]);
    }
    d.table(t);
    d.paragraph(format!(
        "Delivery (maintainer assignment to merge), PERT mean: {}.",
        days(plan.delivery_days_mean)
    ));
    if let Some(next) = plan.next_stage {
        d.paragraph(format!("Next: {}.", next.label()));
    }
    d
}
