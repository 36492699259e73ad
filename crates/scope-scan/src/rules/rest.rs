//! What each REST item looks for in an operation: its method, words in its path, operationId or
//! summary, and for some a parameter or a response field.

use super::words::{contains, words};
use crate::spec::Operation;

/// One way an operation can show an item.
pub struct RestRule {
    pub item: &'static str,
    pub methods: &'static [&'static str],
    /// Any of these phrases in the path, the operationId or the summary. (Not the tags: a tag
    /// such as "Market" covers every endpoint under it.)
    pub phrases: &'static [&'static str],
    /// None of these anywhere in them.
    pub exclude: &'static [&'static str],
    /// The path's last segment must hold the phrase (short words such as `time`).
    pub last_segment: bool,
    /// Something else the operation must have: a parameter or a response field, by phrase.
    pub needs: Option<Needs>,
}

#[derive(Clone, Copy)]
pub enum Needs {
    Param(&'static [&'static str]),
    ResponseField(&'static [&'static str]),
}

const GET: &[&str] = &["GET"];
const WRITE: &[&str] = &["POST", "PUT"];

const MARKETS: &[&str] = &[
    "exchange info",
    "exchange information",
    "market",
    "symbol",
    "instrument",
    "pair",
    "product",
    "contract",
];
/// Words of products beside a connector's trading (margin, savings, conversions...): an
/// endpoint under them is weaker evidence than the plain one.
const BESIDE: &[&str] = &[
    "margin",
    "convert",
    "algo",
    "c2c",
    "sub",
    "saving",
    "mining",
    "loan",
    "staking",
    "dci",
    "portfolio",
    "simple",
    "earn",
    "nft",
    "pay",
    "gift",
    "fiat",
    "broker",
    "copy",
    "lending",
    "rebate",
    "giftcard",
    "isolated",
    "futures",
    "option",
    "eth",
    "sol",
    "blvt",
    "bswap",
];
const NOT_MARKETS: &[&str] = &[
    "ticker", "book", "depth", "trade", "kline", "candle", "price", "order", "funding", "position",
    "history", "stat", "leverage", "account", "balance",
];
const CLIENT_ID: &[&str] = &[
    "client order id",
    "client oid",
    "cl ord id",
    "client id",
    "client order",
    "cloid",
    "cl oid",
];

pub static RULES: &[RestRule] = &[
    RestRule {
        item: "rest_markets",
        methods: GET,
        phrases: MARKETS,
        exclude: NOT_MARKETS,
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_trading_rules",
        methods: GET,
        phrases: MARKETS,
        exclude: NOT_MARKETS,
        last_segment: false,
        needs: Some(Needs::ResponseField(&[
            "tick size",
            "step size",
            "min qty",
            "lot size",
            "min notional",
            "precision",
            "increment",
            "min size",
            "min amount",
            "filter",
            "min order",
            "quantity scale",
        ])),
    },
    RestRule {
        item: "rest_trading_rules",
        methods: GET,
        phrases: &[
            "trading rule",
            "trade rule",
            "filter",
            "precision",
            "symbol rule",
        ],
        exclude: &["order", "history"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_last_price",
        methods: GET,
        phrases: &["ticker", "price", "last trade"],
        exclude: &[
            "kline", "candle", "order", "history", "funding", "index", "mark", "book",
        ],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_order_book",
        methods: GET,
        phrases: &["depth", "order book", "orderbook", "book", "l2", "level2"],
        exclude: &["ticker", "trade"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_server_time",
        methods: GET,
        phrases: &["time", "server time", "ping", "timestamp", "servertime"],
        exclude: &["kline", "candle", "order", "trade"],
        last_segment: true,
        needs: None,
    },
    RestRule {
        item: "rest_balances",
        methods: GET,
        phrases: &["balance", "account", "wallet", "asset"],
        exclude: &[
            "history",
            "deposit",
            "withdraw",
            "transfer",
            "snapshot",
            "ledger",
            "sub",
            "api key",
            "status",
            "config",
            "detail",
            "dividend",
            "dust",
            "convert",
            "trade",
            "order",
            "borrow",
            "repay",
            "loan",
            "interest",
            "commission",
            "fee",
        ],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_open_orders",
        methods: GET,
        phrases: &[
            "open order",
            "active order",
            "pending order",
            "unfilled",
            "current order",
        ],
        exclude: &["history", "oco", "list", "rate", "count"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_create_order",
        methods: WRITE,
        phrases: &["order", "place", "new order", "create order", "submit"],
        exclude: &[
            "cancel", "amend", "modify", "close", "query", "history", "status", "test", "rate",
            "list", "oco", "replace",
        ],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_cancel_order",
        methods: &["DELETE"],
        phrases: &["order"],
        exclude: &["open order", "all", "oco", "list", "batch"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_cancel_order",
        methods: &["POST", "PUT", "DELETE"],
        phrases: &["cancel order", "cancel"],
        exclude: &["all", "oco", "list", "batch", "replace"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_order_status",
        methods: GET,
        phrases: &[
            "order",
            "order status",
            "order detail",
            "order info",
            "query order",
        ],
        exclude: &[
            "open", "all", "history", "list", "trade", "fill", "book", "oco", "rate", "pending",
            "active", "count", "amend",
        ],
        last_segment: false,
        needs: Some(Needs::Param(&["order id", "id", "client order id"])),
    },
    RestRule {
        item: "rest_trade_fills",
        methods: GET,
        phrases: &[
            "my trade",
            "fill",
            "user trade",
            "execution",
            "trade history",
            "account trade",
            "private trade",
            "order trade",
            "trade fill",
        ],
        exclude: &[],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "rest_client_order_id",
        methods: WRITE,
        phrases: &["order", "place", "new order", "create order", "submit"],
        exclude: &[
            "cancel", "amend", "modify", "query", "history", "status", "test",
        ],
        last_segment: false,
        needs: Some(Needs::Param(CLIENT_ID)),
    },
    RestRule {
        item: "perp_funding_info",
        methods: GET,
        phrases: &["funding rate", "premium index", "funding"],
        exclude: &["income", "payment", "fee", "bill"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "perp_funding_payments",
        methods: GET,
        phrases: &[
            "income",
            "funding payment",
            "funding fee",
            "funding bill",
            "settlement",
        ],
        exclude: &["rate"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "perp_positions",
        methods: GET,
        phrases: &["position", "position risk"],
        exclude: &[
            "mode", "side", "margin", "leverage", "adl", "limit", "history", "tier",
        ],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "perp_leverage",
        methods: WRITE,
        phrases: &["leverage"],
        exclude: &["bracket"],
        last_segment: false,
        needs: None,
    },
    RestRule {
        item: "perp_position_mode",
        methods: &["POST", "PUT", "GET"],
        phrases: &[
            "position mode",
            "position side",
            "dual side",
            "hedge mode",
            "dual position",
        ],
        exclude: &[],
        last_segment: false,
        needs: None,
    },
];

/// The fields of an operation a rule reads, as words.
pub struct OperationWords {
    path: Vec<String>,
    last: Vec<String>,
    operation_id: Vec<String>,
    summary: Vec<String>,
    params: Vec<Vec<String>>,
    response: Vec<Vec<String>>,
}

impl OperationWords {
    pub fn new(o: &Operation) -> Self {
        let last = o
            .path
            .trim_end_matches('/')
            .rsplit('/')
            .find(|s| !s.starts_with('{'))
            .unwrap_or("");
        OperationWords {
            path: words(&o.path),
            last: words(last),
            operation_id: words(&o.operation_id),
            summary: words(&o.summary),
            params: o.params.iter().map(|p| words(p)).collect(),
            response: o.response_fields.iter().map(|p| words(p)).collect(),
        }
    }
}

/// Why `o` shows the rule's item, and how strongly: more of its names saying so (path,
/// operationId, summary) first, then an endpoint of trading itself over one under margin or
/// savings, then the shorter path. None when it does not show it.
pub fn matches(rule: &RestRule, o: &Operation, w: &OperationWords) -> Option<(String, i64)> {
    if !rule.methods.contains(&o.method.as_str()) {
        return None;
    }
    let phrases: Vec<Vec<String>> = rule.phrases.iter().map(|p| words(p)).collect();
    let excluded = rule.exclude.iter().map(|p| words(p)).any(|p| {
        [&w.path, &w.operation_id, &w.summary]
            .iter()
            .any(|h| contains(h, &p))
    });
    if excluded {
        return None;
    }
    let found = |haystack: &[String]| {
        phrases
            .iter()
            .find(|p| contains(haystack, p))
            .map(|p| p.join(" "))
    };
    let mut why = Vec::new();
    if rule.last_segment {
        let in_path = phrases.contains(&w.last);
        let in_id = phrases.iter().any(|p| w.operation_id.ends_with(p));
        if in_path {
            why.push(format!("path ends in \"{}\"", w.last.join(" ")));
        }
        if in_id {
            why.push(format!("operationId \"{}\"", o.operation_id));
        }
    } else {
        if let Some(p) = found(&w.path) {
            why.push(format!("path words \"{p}\""));
        }
        if found(&w.operation_id).is_some() {
            why.push(format!("operationId \"{}\"", o.operation_id));
        }
        if found(&w.summary).is_some() {
            why.push(format!("summary \"{}\"", short(&o.summary)));
        }
    }
    if why.is_empty() {
        return None;
    }
    let beside = BESIDE.iter().any(|b| w.path.iter().any(|p| p == b));
    let strength = why.len() as i64 * 100 - if beside { 150 } else { 0 } - w.path.len() as i64;
    match rule.needs {
        None => {}
        Some(Needs::Param(list)) => {
            let i = any_field(&w.params, list)?;
            why.push(format!("parameter {}", o.params[i]));
        }
        Some(Needs::ResponseField(list)) => {
            let i = any_field(&w.response, list)?;
            why.push(format!("response field {}", o.response_fields[i]));
        }
    }
    Some((why.join("; "), strength))
}

/// The first field whose words hold one of `phrases`.
fn any_field(fields: &[Vec<String>], phrases: &[&str]) -> Option<usize> {
    let phrases: Vec<Vec<String>> = phrases.iter().map(|p| words(p)).collect();
    fields.iter().position(|f| {
        phrases
            .iter()
            .any(|p| contains(f, p) || (p.len() == 1 && f == p))
    })
}

/// A summary as evidence quotes it: at most 60 characters.
pub fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    match line.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}
