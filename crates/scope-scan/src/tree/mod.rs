//! A parsed document as one arena of nodes, the same for JSON and YAML.
//!
//! Why an arena: a YAML alias is a second edge to a node already read, never a copy (so an alias
//! bomb costs its edges, not its expansion), and nothing is dropped recursively (so a deep
//! document cannot overflow the stack when it goes). Every limit is checked while reading.
//! May import: nothing of this crate (scope-core's limit aside).

mod json;
mod yaml;

/// The largest document read (scope-core's, which the web app checks before reading a file).
pub const MAX_BYTES: usize = scope_core::prefill::MAX_DOCUMENT_BYTES;
/// The deepest nesting read (serde_json's own recursion limit for JSON).
pub const MAX_DEPTH: usize = 128;
/// The most nodes and edges read from one document.
pub const MAX_NODES: usize = 4_000_000;
/// The most entries the lookups of one document may scan (`get`): a document made so that every
/// lookup scans a huge map (100,000 schemas, each referenced by name) stops being read there.
pub const MAX_WORK: u64 = 100_000_000;
/// The most bytes of map keys an alias may copy (a YAML alias used as a key is copied as text).
pub const MAX_KEY_BYTES: usize = 32 * 1024 * 1024;

/// A node's place in its tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(pub(crate) u32);

impl Id {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, PartialEq)]
pub enum Node {
    /// Any scalar (string, number, boolean, null) as text: YAML's as written, JSON numbers as
    /// serde_json reads them.
    Scalar(String),
    Seq(Vec<Id>),
    /// Keys in the document's order.
    Map(Vec<(String, Id)>),
}

#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<Node>,
    edges: usize,
    root: Option<Id>,
    /// Entries scanned by lookups so far (`MAX_WORK`).
    work: std::cell::Cell<u64>,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    TooManyNodes,
    KeysTooLarge,
    /// Not JSON or YAML: the parser's message, with line and column.
    Syntax(String),
    Empty,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { bytes } => f.write_str(
                &scope_core::prefill::document_size_problem(*bytes as u64).unwrap_or_default(),
            ),
            ReadError::TooDeep => write!(f, "nested more than {MAX_DEPTH} levels deep"),
            ReadError::TooManyNodes => write!(f, "more than {MAX_NODES} values"),
            ReadError::KeysTooLarge => write!(
                f,
                "its aliases copy more than {} MiB of map keys",
                MAX_KEY_BYTES / 1024 / 1024
            ),
            ReadError::Syntax(message) => write!(f, "not JSON or YAML: {message}"),
            ReadError::Empty => f.write_str("the document is empty"),
        }
    }
}

impl Tree {
    /// Reads JSON when the text starts like JSON, YAML otherwise (YAML 1.2 reads JSON too, but
    /// serde_json's reader is exact about JSON's own rules and several times faster).
    pub fn read(text: &str) -> Result<(Tree, Id), ReadError> {
        if text.len() > MAX_BYTES {
            return Err(ReadError::TooLarge { bytes: text.len() });
        }
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.is_empty() {
            return Err(ReadError::Empty);
        }
        let (mut tree, root) = if body.starts_with('{') || body.starts_with('[') {
            json::read(body)?
        } else {
            yaml::read(body)?
        };
        tree.root = Some(root);
        Ok((tree, root))
    }

    /// The document's root, where `#/...` references start.
    pub fn root(&self) -> Option<Id> {
        self.root
    }

    pub(crate) fn push(&mut self, node: Node) -> Result<Id, ReadError> {
        if self.nodes.len() + self.edges >= MAX_NODES {
            return Err(ReadError::TooManyNodes);
        }
        self.nodes.push(node);
        Ok(Id((self.nodes.len() - 1) as u32))
    }

    /// Counts an edge (a sequence item or a map entry) against the limit.
    pub(crate) fn edge(&mut self) -> Result<(), ReadError> {
        self.edges += 1;
        if self.nodes.len() + self.edges >= MAX_NODES {
            return Err(ReadError::TooManyNodes);
        }
        Ok(())
    }

    pub fn node(&self, id: Id) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub(crate) fn node_mut(&mut self, id: Id) -> &mut Node {
        &mut self.nodes[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The value under `key` when `id` is a map. Once the lookups have scanned `MAX_WORK`
    /// entries, every lookup finds nothing (`exhausted`).
    pub fn get(&self, id: Id, key: &str) -> Option<Id> {
        match self.node(id) {
            Node::Map(entries) => {
                if self.exhausted() {
                    return None;
                }
                let at = entries.iter().position(|(k, _)| k == key);
                let scanned = at.map_or(entries.len(), |i| i + 1);
                self.work.set(self.work.get() + scanned as u64);
                at.map(|i| entries[i].1)
            }
            _ => None,
        }
    }

    /// The lookups have done all the work one document may take.
    pub fn exhausted(&self) -> bool {
        self.work.get() >= MAX_WORK
    }

    pub fn str(&self, id: Id) -> Option<&str> {
        match self.node(id) {
            Node::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// A map's entries (none for other nodes).
    pub fn entries(&self, id: Id) -> &[(String, Id)] {
        match self.node(id) {
            Node::Map(entries) => entries,
            _ => &[],
        }
    }

    /// A sequence's items (none for other nodes).
    pub fn items(&self, id: Id) -> &[Id] {
        match self.node(id) {
            Node::Seq(items) => items,
            _ => &[],
        }
    }

    /// The text under `key`, when it is a scalar.
    pub fn text(&self, id: Id, key: &str) -> Option<&str> {
        self.get(id, key).and_then(|v| self.str(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(tree: &Tree, id: Id) -> String {
        match tree.node(id) {
            Node::Scalar(s) => s.clone(),
            Node::Seq(items) => {
                let inner: Vec<_> = items.iter().map(|i| shape(tree, *i)).collect();
                format!("[{}]", inner.join(","))
            }
            Node::Map(entries) => {
                let inner: Vec<_> = entries
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", shape(tree, *v)))
                    .collect();
                format!("{{{}}}", inner.join(","))
            }
        }
    }

    #[test]
    fn json_and_yaml_read_to_the_same_tree_in_document_order() {
        let json = r#"{"z": 1, "a": [true, null, "x"], "m": {"k": 2.5}}"#;
        let yaml = "z: 1\na:\n  - true\n  - null\n  - x\nm:\n  k: 2.5\n";
        let (jt, jr) = Tree::read(json).unwrap();
        let (yt, yr) = Tree::read(yaml).unwrap();
        assert_eq!(shape(&jt, jr), "{z:1,a:[true,null,x],m:{k:2.5}}");
        assert_eq!(shape(&jt, jr), shape(&yt, yr));
    }

    #[test]
    fn an_alias_is_a_second_edge_not_a_copy() {
        let yaml = "a: &x {k: v}\nb: *x\nc: [*x, *x]\n";
        let (t, root) = Tree::read(yaml).unwrap();
        let (a, b) = (t.get(root, "a").unwrap(), t.get(root, "b").unwrap());
        assert_eq!(a, b);
        assert_eq!(t.items(t.get(root, "c").unwrap()), [a, a]);
        // An alias to an anchor not defined is an error of the parser, not a panic.
        assert!(matches!(
            Tree::read("a: *nothing\n"),
            Err(ReadError::Syntax(_))
        ));
    }

    #[test]
    fn limits_hold_while_reading() {
        let deep_json = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(
            Tree::read(&deep_json),
            Err(ReadError::Syntax(_) | ReadError::TooDeep)
        ));
        let deep_yaml = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(
            Tree::read(&format!("a: {deep_yaml}")),
            Err(ReadError::TooDeep)
        ));
        let mut block = String::new();
        for i in 0..200 {
            block.push_str(&" ".repeat(i));
            block.push_str("k:\n");
        }
        assert_eq!(Tree::read(&block).unwrap_err(), ReadError::TooDeep);
        assert_eq!(Tree::read("  \n").unwrap_err(), ReadError::Empty);
        assert!(matches!(Tree::read("a: [1, 2"), Err(ReadError::Syntax(_))));
        assert!(matches!(Tree::read("{\"a\": }"), Err(ReadError::Syntax(_))));
    }
}
