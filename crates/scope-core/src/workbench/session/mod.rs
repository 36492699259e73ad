//! The editing session behind the web app: a pure reducer over the case file.
//!
//! The session keeps three things: the case as the user has edited it, the last case that passed
//! every rule (the one whose figures stay on screen), and the raw text of fields that do not parse
//! at all. Every edit is applied; nothing the user typed is lost, and nothing invalid is computed.

mod agreement;
mod candidates;

use crate::support::number::Shortest;
use crate::support::sorted_map::SortedMap;

use rust_decimal::Decimal;

use crate::case::Answer;
use crate::case::{Build, Case, ExchangeKind, FieldError, Market};
use crate::case::{EngagementPath, GovernanceEra, StageId, StageStatus};
use crate::case::{Experience, TaskId};

pub use crate::workbench::session::agreement::{AgreementEdit, AgreementField};
pub use crate::workbench::session::candidates::{CandidatesEdit, judgement};
use agreement as agreement_edit;

/// A text field of the case, by its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TextField {
    ExchangeName,
    Launched,
    AsOf,
    Availability,
    HourlyRate,
    Overhead,
    Currency,
    Samples,
    Seed,
}

impl TextField {
    /// The field's path in the case file, as errors name it.
    pub fn path(self) -> &'static str {
        match self {
            TextField::ExchangeName => "exchange.name",
            TextField::Launched => "exchange.launched",
            TextField::AsOf => "as_of",
            TextField::Availability => "estimate.availability_hours_per_week",
            TextField::HourlyRate => "estimate.hourly_rate",
            TextField::Overhead => "estimate.overhead_pct",
            TextField::Currency => "estimate.currency",
            TextField::Samples => "simulation.samples",
            TextField::Seed => "simulation.seed",
        }
    }
}

/// One change the user makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Text(TextField, String),
    Kind(ExchangeKind),
    Market(Market),
    Build(Build),
    BaseConnector(Option<String>),
    Precedent(Option<String>),
    /// Adds or removes a part that a modification changes.
    Change(TaskId, bool),
    Path(EngagementPath),
    Era(GovernanceEra),
    Experience(Experience),
    Answer(String, Option<Answer>),
    /// Answers taken from a document or CCXT (`prefill::Prefill::accepted`): item, answer, source.
    Accept(Vec<(String, Answer, String)>),
    Stage(StageId, StageStatus),
    /// Candidates, criteria, weights, method, selection.
    Candidates(CandidatesEdit),
    Agreement(AgreementEdit),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    edited: Case,
    valid: Case,
    /// Text that does not parse, with why, by field path.
    drafts: SortedMap<String, (String, String)>,
    /// Text as typed that parsed, by field path: a field shows it rather than the value written
    /// anew ("075" stays "075", "1.50" stays "1.50"), so that typing is never rewritten.
    typed: SortedMap<String, String>,
    problems: Vec<FieldError>,
}

impl Session {
    /// A session on a valid case.
    pub fn new(case: Case) -> Self {
        let problems = case.problems();
        Self {
            valid: case.clone(),
            edited: case,
            drafts: SortedMap::new(),
            typed: SortedMap::new(),
            problems,
        }
    }

    /// A session resumed from storage: the last valid case, the edited one when it differs, and
    /// the text of fields that did not parse.
    pub fn resume(
        valid: Case,
        edited: Option<Case>,
        unparsed: SortedMap<String, (String, String)>,
    ) -> Self {
        let mut session = Session::new(valid);
        if let Some(edited) = edited {
            session.problems = edited.problems();
            session.edited = edited;
        }
        session.drafts = unparsed;
        session
    }

    /// The text of fields that does not parse, with why, by field path.
    pub fn unparsed(&self) -> &SortedMap<String, (String, String)> {
        &self.drafts
    }

    /// The case as edited (possibly invalid): what the inputs show.
    pub fn edited(&self) -> &Case {
        &self.edited
    }

    /// The last case that passed every rule: what the figures are computed from.
    pub fn valid(&self) -> &Case {
        &self.valid
    }

    /// Whether the figures on screen are those of the case as edited.
    pub fn is_current(&self) -> bool {
        self.problems.is_empty() && self.drafts.is_empty()
    }

    /// Every problem: unparsable text first, then the case's rules.
    pub fn problems(&self) -> Vec<FieldError> {
        self.drafts
            .iter()
            .map(|(f, (_, e))| FieldError {
                path: f.clone(),
                message: e.clone(),
            })
            .chain(self.problems.iter().cloned())
            .collect()
    }

    /// The message for one field path, if it has a problem.
    pub fn error(&self, path: &str) -> Option<String> {
        // Asked for every input on every render: look, don't collect.
        match self.drafts.get(path) {
            Some((_, e)) => Some(e.clone()),
            None => self
                .problems
                .iter()
                .find(|p| p.path == path)
                .map(|p| p.message.clone()),
        }
    }

    /// What a text input shows: the unparsable draft, or the edited case's value.
    pub fn text(&self, field: TextField) -> String {
        if let Some((text, _)) = self.drafts.get(field.path()) {
            return text.clone();
        }
        if let Some(text) = self.typed.get(field.path()) {
            return text.clone();
        }
        let c = &self.edited;
        match field {
            TextField::ExchangeName => c.exchange.name.clone(),
            TextField::Launched => c
                .exchange
                .launched
                .map(|d| d.to_string())
                .unwrap_or_default(),
            TextField::AsOf => c.as_of.map(|d| d.to_string()).unwrap_or_default(),
            TextField::Availability => Shortest(c.estimate.availability_hours_per_week).to_string(),
            TextField::HourlyRate => c
                .estimate
                .hourly_rate
                .map(|d| d.to_string())
                .unwrap_or_default(),
            TextField::Overhead => c.estimate.overhead_pct.to_string(),
            TextField::Currency => c.estimate.currency.clone(),
            TextField::Samples => c.simulation.samples.to_string(),
            TextField::Seed => c.simulation.seed.to_string(),
        }
    }

    pub fn apply(&mut self, edit: Edit) {
        let c = &mut self.edited;
        match edit {
            Edit::Text(field, text) => {
                let result = set_text(c, field, &text);
                self.record(field.path().to_string(), text, result);
            }
            Edit::Candidates(edit) => {
                if edit.reshapes() {
                    let kept = |path: &String| {
                        !path.starts_with("candidates") && !path.starts_with("criteria")
                    };
                    self.drafts.retain(|path, _| kept(path));
                    self.typed.retain(|path, _| kept(path));
                }
                let c = &mut self.edited;
                if let Some((path, text, result)) = candidates::apply(c, edit) {
                    self.record(path, text, result);
                }
            }
            Edit::Agreement(edit) => {
                if let Some((path, text, result)) = agreement_edit::apply(c, edit) {
                    self.record(path, text, result);
                }
            }
            Edit::Kind(k) => c.exchange.kind = k,
            Edit::Market(m) => {
                c.connector.market = m;
                if !m.has_perpetual() {
                    c.connector.changes.retain(|t| !t.perpetual_only());
                }
            }
            Edit::Build(b) => c.connector.build = b,
            Edit::BaseConnector(name) => c.connector.base_connector = name,
            Edit::Precedent(name) => c.connector.precedent = name,
            Edit::Change(task, on) => {
                c.connector.changes.retain(|t| *t != task);
                if on {
                    c.connector.changes.push(task);
                    c.connector.changes = crate::support::order::sorted_by(
                        std::mem::take(&mut c.connector.changes),
                        TaskId::cmp,
                    );
                }
            }
            Edit::Path(p) => c.path = p,
            Edit::Era(e) => c.governance_era = e,
            Edit::Experience(e) => c.estimate.experience = e,
            Edit::Answer(item, answer) => {
                // Changed by hand, the answer is the user's own: it no longer came from a document.
                c.api_sources.remove(&item);
                match answer {
                    Some(a) => c.api.insert(item, a),
                    None => c.api.remove(&item),
                };
            }
            Edit::Accept(accepted) => {
                for (item, answer, source) in accepted {
                    c.api.insert(item.clone(), answer);
                    c.api_sources.insert(item, source);
                }
            }
            Edit::Stage(stage, status) => {
                if status == StageStatus::NotStarted {
                    c.stages.remove(&stage);
                } else {
                    c.stages.insert(stage, status);
                }
            }
        }
        self.problems = self.edited.problems();
        if self.is_current() {
            self.valid = self.edited.clone();
        }
    }
}

impl Session {
    /// Keeps or clears the draft of `path` after an edit of its text.
    fn record(&mut self, path: String, text: String, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.drafts.remove(&path);
                self.typed.insert(path, text);
            }
            Err(e) => {
                self.typed.remove(&path);
                self.drafts.insert(path, (text, e));
            }
        }
    }

    /// What an input at `path` shows: its unparsable draft, or `value`.
    pub fn text_at(&self, path: &str, value: impl FnOnce() -> String) -> String {
        match (self.drafts.get(path), self.typed.get(path)) {
            (Some((text, _)), _) | (None, Some(text)) => text.clone(),
            (None, None) => value(),
        }
    }
}

fn set_text(c: &mut Case, field: TextField, text: &str) -> Result<(), String> {
    let t = text.trim();
    let number = |what: &str| -> Result<f64, String> {
        crate::support::number::parse_number(t)
            .ok_or_else(|| format!("{} is not a number{what}", typed(t)))
    };
    let decimal = || -> Result<Decimal, String> {
        crate::support::money::parse_amount(t)
            .ok_or_else(|| format!("{} is not an amount (digits, one decimal point)", typed(t)))
    };
    match field {
        TextField::ExchangeName => c.exchange.name = text.to_string(),
        TextField::Launched => {
            c.exchange.launched = if t.is_empty() { None } else { Some(t.parse()?) }
        }
        TextField::AsOf => c.as_of = if t.is_empty() { None } else { Some(t.parse()?) },
        TextField::Availability => c.estimate.availability_hours_per_week = number(" of hours")?,
        TextField::HourlyRate => {
            c.estimate.hourly_rate = if t.is_empty() { None } else { Some(decimal()?) }
        }
        TextField::Overhead => c.estimate.overhead_pct = decimal()?,
        // ISO 4217 codes are ASCII; anything else is refused by validation, as typed.
        TextField::Currency => c.estimate.currency = t.to_ascii_uppercase(),
        TextField::Samples => {
            c.simulation.samples = t
                .parse()
                .map_err(|_| format!("{t:?} is not a whole number of samples"))?
        }
        TextField::Seed => {
            c.simulation.seed = t
                .parse()
                .map_err(|_| format!("{t:?} is not a whole number 0 or more"))?
        }
    }
    Ok(())
}

/// Typed text quoted in a message, the first 40 characters of it: a message about a pasted page
/// says which field, not the page again.
pub(crate) fn typed(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{:?}...", &text[..at]),
        None => format!("{text:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::blank_case;

    /// Typing an exponent key by key: the field shows each keystroke as typed, and the rate is
    /// only taken when it is what was written (it once became 1000 at "1e3" and the cost USD
    /// 1,633,000, and "7_5" became 75).
    #[test]
    fn typing_is_never_rewritten() {
        let mut s = Session::new(blank_case("2026-11-25".parse().unwrap()));
        let mut typed = String::new();
        for key in "1e30".chars() {
            typed.push(key);
            s.apply(Edit::Text(TextField::HourlyRate, typed.clone()));
            assert_eq!(s.text(TextField::HourlyRate), typed);
        }
        assert_eq!(s.valid().estimate.hourly_rate, Some(Decimal::ONE));
        assert!(
            s.error("estimate.hourly_rate")
                .unwrap()
                .contains("not an amount")
        );
        for text in ["7_5", "1,000", "10e00"] {
            s.apply(Edit::Text(TextField::HourlyRate, text.into()));
            assert_eq!(s.text(TextField::HourlyRate), text);
            assert_eq!(s.valid().estimate.hourly_rate, Some(Decimal::ONE), "{text}");
        }
        // What parses also stays as typed: "075.50" is not rewritten as "75.50".
        s.apply(Edit::Text(TextField::HourlyRate, "075.50".into()));
        assert_eq!(s.text(TextField::HourlyRate), "075.50");
        assert_eq!(s.valid().estimate.hourly_rate, Some(Decimal::new(7550, 2)));
    }

    #[test]
    fn the_blank_case_is_the_minimal_case_file_with_a_date_and_a_rate() {
        let read = Case::from_json(
            r#"{"version": 1, "as_of": "2026-11-25", "exchange": {"name": "Your exchange"}, "estimate": {"hourly_rate": "75"}}"#,
        )
        .unwrap();
        assert_eq!(blank_case("2026-11-25".parse().unwrap()), read);
    }

    fn session() -> Session {
        let case = Case::from_json(
            r#"{"version": 1, "as_of": "2026-11-25", "exchange": {"name": "X"}, "estimate": {"hourly_rate": "75"}}"#,
        )
        .unwrap();
        Session::new(case)
    }

    #[test]
    fn a_blank_case_is_valid_and_estimable() {
        let case = blank_case("2026-11-25".parse().unwrap());
        assert!(case.problems().is_empty());
        assert!(crate::estimate::estimate(&case).is_ok());
    }

    #[test]
    fn unparsable_text_keeps_the_last_valid_case() {
        let mut s = session();
        s.apply(Edit::Text(TextField::HourlyRate, "7o".into()));
        assert_eq!(s.text(TextField::HourlyRate), "7o");
        assert!(
            s.error("estimate.hourly_rate")
                .unwrap()
                .contains("is not an amount")
        );
        assert_eq!(s.valid().estimate.hourly_rate, Some(Decimal::from(75)));
        assert!(!s.is_current());
        s.apply(Edit::Text(TextField::HourlyRate, "70".into()));
        assert!(s.is_current());
        assert_eq!(s.valid().estimate.hourly_rate, Some(Decimal::from(70)));
    }

    #[test]
    fn rule_violations_name_the_field_and_keep_the_figures() {
        let mut s = session();
        s.apply(Edit::Text(TextField::Availability, "200".into()));
        assert_eq!(s.text(TextField::Availability), "200");
        assert!(
            s.error("estimate.availability_hours_per_week")
                .unwrap()
                .contains("between 1 and 80")
        );
        assert_eq!(s.valid().estimate.availability_hours_per_week, 30.0);
        // A modification without a base connector is a problem until one is chosen.
        s.apply(Edit::Text(TextField::Availability, "20".into()));
        s.apply(Edit::Build(Build::Modification));
        assert!(s.error("connector.base_connector").is_some());
        assert_eq!(s.valid().connector.build, Build::New);
        s.apply(Edit::BaseConnector(Some("kucoin".into())));
        s.apply(Edit::Change(TaskId::Auth, true));
        assert!(s.is_current(), "{:?}", s.problems());
        assert_eq!(s.valid().connector.changes, [TaskId::Auth]);
    }

    #[test]
    fn answers_and_stages_toggle() {
        let mut s = session();
        s.apply(Edit::Answer("ws_order_book".into(), Some(Answer::Partial)));
        assert_eq!(s.valid().api.get("ws_order_book"), Some(&Answer::Partial));
        s.apply(Edit::Answer("ws_order_book".into(), None));
        assert!(s.valid().api.is_empty());
        s.apply(Edit::Stage(StageId::Scoping, StageStatus::Done));
        assert_eq!(s.valid().stage_status(StageId::Scoping), StageStatus::Done);
        s.apply(Edit::Stage(StageId::Scoping, StageStatus::NotStarted));
        assert!(s.valid().stages.is_empty());
    }

    #[test]
    fn going_back_to_spot_drops_perpetual_changes() {
        let mut s = session();
        s.apply(Edit::Market(Market::Perpetual));
        s.apply(Edit::Change(TaskId::Positions, true));
        s.apply(Edit::Market(Market::Spot));
        assert!(s.edited().connector.changes.is_empty());
    }

    /// A message about text that is not a number quotes its start, not a whole pasted page (a
    /// weight's error once repeated 400 characters).
    #[test]
    fn long_typed_text_is_quoted_short() {
        let mut s = Session::new(blank_case("2026-11-25".parse().unwrap()));
        let pasted = "x".repeat(400);
        s.apply(Edit::Text(TextField::HourlyRate, pasted.clone()));
        s.apply(Edit::Candidates(CandidatesEdit::Weight(0, pasted)));
        for path in ["estimate.hourly_rate", "criteria[0].weight"] {
            let e = s.error(path).unwrap_or_default();
            assert!(
                e.contains("xxx\"...") && e.chars().count() < 120,
                "{path}: {e}"
            );
        }
        assert_eq!(typed("12x"), "\"12x\"");
    }
}
