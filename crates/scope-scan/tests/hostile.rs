//! Hostile documents: each must end with a message or a scan, never a panic, a stack overflow, a
//! hang or memory without bound. (How long they take is measured in benches/, not asserted.)

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use scope_core::case::{Answer, Market};
use scope_scan::{Document, scan};

fn one(text: &str) -> scope_core::prefill::Prefill {
    scan(
        &[Document {
            name: "hostile",
            text,
        }],
        Market::Perpetual,
    )
}

fn problem(text: &str) -> String {
    one(text).documents[0].problem.clone().unwrap_or_default()
}

#[test]
fn five_megabytes_of_nesting_are_refused_by_depth() {
    let n = 2_500_000;
    let json = "[".repeat(n) + &"]".repeat(n);
    assert!(
        problem(&json).contains("nested more than 128"),
        "{}",
        problem(&json)
    );
    let yaml = format!("openapi: 3.0.0\npaths: {}", "[".repeat(5_000_000));
    assert!(
        problem(&yaml).contains("nested more than 128"),
        "{}",
        problem(&yaml)
    );
    let mut block = String::from("openapi: 3.0.0\n");
    for i in 0..300 {
        block.push_str(&" ".repeat(i));
        block.push_str("k:\n");
    }
    assert!(problem(&block).contains("nested"));
}

#[test]
fn a_document_over_the_limit_is_not_read() {
    let big = " ".repeat(scope_scan::tree::MAX_BYTES + 1);
    assert!(problem(&big).contains("MiB"));
}

#[test]
fn reference_cycles_end() {
    let doc = r##"{
      "openapi": "3.0.0", "info": {"title": "cycles"},
      "components": {"schemas": {
        "A": {"$ref": "#/components/schemas/B"},
        "B": {"$ref": "#/components/schemas/A"},
        "Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"},
                                                   "all": {"type": "array", "items": {"$ref": "#"}}}}
      }},
      "paths": {
        "/loop": {"$ref": "#/paths/~1loop"},
        "/depth": {"get": {"summary": "Order book", "parameters": [{"$ref": "#/components/schemas/A"}],
                           "responses": {"200": {"description": "b", "content": {"application/json":
                             {"schema": {"$ref": "#/components/schemas/Node"}}}},
                                         "default": {"$ref": "#/components/schemas/A"}}}},
        "/broken": {"get": {"summary": "Ticker", "responses": {"200": {"$ref": "#/no/such/place"}}}},
        "/escaped": {"get": {"responses": {"200": {"$ref": "#/paths/~1depth/get/responses/200"}}}}
      }
    }"##;
    let p = one(doc);
    assert_eq!(p.documents[0].problem, None);
    assert_eq!(p.documents[0].operations, 3);
    assert_eq!(p.answers.get("rest_order_book"), Some(&Answer::Documented));
}

#[test]
fn an_alias_bomb_costs_its_edges_not_its_expansion() {
    // Ten levels of ten aliases: 10^10 nodes if expanded.
    let mut yaml =
        String::from("openapi: 3.0.0\ninfo: {title: bomb}\nx0: &a0 [\"example\", \"x\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        yaml.push_str(&format!("x{i}: &a{i} [{refs}]\n"));
    }
    yaml.push_str("paths:\n  /depth:\n    get:\n      summary: Order book\n      responses:\n        '200':\n          description: b\n          content:\n            application/json:\n              examples: *a9\n");
    let p = one(&yaml);
    assert_eq!(p.documents[0].problem, None);
    assert_eq!(
        p.answers.get("rest_order_book"),
        Some(&Answer::DocumentedWithExamples)
    );
}

#[test]
fn five_megabytes_of_operations_end_within_the_budget() {
    let mut doc =
        String::from("{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"wide\"}, \"paths\": {");
    let mut i = 0;
    while doc.len() < 5_000_000 {
        if i > 0 {
            doc.push(',');
        }
        doc.push_str(&format!(
            "\"/api/v1/thing{i}/order\": {{\"post\": {{\"summary\": \"New order {i}\", \"parameters\": [{{\"name\": \"clientOrderId\"}}], \"responses\": {{\"200\": {{\"description\": \"ok\"}}}}}}}}"
        ));
        i += 1;
    }
    doc.push_str("}}");
    let p = one(&doc);
    let read = &p.documents[0];
    assert!(read.operations > 10_000, "{read:?}");
    assert_eq!(
        p.answers.get("rest_create_order"),
        Some(&Answer::Documented)
    );
    // The evidence stays a few lines per item, however many operations match.
    assert!(p.evidence.values().all(|list| list.len() <= 3));
}

#[test]
fn texts_that_are_not_api_documents_say_so() {
    assert!(problem("").contains("empty"));
    assert!(problem("just words").contains("not an OpenAPI"));
    assert!(
        problem("{\"openapi\": 3}").contains("not an OpenAPI")
            || problem("{\"openapi\": 3}").contains("version")
    );
    assert!(problem("openapi: 2.0\n").contains("not a version"));
    assert!(problem("asyncapi: 1.2.0\n").contains("not a version"));
    assert!(problem("a: [1, 2").contains("not JSON or YAML"));
    assert!(problem("\u{feff}{\"swagger\": \"2.0\"}").is_empty());
    assert!(problem("a: *undefined\n").contains("not JSON or YAML"));
    // Several YAML documents in one stream: the first is read.
    assert!(problem("openapi: 3.0.0\n---\nsecond: doc\n").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_ends_with_a_scan_or_a_message(text in ".{0,400}") {
        let p = one(&text);
        prop_assert!(p.answers.values().all(|a| *a != Answer::NotAvailable));
    }

    #[test]
    fn any_tree_of_api_words_ends_without_panic(doc in api_doc()) {
        for text in [doc.clone(), format!("openapi: 3.0.0\n{}", doc)] {
            let p = one(&text);
            prop_assert!(p.answers.values().all(|a| *a != Answer::NotAvailable));
            prop_assert!(p.evidence.values().all(|list| !list.is_empty() && list.len() <= 3));
        }
    }
}

/// JSON documents made of the words the scanner reads (`paths`, `$ref`s to places that may or
/// may not exist, `examples`...), nested at random.
fn api_doc() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "paths",
        "get",
        "post",
        "delete",
        "responses",
        "200",
        "400",
        "content",
        "schema",
        "properties",
        "$ref",
        "examples",
        "example",
        "parameters",
        "name",
        "in",
        "body",
        "channels",
        "subscribe",
        "message",
        "oneOf",
        "servers",
        "url",
        "components",
        "securitySchemes",
        "/api/order",
        "/depth",
        "summary",
        "operationId",
        "x-weight",
    ]);
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("\"#/paths\"".to_string()),
        Just("\"#/components/schemas/A\"".to_string()),
        Just("\"#\"".to_string()),
        Just("\"#/paths/~1depth/get\"".to_string()),
        "[a-z ]{0,12}".prop_map(|s| format!("{s:?}")),
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|v| {
                let fields: Vec<String> = v.iter().map(|(k, v)| format!("{k:?}: {v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
    .prop_map(|body| format!("{{\"openapi\": \"3.0.0\", \"x\": {body}, \"paths\": {body}, \"components\": {{\"schemas\": {{\"A\": {body}}}}}}}"))
}

#[test]
fn aliases_that_copy_text_stay_bounded() {
    // 3,000 paths alias one path item whose summary is an alias of a 1 MB string: each operation
    // keeps its own (clipped) copy, not a megabyte each.
    let mut yaml = format!(
        "openapi: 3.0.0\ninfo: {{title: t}}\nx-big: &big \"{}\"\nx-item: &item {{get: {{summary: *big, responses: {{'200': {{description: ok}}}}}}}}\npaths:\n",
        "a".repeat(1_000_000)
    );
    for i in 0..3_000 {
        yaml.push_str(&format!("  /p{i}: *item\n"));
    }
    let p = one(&yaml);
    assert_eq!(p.documents[0].problem, None);
    assert_eq!(p.documents[0].operations, 3_000);
    // An alias used as a map key is copied as text: past the budget, the document is refused.
    let mut keys = format!(
        "openapi: 3.0.0\nx-k: &k \"{}\"\npaths:\n",
        "k".repeat(1_000_000)
    );
    for i in 0..40 {
        keys.push_str(&format!("  /p{i}: {{*k : 1}}\n"));
    }
    assert!(
        problem(&keys).contains("copy more than 32 MiB"),
        "{}",
        problem(&keys)
    );
}

#[test]
fn lookups_in_huge_maps_stop_at_the_work_budget() {
    // 40,000 schemas and 40,000 operations, each referencing the last schema by name: every
    // reference scans the whole map. The scan stops at the budget and says so.
    let n = 40_000;
    let mut doc = String::from("{\"openapi\": \"3.0.0\", \"components\": {\"schemas\": {");
    for i in 0..n {
        doc.push_str(&format!(
            "{}\"S{i}\": {{\"type\": \"object\"}}",
            if i > 0 { "," } else { "" }
        ));
    }
    doc.push_str("}}, \"paths\": {");
    for i in 0..n {
        doc.push_str(&format!(
            "{}\"/o{i}\": {{\"get\": {{\"responses\": {{\"200\": {{\"content\": {{\"a/b\": {{\"schema\": {{\"$ref\": \"#/components/schemas/S{}\"}}}}}}}}}}}}}}",
            if i > 0 { "," } else { "" },
            n - 1
        ));
    }
    doc.push_str("}}");
    let p = one(&doc);
    assert!(
        p.documents[0]
            .problem
            .as_deref()
            .unwrap_or("")
            .contains("not read"),
        "{:?}",
        p.documents[0]
    );
}

#[test]
fn a_schema_with_a_hundred_thousand_properties_is_read_once() {
    let props: Vec<String> = (0..100_000)
        .map(|i| format!("\"f{i}\": {{\"type\": \"string\"}}"))
        .collect();
    let doc = format!(
        "{{\"openapi\": \"3.0.0\", \"paths\": {{\"/api/v1/depth\": {{\"get\": {{\"summary\": \"Order book\", \"responses\": {{\"200\": {{\"description\": \"x\", \"content\": {{\"a/b\": {{\"schema\": {{\"type\": \"object\", \"properties\": {{{}}}}}}}}}}}}}}}}}}}}}",
        props.join(",")
    );
    let p = one(&doc);
    assert_eq!(p.answers.get("rest_order_book"), Some(&Answer::Documented));
}

#[test]
fn a_test_server_is_named_by_a_word_not_inside_one() {
    let doc = "openapi: 3.0.0\nservers: [{url: 'https://api.greatestexchange.com'}]\npaths: {}\n";
    assert!(one(doc).answers.get("sandbox").is_none());
    let doc = "openapi: 3.0.0\nservers: [{url: 'https://api-testnet.example.com'}]\npaths: {}\n";
    assert!(one(doc).answers.get("sandbox").is_some());
}
