//! `Prefill::to_json`'s text read back, field by field (the scanner module's result reaches the
//! web app as this text).

use super::{DocumentRead, Evidence, Prefill};
use crate::case::FieldError;
use crate::support::json::{Node, Read};

pub(super) fn prefill(text: &str) -> Result<Prefill, FieldError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| FieldError {
        path: String::new(),
        message: format!("not the scanner's JSON: {e}"),
    })?;
    let n = Node::root(&value);
    let o = n.object(&["answers", "evidence", "not_found", "documents"])?;
    Ok(Prefill {
        answers: o.required("answers", |n| n.map(|k| Ok(k.to_string()), Node::parse))?,
        evidence: o.required("evidence", |n| {
            n.map(|k| Ok(k.to_string()), |n| n.list(evidence))
        })?,
        not_found: o.required("not_found", |n| n.list(Node::string))?,
        documents: o.or("documents", Vec::new, |n| n.list(document))?,
    })
}

fn document(n: &Node<'_>) -> Read<DocumentRead> {
    let o = n.object(&[
        "name",
        "format",
        "title",
        "operations",
        "channels",
        "problem",
    ])?;
    let count = |n: &Node<'_>| n.u64().map(|v| v as usize);
    Ok(DocumentRead {
        name: o.required("name", Node::string)?,
        format: o.required("format", Node::string)?,
        title: o.required("title", Node::string)?,
        operations: o.required("operations", count)?,
        channels: o.required("channels", count)?,
        problem: o.optional("problem", Node::string)?,
    })
}

fn evidence(n: &Node<'_>) -> Read<Evidence> {
    let o = n.object(&["source", "location", "why", "answer"])?;
    Ok(Evidence {
        source: o.required("source", Node::string)?,
        location: o.required("location", Node::string)?,
        why: o.required("why", Node::string)?,
        answer: o.optional("answer", Node::parse)?,
    })
}
