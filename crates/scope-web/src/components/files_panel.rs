//! Import, export and share: case files, the whole workspace, candidates as CSV, the proposal and
//! the announcement as Markdown; a file picker and drag-and-drop; a share link.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use scope_core::workbench::import::ImportedFile;

use crate::components::class;
use crate::files::Export;
use crate::hooks::{ReadFile, use_read_files};

#[derive(Properties, PartialEq)]
pub struct FilesPanelProps {
    /// The files chosen or dropped together, each with its name, once all are read.
    pub on_import: Callback<Vec<(String, ImportedFile)>>,
    pub on_export: Callback<Export>,
    /// The share link of the current case.
    pub share_link: AttrValue,
    /// Whether the case's fields all pass (else the link holds its last valid version).
    #[prop_or(true)]
    pub current: bool,
}

#[component]
pub fn FilesPanel(props: &FilesPanelProps) -> Html {
    let on_import = props.on_import.clone();
    let drop = use_read_files(
        scope_core::formats::import_size_problem,
        Callback::from(move |files: Vec<ReadFile>| {
            let imported = files
                .into_iter()
                .map(|(name, text)| {
                    let csv = name.to_ascii_lowercase().ends_with(".csv");
                    let file = match text {
                        Ok(text) if csv => ImportedFile::Csv(text),
                        Ok(text) => ImportedFile::Json(text),
                        Err(problem) => ImportedFile::Refused(problem),
                    };
                    (name, file)
                })
                .collect();
            on_import.emit(imported);
        }),
    );
    let export = |what: Export| {
        let onclick = props.on_export.reform(move |_: MouseEvent| what);
        html! { <button type="button" class="small" {onclick}>{ what.label() }</button> }
    };
    let select_all =
        Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select());
    html! {
        <section class="files" aria-label="Import, export and share">
            <h2>{ "Import, export, share" }</h2>
            <div class={class("drop", drop.dragging.then_some("dragging"))} ondrop={drop.ondrop} ondragover={drop.ondragover} ondragleave={drop.ondragleave}>
                <label for="cs-import">{ "Import a case or workspace (.json) or candidates (.csv): choose a file or drop it here" }</label>
                <input id="cs-import" type="file" accept=".json,.csv,application/json,text/csv" multiple=true onchange={drop.onchange} />
            </div>
            <div class="exports">
                { for Export::ALL.into_iter().map(export) }
            </div>
            <div class="field">
                <label for="cs-share-link">{ "Share link: the case travels in the link itself, nothing is uploaded" }</label>
                <input id="cs-share-link" type="text" readonly=true value={props.share_link.clone()}
                    onfocus={select_all} aria-describedby={(!props.current).then_some("cs-share-link-note")} />
                if !props.current {
                    <p class="hint" id="cs-share-link-note" data-testid="share-link-note">
                        { "The link has the last valid version: the fields with problems are not in it." }
                    </p>
                }
            </div>
        </section>
    }
}
