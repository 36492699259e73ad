//! Autosave: the workspace is written to storage shortly after each change, at once when the
//! page is hidden or closed or the widget destroyed (so typing just before a reload is kept), and
//! what another tab, or another widget of this page, saves under the same key is merged in
//! (scope-core's `workbench::merge` keeps both sides' changes).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use scope_core::workbench::WorkbenchAction;
use scope_core::workbench::workspace::{Stamp, Workspace};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::storage;

/// Autosave waits this long after the last change.
const SAVE_DELAY_MS: u32 = 400;

struct Sync {
    dispatcher: UseReducerDispatcher<crate::state::WorkbenchState>,
    /// Recent versions, by the stamp of the save that wrote them, newest last. The newest is
    /// what storage holds as far as this widget knows (what it last saved or read); the older
    /// ones are the common ancestor when another tab saved on top of one of them.
    known: Vec<(u64, Workspace)>,
    /// The stored text of the newest known version, when this widget wrote or read it: storage
    /// holding the same text has nothing new, and is not read again.
    known_text: Option<String>,
    /// A change not saved yet.
    pending: Option<Workspace>,
    timer: Option<Timeout>,
    /// Tells this page's other widgets (and other tabs) that the key was written.
    channel: Option<web_sys::BroadcastChannel>,
}

impl Sync {
    /// What storage holds as far as this widget knows, and its save's stamp.
    fn base(&self) -> Option<&(u64, Workspace)> {
        self.known.last()
    }

    fn remember(&mut self, rev: u64, workspace: Workspace, text: String) {
        if self.known.len() >= 16 {
            self.known.remove(0);
        }
        self.known.push((rev, workspace));
        self.known_text = Some(text);
    }

    /// What another save was made on top of, when this widget knows it; else its own base.
    fn ancestor(&self, parent: u64) -> Option<Workspace> {
        self.known
            .iter()
            .rev()
            .find(|(rev, _)| *rev == parent)
            .or_else(|| self.base())
            .map(|(_, w)| w.clone())
    }

    /// What storage holds when another save wrote it since this one last saved or read.
    fn news(&self, key: &str) -> Option<(Workspace, Stamp, String)> {
        let text = storage::read(key)?;
        if self.known_text.as_ref() == Some(&text) {
            return None;
        }
        let (stored, stamp) = Workspace::from_stamped_json(&text).ok()?;
        let known = match (stamp.rev, self.base()) {
            (0, base) => base.map(|(_, w)| w) == Some(&stored),
            (rev, base) => base.map(|(r, _)| *r) == Some(rev),
        };
        (!known).then_some((stored, stamp, text))
    }

    /// Takes another save in: the reducer merges it with the common ancestor, and so does the
    /// pending change, should the page close before the merge renders.
    fn take(&mut self, (theirs, stamp, text): (Workspace, Stamp, String)) {
        let ancestor = self
            .ancestor(stamp.parent)
            .unwrap_or_else(|| theirs.clone());
        if let Some(pending) = self.pending.take() {
            self.pending =
                Some(scope_core::workbench::merge(&ancestor, &pending, theirs.clone()).0);
        }
        self.remember(stamp.rev, theirs.clone(), text);
        self.dispatcher.dispatch(WorkbenchAction::Stored {
            base: Box::new(ancestor),
            theirs: Box::new(theirs),
        });
    }

    /// Saves the pending change now; the error says why it could not. What another tab wrote
    /// since this one last saved or read (a save this one has not heard of yet) is merged in
    /// first, never written over.
    fn flush(&mut self, key: &str) -> Option<Result<(), String>> {
        self.timer = None;
        self.pending.as_ref()?;
        if let Some(news) = self.news(key) {
            self.take(news);
        }
        let workspace = self.pending.take()?;
        // A save's stamp: random, so that two tabs never pick the same one.
        let rev = ((js_sys::Math::random() * 9_007_199_254_740_992.0) as u64).max(1);
        let stamp = Stamp {
            rev,
            parent: self.base().map_or(0, |(r, _)| *r),
        };
        let text = workspace.to_stamped_json(stamp);
        let result = storage::save(key, &text);
        if result.is_ok() {
            self.remember(rev, workspace, text);
            if let Some(c) = &self.channel {
                let _ = c.post_message(&key.into());
            }
        }
        Some(result)
    }
}

/// Keeps `workspace` saved under `key` (none: nothing is saved) and merges what others save.
/// `started` is the workspace the app started from (what storage held, or a new one) and the
/// stamp of the save that wrote it (0 for a new one). Returns the last save's error.
#[hook]
pub fn use_autosave(
    key: Option<String>,
    started: (Rc<Workspace>, u64),
    workspace: Workspace,
    dispatcher: UseReducerDispatcher<crate::state::WorkbenchState>,
) -> Option<String> {
    let error = use_state(|| None::<String>);
    let sync = {
        let dispatcher = dispatcher.clone();
        use_mut_ref(move || {
            let (started, rev) = started;
            Sync {
                dispatcher,
                known: vec![(rev, (*started).clone())],
                known_text: None,
                pending: None,
                timer: None,
                channel: None,
            }
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
        // The key too: saving that starts (a banner let go of the data under it) saves at once.
        use_effect_with((workspace, key.clone()), move |(workspace, _)| {
            let mut s = sync.borrow_mut();
            if let Some(key) = key
                && s.base().map(|(_, w)| w) != Some(workspace)
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
                Rc::new(move || hear(&sync, &key))
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
fn hear(sync: &Rc<RefCell<Sync>>, key: &str) {
    let mut s = sync.borrow_mut();
    if let Some(news) = s.news(key) {
        s.take(news);
    }
}
