//! The process tool: the engagement path, its stage plan with reasons, each stage's status, and
//! the next action.

use scope_core::case::{EngagementPath, GovernanceEra, StageStatus};
use scope_core::process::Applies;
use scope_core::support::number::Fixed;
use scope_core::workbench::session::{Edit, Session};
use yew::prelude::*;

use crate::components::StageTimeline;
use crate::components::field::{Choice, SelectInput};

#[derive(Properties, PartialEq)]
pub struct ProcessToolProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn ProcessTool(props: &ProcessToolProps) -> Html {
    let plan = use_memo(props.session.valid().clone(), scope_core::plan);
    let case = props.session.edited();
    let on_edit = props.on_edit.clone();
    let on_path = Callback::from(move |v: String| {
        if let Ok(p) = v.parse::<EngagementPath>() {
            on_edit.emit(Edit::Path(p));
        }
    });
    let on_edit = props.on_edit.clone();
    let on_era = Callback::from(move |v: String| {
        if let Ok(e) = v.parse::<GovernanceEra>() {
            on_edit.emit(Edit::Era(e));
        }
    });
    let paths = EngagementPath::ALL
        .iter()
        .map(|p| (AttrValue::from(p.as_str()), AttrValue::from(p.label())))
        .collect::<Vec<_>>();
    let eras = GovernanceEra::ALL
        .iter()
        .map(|e| (AttrValue::from(e.as_str()), AttrValue::from(e.label())))
        .collect::<Vec<_>>();
    let statuses: Vec<(AttrValue, AttrValue)> = StageStatus::ALL
        .iter()
        .map(|s| (AttrValue::from(s.as_str()), AttrValue::from(s.label())))
        .collect();
    let next = plan
        .next_stage
        .and_then(|id| plan.stages.iter().find(|s| s.id == id));
    html! {
        <div class="tool">
            <div class="tool-layout process">
                <aside class="summary" aria-live="polite">
                    <h2>{ "Next action" }</h2>
                    if let Some(s) = next {
                        <p data-testid="next-stage"><strong>{ s.label }</strong></p>
                        <p>{ s.reason }</p>
                    } else {
                        <p data-testid="next-stage">{ "Every stage is done: the connector is merged." }</p>
                    }
                    <p>{ format!("Delivery (maintainer assignment to merge), PERT mean: {} days.", Fixed(plan.delivery_days_mean, 0)) }</p>
                </aside>
                <form class="inputs" aria-label="Engagement path" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <Choice name="cs-path" legend="How the exchange approaches Hummingbot" options={paths} value={case.path.as_str()} on_change={on_path} />
                    <SelectInput id="cs-era" label="Governance era" options={eras} value={case.governance_era.as_str()}
                        hint={case.governance_era.votes_sentence()} on_change={on_era} />
                </form>
            </div>
            <div class="table-scroll" role="region" aria-label="Stages"><table class="stages">
                <caption>{ format!("The nine stages on this path: {}", plan.path_label) }</caption>
                <thead><tr>
                    <th scope="col">{ "Stage" }</th><th scope="col">{ "Applies" }</th><th scope="col">{ "Why" }</th>
                    <th scope="col">{ "Days" }</th><th scope="col">{ "Status" }</th>
                </tr></thead>
                <tbody>
                    { for plan.stages.iter().map(|s| {
                        let on_edit = props.on_edit.clone();
                        let stage = s.id;
                        let days = match s.days {
                            Some(d) if s.applies != Applies::Skipped => format!("{}-{}", Fixed(d.optimistic, 0), Fixed(d.pessimistic, 0)),
                            _ => "-".into(),
                        };
                        html! {
                            <tr data-stage={s.id.as_str()} class={format!("applies-{}", s.applies)}>
                                <th scope="row">{ s.label }</th>
                                <td><span class={format!("badge {}", s.applies)}>{ s.applies.as_str() }</span></td>
                                <td class="reason">{ s.reason }</td>
                                <td>{ days }</td>
                                <td>
                                    if s.applies != Applies::Skipped {
                                        <SelectInput id={format!("cs-stage-{}", s.id)} label={format!("Status of {}", s.label)}
                                            options={statuses.clone()} value={case.stage_status(stage).as_str()}
                                            on_change={Callback::from(move |v: String| {
                                                if let Ok(st) = v.parse::<StageStatus>() {
                                                    on_edit.emit(Edit::Stage(stage, st));
                                                }
                                            })} />
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table></div>
            <StageTimeline plan={(*plan).clone()} />
        </div>
    }
}
