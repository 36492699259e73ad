//! The API-maturity tool: the questionnaire by section, and the ranking, live.

use scope_core::case::Answer;
use scope_core::maturity::rubric::{ITEMS, SECTIONS};
use scope_core::maturity::{self, MaturityReport, Rank};
use scope_core::support::number::{Fixed, Shortest};
use scope_core::workbench::session::{Edit, Session};
use yew::prelude::*;

use crate::components::ApiDocuments;
use crate::components::field::SelectInput;
use scope_core::prefill::ccxt::source_note;

#[derive(Properties, PartialEq)]
pub struct MaturityToolProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

fn answer_options() -> Vec<(AttrValue, AttrValue)> {
    std::iter::once((AttrValue::from(""), AttrValue::from("Not answered")))
        .chain(
            Answer::ALL
                .iter()
                .map(|a| (AttrValue::from(a.as_str()), AttrValue::from(a.label()))),
        )
        .collect()
}

#[component]
pub fn MaturityTool(props: &MaturityToolProps) -> Html {
    let valid = props.session.valid().clone();
    let report = use_memo(valid, scope_core::rank);
    let edited = props.session.edited();
    let market = edited.connector.market;
    let options = answer_options();
    html! {
        <div class="tool-layout">
            <MaturitySummary report={(*report).clone()} />
            <div class="questionnaire-side">
            <ApiDocuments session={props.session.clone()} on_edit={props.on_edit.clone()} />
            <form class="questionnaire" aria-label="API questionnaire" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for SECTIONS.iter().filter(|s| s.id.as_str() != "exchange" && (!s.perpetual_only || market.has_perpetual())).map(|section| html! {
                    <fieldset class="section" data-section={section.id.as_str()}>
                        <legend>{ section.label }</legend>
                        { for ITEMS.iter().filter(|i| i.section == section.id && maturity::applies(i, market)).map(|item| {
                            let on_edit = props.on_edit.clone();
                            let id = item.id.to_string();
                            let value = edited.api.get(item.id).map_or("", |a| a.as_str());
                            html! {
                                <div class="item" data-item={item.id}>
                                    <SelectInput
                                        id={format!("cs-api-{}", item.id)}
                                        label={format!("{}{}", item.label, if item.required { " (required)" } else { "" })}
                                        options={options.clone()}
                                        value={value}
                                        on_change={Callback::from(move |v: String| on_edit.emit(Edit::Answer(id.clone(), v.parse().ok())))}
                                    />
                                    <p class="help">{ item.help }</p>
                                    if let Some(source) = edited.api_sources.get(item.id) {
                                        <p class="source" data-testid="answer-source">
                                            { format!("From {source}") }
                                            { source_note(source).map(|n| format!(": {n}")).unwrap_or_default() }
                                        </p>
                                    }
                                </div>
                            }
                        }) }
                    </fieldset>
                }) }
            </form>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MaturitySummaryProps {
    pub report: MaturityReport,
}

#[component]
pub fn MaturitySummary(props: &MaturitySummaryProps) -> Html {
    let r = &props.report;
    let rank_class = format!("rank rank-{}", r.rank.as_str().to_ascii_lowercase());
    html! {
        <aside class="summary" aria-label="Maturity result" aria-live="polite">
            <div class="headline">
                <span class={rank_class} data-testid="rank">{ if r.rank == Rank::Blocked { "Blocked".to_string() } else { r.rank.as_str().to_string() } }</span>
                <div>
                    <p class="score"><span data-testid="score">{ format!("{}", Fixed(r.score, 1)) }</span>{ " / 100" }</p>
                    <p class="rank-label">{ r.rank_label }</p>
                </div>
            </div>
            if !r.blockers.is_empty() {
                <div class="blockers" role="alert">
                    <p><strong>{ "Blocked: " }</strong>{ "the exchange does not offer these required items:" }</p>
                    <ul>{ for r.blockers.iter().map(|b| html! { <li>{ b.label }</li> }) }</ul>
                </div>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-label="Score by section"><table class="sections">
                <caption>{ "By section" }</caption>
                <thead><tr><th scope="col">{ "Section" }</th><th scope="col">{ "Weight" }</th><th scope="col">{ "Score" }</th></tr></thead>
                <tbody>
                    { for r.sections.iter().map(|s| html! {
                        <tr>
                            <th scope="row">{ s.label }</th>
                            <td>{ format!("{}%", Fixed(s.weight, 0)) }</td>
                            <td><meter min="0" max="100" low="50" high="85" optimum="100" value={Shortest(s.score).to_string()}>{ format!("{}", Fixed(s.score, 0)) }</meter>{ format!(" {}", Fixed(s.score, 0)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
            if !r.findings.is_empty() {
                <h2>{ "Findings" }</h2>
                <ul class="findings">
                    { for r.findings.iter().map(|f| html! {
                        <li class={format!("finding {}", f.severity)}>{ &f.sentence }</li>
                    }) }
                </ul>
            }
            if !r.unanswered.is_empty() {
                <p class="note">{ format!("{} items unanswered, counted as partial.", r.unanswered.len()) }</p>
            }
        </aside>
    }
}
