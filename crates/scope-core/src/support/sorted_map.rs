//! A small ordered map: the case's questionnaire answers, stage progress and candidate values.
//!
//! Why not `BTreeMap`: these maps hold a few dozen entries at most, and each `BTreeMap<K, V>` type
//! is its own copy of the B-tree's insert, remove, rebalance, clone and drop code in the wasm
//! bundle (about 9 KB per type). A sorted `Vec` with binary search does the same job in a fraction
//! of the code, and is as fast or faster at these sizes. Same API subset, same iteration order
//! (by key), same JSON (an object) and JSON Schema as the `BTreeMap` it replaces.

use std::borrow::Borrow;
// BTreeMap here only names a type: the schema delegates to it (same JSON), and the tests compare
// with it.
#[allow(clippy::disallowed_types)]
use std::collections::BTreeMap;
use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Entries sorted by key, each key once.
#[derive(Clone, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> SortedMap<K, V> {
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.entries.iter().map(entry)
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; the value it replaces, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }
}

fn entry<K, V>((k, v): &(K, V)) -> (&K, &V) {
    (k, v)
}

pub type Iter<'a, K, V> =
    std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Later entries replace earlier ones with the same key, as in a `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = Self::new();
        for (k, v) in items {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[allow(clippy::disallowed_types)] // the schema is a BTreeMap's: same JSON
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for SortedMap<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<K, V> as schemars::JsonSchema>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<K, V> as schemars::JsonSchema>::json_schema(generator)
    }
    fn inline_schema() -> bool {
        <BTreeMap<K, V> as schemars::JsonSchema>::inline_schema()
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_types)] // compared with std's own
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any sequence of inserts and removes leaves the same entries, in the same order, with
        /// the same return values, as a BTreeMap given the same sequence.
        #[test]
        fn behaves_as_a_btreemap(ops in proptest::collection::vec((any::<bool>(), 0u8..20, any::<u16>()), 0..200)) {
            let mut ours = SortedMap::new();
            let mut std = BTreeMap::new();
            for (insert, k, v) in ops {
                if insert {
                    prop_assert_eq!(ours.insert(k, v), std.insert(k, v));
                } else {
                    prop_assert_eq!(ours.remove(&k), std.remove(&k));
                }
                prop_assert_eq!(ours.get(&k), std.get(&k));
                prop_assert_eq!(ours.contains_key(&3), std.contains_key(&3));
            }
            prop_assert!(ours.iter().eq(std.iter()));
            prop_assert_eq!(ours.len(), std.len());
            ours.retain(|k, _| k % 2 == 0);
            std.retain(|k, _| k % 2 == 0);
            prop_assert!(ours.iter().eq(std.iter()));
        }
    }

    #[test]
    fn writes_the_json_a_btreemap_writes() {
        let pairs = [("b".to_string(), 2.0), ("a".to_string(), 1.5)];
        let ours: SortedMap<String, f64> = pairs.iter().cloned().collect();
        let std: BTreeMap<String, f64> = pairs.iter().cloned().collect();
        assert_eq!(
            serde_json::to_string(&ours).unwrap_or_default(),
            serde_json::to_string(&std).unwrap_or_default()
        );
        assert_eq!(ours.get("a"), Some(&1.5));
        assert_eq!(format!("{ours:?}"), format!("{std:?}"));
    }
}
