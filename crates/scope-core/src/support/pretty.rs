//! Compact JSON text laid out as serde_json's pretty printer lays it out (two-space indents,
//! `": "`, empty containers as `[]` and `{}`).
//!
//! Why not `serde_json::to_string_pretty`: every `Serialize` impl is compiled once per formatter
//! it is used with, and the case would carry a second copy of all of them into the web bundle for
//! the one download that is indented. Writing compact once and laying the text out here keeps one
//! copy; a test holds the two outputs equal.

/// `compact` must be serde_json's compact output (no whitespace outside strings).
pub(crate) fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(s) = chars.next() {
                    out.push(s);
                    match s {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '[' | '{' => {
                out.push(c);
                let close = if c == '[' { ']' } else { '}' };
                if chars.peek() == Some(&close) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pretty;
    use proptest::prelude::*;
    use serde_json::Value;

    fn same_as_serde(v: &Value) {
        let compact = serde_json::to_string(v).unwrap();
        #[allow(clippy::disallowed_methods)] // compared with serde_json's own
        let theirs = serde_json::to_string_pretty(v).unwrap();
        assert_eq!(pretty(&compact), theirs);
    }

    #[test]
    fn lays_out_as_serde_json_does() {
        for text in [
            r#"{"a":[],"b":{},"c":[1,{"d":"x, y: [z]"}],"e":"quote \" and \\ and {"}"#,
            r#"[[[]],[{}],"",null,true,-1.5e-7]"#,
            r#""just a string""#,
            "{}",
        ] {
            same_as_serde(&serde_json::from_str(text).unwrap());
        }
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            "[ -~\\\\\"\u{e9}\n\t]{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z\",:{}\\[\\]]{0,4}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_lays_out_as_serde_json_does(v in value()) {
            same_as_serde(&v);
        }
    }
}
