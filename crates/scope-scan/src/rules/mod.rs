//! What each questionnaire item looks for in a document, and the answer its evidence proposes:
//! examples present, "documented with examples"; described, "documented"; listed without a word,
//! "partial". What a document does not mention stays unanswered.
//! May import: tree, spec.

mod rest;
mod words;
mod ws;

use scope_core::case::{Answer, Market};
use scope_core::maturity::rubric;
use scope_core::prefill::{Evidence, Prefill};
use scope_core::support::order::sorted_by;

use crate::spec::{Api, Operation};
use words::{contains, words as words_of};

/// Evidence kept per item and document: the best few, not every matching endpoint.
const EVIDENCE_PER_ITEM: usize = 3;

/// The proposals one document makes, its evidence naming `source`.
pub fn prefill(api: &Api, source: &str, market: Market) -> Prefill {
    let mut found: Found = Vec::new();
    let op_words: Vec<_> = api
        .operations
        .iter()
        .map(rest::OperationWords::new)
        .collect();
    for rule in rest::RULES {
        for (o, w) in api.operations.iter().zip(&op_words) {
            if let Some((why, strength)) = rest::matches(rule, o, w) {
                let answer = level(o.examples, o.described);
                let why = with_level(why, o.examples, o.described);
                found.push((rule.item, answer, location(o), why, strength));
            }
        }
    }
    for rule in ws::RULES {
        for c in &api.channels {
            if let Some(why) = ws::matches(rule, c) {
                let answer = level(c.examples, c.described);
                let why = with_level(why, c.examples, c.described);
                found.push((rule.item, answer, format!("channel {}", c.name), why, 1));
            }
        }
    }
    signing(api, &mut found);
    signing_prose(api, &mut found);
    rate_limits(api, &mut found);
    sandbox(api, &mut found);
    errors(api, &mut found);
    mentions(api, &mut found);

    let mut p = Prefill::default();
    let applies = |item: &str| {
        rubric::item(item).is_some_and(|i| market.has_perpetual() || !i.perpetual_only())
    };
    for item in rubric::ITEMS.iter().map(|i| i.id).filter(|i| applies(i)) {
        let mine: Vec<_> = found.iter().filter(|f| f.0 == item).collect();
        // The best answer first, then the match that more of the operation's names make (the
        // path and the summary over the summary alone), then the document's order.
        let mine = sorted_by(mine, |a, b| (rank(b.1), b.4).cmp(&(rank(a.1), a.4)));
        let mut locations: Vec<&str> = Vec::new();
        for (_, answer, location, why, _) in mine {
            if locations.len() == EVIDENCE_PER_ITEM {
                break;
            }
            if locations.contains(&location.as_str()) {
                continue;
            }
            locations.push(location);
            p.propose(
                item,
                Evidence {
                    source: source.to_string(),
                    location: location.clone(),
                    why: why.clone(),
                    answer: Some(*answer),
                },
            );
        }
    }
    p
}

fn rank(answer: Answer) -> usize {
    Answer::LEVELS
        .iter()
        .position(|a| *a == answer)
        .unwrap_or(0)
}

fn level(examples: bool, described: bool) -> Answer {
    match (examples, described) {
        (true, _) => Answer::DocumentedWithExamples,
        (false, true) => Answer::Documented,
        (false, false) => Answer::Partial,
    }
}

fn with_level(why: String, examples: bool, described: bool) -> String {
    match (examples, described) {
        (true, _) => format!("{why}; examples present"),
        (false, true) => format!("{why}; described, no examples"),
        (false, false) => format!("{why}; listed without a description"),
    }
}

fn location(o: &Operation) -> String {
    format!("{} {}", o.method, o.path)
}

/// Item, answer, location, why, and how strongly the names match (`rest::matches`; 1 for
/// everything else).
type Found = Vec<(&'static str, Answer, String, String, i64)>;

/// Security schemes, or a signature parameter on the operations.
fn signing(api: &Api, found: &mut Found) {
    for s in &api.schemes {
        let kind = if s.kind.is_empty() {
            "no type"
        } else {
            s.kind.as_str()
        };
        found.push((
            "auth_signing",
            Answer::Documented,
            format!("security scheme {}", s.name),
            format!(
                "a security scheme ({kind}){}",
                if s.described { ", described" } else { "" }
            ),
            1,
        ));
    }
    let signature = words_of("signature");
    let sign = words_of("sign");
    let signed = api.operations.iter().find(|o| {
        o.params
            .iter()
            .map(|p| words_of(p))
            .any(|w| w == signature || w == sign)
    });
    if let Some(o) = signed {
        let n = api
            .operations
            .iter()
            .filter(|o| {
                o.params
                    .iter()
                    .any(|p| words_of(p) == signature || words_of(p) == sign)
            })
            .count();
        found.push((
            "auth_signing",
            level(o.examples, true),
            location(o),
            format!(
                "a signature parameter, on {n} operations{}",
                if o.examples { "; examples present" } else { "" }
            ),
            1,
        ));
    }
}

/// Signing explained in the document's prose (some documents have no security scheme).
fn signing_prose(api: &Api, found: &mut Found) {
    if let Some(w) = ["hmac", "signature", "signed request", "sign the request"]
        .iter()
        .find(|w| api.text.contains(*w))
    {
        found.push((
            "auth_signing",
            Answer::Documented,
            "info.description".into(),
            format!("the document's description explains signing (\"{w}\")"),
            1,
        ));
    }
}

/// Weights or limits on the operations, rate-limit headers, 429 responses, the prose.
fn rate_limits(api: &Api, found: &mut Found) {
    let noted = |o: &&Operation| {
        [
            "weight",
            "rate limit",
            "ratelimit",
            "rate-limit",
            "requests per",
            "x-rate",
        ]
        .iter()
        .any(|w| o.notes.contains(w))
            || o.headers.iter().any(|h| {
                let h = h.to_lowercase();
                h.contains("ratelimit") || h.contains("rate-limit") || h.contains("weight")
            })
    };
    let with: Vec<&Operation> = api.operations.iter().filter(noted).collect();
    if let Some(first) = with.first() {
        let most = with.len() * 2 >= api.operations.len();
        found.push((
            "rate_limits",
            if most {
                Answer::DocumentedWithExamples
            } else {
                Answer::Documented
            },
            location(first),
            format!(
                "weights or limits on {} of {} operations",
                with.len(),
                api.operations.len()
            ),
            1,
        ));
    }
    if ["rate limit", "ratelimit", "request weight"]
        .iter()
        .any(|w| api.text.contains(w))
    {
        found.push((
            "rate_limits",
            Answer::Documented,
            "info.description".into(),
            "the document's description explains rate limits".into(),
            1,
        ));
    }
}

/// A server named or described as a test, sandbox, testnet or demo environment.
fn sandbox(api: &Api, found: &mut Found) {
    // Whole words: a host named "greatestexchange" holds "test" but is no test server.
    const WORDS: [&str; 8] = [
        "test",
        "testnet",
        "sandbox",
        "demo",
        "paper",
        "uat",
        "simulated",
        "simulation",
    ];
    for s in &api.servers {
        let text = words_of(&format!("{} {} {}", s.name, s.url, s.description));
        if let Some(w) = WORDS.iter().find(|w| text.iter().any(|t| t == *w)) {
            found.push((
                "sandbox",
                Answer::Documented,
                format!("server {}", s.url),
                format!("a server named \"{w}\""),
                1,
            ));
        }
    }
}

/// Reusable error schemas, or operations that describe their error responses.
fn errors(api: &Api, found: &mut Found) {
    let error = words_of("error");
    if let Some(name) = api
        .schema_names
        .iter()
        .find(|n| contains(&words_of(n), &error))
    {
        found.push((
            "error_codes",
            Answer::Documented,
            format!("schema {name}"),
            "a reusable error schema".into(),
            1,
        ));
    }
    let with: Vec<&Operation> = api.operations.iter().filter(|o| o.errors).collect();
    if let Some(first) = with.first() {
        found.push((
            "error_codes",
            Answer::Documented,
            location(first),
            format!(
                "error responses described on {} of {} operations",
                with.len(),
                api.operations.len()
            ),
            1,
        ));
    }
    if ["error code", "error codes"]
        .iter()
        .any(|w| api.text.contains(w))
    {
        found.push((
            "error_codes",
            Answer::Documented,
            "info.description".into(),
            "the document's description lists error codes".into(),
            1,
        ));
    }
}

/// A changelog or an SDK named in the document's prose or links.
fn mentions(api: &Api, found: &mut Found) {
    let links = api.links.join(" ").to_lowercase();
    for (item, words, what) in [
        (
            "changelog",
            &["changelog", "change log", "release notes"][..],
            "a changelog",
        ),
        (
            "official_sdk",
            &["sdk", "client librar", "connector librar"][..],
            "an SDK or client library",
        ),
    ] {
        if let Some(w) = words
            .iter()
            .find(|w| api.text.contains(*w) || links.contains(*w))
        {
            found.push((
                item,
                Answer::Documented,
                "info".into(),
                format!("the document names {what} (\"{w}\")"),
                1,
            ));
        }
    }
}
