//! The proposal to the exchange ("presentation to exchange on connector", scoping 2.b.2.5) and
//! the public announcement of a maintainer selection (stage 4: "the developer - maintainer
//! selection will be made public as well as developer compensation").

use crate::support::number::Fixed;
use std::fmt::Write;

use crate::agreement::{self, AgreementReport};
use crate::case::AgreementKind;
use crate::case::{Build, Case, Market};
use crate::estimate::EstimateReport;
use crate::evaluate::EvaluationReport;
use crate::process::Applies;
use crate::reports::report::{amount, days, figures_table, money, stage_days, thousands};
use crate::support::escape::Md;

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
            Md(case
                .connector
                .base_connector
                .as_deref()
                .unwrap_or("Hummingbot"))
        ),
    }
}

/// The selected candidate: the case's choice, or the ranking's winner.
pub fn selected(case: &Case, evaluation: &EvaluationReport) -> Option<String> {
    case.selected_candidate
        .clone()
        .or_else(|| evaluation.winner().map(|w| w.name.clone()))
}

/// The whole proposal as Markdown. Parts the case cannot fill yet say what is missing.
pub fn proposal_markdown(case: &Case) -> String {
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
    let name = Md(&case.exchange.name);

    let mut out = String::new();
    let _ = writeln!(out, "# Connector proposal: {name}\n");
    let _ = writeln!(
        out,
        "{} for {name}{}, prepared by the Hummingbot Foundation{}.\n",
        capitalized(&connector_phrase(case)),
        match case.exchange.kind {
            crate::case::ExchangeKind::Dex => " (decentralised exchange)",
            crate::case::ExchangeKind::Cex => "",
        },
        case.as_of.map(|d| format!(" on {d}")).unwrap_or_default()
    );

    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "- **Engagement path:** {}.", plan.path_label);
    let _ = writeln!(
        out,
        "- **API maturity:** rank {} (score {} / 100).",
        maturity.rank_label,
        Fixed(maturity.score, 1),
    );
    match &estimate {
        Ok(e) => {
            let _ = writeln!(
                out,
                "- **Delivery:** {} at P50, {} at P80, from maintainer assignment to merge; {}% risk of exceeding the Foundation's 90-day delivery guarantee.",
                days(e.calendar_days.p50),
                days(e.calendar_days.p80),
                Fixed(e.p_over_90_days * 100.0, 0),
            );
            let _ = writeln!(
                out,
                "- **Build cost:** {currency} {} at P50, {currency} {} at P80, {currency} {} at P90.",
                money(e.cost.p50),
                money(e.cost.p80),
                money(e.cost.p90)
            );
        }
        Err(err) => {
            let _ = writeln!(out, "- **Delivery and cost:** not estimated yet ({err}).");
        }
    }
    if let Some(ev) = &evaluation
        && let Some(who) = selected(case, ev)
    {
        let _ = writeln!(out, "- **Maintainer:** {}.", Md(&who));
    }
    if let Some(a) = &agreement {
        let _ = writeln!(out, "- **Agreement:** {}.", agreement_summary(case, a));
    }

    let _ = writeln!(out, "\n## Stages and timeline\n");
    let _ = writeln!(
        out,
        "| stage | applies | calendar days (optimistic / most likely / pessimistic) | status |\n| --- | --- | --- | --- |"
    );
    for s in &plan.stages {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            s.label,
            s.applies,
            stage_days(s),
            s.status.as_str().replace('_', " ")
        );
    }
    let skipped: Vec<String> = plan
        .stages
        .iter()
        .filter(|s| s.applies == Applies::Skipped)
        .map(|s| format!("{}: {}", s.label, s.reason))
        .collect();
    if !skipped.is_empty() {
        let _ = writeln!(out, "\nNot needed on this path:\n");
        for s in skipped {
            let _ = writeln!(out, "- {s}");
        }
    }

    let _ = writeln!(out, "\n## API maturity\n");
    let _ = writeln!(
        out,
        "Score {} / 100, rank {}.",
        Fixed(maturity.score, 1),
        maturity.rank_label,
    );
    if !maturity.blockers.is_empty() {
        let names: Vec<&str> = maturity.blockers.iter().map(|b| b.label).collect();
        let _ = writeln!(
            out,
            "\n**Blocked** until the exchange offers: {}.",
            names.join(", ")
        );
    }
    let _ = writeln!(out, "\n| section | score |\n| --- | ---: |");
    for s in &maturity.sections {
        let _ = writeln!(out, "| {} | {} |", s.label, Fixed(s.score, 0));
    }
    if !maturity.findings.is_empty() {
        let _ = writeln!(out, "\nWhat the documentation gaps will cost:\n");
        for f in maturity.findings.iter().take(6) {
            let _ = writeln!(out, "- {}", f.sentence);
        }
    }

    if let Ok(e) = &estimate {
        estimate_section(&mut out, e, currency);
    }

    if let Some(ev) = &evaluation {
        let _ = writeln!(out, "\n## Maintainer\n");
        if let Some(who) = selected(case, ev) {
            let _ = writeln!(out, "Proposed maintainer: **{}**.\n", Md(&who));
        }
        ranking_table(&mut out, ev, 5);
    }

    if let Some(a) = &agreement {
        agreement_section(&mut out, case, a);
    }

    let _ = writeln!(out, "\n## Next step\n");
    match plan
        .next_stage
        .and_then(|id| plan.stages.iter().find(|s| s.id == id))
    {
        Some(s) => {
            let _ = writeln!(out, "{}: {}", s.label, s.reason);
        }
        None => {
            let _ = writeln!(out, "Every stage is done: the connector is merged.");
        }
    }
    out
}

fn estimate_section(out: &mut String, e: &EstimateReport, currency: &str) {
    let mc = &e.effort_hours.monte_carlo;
    let _ = writeln!(out, "\n## Effort, duration and cost\n");
    figures_table(out, e, false);
    let _ = writeln!(
        out,
        "\nP80 means 4 in 5 simulated projects finish at or under that figure ({} Monte Carlo samples of the work breakdown). The cost is the effort at {currency} {} an hour plus {}% for the Foundation's project management and QA. For reference: {}.",
        thousands(mc.samples.into()),
        money(e.cost.hourly_rate),
        e.cost.overhead_pct.normalize(),
        e.cost.reference
    );
    crate::reports::report::outside_view(out, e);
    if !e.constraints.is_empty() {
        let _ = writeln!(out, "\n## Constraints\n");
        for c in &e.constraints {
            let _ = writeln!(out, "- {c}");
        }
    }
}

fn ranking_table(out: &mut String, ev: &EvaluationReport, limit: usize) {
    let _ = writeln!(out, "| rank | candidate | score |\n| ---: | --- | ---: |");
    for r in ev.ranking.iter().take(limit) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            r.rank,
            Md(&r.name),
            Fixed(r.score, 3)
        );
    }
    if ev.ranking.len() > limit {
        let _ = writeln!(out, "\n({} more candidates.)", ev.ranking.len() - limit);
    }
    let method = ev.method.label();
    let weights: Vec<String> = ev
        .criteria
        .iter()
        .zip(&ev.weights.0)
        .map(|(c, (_, w))| format!("{} {}%", Md(c.label()), Fixed(w * 100.0, 0)))
        .collect();
    let _ = writeln!(
        out,
        "\nMethod: {method}, {} normalization. Weights: {}.",
        ev.normalization,
        weights.join(", ")
    );
    if let Some(ahp) = &ev.ahp {
        let _ = writeln!(
            out,
            "Weights from AHP pairwise comparisons: consistency ratio {} ({}).",
            Fixed(ahp.cr, 3),
            if ahp.consistent {
                "consistent"
            } else {
                "above 0.10: revisit the comparisons"
            },
        );
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

fn agreement_section(out: &mut String, case: &Case, a: &AgreementReport) {
    let currency = &a.currency;
    let n = a.months.len();
    let _ = writeln!(out, "\n## Agreement and compensation\n");
    let _ = writeln!(out, "{}.", agreement_summary(case, a));
    let _ = writeln!(
        out,
        "\nOver {n} months: {currency} {} in all, {currency} {} to the maintainer for ongoing maintenance (as long as maintenance is performing well) and {currency} {} to the Foundation for sustainment.",
        money(a.totals.total),
        money(a.totals.developer),
        money(a.totals.foundation)
    );
    if a.totals.build_charge > rust_decimal::Decimal::ZERO {
        let _ = writeln!(
            out,
            "The build charge of {currency} {} goes from the exchange to the developer.",
            money(a.totals.build_charge)
        );
    }
    if a.totals.maintenance_fees > rust_decimal::Decimal::ZERO {
        let _ = writeln!(
            out,
            "Year-2 maintenance fees: {currency} {}.",
            money(a.totals.maintenance_fees)
        );
    }
    if let Some(p) = &a.placement {
        let _ = writeln!(
            out,
            "\nCompared with the agreements the Foundation published: {}",
            p.sentence
        );
    }
    if let Some(i) = &a.incentives {
        let token = Md(i
            .exchange_token_symbol
            .as_deref()
            .unwrap_or("exchange tokens"));
        let _ = writeln!(
            out,
            "\nIncentive plan: {} HBOT and {} {token} for the first {} users ({} HBOT and {} {token} each).",
            amount(i.hbot),
            amount(i.exchange_token),
            thousands(i.first_users.into()),
            i.hbot_per_user.normalize(),
            i.exchange_token_per_user.normalize()
        );
    }
}

/// The public announcement of a maintainer selection: winner, scores, weights, compensation.
pub fn announcement_markdown(case: &Case, ev: &EvaluationReport) -> String {
    let mut out = String::new();
    let name = Md(&case.exchange.name);
    let who = selected(case, ev).unwrap_or_default();
    let _ = writeln!(out, "# Maintainer selection: the {name} connector\n");
    let _ = writeln!(
        out,
        "The Hummingbot Foundation has selected **{}** to build and maintain the {name} connector: {}.\n",
        Md(&who),
        connector_phrase(case)
    );
    if case.selected_candidate.is_some() && ev.winner().is_some_and(|w| w.name != who) {
        let _ = writeln!(
            out,
            "The selection differs from the top score; the Foundation states its reasons separately.\n"
        );
    }
    let _ = writeln!(out, "## How the candidates were compared\n");
    let _ = writeln!(
        out,
        "| criterion | more is | weight |\n| --- | --- | ---: |"
    );
    for (c, (_, w)) in ev.criteria.iter().zip(&ev.weights.0) {
        let better = match c.kind {
            crate::case::CriterionKind::Benefit => "better",
            crate::case::CriterionKind::Cost => "worse",
        };
        let _ = writeln!(
            out,
            "| {} | {better} | {}% |",
            Md(c.label()),
            Fixed(w * 100.0, 1),
        );
    }
    let _ = writeln!(out, "\n## Scores\n");
    ranking_table(&mut out, ev, usize::MAX);
    if let Some(a) = case
        .agreement
        .as_ref()
        .map(|a| agreement::project(a, &case.estimate.currency))
    {
        let _ = writeln!(out, "\n## Compensation\n");
        let currency = &a.currency;
        if a.totals.build_charge > rust_decimal::Decimal::ZERO {
            let _ = writeln!(
                out,
                "- Build: {currency} {}, paid by the exchange to the developer.",
                money(a.totals.build_charge)
            );
        }
        let _ = writeln!(
            out,
            "- Maintenance: {}% of the {} agreement, projected at {currency} {} over {} months, as long as maintenance is performing well.",
            a.developer_share_pct,
            a.kind,
            money(a.totals.developer),
            a.months.len()
        );
    }
    out
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
