//! The current case's check, in the Cases tool: every problem at once, then what it lacks for a
//! tool (scope-core's `needs`), each naming its field, as `connector-scope validate` lists them.

use scope_core::workbench::session::Session;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseChecksProps {
    pub session: Session,
}

#[component]
pub fn CaseChecks(props: &CaseChecksProps) -> Html {
    let problems = props.session.problems();
    let needs = scope_core::validate::needs::needs(props.session.edited());
    html! {
        <section class="checks" aria-labelledby="cs-checks-title" data-testid="checks">
            <h2 id="cs-checks-title">{ format!("What {} needs", props.session.edited().exchange.name) }</h2>
            if problems.is_empty() && needs.is_empty() {
                <p>{ "This case is complete: every tool and export can use it." }</p>
            } else {
                <ul>
                    { for problems.iter().map(|p| html! {
                        <li class="problem">{ format!("{}: {}", p.path, p.message) }</li>
                    }) }
                    { for needs.iter().map(|n| html! {
                        <li class="need">{ format!("{}: {} (needed by {})", n.path, n.message, n.needed_by.join(", ")) }</li>
                    }) }
                </ul>
            }
        </section>
    }
}
