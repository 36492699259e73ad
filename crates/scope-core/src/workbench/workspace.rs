//! The workspace: many cases, the board they are shown on, and the stored form that autosave
//! writes and reads back.
//!
//! The stored form is versioned JSON. Reading never guesses: a document that is not JSON, has an
//! unknown version or a case that cannot be read is refused with a typed error, so that the app
//! can keep the raw text aside and tell the user, rather than overwrite it.

use crate::support::sorted_map::SortedMap;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::case::blank_case;
use crate::case::{Case, CaseError};
use crate::case::{StageId, StageStatus};
use crate::maturity::Rank;
use crate::process::Applies;
use crate::support::date::Date;
use crate::support::text_enum::text_enum;
use crate::workbench::session::Session;

/// The stored workspace version this build reads and writes.
pub const WORKSPACE_VERSION: u64 = 1;
/// At most this many cases in one workspace, counting a deleted case kept for Undo (so that
/// Undo always fits, and what the app stores it can always read back).
pub const MAX_CASES: usize = 500;
/// Two tabs adding at once can each fill the last place: what they store together may pass
/// `MAX_CASES` (nothing is dropped to keep the limit), and is still read back. Adding stays
/// refused until the workspace is under the limit again.
pub const MAX_STORED: usize = 10 * MAX_CASES;
/// Ids are numbered anew from 1 past this, so that they stay below 2^53 (JavaScript reads them
/// exactly) and adding never wraps or repeats.
const MAX_ID: u64 = 1 << 52;

/// One case in the workspace: its last valid state, and the edited state when that breaks a rule
/// (read back by shape only, so that it comes back as the user left it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredCase {
    pub id: u64,
    pub case: Case,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Case>,
    /// Text typed into fields that does not parse ("12x" as a rate), with why, by field path:
    /// a half-typed value comes back after a reload as it was left.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub unparsed: SortedMap<String, (String, String)>,
}

impl StoredCase {
    pub fn new(id: u64, case: Case) -> Self {
        StoredCase {
            id,
            case,
            draft: None,
            unparsed: SortedMap::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Workspace {
    pub version: u64,
    pub cases: Vec<StoredCase>,
    /// The id of the case being edited.
    pub current: u64,
    pub next_id: u64,
    /// The last deleted case, kept (also across a reload) while its notice, with its Undo, shows:
    /// until Undo, or until the notice is dismissed or replaced by another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Box<Deleted>>,
}

/// Which save wrote a stored workspace (`rev`, 0 when unstamped), and which save it was made on
/// top of (`parent`): two tabs that saved at once each built on the same parent, and a third
/// version of the workspace merges with that parent as the common ancestor, so neither save is
/// taken for a deletion of what the other added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    pub rev: u64,
    pub parent: u64,
}

/// A deleted case and the place it had.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deleted {
    pub index: usize,
    pub stored: StoredCase,
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
            cases: vec![StoredCase::new(1, blank_case(as_of))],
            current: 1,
            next_id: 2,
            deleted: None,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads stored text, migrating older versions (none yet: version 1 is the first).
    #[inline(never)] // kept out of the start-up code of a first visit, which has nothing stored
    pub fn from_json(text: &str) -> Result<Self, WorkspaceError> {
        Self::read(text, MAX_STORED).map(|(w, _)| w)
    }

    /// Stored text with the stamp of the save that wrote it.
    pub fn from_stamped_json(text: &str) -> Result<(Self, Stamp), WorkspaceError> {
        Self::read(text, MAX_STORED)
    }

    /// The stored text, stamped: which save this is, and which one it was made on top of.
    pub fn to_stamped_json(&self, stamp: Stamp) -> String {
        let json = self.to_json();
        match json.strip_prefix('{') {
            Some(rest) => format!("{{\"rev\":{},\"parent\":{},{rest}", stamp.rev, stamp.parent),
            None => json,
        }
    }

    /// Reads a workspace of at most `limit` cases. Ids that are used twice or too large (a file
    /// edited by hand, an older build) are numbered anew, so that each names one case.
    fn read(text: &str, limit: usize) -> Result<(Self, Stamp), WorkspaceError> {
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
        if cases.len() > limit {
            return Err(WorkspaceError::Shape(format!("cases: at most {limit}")));
        }
        let stored_case = |entry: &Value, index: usize| -> Result<StoredCase, WorkspaceError> {
            let id = entry.get("id").and_then(Value::as_u64).ok_or_else(|| {
                WorkspaceError::Shape(match entry.get("id") {
                    None => format!("cases[{index}].id: missing"),
                    Some(_) => format!("cases[{index}].id: must be a whole number from 0 to 2^64"),
                })
            })?;
            let case_value = entry.get("case").cloned().unwrap_or(Value::Null);
            let case = Case::from_value(case_value)
                .map_err(|error| WorkspaceError::Case { index, error })?;
            let draft = entry
                .get("draft")
                .cloned()
                .and_then(|d| Case::shape_from_value(d).ok());
            // Read leniently, as the draft is: what cannot be read is text the user will retype.
            let mut unparsed = SortedMap::new();
            if let Some(Value::Object(fields)) = entry.get("unparsed") {
                for (path, pair) in fields {
                    if let Some([Value::String(text), Value::String(why)]) =
                        pair.as_array().map(Vec::as_slice)
                    {
                        unparsed.insert(path.clone(), (text.clone(), why.clone()));
                    }
                }
            }
            Ok(StoredCase {
                id,
                case,
                draft,
                unparsed,
            })
        };
        let mut stored = Vec::with_capacity(cases.len());
        for (index, entry) in cases.iter().enumerate() {
            stored.push(stored_case(entry, index)?);
        }
        if stored.is_empty() {
            return Err(WorkspaceError::Shape("cases: empty".into()));
        }
        // A deleted case that cannot be read, or has no room, is let go: it was deleted.
        let mut deleted = map
            .get("deleted")
            .and_then(|d| {
                Some(Box::new(Deleted {
                    index: usize::try_from(d.get("index")?.as_u64()?).ok()?,
                    stored: stored_case(d.get("stored")?, 0).ok()?,
                }))
            })
            .filter(|_| stored.len() < MAX_STORED);
        let current = map.get("current").and_then(Value::as_u64);
        let mut current = current
            .and_then(|id| stored.iter().position(|c| c.id == id))
            .unwrap_or(0);
        let mut ids: Vec<u64> = stored.iter().map(|c| c.id).collect();
        ids.extend(deleted.as_ref().map(|d| d.stored.id));
        let sorted = crate::support::order::sorted_by(ids.clone(), |a, b| a.cmp(b));
        let next_stored = map.get("next_id").and_then(Value::as_u64).unwrap_or(0);
        if sorted.windows(2).any(|w| w[0] == w[1])
            || sorted.last() > Some(&MAX_ID)
            || next_stored > MAX_ID
        {
            for (k, c) in stored.iter_mut().enumerate() {
                c.id = k as u64 + 1;
            }
            if let Some(d) = &mut deleted {
                d.stored.id = stored.len() as u64 + 1;
            }
            current = current.min(stored.len() - 1);
        }
        let max_id = stored
            .iter()
            .map(|c| c.id)
            .chain(deleted.as_ref().map(|d| d.stored.id))
            .max()
            .unwrap_or(0);
        let next_id = map
            .get("next_id")
            .and_then(Value::as_u64)
            .filter(|&n| n <= MAX_ID)
            .unwrap_or(0)
            .max(max_id + 1);
        let stamp = |k: &str| map.get(k).and_then(Value::as_u64).unwrap_or(0);
        let stamp = Stamp {
            rev: stamp("rev"),
            parent: stamp("parent"),
        };
        let workspace = Workspace {
            version: WORKSPACE_VERSION,
            current: stored[current].id,
            next_id,
            cases: stored,
            deleted,
        };
        Ok((workspace, stamp))
    }

    pub fn current(&self) -> Option<&StoredCase> {
        self.cases.iter().find(|c| c.id == self.current)
    }

    /// The session of the current case, as it was left.
    pub fn session(&self) -> Option<Session> {
        let stored = self.current()?;
        Some(Session::resume(
            stored.case.clone(),
            stored.draft.clone(),
            stored.unparsed.clone(),
        ))
    }

    /// Writes a session back into the current case.
    pub fn store(&mut self, session: &Session) {
        let current = self.current;
        if let Some(stored) = self.cases.iter_mut().find(|c| c.id == current) {
            stored.case = session.valid().clone();
            // Kept typed, not as JSON: a `Value` serializer would carry another copy of every
            // `Serialize` impl into the web bundle.
            stored.draft = (session.edited() != session.valid()).then(|| session.edited().clone());
            stored.unparsed = session.unparsed().clone();
        }
    }

    /// Room for how many more cases: a deleted case kept for Undo keeps its place.
    pub fn room(&self) -> usize {
        MAX_CASES.saturating_sub(self.cases.len() + usize::from(self.deleted.is_some()))
    }

    /// Adds a case and makes it current; refuses past the limit.
    pub fn add(&mut self, case: Case) -> Result<u64, String> {
        if self.room() == 0 {
            return Err(match &self.deleted {
                Some(d) => format!(
                    "A workspace holds at most {MAX_CASES} cases, and {}, deleted, keeps its place until its Undo is dismissed.",
                    d.stored.case.exchange.name
                ),
                None => format!("A workspace holds at most {MAX_CASES} cases."),
            });
        }
        if self.next_id > MAX_ID {
            self.renumber();
        }
        let id = self.next_id;
        self.next_id = id + 1;
        self.cases.push(StoredCase::new(id, case));
        self.current = id;
        Ok(id)
    }

    /// Ids 1, 2, 3... in order, the current and the deleted case following theirs.
    fn renumber(&mut self) {
        let current = self.cases.iter().position(|c| c.id == self.current);
        for (k, c) in self.cases.iter_mut().enumerate() {
            c.id = k as u64 + 1;
        }
        self.current = current.map_or(1, |i| i as u64 + 1);
        let n = self.cases.len() as u64;
        if let Some(d) = &mut self.deleted {
            d.stored.id = n + 1;
        }
        self.next_id = n + 2;
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
        let name = format!("{} (copy)", case.exchange.name.trim());
        case.exchange.name = name.chars().take(crate::case::MAX_NAME).collect();
        self.add(case)
    }

    /// Removes a case, keeping it for Undo (in place of an earlier deleted case). The last case
    /// cannot go.
    pub fn remove(&mut self, id: u64) -> Option<&StoredCase> {
        if self.cases.len() < 2 {
            return None;
        }
        let index = self.cases.iter().position(|c| c.id == id)?;
        let stored = self.cases.remove(index);
        if self.current == id {
            self.current = self.cases[index.min(self.cases.len() - 1)].id;
        }
        self.deleted = Some(Box::new(Deleted { index, stored }));
        self.deleted.as_ref().map(|d| &d.stored)
    }

    /// Puts the deleted case back where it was, and makes it current. It always fits: its place
    /// was kept.
    pub fn undo(&mut self) -> Option<&StoredCase> {
        let Deleted { index, stored } = *self.deleted.take()?;
        let index = index.min(self.cases.len());
        self.next_id = self.next_id.max(stored.id + 1);
        self.current = stored.id;
        self.cases.insert(index, stored);
        self.cases.get(index)
    }

    /// Renames a case, as one line of at most `MAX_NAME` characters (line breaks, tabs and
    /// other control characters become spaces); a name of nothing leaves the name as it was.
    pub fn rename(&mut self, id: u64, name: &str) {
        let name = crate::support::escape::one_line(name, crate::case::MAX_NAME);
        if let Some(c) = self.cases.iter_mut().find(|c| c.id == id)
            && !name.is_empty()
        {
            c.case.exchange.name = name;
        }
    }
}

/// Brings stored data up to the current version. Version 1 is the first; a later format adds a
/// step here from each older version to the next.
fn migrate(value: Value) -> Result<Value, WorkspaceError> {
    match value.get("version") {
        Some(v) if v.as_u64() == Some(WORKSPACE_VERSION) => Ok(value),
        Some(v) => Err(WorkspaceError::UnknownVersion {
            found: crate::support::json::quoted(v),
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
    let estimate = crate::estimate::estimate(case).ok();
    Card {
        id: stored.id,
        name: case.exchange.name.clone(),
        column: column(case),
        rank: crate::maturity::rank(case).rank,
        p80_cost: estimate.as_ref().map(|e| e.cost.p80),
        p80_days: estimate.as_ref().map(|e| e.calendar_days.p80),
        currency: case.estimate.currency.clone(),
    }
}

/// What can be imported: a case file, or a whole workspace (its cases are added, as many as
/// fit: the workbench says how many). A workspace kept aside by an older build, with more cases
/// than a workspace holds, is read too.
pub fn import(text: &str) -> Result<Vec<Case>, String> {
    if let Some(problem) = crate::formats::import_size_problem(text.len() as u64) {
        return Err(problem);
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("not valid JSON (line {}, column {})", e.line(), e.column()))?;
    if value.get("cases").is_some() {
        Workspace::read(text, usize::MAX)
            .map(|(w, _)| w.cases.into_iter().map(|c| c.case).collect())
            .map_err(|e| e.to_string())
    } else {
        Case::from_value(value)
            .map(|c| vec![c])
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2026-11-25".parse().unwrap()
    }

    #[test]
    fn stamps_round_trip_beside_the_workspace() {
        let w = Workspace::new(today());
        let stamp = Stamp { rev: 7, parent: 3 };
        let (back, read) = Workspace::from_stamped_json(&w.to_stamped_json(stamp)).unwrap();
        assert_eq!((back, read), (w.clone(), stamp));
        assert_eq!(
            Workspace::from_stamped_json(&w.to_json()).unwrap().1,
            Stamp::default()
        );
    }

    #[test]
    fn round_trips_exactly() {
        let mut w = Workspace::new(today());
        let example =
            Case::from_json(include_str!("../../../../tests/cases/mature-spot-cex.json")).unwrap();
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
        let reloaded = |w: &Workspace| {
            Workspace::from_json(&w.to_json())
                .unwrap()
                .session()
                .unwrap()
        };
        let mut w = Workspace::new(today());
        let mut s = w.session().unwrap();
        s.apply(crate::workbench::session::Edit::Text(
            crate::workbench::session::TextField::Availability,
            "300".into(),
        ));
        w.store(&s);
        let back = reloaded(&w);
        assert_eq!(
            back.text(crate::workbench::session::TextField::Availability),
            "300"
        );

        // Text that does not parse comes back too (it was lost on reload).
        let mut s = w.session().unwrap();
        s.apply(crate::workbench::session::Edit::Text(
            crate::workbench::session::TextField::HourlyRate,
            "12x".into(),
        ));
        w.store(&s);
        let back = reloaded(&w);
        assert_eq!(
            back.text(crate::workbench::session::TextField::HourlyRate),
            "12x"
        );
        assert!(
            back.error("estimate.hourly_rate")
                .unwrap()
                .contains("not an amount")
        );
        assert!(!back.is_current());
        assert!(back.error("estimate.availability_hours_per_week").is_some());
        assert_eq!(back.valid().estimate.availability_hours_per_week, 30.0);
    }

    #[test]
    fn duplicate_remove_undo() {
        let mut w = Workspace::new(today());
        let copy = w.duplicate(1).unwrap();
        assert_eq!(w.cases[1].case.exchange.name, "Your exchange (copy)");
        assert_eq!(w.current, copy);
        w.remove(1).unwrap();
        assert_eq!(w.cases.len(), 1);
        assert!(w.remove(copy).is_none(), "the last case stays");
        w.undo().unwrap();
        assert_eq!(w.cases[0].id, 1);
        assert_eq!(w.current, 1);
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
        let card = card(&StoredCase::new(9, case));
        assert!(card.p80_cost.is_some() && card.p80_days.is_some());
    }

    /// A file over the limit is refused by its size, before parsing; one at the limit is read.
    #[test]
    fn imports_are_limited_in_size() {
        use crate::formats::{MAX_IMPORT_BYTES, import_size_problem};
        let over = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
        let e = import(&over).unwrap_err();
        assert!(e.contains("files up to 5 MB are read"), "{e}");
        let csv = crate::formats::candidates_csv::parse(&over, &[]).unwrap_err();
        assert!(csv.message.contains("files up to 5 MB"), "{}", csv.message);
        let at = " ".repeat(MAX_IMPORT_BYTES as usize);
        assert!(import(&at).unwrap_err().contains("not valid JSON"));
        assert_eq!(import_size_problem(MAX_IMPORT_BYTES), None);
    }

    /// A board rename takes the name a case file allows: it once stored a tab or a line break,
    /// which the next start-up refused, setting the whole workspace aside.
    #[test]
    fn a_rename_keeps_the_name_one_line() {
        let mut w = Workspace::new("2026-11-25".parse().unwrap());
        let id = w.cases[0].id;
        for (typed, kept) in [
            ("Tab\there", "Tab here"),
            ("A\u{2028}B\u{7}C", "A B C"),
            ("Two  spaces", "Two  spaces"),
            ("  Line\nbreak  ", "Line break"),
        ] {
            w.rename(id, typed);
            assert_eq!(w.cases[0].case.exchange.name, kept);
            assert!(w.cases[0].case.problems().is_empty(), "{typed:?}");
            assert!(Workspace::from_json(&w.to_json()).is_ok(), "{typed:?}");
        }
        w.rename(id, "\t\n");
        assert_eq!(
            w.cases[0].case.exchange.name, "Line break",
            "a name of nothing is not taken"
        );
    }
}
