//! The maintainer candidates tool: criteria and weights (direct or AHP), candidates and their
//! values, the method; the ranking with its reasons, dominance and weight sensitivity.

use scope_core::CaseError;
use scope_core::case::{CriterionKind, Method, Normalization};
use scope_core::evaluate::ahp::{SCALE, nearest_scale};
use scope_core::evaluate::{EvaluationReport, StackedBar, criteria_of};
use scope_core::support::number::{Fixed, Shortest};
use scope_core::workbench::session::{CandidatesEdit, Edit, Session, judgement};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::class;

use crate::components::WeightInterval;
use crate::components::field::SelectInput;

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

    html! {
        <div class="tool">
            <div class="tool-layout candidates">
                <RankingSummary report={(*report).clone()} selected={case.selected_candidate.clone()}
                    on_select={{ let emit = emit.clone(); Callback::from(move |name: Option<String>| emit(CandidatesEdit::Select(name))) }} />
                <form class="inputs" aria-label="Method and criteria" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset>
                        <legend>{ "Method" }</legend>
                        <SelectInput id="cs-method" label="Scoring" value={case.evaluation.method.as_str()} on_change={on_method}
                            options={Method::ALL.iter().map(|m| (AttrValue::from(m.as_str()), AttrValue::from(m.label()))).collect::<Vec<_>>()} />
                        <SelectInput id="cs-normalization" label="Normalization" on_change={on_normalization}
                            value={case.evaluation.normalization.map_or("", |n| n.as_str())}
                            options={std::iter::once((AttrValue::from(""), AttrValue::from(format!("Default ({})", case.evaluation.method.default_normalization()))))
                                .chain(Normalization::ALL.iter().map(|n| (AttrValue::from(n.as_str()), AttrValue::from(n.as_str())))).collect::<Vec<_>>()} />
                        <SelectInput id="cs-weight-mode" label="Weights" value={if ahp { "ahp" } else { "direct" }} on_change={on_mode}
                            options={vec![(AttrValue::from("direct"), AttrValue::from("Direct weights")), (AttrValue::from("ahp"), AttrValue::from("AHP pairwise comparisons"))]} />
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
                                    let rename = { let emit = emit.clone(); Callback::from(move |e: InputEvent| emit(CandidatesEdit::RenameCriterion(i, e.target_unchecked_into::<HtmlInputElement>().value()))) };
                                    let kind = { let emit = emit.clone(); Callback::from(move |v: String| if let Ok(k) = v.parse::<CriterionKind>() { emit(CandidatesEdit::CriterionKind(i, k)) }) };
                                    let weight_path = format!("criteria[{i}].weight");
                                    let weight_text = s.text_at(&weight_path, || c.weight.map(|w| Shortest(w).to_string()).unwrap_or_default());
                                    let weight = { let emit = emit.clone(); Callback::from(move |e: InputEvent| emit(CandidatesEdit::Weight(i, e.target_unchecked_into::<HtmlInputElement>().value()))) };
                                    let error = s.error(&weight_path).or_else(|| s.error(&format!("criteria[{i}].id")));
                                    html! {
                                        <tr data-criterion={c.id.clone()}>
                                            <th scope="row">
                                                <input class="inline" aria-label={format!("Name of criterion {}", i + 1)} value={c.label().to_string()} oninput={rename} />
                                            </th>
                                            <td>
                                                <SelectInput id={format!("cs-criterion-{i}-kind")} label={format!("{}: more is", c.label())} value={c.kind.as_str()} on_change={kind}
                                                    options={vec![(AttrValue::from("benefit"), AttrValue::from("better")), (AttrValue::from("cost"), AttrValue::from("worse"))]} />
                                            </td>
                                            <td>
                                                if ahp {
                                                    { (*report).as_ref().ok().and_then(|r| r.weights.0.iter().find(|(id, _)| *id == c.id).map(|(_, w)| format!("{}%", Fixed(w * 100.0, 1)))).unwrap_or_default() }
                                                } else {
                                                    <input class={class("inline number", error.is_some().then_some("invalid"))} inputmode="decimal"
                                                        aria-label={format!("Weight of {}", c.label())} value={weight_text} oninput={weight}
                                                        aria-invalid={error.is_some().to_string()} />
                                                    <input type="range" min="0" max="1" step="0.01" class="slider" aria-label={format!("Weight of {} (slider)", c.label())}
                                                        value={Shortest(c.weight.unwrap_or(0.0)).to_string()}
                                                        oninput={{ let emit = emit.clone(); Callback::from(move |e: InputEvent| emit(CandidatesEdit::Weight(i, e.target_unchecked_into::<HtmlInputElement>().value()))) }} />
                                                    if let Some(e) = error { <span class="error" role="alert">{ e }</span> }
                                                }
                                            </td>
                                            <td>{ sensitivity(&c.id).map(|s| html! { <WeightInterval sensitivity={s} /> }).unwrap_or_default() }</td>
                                            <td class="actions">
                                                { button(format!("Move {} up", c.label()), "↑", CandidatesEdit::MoveCriterion(i, false), i == 0) }
                                                { button(format!("Move {} down", c.label()), "↓", CandidatesEdit::MoveCriterion(i, true), i + 1 == criteria.len()) }
                                                { button(format!("Remove {}", c.label()), "✕", CandidatesEdit::RemoveCriterion(i), criteria.len() < 2) }
                                            </td>
                                        </tr>
                                    }
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
                            <li>{ format!("{} vs {}: you said {}, the weights imply {}", d.a, d.b, Fixed(d.given, 2), Fixed(d.implied, 2)) }</li>
                        }) }
                    </ul>
                }
            }
        </aside>
    }
}

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
        Callback::from(move |e: InputEvent| {
            emit(CandidatesEdit::RenameCandidate(
                i,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
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
                let on_input = { let emit = emit.clone(); Callback::from(move |e: InputEvent| emit(CandidatesEdit::Value(i, id.clone(), e.target_unchecked_into::<HtmlInputElement>().value()))) };
                html! {
                    <td>
                        <input class={class("inline number", cell.error.is_some().then_some("invalid"))} inputmode="decimal"
                            aria-label={cell.label.clone()}
                            aria-invalid={cell.error.is_some().to_string()}
                            value={cell.text.clone()}
                            oninput={on_input} />
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

#[derive(Properties, PartialEq)]
pub struct ContributionsProps {
    pub report: EvaluationReport,
}

/// Why each score: every criterion's weighted part, as stacked bars.
#[component]
pub fn Contributions(props: &ContributionsProps) -> Html {
    let r = &props.report;
    html! {
        <section class="contributions" aria-label="Why each score">
            <h2>{ if r.method == Method::WeightedSum { "Why each score: the weighted part of each criterion" } else { "Each candidate's weighted values (TOPSIS measures their distance to the ideal)" } }</h2>
            <ul class="legend">
                { for r.criteria.iter().enumerate().map(|(j, c)| html! { <li class={format!("series-{}", j % 8)}>{ c.label() }</li> }) }
            </ul>
            // Keyed by name: a re-ranking moves rows instead of rewriting them, and a bar whose
            // segments did not change is not rendered again.
            // (Names are unique in a valid case, the only kind that is evaluated.)
            { for r.stacked_bars(BAR_WIDTH).into_iter().map(|bar| {
                let key = bar.name.clone();
                html! { <ContributionBar {key} {bar} /> }
            }) }
        </section>
    }
}

/// The chart's width in SVG units.
const BAR_WIDTH: f64 = 420.0;

#[derive(Properties, PartialEq)]
struct ContributionBarProps {
    bar: StackedBar,
}

#[component]
fn ContributionBar(props: &ContributionBarProps) -> Html {
    let bar = &props.bar;
    html! {
        <div class="contribution">
            <span class="name">{ &bar.name }</span>
            <svg viewBox={format!("0 0 {} 14", Shortest(BAR_WIDTH))} role="img" aria-label={format!("{}: contributions by criterion", bar.name)}>
                { for bar.segments.iter().map(|s| html! {
                    <rect class={format!("series-{}", s.series % 8)} x={format!("{}", Fixed(s.x, 1))} y="0" width={format!("{}", Fixed(s.width, 1))} height="14">
                        <title>{ format!("{}: {} (normalized {}, weighted {})", s.part.criterion, Shortest(s.part.value), Fixed(s.part.normalized, 3), Fixed(s.part.weighted, 3)) }</title>
                    </rect>
                }) }
            </svg>
        </div>
    }
}
