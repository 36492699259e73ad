//! The maintainer candidates tool: criteria and weights (direct or AHP), candidates and their
//! values, the method; the ranking with its reasons, dominance and weight sensitivity.

use scope_core::CaseError;
use scope_core::case::{Method, Normalization};
use scope_core::evaluate::{EvaluationReport, criteria_of};
use scope_core::support::number::{Fixed, Shortest};
use scope_core::workbench::session::{CandidatesEdit, Edit, Session};
use yew::prelude::*;

use crate::components::field::SelectInput;

mod ahp_pairs;
mod contributions;
mod criterion_row;
mod ranking;
mod table;

use ahp_pairs::AhpPairs;
use contributions::Contributions;
use criterion_row::{CriterionRowProps, criterion_row};
use ranking::RankingSummary;
use table::CandidateTable;

#[derive(Properties, PartialEq)]
pub struct CandidatesToolProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn CandidatesTool(props: &CandidatesToolProps) -> Html {
    let s = &props.session;
    let report = use_memo(s.valid().clone(), scope_core::evaluate::evaluate);
    let case = s.edited();
    let criteria = criteria_of(case);
    let emit = {
        let on_edit = props.on_edit.clone();
        move |e: CandidatesEdit| on_edit.emit(Edit::Candidates(e))
    };
    let cb = |make: fn(String) -> Option<CandidatesEdit>| {
        let emit = emit.clone();
        Callback::from(move |v: String| {
            if let Some(e) = make(v) {
                emit(e);
            }
        })
    };
    let on_method = cb(|v| v.parse::<Method>().ok().map(CandidatesEdit::Method));
    let on_normalization = cb(|v| {
        Some(CandidatesEdit::Normalization(
            v.parse::<Normalization>().ok(),
        ))
    });
    let on_mode = cb(|v| Some(CandidatesEdit::UseAhp(v == "ahp")));
    let ahp = case.weights.ahp.is_some();
    let sensitivity = |id: &str| {
        (*report)
            .as_ref()
            .ok()
            .and_then(|r| r.sensitivity.iter().find(|x| x.criterion == id).cloned())
    };
    let button = |label: String, text: &'static str, edit: CandidatesEdit, disabled: bool| {
        edit_button(&props.on_edit, label, text, edit, disabled)
    };
    let on_select = {
        let emit = emit.clone();
        Callback::from(move |name: Option<String>| emit(CandidatesEdit::Select(name)))
    };
    let method_options: Vec<(AttrValue, AttrValue)> = Method::ALL
        .iter()
        .map(|m| (AttrValue::from(m.as_str()), AttrValue::from(m.label())))
        .collect();
    let default_normalization = format!(
        "Default ({})",
        case.evaluation.method.default_normalization()
    );
    let normalization_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(default_normalization)))
            .chain(
                Normalization::ALL
                    .iter()
                    .map(|n| (AttrValue::from(n.as_str()), AttrValue::from(n.as_str()))),
            )
            .collect();
    let mode_options = vec![
        (AttrValue::from("direct"), AttrValue::from("Direct")),
        (AttrValue::from("ahp"), AttrValue::from("Pairwise (AHP)")),
    ];
    let no_submit = Callback::from(|e: SubmitEvent| e.prevent_default());

    html! {
        <div class="tool">
            <div class="tool-layout candidates">
                <RankingSummary report={(*report).clone()} selected={case.selected_candidate.clone()}
                    {on_select} />
                <form class="inputs" aria-label="Method and criteria" onsubmit={no_submit}>
                    <fieldset>
                        <legend>{ "Method" }</legend>
                        <SelectInput id="cs-method" label="Scoring" value={case.evaluation.method.as_str()} on_change={on_method}
                            options={method_options} />
                        <SelectInput id="cs-normalization" label="Normalization" on_change={on_normalization}
                            value={case.evaluation.normalization.map_or("", |n| n.as_str())}
                            options={normalization_options} />
                        <SelectInput id="cs-weight-mode" label="Weights" value={if ahp { "ahp" } else { "direct" }} on_change={on_mode}
                            options={mode_options} />
                    </fieldset>
                    <div class="table-scroll" role="region" aria-label="Criteria">
                        <table class="criteria">
                            <caption>{ "Criteria" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Criterion" }</th><th scope="col">{ "More is" }</th>
                                <th scope="col">{ "Weight" }</th><th scope="col">{ "Winner stays" }</th><th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                            </tr></thead>
                            <tbody>
                                { for criteria.iter().enumerate().map(|(i, c)| {
                                    let weight_path = format!("criteria[{i}].weight");
                                    let weight_text = s.text_at(&weight_path, || c.weight.map(|w| Shortest(w).to_string()).unwrap_or_default());
                                    let error = s.error(&weight_path).or_else(|| s.error(&format!("criteria[{i}].id")));
                                    let ahp_weight = ahp.then(|| ahp_weight(&report, &c.id)).flatten();
                                    criterion_row(CriterionRowProps {
                                        index: i,
                                        count: criteria.len(),
                                        criterion: c.clone(),
                                        weight_text,
                                        error,
                                        ahp,
                                        ahp_weight,
                                        sensitivity: sensitivity(&c.id),
                                        on_edit: props.on_edit.clone(),
                                    })
                                }) }
                            </tbody>
                        </table>
                    </div>
                    { button("Add criterion".into(), "Add criterion", CandidatesEdit::AddCriterion, false) }
                    if let Some(e) = s.error("criteria") { <p class="error" role="alert">{ e }</p> }
                    if ahp {
                        <AhpPairs session={s.clone()} on_edit={props.on_edit.clone()} report={(*report).clone()} />
                    }
                </form>
            </div>
            <CandidateTable session={s.clone()} on_edit={props.on_edit.clone()} />
            if let Ok(r) = &*report {
                <Contributions report={r.clone()} />
            }
        </div>
    }
}

/// A criterion's weight as AHP gave it, in percent.
fn ahp_weight(report: &Result<EvaluationReport, CaseError>, id: &str) -> Option<String> {
    let r = report.as_ref().ok()?;
    let (_, w) = r.weights.0.iter().find(|(c, _)| c == id)?;
    Some(format!("{}%", Fixed(w * 100.0, 1)))
}

/// A small button that sends one edit of the candidates.
fn edit_button(
    on_edit: &Callback<Edit>,
    label: String,
    text: &'static str,
    edit: CandidatesEdit,
    disabled: bool,
) -> Html {
    let onclick = on_edit.reform(move |_: MouseEvent| Edit::Candidates(edit.clone()));
    html! {
        <button type="button" class="small" aria-label={label} title={text} {disabled} {onclick}>{ text }</button>
    }
}
