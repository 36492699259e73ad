//! The committed JSON Schema (schema/case.schema.json) is the one the types generate.
//! Regenerate with `UPDATE_EXPECT=1 cargo test -p scope-core --test schema`.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

#[test]
fn committed_schema_is_current() {
    expect_test::expect_file!["../../../schema/case.schema.json"]
        .assert_eq(&scope_core::case::json_schema());
}

#[test]
fn the_schema_describes_the_case_file() {
    let schema: serde_json::Value = serde_json::from_str(&scope_core::case::json_schema()).unwrap();
    let required = schema["required"].as_array().unwrap();
    assert!(required.contains(&"version".into()) && required.contains(&"exchange".into()));
    let answer = &schema["$defs"]["Answer"]["enum"];
    assert_eq!(answer.as_array().unwrap().len(), 5);
}

/// Fills `value` with every default the schema gives for what it leaves out, at every level
/// that `value` has; returns how many it filled.
fn fill_defaults(
    schema: &serde_json::Value,
    node: &serde_json::Value,
    value: &mut serde_json::Value,
) -> usize {
    let node = resolve(schema, node);
    let (Some(props), Some(object)) = (node["properties"].as_object(), value.as_object_mut())
    else {
        return 0;
    };
    let mut filled = 0;
    for (key, prop) in props {
        match object.get_mut(key) {
            None => {
                if let Some(default) = prop.get("default") {
                    object.insert(key.clone(), default.clone());
                    filled += 1;
                }
            }
            Some(inner) => filled += fill_defaults(schema, prop, inner),
        }
    }
    filled
}

/// A property's own schema: through `$ref`, and through an optional's `anyOf: [T, null]`.
fn resolve<'a>(
    schema: &'a serde_json::Value,
    node: &'a serde_json::Value,
) -> &'a serde_json::Value {
    if let Some(r) = node["$ref"].as_str() {
        let name = r.trim_start_matches("#/$defs/");
        return resolve(schema, &schema["$defs"][name]);
    }
    if let Some(some) = node["anyOf"]
        .as_array()
        .and_then(|options| options.iter().find(|o| o["type"] != "null"))
    {
        return resolve(schema, some);
    }
    node
}

/// One definition of each default: writing out what the schema says a missing field defaults
/// to reads as leaving it out, at the top and inside every part, and the types' `Default` is what
/// the reader gives a missing part.
#[test]
fn the_schemas_defaults_are_the_readers_and_the_types() {
    use scope_core::Case;
    use scope_core::case::{Connector, EstimateSettings, EvaluationSettings, Simulation, Weights};
    let schema: serde_json::Value = serde_json::from_str(&scope_core::case::json_schema()).unwrap();
    let minimal = serde_json::json!({
        "version": 1,
        "exchange": {"name": "X"},
        "agreement": {"kind": "fixed", "fixed_monthly": "100", "incentives": {"first_users": 1}},
    });
    let read = Case::from_value(minimal.clone()).unwrap();

    // The defaults of the top level, and of the parts the minimal case has.
    let mut top = minimal.clone();
    let filled_top = fill_defaults(&schema, &schema, &mut top);
    assert_eq!(Case::from_value(top).unwrap(), read);

    // Each part written as `{}`, then filled with its own fields' defaults.
    let mut parts = minimal;
    for part in [
        "connector",
        "estimate",
        "simulation",
        "weights",
        "evaluation",
    ] {
        parts[part] = serde_json::json!({});
    }
    let filled_parts = fill_defaults(&schema, &schema, &mut parts);
    assert_eq!(Case::from_value(parts.clone()).unwrap(), read, "{parts:#}");
    // A test that fills nothing would pass whatever the reader did.
    assert!(
        filled_top >= 8 && filled_parts >= 15,
        "{filled_top} {filled_parts}"
    );

    assert_eq!(read.connector, Connector::default());
    assert_eq!(read.estimate, EstimateSettings::default());
    assert_eq!(read.simulation, Simulation::default());
    assert_eq!(read.weights, Weights::default());
    assert_eq!(read.evaluation, EvaluationSettings::default());
}
