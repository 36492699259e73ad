//! The maintainer evaluation's report and its CSV.

use std::fmt::Write;

use crate::case::Case;
use crate::evaluate::EvaluationReport;
use crate::support::escape::csv_field;
use crate::support::number::{Fixed, Shortest};

use super::{Document, Table};

pub fn document(case: &Case, r: &EvaluationReport) -> Document {
    let mut d = Document::default();
    d.heading(1, format!("Maintainer candidates: {}", case.exchange.name));
    d.paragraph(format!(
        "Method: {}, {} normalization.",
        r.method.label(),
        r.normalization
    ));
    let mut ranking = Table::new(&[("rank", true), ("candidate", false), ("score", true)]);
    for c in &r.ranking {
        ranking.row([
            c.rank.to_string(),
            c.name.clone(),
            Fixed(c.score, 3).to_string(),
        ]);
    }
    d.table(ranking);
    let mut sensitivity = Table::new(&[
        ("criterion", false),
        ("weight", true),
        ("winner stays from", true),
        ("to", true),
        ("nearest change", false),
    ]);
    for s in &r.sensitivity {
        let nearest = s
            .nearest
            .as_ref()
            .map(|c| format!("{} at {}", c.winner, Fixed(c.weight, 3)))
            .unwrap_or_else(|| "none".into());
        sensitivity.row([
            r.label_of(&s.criterion).to_string(),
            Fixed(s.weight, 3).to_string(),
            Fixed(s.from, 3).to_string(),
            Fixed(s.to, 3).to_string(),
            nearest,
        ]);
    }
    d.table(sensitivity);
    if let Some(ahp) = &r.ahp {
        d.paragraph(format!(
            "AHP: lambda max {}, CI {}, CR {} ({}).",
            Fixed(ahp.lambda_max, 3),
            Fixed(ahp.ci, 3),
            Fixed(ahp.cr, 3),
            if ahp.consistent {
                "consistent"
            } else {
                "inconsistent: CR above 0.10"
            },
        ));
        d.list(ahp.disagreements.iter().map(|g| {
            format!(
                "{} vs {}: given {}, the weights imply {}",
                r.label_of(&g.a),
                r.label_of(&g.b),
                crate::evaluate::ahp::written(g.given),
                Fixed(g.implied, 2),
            )
        }));
    }
    if !r.dominated.is_empty() {
        d.paragraph("Dominated (another candidate is at least as good on every criterion):");
        d.list(
            r.dominated
                .iter()
                .map(|g| format!("{} by {}", g.name, g.by.join(", "))),
        );
    }
    d
}

/// rank,name,score, then each criterion's value.
pub fn csv(r: &EvaluationReport) -> String {
    let mut out = String::from("rank,name,score");
    for c in &r.criteria {
        out.push(',');
        out.push_str(&csv_field(&c.id));
    }
    out.push('\n');
    for ranked in &r.ranking {
        let _ = write!(
            out,
            "{},{},{}",
            ranked.rank,
            csv_field(&ranked.name),
            Shortest(ranked.score)
        );
        if let Some(c) = r.contributions.iter().find(|c| c.name == ranked.name) {
            for v in &c.criteria {
                let _ = write!(out, ",{}", Shortest(v.value));
            }
        }
        out.push('\n');
    }
    out
}
