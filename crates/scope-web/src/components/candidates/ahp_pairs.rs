//! The AHP pairwise comparisons on Saaty's scale, and their consistency.

use scope_core::CaseError;
use scope_core::evaluate::ahp::{SCALE, nearest_scale};
use scope_core::evaluate::{EvaluationReport, criteria_of};
use scope_core::workbench::session::{CandidatesEdit, Edit, Session, judgement};
use yew::prelude::*;

use crate::components::field::SelectInput;

#[derive(Properties, PartialEq)]
pub struct AhpPairsProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
    pub report: Result<EvaluationReport, CaseError>,
}

/// One select per pair of criteria on Saaty's scale.
#[component]
pub fn AhpPairs(props: &AhpPairsProps) -> Html {
    let case = props.session.edited();
    let criteria = criteria_of(case);
    let n = criteria.len();
    html! {
        <fieldset class="ahp">
            <legend>{ "Pairwise comparisons: how much more important is the first?" }</legend>
            { for (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b))).map(|(a, b)| {
                let on_edit = props.on_edit.clone();
                let current = nearest_scale(judgement(case, a, b));
                html! {
                    <SelectInput id={format!("cs-ahp-{a}-{b}")} label={format!("{} vs {}", criteria[a].label(), criteria[b].label())}
                        value={current.to_string()}
                        options={SCALE.iter().enumerate().map(|(i, (_, l))| (AttrValue::from(i.to_string()), AttrValue::from(*l))).collect::<Vec<_>>()}
                        on_change={Callback::from(move |v: String| {
                            if let Some((value, _)) = v.parse::<usize>().ok().and_then(|i| SCALE.get(i)) {
                                on_edit.emit(Edit::Candidates(CandidatesEdit::Judgement(a, b, *value)));
                            }
                        })} />
                }
            }) }
            if let Some(e) = props.session.error("weights.ahp.matrix").or_else(|| props.session.error("weights.ahp.order")) {
                <p class="error" role="alert">{ e }</p>
            }
        </fieldset>
    }
}
