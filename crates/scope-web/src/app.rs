//! The app shell: header, the case, tool navigation, the current tool, footer; start-up from
//! storage, and the hooks that save it, open shared and given cases and make share links.

use scope_core::Case;
use scope_core::workbench::WorkbenchAction;
use scope_core::workbench::import::{ImportedFile, import_files};
use scope_core::workbench::session::Edit;
use yew::prelude::*;

use crate::components::{
    AgreementTool, Board, CandidatesTool, CaseBar, CaseChecks, EstimateTool, FilesPanel,
    MaturityTool, ProcessTool, ProposalView, SiteFooter, SiteHeader, ToolNav, class, notice_banner,
    recovered_banner,
};
use crate::files::{Export, download};
use crate::hooks;
use crate::state::{WorkbenchState, today};
use crate::storage::{self, Loaded};
use crate::tool::Tool;

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
    let recovered_dismissed = use_state(|| false);
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
    hooks::use_given_case(
        props.initial_case.clone(),
        props.start_notice.clone(),
        props.case_generation,
        bench.dispatcher(),
    );
    hooks::use_open_shared_case(props.share_links, bench.dispatcher());
    // Saved shortly after each change and at once on leaving; other tabs' saves merged in. The
    // base is what storage held at start-up (or the fresh workspace, when it held nothing).
    // Unreadable data that could not be kept aside (no room for a second copy) is the only copy:
    // nothing is saved over it until the user downloads it or dismisses the banner.
    let holding =
        matches!(&*loaded, Loaded::Corrupt { kept_as: None, .. }) && !*recovered_dismissed;
    let save_error = {
        let key = (!matches!(*loaded, Loaded::Unavailable) && !holding)
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
    let tool = props.tool.unwrap_or(*current);
    let b = &bench.0;
    let s = b.session.clone();
    let share_link = hooks::use_share_link(
        s.valid().clone(),
        tool == Tool::Cases,
        props.share_base.clone(),
    );

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
    let notify = dispatch.reform(|n: String| WorkbenchAction::Notice(Some(n)));
    let on_export = {
        let (valid, current) = (s.valid().clone(), s.is_current());
        let (workspace, notify) = (b.workspace.clone(), notify.clone());
        Callback::from(move |what: Export| {
            match what.download(&valid, &workspace) {
            Err(e) => notify.emit(e),
            // What is downloaded is the last valid case: said when the fields differ.
            Ok(()) if !current && what != Export::Workspace => notify.emit(format!(
                "Downloaded the last valid version of {}: the fields with problems are not in it.",
                valid.exchange.name
            )),
            Ok(()) => {}
        }
        })
    };
    let on_import = {
        let (dispatch, session) = (dispatch.clone(), s.clone());
        Callback::from(move |files: Vec<(String, ImportedFile)>| {
            dispatch.emit(import_files(files, &session))
        })
    };

    let body = match tool {
        // Keyed by the case: another case is another questionnaire (an open review of
        // documents read for one case closes when the user turns to another).
        Tool::Maturity => html! {
            <MaturityTool key={b.workspace.current.to_string()} session={s.clone()} on_edit={on_edit.clone()} />
        },
        Tool::Estimate => html! { <EstimateTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Candidates => {
            html! { <CandidatesTool session={s.clone()} on_edit={on_edit.clone()} /> }
        }
        Tool::Agreement => {
            html! { <AgreementTool session={s.clone()} on_edit={on_edit.clone()} /> }
        }
        Tool::Process => html! { <ProcessTool session={s.clone()} on_edit={on_edit.clone()} /> },
        Tool::Proposal => {
            let on_export = on_export.reform(|()| Export::Proposal);
            html! { <ProposalView session={s.clone()} {on_export} /> }
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
                <FilesPanel {on_import} on_export={on_export.clone()} {share_link} current={s.is_current()} />
            </>
        },
    };
    let recovered = match &*loaded {
        Loaded::Corrupt {
            raw,
            error,
            kept_as,
        } if !*recovered_dismissed => {
            let (raw, notify) = (raw.clone(), notify.clone());
            let on_download = Callback::from(move |_: MouseEvent| {
                let name = "connector-scope-unreadable-data.json";
                if let Err(e) = download(name, "application/json", &raw) {
                    notify.emit(e);
                }
            });
            let dismissed = recovered_dismissed.clone();
            let on_dismiss = Callback::from(move |_: MouseEvent| dismissed.set(true));
            recovered_banner(
                &error.to_string(),
                kept_as.as_deref(),
                on_download,
                on_dismiss,
            )
        }
        _ => html! {},
    };
    let notice = b.notice.as_ref().map(|n| {
        let on_undo = dispatch.reform(|_: MouseEvent| WorkbenchAction::Undo);
        let on_dismiss = dispatch.reform(|_: MouseEvent| WorkbenchAction::Notice(None));
        notice_banner(n, on_undo, on_dismiss)
    });
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
            { notice }
            <CaseBar session={s.clone()} {on_edit} {on_new} {on_add} on_notice={notify.clone()} />
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
