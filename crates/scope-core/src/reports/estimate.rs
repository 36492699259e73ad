//! The estimate report, and the parts of it the proposal shows too: the P50 / P80 / P90 table
//! and the outside view.

use crate::case::Case;
use crate::estimate::EstimateReport;
use crate::support::number::{Fixed, Shortest};
use crate::support::written::{money, thousands};

use super::{Document, Table, Text};

/// The estimate's P50 / P80 / P90 table: effort (and PERT's when asked), development, delivery,
/// cost.
pub fn figures_table(r: &EstimateReport, with_pert: bool) -> Table {
    let mut t = Table::new(&[
        ("Figure", false),
        ("P50", true),
        ("P80", true),
        ("P90", true),
    ]);
    let row = |t: &mut Table, label: String, [a, b, c]: [f64; 3]| {
        t.row([
            label,
            Fixed(a, 0).to_string(),
            Fixed(b, 0).to_string(),
            Fixed(c, 0).to_string(),
        ]);
    };
    let mc = &r.effort_hours.monte_carlo;
    row(
        &mut t,
        format!(
            "Effort, hours (Monte Carlo, {} samples)",
            thousands(mc.samples.into())
        ),
        [mc.p50, mc.p80, mc.p90],
    );
    if with_pert {
        let p = &r.effort_hours.pert;
        row(&mut t, "Effort, hours (PERT)".into(), [p.p50, p.p80, p.p90]);
    }
    let d = &r.calendar_days.development;
    if r.plan.path.needs_estimate() {
        row(
            &mut t,
            "Development, calendar days".into(),
            [d.p50, d.p80, d.p90],
        );
    } else {
        t.row([
            "Development, calendar days",
            "-",
            "-",
            "- (none on this path)",
        ]);
    }
    let b = &r.calendar_days.build;
    row(
        &mut t,
        "Development start to merge, calendar days".into(),
        [b.p50, b.p80, b.p90],
    );
    let c = &r.calendar_days;
    row(
        &mut t,
        "Delivery, calendar days".into(),
        [c.p50, c.p80, c.p90],
    );
    let cost = &r.cost;
    t.row([
        format!("Cost, {}", cost.currency),
        money(cost.p50),
        money(cost.p80),
        money(cost.p90),
    ]);
    t
}

/// The outside view and the backtest's line, after the figures: the past builds of the case's
/// class beside its estimate.
pub fn outside_view(d: &mut Document, r: &EstimateReport) {
    let rc = &r.reference_class;
    let past: Vec<String> = rc
        .connectors
        .iter()
        .map(|c| format!("{} {}", c.name, c.days))
        .collect();
    d.paragraph(Text::strong("The outside view.").then(format!(
        " {} The past {} took {}-{} days (P10-P90; median {}), this estimate {}-{} (P10-P90): {}.",
        rc.sentence,
        rc.class,
        Fixed(rc.p10, 0),
        Fixed(rc.p90, 0),
        Shortest(rc.p50),
        Fixed(r.calendar_days.build.p10, 0),
        Fixed(r.calendar_days.build.p90, 0),
        past.join(", "),
    )));
    d.paragraph(format!("{} {}", r.uncertainty.sentence(), r.calibration));
}

pub fn document(case: &Case, r: &EstimateReport) -> Document {
    let mut d = Document::default();
    let c = &r.cost;
    d.heading(1, format!("Estimate: {}", case.exchange.name));
    d.table(figures_table(r, true));
    d.paragraph(format!(
        "Probability of delivering after 90 days: {}%. Cost: {} {}/hour plus {}% overhead. Reference: {}.",
        Fixed(r.p_over_90_days * 100.0, 0),
        c.currency,
        money(c.hourly_rate),
        c.overhead_pct,
        c.reference,
    ));
    outside_view(&mut d, r);
    d.heading(2, "Tasks (hours)");
    let mut t = Table::new(&[
        ("task", false),
        ("optimistic", true),
        ("most likely", true),
        ("pessimistic", true),
        ("mean", true),
        ("adjustments", false),
    ]);
    for task in &r.tasks {
        let adjustments: Vec<String> = task
            .adjustments
            .iter()
            .map(|a| format!("{} x{}", a.reason, Fixed(a.factor, 2)))
            .collect();
        t.row([
            task.label.clone(),
            Fixed(task.hours.optimistic, 1).to_string(),
            Fixed(task.hours.most_likely, 1).to_string(),
            Fixed(task.hours.pessimistic, 1).to_string(),
            Fixed(task.mean, 1).to_string(),
            adjustments.join("; "),
        ]);
    }
    d.table(t);
    constraints(&mut d, r);
    d
}

/// The constraints, under their heading, when there are any.
pub fn constraints(d: &mut Document, r: &EstimateReport) {
    if !r.constraints.is_empty() {
        d.heading(2, "Constraints");
        d.list(r.constraints.iter().map(String::as_str));
    }
}
