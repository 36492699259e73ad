//! The API-maturity rubric: questionnaire items, sections, answer values and rank thresholds.
//!
//! Data, shown in the UI as it is. Items follow what a Hummingbot connector must have
//! (hummingbot-site docs/connectors/connectors/build.md and the QA checklists, summarised in
//! data/README.md): REST required and expected endpoints, the websocket channels, authentication
//! and rate limits, the perpetual additions, and the documentation around them.

use serde::Serialize;

use crate::case::{Answer, TaskId};
use crate::support::text_enum::text_enum;

text_enum! {
    /// A section of the questionnaire.
    pub enum SectionId as "section" {
        RestRequired => "rest_required",
        RestExpected => "rest_expected",
        Websocket => "websocket",
        AuthLimits => "auth_limits",
        Perpetual => "perpetual",
        Documentation => "documentation",
        Exchange => "exchange",
    }
}

impl Answer {
    pub fn label(self) -> &'static str {
        match self {
            Answer::DocumentedWithExamples => "Documented with examples",
            Answer::Documented => "Documented",
            Answer::Partial => "Partial or undocumented",
            Answer::NotAvailable => "Not available",
            Answer::NotApplicable => "Not applicable",
        }
    }

    /// The answer's value in the score (None: not counted). An unanswered item counts as
    /// partial: nothing is assumed documented until someone says so.
    pub fn value(self) -> Option<f64> {
        match self {
            Answer::DocumentedWithExamples => Some(1.0),
            Answer::Documented => Some(0.85),
            Answer::Partial => Some(0.4),
            Answer::NotAvailable => Some(0.0),
            Answer::NotApplicable => None,
        }
    }

    /// Documentation levels from worst to best, for "more documentation" comparisons.
    pub const LEVELS: [Answer; 4] = [
        Answer::NotAvailable,
        Answer::Partial,
        Answer::Documented,
        Answer::DocumentedWithExamples,
    ];
}

/// A section of the rubric and its weight in the score.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Section {
    pub id: SectionId,
    pub label: &'static str,
    pub weight: f64,
    /// Only for perpetual connectors.
    pub perpetual_only: bool,
}

pub static SECTIONS: [Section; 7] = [
    Section {
        id: SectionId::RestRequired,
        label: "REST, required",
        weight: 25.0,
        perpetual_only: false,
    },
    Section {
        id: SectionId::RestExpected,
        label: "REST, expected",
        weight: 10.0,
        perpetual_only: false,
    },
    Section {
        id: SectionId::Websocket,
        label: "Websocket",
        weight: 25.0,
        perpetual_only: false,
    },
    Section {
        id: SectionId::AuthLimits,
        label: "Authentication and rate limits",
        weight: 15.0,
        perpetual_only: false,
    },
    Section {
        id: SectionId::Perpetual,
        label: "Perpetual",
        weight: 15.0,
        perpetual_only: true,
    },
    Section {
        id: SectionId::Documentation,
        label: "Documentation quality",
        weight: 10.0,
        perpetual_only: false,
    },
    Section {
        id: SectionId::Exchange,
        label: "Exchange age",
        weight: 10.0,
        perpetual_only: false,
    },
];

/// One questionnaire item.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Item {
    pub id: &'static str,
    pub section: SectionId,
    pub label: &'static str,
    /// What the connector needs it for.
    pub help: &'static str,
    /// A required item that is not available blocks the connector.
    pub required: bool,
    /// Weight within its section.
    pub weight: f64,
    /// What a weak answer costs the connector, as a finding.
    pub cost: &'static str,
    /// The estimate's tasks this item changes, with the factor for a documented (no examples),
    /// partial and not-available answer; documented with examples is 1.
    #[serde(skip)]
    pub effects: &'static [(TaskId, [f64; 3])],
}

impl Item {
    pub fn perpetual_only(&self) -> bool {
        self.section == SectionId::Perpetual
    }

    /// The factor this item's answer puts on `task` (1 when it does not touch it).
    pub fn factor(&self, task: TaskId, answer: Answer) -> f64 {
        let Some((_, f)) = self.effects.iter().find(|(t, _)| *t == task) else {
            return 1.0;
        };
        match answer {
            Answer::DocumentedWithExamples | Answer::NotApplicable => 1.0,
            Answer::Documented => f[0],
            Answer::Partial => f[1],
            Answer::NotAvailable => f[2],
        }
    }
}

use TaskId as T;

macro_rules! item {
    ($id:literal, $section:ident, $req:literal, $w:literal, $label:literal, $help:literal, $cost:literal, [$(($task:ident, $d:literal, $p:literal, $n:literal)),*]) => {
        Item {
            id: $id,
            section: SectionId::$section,
            required: $req,
            weight: $w,
            label: $label,
            help: $help,
            cost: $cost,
            effects: &[$((T::$task, [$d, $p, $n])),*],
        }
    };
}

pub static ITEMS: &[Item] = &[
    item!(
        "rest_markets",
        RestRequired,
        true,
        1.0,
        "Active markets",
        "The list of trading pairs and their status.",
        "the connector cannot list or validate trading pairs without guesswork; trading rules take longer",
        [(TradingRules, 1.05, 1.2, 1.5)]
    ),
    item!(
        "rest_last_price",
        RestRequired,
        true,
        1.0,
        "Last traded price",
        "Ticker or last trade price per pair.",
        "last prices must be derived from trades or the book",
        [(OrderBookDataSource, 1.0, 1.05, 1.1)]
    ),
    item!(
        "rest_order_book",
        RestRequired,
        true,
        2.0,
        "Order book snapshot",
        "A depth snapshot to start and resynchronise the book.",
        "the order book cannot be initialised or resynchronised reliably; the order book task grows",
        [(OrderBookDataSource, 1.05, 1.2, 1.5)]
    ),
    item!(
        "rest_server_time",
        RestRequired,
        true,
        1.0,
        "Server time (ping)",
        "Server time for signing and for the connector's health check.",
        "time synchronisation must be inferred, and signed requests may fail on clock drift",
        [(WebUtilsTimeSync, 1.05, 1.3, 1.6)]
    ),
    item!(
        "rest_balances",
        RestRequired,
        true,
        1.0,
        "Balances",
        "Available and total balance per asset.",
        "balances must be reconstructed from fills, and every balance check in QA gets slower",
        [(FillsBalances, 1.05, 1.25, 1.6)]
    ),
    item!(
        "rest_open_orders",
        RestRequired,
        true,
        1.0,
        "Open orders",
        "The account's open orders, to recover state after a restart.",
        "in-flight orders cannot be recovered after a restart without extra bookkeeping",
        [(OrderLifecycle, 1.03, 1.1, 1.3)]
    ),
    item!(
        "rest_create_order",
        RestRequired,
        true,
        2.0,
        "Create order",
        "Place limit (and market) orders.",
        "order placement must be reverse-engineered; the order lifecycle task grows and QA finds more",
        [(OrderLifecycle, 1.05, 1.25, 2.0)]
    ),
    item!(
        "rest_cancel_order",
        RestRequired,
        true,
        2.0,
        "Cancel order",
        "Cancel by exchange order id.",
        "cancellation must be reverse-engineered and tested against the live exchange",
        [(OrderLifecycle, 1.03, 1.15, 1.5)]
    ),
    item!(
        "rest_trading_rules",
        RestExpected,
        false,
        1.0,
        "Trading rules",
        "Minimum notional, minimum size, price and size increments.",
        "orders will be rejected until the rules are found by trial; the trading rules task grows",
        [(TradingRules, 1.05, 1.3, 1.6)]
    ),
    item!(
        "rest_order_status",
        RestExpected,
        false,
        1.0,
        "Order status",
        "Status of one order by client or exchange order id.",
        "order states must be tracked from the user stream alone, which is fragile on reconnects",
        [(OrderLifecycle, 1.03, 1.15, 1.4)]
    ),
    item!(
        "rest_trade_fills",
        RestExpected,
        false,
        1.0,
        "Trade fills",
        "Fills by order or by timestamp.",
        "missed fills cannot be recovered from REST; fill tracking and its tests take longer",
        [(FillsBalances, 1.05, 1.25, 1.6)]
    ),
    item!(
        "rest_client_order_id",
        RestExpected,
        false,
        1.0,
        "Client order ids",
        "Orders placed with the connector's own id.",
        "the connector must map its ids to the exchange's on every order, adding in-flight state",
        [(OrderLifecycle, 1.0, 1.1, 1.3)]
    ),
    item!(
        "ws_order_book",
        Websocket,
        true,
        2.0,
        "Order book channel",
        "Depth updates (depth >= 100) with sequence numbers or checksums.",
        "the order book data source must be reverse-engineered and checked against snapshots",
        [(OrderBookDataSource, 1.1, 1.5, 2.0)]
    ),
    item!(
        "ws_user_stream",
        Websocket,
        true,
        2.0,
        "Private order and trade channel",
        "Order updates and fills for the account, pushed.",
        "order and fill updates must be polled, which is slower, heavier on rate limits and harder to test",
        [(UserStream, 1.1, 1.5, 2.0)]
    ),
    item!(
        "ws_balances",
        Websocket,
        false,
        1.0,
        "Balance channel",
        "Balance updates, pushed (otherwise balances are polled).",
        "balances will be polled instead of pushed",
        [(FillsBalances, 1.0, 1.1, 1.15)]
    ),
    item!(
        "ws_public_trades",
        Websocket,
        false,
        1.0,
        "Public trades channel",
        "Trades of the market, for last price and volume.",
        "public trades and last prices must come from REST polling",
        [(OrderBookDataSource, 1.0, 1.05, 1.1)]
    ),
    item!(
        "auth_signing",
        AuthLimits,
        true,
        2.0,
        "Request signing",
        "The signing scheme, with a worked example.",
        "authentication must be worked out by trial, the most common cause of a stalled connector",
        [(Auth, 1.15, 1.6, 2.5)]
    ),
    item!(
        "rate_limits",
        AuthLimits,
        true,
        1.0,
        "Rate limits",
        "Documented limits per endpoint or weight.",
        "rate limits must be set conservatively and tuned in QA, or the connector gets banned",
        [(ConstantsRateLimits, 1.1, 1.4, 1.8)]
    ),
    item!(
        "perp_funding_info",
        Perpetual,
        true,
        1.0,
        "Funding info",
        "Funding rate, next funding time, mark and index price.",
        "funding information must be assembled from several sources",
        [(Funding, 1.05, 1.3, 1.8)]
    ),
    item!(
        "perp_funding_payments",
        Perpetual,
        false,
        1.0,
        "Funding payments",
        "The account's funding payments history.",
        "funding payments must be inferred from balance changes",
        [(Funding, 1.05, 1.2, 1.5)]
    ),
    item!(
        "perp_positions",
        Perpetual,
        true,
        2.0,
        "Positions",
        "Open positions with size, entry price and unrealised PnL.",
        "positions must be rebuilt from fills, which QA checks case by case",
        [(Positions, 1.05, 1.3, 1.8)]
    ),
    item!(
        "perp_leverage",
        Perpetual,
        true,
        1.0,
        "Leverage setting",
        "Set leverage per pair.",
        "leverage cannot be set by the connector and must be configured by hand",
        [(LeveragePositionMode, 1.05, 1.3, 1.6)]
    ),
    item!(
        "perp_position_mode",
        Perpetual,
        true,
        1.0,
        "Position mode",
        "One-way or hedge mode.",
        "the position mode must be fixed and documented as a limitation",
        [(LeveragePositionMode, 1.05, 1.2, 1.4)]
    ),
    item!(
        "ws_position_updates",
        Perpetual,
        false,
        1.0,
        "Position updates channel",
        "Position changes, pushed.",
        "positions will be polled instead of pushed",
        [(Positions, 1.05, 1.2, 1.3)]
    ),
    item!(
        "sandbox",
        Documentation,
        false,
        2.0,
        "Sandbox or testnet",
        "A test environment with test funds.",
        "QA must run with real funds on the live exchange, which is slower and costs money",
        [(QaFixes, 1.0, 1.15, 1.3)]
    ),
    item!(
        "changelog",
        Documentation,
        false,
        1.0,
        "Changelog and versioning",
        "Dated API changes and versioned endpoints.",
        "API changes will surface as maintenance bugs rather than announcements",
        [(QaFixes, 1.0, 1.05, 1.1)]
    ),
    item!(
        "error_codes",
        Documentation,
        false,
        1.0,
        "Error codes",
        "A list of error codes and their meaning.",
        "errors must be classified from observed responses",
        [(OrderLifecycle, 1.0, 1.05, 1.1)]
    ),
    item!(
        "official_sdk",
        Documentation,
        false,
        1.0,
        "Official SDK or reference client",
        "A maintained client in any language to compare against.",
        "there is no reference client to check signing and payloads against",
        [(Auth, 1.0, 1.05, 1.1)]
    ),
];

/// Rank thresholds on the 0-100 score; below the last one the rank is D.
pub static THRESHOLDS: [(crate::maturity::Rank, f64); 3] = [
    (crate::maturity::Rank::A, 85.0),
    (crate::maturity::Rank::B, 70.0),
    (crate::maturity::Rank::C, 50.0),
];

/// Exchange age classes: new under 1 year, young 1 to 3 years, mature 3 years or more.
pub const YOUNG_FROM_MONTHS: i32 = 12;
pub const MATURE_FROM_MONTHS: i32 = 36;

pub fn item(id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.id == id)
}

pub fn section(id: SectionId) -> &'static Section {
    SECTIONS.iter().find(|s| s.id == id).unwrap_or(&SECTIONS[0])
}

/// The whole rubric, for display.
#[derive(Serialize)]
pub struct Rubric {
    pub sections: &'static [Section],
    pub items: &'static [Item],
    pub answers: Vec<(Answer, Option<f64>)>,
    pub thresholds: &'static [(crate::maturity::Rank, f64)],
}

pub fn rubric() -> Rubric {
    Rubric {
        sections: &SECTIONS,
        items: ITEMS,
        answers: Answer::ALL.iter().map(|a| (*a, a.value())).collect(),
        thresholds: &THRESHOLDS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_unique_and_effects_grow_with_weaker_answers() {
        let mut ids: Vec<_> = ITEMS.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ITEMS.len());
        for item in ITEMS {
            for (_, f) in item.effects {
                assert!(1.0 <= f[0] && f[0] <= f[1] && f[1] <= f[2], "{}", item.id);
            }
        }
        let values: Vec<f64> = Answer::LEVELS.iter().map(|a| a.value().unwrap()).collect();
        assert!(values.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_required_list_is_hummingbots() {
        // REST required, websocket order book and private channel, auth and rate limits, and the
        // perpetual essentials (data/README.md, "What a connector must have").
        let required: Vec<_> = ITEMS.iter().filter(|i| i.required).map(|i| i.id).collect();
        assert_eq!(
            required,
            [
                "rest_markets",
                "rest_last_price",
                "rest_order_book",
                "rest_server_time",
                "rest_balances",
                "rest_open_orders",
                "rest_create_order",
                "rest_cancel_order",
                "ws_order_book",
                "ws_user_stream",
                "auth_signing",
                "rate_limits",
                "perp_funding_info",
                "perp_positions",
                "perp_leverage",
                "perp_position_mode",
            ]
        );
    }
}
