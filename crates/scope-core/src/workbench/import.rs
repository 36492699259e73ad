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

/// The action that importing `files` (each with its name) into `session`'s workspace is. A
/// candidates CSV goes to the case that is current when the files are chosen, read against its
/// criteria, whatever cases the other files add (they are added after it); the notice names the
/// files in their order.
pub fn import_files(files: Vec<(String, ImportedFile)>, session: &Session) -> WorkbenchAction {
    let criteria = criteria_of(session.valid());
    let had = session.edited().candidates.len();
    let alone = files.len() == 1;
    // The candidates' edits first; then, in the files' order, the cases added and the notices.
    let (mut edits, mut in_order) = (Vec::new(), Vec::new());
    for (name, imported) in files {
        let refused = |e: &dyn std::fmt::Display| {
            let after = if alone {
                "Nothing was changed."
            } else {
                "It was not imported."
            };
            WorkbenchAction::Notice(Some(format!("{name}: {e}. {after}")))
        };
        match imported {
            ImportedFile::Json(text) => in_order.push(match workspace::import(&text) {
                Ok(cases) => {
                    let n = cases.len();
                    let s = if n == 1 { "" } else { "s" };
                    WorkbenchAction::Add(cases, format!("Imported {n} case{s} from {name}."))
                }
                Err(e) => refused(&e),
            }),
            ImportedFile::Refused(why) => in_order.push(refused(&why)),
            ImportedFile::Csv(text) => match candidates_csv::parse(&text, &criteria) {
                Ok(list) => {
                    let n = list.len();
                    edits.push(WorkbenchAction::Edit(Edit::Candidates(
                        CandidatesEdit::Import(list),
                    )));
                    let replaced = match had {
                        0 => String::new(),
                        1 => ", in place of the case's 1 candidate".into(),
                        m => format!(", in place of the case's {m} candidates"),
                    };
                    in_order.push(WorkbenchAction::Notice(Some(format!(
                        "Imported {n} candidates from {name}{replaced}."
                    ))));
                }
                Err(e) => in_order.push(refused(&e)),
            },
        }
    }
    edits.extend(in_order);
    WorkbenchAction::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::Workbench;
    use crate::workbench::workspace::Workspace;

    /// A case file chosen with a candidates CSV: the CSV goes to the case that was current (it
    /// once went to the case the file added, read against the other case's criteria).
    #[test]
    fn a_csv_chosen_with_a_case_file_goes_to_the_current_case() {
        let mut b = Workbench::new(Workspace::new("2026-11-25".parse().unwrap()));
        let before = b.workspace.current;
        let other = r#"{"version": 1, "exchange": {"name": "Other"},
            "criteria": [{"id": "a", "kind": "benefit", "weight": 1}],
            "candidates": [{"name": "P", "values": {"a": 1}}]}"#;
        let mut csv = String::from("name");
        let criteria = criteria_of(b.session.valid());
        for c in &criteria {
            csv += &format!(",{}", c.id);
        }
        csv += "\nAna";
        for _ in &criteria {
            csv += ",1";
        }
        let files = vec![
            ("other.json".to_string(), ImportedFile::Json(other.into())),
            ("cands.csv".to_string(), ImportedFile::Csv(csv)),
            ("bad.json".to_string(), ImportedFile::Json("{".into())),
        ];
        let action = import_files(files, &b.session);
        b.apply(action);
        let first = b.workspace.cases.iter().find(|c| c.id == before).unwrap();
        assert_eq!(first.case.candidates.len(), 1);
        assert_eq!(first.case.candidates[0].name, "Ana");
        let added = b.workspace.cases.iter().find(|c| c.id != before).unwrap();
        assert_eq!(
            added.case.candidates[0].name, "P",
            "the added case keeps its own"
        );
        let said = &b.notice.as_ref().unwrap().text;
        assert!(
            said.starts_with("Imported 1 case from other.json.\nImported 1 candidates from cands.csv.\nbad.json: "),
            "{said}"
        );
        assert!(said.ends_with("It was not imported."), "{said}");
    }
}
