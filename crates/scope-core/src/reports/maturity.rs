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
    answer_sources(&mut d, case);
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

/// Which answers came from which document or CCXT release, and how many are the exchange's own;
/// nothing when every answer is the user's.
pub(crate) fn answer_sources(d: &mut Document, case: &Case) {
    if case.api_sources.is_empty() {
        return;
    }
    let mut by_source: Vec<(&str, Vec<&str>)> = Vec::new();
    // In the questionnaire's order.
    let sourced = crate::maturity::rubric::ITEMS
        .iter()
        .filter_map(|i| case.api_sources.get(i.id).map(|s| (i.label, s)));
    for (label, source) in sourced {
        match by_source.iter_mut().find(|(s, _)| s == source) {
            Some((_, items)) => items.push(label),
            None => by_source.push((source, vec![label])),
        }
    }
    d.paragraph("Where the answers came from:");
    let own = case.api.len().saturating_sub(case.api_sources.len());
    let mut lines: Vec<Text> = by_source
        .into_iter()
        .map(|(source, items)| {
            Text::strong(source.to_string()).then(format!(
                " ({} {}): {}.",
                items.len(),
                if items.len() == 1 {
                    "answer"
                } else {
                    "answers"
                },
                items.join(", ")
            ))
        })
        .collect();
    if own > 0 {
        lines.push(Text::from(format!(
            "Given by hand: {own} {}.",
            if own == 1 { "answer" } else { "answers" }
        )));
    }
    d.list(lines);
}
