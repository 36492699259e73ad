//! A case given to the app after it started (an embedding page's `widget.update({ case })`).

use scope_core::Case;
use scope_core::workbench::WorkbenchAction;
use yew::prelude::*;

use crate::state::WorkbenchState;

/// Opens `case` as a new case each time it (or `generation`, which counts the cases given, so
/// that the same case given twice opens twice) changes, or shows `notice`; the first one is
/// already the reducer's starting case.
#[hook]
pub fn use_given_case(
    case: Option<Case>,
    notice: Option<String>,
    generation: u32,
    dispatcher: UseReducerDispatcher<WorkbenchState>,
) {
    let started = use_mut_ref(|| false);
    use_effect_with((case, notice, generation), move |(case, notice, _)| {
        if std::mem::replace(&mut *started.borrow_mut(), true) {
            if let Some(case) = case {
                dispatcher.dispatch(WorkbenchAction::Add(
                    vec![case.clone()],
                    "Opened the case given to this page.".into(),
                ));
            } else if notice.is_some() {
                dispatcher.dispatch(WorkbenchAction::Notice(notice.clone()));
            }
        }
    });
}
