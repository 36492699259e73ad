//! The app shell: header, the case, tool navigation, the current tool, footer.

use scope_core::session::Edit;
use yew::prelude::*;

use crate::components::{
    AgreementTool, CandidatesTool, CaseBar, EstimateTool, MaturityTool, ProcessTool, SiteFooter,
    SiteHeader, ToolNav,
};
use crate::state::SessionState;
use crate::tool::Tool;

#[component]
pub fn App() -> Html {
    let current = use_state(|| Tool::Maturity);
    let session = use_reducer(SessionState::new_case);
    let on_select = {
        let current = current.clone();
        Callback::from(move |tool: Tool| current.set(tool))
    };
    let on_edit = {
        let session = session.clone();
        Callback::from(move |edit: Edit| session.dispatch(edit))
    };
    let on_new = {
        let session = session.clone();
        Callback::from(move |()| {
            session.dispatch(Edit::Replace(Box::new(
                SessionState::new_case().0.edited().clone(),
            )))
        })
    };
    let tool = *current;
    let s = session.0.clone();
    let body = match tool {
        Tool::Maturity => html! { <MaturityTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Estimate => html! { <EstimateTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Process => html! { <ProcessTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Candidates => {
            html! { <CandidatesTool session={s.clone()} on_edit={on_edit.clone()} /> }
        }
        Tool::Agreement => {
            html! { <AgreementTool session={s.clone()} on_edit={on_edit.clone()} /> }
        }
    };
    html! {
        <div class="app" data-app="connector-scope">
            <SiteHeader />
            <CaseBar session={s} {on_edit} {on_new} />
            <ToolNav current={tool} {on_select} />
            <main
                class="tool-panel"
                id={format!("panel-{}", tool.id())}
                role="tabpanel"
                aria-labelledby={format!("tab-{}", tool.id())}
                tabindex="0"
            >
                <header class="tool-head">
                    <h1>{ tool.title() }</h1>
                    <p class="question">{ tool.question() }</p>
                    <p class="process-step">{ tool.process_step() }</p>
                </header>
                { body }
            </main>
            <SiteFooter />
        </div>
    }
}
