//! The scan of each fixture, as the CLI prints it. `UPDATE_EXPECT=1` rewrites them after a
//! reviewed change.

#![allow(clippy::unwrap_used)]

use expect_test::expect_file;
use scope_core::case::Market;
use scope_scan::{Document, scan};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn scanned(names: &[&str], market: Market) -> String {
    let texts: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let docs: Vec<Document<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| Document { name, text })
        .collect();
    scan(&docs, market).to_json() + "\n"
}

#[test]
fn an_openapi_3_yaml_spot_api() {
    expect_file!["golden/spot_openapi.json"]
        .assert_eq(&scanned(&["spot_openapi.yaml"], Market::Spot));
}

#[test]
fn a_swagger_2_json_perpetual_api() {
    expect_file!["golden/perp_swagger.json"]
        .assert_eq(&scanned(&["perp_swagger.json"], Market::Perpetual));
}

#[test]
fn an_asyncapi_websocket_document() {
    expect_file!["golden/ws_asyncapi.json"]
        .assert_eq(&scanned(&["ws_asyncapi.yaml"], Market::Spot));
}

#[test]
fn a_document_with_no_trading_endpoints() {
    expect_file!["golden/no_trading.json"].assert_eq(&scanned(&["no_trading.json"], Market::Spot));
}

#[test]
fn rest_and_websocket_documents_together() {
    expect_file!["golden/spot_rest_and_ws.json"].assert_eq(&scanned(
        &["spot_openapi.yaml", "ws_asyncapi.yaml"],
        Market::Spot,
    ));
}
