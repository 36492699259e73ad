//! scope-scan: reads an exchange's API documents and proposes questionnaire answers.
//!
//! OpenAPI 3.x and Swagger 2.0 (REST) and AsyncAPI 2.x and 3.x (websockets), in JSON or YAML, go
//! in; a `scope_core::prefill::Prefill` comes out: for each questionnaire item a proposed answer
//! with its evidence, or the item listed as not found. Pure, like scope-core: no I/O, and every
//! limit (size, depth, nodes, references, work per item) is checked, so a hostile document gets
//! a message, never a hang or a panic.
//!
//! The layers, each a folder, import only those before them: `tree` (the parsed document),
//! `spec` (operations and channels read out of it, references resolved), `rules` (what each item
//! looks for).

pub mod rules;
pub mod spec;
pub mod tree;

use scope_core::case::Market;
use scope_core::prefill::{DocumentRead, Prefill};
use scope_core::support::escape::one_line;

/// One document to read: its file name (the evidence's source) and its text.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Reads every document and proposes answers for a connector to `market`. A document that
/// cannot be read says why in `documents` and adds nothing; the others still count.
pub fn scan(documents: &[Document<'_>], market: Market) -> Prefill {
    let mut all = Prefill::default();
    for doc in documents {
        let name = one_line(doc.name, scope_core::case::MAX_NAME);
        let mut read = DocumentRead {
            name: name.clone(),
            ..Default::default()
        };
        match tree::Tree::read(doc.text) {
            Err(e) => read.problem = Some(e.to_string()),
            Ok((tree, root)) => match spec::read(&tree, root) {
                Err(e) => read.problem = Some(e.to_string()),
                Ok(api) => {
                    read.format = api.format.label();
                    read.title = one_line(&api.title, scope_core::case::MAX_NAME);
                    read.operations = api.operations.len();
                    read.channels = api.channels.len();
                    if api.truncated {
                        read.problem = Some(
                            "larger than the scan reads in full: the rest of it was not read"
                                .into(),
                        );
                    }
                    all.merge(rules::prefill(&api, &name, market));
                }
            },
        }
        all.documents.push(read);
    }
    all.finish(market)
}

/// Documents as JSON `[{name, text}]` read and scanned for `market`: the proposals, or why not
/// (the input is not that shape, or no document is an API description).
pub fn scan_documents_json(documents_json: &str, market: Market) -> Result<Prefill, String> {
    let list: serde_json::Value =
        serde_json::from_str(documents_json).map_err(|e| format!("documents: {e}"))?;
    let items = list.as_array().ok_or("documents: a list of {name, text}")?;
    let mut docs = Vec::new();
    for (i, d) in items.iter().enumerate() {
        let field = |key: &str| {
            d.get(key)
                .and_then(|v| v.as_str())
                .ok_or_else(|| format!("documents[{i}].{key}: a string is needed"))
        };
        docs.push(Document {
            name: field("name")?,
            text: field("text")?,
        });
    }
    let p = scan(&docs, market);
    if p.documents.iter().all(|d| d.format.is_empty()) {
        let why: Vec<String> = p
            .documents
            .iter()
            .map(|d| format!("{}: {}", d.name, d.problem.as_deref().unwrap_or("not read")))
            .collect();
        return Err(format!(
            "no document could be read as an API description ({})",
            why.join("; ")
        ));
    }
    Ok(p)
}

/// The npm package's entry: as `scan_documents_json`, with the market's id, the proposals' JSON
/// out.
pub fn scan_json(documents_json: &str, market: &str) -> Result<String, String> {
    let market: Market = market.parse().map_err(|e: String| format!("market: {e}"))?;
    scan_documents_json(documents_json, market).map(|p| p.to_json())
}
