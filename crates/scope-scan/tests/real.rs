//! A real public specification of the size the issue names: Binance's spot REST API as its
//! OpenAPI 3 YAML (tests/real/README.md has its provenance). The scan must find every required
//! REST item and the sandbox (the testnet server).

#![allow(clippy::unwrap_used)]

use scope_core::case::{Answer, Market};
use scope_core::maturity::rubric::{ITEMS, SectionId};
use scope_scan::{Document, scan};

#[test]
fn binances_spot_spec_answers_every_required_rest_item_and_the_sandbox() {
    let text = include_str!("real/binance_spot_api.yaml");
    let p = scan(
        &[Document {
            name: "spot_api.yaml",
            text,
        }],
        Market::Spot,
    );
    let doc = &p.documents[0];
    assert_eq!(doc.problem, None);
    assert!(doc.operations > 300, "{doc:?}");
    for item in ITEMS
        .iter()
        .filter(|i| i.section == SectionId::RestRequired)
    {
        let answer = p.answers.get(item.id);
        assert!(
            matches!(
                answer,
                Some(Answer::Documented | Answer::DocumentedWithExamples)
            ),
            "{}: {answer:?}\n{:#?}",
            item.id,
            p.evidence.get(item.id)
        );
    }
    assert!(p.answers.get("sandbox").is_some());
    let sandbox = &p.evidence.get("sandbox").unwrap()[0];
    assert_eq!(sandbox.location, "server https://testnet.binance.vision");
    // The evidence a reviewer reads first is the plain spot endpoint, not a margin twin.
    let first = |item: &str| p.evidence.get(item).unwrap()[0].location.clone();
    assert_eq!(first("rest_markets"), "GET /api/v3/exchangeInfo");
    assert_eq!(first("rest_order_book"), "GET /api/v3/depth");
    assert_eq!(first("rest_create_order"), "POST /api/v3/order");
    assert_eq!(first("rest_balances"), "GET /api/v3/account");
    // Nothing is ever proposed as missing.
    assert!(p.answers.values().all(|a| *a != Answer::NotAvailable));
}
