//! The proposal as a page: scope-core writes it, this shows it (text nodes only) and prints it.

use scope_core::reports::{Block, Document, Inline, Text};
use scope_core::workbench::session::Session;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProposalViewProps {
    pub session: Session,
    pub on_export: Callback<()>,
}

fn inline(text: &Text) -> Html {
    html! {
        { for text.0.iter().map(|part| match part {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Strong(t) => html! { <strong>{ t.clone() }</strong> },
            Inline::Code(t) => html! { <code>{ t.clone() }</code> },
        }) }
    }
}

/// A report's blocks as elements; the page has its own h1, so the document's headings sit one
/// level below.
pub fn document(doc: &Document) -> Html {
    let mut tables = 0;
    html! {
        { for doc.blocks.iter().map(|b| match b {
            Block::Heading(1, t) => html! { <h2 class="title">{ inline(t) }</h2> },
            Block::Heading(_, t) => html! { <h3>{ inline(t) }</h3> },
            Block::Paragraph(t) => html! { <p>{ inline(t) }</p> },
            Block::List(items) => html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> },
            Block::Table(t) => {
                // Focusable so a keyboard can scroll it on a phone; numbered so each region has
                // its own name.
                tables += 1;
                html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Table {tables}")}><table>
                        <thead><tr>{ for t.header.iter().map(|h| html! { <th scope="col">{ inline(h) }</th> }) }</tr></thead>
                        <tbody>{ for t.rows.iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ inline(c) }</td> }) }</tr> }) }</tbody>
                    </table></div>
                }
            }
        }) }
    }
}

#[component]
pub fn ProposalView(props: &ProposalViewProps) -> Html {
    let proposal = use_memo(
        props.session.valid().clone(),
        scope_core::reports::proposal::proposal,
    );
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let export = props.on_export.reform(|_: MouseEvent| ());
    html! {
        <div class="proposal-view">
            <div class="actions no-print">
                <button type="button" class="small" onclick={print}>{ "Print or save as PDF" }</button>
                <button type="button" class="small" onclick={export}>{ "Download as Markdown" }</button>
            </div>
            <article class="document" data-testid="proposal">{ document(&proposal) }</article>
        </div>
    }
}
