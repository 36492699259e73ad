//! The agreement tool: fee share or fixed amount, the maintainer's and the Foundation's parts
//! month by month, and where the offer stands among the published agreements.

use rust_decimal::Decimal;
use scope_core::agreement::{self, AgreementReport, published_strip};
use scope_core::case::AgreementKind;
use scope_core::support::number::{Fixed, Shortest};
use scope_core::support::written::money;
use scope_core::workbench::session::{AgreementEdit, AgreementField, Edit, Session};
use yew::prelude::*;

use crate::components::field::{Choice, TextInput, on_toggle};

#[derive(Properties, PartialEq)]
pub struct AgreementToolProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn AgreementTool(props: &AgreementToolProps) -> Html {
    let s = &props.session;
    let valid = s.valid().clone();
    let report = use_memo(valid, |case| {
        case.agreement
            .as_ref()
            .map(|a| agreement::project(a, &case.estimate.currency))
    });
    let case = s.edited();
    let emit = {
        let on_edit = props.on_edit.clone();
        move |e: AgreementEdit| on_edit.emit(Edit::Agreement(e))
    };
    let on_kind = {
        let emit = emit.clone();
        Callback::from(move |v: String| emit(AgreementEdit::Kind(v.parse::<AgreementKind>().ok())))
    };
    let kinds = vec![
        (AttrValue::from("none"), AttrValue::from("None yet")),
        (
            AttrValue::from("variable"),
            AttrValue::from("Fee share (variable)"),
        ),
        (
            AttrValue::from("fixed"),
            AttrValue::from("Fixed monthly amount"),
        ),
    ];
    let Some(spec) = &case.agreement else {
        return html! {
            <div class="tool-layout agreement">
                <form class="inputs" aria-label="Agreement" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <Choice name="cs-agreement-kind" legend="Agreement" options={kinds} value="none" on_change={on_kind} />
                    <p class="note">{ "Choose a kind of agreement to project what it pays the maintainer and the Foundation." }</p>
                </form>
            </div>
        };
    };
    let field = |f: AgreementField, label: &'static str, hint: Option<&'static str>| {
        let emit = emit.clone();
        html! {
            <TextInput id={format!("cs-{}", f.path().replace('.', "-"))} label={label} inputmode="decimal"
                value={s.text_at(f.path(), || f.value(spec))} error={s.error(f.path())} hint={hint.map(AttrValue::from)}
                on_change={Callback::from(move |v: String| emit(AgreementEdit::Text(f, v)))} />
        }
    };
    let variable = spec.kind == AgreementKind::Variable;
    let currency = case.estimate.currency.clone();
    let renewal = {
        let emit = emit.clone();
        on_toggle(move |on| emit(AgreementEdit::Renewal(on)))
    };
    let symbol = {
        let emit = emit.clone();
        Callback::from(move |v: String| emit(AgreementEdit::TokenSymbol(v)))
    };
    html! {
        <div class="tool">
            <div class="tool-layout agreement">
                <AgreementSummary report={(*report).clone()} />
                <form class="inputs" aria-label="Agreement" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <Choice name="cs-agreement-kind" legend="Agreement" options={kinds} value={spec.kind.as_str()} on_change={on_kind} />
                    <fieldset>
                        <legend>{ if variable { "Fee share" } else { "Fixed amount" } }</legend>
                        if variable {
                            { field(AgreementField::MonthlyVolume, "Monthly volume through the connector", None) }
                            { field(AgreementField::FeeRatePct, "Exchange fee rate (%)", Some("0.1 is 10 basis points")) }
                            { field(AgreementField::SharePct, "Share of fees to the Foundation (%)", None) }
                            { field(AgreementField::GrowthPct, "Monthly volume growth (%)", None) }
                        } else {
                            { field(AgreementField::FixedMonthly, "Amount per month", None) }
                        }
                        { field(AgreementField::Months, "Months to project", None) }
                        { field(AgreementField::BuildCharge, "Build charge (exchange to developer)", None) }
                        <label class="check" for="cs-agreement-renewal">
                            <input type="checkbox" id="cs-agreement-renewal" checked={spec.renewal} onchange={renewal} />
                            { format!("Year-2 rule: {currency} 2,000 a year, waived above {currency} 200 a month of fee share") }
                        </label>
                    </fieldset>
                    <fieldset>
                        <legend>{ "Incentive plan for the first users" }</legend>
                        { field(AgreementField::Hbot, "HBOT rewards", None) }
                        { field(AgreementField::ExchangeToken, "Exchange-token rewards", None) }
                        <TextInput id="cs-agreement-token-symbol" label="Token symbol"
                            value={spec.incentives.as_ref().and_then(|i| i.exchange_token_symbol.clone()).unwrap_or_default()} on_change={symbol} />
                        { field(AgreementField::FirstUsers, "First users", None) }
                    </fieldset>
                </form>
            </div>
            if let Some(r) = &*report {
                <Projection report={r.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementSummaryProps {
    pub report: Option<AgreementReport>,
}

#[component]
pub fn AgreementSummary(props: &AgreementSummaryProps) -> Html {
    let Some(r) = &props.report else {
        return html! {};
    };
    let c = &r.currency;
    let t = &r.totals;
    html! {
        <aside class="summary" aria-label="Agreement result" aria-live="polite">
            <table class="figures">
                <caption>{ format!("Over {} months", r.months.len()) }</caption>
                <tbody>
                    <tr data-testid="agreement-total"><th scope="row">{ "Paid by the exchange" }</th><td>{ format!("{c} {}", money(t.total)) }</td></tr>
                    <tr data-testid="agreement-developer"><th scope="row">{ format!("Maintainer ({}%)", r.developer_share_pct) }</th><td>{ format!("{c} {}", money(t.developer)) }</td></tr>
                    <tr data-testid="agreement-foundation"><th scope="row">{ "Foundation" }</th><td>{ format!("{c} {}", money(t.foundation)) }</td></tr>
                    if !t.build_charge.is_zero() {
                        <tr><th scope="row">{ "Build charge to the developer" }</th><td>{ format!("{c} {}", money(t.build_charge)) }</td></tr>
                    }
                    if !t.maintenance_fees.is_zero() {
                        <tr><th scope="row">{ "Year-2 maintenance fees" }</th><td>{ format!("{c} {}", money(t.maintenance_fees)) }</td></tr>
                    }
                </tbody>
            </table>
            if let Some(p) = &r.placement {
                <h2>{ "Among the published agreements" }</h2>
                <p data-testid="placement">{ &p.sentence }</p>
                <PublishedStrip kind={r.kind} offered={p.offered} />
            }
            if let Some(i) = &r.incentives {
                <p>{ format!("Incentives: {} HBOT and {} {} each for the first {} users.", i.hbot_per_user.normalize(), i.exchange_token_per_user.normalize(),
                    i.exchange_token_symbol.clone().unwrap_or_else(|| "tokens".into()), i.first_users) }</p>
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct PublishedStripProps {
    pub kind: AgreementKind,
    /// The offered share (percent) or monthly amount.
    pub offered: Decimal,
}

/// The published agreements on one axis, the offer marked.
#[component]
pub fn PublishedStrip(props: &PublishedStripProps) -> Html {
    const W: f64 = 300.0;
    let strip = published_strip(props.kind, props.offered, W);
    html! {
        <svg class="strip" viewBox={format!("0 0 {} 36", Shortest(W))} role="img" aria-label="Published agreements and this offer">
            <line class="scale" x1={Shortest(strip.axis.0).to_string()} x2={Shortest(strip.axis.1).to_string()} y1="18" y2="18" />
            { for strip.points.iter().map(|p| html! {
                <circle class="published" cx={format!("{}", Fixed(p.x, 1))} cy="18" r="4"><title>{ format!("{}: {}", p.exchange, p.value.normalize()) }</title></circle>
            }) }
            <line class="offer" x1={format!("{}", Fixed(strip.offer_x, 1))} x2={format!("{}", Fixed(strip.offer_x, 1))} y1="4" y2="32" />
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProjectionProps {
    pub report: AgreementReport,
}

#[component]
pub fn Projection(props: &ProjectionProps) -> Html {
    let r = &props.report;
    let variable = r.kind == AgreementKind::Variable;
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Projection by month">
            <table class="projection">
                <caption>{ format!("Month by month ({}); the maintainer's and the Foundation's parts add up to the cent", r.currency) }</caption>
                <thead><tr>
                    <th scope="col">{ "Month" }</th>
                    if variable { <th scope="col">{ "Volume" }</th> }
                    <th scope="col">{ "Total" }</th><th scope="col">{ "Maintainer" }</th><th scope="col">{ "Foundation" }</th>
                </tr></thead>
                <tbody>
                    { for r.months.iter().map(|m| html! {
                        <tr>
                            <th scope="row">{ m.month }</th>
                            if variable { <td>{ m.volume.map(money).unwrap_or_default() }</td> }
                            <td>{ money(m.total) }</td><td>{ money(m.developer) }</td><td>{ money(m.foundation) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
