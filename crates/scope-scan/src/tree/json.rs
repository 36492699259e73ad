//! JSON into the tree, through serde_json's reader (its recursion limit is `MAX_DEPTH`).

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{Id, Node, ReadError, Tree};

pub(super) fn read(text: &str) -> Result<(Tree, Id), ReadError> {
    let mut tree = Tree::default();
    let mut limit = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let root = Seed {
        tree: &mut tree,
        limit: &mut limit,
    }
    .deserialize(&mut de)
    .and_then(|id| de.end().map(|()| id));
    match (root, limit) {
        (_, Some(e)) => Err(e),
        (Ok(id), None) => Ok((tree, id)),
        (Err(e), None) if e.to_string().contains("recursion limit") => Err(ReadError::TooDeep),
        (Err(e), None) => Err(ReadError::Syntax(e.to_string())),
    }
}

/// Reads one value into `tree`; a limit reached is kept in `limit` (serde's error type has only
/// text).
struct Seed<'t> {
    tree: &'t mut Tree,
    limit: &'t mut Option<ReadError>,
}

impl Seed<'_> {
    fn push<E: de::Error>(self, node: Node) -> Result<Id, E> {
        self.tree.push(node).map_err(|e| fail(self.limit, e))
    }

    fn scalar<E: de::Error>(self, text: String) -> Result<Id, E> {
        self.push(Node::Scalar(text))
    }
}

fn fail<E: de::Error>(limit: &mut Option<ReadError>, e: ReadError) -> E {
    let message = e.to_string();
    *limit = Some(e);
    E::custom(message)
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Id;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Id, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Id;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Id, E> {
        self.scalar(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
        self.scalar(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
        self.scalar(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Id, E> {
        self.scalar(v.to_string())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
        self.scalar(v.to_string())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
        self.scalar(v)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Id, E> {
        self.scalar("null".into())
    }
    fn visit_none<E: de::Error>(self) -> Result<Id, E> {
        self.scalar("null".into())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Id, A::Error> {
        let mut items = Vec::new();
        loop {
            self.tree.edge().map_err(|e| fail(self.limit, e))?;
            let seed = Seed {
                tree: &mut *self.tree,
                limit: &mut *self.limit,
            };
            match seq.next_element_seed(seed)? {
                Some(id) => items.push(id),
                None => break,
            }
        }
        self.push(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Id, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            self.tree.edge().map_err(|e| fail(self.limit, e))?;
            let seed = Seed {
                tree: &mut *self.tree,
                limit: &mut *self.limit,
            };
            entries.push((key, map.next_value_seed(seed)?));
        }
        self.push(Node::Map(entries))
    }
}
