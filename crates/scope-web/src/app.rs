//! The app shell: header, tool navigation, the current tool, footer.

use yew::prelude::*;

use crate::components::{SiteFooter, SiteHeader, ToolNav, ToolPlaceholder};
use crate::tool::Tool;

#[component]
pub fn App() -> Html {
    let current = use_state(|| Tool::Maturity);
    let on_select = {
        let current = current.clone();
        Callback::from(move |tool: Tool| current.set(tool))
    };
    let tool = *current;
    html! {
        <div class="app" data-app="connector-scope">
            <SiteHeader />
            <ToolNav current={tool} {on_select} />
            <main
                class="tool-panel"
                id={format!("panel-{}", tool.id())}
                role="tabpanel"
                aria-labelledby={format!("tab-{}", tool.id())}
                tabindex="0"
            >
                <ToolPlaceholder {tool} />
            </main>
            <SiteFooter />
        </div>
    }
}
