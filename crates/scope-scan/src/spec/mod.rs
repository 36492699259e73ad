//! What an API document describes, read out of its tree: REST operations (OpenAPI 3.x, Swagger
//! 2.0), websocket channels (AsyncAPI 2.x, 3.x), servers, security schemes and the text around
//! them. References are resolved within the document; every walk has a budget.
//! May import: tree.

mod asyncapi;
mod openapi;
pub mod refs;

use crate::tree::{Id, Node, Tree};
use refs::{Seen, walk};

/// Visits one walk may spend under an operation or a message.
const WALK_BUDGET: usize = 20_000;
/// Visits a whole document may spend; past it, the rest of the document is not read.
const DOCUMENT_BUDGET: usize = 4_000_000;
/// The most operations and channels read from one document (Binance's whole spot API has 340):
/// aliased path items could otherwise multiply a small document into millions.
pub const MAX_OPERATIONS: usize = 20_000;
/// The longest text kept from one field (a summary, an id, a path): enough to match and quote.
const MAX_TEXT: usize = 500;
/// The longest prose kept from one operation (its description and extensions, for the words of
/// rate limits).
pub(crate) const MAX_NOTES: usize = 4_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    OpenApi(String),
    Swagger(String),
    AsyncApi(String),
}

impl Format {
    pub fn label(&self) -> String {
        match self {
            Format::OpenApi(v) => format!("OpenAPI {v}"),
            Format::Swagger(v) => format!("Swagger {v}"),
            Format::AsyncApi(v) => format!("AsyncAPI {v}"),
        }
    }
}

/// One REST operation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Operation {
    /// Upper case: GET, POST, DELETE...
    pub method: String,
    pub path: String,
    pub operation_id: String,
    pub summary: String,
    pub tags: Vec<String>,
    /// Parameter names, and the request body's property names.
    pub params: Vec<String>,
    /// Property names in its successful responses' schemas.
    pub response_fields: Vec<String>,
    /// Response header names.
    pub headers: Vec<String>,
    /// Has a description, a summary or a response schema.
    pub described: bool,
    /// Has an example or examples in its request body or responses.
    pub examples: bool,
    /// Describes a 4xx or 5xx (or default) response with content.
    pub errors: bool,
    /// Its own or the document's security requirement applies.
    pub secured: bool,
    /// Its description and its extensions (`x-...`), lower case: rate-limit weights live here.
    pub notes: String,
}

/// One websocket channel (an AsyncAPI channel with its operations and messages).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Channel {
    /// The channel's name or address.
    pub name: String,
    /// Its title, summary, operation ids and summaries, message names and titles.
    pub words: Vec<String>,
    /// Payload property names.
    pub fields: Vec<String>,
    pub described: bool,
    pub examples: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    pub name: String,
    pub url: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheme {
    pub name: String,
    /// apiKey, http, oauth2, ...
    pub kind: String,
    pub described: bool,
}

/// What one document describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Api {
    pub format: Format,
    pub title: String,
    pub operations: Vec<Operation>,
    pub channels: Vec<Channel>,
    pub servers: Vec<Server>,
    pub schemes: Vec<Scheme>,
    /// Names of reusable schemas and responses (an `Error` schema documents error codes).
    pub schema_names: Vec<String>,
    /// info.description, externalDocs and tag descriptions, lower case.
    pub text: String,
    /// Links in the document's info and externalDocs.
    pub links: Vec<String>,
    /// The document was larger than the work budget: the rest was not read.
    pub truncated: bool,
}

/// Why a document is not an API description this reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAnApi {
    NoVersionField,
    Version(String),
}

impl std::fmt::Display for NotAnApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotAnApi::NoVersionField => f.write_str(
                "not an OpenAPI, Swagger or AsyncAPI document (it has no openapi, swagger or \
                 asyncapi field at the top)",
            ),
            NotAnApi::Version(v) => write!(
                f,
                "{v} is not a version this reads (OpenAPI 3.x, Swagger 2.0, AsyncAPI 2.x or 3.x)"
            ),
        }
    }
}

/// Reads the document's description out of its tree.
pub fn read(tree: &Tree, root: Id) -> Result<Api, NotAnApi> {
    let version = |key: &str| tree.text(root, key).map(str::to_string);
    let format = if let Some(v) = version("openapi") {
        match v.starts_with("3.") {
            true => Format::OpenApi(v),
            false => return Err(NotAnApi::Version(format!("OpenAPI {v}"))),
        }
    } else if let Some(v) = version("swagger") {
        match v.starts_with('2') {
            true => Format::Swagger(v),
            false => return Err(NotAnApi::Version(format!("Swagger {v}"))),
        }
    } else if let Some(v) = version("asyncapi") {
        match v.starts_with("2.") || v.starts_with("3.") {
            true => Format::AsyncApi(v),
            false => return Err(NotAnApi::Version(format!("AsyncAPI {v}"))),
        }
    } else {
        return Err(NotAnApi::NoVersionField);
    };
    let mut reader = Reader {
        tree,
        seen: Seen::new(tree),
        budget: DOCUMENT_BUDGET,
    };
    let info = tree.get(root, "info");
    let mut api = Api {
        title: info
            .and_then(|i| tree.text(i, "title"))
            .unwrap_or("")
            .to_string(),
        operations: Vec::new(),
        channels: Vec::new(),
        servers: Vec::new(),
        schemes: Vec::new(),
        schema_names: Vec::new(),
        text: String::new(),
        links: Vec::new(),
        truncated: false,
        format: format.clone(),
    };
    reader.texts(root, &mut api);
    match format {
        Format::OpenApi(_) | Format::Swagger(_) => openapi::read(&mut reader, root, &mut api),
        Format::AsyncApi(_) => asyncapi::read(&mut reader, root, &mut api),
    }
    api.truncated = reader.budget == 0
        || tree.exhausted()
        || api.operations.len() >= MAX_OPERATIONS
        || api.channels.len() >= MAX_OPERATIONS;
    Ok(api)
}

/// The tree, and the walks' shared bookkeeping.
pub(crate) struct Reader<'t> {
    pub tree: &'t Tree,
    seen: Seen,
    budget: usize,
}

impl Reader<'_> {
    /// Visits under `start` (references followed, each node once), within the budgets.
    pub fn walk(&mut self, start: Id, visit: impl FnMut(Option<&str>, Id) -> bool) {
        let budget = self.budget.min(WALK_BUDGET);
        let left = walk(self.tree, &mut self.seen, start, budget, visit);
        self.budget -= budget - left;
    }

    pub fn exhausted(&self) -> bool {
        self.budget == 0 || self.tree.exhausted()
    }

    /// Charges `visits` to the document's budget (each operation read costs some, even when it
    /// has nothing to walk).
    pub fn charge(&mut self, visits: usize) {
        self.budget = self.budget.saturating_sub(visits);
    }

    /// Whether an `example` or `examples` key (with something in it) is anywhere under `start`.
    pub fn has_examples(&mut self, start: Id) -> bool {
        let tree = self.tree;
        let mut found = false;
        self.walk(start, |key, id| {
            if matches!(
                key,
                Some("example" | "examples" | "x-example" | "x-examples")
            ) && !matches!(tree.node(id), Node::Scalar(s) if s.is_empty())
            {
                found = true;
            }
            !found
        });
        found
    }

    /// Property names under a schema (nested ones too), at most `max`.
    pub fn fields(&mut self, start: Id, max: usize, out: &mut Vec<String>) {
        let tree = self.tree;
        self.walk(start, |key, id| {
            if key == Some("properties") {
                for (name, _) in tree.entries(id) {
                    if out.len() >= max {
                        break;
                    }
                    if !out.contains(name) {
                        out.push(clip(name));
                    }
                }
            }
            out.len() < max
        });
    }

    /// The document's own prose, its links and its reusable schemas' names.
    fn texts(&mut self, root: Id, api: &mut Api) {
        let tree = self.tree;
        let mut text = String::new();
        let mut add = |t: Option<&str>| {
            if let Some(t) = t
                && text.len() < 64 * MAX_NOTES
            {
                text.push_str(&clip_notes(t).to_lowercase());
                text.push('\n');
            }
        };
        if let Some(info) = tree.get(root, "info") {
            add(tree.text(info, "description"));
            add(tree.text(info, "summary"));
            for (key, value) in tree.entries(info) {
                if key.starts_with("x-") {
                    add(tree.str(*value));
                }
            }
            if let Some(contact) = tree.get(info, "contact") {
                api.links
                    .extend(tree.text(contact, "url").map(str::to_string));
            }
        }
        if let Some(docs) = tree.get(root, "externalDocs") {
            add(tree.text(docs, "description"));
            api.links.extend(tree.text(docs, "url").map(str::to_string));
        }
        for tag in tree.items(tree.get(root, "tags").unwrap_or(root)) {
            add(tree.text(*tag, "description"));
            add(tree.text(*tag, "name"));
        }
        api.text = text;
        for section in ["components", "definitions", "responses"] {
            let Some(s) = tree.get(root, section) else {
                continue;
            };
            let groups: Vec<Id> = if section == "components" {
                ["schemas", "responses", "messages"]
                    .iter()
                    .filter_map(|g| tree.get(s, g))
                    .collect()
            } else {
                vec![s]
            };
            for g in groups {
                let room = MAX_OPERATIONS.saturating_sub(api.schema_names.len());
                api.schema_names
                    .extend(tree.entries(g).iter().take(room).map(|(k, _)| clip(k)));
            }
        }
    }

    /// Security schemes under `at` (components.securitySchemes, securityDefinitions).
    pub fn schemes(&mut self, at: Option<Id>, api: &mut Api) {
        let tree = self.tree;
        let Some(at) = at else { return };
        for (name, scheme) in tree.entries(at) {
            let scheme = refs::deref(tree, *scheme);
            if api.schemes.len() >= 100 {
                break;
            }
            api.schemes.push(Scheme {
                name: clip(name),
                kind: tree.text(scheme, "type").unwrap_or("").to_string(),
                described: tree
                    .text(scheme, "description")
                    .is_some_and(|d| !d.is_empty()),
            });
        }
    }
}

/// A node's text under `key`, or "" (descriptions and summaries), at most `MAX_TEXT` characters.
pub(crate) fn text_of(tree: &Tree, id: Id, key: &str) -> String {
    clip(tree.text(id, key).unwrap_or(""))
}

/// At most `MAX_NOTES` characters of prose.
pub(crate) fn clip_notes(text: &str) -> &str {
    match text.char_indices().nth(MAX_NOTES) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// At most `MAX_TEXT` characters of `text`: a document's text is copied per use (an alias is one
/// node, but each operation that uses it keeps its own copy).
pub(crate) fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((i, _)) => text[..i].to_string(),
        None => text.to_string(),
    }
}
