//! `$ref` within one document, and walks over the tree that follow references without looping.

use crate::tree::{Id, Node, Tree};

/// The most references followed from one node before giving up (a chain, or a cycle).
const MAX_HOPS: usize = 32;

/// The node `id` stands for: `$ref` chains followed within the document. A reference to another
/// file, a broken pointer or a cycle leaves the last node reached.
pub fn deref(tree: &Tree, mut id: Id) -> Id {
    for _ in 0..MAX_HOPS {
        let Some(target) = tree.text(id, "$ref").and_then(|r| pointer(tree, r)) else {
            return id;
        };
        id = target;
    }
    id
}

/// `#/components/schemas/Order` (JSON Pointer, with `~1`, `~0` and percent escapes) resolved
/// from the document's root.
fn pointer(tree: &Tree, reference: &str) -> Option<Id> {
    let path = reference.strip_prefix('#')?;
    let mut at = tree.root()?;
    for raw in path.split('/').skip(1) {
        let part = unescape(raw);
        at = match tree.node(at) {
            Node::Map(_) => tree.get(at, &part)?,
            Node::Seq(items) => *items.get(part.parse::<usize>().ok()?)?,
            Node::Scalar(_) => return None,
        };
    }
    Some(at)
}

fn unescape(part: &str) -> String {
    let decoded = percent_decode(part);
    decoded.replace("~1", "/").replace("~0", "~")
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Which nodes a walk has seen: one bit a node, cleared after each walk by the words it touched,
/// so that walks from many operations over one large document cost what they visit.
pub struct Seen {
    bits: Vec<u64>,
    touched: Vec<usize>,
}

impl Seen {
    pub fn new(tree: &Tree) -> Self {
        Seen {
            bits: vec![0; tree.len() / 64 + 1],
            touched: Vec::new(),
        }
    }

    /// Marks `id`; false when it was already marked.
    fn mark(&mut self, id: Id) -> bool {
        let (word, bit) = (id.index() / 64, 1u64 << (id.index() % 64));
        let Some(w) = self.bits.get_mut(word) else {
            return false;
        };
        if *w & bit != 0 {
            return false;
        }
        if *w == 0 {
            self.touched.push(word);
        }
        *w |= bit;
        true
    }

    fn clear(&mut self) {
        for word in self.touched.drain(..) {
            self.bits[word] = 0;
        }
    }
}

/// Visits every node under `start` once, following references, each with the key it sits under,
/// until `visit` returns false or `budget` visits are spent. Returns the visits left.
pub fn walk(
    tree: &Tree,
    seen: &mut Seen,
    start: Id,
    mut budget: usize,
    mut visit: impl FnMut(Option<&str>, Id) -> bool,
) -> usize {
    let mut stack: Vec<(Option<&str>, Id)> = vec![(None, start)];
    while let Some((key, id)) = stack.pop() {
        let id = deref(tree, id);
        if budget == 0 {
            break;
        }
        if !seen.mark(id) {
            continue;
        }
        budget -= 1;
        if !visit(key, id) {
            break;
        }
        // What is pushed costs as much as what is visited: a map of a million entries, aliased
        // everywhere, is not pushed again and again for free.
        match tree.node(id) {
            Node::Map(entries) => {
                let n = entries.len().min(budget);
                budget -= n;
                stack.extend(
                    entries[..n]
                        .iter()
                        .rev()
                        .map(|(k, v)| (Some(k.as_str()), *v)),
                );
            }
            Node::Seq(items) => {
                let n = items.len().min(budget);
                budget -= n;
                stack.extend(items[..n].iter().rev().map(|v| (key, *v)));
            }
            Node::Scalar(_) => {}
        }
    }
    seen.clear();
    budget
}
