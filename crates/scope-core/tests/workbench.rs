//! The workbench as two tabs use it: whatever either tab does, what it stores is a workspace it
//! (and the other tab) reads back as it was, within the limit, each id naming one case.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use scope_core::case::blank_case;
use scope_core::workbench::session::{Edit, TextField};
use scope_core::workbench::workspace::{MAX_CASES, MAX_STORED, Workspace};
use scope_core::workbench::{Workbench, WorkbenchAction};

#[derive(Clone, Debug)]
enum Step {
    Rename(String),
    Rate(String),
    New,
    Add(usize),
    Duplicate(usize),
    Delete(usize),
    Undo,
    Notice,
    Dismiss,
    Open(usize),
    /// The tab's autosave writes storage.
    Save,
    /// The tab hears the other's save (the storage event).
    Hear,
}

fn step() -> impl Strategy<Value = (usize, Step)> {
    let s = prop_oneof![
        "[A-Za-z ]{1,12}".prop_map(Step::Rename),
        prop::sample::select(vec!["75", "120", "1e3", "-1", "x"])
            .prop_map(|r| Step::Rate(r.into())),
        Just(Step::New),
        prop::sample::select(vec![1usize, 3, 250, 520]).prop_map(Step::Add),
        (0usize..600).prop_map(Step::Duplicate),
        (0usize..600).prop_map(Step::Delete),
        Just(Step::Undo),
        Just(Step::Notice),
        Just(Step::Dismiss),
        (0usize..600).prop_map(Step::Open),
        Just(Step::Save),
        Just(Step::Hear),
    ];
    (0usize..2, s)
}

fn today() -> scope_core::support::date::Date {
    "2026-11-25".parse().unwrap()
}

fn id_at(b: &Workbench, k: usize) -> u64 {
    b.workspace.cases[k % b.workspace.cases.len()].id
}

fn check(w: &Workspace) -> Result<(), TestCaseError> {
    // Two tabs adding at once may pass the limit (nothing is dropped); adding then waits.
    prop_assert!(w.cases.len() <= MAX_STORED);
    if w.cases.len() + usize::from(w.deleted.is_some()) >= MAX_CASES {
        prop_assert_eq!(w.room(), 0);
    }
    let mut ids: Vec<u64> = w.cases.iter().map(|c| c.id).collect();
    ids.extend(w.deleted.as_ref().map(|d| d.stored.id));
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    prop_assert_eq!(ids.len(), n, "an id names two cases");
    prop_assert!(ids.iter().all(|&id| id < w.next_id));
    prop_assert!(w.cases.iter().any(|c| c.id == w.current));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn what_a_tab_stores_it_reads_back(steps in prop::collection::vec(step(), 1..40)) {
        let mut storage = Workspace::new(today());
        let mut tabs = [Workbench::new(storage.clone()), Workbench::new(storage.clone())];
        let mut bases = [storage.clone(), storage.clone()];
        for (t, s) in steps {
            let b = &mut tabs[t];
            let action = match s {
                Step::Rename(n) => WorkbenchAction::Edit(Edit::Text(TextField::ExchangeName, n)),
                Step::Rate(r) => WorkbenchAction::Edit(Edit::Text(TextField::HourlyRate, r)),
                Step::New => WorkbenchAction::New(today()),
                Step::Add(n) => WorkbenchAction::Add(vec![blank_case(today()); n], format!("Imported {n}.")),
                Step::Duplicate(k) => WorkbenchAction::Duplicate(id_at(b, k)),
                Step::Delete(k) => WorkbenchAction::Delete(id_at(b, k)),
                Step::Undo => WorkbenchAction::Undo,
                Step::Notice => WorkbenchAction::Notice(Some("Something.".into())),
                Step::Dismiss => WorkbenchAction::Notice(None),
                Step::Open(k) => WorkbenchAction::Open(id_at(b, k)),
                Step::Save => {
                    let text = b.workspace.to_json();
                    let back = Workspace::from_json(&text);
                    prop_assert_eq!(back.as_ref(), Ok(&b.workspace), "stored, then refused or changed");
                    storage = back.unwrap();
                    bases[t] = storage.clone();
                    continue;
                }
                Step::Hear => {
                    let theirs = storage.clone();
                    let base = std::mem::replace(&mut bases[t], theirs.clone());
                    WorkbenchAction::Stored { base: Box::new(base), theirs: Box::new(theirs) }
                }
            };
            b.apply(action);
            check(&b.workspace)?;
        }
        for b in &tabs {
            prop_assert_eq!(Workspace::from_json(&b.workspace.to_json()), Ok(b.workspace.clone()));
        }
    }
}
