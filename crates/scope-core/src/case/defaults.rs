//! Every default of the case file, defined once. The schema's `default` (through serde's
//! attributes), the reader's value for a missing field and the types' `Default` all call these;
//! `tests/schema.rs` checks that writing the schema's defaults out reads as leaving them out.

use rust_decimal::Decimal;

use super::{Build, EngagementPath, ExchangeKind, Experience, GovernanceEra, Market, Method};

pub fn path() -> EngagementPath {
    EngagementPath::ExchangeFunded
}
pub fn era() -> GovernanceEra {
    GovernanceEra::Current
}
pub fn kind() -> ExchangeKind {
    ExchangeKind::Cex
}
pub fn market() -> Market {
    Market::Spot
}
pub fn build() -> Build {
    Build::New
}
pub fn availability() -> f64 {
    30.0
}
pub fn currency() -> String {
    "USD".into()
}
pub fn overhead() -> Decimal {
    Decimal::from(15)
}
pub fn experience() -> Experience {
    Experience::Experienced
}
pub fn samples() -> u32 {
    10_000
}
pub fn seed() -> u64 {
    1
}
pub fn method() -> Method {
    Method::WeightedSum
}
pub fn months() -> u32 {
    12
}

/// What a new case in the app starts with beyond the format's defaults (`blank_case`): a name to
/// replace, and an hourly rate so that every figure shows at once.
pub const NEW_CASE_NAME: &str = "Your exchange";
pub fn new_case_rate() -> Decimal {
    Decimal::from(75)
}
