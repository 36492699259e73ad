//! The API-maturity report.

use crate::case::Case;
use crate::maturity::MaturityReport;
use crate::support::number::Fixed;

use super::{Document, Table, Text};

pub fn document(case: &Case, r: &MaturityReport) -> Document {
    let mut d = Document::default();
    d.heading(1, format!("API maturity: {}", case.exchange.name));
    d.paragraph(Text::strong(format!(
        "Score {} / 100, rank {}",
        Fixed(r.score, 1),
        r.rank_label
    )));
    if !r.blockers.is_empty() {
        let names: Vec<&str> = r.blockers.iter().map(|b| b.label).collect();
        d.paragraph(format!("Blocked by: {}.", names.join(", ")));
    }
    let mut t = Table::new(&[("section", false), ("weight", true), ("score", true)]);
    for s in &r.sections {
        t.row([
            s.label.to_string(),
            format!("{}%", Fixed(s.weight, 1)),
            Fixed(s.score, 1).to_string(),
        ]);
    }
    d.table(t);
    if !r.findings.is_empty() {
        d.heading(2, "Findings");
        d.list(
            r.findings
                .iter()
                .map(|f| Text::strong(f.severity.to_string()).then(format!(" {}", f.sentence))),
        );
    }
    d
}
