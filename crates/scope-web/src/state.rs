//! The app's state: scope-core's workbench (the workspace and the current case's editing
//! session) behind yew's reducer, the example cases, and what start-up found.

use std::rc::Rc;

use scope_core::Case;
use scope_core::date::Date;
use scope_core::share;
use scope_core::workspace::{Workbench, WorkbenchAction, Workspace};
use yew::Reducible;

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
    /// The workbench at start-up: what storage held (or a new workspace), then the case a share
    /// link carries, added as a new case.
    pub fn start(loaded: &Loaded, fragment: &str, initial: Option<&Case>) -> Self {
        let workspace = match (loaded, initial) {
            (Loaded::Restored(w), _) => w.clone(),
            (_, Some(case)) => {
                let mut w = Workspace::new(today());
                w.cases[0].case = case.clone();
                w
            }
            _ => Workspace::new(today()),
        };
        let mut bench = Workbench::new(workspace);
        if let Some(data) = share::find(fragment) {
            match share::decode(data) {
                Ok(case) => {
                    let name = case.exchange.name.clone();
                    bench.apply(WorkbenchAction::Add(
                        vec![case],
                        format!("Opened the shared case \"{name}\" as a new case."),
                    ));
                }
                Err(e) => bench.apply(WorkbenchAction::Notice(Some(format!(
                    "{e} Nothing was changed."
                )))),
            }
        }
        WorkbenchState(bench)
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
