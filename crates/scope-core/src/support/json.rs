//! Reading typed values out of parsed JSON, each error naming the field path it is about
//! (`estimate.tasks[2].pessimistic: invalid type: string "x", expected a number`).
//!
//! Why not serde's derived readers: wrapped to track the path (serde_path_to_error), they were
//! about a seventh of the wasm bundle, one monomorphized visitor per type and per wrapper. These
//! readers are plain functions over `serde_json::Value`; the path is a chain of borrowed links on
//! the stack and is only turned into text when there is an error to report.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::support::sorted_map::SortedMap;

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, dotted: `api.ws_order_book`, `estimate.tasks[2].pessimistic`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

pub(crate) type Read<T> = Result<T, FieldError>;

/// Where a value sits in the document.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A value and where it is.
#[derive(Clone, Copy)]
pub(crate) struct Node<'a> {
    pub value: &'a Value,
    pub path: Path<'a>,
}

impl<'a> Node<'a> {
    pub fn root(value: &'a Value) -> Self {
        Node {
            value,
            path: Path::Root,
        }
    }

    // Not inlined, here and below: the readers run for every field of the format, and one copy
    // of their error paths is enough (a few hundred bytes of the bundle).
    #[inline(never)]
    pub fn error(&self, message: String) -> FieldError {
        FieldError {
            path: self.path.to_string(),
            message,
        }
    }

    /// serde's wording, so that messages read the same as before the readers were hand-written.
    #[inline(never)]
    fn expected(&self, what: &str) -> FieldError {
        let found = match self.value {
            Value::Null => "null".to_string(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
            Value::Number(n) => format!("integer `{n}`"),
            Value::String(s) => format!("string {s:?}"),
            Value::Array(_) => "sequence".to_string(),
            Value::Object(_) => "map".to_string(),
        };
        self.error(format!("invalid type: {found}, expected {what}"))
    }

    /// An object whose keys are all among `fields` (an unknown key is an error, as a typo would
    /// otherwise silently fall back to a default).
    pub fn object(&self, fields: &'static [&'static str]) -> Read<Object<'_>> {
        let Value::Object(map) = self.value else {
            return Err(self.expected("an object"));
        };
        if let Some(unknown) = map.keys().find(|k| !fields.contains(&k.as_str())) {
            let expected = fields
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            // Named at the unknown key itself, where a reader looks for the typo.
            return Err(FieldError {
                path: Path::Key(&self.path, unknown).to_string(),
                message: format!("unknown field `{unknown}`, expected one of {expected}"),
            });
        }
        Ok(Object {
            map,
            path: &self.path,
        })
    }

    pub fn string(&self) -> Read<String> {
        match self.value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(self.expected("a string")),
        }
    }

    pub fn f64(&self) -> Read<f64> {
        self.value.as_f64().ok_or_else(|| self.expected("a number"))
    }

    pub fn u64(&self) -> Read<u64> {
        match self.value {
            Value::Number(n) => n.as_u64().ok_or_else(|| {
                self.error(format!(
                    "invalid value: `{n}`, expected a whole number >= 0"
                ))
            }),
            _ => Err(self.expected("a whole number")),
        }
    }

    pub fn u32(&self) -> Read<u32> {
        let n = self.u64()?;
        u32::try_from(n).map_err(|_| {
            self.error(format!(
                "invalid value: `{n}`, expected at most {}",
                u32::MAX
            ))
        })
    }

    pub fn bool(&self) -> Read<bool> {
        self.value
            .as_bool()
            .ok_or_else(|| self.expected("true or false"))
    }

    /// A decimal written as a string ("12.50"), as amounts are in the case file: a JSON number
    /// would already have been rounded to binary.
    pub fn decimal(&self) -> Read<Decimal> {
        let Value::String(s) = self.value else {
            return Err(self.expected("a decimal number written as a string, such as \"12.50\""));
        };
        // Plain decimals only, as a typed field takes them: rust_decimal's own from_str would read
        // "1.5e3" and "7_5" as numbers nobody wrote.
        crate::support::money::parse_amount(s).ok_or_else(|| {
            self.error(format!(
                "{s:?} is not an amount (digits, one decimal point)"
            ))
        })
    }

    /// A string naming one of a closed set (an answer, a stage) or a date.
    pub fn parse<T: FromStr<Err = String>>(&self) -> Read<T> {
        match self.value {
            Value::String(s) => s.parse().map_err(|e: String| self.error(e)),
            _ => Err(self.expected("a string")),
        }
    }

    /// Each item of an array, read by `read`.
    pub fn list<'s, T>(&'s self, read: impl Fn(&Node<'s>) -> Read<T>) -> Read<Vec<T>> {
        let Value::Array(items) = self.value else {
            return Err(self.expected("a list"));
        };
        // A loop rather than collecting into a Result: one less adapter per item type in the
        // bundle.
        let mut out = Vec::with_capacity(items.len());
        for (i, value) in items.iter().enumerate() {
            out.push(read(&Node {
                value,
                path: Path::Index(&self.path, i),
            })?);
        }
        Ok(out)
    }

    /// Each entry of an object used as a map, its key read by `key` and its value by `read`.
    pub fn map<'s, K: Ord, V>(
        &'s self,
        key: impl Fn(&str) -> Result<K, String>,
        read: impl Fn(&Node<'s>) -> Read<V>,
    ) -> Read<SortedMap<K, V>> {
        let Value::Object(map) = self.value else {
            return Err(self.expected("an object"));
        };
        let mut out = SortedMap::new();
        for (k, value) in map {
            let node = Node {
                value,
                path: Path::Key(&self.path, k),
            };
            let k = key(k).map_err(|e| node.error(e))?;
            out.insert(k, read(&node)?);
        }
        Ok(out)
    }
}

/// An object's fields.
pub(crate) struct Object<'a> {
    map: &'a Map<String, Value>,
    path: &'a Path<'a>,
}

impl Object<'_> {
    #[inline(never)]
    fn node<'s>(&'s self, key: &'s str) -> Option<Node<'s>> {
        self.map.get(key).map(|value| Node {
            value,
            path: Path::Key(self.path, key),
        })
    }

    /// A field that must be present.
    pub fn required<'s, T>(&'s self, key: &'s str, read: fn(&Node<'s>) -> Read<T>) -> Read<T> {
        match self.node(key) {
            Some(node) => read(&node),
            None => Err(FieldError {
                path: self.path.to_string(),
                message: format!("missing field `{key}`"),
            }),
        }
    }

    /// A field that may be absent or null.
    pub fn optional<'s, T>(
        &'s self,
        key: &'s str,
        read: fn(&Node<'s>) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.node(key) {
            Some(node) if !node.value.is_null() => read(&node).map(Some),
            _ => Ok(None),
        }
    }

    /// A field with a default when absent.
    pub fn or<'s, T>(
        &'s self,
        key: &'s str,
        default: impl FnOnce() -> T,
        read: fn(&Node<'s>) -> Read<T>,
    ) -> Read<T> {
        match self.node(key) {
            Some(node) => read(&node),
            None => Ok(default()),
        }
    }
}

/// A value as a message quotes it: scalars as JSON writes them, containers by kind. (Writing a
/// whole `Value` would link serde_json's writer for `Value` twice, compact and pretty, for two
/// messages about a version number.)
pub(crate) fn quoted(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_messages_print_them() {
        let root = Path::Root;
        let tasks = Path::Key(&root, "tasks");
        let task = Path::Index(&tasks, 2);
        let field = Path::Key(&task, "pessimistic");
        assert_eq!(field.to_string(), "tasks[2].pessimistic");
        let nested = Path::Key(&field, "x");
        assert_eq!(nested.to_string(), "tasks[2].pessimistic.x");
        assert_eq!(root.to_string(), "");
    }

    #[test]
    fn wrong_types_say_what_was_found_and_expected() {
        let v = serde_json::json!({"a": "x", "b": -1, "c": 1.5, "d": 5000000000u64});
        let o = Node::root(&v);
        let o = o.object(&["a", "b", "c", "d"]).expect("an object");
        let e = o.required("a", Node::f64).expect_err("a string");
        assert_eq!(
            e.to_string(),
            "a: invalid type: string \"x\", expected a number"
        );
        assert!(o.required("b", Node::u64).is_err());
        assert!(o.required("c", Node::u64).is_err());
        assert!(o.required("d", Node::u32).is_err());
        assert_eq!(o.required("d", Node::u64), Ok(5_000_000_000));
        let e = o.required("z", Node::f64).expect_err("missing");
        assert_eq!(e.to_string(), "missing field `z`");
        assert_eq!(o.optional("z", Node::f64), Ok(None));
        assert_eq!(o.or("z", || 7.0, Node::f64), Ok(7.0));
    }

    #[test]
    fn unknown_fields_are_refused_with_the_known_ones() {
        let v = serde_json::json!({"name": "X", "url": "x"});
        let e = Node::root(&v)
            .object(&["name", "kind"])
            .err()
            .expect("refused");
        assert_eq!(
            e.to_string(),
            "url: unknown field `url`, expected one of `name`, `kind`"
        );
    }

    #[test]
    fn decimals_are_strings() {
        let v = serde_json::json!(["12.50", 12.5]);
        let e = Node::root(&v).list(Node::decimal).expect_err("a number");
        assert!(
            e.to_string()
                .starts_with("[1]: invalid type: floating point `12.5`"),
            "{e}"
        );
        let v = serde_json::json!(["abc"]);
        let e = Node::root(&v)
            .list(Node::decimal)
            .expect_err("not a number");
        assert_eq!(
            e.to_string(),
            "[0]: \"abc\" is not an amount (digits, one decimal point)"
        );
        let v = serde_json::json!(["12.50", "1000"]);
        let read = Node::root(&v).list(Node::decimal).expect("decimals");
        assert_eq!(read, [Decimal::new(1250, 2), Decimal::from(1000)]);
        // What nobody writes as an amount is refused, not read as another number.
        for text in ["1e3", "7_5", "+75", "1,000"] {
            let v = serde_json::json!([text]);
            assert!(Node::root(&v).list(Node::decimal).is_err(), "{text}");
        }
    }
}
