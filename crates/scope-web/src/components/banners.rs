//! The banners above the tools: saved data that could not be read, and the workbench's notice.
//! Plain functions, not components: they hold no state of their own, and a component's machinery
//! costs more bundle than they do.

use scope_core::workbench::Notice;
use yew::prelude::*;

/// The saved cases could not be read: where they were kept, a download, a dismiss button.
pub fn recovered_banner(
    error: &str,
    kept_as: Option<&str>,
    on_download: Callback<MouseEvent>,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    let kept = match kept_as {
        Some(k) => format!("They were kept aside (under {k} in this browser)"),
        None => "With no room to keep them aside, nothing is saved over them until you download them or dismiss this,".into(),
    };
    let said = format!(
        "The saved cases could not be read ({error}). {kept} and the app started with a new case. Download them to keep them or to send them to us."
    );
    html! {
        <div class="banner warning" role="alert" data-testid="recovered">
            <p>{ said }</p>
            <button type="button" class="small" onclick={on_download}>{ "Download the unreadable data" }</button>
            <button type="button" class="small" onclick={on_dismiss}>{ "Dismiss" }</button>
        </div>
    }
}

/// The workbench's notice, with Undo when it can be undone.
pub fn notice_banner(
    notice: &Notice,
    on_undo: Callback<MouseEvent>,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="banner" role="status" data-testid="notice">
            <span>{ notice.text.clone() }</span>
            if notice.undo {
                <button type="button" class="small" onclick={on_undo}>{ "Undo" }</button>
            }
            <button type="button" class="small" aria-label="Dismiss" onclick={on_dismiss}>{ "✕" }</button>
        </div>
    }
}
