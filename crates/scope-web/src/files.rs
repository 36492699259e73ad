//! Downloads made in the page (a Blob and a link), so that nothing goes through a server, and
//! what the app offers to download.

use scope_core::Case;
use scope_core::evaluate::criteria_of;
use scope_core::formats::candidates_csv;
use scope_core::reports::proposal;
use scope_core::workbench::workspace::Workspace;
use wasm_bindgen::JsCast;

/// Offers `text` as a file named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("could not prepare the download ({what})");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name from a case name: letters, digits and dashes.
pub fn file_name(name: &str, ext: &str) -> String {
    let stem: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}.{ext}", if stem.is_empty() { "case" } else { &stem })
}

/// What the app offers to download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The current case's last valid version (JSON).
    Case,
    /// Every case (JSON).
    Workspace,
    Candidates,
    Proposal,
    Announcement,
}

impl Export {
    pub const ALL: [Export; 5] = [
        Export::Case,
        Export::Workspace,
        Export::Candidates,
        Export::Proposal,
        Export::Announcement,
    ];

    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            Export::Case => "Download this case (JSON)",
            Export::Workspace => "Download every case (JSON)",
            Export::Candidates => "Download candidates (CSV)",
            Export::Proposal => "Download the proposal (Markdown)",
            Export::Announcement => "Download the announcement (Markdown)",
        }
    }

    /// Downloads it: from the last valid case, or the whole workspace.
    pub fn download(self, valid: &Case, workspace: &Workspace) -> Result<(), String> {
        let name = &valid.exchange.name;
        match self {
            Export::Case => download(
                &file_name(name, "json"),
                "application/json",
                &valid.to_json(),
            ),
            Export::Workspace => download(
                "connector-scope-workspace.json",
                "application/json",
                &workspace.to_json(),
            ),
            Export::Candidates => download(
                &file_name(&format!("{name} candidates"), "csv"),
                "text/csv",
                &candidates_csv::to_csv(&valid.candidates, &criteria_of(valid)),
            ),
            Export::Proposal => download(
                &file_name(&format!("{name} proposal"), "md"),
                "text/markdown",
                &proposal::proposal(valid).to_markdown(),
            ),
            Export::Announcement => match scope_core::evaluate::evaluate(valid) {
                Ok(r) => download(
                    &file_name(&format!("{name} announcement"), "md"),
                    "text/markdown",
                    &proposal::announcement(valid, &r).to_markdown(),
                ),
                Err(e) => Err(format!("no announcement yet: {e}")),
            },
        }
    }
}
