//! Markdown renderings of the reports, shared by the CLI and the web app's exports.

use crate::support::number::{Fixed, Shortest};
use std::fmt::Write;

use rust_decimal::Decimal;

use crate::case::Case;
use crate::estimate::EstimateReport;
use crate::maturity::MaturityReport;
use crate::process::{Applies, PlannedStage, StagePlan};
use crate::support::escape::{Md, csv_field};

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

/// 12345 as "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A quantity (tokens, not money) with thousands separators and no trailing zeros.
pub fn amount(d: Decimal) -> String {
    let text = d.normalize().to_string();
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (whole, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let grouped = whole
        .parse::<u64>()
        .map(thousands)
        .unwrap_or_else(|_| whole.to_string());
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Days as "45 days (6.4 weeks)".
pub fn days(d: f64) -> String {
    format!("{} days ({} weeks)", Fixed(d, 0), Fixed(d / 7.0, 1))
}

/// A stage's three-point days as the tables show them, or "-" for a skipped stage.
pub fn stage_days(s: &PlannedStage) -> String {
    match (s.applies, s.days) {
        (Applies::Skipped, _) | (_, None) => "-".to_string(),
        (_, Some(d)) => format!(
            "{} / {} / {}",
            Fixed(d.optimistic, 0),
            Fixed(d.most_likely, 0),
            Fixed(d.pessimistic, 0),
        ),
    }
}

/// The estimate's P50 / P80 / P90 table: effort (and PERT's when asked), development, delivery,
/// cost.
pub fn figures_table(out: &mut String, r: &EstimateReport, with_pert: bool) {
    let row = |out: &mut String, label: &str, [a, b, c]: [f64; 3]| {
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} |",
            Fixed(a, 0),
            Fixed(b, 0),
            Fixed(c, 0)
        );
    };
    let mc = &r.effort_hours.monte_carlo;
    let _ = writeln!(
        out,
        "| Figure | P50 | P80 | P90 |\n| --- | ---: | ---: | ---: |"
    );
    row(
        out,
        &format!(
            "Effort, hours (Monte Carlo, {} samples)",
            thousands(mc.samples.into())
        ),
        [mc.p50, mc.p80, mc.p90],
    );
    if with_pert {
        let p = &r.effort_hours.pert;
        row(out, "Effort, hours (PERT)", [p.p50, p.p80, p.p90]);
    }
    let d = &r.calendar_days.development;
    if r.plan.path.needs_estimate() {
        row(out, "Development, calendar days", [d.p50, d.p80, d.p90]);
    } else {
        let _ = writeln!(
            out,
            "| Development, calendar days | - | - | - (none on this path) |"
        );
    }
    let b = &r.calendar_days.build;
    row(
        out,
        "Development start to merge, calendar days",
        [b.p50, b.p80, b.p90],
    );
    let c = &r.calendar_days;
    row(out, "Delivery, calendar days", [c.p50, c.p80, c.p90]);
    let cost = &r.cost;
    let _ = writeln!(
        out,
        "| Cost, {} | {} | {} | {} |",
        cost.currency,
        money(cost.p50),
        money(cost.p80),
        money(cost.p90)
    );
}

pub fn maturity_markdown(case: &Case, r: &MaturityReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# API maturity: {}\n", Md(&case.exchange.name));
    let _ = writeln!(
        out,
        "**Score {} / 100, rank {}**\n",
        Fixed(r.score, 1),
        r.rank_label,
    );
    if !r.blockers.is_empty() {
        let names: Vec<&str> = r.blockers.iter().map(|b| b.label).collect();
        let _ = writeln!(out, "Blocked by: {}.\n", names.join(", "));
    }
    let _ = writeln!(out, "| section | weight | score |\n| --- | ---: | ---: |");
    for s in &r.sections {
        let _ = writeln!(
            out,
            "| {} | {}% | {} |",
            s.label,
            Fixed(s.weight, 1),
            Fixed(s.score, 1)
        );
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out, "\n## Findings\n");
        for f in &r.findings {
            let _ = writeln!(out, "- **{}** {}", f.severity, f.sentence);
        }
    }
    out
}

/// The outside view and the backtest's line, after the figures: the past builds of the case's
/// class beside its estimate.
pub fn outside_view(out: &mut String, r: &EstimateReport) {
    let rc = &r.reference_class;
    let past: Vec<String> = rc
        .connectors
        .iter()
        .map(|c| format!("{} {}", c.name, c.days))
        .collect();
    let _ = writeln!(
        out,
        "\n**The outside view.** {} The past {} took {}-{} days (P10-P90; median {}), this estimate {}-{} (P10-P90): {}.",
        rc.sentence,
        rc.class,
        Fixed(rc.p10, 0),
        Fixed(rc.p90, 0),
        crate::support::number::Shortest(rc.p50),
        Fixed(r.calendar_days.build.p10, 0),
        Fixed(r.calendar_days.build.p90, 0),
        past.join(", "),
    );
    let _ = writeln!(out, "\n{} {}", r.uncertainty.sentence(), r.calibration);
}

pub fn estimate_markdown(case: &Case, r: &EstimateReport) -> String {
    let mut out = String::new();
    let c = &r.cost;
    let _ = writeln!(out, "# Estimate: {}\n", Md(&case.exchange.name));
    figures_table(&mut out, r, true);
    let _ = writeln!(
        out,
        "\nProbability of delivering after 90 days: {}%. Cost: {} {}/hour plus {}% overhead. Reference: {}.",
        Fixed(r.p_over_90_days * 100.0, 0),
        c.currency,
        money(c.hourly_rate),
        c.overhead_pct,
        c.reference,
    );
    outside_view(&mut out, r);
    let _ = writeln!(
        out,
        "\n## Tasks (hours)\n\n| task | optimistic | most likely | pessimistic | mean | adjustments |\n| --- | ---: | ---: | ---: | ---: | --- |"
    );
    for t in &r.tasks {
        let adj: Vec<String> = t
            .adjustments
            .iter()
            .map(|a| format!("{} x{}", a.reason, Fixed(a.factor, 2)))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            Md(&t.label),
            Fixed(t.hours.optimistic, 1),
            Fixed(t.hours.most_likely, 1),
            Fixed(t.hours.pessimistic, 1),
            Fixed(t.mean, 1),
            adj.join("; "),
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
    let _ = writeln!(out, "# Stage plan: {}\n", Md(&case.exchange.name));
    let _ = writeln!(out, "Path: {} (`{}`).\n", plan.path_label, plan.path);
    let _ = writeln!(
        out,
        "| stage | applies | days (optimistic / most likely / pessimistic) | status | why |\n| --- | --- | --- | --- | --- |"
    );
    for s in &plan.stages {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            s.label,
            s.applies,
            stage_days(s),
            s.status,
            s.reason
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

pub fn evaluation_markdown(case: &Case, r: &crate::evaluate::EvaluationReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Maintainer candidates: {}\n",
        Md(&case.exchange.name)
    );
    let _ = writeln!(
        out,
        "Method: {}, {} normalization.\n",
        r.method.label(),
        r.normalization
    );
    let _ = writeln!(out, "| rank | candidate | score |\n| ---: | --- | ---: |");
    for c in &r.ranking {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            c.rank,
            Md(&c.name),
            Fixed(c.score, 3),
        );
    }
    let _ = writeln!(
        out,
        "\n| criterion | weight | winner stays from | to | nearest change |\n| --- | ---: | ---: | ---: | --- |"
    );
    for s in &r.sensitivity {
        let nearest = s
            .nearest
            .as_ref()
            .map(|c| format!("{} at {}", Md(&c.winner), Fixed(c.weight, 3)))
            .unwrap_or_else(|| "none".into());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {nearest} |",
            Md(&s.criterion),
            Fixed(s.weight, 3),
            Fixed(s.from, 3),
            Fixed(s.to, 3),
        );
    }
    if let Some(ahp) = &r.ahp {
        let _ = writeln!(
            out,
            "\nAHP: lambda max {}, CI {}, CR {} ({}).",
            Fixed(ahp.lambda_max, 3),
            Fixed(ahp.ci, 3),
            Fixed(ahp.cr, 3),
            if ahp.consistent {
                "consistent"
            } else {
                "inconsistent: CR above 0.10"
            },
        );
        for d in &ahp.disagreements {
            let _ = writeln!(
                out,
                "- {} vs {}: given {}, the weights imply {}",
                Md(&d.a),
                Md(&d.b),
                Fixed(d.given, 2),
                Fixed(d.implied, 2),
            );
        }
    }
    if !r.dominated.is_empty() {
        let _ = writeln!(
            out,
            "\nDominated (another candidate is at least as good on every criterion):\n"
        );
        for d in &r.dominated {
            let by: Vec<String> = d.by.iter().map(|b| Md(b).to_string()).collect();
            let _ = writeln!(out, "- {} by {}", Md(&d.name), by.join(", "));
        }
    }
    out
}

/// rank,name,score, then each criterion's value.
pub fn evaluation_csv(r: &crate::evaluate::EvaluationReport) -> String {
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

pub fn agreement_markdown(case: &Case, a: &crate::agreement::AgreementReport) -> String {
    let mut out = String::new();
    let c = &a.currency;
    let _ = writeln!(out, "# Agreement: {}\n", Md(&case.exchange.name));
    let _ = writeln!(
        out,
        "A {} agreement; the maintainer receives {}%, the Foundation the rest.\n",
        a.kind, a.developer_share_pct
    );
    let _ = writeln!(
        out,
        "| month | total ({c}) | maintainer | Foundation |\n| ---: | ---: | ---: | ---: |"
    );
    for m in &a.months {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            m.month,
            money(m.total),
            money(m.developer),
            money(m.foundation)
        );
    }
    let t = &a.totals;
    let _ = writeln!(
        out,
        "| **total** | **{}** | **{}** | **{}** |",
        money(t.total),
        money(t.developer),
        money(t.foundation)
    );
    if t.build_charge > Decimal::ZERO {
        let _ = writeln!(
            out,
            "\nBuild charge, from the exchange to the developer: {c} {}.",
            money(t.build_charge)
        );
    }
    if t.maintenance_fees > Decimal::ZERO {
        let _ = writeln!(
            out,
            "\nYear-2 maintenance fees: {c} {}.",
            money(t.maintenance_fees)
        );
    }
    if let Some(p) = &a.placement {
        let _ = writeln!(out, "\n{}", p.sentence);
    }
    out
}

/// month,volume,total,developer,foundation,maintenance_fee
pub fn agreement_csv(a: &crate::agreement::AgreementReport) -> String {
    let mut out = String::from("month,volume,total,developer,foundation,maintenance_fee\n");
    for m in &a.months {
        let volume = m.volume.map(|v| v.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{volume},{},{},{},{}",
            m.month, m.total, m.developer, m.foundation, m.maintenance_fee
        );
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

    #[test]
    fn amounts_and_counts_group_thousands() {
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(amount(Decimal::new(5_000_000, 2)), "50,000");
        assert_eq!(amount(Decimal::new(12_345_678, 4)), "1,234.5678");
    }
}
