//! OpenAPI 3.x and Swagger 2.0: the operations under `paths`, the servers, the security schemes.

use super::refs::deref;
use super::{Api, MAX_NOTES, MAX_OPERATIONS, Operation, Reader, Server, clip, clip_notes, text_of};
use crate::tree::{Id, Node, Tree};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "patch", "head", "options", "trace",
];
const MAX_FIELDS: usize = 300;

pub(super) fn read(r: &mut Reader<'_>, root: Id, api: &mut Api) {
    let tree = r.tree;
    servers(tree, root, api);
    let schemes = tree
        .get(root, "components")
        .and_then(|c| tree.get(c, "securitySchemes"))
        .or_else(|| tree.get(root, "securityDefinitions"));
    r.schemes(schemes, api);
    let global_security = tree
        .get(root, "security")
        .is_some_and(|s| !tree.items(s).is_empty());
    let Some(paths) = tree.get(root, "paths") else {
        return;
    };
    for (path, item) in tree.entries(paths) {
        let item = deref(tree, *item);
        let shared: Vec<Id> = tree
            .get(item, "parameters")
            .map(|p| tree.items(p).to_vec())
            .unwrap_or_default();
        for (method, op) in tree.entries(item) {
            if r.exhausted() || api.operations.len() >= MAX_OPERATIONS {
                return;
            }
            r.charge(10);
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            let op = deref(tree, *op);
            api.operations
                .push(operation(r, method, path, op, &shared, global_security));
        }
    }
}

fn servers(tree: &Tree, root: Id, api: &mut Api) {
    for s in tree
        .items(tree.get(root, "servers").unwrap_or(root))
        .iter()
        .take(100)
    {
        let s = deref(tree, *s);
        api.servers.push(Server {
            name: String::new(),
            url: text_of(tree, s, "url"),
            description: text_of(tree, s, "description"),
        });
    }
    // Swagger 2.0: one host, and sometimes others named in an extension.
    if let Some(host) = tree.text(root, "host") {
        let base = tree.text(root, "basePath").unwrap_or("");
        api.servers.push(Server {
            name: String::new(),
            url: clip(&format!("{host}{base}")),
            description: String::new(),
        });
    }
    for (key, value) in tree.entries(root) {
        if key.starts_with("x-") && key.contains("server") {
            for s in tree.items(*value).iter().take(100) {
                api.servers.push(Server {
                    name: key.clone(),
                    url: tree
                        .str(*s)
                        .map(str::to_string)
                        .unwrap_or_else(|| text_of(tree, *s, "url")),
                    description: text_of(tree, *s, "description"),
                });
            }
        }
    }
}

fn operation(
    r: &mut Reader<'_>,
    method: &str,
    path: &str,
    op: Id,
    shared: &[Id],
    global_security: bool,
) -> Operation {
    let tree = r.tree;
    // Prose up to MAX_NOTES: the words of rate limits may sit deep in a description.
    let description = clip_notes(tree.text(op, "description").unwrap_or("")).to_string();
    let mut o = Operation {
        method: method.to_uppercase(),
        path: clip(path),
        operation_id: text_of(tree, op, "operationId"),
        summary: text_of(tree, op, "summary"),
        tags: tree
            .items(tree.get(op, "tags").unwrap_or(op))
            .iter()
            .take(20)
            .filter_map(|t| tree.str(*t).map(clip))
            .collect(),
        secured: match tree.get(op, "security") {
            Some(s) => tree
                .items(s)
                .iter()
                .any(|req| !tree.entries(*req).is_empty()),
            None => global_security,
        },
        ..Default::default()
    };
    let own: Vec<Id> = tree
        .get(op, "parameters")
        .map(|p| tree.items(p).to_vec())
        .unwrap_or_default();
    for p in shared.iter().chain(&own) {
        let p = deref(tree, *p);
        if let Some(name) = tree.text(p, "name")
            && o.params.len() < MAX_FIELDS
        {
            o.params.push(clip(name));
        }
        if tree.text(p, "in") == Some("body")
            && let Some(schema) = tree.get(p, "schema")
        {
            r.fields(schema, MAX_FIELDS, &mut o.params);
        }
    }
    if let Some(body) = tree.get(op, "requestBody") {
        let body = deref(tree, body);
        for schema in media_schemas(tree, body) {
            r.fields(schema, MAX_FIELDS, &mut o.params);
        }
    }
    for (code, response) in tree.entries(tree.get(op, "responses").unwrap_or(op)) {
        let response = deref(tree, *response);
        let schemas = media_schemas(tree, response);
        if code.starts_with('2') {
            for schema in &schemas {
                r.fields(*schema, MAX_FIELDS, &mut o.response_fields);
            }
            if !schemas.is_empty() {
                o.described = true;
            }
            o.headers.extend(
                tree.entries(tree.get(response, "headers").unwrap_or(response))
                    .iter()
                    .map(|(k, _)| k.clone()),
            );
        } else if (code.starts_with('4') || code.starts_with('5') || code == "default")
            && (!schemas.is_empty()
                || tree
                    .text(response, "description")
                    .is_some_and(|d| d.len() > 20))
        {
            o.errors = true;
        }
    }
    o.described |= !description.is_empty() || !o.summary.is_empty();
    // Request and response examples: a parameter's own example (a symbol) is not one.
    let mut bodies: Vec<Id> = ["responses", "requestBody"]
        .iter()
        .filter_map(|k| tree.get(op, k))
        .collect();
    bodies.extend(
        shared
            .iter()
            .chain(&own)
            .map(|p| deref(tree, *p))
            .filter(|p| tree.text(*p, "in") == Some("body")),
    );
    o.examples = bodies.into_iter().any(|b| r.has_examples(b));
    let mut notes = description.to_lowercase();
    for (key, value) in tree.entries(op) {
        if key.starts_with("x-") && notes.len() < MAX_NOTES {
            notes.push('\n');
            notes.push_str(&key.to_lowercase());
            if let Node::Scalar(s) = tree.node(*value) {
                notes.push(' ');
                notes.push_str(&clip_notes(s).to_lowercase());
            }
        }
    }
    o.notes = notes;
    o
}

/// The schemas of a request body or a response: OpenAPI 3's `content.*.schema`, Swagger's
/// `schema`.
fn media_schemas(tree: &Tree, at: Id) -> Vec<Id> {
    let mut out: Vec<Id> = tree.get(at, "schema").into_iter().collect();
    if let Some(content) = tree.get(at, "content") {
        out.extend(
            tree.entries(content)
                .iter()
                .filter_map(|(_, m)| tree.get(deref(tree, *m), "schema")),
        );
    }
    out
}
