//! The banners above the tools: saved data that could not be read, and the workbench's notice.

use scope_core::workbench::Notice;
use yew::prelude::*;

use crate::files::download;

#[derive(Properties, PartialEq)]
pub struct RecoveredBannerProps {
    /// The stored text that could not be read, offered for download.
    pub raw: AttrValue,
    pub error: AttrValue,
    /// Where it was kept aside in this browser, if it could be.
    pub kept_as: Option<AttrValue>,
    /// A download that failed, to tell the user.
    pub on_error: Callback<String>,
}

#[component]
pub fn RecoveredBanner(props: &RecoveredBannerProps) -> Html {
    let dismissed = use_state(|| false);
    if *dismissed {
        return html! {};
    }
    let download_raw = {
        let (raw, on_error) = (props.raw.clone(), props.on_error.clone());
        Callback::from(move |_: MouseEvent| {
            let name = "connector-scope-unreadable-data.json";
            if let Err(e) = download(name, "application/json", &raw) {
                on_error.emit(e);
            }
        })
    };
    let dismiss = Callback::from(move |_: MouseEvent| dismissed.set(true));
    let kept = props
        .kept_as
        .as_ref()
        .map(|k| format!(" (under {k} in this browser)"))
        .unwrap_or_default();
    html! {
        <div class="banner warning" role="alert" data-testid="recovered">
            <p>
                { format!("The saved cases could not be read ({}). They were kept aside", props.error) }
                { kept }
                { " and the app started with a new case. Download them to keep them or to send them to us." }
            </p>
            <button type="button" class="small" onclick={download_raw}>{ "Download the unreadable data" }</button>
            <button type="button" class="small" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeBannerProps {
    pub notice: Notice,
    pub on_undo: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBanner(props: &NoticeBannerProps) -> Html {
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="banner" role="status" data-testid="notice">
            <span>{ props.notice.text.clone() }</span>
            if props.notice.undo {
                <button type="button" class="small" onclick={undo}>{ "Undo" }</button>
            }
            <button type="button" class="small" aria-label="Dismiss" onclick={dismiss}>{ "✕" }</button>
        </div>
    }
}
