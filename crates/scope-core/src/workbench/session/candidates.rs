//! Session edits of the maintainer evaluation: candidates, criteria, weights, method, selection.

use crate::support::number::Shortest;
use crate::support::sorted_map::SortedMap;

use crate::case::Case;
use crate::case::{
    AhpEntry, AhpInput, Candidate, Criterion, CriterionKind, Method, Normalization,
    default_criteria,
};

/// One change to the evaluation.
#[derive(Clone, Debug, PartialEq)]
pub enum CandidatesEdit {
    AddCandidate,
    RemoveCandidate(usize),
    /// Moves a candidate one place up (false) or down (true).
    MoveCandidate(usize, bool),
    RenameCandidate(usize, String),
    /// A candidate's value for a criterion (by id), as typed.
    Value(usize, String, String),
    AddCriterion,
    RemoveCriterion(usize),
    MoveCriterion(usize, bool),
    RenameCriterion(usize, String),
    CriterionKind(usize, CriterionKind),
    /// A criterion's direct weight, as typed.
    Weight(usize, String),
    /// Switches between direct weights (false) and AHP pairwise comparisons (true).
    UseAhp(bool),
    /// How much more important criterion a is than b (1/9 to 9), by index in the criteria.
    Judgement(usize, usize, f64),
    Method(Method),
    Normalization(Option<Normalization>),
    /// Replaces every candidate (an import).
    Import(Vec<Candidate>),
    /// Selects a candidate; its hourly rate and availability (criteria `cost` and
    /// `availability`) become the estimate's.
    Select(Option<String>),
}

impl CandidatesEdit {
    /// Whether the edit moves or removes rows, which invalidates drafts keyed by index.
    pub fn reshapes(&self) -> bool {
        matches!(
            self,
            CandidatesEdit::RemoveCandidate(_)
                | CandidatesEdit::Import(_)
                | CandidatesEdit::MoveCandidate(..)
                | CandidatesEdit::RemoveCriterion(_)
                | CandidatesEdit::MoveCriterion(..)
        )
    }
}

/// The case's criteria, made explicit (the defaults become the case's own on the first change).
fn criteria(c: &mut Case) -> &mut Vec<Criterion> {
    c.criteria.get_or_insert_with(default_criteria)
}

fn swap(len: usize, i: usize, down: bool) -> Option<(usize, usize)> {
    match down {
        true if i + 1 < len => Some((i, i + 1)),
        false if i > 0 && i < len => Some((i - 1, i)),
        _ => None,
    }
}

/// Applies `edit`; a typed value returns its path, text and parse result for the drafts.
pub fn apply(c: &mut Case, edit: CandidatesEdit) -> Option<(String, String, Result<(), String>)> {
    use CandidatesEdit::*;
    match edit {
        AddCandidate => {
            let n = c.candidates.len() + 1;
            let name = (n..)
                .map(|k| format!("Candidate {k}"))
                .find(|name| !c.candidates.iter().any(|o| o.name == *name));
            c.candidates.push(Candidate {
                name: name.unwrap_or_default(),
                values: SortedMap::new(),
            });
        }
        RemoveCandidate(i) if i < c.candidates.len() => {
            let removed = c.candidates.remove(i);
            if c.selected_candidate.as_deref() == Some(removed.name.as_str()) {
                c.selected_candidate = None;
            }
        }
        MoveCandidate(i, down) => {
            if let Some((a, b)) = swap(c.candidates.len(), i, down) {
                c.candidates.swap(a, b);
            }
        }
        RenameCandidate(i, name) => {
            if let Some(cand) = c.candidates.get_mut(i) {
                if c.selected_candidate.as_deref() == Some(cand.name.as_str()) {
                    c.selected_candidate = Some(name.clone());
                }
                cand.name = name;
            }
        }
        Value(i, id, text) => {
            let path = format!("candidates[{i}].values.{id}");
            let t = text.trim();
            let result = if t.is_empty() {
                if let Some(cand) = c.candidates.get_mut(i) {
                    cand.values.remove(&id);
                }
                Ok(())
            } else {
                match crate::support::number::parse_number(t) {
                    Some(v) => {
                        if let Some(cand) = c.candidates.get_mut(i) {
                            cand.values.insert(id, v);
                        }
                        Ok(())
                    }
                    None => Err(format!("{} is not a number", super::typed(t))),
                }
            };
            return Some((path, text, result));
        }
        AddCriterion => {
            let list = criteria(c);
            let id = (list.len() + 1..)
                .map(|k| format!("criterion_{k}"))
                .find(|id| !list.iter().any(|o| o.id == *id))
                .unwrap_or_default();
            list.push(Criterion {
                id: id.clone(),
                label: Some(format!("Criterion {}", list.len() + 1)),
                kind: crate::case::CriterionKind::Benefit,
                unit: None,
                weight: Some(0.1),
            });
            sync_ahp(c);
        }
        RemoveCriterion(i) => {
            let list = criteria(c);
            if i < list.len() && list.len() > 1 {
                let removed = list.remove(i);
                for cand in &mut c.candidates {
                    cand.values.remove(&removed.id);
                }
                sync_ahp(c);
            }
        }
        MoveCriterion(i, down) => {
            let list = criteria(c);
            if let Some((a, b)) = swap(list.len(), i, down) {
                list.swap(a, b);
            }
        }
        RenameCriterion(i, label) => {
            if let Some(k) = criteria(c).get_mut(i) {
                k.label = Some(label);
            }
        }
        CriterionKind(i, kind) => {
            if let Some(k) = criteria(c).get_mut(i) {
                k.kind = kind;
            }
        }
        Weight(i, text) => {
            let path = format!("criteria[{i}].weight");
            let t = text.trim();
            let result = match crate::support::number::parse_number(t) {
                Some(w) => {
                    if let Some(k) = criteria(c).get_mut(i) {
                        k.weight = Some(w);
                    }
                    Ok(())
                }
                None => Err(format!("{} is not a number", super::typed(t))),
            };
            return Some((path, text, result));
        }
        UseAhp(on) => {
            if on {
                let ids: Vec<String> = criteria(c).iter().map(|k| k.id.clone()).collect();
                let n = ids.len();
                c.weights.ahp = Some(AhpInput {
                    order: ids,
                    matrix: vec![vec![AhpEntry::Number(1.0); n]; n],
                });
            } else {
                c.weights.ahp = None;
                // Direct weights need a weight on every criterion.
                for k in criteria(c) {
                    k.weight.get_or_insert(0.1);
                }
            }
        }
        Judgement(a, b, value) => {
            // a and b are the criteria's positions. The matrix is first written out in full and
            // in the criteria's order (a file may give an upper triangle, in an order of its
            // own), unless it cannot be read: then its judgements are not replaced by equal ones.
            let n = criteria(c).len();
            let readable = c
                .weights
                .ahp
                .as_ref()
                .is_some_and(|ahp| crate::evaluate::ahp::full_matrix(ahp).is_ok());
            if readable && a < n && b < n && a != b && value.is_finite() && value > 0.0 {
                sync_ahp(c);
                if let Some(ahp) = &mut c.weights.ahp {
                    ahp.matrix[a][b] = entry(value);
                    ahp.matrix[b][a] = entry(1.0 / value);
                }
            }
        }
        Import(list) => {
            c.candidates = list;
            c.selected_candidate = None;
        }
        Method(m) => c.evaluation.method = m,
        Normalization(n) => c.evaluation.normalization = n,
        Select(name) => {
            if let Some(cand) = name
                .as_ref()
                .and_then(|n| c.candidates.iter().find(|k| k.name == *n))
            {
                if let Some(rate) = cand
                    .values
                    .get("cost")
                    .and_then(|v| rust_decimal::Decimal::from_f64_retain(*v))
                {
                    c.estimate.hourly_rate = Some(rate.round_dp(2).normalize());
                }
                if let Some(hours) = cand.values.get("availability") {
                    c.estimate.availability_hours_per_week = *hours;
                }
            }
            c.selected_candidate = name;
        }
        RemoveCandidate(_) => {}
    }
    None
}

/// A judgement as the case file writes it: "3", or "1/3" for reciprocals of whole numbers.
fn entry(value: f64) -> AhpEntry {
    if value >= 1.0 {
        AhpEntry::Number(value)
    } else {
        let inverse = 1.0 / value;
        if (inverse - inverse.round()).abs() < 1e-9 {
            AhpEntry::Text(format!("1/{}", Shortest(inverse.round())))
        } else {
            AhpEntry::Number(value)
        }
    }
}

/// Keeps the AHP matrix in step with the criteria: judgements between remaining criteria stay,
/// new pairs start equal.
fn sync_ahp(c: &mut Case) {
    let ids: Vec<String> = criteria(c).iter().map(|k| k.id.clone()).collect();
    let Some(ahp) = &mut c.weights.ahp else {
        return;
    };
    let old = std::mem::take(&mut ahp.order);
    let full = crate::evaluate::ahp::full_matrix(&AhpInput {
        order: old.clone(),
        matrix: std::mem::take(&mut ahp.matrix),
    })
    .ok();
    let n = ids.len();
    ahp.matrix = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let (oi, oj) = (
                        old.iter().position(|o| *o == ids[i]),
                        old.iter().position(|o| *o == ids[j]),
                    );
                    match (&full, oi, oj) {
                        (Some(m), Some(a), Some(b)) => entry(m[a][b]),
                        _ => AhpEntry::Number(1.0),
                    }
                })
                .collect()
        })
        .collect();
    ahp.order = ids;
}

/// The judgement for the pair (a, b), a's importance over b, from the case's matrix; `a` and `b`
/// are the criteria's positions, whatever the matrix's own order.
pub fn judgement(c: &Case, a: usize, b: usize) -> f64 {
    let read = || {
        let ahp = c.weights.ahp.as_ref()?;
        let m = crate::evaluate::ahp::full_matrix(ahp).ok()?;
        let ids = crate::evaluate::criteria_of(c);
        let at = |i: usize| {
            let id = &ids.get(i)?.id;
            ahp.order.iter().position(|o| o == id)
        };
        m.get(at(a)?)?.get(at(b)?).copied()
    };
    read().unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::session::{Edit, Session};

    fn session() -> Session {
        let case = Case::from_json(
            r#"{"version": 1, "exchange": {"name": "X"}, "estimate": {"hourly_rate": "75"}}"#,
        )
        .unwrap();
        Session::new(case)
    }

    fn edit(s: &mut Session, e: CandidatesEdit) {
        s.apply(Edit::Candidates(e));
    }

    #[test]
    fn a_new_candidate_needs_every_value_before_it_counts() {
        let mut s = session();
        edit(&mut s, CandidatesEdit::AddCandidate);
        assert_eq!(s.edited().candidates[0].name, "Candidate 1");
        assert!(
            s.error("candidates[0].values.seniority")
                .unwrap()
                .contains("missing")
        );
        assert!(s.valid().candidates.is_empty(), "the last valid case stays");
        for (id, v) in [
            ("seniority", "5"),
            ("experience", "3"),
            ("references", "4"),
            ("track_record", "90"),
            ("availability", "25"),
            ("cost", "80"),
            ("speed", "40"),
            ("interest", "5"),
        ] {
            edit(&mut s, CandidatesEdit::Value(0, id.into(), v.into()));
        }
        assert!(s.is_current(), "{:?}", s.problems());
        edit(
            &mut s,
            CandidatesEdit::Value(0, "cost".into(), "eighty".into()),
        );
        assert_eq!(
            s.text_at("candidates[0].values.cost", String::new),
            "eighty"
        );
        assert!(
            s.error("candidates[0].values.cost")
                .unwrap()
                .contains("not a number")
        );
        edit(&mut s, CandidatesEdit::RemoveCandidate(0));
        assert!(s.is_current(), "removing the row clears its drafts");
    }

    #[test]
    fn selecting_a_candidate_feeds_the_estimate() {
        let mut s = session();
        edit(&mut s, CandidatesEdit::AddCandidate);
        edit(
            &mut s,
            CandidatesEdit::Value(0, "cost".into(), "92.5".into()),
        );
        edit(
            &mut s,
            CandidatesEdit::Value(0, "availability".into(), "18".into()),
        );
        edit(&mut s, CandidatesEdit::Select(Some("Candidate 1".into())));
        let c = s.edited();
        assert_eq!(c.estimate.hourly_rate.unwrap().to_string(), "92.5");
        assert_eq!(c.estimate.availability_hours_per_week, 18.0);
        edit(&mut s, CandidatesEdit::RenameCandidate(0, "Ada".into()));
        assert_eq!(s.edited().selected_candidate.as_deref(), Some("Ada"));
    }

    #[test]
    fn ahp_follows_the_criteria() {
        let mut s = session();
        edit(&mut s, CandidatesEdit::UseAhp(true));
        edit(&mut s, CandidatesEdit::Judgement(0, 1, 3.0));
        assert_eq!(judgement(s.edited(), 1, 0), 1.0 / 3.0);
        edit(&mut s, CandidatesEdit::AddCriterion);
        assert_eq!(s.edited().weights.ahp.as_ref().unwrap().order.len(), 9);
        assert_eq!(judgement(s.edited(), 0, 1), 3.0, "earlier judgements stay");
        edit(&mut s, CandidatesEdit::RemoveCriterion(0));
        assert_eq!(s.edited().weights.ahp.as_ref().unwrap().order.len(), 8);
        assert!(s.error("weights.ahp.order").is_none());
        edit(&mut s, CandidatesEdit::UseAhp(false));
        assert!(s.edited().weights.ahp.is_none());
        assert!(
            s.edited()
                .criteria
                .as_ref()
                .unwrap()
                .iter()
                .all(|k| k.weight.is_some())
        );
    }

    #[test]
    fn weights_and_moves() {
        let mut s = session();
        edit(&mut s, CandidatesEdit::Weight(0, "-1".into()));
        assert!(
            s.error("criteria[0].weight")
                .unwrap()
                .contains("from 0 to 10^12")
        );
        // Once "must be a number of 0 or more", which 1e20 is.
        edit(&mut s, CandidatesEdit::Weight(0, "1e20".into()));
        assert!(
            s.error("criteria[0].weight")
                .unwrap()
                .contains("from 0 to 10^12")
        );
        edit(&mut s, CandidatesEdit::Weight(0, "0.3".into()));
        edit(&mut s, CandidatesEdit::MoveCriterion(0, true));
        assert_eq!(s.edited().criteria.as_ref().unwrap()[1].id, "seniority");
        assert!(s.is_current(), "{:?}", s.edited().problems());
    }

    /// A case file may give the AHP matrix as its upper triangle, and in an order of its own:
    /// the pairs the app shows are the criteria's, and a judgement set on one lands there (it
    /// once indexed past a triangle's short rows and panicked, and showed the file's order).
    #[test]
    fn judgements_on_a_triangle_in_another_order() {
        let case = Case::from_json(
            r#"{"version": 1, "exchange": {"name": "X"},
                "criteria": [{"id": "a", "kind": "benefit"}, {"id": "b", "kind": "benefit"},
                             {"id": "c", "kind": "benefit"}],
                "candidates": [{"name": "P", "values": {"a": 1, "b": 2, "c": 3}},
                               {"name": "Q", "values": {"a": 3, "b": 2, "c": 1}}],
                "weights": {"ahp": {"order": ["c", "a", "b"], "matrix": [[5, 3], ["1/2"]]}}}"#,
        )
        .unwrap();
        let mut s = Session::new(case);
        // c over a is 5, c over b is 3, a over b is 1/2; in the criteria's order (a, b, c):
        assert_eq!(judgement(s.edited(), 0, 1), 0.5);
        assert_eq!(judgement(s.edited(), 0, 2), 1.0 / 5.0);
        assert_eq!(judgement(s.edited(), 2, 1), 3.0);
        edit(&mut s, CandidatesEdit::Judgement(1, 2, 7.0));
        assert_eq!(judgement(s.edited(), 1, 2), 7.0, "b over c, as set");
        assert_eq!(judgement(s.edited(), 2, 1), 1.0 / 7.0);
        assert_eq!(judgement(s.edited(), 0, 1), 0.5, "the other pairs stay");
        assert_eq!(judgement(s.edited(), 2, 0), 5.0);
        assert!(s.is_current(), "{:?}", s.problems());
    }
}
