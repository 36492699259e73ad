//! Saving the workspace in the browser (localStorage), and reading it back without ever losing
//! what was there: unreadable data is kept aside and the user is told.

use scope_core::workbench::workspace::{Stamp, Workspace, WorkspaceError};

/// The key the full app keeps its workspace under (an embedded tool saves only when given a key).
pub const DEFAULT_KEY: &str = "connector-scope/workspace";
/// Unreadable data is copied here (with the time) before the app starts clean.
pub const RECOVERED_PREFIX: &str = "connector-scope/recovered-";

/// What the app found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Fresh,
    /// What storage held, and the stamp of the save that wrote it.
    Restored(Workspace, Stamp),
    /// Saved data that cannot be read: kept aside (under `kept_as` when storage allowed it).
    Corrupt {
        raw: String,
        error: WorkspaceError,
        kept_as: Option<String>,
    },
    /// The browser refuses storage (blocked, sandboxed, private mode).
    Unavailable,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Loaded {
    let Some(s) = storage() else {
        return Loaded::Unavailable;
    };
    let raw = match s.get_item(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Fresh,
        Err(_) => return Loaded::Unavailable,
    };
    match Workspace::from_stamped_json(&raw) {
        Ok((w, stamp)) => Loaded::Restored(w, stamp),
        Err(error) => {
            let kept_as = keep_aside(&s, &raw);
            Loaded::Corrupt {
                raw,
                error,
                kept_as,
            }
        }
    }
}

/// Copies unreadable data to its own key, once: the same data already kept is not copied again.
fn keep_aside(s: &web_sys::Storage, raw: &str) -> Option<String> {
    let len = s.length().unwrap_or(0);
    for i in 0..len {
        if let Ok(Some(key)) = s.key(i)
            && key.starts_with(RECOVERED_PREFIX)
            && s.get_item(&key).ok().flatten().as_deref() == Some(raw)
        {
            return Some(key);
        }
    }
    let key = format!("{RECOVERED_PREFIX}{}", js_sys::Date::now() as u64);
    s.set_item(&key, raw).ok().map(|()| key)
}

/// The text stored under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Writes a workspace's stored text (stamped: `Workspace::to_stamped_json`); the error says why
/// it could not (quota, blocked).
pub fn save(key: &str, text: &str) -> Result<(), String> {
    let s = storage().ok_or("this browser does not let the page store data")?;
    s.set_item(key, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            "the browser's storage for this page is full".to_string()
        } else {
            format!("the browser refused to store the data ({name})")
        }
    })
}
