//! The tool tabs: an ARIA tablist with roving focus (arrow keys, Home, End).

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::class;

use crate::tool::Tool;

#[derive(Properties, PartialEq)]
pub struct ToolNavProps {
    pub current: Tool,
    pub on_select: Callback<Tool>,
}

#[component]
pub fn ToolNav(props: &ToolNavProps) -> Html {
    let refs = use_memo((), |()| Tool::ALL.map(|_| NodeRef::default()));
    let select_and_focus = {
        let on_select = props.on_select.clone();
        let refs = refs.clone();
        move |tool: Tool| {
            on_select.emit(tool);
            let index = Tool::ALL.iter().position(|t| *t == tool).unwrap_or(0);
            if let Some(el) = refs[index].cast::<HtmlElement>() {
                // Focus can only fail on a detached element; the selection still happened.
                let _ = el.focus();
            }
        }
    };
    let onkeydown = {
        let current = props.current;
        Callback::from(move |e: KeyboardEvent| {
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => current.step(true),
                "ArrowLeft" | "ArrowUp" => current.step(false),
                "Home" => Tool::ALL[0],
                "End" => Tool::ALL[Tool::ALL.len() - 1],
                _ => return,
            };
            e.prevent_default();
            select_and_focus(target);
        })
    };
    html! {
        <nav class="tool-nav" aria-label="Tools">
            <div role="tablist" aria-label="Connector Scope tools" {onkeydown}>
                { for Tool::ALL.iter().zip(refs.iter()).map(|(&tool, node)| {
                    let selected = tool == props.current;
                    let onclick = props.on_select.reform(move |_: MouseEvent| tool);
                    html! {
                        <button
                            type="button"
                            role="tab"
                            ref={node.clone()}
                            id={format!("tab-{}", tool.id())}
                            class={class("tab", selected.then_some("selected"))}
                            aria-selected={selected.to_string()}
                            aria-controls={format!("panel-{}", tool.id())}
                            tabindex={if selected { "0" } else { "-1" }}
                            {onclick}
                        >
                            { tool.label() }
                        </button>
                    }
                }) }
            </div>
        </nav>
    }
}
