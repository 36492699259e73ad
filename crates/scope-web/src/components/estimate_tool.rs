//! The duration and cost tool: the estimator's inputs, its figures, charts and task table.

use scope_core::CaseError;
use scope_core::case::Build;
use scope_core::case::{Experience, TaskId};
use scope_core::estimate::connectors;
use scope_core::estimate::{EstimateReport, GUARANTEE_DAYS};
use scope_core::support::number::Fixed;
use scope_core::support::written::{money, thousands};
use scope_core::workbench::session::{Edit, Session, TextField};
use yew::prelude::*;

use crate::components::class;

use crate::components::field::{CaseField, SelectInput, on_toggle};
use crate::components::{Histogram, OutsideView, SCurve, StageTimeline};

#[derive(Properties, PartialEq)]
pub struct EstimateToolProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn EstimateTool(props: &EstimateToolProps) -> Html {
    let s = &props.session;
    // The draws depend on the work and the seed only: typing a rate, an overhead or an
    // availability re-prices and re-schedules them without drawing again.
    let inputs = scope_core::estimate::simulation_inputs(s.valid());
    let simulation = use_memo(inputs, scope_core::estimate::simulate);
    let report = use_memo((s.valid().clone(), simulation), |(case, sim)| {
        scope_core::estimate::estimate_from(case, sim)
    });
    let known = use_memo((), |()| connectors::all());
    let case = s.edited();

    let text = |field: TextField, label: &'static str, hint: Option<&'static str>| {
        html! {
            <CaseField session={s.clone()} {field} label={label} hint={hint.map(AttrValue::from)}
                inputmode="decimal"
                on_edit={props.on_edit.clone()} />
        }
    };
    let connector_options = |none: &'static str, spot_only: bool| -> Vec<(AttrValue, AttrValue)> {
        std::iter::once((AttrValue::from(""), AttrValue::from(none)))
            .chain(
                known
                    .iter()
                    .filter(|c| !spot_only || !c.is_perpetual())
                    .map(|c| {
                        (
                            AttrValue::from(c.name.clone()),
                            AttrValue::from(format!("{} ({})", c.name, c.market_type)),
                        )
                    }),
            )
            .collect()
    };
    let on_edit = props.on_edit.clone();
    let on_precedent = Callback::from(move |v: String| {
        on_edit.emit(Edit::Precedent((!v.is_empty()).then_some(v)))
    });
    let on_edit = props.on_edit.clone();
    let on_base = Callback::from(move |v: String| {
        on_edit.emit(Edit::BaseConnector((!v.is_empty()).then_some(v)))
    });
    let on_edit = props.on_edit.clone();
    let on_experience = Callback::from(move |v: String| {
        if let Ok(e) = v.parse::<Experience>() {
            on_edit.emit(Edit::Experience(e));
        }
    });
    let experience_options: Vec<(AttrValue, AttrValue)> = Experience::ALL
        .iter()
        .map(|e| {
            let label = match e {
                Experience::Experienced => "Experienced: 3+",
                Experience::Some => "Some: 1-2",
                Experience::FirstConnector => "First connector",
            };
            (AttrValue::from(e.as_str()), AttrValue::from(label))
        })
        .collect();
    let modification = case.connector.build == Build::Modification;
    let parts = TaskId::ALL
        .iter()
        .filter(|t| {
            !matches!(
                t,
                TaskId::UnitTests | TaskId::QaFixes | TaskId::DocsPr | TaskId::PerpetualTests
            )
        })
        .filter(|t| !t.perpetual_only() || case.connector.market.has_perpetual());

    html! {
        <div class="tool">
            <div class="tool-layout">
                <EstimateSummary report={(*report).clone()} currency={case.estimate.currency.clone()} />
                <form class="inputs" aria-label="Estimate inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset>
                        <legend>{ "The maintainer" }</legend>
                        { text(TextField::Availability, "Availability (hours a week)", None) }
                        { text(TextField::HourlyRate, "Hourly rate", None) }
                        { text(TextField::Currency, "Currency", Some("ISO code, e.g. USD")) }
                        <SelectInput id="cs-estimate-experience" label="Experience with Hummingbot connectors"
                            options={experience_options} value={case.estimate.experience.as_str()} on_change={on_experience} />
                        { text(TextField::Overhead, "Foundation PM and QA overhead (%)", None) }
                    </fieldset>
                    <fieldset>
                        <legend>{ "Reuse" }</legend>
                        <SelectInput id="cs-connector-precedent" label="Precedent: a connector of a similar API"
                            options={connector_options("None", false)}
                            value={case.connector.precedent.clone().unwrap_or_default()}
                            error={s.error("connector.precedent")} on_change={on_precedent} />
                        if modification {
                            <SelectInput id="cs-connector-base" label="Connector being modified"
                                options={connector_options("Choose...", false)}
                                value={case.connector.base_connector.clone().unwrap_or_default()}
                                error={s.error("connector.base_connector")} on_change={on_base} />
                            <fieldset class="parts">
                                <legend>{ "Parts that change" }</legend>
                                { for parts.map(|task| {
                                    let on_edit = props.on_edit.clone();
                                    let task = *task;
                                    let id = format!("cs-change-{task}");
                                    html! {
                                        <label for={id.clone()} class="check">
                                            <input type="checkbox" id={id} checked={case.connector.changes.contains(&task)}
                                                onchange={on_toggle(move |on| on_edit.emit(Edit::Change(task, on)))} />
                                            { task.label() }
                                        </label>
                                    }
                                }) }
                                if let Some(e) = s.error("connector.changes") {
                                    <span class="error" role="alert">{ e }</span>
                                }
                            </fieldset>
                        }
                    </fieldset>
                    <fieldset>
                        <legend>{ "Simulation" }</legend>
                        { text(TextField::Samples, "Monte Carlo samples", None) }
                        { text(TextField::Seed, "Seed", Some("same seed, same numbers")) }
                    </fieldset>
                </form>
            </div>
            if let Ok(r) = &*report {
                <OutsideView class={r.reference_class.clone()}
                    band={(r.calendar_days.build.p10, r.calendar_days.build.p50, r.calendar_days.build.p90)} />
                <EstimateDetails report={r.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct EstimateSummaryProps {
    pub report: Result<EstimateReport, CaseError>,
    pub currency: String,
}

#[component]
pub fn EstimateSummary(props: &EstimateSummaryProps) -> Html {
    let r = match &props.report {
        Ok(r) => r,
        Err(e) => {
            return html! { <aside class="summary" aria-live="polite"><p class="error" role="alert">{ e.to_string() }</p></aside> };
        }
    };
    let mc = &r.effort_hours.monte_carlo;
    let d = &r.calendar_days;
    let c = &r.cost;
    let risk = r.p_over_90_days * 100.0;
    html! {
        <aside class="summary" aria-label="Estimate result" aria-live="polite">
            <div class="table-scroll" tabindex="0" role="region" aria-label="Figures"><table class="figures">
                <caption>{ format!("{} simulated projects", thousands(u64::from(mc.samples))) }</caption>
                <thead><tr><th scope="col"><span class="visually-hidden">{ "Figure" }</span></th><th scope="col">{ "P50" }</th><th scope="col">{ "P80" }</th><th scope="col">{ "P90" }</th></tr></thead>
                <tbody>
                    <tr data-testid="effort"><th scope="row">{ "Effort" }</th>
                        <td>{ format!("{} h", Fixed(mc.p50, 0)) }</td><td>{ format!("{} h", Fixed(mc.p80, 0)) }</td><td>{ format!("{} h", Fixed(mc.p90, 0)) }</td></tr>
                    <tr data-testid="development"><th scope="row">{ "Development" }</th>
                        if r.plan.path.needs_estimate() {
                            <td>{ format!("{} days", Fixed(d.development.p50, 0)) }</td><td>{ format!("{} days", Fixed(d.development.p80, 0)) }</td><td>{ format!("{} days", Fixed(d.development.p90, 0)) }</td>
                        } else {
                            <td colspan="3">{ "none on this path" }</td>
                        }
                    </tr>
                    <tr data-testid="build"><th scope="row">{ "Start to merge" }</th>
                        <td>{ format!("{} days", Fixed(d.build.p50, 0)) }</td><td>{ format!("{} days", Fixed(d.build.p80, 0)) }</td><td>{ format!("{} days", Fixed(d.build.p90, 0)) }</td></tr>
                    <tr data-testid="delivery"><th scope="row">{ "Delivery" }</th>
                        <td>{ format!("{} days", Fixed(d.p50, 0)) }</td><td>{ format!("{} days", Fixed(d.p80, 0)) }</td><td>{ format!("{} days", Fixed(d.p90, 0)) }</td></tr>
                    <tr data-testid="cost"><th scope="row">{ format!("Cost ({})", c.currency) }</th>
                        <td>{ money(c.p50) }</td><td>{ money(c.p80) }</td><td>{ money(c.p90) }</td></tr>
                </tbody>
            </table></div>
            <p class={class("risk", r.guarantee_at_risk().then_some("at-risk"))} data-testid="risk">
                { format!("{}% risk of delivering after {} days", Fixed(risk, 0), Fixed(GUARANTEE_DAYS, 0)) }
            </p>
            <p class="calendar-note" data-testid="calendar-note">{ &r.uncertainty.calendar_note }</p>
            <p class="calibration" data-testid="calibration">{ &r.calibration }</p>
            if !r.constraints.is_empty() {
                <h2>{ "Constraints" }</h2>
                <ul class="constraints">{ for r.constraints.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct EstimateDetailsProps {
    pub report: EstimateReport,
}

#[component]
pub fn EstimateDetails(props: &EstimateDetailsProps) -> Html {
    let r = &props.report;
    let mc = &r.effort_hours.monte_carlo;
    html! {
        <section class="details" aria-label="How the estimate is made">
            <div class="charts">
                <Histogram bins={r.charts.effort_histogram.clone()} unit="h" title="Effort, hours: simulated distribution"
                    marks={vec![(AttrValue::from("P50"), mc.p50), (AttrValue::from("P80"), mc.p80)]} />
                <SCurve points={r.charts.calendar_s_curve.clone()} unit="days" title="Delivery: chance of finishing within N days"
                    limit={Some((AttrValue::from("90 days"), GUARANTEE_DAYS))} />
            </div>
            <p class="spread-source" data-testid="spread-source">{ r.uncertainty.sentence() }</p>
            <StageTimeline plan={r.plan.clone()} />
            <div class="table-scroll" tabindex="0" role="region" aria-label="Work breakdown"><table class="tasks">
                <caption>{ "Work breakdown (hours) and why each task is sized so" }</caption>
                <thead><tr>
                    <th scope="col">{ "Task" }</th><th scope="col">{ "Optimistic" }</th><th scope="col">{ "Most likely" }</th>
                    <th scope="col">{ "Pessimistic" }</th><th scope="col">{ "Mean" }</th><th scope="col">{ "Adjustments" }</th>
                </tr></thead>
                <tbody>
                    { for r.tasks.iter().map(|t| html! {
                        <tr data-task={t.id.clone()}>
                            <th scope="row">{ &t.label }</th>
                            <td>{ format!("{}", Fixed(t.hours.optimistic, 1)) }</td>
                            <td>{ format!("{}", Fixed(t.hours.most_likely, 1)) }</td>
                            <td>{ format!("{}", Fixed(t.hours.pessimistic, 1)) }</td>
                            <td>{ format!("{}", Fixed(t.mean, 1)) }</td>
                            <td>
                                if t.adjustments.is_empty() { { "calibrated base" } }
                                <ul class="adjustments">
                                    { for t.adjustments.iter().map(|a| html! { <li>{ format!("{} x{}", a.reason, Fixed(a.factor, 2)) }</li> }) }
                                </ul>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </section>
    }
}
