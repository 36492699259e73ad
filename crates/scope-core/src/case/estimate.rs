//! The estimator's inputs as the case holds them: the settings, the case's own tasks, the
//! simulation, the breakdown's task ids and the developer's experience.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use super::defaults;
use crate::support::text_enum::text_enum;

text_enum! {
    /// A task of the work breakdown; also the parts a modification changes.
    pub enum TaskId as "task" {
        ConstantsRateLimits => "constants_rate_limits",
        Auth => "auth",
        WebUtilsTimeSync => "web_utils_time_sync",
        TradingRules => "trading_rules",
        OrderBookDataSource => "order_book_data_source",
        UserStream => "user_stream",
        OrderLifecycle => "order_lifecycle",
        FillsBalances => "fills_balances",
        UnitTests => "unit_tests",
        QaFixes => "qa_fixes",
        DocsPr => "docs_pr",
        Funding => "funding",
        Positions => "positions",
        LeveragePositionMode => "leverage_position_mode",
        PerpetualTests => "perpetual_tests",
    }
}

text_enum! {
    /// The developer's experience with Hummingbot connectors.
    pub enum Experience as "experience" {
        /// Three or more connectors built or maintained.
        Experienced => "experienced",
        /// One or two.
        Some => "some",
        /// This is the first.
        FirstConnector => "first_connector",
    }
}

/// The estimator's inputs.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EstimateSettings {
    /// The maintainer's hours per week on the connector.
    #[serde(default = "defaults::availability")]
    pub availability_hours_per_week: f64,
    /// The developer's hourly rate, as a decimal string; needed for the cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_rate: Option<Decimal>,
    /// ISO 4217 code of the rate's currency.
    #[serde(default = "defaults::currency")]
    pub currency: String,
    /// The Foundation's project management and QA overhead, in percent of development cost.
    #[serde(default = "defaults::overhead")]
    pub overhead_pct: Decimal,
    #[serde(default = "defaults::experience")]
    pub experience: Experience,
    /// Replaces the generated work breakdown with the case's own tasks (hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<CustomTask>>,
}

impl Default for EstimateSettings {
    fn default() -> Self {
        Self {
            availability_hours_per_week: defaults::availability(),
            hourly_rate: None,
            currency: defaults::currency(),
            overhead_pct: defaults::overhead(),
            experience: defaults::experience(),
            tasks: None,
        }
    }
}

/// A task of a case's own work breakdown, in hours.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomTask {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub optimistic: f64,
    pub most_likely: f64,
    pub pessimistic: f64,
}

/// The Monte Carlo simulation's settings.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Simulation {
    #[serde(default = "defaults::samples")]
    pub samples: u32,
    #[serde(default = "defaults::seed")]
    pub seed: u64,
}

impl Default for Simulation {
    fn default() -> Self {
        Self {
            samples: defaults::samples(),
            seed: defaults::seed(),
        }
    }
}
