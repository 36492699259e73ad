//! What each websocket item looks for in a channel: words in its name, title, summary,
//! operations and messages.

use super::words::{contains, words};
use crate::spec::Channel;

pub struct WsRule {
    pub item: &'static str,
    pub phrases: &'static [&'static str],
    pub exclude: &'static [&'static str],
}

pub static RULES: &[WsRule] = &[
    WsRule {
        item: "ws_order_book",
        phrases: &["depth", "order book", "orderbook", "book", "l2", "level2"],
        exclude: &["ticker", "trade"],
    },
    WsRule {
        item: "ws_user_stream",
        phrases: &[
            "order",
            "execution report",
            "user data",
            "fill",
            "my trade",
            "account update",
            "user trade",
            "order update",
            "private",
        ],
        exclude: &["book", "depth"],
    },
    WsRule {
        item: "ws_balances",
        phrases: &[
            "balance",
            "account position",
            "wallet",
            "asset",
            "account update",
        ],
        exclude: &[],
    },
    WsRule {
        item: "ws_public_trades",
        phrases: &["trade", "agg trade", "deal", "match"],
        exclude: &["my trade", "user", "private", "order", "account", "fill"],
    },
    WsRule {
        item: "ws_position_updates",
        phrases: &["position"],
        exclude: &["mode"],
    },
];

/// Why `c` shows the rule's item, or None.
pub fn matches(rule: &WsRule, c: &Channel) -> Option<String> {
    let name = words(&c.name);
    let all: Vec<Vec<String>> = std::iter::once(name.clone())
        .chain(c.words.iter().map(|w| words(w)))
        .collect();
    let hit = |phrases: &[&str]| {
        phrases.iter().find_map(|p| {
            let p = words(p);
            all.iter()
                .position(|h| contains(h, &p))
                .map(|i| (i, p.join(" ")))
        })
    };
    if hit(rule.exclude).is_some() {
        return None;
    }
    let (i, phrase) = hit(rule.phrases)?;
    Some(match i {
        0 => format!("channel words \"{phrase}\""),
        _ => format!(
            "\"{phrase}\" in \"{}\"",
            super::rest::short(&c.words[i - 1])
        ),
    })
}
