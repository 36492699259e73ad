//! The ranking beside the inputs: the winner, the scores, the selected candidate.

use scope_core::CaseError;
use scope_core::evaluate::EvaluationReport;
use scope_core::evaluate::ahp::written;
use scope_core::support::number::Fixed;
use yew::prelude::*;

use crate::components::class;

#[derive(Properties, PartialEq)]
pub struct RankingSummaryProps {
    pub report: Result<EvaluationReport, CaseError>,
    pub selected: Option<String>,
    pub on_select: Callback<Option<String>>,
}

#[component]
pub fn RankingSummary(props: &RankingSummaryProps) -> Html {
    let r = match &props.report {
        Ok(r) => r,
        Err(e) => {
            return html! { <aside class="summary" aria-live="polite"><p class="note" data-testid="ranking-empty">{ e.to_string() }</p></aside> };
        }
    };
    html! {
        <aside class="summary" aria-label="Ranking" aria-live="polite">
            <ol class="ranking">
                { for r.ranking.iter().map(|c| {
                    let dominated = r.dominated.iter().find(|d| d.name == c.name);
                    let selected = props.selected.as_deref() == Some(c.name.as_str());
                    let on_select = props.on_select.clone();
                    let name = c.name.clone();
                    html! {
                        <li key={c.name.clone()} class={class("candidate", selected.then_some("selected"))} data-candidate={c.name.clone()}>
                            <span class="rank-number">{ c.rank }</span>
                            <span class="name">{ &c.name }</span>
                            // A bar, not a <meter>: a meter's value lives in its own shadow
                            // DOM, restyled and laid out again for all 50 on each keystroke.
                            <svg class="bar" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="track" width="1" height="1" />
                                <rect class="fill" width={Fixed(r.share_of_top(c.score), 4).to_string()} height="1" />
                            </svg>
                            <span class="value" data-testid="candidate-score">{ format!("{}", Fixed(c.score, 3)) }</span>
                            if let Some(d) = dominated {
                                <span class="dominated">{ format!("dominated by {}", d.by.join(", ")) }</span>
                            }
                            <button type="button" class="small" aria-pressed={selected.to_string()}
                                onclick={Callback::from(move |_: MouseEvent| on_select.emit(if selected { None } else { Some(name.clone()) }))}>
                                { if selected { "Selected" } else { "Select" } }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="note">{ format!("{}, {} normalization.", r.method.label(), r.normalization) }</p>
            if props.selected.is_some() {
                <p class="note">{ "The selected candidate's hourly rate (cost) and availability are the estimate's." }</p>
            }
            if let Some(a) = &r.ahp {
                <p class={class("cr", (!a.consistent).then_some("warning"))} data-testid="cr">
                    { format!("Consistency ratio {}{}", Fixed(a.cr, 3), if a.consistent { " (consistent)" } else { ": above 0.10, revisit the comparisons" }) }
                </p>
                if !a.disagreements.is_empty() {
                    <ul class="disagreements">
                        { for a.disagreements.iter().map(|d| html! {
                            <li>{ format!("{} vs {}: you said {}, the weights imply {}", r.label_of(&d.a), r.label_of(&d.b), written(d.given), Fixed(d.implied, 2)) }</li>
                        }) }
                    </ul>
                }
            }
        </aside>
    }
}
