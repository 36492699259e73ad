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
            <p class="process-step">{ tool.process_step() }</p>
            <div class="notice" role="note">
                <p>
                    <strong>{ "Not in the browser yet." }</strong>
                    { " The rules already run on the command line (connector-scope evaluate, agreement, proposal). Here this tool will:" }
                </p>
                <ul>
                    { for tool.plans().iter().map(|plan| html! { <li>{ *plan }</li> }) }
                </ul>
            </div>
        </section>
    }
}
