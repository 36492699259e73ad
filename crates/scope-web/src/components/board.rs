//! The workspace's cases on the board: requested, in progress, completed.

use scope_core::support::number::Fixed;
use scope_core::support::written::money;
use scope_core::workbench::workspace::{Card, Column, StoredCase, card};
use yew::prelude::*;

use crate::components::field::on_change;

use crate::components::class;

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub cases: Vec<StoredCase>,
    pub current: u64,
    pub on_open: Callback<u64>,
    pub on_new: Callback<()>,
    pub on_duplicate: Callback<u64>,
    pub on_delete: Callback<u64>,
    pub on_rename: Callback<(u64, String)>,
}

#[component]
pub fn Board(props: &BoardProps) -> Html {
    let cards = use_memo(props.cases.clone(), |cases| {
        cases.iter().map(card).collect::<Vec<Card>>()
    });
    let on_new = props.on_new.reform(|_: MouseEvent| ());
    html! {
        <section class="board" aria-label="Cases">
            <button type="button" class="small" onclick={on_new}>{ "New case" }</button>
            <div class="columns">
                { for Column::ALL.iter().map(|column| {
                    let in_column: Vec<&Card> = cards.iter().filter(|c| c.column == *column).collect();
                    html! {
                        <section class="column" data-column={column.as_str()} aria-label={column.label()}>
                            <h2>{ format!("{} ({})", column.label(), in_column.len()) }</h2>
                            { for in_column.into_iter().map(|c| {
                                let id = c.id;
                                let current = id == props.current;
                                let on_rename = props.on_rename.clone();
                                html! {
                                    <article class={class("card", current.then_some("current"))} data-case={c.name.clone()}>
                                        <input class="inline" aria-label={format!("Name of case {}", c.name)} value={c.name.clone()}
                                            onchange={on_change(move |v| on_rename.emit((id, v)))} />
                                        <dl>
                                            <dt>{ "Rank" }</dt><dd data-testid="card-rank">{ c.rank.as_str() }</dd>
                                            <dt>{ "P80 cost" }</dt><dd data-testid="card-cost">{ c.p80_cost.map(|v| format!("{} {}", c.currency, money(v))).unwrap_or_else(|| "no rate".into()) }</dd>
                                            <dt>{ "P80 delivery" }</dt><dd data-testid="card-days">{ c.p80_days.map(|d| format!("{} days", Fixed(d, 0))).unwrap_or_else(|| "-".into()) }</dd>
                                        </dl>
                                        <div class="actions">
                                            <button type="button" class="small" aria-pressed={current.to_string()} onclick={props.on_open.reform(move |_: MouseEvent| id)}>
                                                { if current { "Open (current)" } else { "Open" } }
                                            </button>
                                            <button type="button" class="small" aria-label={format!("Duplicate {}", c.name)} onclick={props.on_duplicate.reform(move |_: MouseEvent| id)}>{ "Duplicate" }</button>
                                            <button type="button" class="small" aria-label={format!("Delete {}", c.name)} onclick={props.on_delete.reform(move |_: MouseEvent| id)} disabled={props.cases.len() < 2}>{ "Delete" }</button>
                                        </div>
                                    </article>
                                }
                            }) }
                        </section>
                    }
                }) }
            </div>
        </section>
    }
}
