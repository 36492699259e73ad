//! The candidates and their values, a row each.

use crate::components::field::on_input;
use scope_core::evaluate::criteria_of;
use scope_core::support::number::Shortest;
use scope_core::workbench::session::{CandidatesEdit, Edit, Session};
use yew::prelude::*;

use crate::components::class;

use super::edit_button;

#[derive(Properties, PartialEq)]
pub struct CandidateTableProps {
    pub session: Session,
    pub on_edit: Callback<Edit>,
}

/// Candidates in rows, criteria in columns, every value typed.
#[component]
pub fn CandidateTable(props: &CandidateTableProps) -> Html {
    let s = &props.session;
    let case = s.edited();
    let criteria = criteria_of(case);
    let rows = case.candidates.len();
    html! {
        <section class="candidate-table" aria-label="Candidates">
            <div class="table-scroll" role="region" aria-label="Candidates' values">
                <table class="values">
                    <caption>{ "Candidates" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Name" }</th>
                        { for criteria.iter().map(|c| html! { <th scope="col">{ c.label() }{ c.unit.as_ref().map(|u| html! { <span class="unit">{ u }</span> }).unwrap_or_default() }</th> }) }
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr></thead>
                    <tbody>
                        { for case.candidates.iter().enumerate().map(|(i, cand)| {
                            let cells: Vec<Cell> = criteria.iter().map(|c| {
                                let path = format!("candidates[{i}].values.{}", c.id);
                                Cell {
                                    id: c.id.clone(),
                                    label: format!("{} of {}", c.label(), cand.name),
                                    error: s.error(&path),
                                    text: s.text_at(&path, || cand.values.get(&c.id).map(|v| Shortest(*v).to_string()).unwrap_or_default()),
                                }
                            }).collect();
                            html! {
                                <CandidateRow key={i} index={i} last={i + 1 == rows} name={cand.name.clone()}
                                    name_error={s.error(&format!("candidates[{i}].name"))}
                                    {cells} on_edit={props.on_edit.clone()} />
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { edit_button(&props.on_edit, "Add candidate".into(), "Add candidate", CandidatesEdit::AddCandidate, false) }
            if let Some(e) = s.error("candidates") { <p class="error" role="alert">{ e }</p> }
        </section>
    }
}

/// One value of a candidate's row, as the row shows it.
#[derive(Clone, PartialEq)]
struct Cell {
    id: String,
    label: String,
    text: String,
    error: Option<String>,
}

#[derive(Properties, PartialEq)]
struct CandidateRowProps {
    index: usize,
    last: bool,
    name: String,
    name_error: Option<String>,
    cells: Vec<Cell>,
    /// Stable across renders (the app's), so that a row whose values did not change is not
    /// rendered again: typing in one row of 50 re-renders that row only.
    on_edit: Callback<Edit>,
}

#[component]
fn CandidateRow(props: &CandidateRowProps) -> Html {
    let i = props.index;
    let emit = {
        let on_edit = props.on_edit.clone();
        move |e: CandidatesEdit| on_edit.emit(Edit::Candidates(e))
    };
    let button = |label: String, text: &'static str, edit: CandidatesEdit, disabled: bool| {
        edit_button(&props.on_edit, label, text, edit, disabled)
    };
    let rename = {
        let emit = emit.clone();
        on_input(move |name| emit(CandidatesEdit::RenameCandidate(i, name)))
    };
    let name = &props.name;
    html! {
        <tr data-row={i.to_string()}>
            <th scope="row">
                <input class={class("inline", props.name_error.is_some().then_some("invalid"))} aria-label={format!("Name of candidate {}", i + 1)} value={name.clone()} oninput={rename} />
                if let Some(e) = &props.name_error { <span class="error" role="alert">{ e }</span> }
            </th>
            { for props.cells.iter().map(|cell| {
                let id = cell.id.clone();
                let on_value = {
                    let emit = emit.clone();
                    on_input(move |v| emit(CandidatesEdit::Value(i, id.clone(), v)))
                };
                html! {
                    <td>
                        <input class={class("inline number", cell.error.is_some().then_some("invalid"))} inputmode="decimal"
                            aria-label={cell.label.clone()}
                            aria-invalid={cell.error.is_some().to_string()}
                            value={cell.text.clone()}
                            oninput={on_value} />
                        if let Some(e) = &cell.error { <span class="error" role="alert">{ e }</span> }
                    </td>
                }
            }) }
            <td class="actions">
                { button(format!("Move {name} up"), "↑", CandidatesEdit::MoveCandidate(i, false), i == 0) }
                { button(format!("Move {name} down"), "↓", CandidatesEdit::MoveCandidate(i, true), props.last) }
                { button(format!("Remove {name}"), "✕", CandidatesEdit::RemoveCandidate(i), false) }
            </td>
        </tr>
    }
}
