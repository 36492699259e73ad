//! The agreement as the case holds it; the projection is the agreement module's.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use super::defaults;
use crate::support::text_enum::text_enum;

text_enum! {
    /// A share of trading fees, or a fixed monthly amount.
    pub enum AgreementKind as "agreement kind" {
        Variable => "variable",
        Fixed => "fixed",
    }
}

pub const MAX_MONTHS: u32 = 120;

/// The agreement as the case file holds it. Amounts are decimal strings.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementSpec {
    pub kind: AgreementKind,
    /// Variable: monthly trading volume through the connector, in the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_volume: Option<Decimal>,
    /// Variable: the exchange's fee rate, in percent of volume (0.1 for 10 basis points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_rate_pct: Option<Decimal>,
    /// Variable: the share of those fees the exchange pays the Foundation, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_pct: Option<Decimal>,
    /// Variable: monthly volume growth, in percent (compounded; may be negative).
    #[serde(default)]
    pub monthly_growth_pct: Decimal,
    /// Fixed: the amount per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_monthly: Option<Decimal>,
    /// Months to project.
    #[serde(default = "defaults::months")]
    pub months: u32,
    /// The one-off build charge, paid by the exchange to the developer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_charge: Option<Decimal>,
    /// Apply the year-2 renewal rule: USD 2,000 a year of maintenance from month 13, waived in a
    /// year whose first month's fee share exceeds USD 200.
    #[serde(default)]
    pub renewal: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentives: Option<Incentives>,
}

/// The connector incentive plan: HBOT and exchange-token rewards for its first users.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incentives {
    #[serde(default)]
    pub hbot: Decimal,
    #[serde(default)]
    pub exchange_token: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange_token_symbol: Option<String>,
    /// How many first users share the rewards.
    pub first_users: u32,
}
