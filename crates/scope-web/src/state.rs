//! The app's state: scope-core's workbench (the workspace and the current case's editing
//! session) behind yew's reducer, the example cases, and what start-up found.

use std::rc::Rc;

use scope_core::Case;
use scope_core::formats::share::{self, ShareError};
use scope_core::support::date::Date;
use scope_core::workbench::workspace::Workspace;
use scope_core::workbench::{Workbench, WorkbenchAction};
use yew::Reducible;

use crate::deflate::{self, Failure};
use crate::storage::Loaded;

#[derive(Clone, Debug, PartialEq)]
pub struct WorkbenchState(pub Workbench);

impl Reducible for WorkbenchState {
    type Action = WorkbenchAction;

    fn reduce(self: Rc<Self>, action: WorkbenchAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

impl WorkbenchState {
    /// The workbench at start-up: what storage held, or a new workspace (from `initial` when
    /// given). A shared case in the address is added after, by [`open_link`].
    pub fn start(loaded: &Loaded, initial: Option<&Case>) -> Self {
        let workspace = match (loaded, initial) {
            (Loaded::Restored(w, _), _) => w.clone(),
            (_, Some(case)) => {
                let mut w = Workspace::new(today());
                w.cases[0].case = case.clone();
                w
            }
            _ => Workspace::new(today()),
        };
        WorkbenchState(Workbench::new(workspace))
    }
}

/// What a share link's data does: add its case as a new case, or say why it cannot and change
/// nothing.
pub async fn open_link(data: &str) -> WorkbenchAction {
    match shared_case(data).await {
        Ok(case) => {
            let name = case.exchange.name.clone();
            WorkbenchAction::Add(
                vec![case],
                format!("Opened the shared case \"{name}\" as a new case."),
            )
        }
        Err(e) => WorkbenchAction::Notice(Some(format!("{e} Nothing was changed."))),
    }
}

/// scope-core's `share::decode` with the browser inflating.
async fn shared_case(data: &str) -> Result<Case, ShareError> {
    let deflated = share::deflated(data)?;
    let json = deflate::inflate(&deflated, share::MAX_DECODED).await?;
    share::case_from_payload(&json)
}

impl From<Failure> for ShareError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::TooLarge => ShareError::TooLarge,
            Failure::Damaged => ShareError::Damaged,
            Failure::Unsupported => ShareError::Unsupported,
        }
    }
}

/// Today in the browser's time zone; 2026-01-01 where there is no clock (native tests).
pub fn today() -> Date {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let text = format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        );
        if let Ok(date) = text.parse() {
            return date;
        }
    }
    Date {
        year: 2026,
        month: 1,
        day: 1,
    }
}

/// The example cases shipped with the app (tests/cases), by label.
pub const EXAMPLES: [(&str, &str); 4] = [
    (
        "Mature spot CEX",
        include_str!("../../../tests/cases/mature-spot-cex.json"),
    ),
    (
        "Young perpetual DEX",
        include_str!("../../../tests/cases/young-perp-dex.json"),
    ),
    (
        "Modification of KuCoin",
        include_str!("../../../tests/cases/modification-kucoin.json"),
    ),
    (
        "Blocked exchange",
        include_str!("../../../tests/cases/blocked.json"),
    ),
];

pub fn example(label: &str) -> Option<Case> {
    EXAMPLES
        .iter()
        .find(|(l, _)| *l == label)
        .and_then(|(_, json)| Case::from_json(json).ok())
}
