//! The workspace: many cases, the board they are shown on, and the stored form that autosave
//! writes and reads back.
//!
//! The stored form is versioned JSON. Reading never guesses: a document that is not JSON, has an
//! unknown version or a case that cannot be read is refused with a typed error, so that the app
//! can keep the raw text aside and tell the user, rather than overwrite it.

use crate::number::Fixed;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::case::{Case, CaseError};
use crate::date::Date;
use crate::maturity::Rank;
use crate::process::{Applies, StageId, StageStatus};
use crate::session::{Session, blank_case};
use crate::text_enum::text_enum;

/// The stored workspace version this build reads and writes.
pub const WORKSPACE_VERSION: u64 = 1;
/// At most this many cases in one workspace.
pub const MAX_CASES: usize = 500;

/// One case in the workspace: its last valid state, and the edited state when that breaks a rule
/// (read back by shape only, so that it comes back as the user left it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredCase {
    pub id: u64,
    pub case: Case,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Case>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Workspace {
    pub version: u64,
    pub cases: Vec<StoredCase>,
    /// The id of the case being edited.
    pub current: u64,
    pub next_id: u64,
}

/// Why stored or imported workspace text cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("the saved data is not valid JSON (line {line}, column {column})")]
    Syntax { line: usize, column: usize },
    #[error(
        "the saved data is workspace version {found}; this build reads version {WORKSPACE_VERSION}"
    )]
    UnknownVersion { found: String },
    #[error("cases[{index}]: {error}")]
    Case { index: usize, error: CaseError },
    #[error("{0}")]
    Shape(String),
}

impl Workspace {
    /// A workspace with one blank case.
    pub fn new(as_of: Date) -> Self {
        Workspace {
            version: WORKSPACE_VERSION,
            cases: vec![StoredCase {
                id: 1,
                case: blank_case(as_of),
                draft: None,
            }],
            current: 1,
            next_id: 2,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads stored text, migrating older versions (none yet: version 1 is the first).
    #[inline(never)] // kept out of the start-up code of a first visit, which has nothing stored
    pub fn from_json(text: &str) -> Result<Self, WorkspaceError> {
        let value: Value = serde_json::from_str(text).map_err(|e| WorkspaceError::Syntax {
            line: e.line(),
            column: e.column(),
        })?;
        let value = migrate(value)?;
        let Value::Object(map) = &value else {
            return Err(WorkspaceError::Shape("a workspace is a JSON object".into()));
        };
        let cases = map
            .get("cases")
            .and_then(Value::as_array)
            .ok_or_else(|| WorkspaceError::Shape("cases: missing".into()))?;
        if cases.len() > MAX_CASES {
            return Err(WorkspaceError::Shape(format!("cases: at most {MAX_CASES}")));
        }
        let mut stored = Vec::with_capacity(cases.len());
        for (index, entry) in cases.iter().enumerate() {
            let id = entry
                .get("id")
                .and_then(Value::as_u64)
                .ok_or_else(|| WorkspaceError::Shape(format!("cases[{index}].id: missing")))?;
            let case_value = entry.get("case").cloned().unwrap_or(Value::Null);
            let case = Case::from_value(case_value)
                .map_err(|error| WorkspaceError::Case { index, error })?;
            let draft = entry
                .get("draft")
                .cloned()
                .and_then(|d| Case::shape_from_value(d).ok());
            stored.push(StoredCase { id, case, draft });
        }
        if stored.is_empty() {
            return Err(WorkspaceError::Shape("cases: empty".into()));
        }
        let max_id = stored.iter().map(|c| c.id).max().unwrap_or(0);
        let current = map
            .get("current")
            .and_then(Value::as_u64)
            .filter(|id| stored.iter().any(|c| c.id == *id));
        Ok(Workspace {
            version: WORKSPACE_VERSION,
            current: current.unwrap_or(stored[0].id),
            next_id: map
                .get("next_id")
                .and_then(Value::as_u64)
                .unwrap_or(0)
                .max(max_id + 1),
            cases: stored,
        })
    }

    pub fn current(&self) -> Option<&StoredCase> {
        self.cases.iter().find(|c| c.id == self.current)
    }

    /// The session of the current case, as it was left.
    pub fn session(&self) -> Option<Session> {
        let stored = self.current()?;
        Some(Session::resume(stored.case.clone(), stored.draft.clone()))
    }

    /// Writes a session back into the current case.
    pub fn store(&mut self, session: &Session) {
        let current = self.current;
        if let Some(stored) = self.cases.iter_mut().find(|c| c.id == current) {
            stored.case = session.valid().clone();
            // Kept typed, not as JSON: a `Value` serializer would carry another copy of every
            // `Serialize` impl into the web bundle.
            stored.draft = (session.edited() != session.valid()).then(|| session.edited().clone());
        }
    }

    /// Adds a case and makes it current; refuses past the limit.
    pub fn add(&mut self, case: Case) -> Result<u64, String> {
        if self.cases.len() >= MAX_CASES {
            return Err(format!("a workspace holds at most {MAX_CASES} cases"));
        }
        let id = self.next_id;
        self.next_id += 1;
        self.cases.push(StoredCase {
            id,
            case,
            draft: None,
        });
        self.current = id;
        Ok(id)
    }

    /// A copy of a case, named as a copy, next to it.
    pub fn duplicate(&mut self, id: u64) -> Result<u64, String> {
        let mut case = self
            .cases
            .iter()
            .find(|c| c.id == id)
            .ok_or("no such case")?
            .case
            .clone();
        case.exchange.name = format!("{} (copy)", case.exchange.name.trim());
        self.add(case)
    }

    /// Removes a case and returns it with its place, for undo. The last case cannot go.
    pub fn remove(&mut self, id: u64) -> Option<(usize, StoredCase)> {
        if self.cases.len() < 2 {
            return None;
        }
        let index = self.cases.iter().position(|c| c.id == id)?;
        let removed = self.cases.remove(index);
        if self.current == id {
            self.current = self.cases[index.min(self.cases.len() - 1)].id;
        }
        Some((index, removed))
    }

    /// Puts a removed case back where it was.
    pub fn restore(&mut self, index: usize, stored: StoredCase) {
        let index = index.min(self.cases.len());
        self.next_id = self.next_id.max(stored.id + 1);
        self.cases.insert(index, stored);
    }

    pub fn rename(&mut self, id: u64, name: &str) {
        if let Some(c) = self.cases.iter_mut().find(|c| c.id == id)
            && !name.trim().is_empty()
        {
            c.case.exchange.name = name.trim().chars().take(120).collect();
        }
    }
}

/// Brings stored data up to the current version. Version 1 is the first; a later format adds a
/// step here from each older version to the next.
fn migrate(value: Value) -> Result<Value, WorkspaceError> {
    match value.get("version") {
        Some(v) if v.as_u64() == Some(WORKSPACE_VERSION) => Ok(value),
        Some(v) => Err(WorkspaceError::UnknownVersion {
            found: crate::read::quoted(v),
        }),
        None => Err(WorkspaceError::UnknownVersion {
            found: "none".into(),
        }),
    }
}

text_enum! {
    /// The board's columns, after the Foundation's public project board.
    pub enum Column as "column" {
        Requested => "requested",
        InProgress => "in_progress",
        Completed => "completed",
    }
}

impl Column {
    pub fn label(self) -> &'static str {
        match self {
            Column::Requested => "Requested",
            Column::InProgress => "In progress",
            Column::Completed => "Completed",
        }
    }
}

/// Completed once merged; in progress once a stage on the delivery clock (maintainer assignment
/// onward) has started; requested before that.
pub fn column(case: &Case) -> Column {
    if case.stage_status(StageId::Merge) == StageStatus::Done {
        return Column::Completed;
    }
    let started = StageId::ALL.iter().any(|s| {
        s.on_delivery_clock()
            && case.path.applies(*s) != Applies::Skipped
            && case.stage_status(*s) != StageStatus::NotStarted
    });
    if started {
        Column::InProgress
    } else {
        Column::Requested
    }
}

/// One card of the board.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    pub id: u64,
    pub name: String,
    pub column: Column,
    pub rank: Rank,
    pub p80_cost: Option<Decimal>,
    pub p80_days: Option<f64>,
    pub currency: String,
}

/// A case's card: its column, rank, and P80 cost and calendar days (when it can be estimated).
pub fn card(stored: &StoredCase) -> Card {
    let case = &stored.case;
    let estimate = crate::estimate(case).ok();
    Card {
        id: stored.id,
        name: case.exchange.name.clone(),
        column: column(case),
        rank: crate::rank(case).rank,
        p80_cost: estimate.as_ref().map(|e| e.cost.p80),
        p80_days: estimate.as_ref().map(|e| e.calendar_days.p80),
        currency: case.estimate.currency.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2026-11-25".parse().unwrap()
    }

    #[test]
    fn round_trips_exactly() {
        let mut w = Workspace::new(today());
        let example =
            Case::from_json(include_str!("../../../tests/cases/mature-spot-cex.json")).unwrap();
        w.add(example).unwrap();
        let back = Workspace::from_json(&w.to_json()).unwrap();
        assert_eq!(back, w);
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(matches!(
            Workspace::from_json("{not json"),
            Err(WorkspaceError::Syntax { .. })
        ));
        assert_eq!(
            Workspace::from_json(r#"{"version": 7, "cases": []}"#),
            Err(WorkspaceError::UnknownVersion { found: "7".into() })
        );
        let bad = r#"{"version": 1, "cases": [{"id": 1, "case": {"version": 1, "exchange": {"name": ""}}}], "current": 1, "next_id": 2}"#;
        let e = Workspace::from_json(bad).unwrap_err().to_string();
        assert!(
            e.starts_with("cases[0]: exchange.name: must not be empty"),
            "{e}"
        );
    }

    #[test]
    fn drafts_come_back_as_left() {
        let mut w = Workspace::new(today());
        let mut s = w.session().unwrap();
        s.apply(crate::session::Edit::Text(
            crate::session::TextField::Availability,
            "300".into(),
        ));
        w.store(&s);
        let back = Workspace::from_json(&w.to_json())
            .unwrap()
            .session()
            .unwrap();
        assert_eq!(back.text(crate::session::TextField::Availability), "300");
        assert!(back.error("estimate.availability_hours_per_week").is_some());
        assert_eq!(back.valid().estimate.availability_hours_per_week, 30.0);
    }

    #[test]
    fn duplicate_remove_undo() {
        let mut w = Workspace::new(today());
        let copy = w.duplicate(1).unwrap();
        assert_eq!(w.cases[1].case.exchange.name, "Your exchange (copy)");
        assert_eq!(w.current, copy);
        let (index, removed) = w.remove(1).unwrap();
        assert_eq!(w.cases.len(), 1);
        assert!(w.remove(copy).is_none(), "the last case stays");
        w.restore(index, removed);
        assert_eq!(w.cases[0].id, 1);
    }

    #[test]
    fn the_board_follows_the_stages() {
        let mut case = blank_case(today());
        assert_eq!(column(&case), Column::Requested);
        case.stages.insert(StageId::Scoping, StageStatus::Done);
        assert_eq!(
            column(&case),
            Column::Requested,
            "scoping is before the delivery clock"
        );
        case.stages
            .insert(StageId::MaintainerAssignment, StageStatus::InProgress);
        assert_eq!(column(&case), Column::InProgress);
        case.stages.insert(StageId::Merge, StageStatus::Done);
        assert_eq!(column(&case), Column::Completed);
        let card = card(&StoredCase {
            id: 9,
            case,
            draft: None,
        });
        assert!(card.p80_cost.is_some() && card.p80_days.is_some());
    }

    /// A file over the limit is refused by its size, before parsing; one at the limit is read.
    #[test]
    fn imports_are_limited_in_size() {
        let over = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
        let e = import(&over).unwrap_err();
        assert!(e.contains("files up to 5 MB are read"), "{e}");
        let csv = crate::candidates_csv::parse(&over, &[]).unwrap_err();
        assert!(csv.message.contains("files up to 5 MB"), "{}", csv.message);
        let at = " ".repeat(MAX_IMPORT_BYTES as usize);
        assert!(import(&at).unwrap_err().contains("not valid JSON"));
        assert_eq!(import_size_problem(MAX_IMPORT_BYTES), None);
    }
}

/// The largest file an import reads. Browsers keep about 5 MB of storage per site, so a larger
/// workspace could not be kept anyway; a case file is a few KB, 500 typical cases about 1.5 MB.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Why a file of `bytes` is not read, if it is too large: checked before reading it.
pub fn import_size_problem(bytes: u64) -> Option<String> {
    (bytes > MAX_IMPORT_BYTES).then(|| {
        format!(
            "the file is {} MB; files up to {} MB are read (a case file is a few KB)",
            Fixed(bytes as f64 / 1e6, 1),
            MAX_IMPORT_BYTES / (1024 * 1024),
        )
    })
}

/// What can be imported: a case file, or a whole workspace (its cases are added).
pub fn import(text: &str) -> Result<Vec<Case>, String> {
    if let Some(problem) = import_size_problem(text.len() as u64) {
        return Err(problem);
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("not valid JSON (line {}, column {})", e.line(), e.column()))?;
    if value.get("cases").is_some() {
        Workspace::from_json(text)
            .map(|w| w.cases.into_iter().map(|c| c.case).collect())
            .map_err(|e| e.to_string())
    } else {
        Case::from_value(value)
            .map(|c| vec![c])
            .map_err(|e| e.to_string())
    }
}

/// Everything the app keeps: the workspace, the session of the current case, and the last
/// deleted case (for undo). A pure reducer: the web app dispatches, this decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbench {
    pub workspace: Workspace,
    pub session: Session,
    pub undo: Option<(usize, StoredCase)>,
    /// The last thing worth telling the user (an import, an undo, a refusal).
    pub notice: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WorkbenchAction {
    Edit(crate::session::Edit),
    New(Date),
    Open(u64),
    Duplicate(u64),
    Delete(u64),
    Undo,
    Rename(u64, String),
    /// Adds cases (an import, a shared link); the first becomes current.
    Add(Vec<Case>, String),
    Notice(Option<String>),
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
        Workbench {
            workspace,
            session,
            undo: None,
            notice: None,
        }
    }

    fn open_current(&mut self) {
        if let Some(s) = self.workspace.session() {
            self.session = s;
        }
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
                    self.notice = Some(e);
                }
            }
            WorkbenchAction::Open(id) => {
                if self.workspace.cases.iter().any(|c| c.id == id) {
                    self.workspace.current = id;
                }
            }
            WorkbenchAction::Duplicate(id) => {
                if let Err(e) = self.workspace.duplicate(id) {
                    self.notice = Some(e);
                }
            }
            WorkbenchAction::Delete(id) => match self.workspace.remove(id) {
                Some((index, removed)) => {
                    self.notice = Some(format!("Deleted {}.", removed.case.exchange.name));
                    self.undo = Some((index, removed));
                }
                None => self.notice = Some("The last case cannot be deleted.".into()),
            },
            WorkbenchAction::Undo => {
                if let Some((index, stored)) = self.undo.take() {
                    self.notice = Some(format!("Restored {}.", stored.case.exchange.name));
                    self.workspace.current = stored.id;
                    self.workspace.restore(index, stored);
                }
            }
            WorkbenchAction::Rename(id, name) => self.workspace.rename(id, &name),
            WorkbenchAction::Add(cases, what) => {
                let mut first = None;
                for case in cases {
                    match self.workspace.add(case) {
                        Ok(id) => {
                            first.get_or_insert(id);
                        }
                        Err(e) => {
                            self.notice = Some(e);
                            break;
                        }
                    }
                }
                if let Some(id) = first {
                    self.workspace.current = id;
                    self.notice = Some(what);
                }
            }
            WorkbenchAction::Notice(n) => {
                self.notice = n;
                return;
            }
        }
        self.open_current();
    }
}

#[cfg(test)]
mod workbench_tests {
    use super::*;
    use crate::session::{Edit, TextField};

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
        assert_eq!(b.notice.as_deref(), Some("Deleted Kestrel."));
        b.apply(WorkbenchAction::Undo);
        assert_eq!(b.session.valid().exchange.name, "Kestrel");
        assert_eq!(b.workspace.cases.len(), 2);
    }

    #[test]
    fn import_reads_cases_and_workspaces() {
        let one = include_str!("../../../tests/cases/blocked.json");
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
}
