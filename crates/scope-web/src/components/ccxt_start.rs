//! "Start from an exchange CCXT knows": a search over the exchanges in scope-core's CCXT table
//! (the browser's own suggestion list), and a button that starts a new case from one. The table
//! is in the reader module, fetched when the search is first focused: the suggestions come a
//! moment later, and a start waits for it (the button is disabled meanwhile).

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
    let onfocus = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target() {
            scanner::ccxt_suggest(&input);
        }
    });
    let onsubmit = {
        let (on_start, on_problem) = (props.on_start.clone(), props.on_problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target() else {
                return;
            };
            let (on_start, on_problem) = (on_start.clone(), on_problem.clone());
            spawn_local(async move {
                let started = scanner::ccxt_start(&form, today().to_string()).await;
                let started = started.and_then(|start| {
                    start
                        .map(|(json, note)| {
                            scope_core::Case::from_json(&json)
                                .map(|case| (case, note))
                                .map_err(|e| e.to_string())
                        })
                        .transpose()
                });
                match started {
                    Ok(Some(start)) => on_start.emit(start),
                    Ok(None) => {}
                    Err(why) => on_problem.emit(why),
                }
            });
        })
    };
    html! {
        <form class="field ccxt-start" {onsubmit}>
            <label for="cs-ccxt">{ "Start from an exchange CCXT knows" }</label>
            <div class="ccxt-row">
                <input id="cs-ccxt" type="search" list="cs-ccxt-exchanges" autocomplete="off"
                    placeholder="Binance, Kraken, OKX..." {onfocus} />
                <button type="submit" class="small">{ "Start" }</button>
            </div>
            // Filled by the reader when the search is first focused.
            <datalist id="cs-ccxt-exchanges"></datalist>
        </form>
    }
}
