//! The app's state: scope-core's editing session behind yew's reducer, and the example cases.

use std::rc::Rc;

use scope_core::Case;
use scope_core::date::Date;
use scope_core::session::{Edit, Session, blank_case};
use yew::Reducible;

/// The session as yew state; every action is a scope-core `Edit`.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionState(pub Session);

impl Reducible for SessionState {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(edit);
        Rc::new(next)
    }
}

impl SessionState {
    /// A new case dated today (the browser's clock, read once, when the case is created).
    pub fn new_case() -> Self {
        Self(Session::new(blank_case(today())))
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
