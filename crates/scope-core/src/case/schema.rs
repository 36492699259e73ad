//! The JSON Schema of the case file.

use super::Case;

/// The JSON Schema of the case file, generated from these types.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Case);
    let text =
        crate::support::pretty::pretty(&serde_json::to_string(&schema).unwrap_or_default()) + "\n";
    // schemars describes rust_decimal's own parser, which takes an exponent; the reader takes
    // plain decimals only (money::parse_amount).
    text.replace(r#"(\\.\\d+)?([eE]\\d+)?$"#, r#"(\\.\\d+)?$"#)
}
