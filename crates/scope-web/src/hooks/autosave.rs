//! Autosave: the workspace is written to storage shortly after each change, at once when the
//! page is hidden or closed or the widget destroyed (so typing just before a reload is kept), and
//! what another tab, or another widget of this page, saves under the same key is merged in
//! (scope-core's `workbench::merge` keeps both sides' changes).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use scope_core::workbench::WorkbenchAction;
use scope_core::workspace::Workspace;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::storage;

/// Autosave waits this long after the last change.
const SAVE_DELAY_MS: u32 = 400;

struct Sync {
    dispatcher: UseReducerDispatcher<crate::state::WorkbenchState>,
    /// What storage holds as far as this widget knows: what it last saved or read.
    base: Option<Workspace>,
    /// A change not saved yet.
    pending: Option<Workspace>,
    timer: Option<Timeout>,
    /// Tells this page's other widgets (and other tabs) that the key was written.
    channel: Option<web_sys::BroadcastChannel>,
}

impl Sync {
    /// Saves the pending change now; the error says why it could not. What another tab wrote
    /// since this one last saved or read (a save this one has not heard of yet) is merged in
    /// first, never written over.
    fn flush(&mut self, key: &str) -> Option<Result<(), String>> {
        self.timer = None;
        let mut workspace = self.pending.take()?;
        if let (storage::Loaded::Restored(stored), Some(base)) = (storage::load(key), &self.base)
            && stored != *base
        {
            let (merged, _) = scope_core::workbench::merge(base, &workspace, stored.clone());
            self.dispatcher.dispatch(WorkbenchAction::Stored {
                base: Box::new(base.clone()),
                theirs: Box::new(stored),
            });
            workspace = merged;
        }
        let result = storage::save(key, &workspace);
        if result.is_ok() {
            self.base = Some(workspace);
            if let Some(c) = &self.channel {
                let _ = c.post_message(&key.into());
            }
        }
        Some(result)
    }
}

/// Keeps `workspace` saved under `key` (none: nothing is saved) and merges what others save.
/// `started` is the workspace storage held at start-up. Returns the last save's error.
#[hook]
pub fn use_autosave(
    key: Option<String>,
    started: Option<Workspace>,
    workspace: Workspace,
    dispatcher: UseReducerDispatcher<crate::state::WorkbenchState>,
) -> Option<String> {
    let error = use_state(|| None::<String>);
    let sync = {
        let dispatcher = dispatcher.clone();
        use_mut_ref(move || Sync {
            dispatcher,
            base: started,
            pending: None,
            timer: None,
            channel: None,
        })
    };
    let report = {
        let error = error.clone();
        Rc::new(move |result: Option<Result<(), String>>| {
            if let Some(result) = result {
                let e = result.err();
                if *error != e {
                    error.set(e);
                }
            }
        })
    };

    // Each change: saved after a pause, unless it is what storage already holds.
    {
        let (sync, report, key) = (sync.clone(), report.clone(), key.clone());
        use_effect_with(workspace, move |workspace| {
            let mut s = sync.borrow_mut();
            if let Some(key) = key
                && s.base.as_ref() != Some(workspace)
            {
                s.pending = Some(workspace.clone());
                let sync = sync.clone();
                s.timer = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    let result = sync.borrow_mut().flush(&key);
                    report(result);
                }));
            }
        });
    }

    // Hidden, closed or destroyed: saved at once. Another's save: merged in.
    use_effect_with(key, move |key| {
        let listeners = key.clone().and_then(|key| {
            let window = web_sys::window()?;
            let channel = web_sys::BroadcastChannel::new("connector-scope").ok();
            let flush = {
                let (sync, key, report) = (sync.clone(), key.clone(), report.clone());
                Rc::new(move || report(sync.borrow_mut().flush(&key)))
            };
            let on_pagehide = {
                let flush = flush.clone();
                move |_: &Event| flush()
            };
            let on_hidden = {
                let flush = flush.clone();
                move |_: &Event| {
                    let hidden = web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
                    if hidden {
                        flush();
                    }
                }
            };
            let hear = {
                let (sync, key) = (sync.clone(), key.clone());
                Rc::new(move || hear(&sync, &key, &dispatcher))
            };
            let on_storage = {
                let (hear, key) = (hear.clone(), key.clone());
                move |e: &Event| {
                    let e = e.unchecked_ref::<web_sys::StorageEvent>();
                    if e.key().as_deref() == Some(key.as_str()) {
                        hear();
                    }
                }
            };
            let on_message = {
                let key = key.clone();
                move |e: &Event| {
                    let e = e.unchecked_ref::<web_sys::MessageEvent>();
                    if e.data().as_string().as_deref() == Some(key.as_str()) {
                        hear();
                    }
                }
            };
            let document = window.document()?;
            let mut listeners = vec![
                EventListener::new(&window, "pagehide", on_pagehide),
                EventListener::new(&document, "visibilitychange", on_hidden),
                EventListener::new(&window, "storage", on_storage),
            ];
            if let Some(c) = &channel {
                listeners.push(EventListener::new(c, "message", on_message));
            }
            sync.borrow_mut().channel = channel;
            Some((listeners, sync, flush))
        });
        move || {
            if let Some((listeners, sync, flush)) = listeners {
                drop(listeners);
                // Destroyed (or the key changed): the last change is saved, not dropped.
                flush();
                if let Some(c) = sync.borrow_mut().channel.take() {
                    c.close();
                }
            }
        }
    });
    (*error).clone()
}

/// Another tab or widget wrote `key`: what it wrote is merged into this workbench, unless it is
/// what this one already knows.
fn hear(
    sync: &Rc<RefCell<Sync>>,
    key: &str,
    dispatcher: &UseReducerDispatcher<crate::state::WorkbenchState>,
) {
    let storage::Loaded::Restored(theirs) = storage::load(key) else {
        return;
    };
    let mut s = sync.borrow_mut();
    if s.base.as_ref() == Some(&theirs) {
        return;
    }
    let base = s.base.replace(theirs.clone());
    // A change not saved yet is saved merged, should the page close before the merge renders.
    if let (Some(pending), Some(base)) = (s.pending.take(), &base) {
        s.pending = Some(scope_core::workbench::merge(base, &pending, theirs.clone()).0);
    }
    dispatcher.dispatch(WorkbenchAction::Stored {
        base: Box::new(base.unwrap_or_else(|| theirs.clone())),
        theirs: Box::new(theirs),
    });
}
