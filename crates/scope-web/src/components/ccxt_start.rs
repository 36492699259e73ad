//! "Start from an exchange CCXT knows": a search over the exchanges in scope-core's CCXT table
//! (the browser's own suggestion list), and a button that starts a new case from one.

use yew::prelude::*;

use crate::components::field::on_input;

#[derive(Properties, PartialEq)]
pub struct CcxtStartProps {
    /// What the user typed or picked: an exchange's name or CCXT id.
    pub on_start: Callback<String>,
}

#[component]
pub fn CcxtStart(props: &CcxtStartProps) -> Html {
    let query = use_state(String::new);
    // The list is the same on every render: built once.
    let names = use_memo((), |()| {
        scope_core::prefill::ccxt::exchanges()
            .into_iter()
            .map(|e| e.name)
            .collect::<Vec<_>>()
    });
    let oninput = {
        let query = query.clone();
        on_input(move |text| query.set(text))
    };
    let onsubmit = {
        let (query, on_start) = (query.clone(), props.on_start.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_start.emit((*query).clone());
        })
    };
    html! {
        <form class="field ccxt-start" {onsubmit}>
            <label for="cs-ccxt">{ "Start from an exchange CCXT knows" }</label>
            <div class="ccxt-row">
                <input id="cs-ccxt" type="search" list="cs-ccxt-exchanges" autocomplete="off"
                    placeholder="Binance, Kraken, OKX..." value={(*query).clone()} {oninput} />
                <button type="submit" class="small">{ "Start" }</button>
            </div>
            <datalist id="cs-ccxt-exchanges">
                { for names.iter().map(|n| html! { <option value={*n} /> }) }
            </datalist>
        </form>
    }
}
