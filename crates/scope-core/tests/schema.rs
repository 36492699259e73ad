//! The committed JSON Schema (schema/case.schema.json) is the one the types generate.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p scope-core --test schema`.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

#[test]
fn committed_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/case.schema.json");
    let generated = scope_core::case::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/case.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p scope-core --test schema"
    );
}

#[test]
fn the_schema_describes_the_case_file() {
    let schema: serde_json::Value = serde_json::from_str(&scope_core::case::json_schema()).unwrap();
    let required = schema["required"].as_array().unwrap();
    assert!(required.contains(&"version".into()) && required.contains(&"exchange".into()));
    let answer = &schema["$defs"]["Answer"]["enum"];
    assert_eq!(answer.as_array().unwrap().len(), 5);
}
