//! "Start from an exchange CCXT knows": a search over the exchanges in scope-core's CCXT table
//! (the browser's own suggestion list), and a button that starts a new case from one. The table
//! is in the reader module, fetched when the search is first focused: the suggestions come a
//! moment later, and a start may wait for it (said, with the button disabled, meanwhile).

use js_sys::futures::spawn_local;
use yew::prelude::*;

use crate::scanner;
use crate::state::today;

#[derive(Properties, PartialEq)]
pub struct CcxtStartProps {
    /// The new case, and what to tell the user.
    pub on_start: Callback<(scope_core::Case, String)>,
    /// Why no case was started.
    pub on_problem: Callback<String>,
}

#[component]
pub fn CcxtStart(props: &CcxtStartProps) -> Html {
    let starting = use_state(|| false);
    // The state above is for the page; this one turns away a second Enter before it renders.
    let busy = use_mut_ref(|| false);
    let onfocus = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target() {
            scanner::ccxt_suggest(&input);
        }
    });
    let onsubmit = {
        let starting = starting.clone();
        let (on_start, on_problem) = (props.on_start.clone(), props.on_problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target() else {
                return;
            };
            let query = scanner::search_text(&form);
            // Known without the table: not worth fetching it to say so.
            if let Some(why) = scope_core::prefill::ccxt::unsearchable(&query) {
                on_problem.emit(why);
                return;
            }
            if busy.replace(true) {
                return;
            }
            starting.set(true);
            let (starting, busy) = (starting.clone(), busy.clone());
            let (on_start, on_problem) = (on_start.clone(), on_problem.clone());
            spawn_local(async move {
                let started = scanner::ccxt_start(&form, &query, today().to_string())
                    .await
                    .and_then(|(json, note)| {
                        scope_core::Case::from_json(&json)
                            .map(|case| (case, note))
                            .map_err(|e| e.to_string())
                    });
                busy.replace(false);
                starting.set(false);
                match started {
                    Ok(start) => on_start.emit(start),
                    Err(why) => on_problem.emit(why),
                }
            });
        })
    };
    html! {
        <form class="field ccxt-start" {onsubmit} aria-busy={starting.to_string()}>
            <label for="cs-ccxt">{ "Start from an exchange CCXT knows" }</label>
            <div class="ccxt-row">
                <input id="cs-ccxt" type="search" list="cs-ccxt-exchanges" autocomplete="off"
                    placeholder="Binance, Kraken, OKX..." {onfocus} />
                <button type="submit" class="small" disabled={*starting}>{ "Start" }</button>
            </div>
            if *starting {
                <p class="hint" role="status">{ "Starting a case from CCXT..." }</p>
            }
            // Filled by the reader when the search is first focused.
            <datalist id="cs-ccxt-exchanges"></datalist>
        </form>
    }
}
