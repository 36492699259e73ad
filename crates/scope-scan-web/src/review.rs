//! The review of proposed answers: each with what it would change and its evidence; accept the
//! ones ticked, or all that answer or improve; the user's own answers stay unless ticked.

use scope_core::case::Answer;
use scope_core::prefill::DocumentRead;
use scope_core::prefill::ccxt::source_note;
use scope_core::prefill::review::{Change, ReviewRow, chosen};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScanReviewProps {
    pub rows: Vec<ReviewRow>,
    pub documents: Vec<DocumentRead>,
    /// Files not read at all (too large, unreadable), with why.
    pub refused: Vec<String>,
    pub not_found: Vec<String>,
    pub on_accept: Callback<Vec<(String, Answer, String)>>,
    pub on_dismiss: Callback<()>,
}

fn current_text(r: &ReviewRow) -> String {
    match (r.current, &r.current_source) {
        (None, _) => "not answered".into(),
        (Some(a), Some(source)) => format!("{} (from {source})", a.label()),
        (Some(a), None) => format!("{} (your answer)", a.label()),
    }
}

#[component]
pub fn ScanReview(props: &ScanReviewProps) -> Html {
    let ticked = use_state(|| {
        props
            .rows
            .iter()
            .filter(|r| r.change.by_default())
            .map(|r| r.item)
            .collect::<Vec<&'static str>>()
    });
    let rows = &props.rows;
    let open: Vec<&ReviewRow> = rows.iter().filter(|r| r.change != Change::Same).collect();
    let same = rows.len() - open.len();
    let by_default = rows.iter().filter(|r| r.change.by_default()).count();
    let accept_ticked = {
        let (rows, ticked, on_accept) = (rows.clone(), ticked.clone(), props.on_accept.clone());
        Callback::from(move |_: MouseEvent| {
            on_accept.emit(chosen(&rows, |r| ticked.contains(&r.item)))
        })
    };
    let accept_all = {
        let (rows, on_accept) = (rows.clone(), props.on_accept.clone());
        Callback::from(move |_: MouseEvent| {
            on_accept.emit(chosen(&rows, |r| r.change.by_default()))
        })
    };
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let row = |r: &ReviewRow| {
        let ticked_now = ticked.contains(&r.item);
        let toggle = {
            let (ticked, item) = (ticked.clone(), r.item);
            Callback::from(move |e: Event| {
                let on = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked();
                let mut list: Vec<&'static str> = (*ticked).clone();
                list.retain(|i| *i != item);
                if on {
                    list.push(item);
                }
                ticked.set(list);
            })
        };
        let id = format!("cs-accept-{}", r.item);
        let what = match r.change {
            Change::Answers => "",
            Change::Improves => ": replaced, the proposal says more",
            Change::Keeps => ": kept unless you tick this",
            Change::Same => "",
        };
        html! {
            <li class="proposed" data-item={r.item}>
                <input type="checkbox" id={id.clone()} checked={ticked_now} onchange={toggle} />
                <label for={id}>
                    <strong>{ r.label }</strong>{ ": " }{ r.proposed.label() }
                </label>
                <p class="hint">{ format!("Now {}{what}.", current_text(r)) }</p>
                if let Some(note) = source_note(&r.source) { <p class="hint">{ note }</p> }
                <details>
                    <summary>{ format!("Evidence ({})", r.evidence.len()) }</summary>
                    <ul class="evidence">
                        { for r.evidence.iter().map(|e| html! {
                            <li><code>{ &e.location }</code>{ format!(" in {}: {}", e.source, e.why) }</li>
                        }) }
                    </ul>
                </details>
            </li>
        }
    };
    html! {
        <div class="scan-review" data-testid="scan-review">
            <h2>{ "Proposed answers" }</h2>
            <ul class="documents-read">
                { for props.documents.iter().map(|d| html! {
                    <li>
                        <strong>{ &d.name }</strong>
                        { match &d.problem {
                            Some(p) if d.format.is_empty() => format!(": not read, {p}"),
                            Some(p) => format!(": {}, {} operations, {} channels; {p}", d.format, d.operations, d.channels),
                            None => format!(": {}, {} operations, {} channels", d.format, d.operations, d.channels),
                        } }
                    </li>
                }) }
                { for props.refused.iter().map(|r| html! { <li>{ format!("Not read: {r}") }</li> }) }
            </ul>
            <div class="review-actions">
                <button type="button" onclick={accept_ticked} disabled={open.is_empty()}>
                    { format!("Accept ticked ({})", ticked.iter().filter(|i| open.iter().any(|r| r.item == **i)).count()) }
                </button>
                <button type="button" onclick={accept_all} disabled={by_default == 0}>
                    { format!("Accept all new and better ({by_default})") }
                </button>
                <button type="button" class="secondary" onclick={on_dismiss}>{ "Dismiss" }</button>
            </div>
            if open.is_empty() {
                <p class="note">{ "Nothing to change: every proposal matches an answer you have." }</p>
            } else {
                <ul class="proposals">{ for open.iter().map(|r| row(r)) }</ul>
            }
            if same > 0 {
                <p class="hint">{ format!("{same} proposals match the answers you have.") }</p>
            }
            if !props.not_found.is_empty() {
                <p class="hint">{ format!("Not found in these documents, left as they are: {} items.", props.not_found.len()) }</p>
            }
        </div>
    }
}
