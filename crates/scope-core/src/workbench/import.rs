//! Files imported together (chosen or dropped at once): case files and workspaces add cases,
//! a candidates CSV replaces the current case's candidates, and a file that cannot be used is
//! named in a notice while nothing else changes. One batch, so one Undo.

use crate::evaluate::criteria_of;
use crate::formats::candidates_csv;

use super::WorkbenchAction;
use super::session::{CandidatesEdit, Edit, Session};
use super::workspace;

/// What a file held, as the app read it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportedFile {
    Json(String),
    Csv(String),
    /// Not read: the reason (too large, or the browser could not read it).
    Refused(String),
}

/// The action that importing `files` (each with its name) into `session`'s workspace is.
pub fn import_files(files: Vec<(String, ImportedFile)>, session: &Session) -> WorkbenchAction {
    let criteria = criteria_of(session.valid());
    let had = session.edited().candidates.len();
    let mut actions = Vec::new();
    for (name, imported) in files {
        let refused = |e: &dyn std::fmt::Display| {
            WorkbenchAction::Notice(Some(format!("{name}: {e}. Nothing was changed.")))
        };
        match imported {
            ImportedFile::Json(text) => actions.push(match workspace::import(&text) {
                Ok(cases) => {
                    let n = cases.len();
                    let s = if n == 1 { "" } else { "s" };
                    WorkbenchAction::Add(cases, format!("Imported {n} case{s} from {name}."))
                }
                Err(e) => refused(&e),
            }),
            ImportedFile::Refused(why) => actions.push(refused(&why)),
            ImportedFile::Csv(text) => match candidates_csv::parse(&text, &criteria) {
                Ok(list) => {
                    let n = list.len();
                    actions.push(WorkbenchAction::Edit(Edit::Candidates(
                        CandidatesEdit::Import(list),
                    )));
                    let replaced = match had {
                        0 => String::new(),
                        1 => ", in place of the case's 1 candidate".into(),
                        m => format!(", in place of the case's {m} candidates"),
                    };
                    actions.push(WorkbenchAction::Notice(Some(format!(
                        "Imported {n} candidates from {name}{replaced}."
                    ))));
                }
                Err(e) => actions.push(refused(&e)),
            },
        }
    }
    WorkbenchAction::Batch(actions)
}
