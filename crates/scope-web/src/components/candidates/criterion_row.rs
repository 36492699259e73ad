//! One criterion of the evaluation: its name, whether more is better, its weight (typed and as a
//! slider, or AHP's), the interval where the winner stays, and the buttons that move or remove it.

use scope_core::case::{Criterion, CriterionKind};
use scope_core::evaluate::Sensitivity;
use scope_core::support::number::Shortest;
use scope_core::workbench::session::{CandidatesEdit, Edit};
use yew::prelude::*;

use crate::components::WeightInterval;
use crate::components::class;
use crate::components::field::{SelectInput, on_input};

use super::edit_button;

/// What a criterion's row shows. A plain function, not a component: a component's machinery
/// costs more bundle than a few rows' rendering saves.
pub struct CriterionRowProps {
    pub index: usize,
    /// How many criteria there are (the last cannot move down, the only one cannot go).
    pub count: usize,
    pub criterion: Criterion,
    /// The weight as typed (or as the case has it).
    pub weight_text: String,
    pub error: Option<String>,
    /// Whether AHP gives the weights; then `ahp_weight` is shown instead of the inputs.
    pub ahp: bool,
    pub ahp_weight: Option<String>,
    pub sensitivity: Option<Sensitivity>,
    pub on_edit: Callback<Edit>,
}

pub fn criterion_row(props: CriterionRowProps) -> Html {
    let (i, c) = (props.index, &props.criterion);
    let emit = {
        let on_edit = props.on_edit.clone();
        move |e: CandidatesEdit| on_edit.emit(Edit::Candidates(e))
    };
    let rename = {
        let emit = emit.clone();
        on_input(move |name| emit(CandidatesEdit::RenameCriterion(i, name)))
    };
    let kind = {
        let emit = emit.clone();
        Callback::from(move |v: String| {
            if let Ok(k) = v.parse::<CriterionKind>() {
                emit(CandidatesEdit::CriterionKind(i, k))
            }
        })
    };
    let weight = {
        let emit = emit.clone();
        on_input(move |w| emit(CandidatesEdit::Weight(i, w)))
    };
    let slider = on_input(move |w| emit(CandidatesEdit::Weight(i, w)));
    let kinds = vec![
        (AttrValue::from("benefit"), AttrValue::from("better")),
        (AttrValue::from("cost"), AttrValue::from("worse")),
    ];
    let button = |label: String, text: &'static str, edit: CandidatesEdit, disabled: bool| {
        edit_button(&props.on_edit, label, text, edit, disabled)
    };
    let label = c.label();
    let error = &props.error;
    html! {
        <tr data-criterion={c.id.clone()}>
            <th scope="row">
                <input class="inline" aria-label={format!("Name of criterion {}", i + 1)} value={label.to_string()} oninput={rename} />
            </th>
            <td>
                <SelectInput id={format!("cs-criterion-{i}-kind")} label={format!("{label}: more is")} value={c.kind.as_str()} on_change={kind}
                    options={kinds} />
            </td>
            <td>
                if props.ahp {
                    { props.ahp_weight.clone().unwrap_or_default() }
                } else {
                    <input class={class("inline number", error.is_some().then_some("invalid"))} inputmode="decimal"
                        aria-label={format!("Weight of {label}")} value={props.weight_text.clone()} oninput={weight}
                        aria-invalid={error.is_some().to_string()} />
                    <input type="range" min="0" max="1" step="0.01" class="slider" aria-label={format!("Weight of {label} (slider)")}
                        value={Shortest(c.weight.unwrap_or(0.0)).to_string()} oninput={slider} />
                    if let Some(e) = error { <span class="error" role="alert">{ e.clone() }</span> }
                }
            </td>
            <td>{ props.sensitivity.clone().map(|s| html! { <WeightInterval sensitivity={s} /> }).unwrap_or_default() }</td>
            <td class="actions">
                { button(format!("Move {label} up"), "↑", CandidatesEdit::MoveCriterion(i, false), i == 0) }
                { button(format!("Move {label} down"), "↓", CandidatesEdit::MoveCriterion(i, true), i + 1 == props.count) }
                { button(format!("Remove {label}"), "✕", CandidatesEdit::RemoveCriterion(i), props.count < 2) }
            </td>
        </tr>
    }
}
