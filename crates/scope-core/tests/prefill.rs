//! Answers proposed from CCXT's table, and how proposals are accepted into a case.

#![allow(clippy::unwrap_used)]

use scope_core::case::{Answer, Build, ExchangeKind, Market};
use scope_core::estimate::connectors;
use scope_core::maturity::rubric::ITEMS;
use scope_core::prefill::{Evidence, Prefill, ccxt};
use scope_core::workbench::session::Edit;
use scope_core::{Case, Rank};

fn as_of() -> scope_core::support::date::Date {
    "2026-12-01".parse().unwrap()
}

#[test]
fn the_table_reads_whole_and_names_real_connectors() {
    let rows = include_str!("../data/ccxt_exchanges.csv").lines().count() - 1;
    let all = ccxt::exchanges();
    assert_eq!(all.len(), rows, "a row of the table did not read");
    assert!(all.len() > 90);
    for e in &all {
        for c in &e.hummingbot {
            assert!(
                connectors::find(c).is_some(),
                "{}: {c} is not a connector",
                e.id
            );
        }
    }
    assert_eq!(
        ccxt::find("binance").unwrap().hummingbot,
        ["binance", "binance_perpetual"]
    );
    assert_eq!(
        ccxt::find("gate").unwrap().hummingbot,
        ["gate_io", "gate_io_perpetual"]
    );
    assert!(ccxt::find("no such exchange").is_none());
}

#[test]
fn search_puts_names_that_start_with_the_query_first() {
    let found: Vec<_> = ccxt::search("BIN").into_iter().map(|e| e.id).collect();
    assert_eq!(found[0], "binance");
    assert!(found.contains(&"bingx"));
    // "coin" is inside "bitcoin...": starts-with first, then the rest.
    let coin = ccxt::search("coin");
    let first_inner = coin.iter().position(|e| !e.id.starts_with("coin")).unwrap();
    assert!(
        coin[first_inner..]
            .iter()
            .all(|e| !e.id.starts_with("coin"))
    );
    assert_eq!(ccxt::search("Gate")[0].id, "gate");
    assert_eq!(ccxt::search("crypto.com")[0].id, "cryptocom");
    assert!(ccxt::search("zzzz").is_empty());
}

#[test]
fn ccxt_proposes_available_never_not_available_and_lists_the_rest() {
    for e in ccxt::exchanges() {
        for market in [Market::Spot, Market::Perpetual] {
            let p = e.prefill(market);
            assert!(
                p.answers.values().all(|a| *a == Answer::Partial),
                "{}",
                e.id
            );
            let applicable = ITEMS
                .iter()
                .filter(|i| market.has_perpetual() || !i.perpetual_only())
                .count();
            assert_eq!(p.answers.len() + p.not_found.len(), applicable, "{}", e.id);
            for (item, list) in p.evidence.iter() {
                assert!(!list.is_empty());
                assert!(list.iter().all(|ev| ev.source == e.source()), "{item}");
            }
            if market == Market::Spot {
                assert!(p.answers.keys().all(|k| !k.starts_with("perp_")));
            }
        }
    }
}

#[test]
fn starting_from_binance_is_a_modification_with_ccxts_answers() {
    let e = ccxt::find("binance").unwrap();
    let case = e.start_case(as_of());
    assert_eq!(case.exchange.name, "Binance");
    assert_eq!(case.exchange.kind, ExchangeKind::Cex);
    assert_eq!(case.connector.market, Market::Spot);
    assert_eq!(
        case.connector.build,
        Build::New,
        "a modification is the user's to say"
    );
    assert_eq!(case.connector.precedent.as_deref(), Some("binance"));
    assert_eq!(case.api.get("rest_order_book"), Some(&Answer::Partial));
    assert_eq!(case.api.get("sandbox"), Some(&Answer::Partial));
    assert!(
        case.api.get("rest_client_order_id").is_none(),
        "CCXT has no flag for it"
    );
    let source = format!("CCXT {} (binance)", ccxt::version());
    assert!(case.api_sources.values().all(|s| *s == source));
    assert_eq!(case.api_sources.len(), case.api.len());
    // A valid case file, round trip included, and not blocked.
    let back = Case::from_json(&case.to_json()).unwrap();
    assert_eq!(back, case);
    assert_ne!(scope_core::rank(&case).rank, Rank::Blocked);

    let dex = ccxt::exchanges()
        .into_iter()
        .find(|e| e.dex && !e.spot && e.swap)
        .unwrap();
    let case = dex.start_case(as_of());
    assert_eq!(case.exchange.kind, ExchangeKind::Dex);
    assert_eq!(case.connector.market, Market::Perpetual);
    assert!(Case::from_json(&case.to_json()).is_ok(), "{}", dex.id);
}

fn proposal(item: &str, answer: Answer, source: &str) -> Prefill {
    let mut p = Prefill::default();
    p.propose(
        item,
        Evidence {
            source: source.into(),
            location: "GET /x".into(),
            why: "test".into(),
            answer: Some(answer),
        },
    );
    p
}

#[test]
fn accepting_keeps_the_users_answers_unless_asked_and_upgrades_sourced_ones() {
    let mut case = scope_core::case::blank_case(as_of());
    case.api.insert("rest_markets".into(), Answer::NotAvailable);
    let p = proposal("rest_markets", Answer::DocumentedWithExamples, "spot.yaml");
    assert!(
        p.accepted(&case, false).is_empty(),
        "the user's own answer is kept"
    );
    assert_eq!(p.apply(&mut case, true), 1);
    assert_eq!(
        case.api.get("rest_markets"),
        Some(&Answer::DocumentedWithExamples)
    );
    assert_eq!(
        case.api_sources.get("rest_markets").map(String::as_str),
        Some("spot.yaml")
    );

    // A sourced answer gives way to one that says more, not to one that says less.
    let mut case = scope_core::case::blank_case(as_of());
    proposal("ws_order_book", Answer::Partial, "CCXT").apply(&mut case, false);
    assert_eq!(
        proposal("ws_order_book", Answer::NotAvailable, "b").apply(&mut case, false),
        0
    );
    assert_eq!(
        proposal("ws_order_book", Answer::Documented, "ws.yaml").apply(&mut case, false),
        1
    );
    assert_eq!(
        case.api_sources.get("ws_order_book").map(String::as_str),
        Some("ws.yaml")
    );
}

#[test]
fn the_best_answer_wins_and_names_its_source() {
    let mut p = proposal("rest_markets", Answer::Documented, "a.json");
    p.merge(proposal(
        "rest_markets",
        Answer::DocumentedWithExamples,
        "b.yaml",
    ));
    p.merge(proposal("rest_markets", Answer::Partial, "c.json"));
    assert_eq!(
        p.answers.get("rest_markets"),
        Some(&Answer::DocumentedWithExamples)
    );
    assert_eq!(p.source("rest_markets"), Some("b.yaml"));
    assert_eq!(p.evidence.get("rest_markets").unwrap().len(), 3);
    let p = p.finish(Market::Spot);
    assert!(!p.not_found.contains(&"rest_markets".to_string()));
    assert_eq!(Prefill::from_json(&p.to_json()).unwrap(), p);
}

#[test]
fn a_source_names_an_answer_and_goes_when_the_user_changes_it() {
    let mut case = scope_core::case::blank_case(as_of());
    case.api_sources
        .insert("rest_markets".into(), "spot.yaml".into());
    let problems = case.problems();
    assert!(
        problems
            .iter()
            .any(|e| e.path == "api_sources.rest_markets"),
        "{problems:?}"
    );
    case.api.insert("rest_markets".into(), Answer::Documented);
    case.api_sources
        .insert("rest_markets".into(), "two\nlines".into());
    assert!(
        case.problems()
            .iter()
            .any(|e| e.path == "api_sources.rest_markets")
    );

    let mut case = scope_core::case::blank_case(as_of());
    proposal("rest_markets", Answer::Documented, "spot.yaml").apply(&mut case, false);
    let mut session = scope_core::workbench::session::Session::new(case);
    session.apply(Edit::Answer("rest_markets".into(), Some(Answer::Partial)));
    assert!(session.valid().api_sources.is_empty());
}

#[test]
fn the_report_and_the_proposal_say_where_answers_came_from() {
    let mut case = ccxt::find("binance").unwrap().start_case(as_of());
    case.api
        .insert("rest_client_order_id".into(), Answer::Documented);
    let source = format!("CCXT {} (binance)", ccxt::version());
    let maturity =
        scope_core::reports::maturity::document(&case, &scope_core::rank(&case)).to_markdown();
    let proposal = scope_core::reports::proposal::proposal(&case).to_markdown();
    for md in [&maturity, &proposal] {
        assert!(md.contains("Where the answers came from:"), "{md}");
        assert!(md.contains(&format!("**{source}**")), "{md}");
        assert!(md.contains("Given by hand: 1 answer."), "{md}");
    }
    // A case answered by hand says nothing of sources.
    let own = scope_core::case::blank_case(as_of());
    let md = scope_core::reports::maturity::document(&own, &scope_core::rank(&own)).to_markdown();
    assert!(!md.contains("Where the answers came from"));
}

#[test]
fn picking_an_exchange_by_name_says_what_to_do_when_it_cannot() {
    assert_eq!(ccxt::pick("binance").unwrap().id, "binance");
    assert_eq!(ccxt::pick(" KRAKEN ").unwrap().id, "kraken");
    assert_eq!(ccxt::pick("Crypto.com").unwrap().id, "cryptocom");
    let many = ccxt::pick("bin").unwrap_err();
    assert!(
        many.contains("exchanges match \"bin\"") && many.contains("Binance"),
        "{many}"
    );
    assert!(
        ccxt::pick("zzzz")
            .unwrap_err()
            .contains("No exchange in CCXT")
    );
    assert!(ccxt::pick("  ").unwrap_err().contains("Type an exchange"));
    // Nothing a name is compared by matches nothing, not every exchange.
    for query in ["🚀", "كراكن", "---", "ß"] {
        let why = ccxt::pick(query).unwrap_err();
        assert!(why.contains("Latin letters and digits"), "{query}: {why}");
        assert_eq!(ccxt::unsearchable(query), Some(why));
    }
    assert_eq!(ccxt::unsearchable("Kraken"), None);
    let e = ccxt::find("binance").unwrap();
    let note = e.start_note(&e.start_case(as_of()));
    assert!(
        note.contains("Hummingbot already has a connector for it (binance)"),
        "{note}"
    );
    assert!(ccxt::source_note(&e.source()).is_some());
    assert!(ccxt::source_note("spot_api.yaml").is_none());
}

#[test]
fn the_review_ticks_new_and_better_answers_and_keeps_the_users_own() {
    use scope_core::prefill::review::{Change, chosen, rows};
    let mut case = scope_core::case::blank_case(as_of());
    case.api.insert("rest_markets".into(), Answer::Partial); // the user's own
    proposal("ws_order_book", Answer::Partial, "CCXT").apply(&mut case, false);
    let mut p = proposal("rest_markets", Answer::Documented, "spot.yaml");
    p.merge(proposal(
        "ws_order_book",
        Answer::DocumentedWithExamples,
        "ws.yaml",
    ));
    p.merge(proposal("rest_order_book", Answer::Documented, "spot.yaml"));
    p.merge(proposal("perp_positions", Answer::Documented, "spot.yaml"));
    let r = rows(&p, &case, Market::Spot);
    let change: Vec<_> = r.iter().map(|r| (r.item, r.change)).collect();
    assert_eq!(
        change,
        [
            ("rest_markets", Change::Keeps),
            ("rest_order_book", Change::Answers),
            ("ws_order_book", Change::Improves),
        ],
        "perpetual items are not shown for a spot connector"
    );
    let by_default = chosen(&r, |r| r.change.by_default());
    assert_eq!(by_default.len(), 2);
    let all = chosen(&r, |_| true);
    assert_eq!(
        all[0],
        (
            "rest_markets".into(),
            Answer::Documented,
            "spot.yaml".into()
        )
    );
}
