//! Proposed answers as a reviewer reads them: each item with its proposal and evidence, the
//! documents read, and what no source showed.

use crate::maturity::rubric::ITEMS;
use crate::prefill::Prefill;

use super::{Document, Table, Text};

pub fn document(p: &Prefill) -> Document {
    let mut d = Document::default();
    d.heading(1, "Proposed questionnaire answers");
    if !p.documents.is_empty() {
        d.list(p.documents.iter().map(|doc| {
            let what = match &doc.problem {
                Some(problem) if doc.format.is_empty() => format!(": not read, {problem}"),
                Some(problem) => format!(
                    ": {} ({} operations, {} channels); {problem}",
                    doc.format, doc.operations, doc.channels
                ),
                None => format!(
                    ": {} \"{}\" ({} operations, {} channels)",
                    doc.format, doc.title, doc.operations, doc.channels
                ),
            };
            Text::strong(doc.name.clone()).then(what)
        }));
    }
    let mut t = Table::new(&[("item", false), ("proposed", false), ("evidence", false)]);
    for item in ITEMS {
        let Some(answer) = p.answers.get(item.id) else {
            continue;
        };
        let evidence: Vec<String> = p
            .evidence
            .get(item.id)
            .map(|list| {
                list.iter()
                    .map(|e| format!("{}: {} ({})", e.source, e.location, e.why))
                    .collect()
            })
            .unwrap_or_default();
        t.row([
            item.label.to_string(),
            answer.label().to_string(),
            evidence.join("; "),
        ]);
    }
    d.table(t);
    if !p.not_found.is_empty() {
        let labels: Vec<&str> = p
            .not_found
            .iter()
            .map(|id| crate::maturity::rubric::item(id).map_or(id.as_str(), |i| i.label))
            .collect();
        d.paragraph(format!(
            "Not found, left unanswered: {}.",
            labels.join(", ")
        ));
    }
    d
}
