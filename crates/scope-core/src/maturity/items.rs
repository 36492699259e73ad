//! The questionnaire's items, as data: each with its section, whether a connector requires it,
//! its weight, its help text, and how its answer changes the estimate's tasks.

use super::rubric::{Item, SectionId};
use crate::case::TaskId;

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
