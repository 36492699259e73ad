//! The questionnaire's answers as the case holds them (`api`, by item id). The items and their
//! scores are the rubric's (maturity::rubric).

use crate::support::text_enum::text_enum;

text_enum! {
    /// How well the exchange documents one item.
    pub enum Answer as "answer" {
        /// Documented, with request and response examples.
        DocumentedWithExamples => "documented_with_examples",
        /// Documented, without examples.
        Documented => "documented",
        /// Partly documented, or undocumented but available.
        Partial => "partial",
        /// The exchange does not offer it.
        NotAvailable => "not_available",
        /// Does not apply to this exchange.
        NotApplicable => "not_applicable",
    }
}

/// How a source names CCXT (`CCXT 4.5.84 (binance)`): what CCXT proposes says an item exists, not
/// how well it is documented, and the findings and the app say so.
pub const CCXT_SOURCE: &str = "CCXT ";

pub fn from_ccxt(source: &str) -> bool {
    source.starts_with(CCXT_SOURCE)
}
