//! Questionnaire answers proposed from evidence: an exchange's API documents (read by the
//! `scope-scan` crate, which fills a `Prefill`) and what CCXT implements for it (`ccxt`).
//! May import: support, case, maturity.
//!
//! A proposal is never "not available": what a source does not show stays unanswered, listed in
//! `not_found`.

pub mod ccxt;
mod read;
pub mod review;

use serde::Serialize;

use crate::case::{Answer, Case, Market};
use crate::maturity::rubric::ITEMS;
use crate::support::sorted_map::SortedMap;

/// The largest API document read (Binance's whole spot API is about 1 MB). The web app checks
/// it before reading a file into memory; the scanner again on the text.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Why a file of `bytes` is not read as an API document, if it is too large.
pub fn document_size_problem(bytes: u64) -> Option<String> {
    (bytes > MAX_DOCUMENT_BYTES as u64).then(|| {
        format!(
            "{bytes} bytes is more than the {} MiB an API document may have",
            MAX_DOCUMENT_BYTES / 1024 / 1024
        )
    })
}

/// Why one item got its proposal: where in which source, and what matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The document's file name, or the CCXT release and exchange id.
    pub source: String,
    /// Where in it: an operation (`GET /api/v3/depth`), a channel, a section, a CCXT method.
    pub location: String,
    /// What matched: path words, the operationId, a parameter, examples present.
    pub why: String,
    /// The answer this evidence supports (none: a hint that answers nothing by itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
}

/// One document as the scanner read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentRead {
    pub name: String,
    /// "OpenAPI 3.0.1", "Swagger 2.0", "AsyncAPI 2.6.0"; empty when it could not be read.
    pub format: String,
    pub title: String,
    pub operations: usize,
    pub channels: usize,
    /// Why it was not read, or not read in full.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// Proposed answers by item, each with its evidence, and the items no source showed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prefill {
    pub answers: SortedMap<String, Answer>,
    pub evidence: SortedMap<String, Vec<Evidence>>,
    /// The items that apply to the market and that no source answered.
    pub not_found: Vec<String>,
    /// The documents read, when the proposals came from documents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentRead>,
}

/// How much documentation an answer says there is, to keep the best of several proposals.
pub(crate) fn level(answer: Answer) -> usize {
    Answer::LEVELS
        .iter()
        .position(|a| *a == answer)
        .unwrap_or(0)
}

impl Prefill {
    /// Adds one piece of evidence for `item`; its answer replaces the proposal when it says more.
    pub fn propose(&mut self, item: &str, evidence: Evidence) {
        if let Some(answer) = evidence.answer {
            let better = self
                .answers
                .get(item)
                .is_none_or(|a| level(answer) > level(*a));
            if better {
                self.answers.insert(item.to_string(), answer);
            }
        }
        match self.evidence.get(item).is_some() {
            true => self.evidence.retain(|k, list| {
                if k == item {
                    list.push(evidence.clone());
                }
                true
            }),
            false => {
                self.evidence.insert(item.to_string(), vec![evidence]);
            }
        }
    }

    /// Adds another source's proposals (another document of the same exchange).
    pub fn merge(&mut self, other: Prefill) {
        for (item, list) in other.evidence.iter() {
            for e in list {
                self.propose(item, e.clone());
            }
        }
        self.documents.extend(other.documents);
    }

    /// Lists the items for `market` that nothing answered. Call once every source is in.
    pub fn finish(mut self, market: Market) -> Self {
        self.not_found = ITEMS
            .iter()
            .filter(|i| market.has_perpetual() || !i.perpetual_only())
            .filter(|i| !self.answers.contains_key(i.id))
            .map(|i| i.id.to_string())
            .collect();
        self
    }

    /// The source of an item's proposal: the first evidence that supports the proposed answer.
    pub fn source(&self, item: &str) -> Option<&str> {
        let answer = self.answers.get(item)?;
        self.evidence
            .get(item)?
            .iter()
            .find(|e| e.answer == Some(*answer))
            .map(|e| e.source.as_str())
    }

    /// What accepting these proposals into `case` changes: (item, answer, source). The user's
    /// own answers are kept unless `replace`; an answer taken earlier from a source gives way to
    /// a proposal that says more; an equal answer is left as it is.
    pub fn accepted(&self, case: &Case, replace: bool) -> Vec<(String, Answer, String)> {
        let rows = review::rows(self, case, Market::Both);
        review::chosen(&rows, |r| replace || r.change.by_default())
    }

    /// Accepts the proposals into `case` (see `accepted`); returns how many answers changed.
    pub fn apply(&self, case: &mut Case, replace: bool) -> usize {
        let accepted = self.accepted(case, replace);
        let n = accepted.len();
        for (item, answer, source) in accepted {
            case.api.insert(item.clone(), answer);
            case.api_sources.insert(item, source);
        }
        n
    }

    /// The JSON the CLI prints and the scanner module returns: `{answers: {item: answer},
    /// evidence: {item: [{source, location, why, answer}]}, not_found: [item], documents}`.
    /// Indented for people to read and diff, like the case file.
    pub fn to_json(&self) -> String {
        crate::support::pretty::pretty(&serde_json::to_string(self).unwrap_or_default())
    }

    /// Reads `to_json`'s text back (the web app reads the scanner module's result with it).
    pub fn from_json(text: &str) -> Result<Prefill, crate::case::FieldError> {
        read::prefill(text)
    }
}
