//! A tool that is not built yet says so, and says what it will do.

use yew::prelude::*;

use crate::tool::Tool;

#[derive(Properties, PartialEq)]
pub struct ToolPlaceholderProps {
    pub tool: Tool,
}

#[component]
pub fn ToolPlaceholder(props: &ToolPlaceholderProps) -> Html {
    let tool = props.tool;
    html! {
        <section class="tool placeholder" data-tool={tool.id()}>
            <h1>{ tool.title() }</h1>
            <p class="question">{ tool.question() }</p>
            <p class="process-step">{ tool.process_step() }</p>
            <div class="notice" role="note">
                <p><strong>{ "Not built yet." }</strong>{ " This tool will:" }</p>
                <ul>
                    { for tool.plans().iter().map(|plan| html! { <li>{ *plan }</li> }) }
                </ul>
            </div>
        </section>
    }
}
