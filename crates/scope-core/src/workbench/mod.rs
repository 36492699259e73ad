//! Everything the app keeps while it runs: the editing session, the stored workspace, and the
//! reducer over both with its notices and the merge of another tab's save.
//! May import: support, case, process, maturity, agreement, evaluate, estimate, validate, formats.

pub mod import;
pub mod session;
pub mod workspace;

use crate::case::Case;
use crate::case::blank_case;
use crate::support::date::Date;
use crate::workbench::session::Session;
use crate::workbench::workspace::{Deleted, StoredCase, Workspace};

/// A sentence for the user (an import, a deletion, a refusal), with an Undo when it is about the
/// deletion that can be undone: an Undo never sits beside an unrelated notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub undo: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Workbench {
    pub workspace: Workspace,
    pub session: Session,
    pub notice: Option<Notice>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WorkbenchAction {
    Edit(crate::workbench::session::Edit),
    New(Date),
    Open(u64),
    Duplicate(u64),
    Delete(u64),
    Undo,
    Rename(u64, String),
    /// Adds cases (an import, a shared link); the first becomes current. The text says what
    /// happened when every case was added.
    Add(Vec<Case>, String),
    /// Shows a notice, or dismisses the one shown (`None`). Either ends the Undo of a deletion.
    Notice(Option<String>),
    /// Several actions at once (files dropped together): one notice says what each did.
    Batch(Vec<WorkbenchAction>),
    /// Another tab saved the workspace (`theirs`); `base` is what this tab last saved or read.
    /// Both tabs' changes are kept (see `merge`).
    Stored {
        base: Box<Workspace>,
        theirs: Box<Workspace>,
    },
}

impl Workbench {
    pub fn new(workspace: Workspace) -> Self {
        let session = workspace.session().unwrap_or_else(|| {
            Session::new(blank_case(Date {
                year: 2026,
                month: 1,
                day: 1,
            }))
        });
        // A deletion kept across a reload is said again, with its Undo.
        let notice = workspace.deleted.as_ref().map(|d| Notice {
            text: format!(
                "{} was deleted before the page was reloaded.",
                d.stored.case.exchange.name
            ),
            undo: true,
        });
        Workbench {
            workspace,
            session,
            notice,
        }
    }

    fn open_current(&mut self) {
        if let Some(s) = self.workspace.session() {
            self.session = s;
        }
    }

    /// Shows `text`; the Undo it replaces ends (its case is let go, and its place freed). A
    /// deletion another tab keeps for its own Undo stays.
    fn say(&mut self, text: String) {
        self.end_undo();
        self.notice = Some(Notice { text, undo: false });
    }

    fn end_undo(&mut self) {
        if self.notice.as_ref().is_some_and(|n| n.undo) {
            self.workspace.deleted = None;
        }
    }

    /// A refusal at the limit: while a deleted case keeps its place, its Undo stays on offer.
    fn refuse(&mut self, text: String) {
        let undo = self.workspace.deleted.is_some();
        self.notice = Some(Notice { text, undo });
    }

    pub fn apply(&mut self, action: WorkbenchAction) {
        match action {
            WorkbenchAction::Edit(edit) => {
                self.session.apply(edit);
                self.workspace.store(&self.session);
                return;
            }
            WorkbenchAction::New(as_of) => {
                if let Err(e) = self.workspace.add(blank_case(as_of)) {
                    self.refuse(e);
                }
            }
            WorkbenchAction::Open(id) => {
                if self.workspace.cases.iter().any(|c| c.id == id) {
                    self.workspace.current = id;
                }
            }
            WorkbenchAction::Duplicate(id) => {
                if let Err(e) = self.workspace.duplicate(id) {
                    self.refuse(e);
                }
            }
            WorkbenchAction::Delete(id) => match self.workspace.remove(id) {
                Some(removed) => {
                    let text = format!("Deleted {}.", removed.case.exchange.name);
                    self.notice = Some(Notice { text, undo: true });
                }
                None => self.say("The last case cannot be deleted.".into()),
            },
            WorkbenchAction::Undo => {
                if let Some(stored) = self.workspace.undo() {
                    let text = format!("Restored {}.", stored.case.exchange.name);
                    self.say(text);
                }
            }
            WorkbenchAction::Rename(id, name) => self.workspace.rename(id, &name),
            WorkbenchAction::Add(cases, what) => {
                let n = cases.len();
                let (mut added, mut refusal) = (0, None);
                for case in cases {
                    match self.workspace.add(case) {
                        Ok(id) => {
                            if added == 0 {
                                self.workspace.current = id;
                            }
                            added += 1;
                        }
                        Err(e) => {
                            refusal = Some(e);
                            break;
                        }
                    }
                }
                match refusal {
                    None => self.say(what),
                    Some(e) if added == 0 => self.refuse(format!("Nothing was added. {e}")),
                    Some(e) => {
                        self.refuse(format!("Only {added} of the {n} cases were added. {e}"))
                    }
                }
            }
            WorkbenchAction::Notice(n) => {
                match n {
                    Some(text) => self.say(text),
                    None => {
                        self.end_undo();
                        self.notice = None;
                    }
                }
                return;
            }
            WorkbenchAction::Batch(actions) => {
                let before = self.notice.take();
                let mut said = Vec::new();
                for action in actions {
                    self.apply(action);
                    said.extend(self.notice.take().map(|n| n.text));
                }
                match said.is_empty() {
                    true => self.notice = before,
                    false => self.say(said.join("\n")),
                }
                return;
            }
            WorkbenchAction::Stored { base, theirs } => {
                let before = self.workspace.current().cloned();
                let (merged, said) = merge(&base, &self.workspace, *theirs);
                self.workspace = merged;
                if said.is_none()
                    && self.workspace.deleted.is_none()
                    && self.notice.as_ref().is_some_and(|n| n.undo)
                {
                    self.notice = None; // its deletion is gone: nothing left to undo
                }
                if let Some(said) = said {
                    // An Undo this tab offered stays on offer, beside the deletion it undoes
                    // (another tab's deletion is that tab's to undo).
                    let offered = self
                        .notice
                        .take()
                        .filter(|n| n.undo && self.workspace.deleted.is_some());
                    self.notice = Some(match offered {
                        Some(n) => Notice {
                            text: format!("{} {said}", n.text),
                            undo: true,
                        },
                        None => Notice {
                            text: said,
                            undo: false,
                        },
                    });
                }
                // The session follows its case when the other tab changed it (this tab had not).
                if self.workspace.current().cloned() == before {
                    return;
                }
            }
        }
        self.open_current();
    }
}

/// What a case changed in two tabs at once is called, beside the tab's own version.
const COPY: &str = " (conflicted copy)";

/// A case changed in two tabs since `base`, merged field by field (as the case file's JSON): a
/// field one side changed takes that change. Both the last valid case and the edited one (a
/// value that breaks a rule, kept as the draft) are merged so. None when both changed one field
/// differently, when both have text that does not parse, or when the merged valid case breaks
/// a rule.
fn merge_fields(base: &StoredCase, ours: &StoredCase, theirs: &StoredCase) -> Option<StoredCase> {
    use serde_json::Value;
    fn merge(
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Result<Option<Value>, ()> {
        if ours == base {
            return Ok(theirs.cloned());
        }
        if theirs == base || ours == theirs {
            return Ok(ours.cloned());
        }
        let (Some(Value::Object(b)), Some(Value::Object(o)), Some(Value::Object(t))) =
            (base, ours, theirs)
        else {
            return Err(());
        };
        let mut out = serde_json::Map::new();
        for key in o.keys().chain(t.keys().filter(|k| !o.contains_key(*k))) {
            if let Some(v) = merge(b.get(key), o.get(key), t.get(key))? {
                out.insert(key.clone(), v);
            }
        }
        Ok(Some(Value::Object(out)))
    }
    let value = |c: &Case| serde_json::from_str::<Value>(&c.to_json()).ok();
    let three = |pick: fn(&StoredCase) -> &Case| -> Option<Value> {
        merge(
            Some(&value(pick(base))?),
            Some(&value(pick(ours))?),
            Some(&value(pick(theirs))?),
        )
        .ok()?
    };
    let case = Case::from_value(three(|c| &c.case)?).ok()?;
    let edited = Case::shape_from_value(three(|c| c.draft.as_ref().unwrap_or(&c.case))?).ok()?;
    let unparsed = match (ours.unparsed.is_empty(), theirs.unparsed.is_empty()) {
        (_, true) => ours.unparsed.clone(),
        (true, false) => theirs.unparsed.clone(),
        (false, false) if ours.unparsed == theirs.unparsed => ours.unparsed.clone(),
        (false, false) => return None,
    };
    Some(StoredCase {
        draft: (edited != case).then_some(edited),
        unparsed,
        ..StoredCase::new(ours.id, case)
    })
}

/// Both tabs' work in one workspace: `theirs` (what another tab saved) with this tab's changes
/// since `base` (what this tab last saved or read) applied, case by case. A case both changed is
/// kept twice: this tab's under its id, the other's as a copy named so; a case one deleted and
/// the other changed is kept. Returns the sentence that says what was kept twice or did not fit.
pub fn merge(base: &Workspace, ours: &Workspace, theirs: Workspace) -> (Workspace, Option<String>) {
    // By reference: a workspace holds up to 500 cases, and each is looked up several times.
    fn find(w: &Workspace, id: u64) -> Option<&StoredCase> {
        w.cases.iter().find(|c| c.id == id)
    }
    let their_ids: Vec<u64> = theirs.cases.iter().map(|c| c.id).collect();
    let their_deleted = theirs.deleted.clone();
    let mut merged = theirs;
    // This tab's deletion stands against a save that had not heard of it (one that changed the
    // case, even only its draft or its half-typed text, keeps it).
    if let Some(d) = &ours.deleted {
        merged.cases.retain(|c| *c != d.stored);
    }
    let mut copies = Vec::new();
    let mut kept = Vec::new();
    // This tab's changes and new cases.
    for mine in &ours.cases {
        let was = find(base, mine.id);
        if was == Some(mine) {
            continue; // unchanged here: theirs stands (also when they deleted it)
        }
        let at = merged.cases.iter().position(|c| c.id == mine.id);
        match (was, at) {
            // Changed here, and there unchanged (or the same change): ours.
            (Some(was), Some(i)) if merged.cases[i] == *was || merged.cases[i] == *mine => {
                merged.cases[i] = mine.clone();
            }
            // Changed in both, in different fields: both changes, in one case.
            (Some(was), Some(i)) if let Some(both) = merge_fields(was, mine, &merged.cases[i]) => {
                merged.cases[i] = both;
            }
            // Changed in both, in the same fields: ours keeps its place, theirs becomes a copy.
            (Some(_), Some(i)) => {
                let mut other = std::mem::replace(&mut merged.cases[i], mine.clone());
                let name = format!("{}{COPY}", other.case.exchange.name.trim());
                other.case.exchange.name = name.chars().take(crate::case::MAX_NAME).collect();
                other.draft = None;
                other.unparsed = Default::default();
                copies.push((
                    mine.case.exchange.name.clone(),
                    other.case.exchange.name.clone(),
                ));
                merged.cases.insert(i + 1, other);
            }
            // Changed here, deleted there: kept.
            (Some(_), None) => {
                kept.push(mine.case.exchange.name.clone());
                merged.cases.push(mine.clone());
            }
            // New here; the other tab may have used its id for a case of its own.
            (None, Some(_)) => merged.cases.push(StoredCase {
                id: u64::MAX,
                ..mine.clone()
            }),
            (None, None) => merged.cases.push(mine.clone()),
        }
    }
    // What the other tab did to this tab's case and to cases this tab left alone: said.
    let mut told = Vec::new();
    if let (Some(mine), Some(was)) = (find(ours, ours.current), find(base, ours.current))
        && mine == was
    {
        match find(&merged, mine.id) {
            Some(now) if now != mine => {
                let copy = format!("{}{COPY}", mine.case.exchange.name.trim());
                let kept = merged
                    .cases
                    .iter()
                    .any(|c| c.case.exchange.name == copy && find(ours, c.id).is_none());
                // A plain change there shows without a word, as typing in another tab would;
                // this tab's own version kept as a copy is said.
                if kept {
                    told.push(format!("{} was changed in another tab at the same time as here: this tab shows that tab's version, and keeps its own as \"{copy}\".", now.case.exchange.name));
                }
            }
            _ => {}
        }
    }
    for mine in &ours.cases {
        if find(base, mine.id) == Some(mine) && find(&merged, mine.id).is_none() {
            told.push(format!(
                "{} was deleted in another tab.",
                mine.case.exchange.name
            ));
        }
    }
    // This tab's deletions of cases the other did not change.
    merged.cases.retain(|c| {
        let deleted_here = find(base, c.id).is_some() && find(ours, c.id).is_none();
        !(deleted_here && find(base, c.id) == Some(c))
    });
    // Fresh ids for copies and clashing new cases, after every id in use.
    let mut next = merged
        .cases
        .iter()
        .map(|c| c.id)
        .filter(|&id| id != u64::MAX)
        .chain([
            merged.next_id.saturating_sub(1),
            ours.next_id.saturating_sub(1),
        ])
        .max()
        .unwrap_or(0)
        + 1;
    let mut seen: Vec<u64> = Vec::new();
    for c in &mut merged.cases {
        if c.id == u64::MAX || seen.contains(&c.id) {
            c.id = next;
            next += 1;
        }
        seen.push(c.id);
    }
    // The deleted case kept for Undo: this tab's, or the other's (whose notice offers it), under
    // an id no other case has; not one that is back among the cases. A case one tab deleted and
    // the other kept, changed, is back under its id: an Undo would bring back a second, older
    // copy. (This tab's deletion meets its case's id again only so: the other tab numbers a case
    // of its own after every id it has heard of, and it heard of this one unless the two tabs
    // created it and another at the same moment.)
    let in_merged = |id: u64| merged.cases.iter().any(|c| c.id == id);
    let back = |d: &Deleted| in_merged(d.stored.id);
    let theirs_back = |d: &Deleted| find(base, d.stored.id).is_some() && in_merged(d.stored.id);
    let ours_deleted = ours.deleted.clone().filter(|d| {
        if back(d) {
            told.push(format!(
                "{} was deleted here and changed in another tab: it is kept as changed.",
                d.stored.case.exchange.name
            ));
        }
        !back(d)
    });
    let their_deleted = their_deleted.filter(|d| !theirs_back(d));
    merged.deleted = ours_deleted
        .or(their_deleted)
        .filter(|d| !merged.cases.iter().any(|c| c.case == d.stored.case))
        .map(|mut d| {
            if seen.contains(&d.stored.id) {
                d.stored.id = next;
                next += 1;
            }
            d
        });
    merged.next_id = next;
    // This tab stays on its case: by its id, or, for a case new here numbered anew, by its
    // content.
    let same = |a: &StoredCase, b: &StoredCase| a.case == b.case && a.draft == b.draft;
    let current = find(ours, ours.current).and_then(|mine| {
        let renumbered = find(base, mine.id).is_none() && their_ids.contains(&mine.id);
        match renumbered {
            false => merged.cases.iter().find(|c| c.id == mine.id),
            true => merged.cases.iter().find(|c| same(c, mine)),
        }
        .map(|c| c.id)
    });
    match current {
        Some(id) => merged.current = id,
        None if !merged.cases.iter().any(|c| c.id == merged.current) => {
            merged.current = merged.cases.first().map_or(0, |c| c.id);
        }
        None => {}
    }
    // Nothing is dropped to keep the limit: two tabs adding at once may pass it (the stored
    // form reads up to MAX_STORED), and adding is refused until it is under it again.
    let mut said = told;
    for (mine, copy) in copies {
        said.push(format!(
            "{mine} was changed in another tab at the same time, in the same fields: this tab's version is kept, and the other tab's as \"{copy}\"."
        ));
    }
    for name in kept {
        said.push(format!(
            "{name} was deleted in another tab after changes here: it is kept."
        ));
    }
    (merged, (!said.is_empty()).then(|| said.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::session::{Edit, TextField};
    use crate::workbench::workspace::{MAX_CASES, import};

    #[test]
    fn edits_are_stored_and_cases_switch() {
        let today: Date = "2026-11-25".parse().unwrap();
        let mut b = Workbench::new(Workspace::new(today));
        b.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::ExchangeName,
            "Kestrel".into(),
        )));
        assert_eq!(b.workspace.cases[0].case.exchange.name, "Kestrel");
        b.apply(WorkbenchAction::New(today));
        assert_eq!(b.session.valid().exchange.name, "Your exchange");
        b.apply(WorkbenchAction::Open(1));
        assert_eq!(b.session.valid().exchange.name, "Kestrel");
        b.apply(WorkbenchAction::Delete(1));
        assert_eq!(b.workspace.cases.len(), 1);
        assert_eq!(
            b.notice.as_ref().map(|n| (n.text.as_str(), n.undo)),
            Some(("Deleted Kestrel.", true))
        );
        b.apply(WorkbenchAction::Undo);
        assert_eq!(b.session.valid().exchange.name, "Kestrel");
        assert_eq!(b.workspace.cases.len(), 2);
    }

    #[test]
    fn import_reads_cases_and_workspaces() {
        let one = include_str!("../../../../tests/cases/blocked.json");
        assert_eq!(import(one).unwrap().len(), 1);
        let w = Workspace::new("2026-11-25".parse().unwrap()).to_json();
        assert_eq!(import(&w).unwrap().len(), 1);
        assert!(import("{").unwrap_err().starts_with("not valid JSON"));
        assert!(
            import(r#"{"version": 1}"#)
                .unwrap_err()
                .contains("exchange")
        );
    }

    fn today() -> Date {
        "2026-11-25".parse().unwrap()
    }

    fn named(name: &str) -> Case {
        let mut c = blank_case(today());
        c.exchange.name = name.into();
        c
    }

    /// `tab` hears `theirs`, saved by another tab since `base`.
    fn hears(tab: &mut Workbench, base: &Workspace, theirs: &Workspace) {
        tab.apply(WorkbenchAction::Stored {
            base: Box::new(base.clone()),
            theirs: Box::new(theirs.clone()),
        });
    }

    fn notice(b: &Workbench) -> (&str, bool) {
        b.notice
            .as_ref()
            .map_or(("", false), |n| (n.text.as_str(), n.undo))
    }

    /// At the limit, a deleted case keeps its place: adding is refused with its Undo still on
    /// offer, Undo fits, and what is stored reads back. (The app once stored 501 cases and then
    /// refused them all.)
    #[test]
    fn the_limit_holds_with_undo() {
        let mut b = Workbench::new(Workspace::new(today()));
        let many: Vec<Case> = (1..MAX_CASES).map(|i| named(&format!("C{i}"))).collect();
        b.apply(WorkbenchAction::Add(many, "Imported 499 cases.".into()));
        assert_eq!(b.workspace.cases.len(), MAX_CASES);
        let id = b.workspace.cases[3].id;
        b.apply(WorkbenchAction::Delete(id));
        b.apply(WorkbenchAction::New(today()));
        assert_eq!(b.workspace.cases.len(), MAX_CASES - 1);
        let (text, undo) = notice(&b);
        assert!(text.contains("C3, deleted, keeps its place"), "{text}");
        assert!(undo);
        b.apply(WorkbenchAction::Undo);
        assert_eq!(b.workspace.cases.len(), MAX_CASES);
        assert_eq!(b.workspace.cases[3].case.exchange.name, "C3");
        assert_eq!(
            Workspace::from_json(&b.workspace.to_json()),
            Ok(b.workspace.clone())
        );
    }

    /// An import that does not fit says how many were added (it once said "Imported 500" and
    /// added 499).
    #[test]
    fn a_partial_import_says_how_many() {
        let mut b = Workbench::new(Workspace::new(today()));
        let many: Vec<Case> = (0..MAX_CASES).map(|i| named(&format!("C{i}"))).collect();
        b.apply(WorkbenchAction::Add(
            many,
            "Imported 500 cases from w.json.".into(),
        ));
        assert_eq!(b.workspace.cases.len(), MAX_CASES);
        assert!(
            notice(&b)
                .0
                .starts_with("Only 499 of the 500 cases were added."),
            "{:?}",
            b.notice
        );
        b.apply(WorkbenchAction::Add(vec![named("X")], "Opened X.".into()));
        assert!(
            notice(&b).0.starts_with("Nothing was added."),
            "{:?}",
            b.notice
        );
        // A kept-aside workspace of more than 500 cases can still be imported.
        let mut big = b.workspace.clone();
        big.cases.push(StoredCase::new(9999, named("extra")));
        assert_eq!(import(&big.to_json()).unwrap().len(), MAX_CASES + 1);
    }

    /// Undo sits only beside its own deletion's notice; another notice ends it.
    #[test]
    fn undo_belongs_to_its_notice() {
        let mut b = Workbench::new(Workspace::new(today()));
        b.apply(WorkbenchAction::Add(
            vec![named("A"), named("B")],
            "Added.".into(),
        ));
        let a = b.workspace.cases[1].id;
        b.apply(WorkbenchAction::Delete(a));
        b.apply(WorkbenchAction::Notice(Some(
            "Imported 3 candidates.".into(),
        )));
        assert_eq!(notice(&b), ("Imported 3 candidates.", false));
        b.apply(WorkbenchAction::Undo);
        assert!(
            b.workspace
                .cases
                .iter()
                .all(|c| c.case.exchange.name != "A")
        );
        assert_eq!(notice(&b).0, "Imported 3 candidates.");
    }

    /// A deletion survives a reload with its Undo, and says so.
    #[test]
    fn undo_survives_a_reload() {
        let mut b = Workbench::new(Workspace::new(today()));
        b.apply(WorkbenchAction::Add(
            vec![named("Kestrel")],
            "Added.".into(),
        ));
        let id = b.workspace.current;
        b.apply(WorkbenchAction::Delete(id));
        let mut again = Workbench::new(Workspace::from_json(&b.workspace.to_json()).unwrap());
        assert_eq!(
            notice(&again),
            ("Kestrel was deleted before the page was reloaded.", true)
        );
        again.apply(WorkbenchAction::Undo);
        assert_eq!(again.session.valid().exchange.name, "Kestrel");
        // Dismissed, the deletion is final.
        again.apply(WorkbenchAction::Delete(id));
        again.apply(WorkbenchAction::Notice(None));
        assert_eq!(
            Workspace::from_json(&again.workspace.to_json())
                .unwrap()
                .deleted,
            None
        );
    }

    /// Two stored cases sharing an id, or ids near 2^64, are numbered anew: each id names one
    /// case, and adding never wraps.
    #[test]
    fn ids_name_one_case_each() {
        let mut w = Workspace::new(today());
        w.add(named("Second")).unwrap();
        w.cases[1].id = 1;
        let mut b = Workbench::new(Workspace::from_json(&w.to_json()).unwrap());
        let ids: Vec<u64> = b.workspace.cases.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 2]);
        b.apply(WorkbenchAction::Delete(2));
        assert_eq!(b.workspace.cases[0].case.exchange.name, "Your exchange");

        let mut w = Workspace::new(today());
        w.cases[0].id = u64::MAX;
        w.current = u64::MAX;
        w.next_id = u64::MAX;
        let mut back = Workspace::from_json(&w.to_json()).unwrap();
        back.add(named("A")).unwrap();
        back.add(named("B")).unwrap();
        let ids: Vec<u64> = back.cases.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    /// Tab A renames; tab B (opened before) takes it, or changes the rate (combined), or renames
    /// too (both kept, one as a conflicted copy, said in both tabs).
    #[test]
    fn two_tabs_keep_both_changes() {
        let base = Workspace::new(today());
        let mut a = Workbench::new(base.clone());
        let mut b = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::ExchangeName,
            "Renamed".into(),
        )));
        // B receives A's save before changing anything: it simply takes it.
        let mut b2 = b.clone();
        hears(&mut b2, &base, &a.workspace);
        assert_eq!(b2.session.valid().exchange.name, "Renamed");
        assert_eq!(b2.notice, None);
        // B had changed the rate already: different fields, one case with both changes.
        let mut b3 = b.clone();
        b3.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::HourlyRate,
            "120".into(),
        )));
        hears(&mut b3, &base, &a.workspace);
        assert_eq!(b3.workspace.cases.len(), 1);
        assert_eq!(b3.session.valid().exchange.name, "Renamed");
        assert_eq!(b3.session.text(TextField::HourlyRate), "120");
        // B had renamed it too: the same field, both kept, and said in both tabs.
        b.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::ExchangeName,
            "Bravo".into(),
        )));
        hears(&mut b, &base, &a.workspace);
        let names: Vec<&str> = b
            .workspace
            .cases
            .iter()
            .map(|c| c.case.exchange.name.as_str())
            .collect();
        assert_eq!(names, ["Bravo", "Renamed (conflicted copy)"]);
        assert!(
            notice(&b).0.contains("in the same fields: this tab's version is kept, and the other tab's as \"Renamed (conflicted copy)\""),
            "{:?}",
            b.notice
        );
        assert_eq!(
            Workspace::from_json(&b.workspace.to_json()),
            Ok(b.workspace.clone())
        );
        // A hears B's save: it shows B's version, and says its own is the copy.
        let a_base = a.workspace.clone();
        hears(&mut a, &a_base, &b.workspace);
        assert_eq!(a.session.valid().exchange.name, "Bravo");
        assert!(
            notice(&a)
                .0
                .contains("keeps its own as \"Renamed (conflicted copy)\""),
            "{:?}",
            a.notice
        );
    }

    /// New cases in both tabs (with the same next id) are all kept, each under its own id; a
    /// case one tab deleted and the other left alone is deleted.
    #[test]
    fn two_tabs_add_and_delete() {
        let mut base = Workspace::new(today());
        base.add(named("Old")).unwrap();
        let mut a = Workbench::new(base.clone());
        let mut b = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Add(vec![named("From A")], "Added.".into()));
        b.apply(WorkbenchAction::Add(vec![named("From B")], "Added.".into()));
        b.apply(WorkbenchAction::Delete(2));
        hears(&mut b, &base, &a.workspace);
        let mut cases: Vec<(u64, &str)> = b
            .workspace
            .cases
            .iter()
            .map(|c| (c.id, c.case.exchange.name.as_str()))
            .collect();
        cases.sort();
        assert_eq!(cases, [(1, "Your exchange"), (3, "From A"), (4, "From B")]);
        assert_eq!(b.workspace.next_id, 5);
        assert_eq!(b.session.valid().exchange.name, "From B");
    }

    /// Three files dropped at once: one notice tells what happened to each (only the last
    /// one's result was shown).
    #[test]
    fn a_batch_says_what_each_did() {
        let mut b = Workbench::new(Workspace::new(today()));
        b.apply(WorkbenchAction::Batch(vec![
            WorkbenchAction::Add(vec![named("A")], "Imported 1 case from a.json.".into()),
            WorkbenchAction::Notice(Some("b.json: not valid JSON. Nothing was changed.".into())),
            WorkbenchAction::Add(vec![named("C")], "Imported 1 case from c.json.".into()),
        ]));
        assert_eq!(
            notice(&b).0,
            "Imported 1 case from a.json.\nb.json: not valid JSON. Nothing was changed.\nImported 1 case from c.json."
        );
        assert_eq!(b.workspace.cases.len(), 3);
    }

    /// Two tabs at 499 cases adding one each store 501 and read them back (the limit once made
    /// the whole workspace unreadable); adding then waits until it is under the limit.
    #[test]
    fn two_tabs_at_the_limit_lose_nothing() {
        let mut base = Workspace::new(today());
        for i in 1..MAX_CASES - 1 {
            base.add(named(&format!("C{i}"))).unwrap();
        }
        assert_eq!(base.cases.len(), MAX_CASES - 1);
        let mut a = Workbench::new(base.clone());
        let mut b = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Add(vec![named("From A")], "Added.".into()));
        b.apply(WorkbenchAction::Add(vec![named("From B")], "Added.".into()));
        hears(&mut b, &base, &a.workspace);
        assert_eq!(b.workspace.cases.len(), MAX_CASES + 1);
        assert_eq!(
            Workspace::from_json(&b.workspace.to_json()),
            Ok(b.workspace.clone())
        );
        assert_eq!(b.session.valid().exchange.name, "From B");
        b.apply(WorkbenchAction::New(today()));
        assert_eq!(b.workspace.cases.len(), MAX_CASES + 1);
    }

    /// A save that had not heard of this tab's deletion does not bring the case back twice
    /// (Undo once duplicated it); another tab's deletion keeps its Undo across this tab's saves.
    #[test]
    fn deletions_across_tabs() {
        let mut base = Workspace::new(today());
        base.add(named("C2")).unwrap();
        base.add(named("C3")).unwrap();
        let mut a = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Delete(3));
        let a_base = a.workspace.clone();
        // Another page writes the old workspace, with C1 edited.
        let mut old = base.clone();
        old.cases[0].case.exchange.name = "C1 edited".into();
        hears(&mut a, &a_base, &old);
        a.apply(WorkbenchAction::Undo);
        let names: Vec<&str> = a
            .workspace
            .cases
            .iter()
            .map(|c| c.case.exchange.name.as_str())
            .collect();
        assert_eq!(names, ["C1 edited", "C2", "C3"]);

        // B hears A's deletion, then says something of its own: A's Undo stays stored.
        let mut a = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Delete(3));
        let mut b = Workbench::new(base.clone());
        hears(&mut b, &base, &a.workspace);
        b.apply(WorkbenchAction::Notice(Some(
            "Imported 2 candidates.".into(),
        )));
        assert!(b.workspace.deleted.is_some());
        let reloaded = Workbench::new(Workspace::from_json(&b.workspace.to_json()).unwrap());
        assert!(notice(&reloaded).1, "{:?}", reloaded.notice);
    }

    /// Ids near 2^53 are numbered anew before they could repeat (three new cases once shared
    /// one id, and typing went to the first).
    #[test]
    fn ids_never_repeat() {
        let mut w = Workspace::new(today());
        w.cases[0].id = (1 << 53) - 2;
        w.current = w.cases[0].id;
        w.next_id = (1 << 53) - 1;
        let mut b = Workbench::new(Workspace::from_json(&w.to_json()).unwrap());
        for name in ["New0", "New1", "New2"] {
            b.apply(WorkbenchAction::New(today()));
            b.apply(WorkbenchAction::Edit(Edit::Text(
                TextField::ExchangeName,
                name.into(),
            )));
        }
        let mut ids: Vec<u64> = b.workspace.cases.iter().map(|c| c.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 4);
        let names: Vec<&str> = b
            .workspace
            .cases
            .iter()
            .map(|c| c.case.exchange.name.as_str())
            .collect();
        assert_eq!(names, ["Your exchange", "New0", "New1", "New2"]);
    }

    /// A value that breaks a rule (kept as the draft) in one tab and a rename in the other are
    /// combined too (a rate typed past its limit once made a conflicted copy).
    #[test]
    fn a_draft_merges_field_by_field() {
        let base = Workspace::new(today());
        let mut a = Workbench::new(base.clone());
        let mut b = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::ExchangeName,
            "Renamed".into(),
        )));
        b.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::HourlyRate,
            "1275".into(),
        )));
        b.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::HourlyRate,
            "1234567875".into(),
        )));
        assert!(b.workspace.cases[0].draft.is_some());
        hears(&mut b, &base, &a.workspace);
        assert_eq!(b.workspace.cases.len(), 1, "{:?}", b.notice);
        assert_eq!(b.session.valid().exchange.name, "Renamed");
        assert_eq!(
            b.session.valid().estimate.hourly_rate,
            Some(rust_decimal::Decimal::from(1275))
        );
        assert_eq!(b.session.text(TextField::HourlyRate), "1234567875");
    }

    /// An Undo stays beside the deletion it undoes when another tab's deletion is said (it once
    /// read "C5 was deleted in another tab. Undo" and brought back C4).
    #[test]
    fn an_undo_says_what_it_undoes() {
        let mut base = Workspace::new(today());
        for name in ["C2", "C3", "C4", "C5"] {
            base.add(named(name)).unwrap();
        }
        let mut a = Workbench::new(base.clone());
        let mut c = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Delete(4));
        c.apply(WorkbenchAction::Delete(5));
        hears(&mut a, &base, &c.workspace);
        assert_eq!(
            notice(&a),
            ("Deleted C4. C5 was deleted in another tab.", true)
        );
        a.apply(WorkbenchAction::Undo);
        assert!(
            a.workspace
                .cases
                .iter()
                .any(|k| k.case.exchange.name == "C4")
        );
        assert!(
            a.workspace
                .cases
                .iter()
                .all(|k| k.case.exchange.name != "C5")
        );
    }

    /// Tab B deletes a case while tab A types in it; A keeps it, and B, hearing A's save, shows
    /// A's version and no longer offers an Undo that would bring back its own old one: it once
    /// made a second copy, or, when A's typing was a draft, kept its deletion and then wrote its
    /// old version back over A's typing.
    #[test]
    fn a_case_deleted_here_and_typed_in_there_is_theirs() {
        let mut base = Workspace::new(today());
        base.add(named("Kestrel")).unwrap();
        for draft in [false, true] {
            let mut a = Workbench::new(base.clone());
            a.apply(WorkbenchAction::Open(2));
            let typed = if draft { "99y" } else { "99" };
            a.apply(WorkbenchAction::Edit(Edit::Text(
                TextField::HourlyRate,
                typed.into(),
            )));
            let mut b = Workbench::new(base.clone());
            b.apply(WorkbenchAction::Delete(2));
            assert!(notice(&b).1);
            hears(&mut b, &base, &a.workspace);
            let kestrels: Vec<&StoredCase> = b
                .workspace
                .cases
                .iter()
                .filter(|c| c.case.exchange.name == "Kestrel")
                .collect();
            assert_eq!(kestrels.len(), 1, "draft {draft}");
            assert_eq!(
                *kestrels[0], a.workspace.cases[1],
                "A's version, draft {draft}"
            );
            assert!(b.workspace.deleted.is_none(), "draft {draft}");
            assert!(
                !notice(&b).1,
                "no Undo on offer, draft {draft}: {:?}",
                b.notice
            );
            b.apply(WorkbenchAction::Undo);
            assert_eq!(b.workspace.cases.len(), 2, "draft {draft}");
        }
        // As tabs meet it: A hears B's deletion first and keeps the case, then B hears A's save,
        // which carried B's deletion along (it once came back as a copy under a new id).
        let mut a = Workbench::new(base.clone());
        a.apply(WorkbenchAction::Open(2));
        a.apply(WorkbenchAction::Edit(Edit::Text(
            TextField::HourlyRate,
            "99".into(),
        )));
        let mut b = Workbench::new(base.clone());
        b.apply(WorkbenchAction::Delete(2));
        let b_saved = b.workspace.clone();
        hears(&mut a, &base, &b_saved);
        assert!(a.workspace.deleted.is_none(), "{:?}", a.workspace.deleted);
        hears(&mut b, &b_saved, &a.workspace);
        assert_eq!(b.workspace.cases.len(), 2);
        assert!(b.workspace.deleted.is_none());
        assert!(!notice(&b).1, "{:?}", b.notice);
    }
}
