//! Proposals set beside a case's answers, for a person to accept or not: what each would change.

use crate::case::{Answer, Case, Market};
use crate::maturity::rubric::ITEMS;

use super::{Evidence, Prefill, level};

/// What accepting a proposal would do to the case's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The item is unanswered: the proposal answers it.
    Answers,
    /// The answer came from a source and the proposal says more: it replaces it.
    Improves,
    /// The case already has this answer.
    Same,
    /// The answer is the user's own (or a source's that says more): kept unless chosen.
    Keeps,
}

impl Change {
    /// Whether the proposal is taken by "accept all" and ticked at first.
    pub fn by_default(self) -> bool {
        matches!(self, Change::Answers | Change::Improves)
    }
}

/// One proposal as the review shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub item: &'static str,
    pub label: &'static str,
    pub proposed: Answer,
    /// The document or release the proposal cites.
    pub source: String,
    pub current: Option<Answer>,
    /// Where the current answer came from (None: the user's own, or unanswered).
    pub current_source: Option<String>,
    pub change: Change,
    pub evidence: Vec<Evidence>,
}

/// The proposals for the items that apply to `market`, in the questionnaire's order.
pub fn rows(p: &Prefill, case: &Case, market: Market) -> Vec<ReviewRow> {
    ITEMS
        .iter()
        .filter(|i| market.has_perpetual() || !i.perpetual_only())
        .filter_map(|item| {
            let proposed = *p.answers.get(item.id)?;
            let source = p.source(item.id)?.to_string();
            let current = case.api.get(item.id).copied();
            let current_source = case.api_sources.get(item.id).cloned();
            let change = match current {
                None => Change::Answers,
                Some(a) if a == proposed => Change::Same,
                Some(a) if current_source.is_some() && level(proposed) > level(a) => {
                    Change::Improves
                }
                Some(_) => Change::Keeps,
            };
            Some(ReviewRow {
                item: item.id,
                label: item.label,
                proposed,
                source,
                current,
                current_source,
                change,
                evidence: p.evidence.get(item.id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// The answers to take for the rows chosen: (item, answer, source), the edit `Accept` applies.
pub fn chosen(
    rows: &[ReviewRow],
    pick: impl Fn(&ReviewRow) -> bool,
) -> Vec<(String, Answer, String)> {
    rows.iter()
        .filter(|r| r.change != Change::Same && pick(r))
        .map(|r| {
            let source = crate::support::escape::one_line(&r.source, crate::case::MAX_NAME);
            let source = if source.is_empty() {
                "an unnamed document".to_string()
            } else {
                source
            };
            (r.item.to_string(), r.proposed, source)
        })
        .collect()
}
