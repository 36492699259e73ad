//! Markdown renderings of the reports, shared by the CLI and the web app's exports.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::case::Case;
use crate::estimate::EstimateReport;
use crate::maturity::MaturityReport;
use crate::process::{Applies, StagePlan};

/// `1234567.5` as `1,234,567.50`.
pub fn money(amount: Decimal) -> String {
    let text = format!("{:.2}", amount.round_dp(2));
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{cents}")
}

/// Days as "45 days (6.4 weeks)".
pub fn days(d: f64) -> String {
    format!("{d:.0} days ({:.1} weeks)", d / 7.0)
}

pub fn maturity_markdown(case: &Case, r: &MaturityReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# API maturity: {}\n", case.exchange.name);
    let _ = writeln!(
        out,
        "**Score {:.1} / 100, rank {}**\n",
        r.score, r.rank_label
    );
    if !r.blockers.is_empty() {
        let names: Vec<&str> = r.blockers.iter().map(|b| b.label).collect();
        let _ = writeln!(out, "Blocked by: {}.\n", names.join(", "));
    }
    let _ = writeln!(out, "| section | weight | score |\n| --- | ---: | ---: |");
    for s in &r.sections {
        let _ = writeln!(out, "| {} | {:.1}% | {:.1} |", s.label, s.weight, s.score);
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out, "\n## Findings\n");
        for f in &r.findings {
            let _ = writeln!(out, "- **{}** {}", f.severity, f.sentence);
        }
    }
    out
}

pub fn estimate_markdown(case: &Case, r: &EstimateReport) -> String {
    let mut out = String::new();
    let e = &r.effort_hours;
    let c = &r.cost;
    let _ = writeln!(out, "# Estimate: {}\n", case.exchange.name);
    let _ = writeln!(out, "| | P50 | P80 | P90 |\n| --- | ---: | ---: | ---: |");
    let _ = writeln!(
        out,
        "| Effort, hours (Monte Carlo, {} samples) | {:.0} | {:.0} | {:.0} |",
        e.monte_carlo.samples, e.monte_carlo.p50, e.monte_carlo.p80, e.monte_carlo.p90
    );
    let _ = writeln!(
        out,
        "| Effort, hours (PERT) | {:.0} | {:.0} | {:.0} |",
        e.pert.p50, e.pert.p80, e.pert.p90
    );
    let d = &r.calendar_days.development;
    let _ = writeln!(
        out,
        "| Development, calendar days | {:.0} | {:.0} | {:.0} |",
        d.p50, d.p80, d.p90
    );
    let cd = &r.calendar_days;
    let _ = writeln!(
        out,
        "| Delivery, calendar days | {:.0} | {:.0} | {:.0} |",
        cd.p50, cd.p80, cd.p90
    );
    let _ = writeln!(
        out,
        "| Cost, {} | {} | {} | {} |",
        c.currency,
        money(c.p50),
        money(c.p80),
        money(c.p90)
    );
    let _ = writeln!(
        out,
        "\nProbability of delivering after 90 days: {:.0}%. Cost: {} {}/hour plus {}% overhead. Reference: {}.",
        r.p_over_90_days * 100.0,
        c.currency,
        money(c.hourly_rate),
        c.overhead_pct,
        c.reference
    );
    let _ = writeln!(
        out,
        "\n## Tasks (hours)\n\n| task | optimistic | most likely | pessimistic | mean | adjustments |\n| --- | ---: | ---: | ---: | ---: | --- |"
    );
    for t in &r.tasks {
        let adj: Vec<String> = t
            .adjustments
            .iter()
            .map(|a| format!("{} x{:.2}", a.reason, a.factor))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
            t.label,
            t.hours.optimistic,
            t.hours.most_likely,
            t.hours.pessimistic,
            t.mean,
            adj.join("; ")
        );
    }
    if !r.constraints.is_empty() {
        let _ = writeln!(out, "\n## Constraints\n");
        for c in &r.constraints {
            let _ = writeln!(out, "- {c}");
        }
    }
    out
}

pub fn plan_markdown(case: &Case, plan: &StagePlan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Stage plan: {}\n", case.exchange.name);
    let _ = writeln!(out, "Path: {} (`{}`).\n", plan.path_label, plan.path);
    let _ = writeln!(
        out,
        "| stage | applies | days (optimistic / most likely / pessimistic) | status | why |\n| --- | --- | --- | --- | --- |"
    );
    for s in &plan.stages {
        let days = match (s.applies, s.days) {
            (Applies::Skipped, _) | (_, None) => "-".to_string(),
            (_, Some(d)) => format!(
                "{:.0} / {:.0} / {:.0}",
                d.optimistic, d.most_likely, d.pessimistic
            ),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            s.label, s.applies, days, s.status, s.reason
        );
    }
    let _ = writeln!(
        out,
        "\nDelivery (maintainer assignment to merge), PERT mean: {}.",
        days(plan.delivery_days_mean)
    );
    if let Some(next) = plan.next_stage {
        let _ = writeln!(out, "Next: {}.", next.label());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(Decimal::new(123456750, 2)), "1,234,567.50");
        assert_eq!(money(Decimal::new(-100000, 2)), "-1,000.00");
        assert_eq!(money(Decimal::ZERO), "0.00");
        assert_eq!(money(Decimal::new(999, 0)), "999.00");
    }
}
