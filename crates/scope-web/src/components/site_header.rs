use yew::prelude::*;

#[component]
pub fn SiteHeader() -> Html {
    html! {
        <header class="site-header">
            <p class="brand">
                <span class="brand-mark" aria-hidden="true">{ "◆" }</span>
                { "Connector Scope" }
            </p>
            <p class="tagline">
                { "Scope, estimate and staff a Hummingbot exchange connector, in your browser." }
            </p>
        </header>
    }
}
