//! The case file's shape, read field by field (the rules come after, in `Case::problems`, validate/).
//!
//! Each reader lists the fields its type has, so an unknown key is refused, and gives each
//! optional field the default the case file documents. Writing stays with serde's derived
//! `Serialize`; `every_field_of_the_format_round_trips` (tests/validation.rs) and
//! `case_round_trips` (tests/properties.rs) hold the two to the same format.

use super::{
    AgreementSpec, AhpEntry, AhpInput, Candidate, Case, Connector, Criterion, CustomTask,
    EstimateSettings, EvaluationSettings, Exchange, Incentives, Simulation, Weights, defaults,
};
use crate::support::json::{Node, Read};

pub(crate) fn case(n: &Node<'_>) -> Read<Case> {
    let o = n.object(&[
        "version",
        "as_of",
        "exchange",
        "connector",
        "path",
        "governance_era",
        "api",
        "api_sources",
        "estimate",
        "simulation",
        "stages",
        "criteria",
        "candidates",
        "weights",
        "evaluation",
        "selected_candidate",
        "agreement",
    ])?;
    Ok(Case {
        version: o.required("version", Node::u64)?,
        as_of: o.optional("as_of", Node::parse)?,
        exchange: o.required("exchange", exchange)?,
        connector: o.or("connector", Connector::default, connector)?,
        path: o.or("path", defaults::path, Node::parse)?,
        governance_era: o.or("governance_era", defaults::era, Node::parse)?,
        api: o.or("api", Default::default, |n| {
            n.map(|k| Ok(k.to_string()), Node::parse)
        })?,
        api_sources: o.or("api_sources", Default::default, |n| {
            n.map(|k| Ok(k.to_string()), Node::string)
        })?,
        estimate: o.or("estimate", EstimateSettings::default, estimate)?,
        simulation: o.or("simulation", Simulation::default, simulation)?,
        stages: o.or("stages", Default::default, |n| {
            n.map(str::parse, Node::parse)
        })?,
        criteria: o.optional("criteria", |n| n.list(criterion))?,
        candidates: o.or("candidates", Vec::new, |n| n.list(candidate))?,
        weights: o.or("weights", Weights::default, weights)?,
        evaluation: o.or("evaluation", EvaluationSettings::default, evaluation)?,
        selected_candidate: o.optional("selected_candidate", Node::string)?,
        agreement: o.optional("agreement", agreement)?,
    })
}

fn exchange(n: &Node<'_>) -> Read<Exchange> {
    let o = n.object(&["name", "launched", "kind"])?;
    Ok(Exchange {
        name: o.required("name", Node::string)?,
        launched: o.optional("launched", Node::parse)?,
        kind: o.or("kind", defaults::kind, Node::parse)?,
    })
}

fn connector(n: &Node<'_>) -> Read<Connector> {
    let o = n.object(&["market", "build", "base_connector", "precedent", "changes"])?;
    let d = Connector::default();
    Ok(Connector {
        market: o.or("market", || d.market, Node::parse)?,
        build: o.or("build", || d.build, Node::parse)?,
        base_connector: o.optional("base_connector", Node::string)?,
        precedent: o.optional("precedent", Node::string)?,
        changes: o.or("changes", Vec::new, |n| n.list(Node::parse))?,
    })
}

fn estimate(n: &Node<'_>) -> Read<EstimateSettings> {
    let o = n.object(&[
        "availability_hours_per_week",
        "hourly_rate",
        "currency",
        "overhead_pct",
        "experience",
        "tasks",
    ])?;
    let d = EstimateSettings::default();
    Ok(EstimateSettings {
        availability_hours_per_week: o.or(
            "availability_hours_per_week",
            || d.availability_hours_per_week,
            Node::f64,
        )?,
        hourly_rate: o.optional("hourly_rate", Node::decimal)?,
        currency: o.or("currency", || d.currency.clone(), Node::string)?,
        overhead_pct: o.or("overhead_pct", || d.overhead_pct, Node::decimal)?,
        experience: o.or("experience", || d.experience, Node::parse)?,
        tasks: o.optional("tasks", |n| n.list(custom_task))?,
    })
}

fn custom_task(n: &Node<'_>) -> Read<CustomTask> {
    let o = n.object(&["id", "label", "optimistic", "most_likely", "pessimistic"])?;
    Ok(CustomTask {
        id: o.required("id", Node::string)?,
        label: o.optional("label", Node::string)?,
        optimistic: o.required("optimistic", Node::f64)?,
        most_likely: o.required("most_likely", Node::f64)?,
        pessimistic: o.required("pessimistic", Node::f64)?,
    })
}

fn simulation(n: &Node<'_>) -> Read<Simulation> {
    let o = n.object(&["samples", "seed"])?;
    let d = Simulation::default();
    Ok(Simulation {
        samples: o.or("samples", || d.samples, Node::u32)?,
        seed: o.or("seed", || d.seed, Node::u64)?,
    })
}

fn criterion(n: &Node<'_>) -> Read<Criterion> {
    let o = n.object(&["id", "label", "kind", "unit", "weight"])?;
    Ok(Criterion {
        id: o.required("id", Node::string)?,
        label: o.optional("label", Node::string)?,
        kind: o.required("kind", Node::parse)?,
        unit: o.optional("unit", Node::string)?,
        weight: o.optional("weight", Node::f64)?,
    })
}

fn candidate(n: &Node<'_>) -> Read<Candidate> {
    let o = n.object(&["name", "values"])?;
    Ok(Candidate {
        name: o.required("name", Node::string)?,
        values: o.required("values", |n| n.map(|k| Ok(k.to_string()), Node::f64))?,
    })
}

fn weights(n: &Node<'_>) -> Read<Weights> {
    let o = n.object(&["ahp"])?;
    Ok(Weights {
        ahp: o.optional("ahp", |n| {
            let o = n.object(&["order", "matrix"])?;
            Ok(AhpInput {
                order: o.required("order", |n| n.list(Node::string))?,
                matrix: o.required("matrix", |n| n.list(|row| row.list(ahp_entry)))?,
            })
        })?,
    })
}

/// A judgement: a number, or a fraction written as text ("1/3").
fn ahp_entry(n: &Node<'_>) -> Read<AhpEntry> {
    match n.value {
        serde_json::Value::String(s) => Ok(AhpEntry::Text(s.clone())),
        _ => n
            .f64()
            .map(AhpEntry::Number)
            .map_err(|_| n.error("expected a number or a fraction such as \"1/3\"".into())),
    }
}

fn evaluation(n: &Node<'_>) -> Read<EvaluationSettings> {
    let o = n.object(&["method", "normalization"])?;
    let d = EvaluationSettings::default();
    Ok(EvaluationSettings {
        method: o.or("method", || d.method, Node::parse)?,
        normalization: o.optional("normalization", Node::parse)?,
    })
}

fn agreement(n: &Node<'_>) -> Read<AgreementSpec> {
    let o = n.object(&[
        "kind",
        "monthly_volume",
        "fee_rate_pct",
        "share_pct",
        "monthly_growth_pct",
        "fixed_monthly",
        "months",
        "build_charge",
        "renewal",
        "incentives",
    ])?;
    Ok(AgreementSpec {
        kind: o.required("kind", Node::parse)?,
        monthly_volume: o.optional("monthly_volume", Node::decimal)?,
        fee_rate_pct: o.optional("fee_rate_pct", Node::decimal)?,
        share_pct: o.optional("share_pct", Node::decimal)?,
        monthly_growth_pct: o.or("monthly_growth_pct", Default::default, Node::decimal)?,
        fixed_monthly: o.optional("fixed_monthly", Node::decimal)?,
        months: o.or("months", defaults::months, Node::u32)?,
        build_charge: o.optional("build_charge", Node::decimal)?,
        renewal: o.or("renewal", || false, Node::bool)?,
        incentives: o.optional("incentives", incentives)?,
    })
}

fn incentives(n: &Node<'_>) -> Read<Incentives> {
    let o = n.object(&[
        "hbot",
        "exchange_token",
        "exchange_token_symbol",
        "first_users",
    ])?;
    Ok(Incentives {
        hbot: o.or("hbot", Default::default, Node::decimal)?,
        exchange_token: o.or("exchange_token", Default::default, Node::decimal)?,
        exchange_token_symbol: o.optional("exchange_token_symbol", Node::string)?,
        first_users: o.required("first_users", Node::u32)?,
    })
}
