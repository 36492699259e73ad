//! The case's basics, shared by every tool: the exchange, its connector, and where to start from.

use scope_core::case::{Build, ExchangeKind, Market};
use scope_core::workbench::session::{Edit, Session, TextField};
use yew::prelude::*;

use crate::components::field::{CaseField, Choice, SelectInput};
use crate::components::{CcxtStart, class};
use crate::state::{EXAMPLES, example};

#[derive(Properties, PartialEq)]
pub struct CaseBarProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
    /// Starts a new, blank case.
    pub on_new: Callback<()>,
    /// Adds a case (an example) to the workspace, with what to tell the user.
    pub on_add: Callback<(scope_core::Case, String)>,
    /// Tells the user something (why no case was started from CCXT).
    pub on_notice: Callback<String>,
}

fn options<T: Copy>(
    all: &[T],
    text: impl Fn(T) -> (&'static str, &'static str),
) -> Vec<(AttrValue, AttrValue)> {
    all.iter()
        .map(|v| text(*v))
        .map(|(a, b)| (AttrValue::from(a), AttrValue::from(b)))
        .collect()
}

#[component]
pub fn CaseBar(props: &CaseBarProps) -> Html {
    let s = &props.session;
    let case = s.edited();
    let text = |field: TextField, label: &'static str, hint: Option<&'static str>| {
        html! {
            <CaseField session={s.clone()} {field} label={label} hint={hint.map(AttrValue::from)}
                on_edit={props.on_edit.clone()} />
        }
    };
    let on_add = props.on_add.clone();
    let on_new = props.on_new.clone();
    let on_start = Callback::from(move |label: String| match example(&label) {
        Some(case) => on_add.emit((
            case,
            format!("Opened the example \"{label}\" as a new case."),
        )),
        None if label == "new" => on_new.emit(()),
        None => {}
    });
    let mut starts = vec![(AttrValue::from(""), AttrValue::from("Start from..."))];
    starts.push((AttrValue::from("new"), AttrValue::from("A new blank case")));
    // Examples open as new cases: the current one is kept.
    starts.extend(EXAMPLES.iter().map(|(l, _)| {
        (
            AttrValue::from(*l),
            AttrValue::from(format!("Example: {l}")),
        )
    }));

    let edit = props.on_edit.clone();
    let on_kind = Callback::from(move |v: String| {
        if let Ok(k) = v.parse::<ExchangeKind>() {
            edit.emit(Edit::Kind(k));
        }
    });
    let edit = props.on_edit.clone();
    let on_market = Callback::from(move |v: String| {
        if let Ok(m) = v.parse::<Market>() {
            edit.emit(Edit::Market(m));
        }
    });
    let edit = props.on_edit.clone();
    let on_build = Callback::from(move |v: String| {
        if let Ok(b) = v.parse::<Build>() {
            edit.emit(Edit::Build(b));
        }
    });
    // On a narrow widget the case folds to one line, so that the tool's figures are on the first
    // screen; the line's button unfolds it.
    let expanded = use_state(|| false);
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let market = match case.connector.market {
        Market::Spot => "Spot",
        Market::Perpetual => "Perpetual",
        Market::Both => "Spot and perpetual",
    };
    let build = match case.connector.build {
        Build::New => "new connector",
        Build::Modification => "modification",
    };
    html! {
        <section class={class("case-bar", expanded.then_some("expanded"))} aria-label="The case">
            <div class="case-line">
                <span class="case-name">{ &case.exchange.name }</span>
                <span class="case-kind">{ format!("{market}, {build}") }</span>
                <button type="button" class="case-edit" aria-expanded={expanded.to_string()}
                    aria-controls="cs-case-details" onclick={on_toggle}>
                    { if *expanded { "Done" } else { "Edit case" } }
                </button>
            </div>
            <div id="cs-case-details" class="case-details">
            <div class="case-fields">
                { text(TextField::ExchangeName, "Exchange", None) }
                <SelectInput
                    id="cs-exchange-kind"
                    label="Kind"
                    options={options(ExchangeKind::ALL, |k| match k { ExchangeKind::Cex => ("cex", "Centralised (CEX)"), ExchangeKind::Dex => ("dex", "Decentralised (DEX)") })}
                    value={case.exchange.kind.as_str()}
                    on_change={on_kind}
                />
                { text(TextField::Launched, "Launched", Some("YYYY-MM")) }
                { text(TextField::AsOf, "As of", Some("YYYY-MM-DD: ages are computed against this day")) }
                <SelectInput id="cs-start" label="Load" options={starts} value="" on_change={on_start} />
                <CcxtStart on_start={props.on_add.clone()} on_problem={props.on_notice.clone()} />
            </div>
            <div class="case-switches">
                <Choice
                    name="cs-market"
                    legend="Market"
                    options={options(Market::ALL, |m| match m { Market::Spot => ("spot", "Spot"), Market::Perpetual => ("perpetual", "Perpetual"), Market::Both => ("both", "Both") })}
                    value={case.connector.market.as_str()}
                    on_change={on_market}
                />
                <Choice
                    name="cs-build"
                    legend="Connector"
                    options={options(Build::ALL, |b| match b { Build::New => ("new", "New"), Build::Modification => ("modification", "Modification") })}
                    value={case.connector.build.as_str()}
                    on_change={on_build}
                />
            </div>
            </div>
            if !s.is_current() {
                <p class="stale" role="status">
                    { "Some fields need attention; the figures below are from the last valid case." }
                </p>
            }
        </section>
    }
}
