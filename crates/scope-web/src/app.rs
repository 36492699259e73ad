//! The app shell: header, the case, tool navigation, the current tool, footer; start-up from
//! storage and share links, autosave, import and export.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::futures::spawn_local;
use scope_core::Case;
use scope_core::evaluate::criteria_of;
use scope_core::formats::{candidates_csv, share};
use scope_core::reports::proposal;
use scope_core::workbench::WorkbenchAction;
use scope_core::workbench::session::{CandidatesEdit, Edit};
use scope_core::workbench::workspace;
use yew::prelude::*;

use crate::components::{
    AgreementTool, Board, CandidatesTool, CaseBar, CaseChecks, EstimateTool, FilesPanel, Imported,
    MaturityTool, ProcessTool, ProposalView, SiteFooter, SiteHeader, ToolNav, class,
};
use crate::deflate;
use crate::files::{download, file_name};
use crate::hooks;
use crate::state::{WorkbenchState, open_link, today};
use crate::storage::{self, Loaded};
use crate::tool::Tool;

/// What the share link field says where the browser cannot deflate.
const NO_SHARE_LINKS: &str = "This browser cannot make share links (it has no CompressionStream).";

fn location_parts() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    let base = location
        .and_then(|l| {
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default();
    (base, hash)
}

/// Removes the share data from the address, so that a reload does not add the case again.
fn forget_share_fragment(hash: &str) {
    if share::find(hash).is_none() {
        return;
    }
    let rest: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.starts_with(share::SHARE_KEY))
        .collect();
    let (base, _) = location_parts();
    let url = if rest.is_empty() {
        base
    } else {
        format!("{base}#{}", rest.join("&"))
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// How the app runs: the whole app on its page, or one tool embedded in another page.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    /// One tool only, without the tool tabs (an embedded widget); none for the whole app.
    #[prop_or_default]
    pub tool: Option<Tool>,
    /// Where the workspace is saved; none keeps it in memory only.
    #[prop_or(Some(storage::DEFAULT_KEY.to_string()))]
    pub storage_key: Option<String>,
    /// The case to start from when nothing is saved.
    #[prop_or_default]
    pub initial_case: Option<Case>,
    /// Leaves out the site header and footer.
    #[prop_or_default]
    pub compact: bool,
    /// Reads a shared case from the page's address (the whole app does; an embed does not).
    #[prop_or(true)]
    pub share_links: bool,
    /// Something to tell the user at start (a case option that could not be read).
    #[prop_or_default]
    pub start_notice: Option<String>,
    /// Counts the cases given by `update`, so that the same case given twice opens twice.
    #[prop_or_default]
    pub case_generation: u32,
    /// The page share links open (an embed's: the app page of its bundle); none: this page.
    #[prop_or_default]
    pub share_base: Option<String>,
}

impl Default for AppProps {
    /// The whole app, saving under the default key, reading share links.
    fn default() -> Self {
        Self {
            tool: None,
            storage_key: Some(storage::DEFAULT_KEY.to_string()),
            initial_case: None,
            compact: false,
            share_links: true,
            start_notice: None,
            case_generation: 0,
            share_base: None,
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = use_memo(props.storage_key.clone(), |key| match key {
        Some(key) => storage::load(key),
        None => Loaded::Fresh,
    });
    let current = use_state(|| props.tool.unwrap_or(Tool::Maturity));
    let bench = {
        let loaded = loaded.clone();
        let initial = props.initial_case.clone();
        let notice = props.start_notice.clone();
        use_reducer(move || {
            let mut state = WorkbenchState::start(&loaded, initial.as_ref());
            if notice.is_some() {
                state.0.apply(WorkbenchAction::Notice(notice));
            }
            state
        })
    };
    // A case given later (an embedding page's `widget.update({ case })`) opens as a new case; the
    // first one is already the reducer's starting case.
    {
        let dispatcher = bench.dispatcher();
        let started = use_mut_ref(|| false);
        use_effect_with(
            (
                props.initial_case.clone(),
                props.start_notice.clone(),
                props.case_generation,
            ),
            move |(case, notice, _)| {
                if std::mem::replace(&mut *started.borrow_mut(), true) {
                    if let Some(case) = case {
                        dispatcher.dispatch(WorkbenchAction::Add(
                            vec![case.clone()],
                            "Opened the case given to this page.".into(),
                        ));
                    } else if notice.is_some() {
                        dispatcher.dispatch(WorkbenchAction::Notice(notice.clone()));
                    }
                }
            },
        );
    }
    // A case shared in the address opens once, as a new case, after the first render (the
    // browser inflates it asynchronously); its data then leaves the address.
    {
        let dispatcher = bench.dispatcher();
        use_effect_with(props.share_links, move |&share_links| {
            let (_, hash) = location_parts();
            if let (true, Some(data)) = (share_links, share::find(&hash)) {
                let data = data.to_string();
                forget_share_fragment(&hash);
                spawn_local(async move { dispatcher.dispatch(open_link(&data).await) });
            }
        });
    }
    let recovered_dismissed = use_state(|| false);
    // Saved shortly after each change and at once on leaving; other tabs' saves merged in. The
    // base is what storage held at start-up (or the fresh workspace, when it held nothing).
    let save_error = {
        let key = (!matches!(*loaded, Loaded::Unavailable))
            .then(|| props.storage_key.clone())
            .flatten();
        let started = use_memo((), {
            let w = bench.0.workspace.clone();
            move |()| w
        });
        let started_rev = match &*loaded {
            Loaded::Restored(_, stamp) => stamp.rev,
            _ => 0,
        };
        hooks::use_autosave(
            key,
            (started, started_rev),
            bench.0.workspace.clone(),
            bench.dispatcher(),
        )
    };

    let dispatch = {
        let bench = bench.clone();
        Callback::from(move |a: WorkbenchAction| bench.dispatch(a))
    };
    let on_select = {
        let current = current.clone();
        Callback::from(move |tool: Tool| current.set(tool))
    };
    // Stable across renders: components compare it in their props and skip unchanged parts.
    let on_edit = use_callback(bench.dispatcher(), |e: Edit, d| {
        d.dispatch(WorkbenchAction::Edit(e))
    });
    let on_new = dispatch.reform(|()| WorkbenchAction::New(today()));
    let on_add =
        dispatch.reform(|(case, what): (Case, String)| WorkbenchAction::Add(vec![case], what));

    let b = &bench.0;
    let s = b.session.clone();
    let notify = dispatch.reform(|n: String| WorkbenchAction::Notice(Some(n)));
    let on_export = {
        let valid = s.valid().clone();
        let current = s.is_current();
        let workspace = b.workspace.clone();
        let notify = notify.clone();
        Callback::from(move |what: &'static str| {
            let name = &valid.exchange.name;
            let result = match what {
                "case" => download(
                    &file_name(name, "json"),
                    "application/json",
                    &valid.to_json(),
                ),
                "workspace" => download(
                    "connector-scope-workspace.json",
                    "application/json",
                    &workspace.to_json(),
                ),
                "candidates" => download(
                    &file_name(&format!("{name} candidates"), "csv"),
                    "text/csv",
                    &candidates_csv::to_csv(&valid.candidates, &criteria_of(&valid)),
                ),
                "proposal" => download(
                    &file_name(&format!("{name} proposal"), "md"),
                    "text/markdown",
                    &proposal::proposal(&valid).to_markdown(),
                ),
                "announcement" => match scope_core::evaluate::evaluate(&valid) {
                    Ok(r) => download(
                        &file_name(&format!("{name} announcement"), "md"),
                        "text/markdown",
                        &proposal::announcement(&valid, &r).to_markdown(),
                    ),
                    Err(e) => Err(format!("no announcement yet: {e}")),
                },
                _ => Ok(()),
            };
            match result {
                Err(e) => notify.emit(e),
                // What is downloaded is the last valid case: said when the fields differ.
                Ok(()) if !current && what != "workspace" => notify.emit(format!(
                    "Downloaded the last valid version of {name}: the fields with problems are not in it."
                )),
                Ok(()) => {}
            }
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        let criteria = criteria_of(s.valid());
        let had = s.edited().candidates.len();
        Callback::from(move |files: Vec<(String, Imported)>| {
            let mut actions = Vec::new();
            for (name, imported) in files {
                let refused = |e: &dyn std::fmt::Display| {
                    WorkbenchAction::Notice(Some(format!("{name}: {e}. Nothing was changed.")))
                };
                match imported {
                    Imported::Json(text) => actions.push(match workspace::import(&text) {
                        Ok(cases) => {
                            let n = cases.len();
                            let s = if n == 1 { "" } else { "s" };
                            WorkbenchAction::Add(
                                cases,
                                format!("Imported {n} case{s} from {name}."),
                            )
                        }
                        Err(e) => refused(&e),
                    }),
                    Imported::Refused(why) => actions.push(refused(&why)),
                    Imported::Csv(text) => match candidates_csv::parse(&text, &criteria) {
                        Ok(list) => {
                            let n = list.len();
                            actions.push(WorkbenchAction::Edit(Edit::Candidates(
                                CandidatesEdit::Import(list),
                            )));
                            let replaced = match had {
                                0 => String::new(),
                                1 => ", in place of the case's 1 candidate".into(),
                                m => format!(", in place of the case's {m} candidates"),
                            };
                            actions.push(WorkbenchAction::Notice(Some(format!(
                                "Imported {n} candidates from {name}{replaced}."
                            ))));
                        }
                        Err(e) => actions.push(refused(&e)),
                    },
                }
            }
            dispatch.emit(WorkbenchAction::Batch(actions));
        })
    };
    let tool = props.tool.unwrap_or(*current);
    // The current case's link, made while the Cases tool (which shows it) is open: deflating costs
    // milliseconds with many candidates. The browser deflates asynchronously; an answer for a case
    // that has changed since is dropped.
    let share_link = use_state(AttrValue::default);
    {
        let share_link = share_link.clone();
        let share_base = props.share_base.clone();
        use_effect_with(
            (s.valid().clone(), tool == Tool::Cases),
            move |(case, shown)| {
                let current = Rc::new(Cell::new(true));
                if *shown {
                    let payload = share::payload(case);
                    let current = current.clone();
                    spawn_local(async move {
                        let link = match deflate::deflate(&payload).await {
                            Ok(deflated) => {
                                let data = share::link_data(&deflated);
                                let base = share_base.clone().unwrap_or_else(|| location_parts().0);
                                format!("{base}{}", share::fragment(&data))
                            }
                            Err(_) => NO_SHARE_LINKS.to_string(),
                        };
                        if current.get() {
                            share_link.set(link.into());
                        }
                    });
                } else if !share_link.is_empty() {
                    // Not kept while hidden: it would show another case's link for a moment
                    // when the tool opens again.
                    share_link.set(AttrValue::default());
                }
                move || current.set(false)
            },
        );
    }

    let body = match tool {
        Tool::Maturity => html! { <MaturityTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Estimate => html! { <EstimateTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Candidates => {
            html! { <CandidatesTool session={s.clone()} on_edit={on_edit.clone()} /> }
        }
        Tool::Agreement => {
            html! { <AgreementTool session={s.clone()} on_edit={on_edit.clone()} /> }
        }
        Tool::Process => html! { <ProcessTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Proposal => {
            html! { <ProposalView session={s.clone()} on_export={on_export.reform(|()| "proposal")} /> }
        }
        Tool::Cases => html! {
            <>
                <CaseChecks session={s.clone()} />
                <Board cases={b.workspace.cases.clone()} current={b.workspace.current}
                    on_open={dispatch.reform(WorkbenchAction::Open)}
                    on_new={on_new.clone()}
                    on_duplicate={dispatch.reform(WorkbenchAction::Duplicate)}
                    on_delete={dispatch.reform(WorkbenchAction::Delete)}
                    on_rename={dispatch.reform(|(id, name)| WorkbenchAction::Rename(id, name))} />
                <FilesPanel on_import={on_import} on_export={on_export.clone()} share_link={(*share_link).clone()} />
            </>
        },
    };
    let recovered = match &*loaded {
        Loaded::Corrupt {
            raw,
            error,
            kept_as,
        } if !*recovered_dismissed => {
            let raw = raw.clone();
            let notify = notify.clone();
            let download_raw = Callback::from(move |_: MouseEvent| {
                if let Err(e) = download(
                    "connector-scope-unreadable-data.json",
                    "application/json",
                    &raw,
                ) {
                    notify.emit(e);
                }
            });
            let dismissed = recovered_dismissed.clone();
            html! {
                <div class="banner warning" role="alert" data-testid="recovered">
                    <p>
                        { format!("The saved cases could not be read ({error}). They were kept aside") }
                        { kept_as.as_ref().map(|k| format!(" (under {k} in this browser)")).unwrap_or_default() }
                        { " and the app started with a new case. Download them to keep them or to send them to us." }
                    </p>
                    <button type="button" class="small" onclick={download_raw}>{ "Download the unreadable data" }</button>
                    <button type="button" class="small" onclick={Callback::from(move |_: MouseEvent| dismissed.set(true))}>{ "Dismiss" }</button>
                </div>
            }
        }
        _ => html! {},
    };
    html! {
        <div class={class("app", props.compact.then_some("compact"))} data-app="connector-scope">
            if !props.compact { <SiteHeader /> }
            // The page's one main landmark; embedded in someone else's page, a named region
            // instead (that page has its own main).
            <@{if props.compact { "section" } else { "main" }} class="app-main"
                aria-label={props.compact.then(|| format!("Connector Scope: {}", tool.title()))}>
            { recovered }
            if matches!(*loaded, Loaded::Unavailable) && props.storage_key.is_some() {
                <div class="banner warning" role="status" data-testid="no-storage">
                    { "This browser does not let the page store data: nothing is saved when you close it. Download your case (Cases, Import, export, share) to keep it." }
                </div>
            }
            if let Some(e) = &save_error {
                <div class="banner warning" role="alert" data-testid="save-error">{ format!("Not saved: {e}. Download your cases to keep them.") }</div>
            }
            if let Some(n) = &b.notice {
                <div class="banner" role="status" data-testid="notice">
                    <span>{ n.text.clone() }</span>
                    if n.undo {
                        <button type="button" class="small" onclick={dispatch.reform(|_: MouseEvent| WorkbenchAction::Undo)}>{ "Undo" }</button>
                    }
                    <button type="button" class="small" aria-label="Dismiss" onclick={dispatch.reform(|_: MouseEvent| WorkbenchAction::Notice(None))}>{ "✕" }</button>
                </div>
            }
            <CaseBar session={s.clone()} {on_edit} {on_new} {on_add} />
            if props.tool.is_none() { <ToolNav current={tool} {on_select} /> }
            <div
                class="tool-panel"
                id={format!("panel-{}", tool.id())}
                role={props.tool.is_none().then_some("tabpanel")}
                aria-labelledby={props.tool.is_none().then(|| format!("tab-{}", tool.id()))}
                tabindex={props.tool.is_none().then_some("0")}
            >
                <div class="tool-head no-print">
                    <h1>{ tool.title() }</h1>
                    <p class="question">{ tool.question() }</p>
                    <p class="process-step">{ tool.process_step() }</p>
                </div>
                { body }
            </div>
            </@>
            if !props.compact { <SiteFooter /> }
        </div>
    }
}
