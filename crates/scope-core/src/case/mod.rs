//! The case file, one versioned JSON document per exchange: its types, errors, defaults,
//! reader and JSON Schema.
//! May import: support.
//!
//! Reading goes in three steps, each with its own error: JSON syntax (line and column), the
//! version (refused unless supported), then the typed shape, every error naming the field path
//! (`api.ws_order_book: unknown answer "maybe" ...`). The rules across fields come after, in the
//! validate layer (`Case::from_json` runs both); the types' methods that need a domain (a stage's
//! label, an answer's score) live with that domain.

mod agreement;
mod api;
pub mod defaults;
pub(crate) mod error;
mod estimate;
mod evaluation;
mod needs;
mod read;
mod schema;
mod stages;

pub use agreement::{AgreementKind, AgreementSpec, Incentives, MAX_MONTHS};
pub use api::{Answer, CCXT_SOURCE, from_ccxt};
pub use error::{CaseError, FieldError};
pub use estimate::{CustomTask, EstimateSettings, Experience, Simulation, TaskId};
pub use evaluation::{
    AhpEntry, AhpInput, Candidate, Criterion, CriterionKind, EvaluationSettings, Method,
    Normalization, Weights, default_criteria,
};
pub use needs::Need;
pub use schema::json_schema;
pub use stages::{EngagementPath, GovernanceEra, StageId, StageStatus};

use schemars::JsonSchema;
use serde::Serialize;

use crate::support::date::{Date, YearMonth};
use crate::support::json::Node;
use crate::support::sorted_map::SortedMap;
use crate::support::text_enum::text_enum;

/// The case file version this build reads and writes.
pub const CASE_VERSION: u64 = 1;

/// Largest seed that JavaScript numbers hold exactly (2^53 - 1).
pub const MAX_SEED: u64 = (1 << 53) - 1;
pub const MIN_SAMPLES: u32 = 100;
pub const MAX_SAMPLES: u32 = 100_000;
pub const MAX_CUSTOM_TASKS: usize = 200;
pub const MAX_CANDIDATES: usize = 1_000;
pub const MAX_CRITERIA: usize = 30;
/// Largest amount or criterion value accepted: far beyond any real figure, far inside Decimal.
pub const MAX_VALUE: f64 = 1e12;
/// Names and labels (an exchange, a candidate, a task, a criterion).
pub const MAX_NAME: usize = 120;
/// Ids of custom tasks and criteria.
pub const MAX_ID: usize = 64;
pub const MAX_UNIT: usize = 60;
/// An exchange token's symbol (the longest listed on large exchanges are about 10).
pub const MAX_SYMBOL: usize = 16;

text_enum! {
    /// Centralised or decentralised exchange.
    pub enum ExchangeKind as "exchange kind" {
        Cex => "cex",
        Dex => "dex",
    }
}

text_enum! {
    /// The market the connector trades.
    pub enum Market as "market" {
        Spot => "spot",
        Perpetual => "perpetual",
        /// A spot and a perpetual connector.
        Both => "both",
    }
}

text_enum! {
    /// A new connector, or a modification of an existing one.
    pub enum Build as "build" {
        New => "new",
        Modification => "modification",
    }
}

impl Market {
    pub fn has_perpetual(self) -> bool {
        matches!(self, Market::Perpetual | Market::Both)
    }
}

/// One exchange's case.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The case file version: 1.
    pub version: u64,
    /// The day the case's date-dependent figures (the exchange's age) are computed against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub exchange: Exchange,
    #[serde(default)]
    pub connector: Connector,
    /// How the exchange approaches Hummingbot.
    #[serde(default = "defaults::path")]
    pub path: EngagementPath,
    /// The governance era whose vote lengths the stage plan uses.
    #[serde(default = "defaults::era")]
    pub governance_era: GovernanceEra,
    /// Questionnaire answers by item id (see the rubric); unanswered items count as partial.
    #[serde(default)]
    pub api: SortedMap<String, Answer>,
    /// Where an answer came from, by item id: the API document or the CCXT release it was read
    /// from. An answered item not listed is the user's own answer.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub api_sources: SortedMap<String, String>,
    #[serde(default)]
    pub estimate: EstimateSettings,
    #[serde(default)]
    pub simulation: Simulation,
    /// Progress of each stage; stages not listed are not started.
    #[serde(default)]
    pub stages: SortedMap<StageId, StageStatus>,
    /// The maintainer evaluation's criteria; the process document's eight when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<Criterion>>,
    /// Maintainer candidates, with a value for every criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub weights: Weights,
    #[serde(default, skip_serializing_if = "is_default")]
    pub evaluation: EvaluationSettings,
    /// The candidate chosen (the ranking's winner when omitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_candidate: Option<String>,
    /// The maintenance and fee share agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementSpec>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub name: String,
    /// The month the exchange launched (YYYY-MM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launched: Option<YearMonth>,
    #[serde(default = "defaults::kind")]
    pub kind: ExchangeKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Connector {
    #[serde(default = "defaults::market")]
    pub market: Market,
    #[serde(default = "defaults::build")]
    pub build: Build,
    /// For a modification: the existing Hummingbot connector being modified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_connector: Option<String>,
    /// A reusable Hummingbot connector for an exchange with a similar API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precedent: Option<String>,
    /// For a modification: the parts (estimate task ids) that change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<TaskId>,
}

impl Default for Connector {
    fn default() -> Self {
        Self {
            market: defaults::market(),
            build: defaults::build(),
            base_connector: None,
            precedent: None,
            changes: Vec::new(),
        }
    }
}

impl Case {
    /// Reads the version and the shape but not the rules: for a draft that was saved while some
    /// field broke a rule, so that it comes back as the user left it.
    pub fn shape_from_value(value: serde_json::Value) -> Result<Case, CaseError> {
        let version = match &value {
            serde_json::Value::Object(map) => map.get("version").cloned(),
            _ => return Err(CaseError::field("", "a case file is a JSON object")),
        };
        match version {
            None => return Err(CaseError::MissingVersion),
            Some(v) if v.as_u64() == Some(CASE_VERSION) => {}
            Some(v) => {
                let newer = v.as_u64().is_some_and(|n| n > CASE_VERSION);
                return Err(CaseError::UnsupportedVersion {
                    found: crate::support::json::quoted(&v),
                    hint: if newer {
                        "it was written by a newer Connector Scope: update to read it"
                    } else {
                        "versions are whole numbers starting at 1"
                    },
                });
            }
        }
        crate::case::read::case(&Node::root(&value)).map_err(|e| CaseError::Invalid(vec![e]))
    }

    /// The case file's text, indented for people to read and diff.
    pub fn to_json(&self) -> String {
        crate::support::pretty::pretty(&serde_json::to_string(self).unwrap_or_default())
    }

    /// The exchange's age in whole months at `as_of`, when both are known.
    pub fn exchange_age_months(&self) -> Option<i32> {
        Some(
            self.exchange
                .launched?
                .months_until(self.as_of?.year_month()),
        )
    }

    /// A stage's status (not started unless the case says otherwise).
    pub fn stage_status(&self, stage: StageId) -> StageStatus {
        self.stages
            .get(&stage)
            .copied()
            .unwrap_or(StageStatus::NotStarted)
    }
}

/// A new case, dated `as_of` (the day it is created), with the estimator's defaults and a rate so
/// that every figure shows at once; the questionnaire starts unanswered.
pub fn blank_case(as_of: Date) -> Case {
    // Built directly rather than read from JSON: a first visit then starts without compiling the
    // case reader (the test below holds it equal to the minimal case file with these two fields).
    Case {
        version: CASE_VERSION,
        as_of: Some(as_of),
        exchange: Exchange {
            name: defaults::NEW_CASE_NAME.into(),
            launched: None,
            kind: defaults::kind(),
        },
        connector: Default::default(),
        path: defaults::path(),
        governance_era: defaults::era(),
        api: SortedMap::new(),
        api_sources: SortedMap::new(),
        estimate: EstimateSettings {
            hourly_rate: Some(defaults::new_case_rate()),
            ..Default::default()
        },
        simulation: Default::default(),
        stages: SortedMap::new(),
        criteria: None,
        candidates: Vec::new(),
        weights: Default::default(),
        evaluation: Default::default(),
        selected_candidate: None,
        agreement: None,
    }
}
