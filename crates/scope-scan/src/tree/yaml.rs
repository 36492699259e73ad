//! YAML into the tree, from saphyr's events. The first document of a stream is read; an alias
//! points at its anchor's node; nesting is counted on an explicit stack, never by recursion.

use saphyr_parser::{Event, Parser};

use super::{Id, MAX_DEPTH, MAX_KEY_BYTES, Node, ReadError, Tree};

/// A container being read: its node, and the key waiting for its value (maps).
enum Open {
    Seq(Id),
    Map(Id, Option<String>),
}

pub(super) fn read(text: &str) -> Result<(Tree, Id), ReadError> {
    let mut tree = Tree::default();
    let mut stack: Vec<Open> = Vec::new();
    // By anchor id: saphyr numbers anchors from 1 as it meets them.
    let mut anchors: Vec<Option<Id>> = Vec::new();
    let mut key_bytes = 0usize;
    let mut parser = Parser::new_from_str(text);
    let mut root = None;
    while root.is_none() {
        let Some(next) = parser.next_event() else {
            break;
        };
        let (event, _) = next.map_err(|e| {
            if e.info().contains("recursion limit") {
                // saphyr's own bound on flow nesting, below ours.
                return ReadError::TooDeep;
            }
            let m = e.marker();
            ReadError::Syntax(format!(
                "line {}, column {}: {}",
                m.line(),
                m.col() + 1,
                e.info()
            ))
        })?;
        let done = match event {
            Event::Scalar(text, _, anchor, _) => {
                let id = tree.push(Node::Scalar(text.into_owned()))?;
                remember(&mut anchors, anchor, id);
                Some(id)
            }
            Event::Alias(anchor) => {
                let id = anchors
                    .get(anchor)
                    .copied()
                    .flatten()
                    .ok_or_else(|| ReadError::Syntax("an alias to no anchor".into()))?;
                Some(id)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(ReadError::TooDeep);
                }
                let is_seq = matches!(event, Event::SequenceStart(..));
                let id = tree.push(if is_seq {
                    Node::Seq(Vec::new())
                } else {
                    Node::Map(Vec::new())
                })?;
                remember(&mut anchors, anchor, id);
                stack.push(if is_seq {
                    Open::Seq(id)
                } else {
                    Open::Map(id, None)
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(id) | Open::Map(id, _)) => Some(id),
                None => return Err(ReadError::Syntax("an end with no start".into())),
            },
            Event::StreamEnd => break,
            _ => None,
        };
        let Some(id) = done else { continue };
        match stack.last_mut() {
            None => root = Some(id),
            Some(Open::Seq(seq)) => {
                let seq = *seq;
                tree.edge()?;
                if let Node::Seq(items) = tree.node_mut(seq) {
                    items.push(id);
                }
            }
            Some(Open::Map(map, key)) => match key.take() {
                None => {
                    // A key: scalars as written; a complex key (rare in API documents) by kind.
                    let text = match tree.node(id) {
                        Node::Scalar(s) => s.clone(),
                        Node::Seq(_) => "[sequence]".into(),
                        Node::Map(_) => "{map}".into(),
                    };
                    key_bytes += text.len();
                    if key_bytes > MAX_KEY_BYTES {
                        return Err(ReadError::KeysTooLarge);
                    }
                    *key = Some(text);
                }
                Some(k) => {
                    let map = *map;
                    tree.edge()?;
                    if let Node::Map(entries) = tree.node_mut(map) {
                        entries.push((k, id));
                    }
                }
            },
        }
    }
    root.map(|id| (tree, id)).ok_or(ReadError::Empty)
}

fn remember(anchors: &mut Vec<Option<Id>>, anchor: usize, id: Id) {
    if anchor == 0 {
        return;
    }
    if anchors.len() <= anchor {
        anchors.resize(anchor + 1, None);
    }
    anchors[anchor] = Some(id);
}
