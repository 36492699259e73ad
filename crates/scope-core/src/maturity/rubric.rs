//! The API-maturity rubric: questionnaire items, sections, answer values and rank thresholds.
//!
//! Data, shown in the UI as it is. Items follow what a Hummingbot connector must have
//! (hummingbot-site docs/connectors/connectors/build.md and the QA checklists, summarised in
//! data/README.md): REST required and expected endpoints, the websocket channels, authentication
//! and rate limits, the perpetual additions, and the documentation around them.

use serde::Serialize;

use crate::case::{Answer, TaskId};
use crate::support::text_enum::text_enum;

pub use super::items::ITEMS;

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
