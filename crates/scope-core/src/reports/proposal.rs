//! The proposal to the exchange ("presentation to exchange on connector", scoping 2.b.2.5) and
//! the public announcement of a maintainer selection (stage 4: "the developer - maintainer
//! selection will be made public as well as developer compensation").

use rust_decimal::Decimal;

use crate::agreement::{self, AgreementReport};
use crate::case::{AgreementKind, Build, Case, CriterionKind, ExchangeKind, Market};
use crate::estimate::EstimateReport;
use crate::evaluate::EvaluationReport;
use crate::process::Applies;
use crate::support::number::Fixed;
use crate::support::written::{amount, money, thousands};

use super::estimate::{constraints, figures_table, outside_view};
use super::{Document, Table, Text, days, stage_days};

fn market_label(m: Market) -> &'static str {
    match m {
        Market::Spot => "spot",
        Market::Perpetual => "perpetual",
        Market::Both => "spot and perpetual",
    }
}

/// "a new spot connector", "a modification of the existing kucoin connector (spot)".
fn connector_phrase(case: &Case) -> String {
    let market = market_label(case.connector.market);
    match case.connector.build {
        Build::New => format!("a new {market} connector"),
        Build::Modification => format!(
            "a modification of the existing {} connector ({market})",
            case.connector
                .base_connector
                .as_deref()
                .unwrap_or("Hummingbot")
        ),
    }
}

/// The selected candidate: the case's choice, or the ranking's winner.
pub fn selected(case: &Case, evaluation: &EvaluationReport) -> Option<String> {
    case.selected_candidate
        .clone()
        .or_else(|| evaluation.winner().map(|w| w.name.clone()))
}

/// The whole proposal. Parts the case cannot fill yet say what is missing.
pub fn proposal(case: &Case) -> Document {
    let maturity = crate::maturity::rank(case);
    let estimate = crate::estimate::estimate(case);
    let plan = match &estimate {
        Ok(e) => e.plan.clone(),
        Err(_) => crate::process::plan(case),
    };
    let evaluation = crate::evaluate::evaluate(case).ok();
    let agreement = case
        .agreement
        .as_ref()
        .map(|a| agreement::project(a, &case.estimate.currency));
    let currency = &case.estimate.currency;
    let name = &case.exchange.name;

    let mut d = Document::default();
    d.heading(1, format!("Connector proposal: {name}"));
    d.paragraph(format!(
        "{} for {name}{}, prepared by the Hummingbot Foundation{}.",
        capitalized(&connector_phrase(case)),
        match case.exchange.kind {
            ExchangeKind::Dex => " (decentralised exchange)",
            ExchangeKind::Cex => "",
        },
        case.as_of.map(|d| format!(" on {d}")).unwrap_or_default()
    ));

    d.heading(2, "Summary");
    let fact = |label: &str, text: String| Text::strong(label).then(format!(" {text}"));
    let mut summary = vec![
        fact("Engagement path:", format!("{}.", plan.path_label)),
        fact(
            "API maturity:",
            format!(
                "rank {} (score {} / 100).",
                maturity.rank_label,
                Fixed(maturity.score, 1)
            ),
        ),
    ];
    match &estimate {
        Ok(e) => {
            summary.push(fact(
                "Delivery:",
                format!(
                    "{} at P50, {} at P80, from maintainer assignment to merge; {}% risk of exceeding the Foundation's 90-day delivery guarantee.",
                    days(e.calendar_days.p50),
                    days(e.calendar_days.p80),
                    Fixed(e.p_over_90_days * 100.0, 0),
                ),
            ));
            summary.push(fact(
                "Build cost:",
                format!(
                    "{currency} {} at P50, {currency} {} at P80, {currency} {} at P90.",
                    money(e.cost.p50),
                    money(e.cost.p80),
                    money(e.cost.p90)
                ),
            ));
        }
        Err(err) => summary.push(fact(
            "Delivery and cost:",
            format!("not estimated yet ({err})."),
        )),
    }
    if let Some(ev) = &evaluation
        && let Some(who) = selected(case, ev)
    {
        summary.push(fact("Maintainer:", format!("{who}.")));
    }
    if let Some(a) = &agreement {
        summary.push(fact(
            "Agreement:",
            format!("{}.", agreement_summary(case, a)),
        ));
    }
    d.list(summary);

    d.heading(2, "Stages and timeline");
    let mut stages = Table::new(&[
        ("stage", false),
        ("applies", false),
        (
            "calendar days (optimistic / most likely / pessimistic)",
            false,
        ),
        ("status", false),
    ]);
    for s in &plan.stages {
        stages.row([
            s.label.to_string(),
            s.applies.to_string(),
            stage_days(s),
            s.status.label().to_string(),
        ]);
    }
    d.table(stages);
    let skipped: Vec<String> = plan
        .stages
        .iter()
        .filter(|s| s.applies == Applies::Skipped)
        .map(|s| format!("{}: {}", s.label, s.reason))
        .collect();
    if !skipped.is_empty() {
        d.paragraph("Not needed on this path:");
        d.list(skipped);
    }

    d.heading(2, "API maturity");
    d.paragraph(format!(
        "Score {} / 100, rank {}.",
        Fixed(maturity.score, 1),
        maturity.rank_label,
    ));
    if !maturity.blockers.is_empty() {
        let names: Vec<&str> = maturity.blockers.iter().map(|b| b.label).collect();
        d.paragraph(
            Text::strong("Blocked")
                .then(format!(" until the exchange offers: {}.", names.join(", "))),
        );
    }
    let mut sections = Table::new(&[("section", false), ("score", true)]);
    for s in &maturity.sections {
        sections.row([s.label.to_string(), Fixed(s.score, 0).to_string()]);
    }
    d.table(sections);
    super::maturity::answer_sources(&mut d, case);
    if !maturity.findings.is_empty() {
        d.paragraph("What the documentation gaps will cost:");
        d.list(
            maturity
                .findings
                .iter()
                .take(6)
                .map(|f| f.sentence.as_str()),
        );
    }

    if let Ok(e) = &estimate {
        estimate_section(&mut d, e, currency);
    }

    if let Some(ev) = &evaluation {
        d.heading(2, "Maintainer");
        if let Some(who) = selected(case, ev) {
            d.paragraph(
                Text::from("Proposed maintainer: ")
                    .then_strong(who)
                    .then("."),
            );
        }
        ranking(&mut d, ev, 5);
    }

    if let Some(a) = &agreement {
        agreement_section(&mut d, case, a);
    }

    d.heading(2, "Next step");
    match plan
        .next_stage
        .and_then(|id| plan.stages.iter().find(|s| s.id == id))
    {
        Some(s) => d.paragraph(format!("{}: {}", s.label, s.reason)),
        None => d.paragraph("Every stage is done: the connector is merged."),
    }
    d
}

fn estimate_section(d: &mut Document, e: &EstimateReport, currency: &str) {
    let mc = &e.effort_hours.monte_carlo;
    d.heading(2, "Effort, duration and cost");
    d.table(figures_table(e, false));
    d.paragraph(format!(
        "P80 means 4 in 5 simulated projects finish at or under that figure ({} Monte Carlo samples of the work breakdown). The cost is the effort at {currency} {} an hour plus {}% for the Foundation's project management and QA. For reference: {}.",
        thousands(mc.samples.into()),
        money(e.cost.hourly_rate),
        e.cost.overhead_pct.normalize(),
        e.cost.reference
    ));
    outside_view(d, e);
    constraints(d, e);
}

fn ranking(d: &mut Document, ev: &EvaluationReport, limit: usize) {
    let mut t = Table::new(&[("rank", true), ("candidate", false), ("score", true)]);
    for r in ev.ranking.iter().take(limit) {
        t.row([
            r.rank.to_string(),
            r.name.clone(),
            Fixed(r.score, 3).to_string(),
        ]);
    }
    d.table(t);
    if ev.ranking.len() > limit {
        d.paragraph(format!("({} more candidates.)", ev.ranking.len() - limit));
    }
    let weights: Vec<String> = ev
        .criteria
        .iter()
        .zip(&ev.weights.0)
        .map(|(c, (_, w))| format!("{} {}%", c.label(), Fixed(w * 100.0, 0)))
        .collect();
    d.paragraph(format!(
        "Method: {}, {} normalization. Weights: {}.",
        ev.method.label(),
        ev.normalization,
        weights.join(", ")
    ));
    if let Some(ahp) = &ev.ahp {
        d.paragraph(format!(
            "Weights from AHP pairwise comparisons: consistency ratio {} ({}).",
            Fixed(ahp.cr, 3),
            if ahp.consistent {
                "consistent"
            } else {
                "above 0.10: revisit the comparisons"
            },
        ));
    }
}

fn agreement_summary(case: &Case, a: &AgreementReport) -> String {
    let currency = &a.currency;
    match (a.kind, case.agreement.as_ref()) {
        (AgreementKind::Variable, Some(spec)) => format!(
            "{}% of trading fees to the Foundation, of which the maintainer receives {}%",
            spec.share_pct.unwrap_or_default().normalize(),
            a.developer_share_pct
        ),
        (AgreementKind::Fixed, Some(spec)) => format!(
            "{currency} {} a month, of which the maintainer receives {}%",
            money(spec.fixed_monthly.unwrap_or_default()),
            a.developer_share_pct
        ),
        _ => String::new(),
    }
}

fn agreement_section(d: &mut Document, case: &Case, a: &AgreementReport) {
    let currency = &a.currency;
    let n = a.months.len();
    d.heading(2, "Agreement and compensation");
    d.paragraph(format!("{}.", agreement_summary(case, a)));
    let mut totals = format!(
        "Over {n} months: {currency} {} in all, {currency} {} to the maintainer for ongoing maintenance (as long as maintenance is performing well) and {currency} {} to the Foundation for sustainment.",
        money(a.totals.total),
        money(a.totals.developer),
        money(a.totals.foundation)
    );
    if a.totals.build_charge > Decimal::ZERO {
        totals += &format!(
            " The build charge of {currency} {} goes from the exchange to the developer.",
            money(a.totals.build_charge)
        );
    }
    if a.totals.maintenance_fees > Decimal::ZERO {
        totals += &format!(
            " Year-2 maintenance fees: {currency} {}.",
            money(a.totals.maintenance_fees)
        );
    }
    d.paragraph(totals);
    if let Some(p) = &a.placement {
        d.paragraph(format!(
            "Compared with the agreements the Foundation published: {}",
            p.sentence
        ));
    }
    if let Some(i) = &a.incentives {
        let token = i
            .exchange_token_symbol
            .as_deref()
            .unwrap_or("exchange tokens");
        d.paragraph(format!(
            "Incentive plan: {} HBOT and {} {token} for the first {} users ({} HBOT and {} {token} each).",
            amount(i.hbot),
            amount(i.exchange_token),
            thousands(i.first_users.into()),
            amount(i.hbot_per_user),
            amount(i.exchange_token_per_user)
        ));
    }
}

/// The public announcement of a maintainer selection: winner, scores, weights, compensation.
pub fn announcement(case: &Case, ev: &EvaluationReport) -> Document {
    let mut d = Document::default();
    let name = &case.exchange.name;
    let who = selected(case, ev).unwrap_or_default();
    d.heading(1, format!("Maintainer selection: the {name} connector"));
    d.paragraph(
        Text::from("The Hummingbot Foundation has selected ")
            .then_strong(who.as_str())
            .then(format!(
                " to build and maintain the {name} connector: {}.",
                connector_phrase(case)
            )),
    );
    if case.selected_candidate.is_some() && ev.winner().is_some_and(|w| w.name != who) {
        d.paragraph(
            "The selection differs from the top score; the Foundation states its reasons separately.",
        );
    }
    d.heading(2, "How the candidates were compared");
    let mut t = Table::new(&[("criterion", false), ("more is", false), ("weight", true)]);
    for (c, (_, w)) in ev.criteria.iter().zip(&ev.weights.0) {
        let better = match c.kind {
            CriterionKind::Benefit => "better",
            CriterionKind::Cost => "worse",
        };
        t.row([
            c.label().to_string(),
            better.to_string(),
            format!("{}%", Fixed(w * 100.0, 1)),
        ]);
    }
    d.table(t);
    d.heading(2, "Scores");
    ranking(&mut d, ev, usize::MAX);
    if let Some(a) = case
        .agreement
        .as_ref()
        .map(|a| agreement::project(a, &case.estimate.currency))
    {
        d.heading(2, "Compensation");
        let currency = &a.currency;
        let mut items = Vec::new();
        if a.totals.build_charge > Decimal::ZERO {
            items.push(format!(
                "Build: {currency} {}, paid by the exchange to the developer.",
                money(a.totals.build_charge)
            ));
        }
        items.push(format!(
            "Maintenance: {}% of the {} agreement, projected at {currency} {} over {} months, as long as maintenance is performing well.",
            a.developer_share_pct,
            a.kind,
            money(a.totals.developer),
            a.months.len()
        ));
        d.list(items);
    }
    d
}

/// The phrases capitalized here are the app's own, in ASCII: ASCII case keeps the Unicode case
/// tables (24 KB) out of the web bundle.
fn capitalized(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
