use yew::prelude::*;

#[component]
pub fn SiteFooter() -> Html {
    html! {
        <footer class="site-footer">
            <p>
                { "Runs entirely in your browser: nothing you type leaves it. " }
                { "Based on the Hummingbot Foundation's exchange connector process." }
            </p>
            <p class="version">{ concat!("Connector Scope ", env!("CARGO_PKG_VERSION")) }</p>
        </footer>
    }
}
