//! What CCXT implements for each exchange (data/ccxt_exchanges.csv, made by `cargo xtask data
//! ccxt` from the ccxt npm package of the version in data/ccxt_version.txt), as evidence for the
//! questionnaire. CCXT shows that a capability exists and works, not how well the exchange
//! documents it: its evidence proposes "partial" (undocumented but available) until the exchange
//! or its documents say more.

use crate::case::{Answer, Case, ExchangeKind, Market, blank_case};
use crate::maturity::rubric;
use crate::support::date::Date;
use crate::support::order::sorted_by;

use super::{Evidence, Prefill};

const TABLE: &str = include_str!("../../data/ccxt_exchanges.csv");
const VERSION_FILE: &str = include_str!("../../data/ccxt_version.txt");

/// The ccxt release the table was made from.
pub fn version() -> &'static str {
    VERSION_FILE.trim()
}

/// CCXT's method, the item it shows, and what it says.
const MAP: &[(&str, &str, &str)] = &[
    ("fetchMarkets", "rest_markets", "CCXT lists the markets"),
    (
        "fetchMarkets",
        "rest_trading_rules",
        "CCXT reads each market's precision and limits",
    ),
    ("fetchTicker", "rest_last_price", "CCXT fetches a ticker"),
    (
        "fetchTickers",
        "rest_last_price",
        "CCXT fetches all tickers",
    ),
    (
        "fetchOrderBook",
        "rest_order_book",
        "CCXT fetches a book snapshot",
    ),
    (
        "fetchTime",
        "rest_server_time",
        "CCXT fetches the server time",
    ),
    ("fetchBalance", "rest_balances", "CCXT fetches balances"),
    (
        "fetchOpenOrders",
        "rest_open_orders",
        "CCXT lists open orders",
    ),
    ("createOrder", "rest_create_order", "CCXT places orders"),
    ("createOrder", "auth_signing", "CCXT signs private requests"),
    ("cancelOrder", "rest_cancel_order", "CCXT cancels orders"),
    ("fetchOrder", "rest_order_status", "CCXT fetches one order"),
    (
        "fetchMyTrades",
        "rest_trade_fills",
        "CCXT fetches the account's fills",
    ),
    ("watchOrderBook", "ws_order_book", "CCXT streams the book"),
    (
        "watchOrders",
        "ws_user_stream",
        "CCXT streams order updates",
    ),
    (
        "watchMyTrades",
        "ws_user_stream",
        "CCXT streams the account's fills",
    ),
    ("watchBalance", "ws_balances", "CCXT streams balances"),
    (
        "watchTrades",
        "ws_public_trades",
        "CCXT streams public trades",
    ),
    (
        "fetchFundingRate",
        "perp_funding_info",
        "CCXT fetches funding rates",
    ),
    (
        "fetchFundingHistory",
        "perp_funding_payments",
        "CCXT fetches funding payments",
    ),
    ("fetchPositions", "perp_positions", "CCXT fetches positions"),
    ("setLeverage", "perp_leverage", "CCXT sets leverage"),
    (
        "setPositionMode",
        "perp_position_mode",
        "CCXT sets the position mode",
    ),
    (
        "watchPositions",
        "ws_position_updates",
        "CCXT streams positions",
    ),
];

/// One exchange as CCXT knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CcxtExchange {
    pub id: &'static str,
    pub name: &'static str,
    pub dex: bool,
    pub spot: bool,
    pub swap: bool,
    /// CCXT knows a test (sandbox) URL.
    pub test_url: bool,
    /// Its first documentation link (empty when CCXT has none).
    pub doc: &'static str,
    implements: &'static str,
    emulates: &'static str,
    /// The Hummingbot connectors for the same exchange (folder names).
    pub hummingbot: Vec<&'static str>,
}

/// Every exchange in the table, in CCXT's order (by id).
pub fn exchanges() -> Vec<CcxtExchange> {
    TABLE.lines().skip(1).filter_map(row).collect()
}

fn row(line: &'static str) -> Option<CcxtExchange> {
    let f: Vec<&'static str> = line.split(',').collect();
    let [
        id,
        name,
        dex,
        spot,
        swap,
        test,
        doc,
        implements,
        emulates,
        hummingbot,
    ] = f[..]
    else {
        return None;
    };
    Some(CcxtExchange {
        id,
        name,
        dex: dex == "true",
        spot: spot == "true",
        swap: swap == "true",
        test_url: test == "true",
        doc,
        implements,
        emulates,
        hummingbot: hummingbot.split_whitespace().collect(),
    })
}

pub fn find(id: &str) -> Option<CcxtExchange> {
    exchanges().into_iter().find(|e| e.id == id)
}

/// The exchanges whose id or name contains `query` (ignoring case, spaces and punctuation),
/// those that start with it first.
pub fn search(query: &str) -> Vec<CcxtExchange> {
    let q = fold(query);
    let found = exchanges()
        .into_iter()
        .filter_map(|e| {
            let (id, name) = (fold(e.id), fold(e.name));
            let starts = id.starts_with(&q) || name.starts_with(&q);
            (starts || id.contains(&q) || name.contains(&q)).then_some((!starts, e))
        })
        .collect();
    sorted_by(found, |a: &(bool, CcxtExchange), b| a.0.cmp(&b.0))
        .into_iter()
        .map(|(_, e)| e)
        .collect()
}

/// Names within two typing mistakes of `query` (a letter left out, added, changed), for
/// "did you mean".
pub fn near(query: &str) -> Vec<&'static str> {
    let q = fold(query);
    exchanges()
        .into_iter()
        .filter(|e| [e.id, e.name].iter().any(|n| distance(&fold(n), &q) <= 2))
        .map(|e| e.name)
        .take(5)
        .collect()
}

/// Letters and digits in lower case: how names are compared. ASCII only: the table's names are,
/// and Unicode's case tables would weigh on the bundle.
fn fold(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Levenshtein distance (the names are short: a row at a time).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// The one exchange `query` names: its id or name exactly (ignoring case), or the only match.
/// Otherwise what to tell the user.
/// Why `query` cannot name an exchange whatever the table holds (nothing typed, or nothing a
/// name is compared by), or `None`. Reads no table: the app asks before fetching it.
pub fn unsearchable(query: &str) -> Option<String> {
    let q = query.trim();
    if q.is_empty() {
        return Some("Type an exchange's name to start from what CCXT knows of it.".into());
    }
    fold(q).is_empty().then(|| {
        format!(
            "No exchange in CCXT {} matches \"{}\": its names are written in Latin letters and digits.",
            version(),
            crate::support::escape::one_line(q, 40)
        )
    })
}

pub fn pick(query: &str) -> Result<CcxtExchange, String> {
    if let Some(why) = unsearchable(query) {
        return Err(why);
    }
    let q = query.trim();
    let found = search(q);
    if let Some(e) = found
        .iter()
        .find(|e| e.id.eq_ignore_ascii_case(q) || e.name.eq_ignore_ascii_case(q))
    {
        return Ok(e.clone());
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => match near(q).as_slice() {
            [] => Err(format!(
                "No exchange in CCXT {} matches \"{}\": start from a blank case and answer the questionnaire.",
                version(),
                crate::support::escape::one_line(q, 40)
            )),
            near => Err(format!(
                "No exchange in CCXT {} matches \"{}\": did you mean {}?",
                version(),
                crate::support::escape::one_line(q, 40),
                near.join(", ")
            )),
        },
        many => {
            let names: Vec<&str> = many.iter().take(5).map(|e| e.name).collect();
            Err(format!(
                "{} exchanges match \"{}\" ({}{}): pick one from the list.",
                many.len(),
                crate::support::escape::one_line(q, 40),
                names.join(", "),
                if many.len() > 5 { ", ..." } else { "" }
            ))
        }
    }
}

/// What the user is told about a source: CCXT's answers say an item exists, not how well it is
/// documented.
pub fn source_note(source: &str) -> Option<&'static str> {
    crate::case::from_ccxt(source)
        .then_some("CCXT implements it: available, but how well it is documented is not known")
}

impl CcxtExchange {
    /// What starting a case from this exchange did, for the user.
    pub fn start_note(&self, case: &Case) -> String {
        let mut note = format!(
            "Started a case for {} from CCXT {}: {} questionnaire items answered \"partial\" \
             (CCXT implements them; how well they are documented is not known, and the score \
             counts them as it counts unanswered ones: read the exchange's API document in API \
             maturity to say more).",
            self.name,
            version(),
            case.api_sources.len()
        );
        if self.spot && self.swap && !case.connector.market.has_perpetual() {
            note.push_str(
                " CCXT also lists its perpetual markets: choose Perpetual or Both if the \
                 connector trades them.",
            );
        }
        if let Some(c) = &case.connector.precedent {
            note.push_str(&format!(
                " Hummingbot already has a connector for it ({c}): it is named as the precedent; \
                 if the work changes it, choose Modification."
            ));
        }
        note
    }

    /// How the case names this source.
    pub fn source(&self) -> String {
        format!("{}{} ({})", crate::case::CCXT_SOURCE, version(), self.id)
    }

    /// The market a case for this exchange starts with: spot where CCXT has it.
    pub fn market(&self) -> Market {
        if self.spot || !self.swap {
            Market::Spot
        } else {
            Market::Perpetual
        }
    }

    /// The Hummingbot connector for `market`, when there is one.
    pub fn connector_for(&self, market: Market) -> Option<&'static str> {
        let perp = |c: &&&str| c.ends_with("_perpetual");
        match market {
            Market::Perpetual => self.hummingbot.iter().find(perp),
            _ => self.hummingbot.iter().find(|c| !perp(c)),
        }
        .copied()
    }

    /// The proposals CCXT's capabilities make for a connector to `market`.
    pub fn prefill(&self, market: Market) -> Prefill {
        let mut p = Prefill::default();
        let applies = |item: &str| {
            rubric::item(item).is_some_and(|i| market.has_perpetual() || !i.perpetual_only())
        };
        let source = self.source();
        for (method, item, why) in MAP {
            let implemented = self.implements.split(' ').any(|m| m == *method);
            let emulated = self.emulates.split(' ').any(|m| m == *method);
            if !applies(item) || !(implemented || emulated) {
                continue;
            }
            p.propose(
                item,
                Evidence {
                    source: source.clone(),
                    location: (*method).to_string(),
                    why: if implemented {
                        format!("{why}: available, documentation not known")
                    } else {
                        format!("{why} by emulating it from other calls")
                    },
                    answer: implemented.then_some(Answer::Partial),
                },
            );
        }
        if self.test_url {
            p.propose(
                "sandbox",
                Evidence {
                    source,
                    location: "urls.test".into(),
                    why: "CCXT knows a test environment: available, documentation not known".into(),
                    answer: Some(Answer::Partial),
                },
            );
        }
        p.finish(market)
    }

    /// A new case for this exchange, dated `as_of`: its name and kind, the market, the Hummingbot
    /// connector for it as the precedent when there is one, and CCXT's proposals accepted.
    pub fn start_case(&self, as_of: Date) -> Case {
        let mut case = blank_case(as_of);
        case.exchange.name = self.name.to_string();
        case.exchange.kind = if self.dex {
            ExchangeKind::Dex
        } else {
            ExchangeKind::Cex
        };
        let market = self.market();
        case.connector.market = market;
        // Hummingbot's own connector for the exchange is the closest precedent. Whether the work
        // is a modification of it is the user's to say, with the parts that change.
        case.connector.precedent = self.connector_for(market).map(str::to_string);
        self.prefill(market).apply(&mut case, false);
        case
    }
}
