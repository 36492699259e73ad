//! The case file: one versioned JSON document describing one exchange's case.
//!
//! Reading goes in three steps, each with its own error: JSON syntax (line and column), the
//! version (refused unless supported), then the typed shape and the rules, every error naming the
//! field path (`api.ws_order_book: unknown answer "maybe" ...`).

mod read;

use crate::support::number::Shortest;
use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::agreement::{AgreementKind, AgreementSpec, MAX_MONTHS};
use crate::evaluate::ahp;
use crate::estimate::connectors;
use crate::evaluate::criteria::{
    Candidate, Criterion, CriterionKind, EvaluationSettings, Normalization, Weights,
};
use crate::support::date::{Date, YearMonth};
use crate::estimate::{Experience, TaskId};
use crate::process::{EngagementPath, GovernanceEra, StageId, StageStatus};
use crate::support::json::Node;
use crate::maturity::rubric::{self, Answer};
use crate::support::sorted_map::SortedMap;
use crate::support::text_enum::text_enum;
use crate::support::three_point::ThreePoint;

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
    #[serde(default = "default_path")]
    pub path: EngagementPath,
    /// The governance era whose vote lengths the stage plan uses.
    #[serde(default = "default_era")]
    pub governance_era: GovernanceEra,
    /// Questionnaire answers by item id (see the rubric); unanswered items count as partial.
    #[serde(default)]
    pub api: SortedMap<String, Answer>,
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
    #[serde(default = "default_kind")]
    pub kind: ExchangeKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Connector {
    #[serde(default = "default_market")]
    pub market: Market,
    #[serde(default = "default_build")]
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
            market: Market::Spot,
            build: Build::New,
            base_connector: None,
            precedent: None,
            changes: Vec::new(),
        }
    }
}

/// The estimator's inputs.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EstimateSettings {
    /// The maintainer's hours per week on the connector.
    #[serde(default = "default_availability")]
    pub availability_hours_per_week: f64,
    /// The developer's hourly rate, as a decimal string; needed for the cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_rate: Option<Decimal>,
    /// ISO 4217 code of the rate's currency.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The Foundation's project management and QA overhead, in percent of development cost.
    #[serde(default = "default_overhead")]
    pub overhead_pct: Decimal,
    #[serde(default = "default_experience")]
    pub experience: Experience,
    /// Replaces the generated work breakdown with the case's own tasks (hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<CustomTask>>,
}

impl Default for EstimateSettings {
    fn default() -> Self {
        Self {
            availability_hours_per_week: default_availability(),
            hourly_rate: None,
            currency: default_currency(),
            overhead_pct: default_overhead(),
            experience: default_experience(),
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
    #[serde(default = "default_samples")]
    pub samples: u32,
    #[serde(default = "default_seed")]
    pub seed: u64,
}

impl Default for Simulation {
    fn default() -> Self {
        Self {
            samples: default_samples(),
            seed: default_seed(),
        }
    }
}

pub(crate) fn default_path() -> EngagementPath {
    EngagementPath::ExchangeFunded
}
pub(crate) fn default_era() -> GovernanceEra {
    GovernanceEra::Current
}
fn default_kind() -> ExchangeKind {
    ExchangeKind::Cex
}
fn default_market() -> Market {
    Market::Spot
}
fn default_build() -> Build {
    Build::New
}
fn default_availability() -> f64 {
    30.0
}
fn default_currency() -> String {
    "USD".into()
}
fn default_overhead() -> Decimal {
    Decimal::from(15)
}
fn default_experience() -> Experience {
    Experience::Experienced
}
fn default_samples() -> u32 {
    10_000
}
fn default_seed() -> u64 {
    1
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, dotted: `api.ws_order_book`, `estimate.tasks[2].pessimistic`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a case file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("the case file is not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("version: missing; a case file starts with \"version\": {CASE_VERSION}")]
    MissingVersion,
    #[error(
        "version: {found} is not a version this build reads (it reads version {CASE_VERSION}); {hint}"
    )]
    UnsupportedVersion { found: String, hint: &'static str },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<FieldError>),
}

impl CaseError {
    fn field(path: impl Into<String>, message: impl Into<String>) -> Self {
        CaseError::Invalid(vec![FieldError {
            path: path.into(),
            message: message.into(),
        }])
    }

    /// The field errors, if that is what this is.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            CaseError::Invalid(v) => v,
            _ => &[],
        }
    }
}

impl Case {
    /// Reads and validates a case file.
    pub fn from_json(text: &str) -> Result<Case, CaseError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| CaseError::Syntax {
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            })?;
        Self::from_value(value)
    }

    pub fn from_value(value: serde_json::Value) -> Result<Case, CaseError> {
        let case = Self::shape_from_value(value)?;
        let errors = case.problems();
        if errors.is_empty() {
            Ok(case)
        } else {
            Err(CaseError::Invalid(errors))
        }
    }

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

    /// Every rule the shape alone does not enforce, each naming its field.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |path: &str, message: String| {
            errors.push(FieldError {
                path: path.into(),
                message,
            })
        };

        let name = self.exchange.name.trim();
        if name.is_empty() {
            err("exchange.name", "must not be empty".into());
        } else {
            line_text(&mut err, "exchange.name", name, MAX_NAME);
        }
        match (self.exchange.launched, self.as_of) {
            (Some(_), None) => err(
                "as_of",
                "required with exchange.launched: the exchange's age is computed against it".into(),
            ),
            (Some(launched), Some(as_of)) if launched > as_of.year_month() => err(
                "exchange.launched",
                format!("{launched} is after as_of ({as_of})"),
            ),
            _ => {}
        }

        for key in self.api.keys() {
            if rubric::item(key).is_none() {
                err(
                    &format!("api.{key}"),
                    "unknown questionnaire item (the rubric lists the item ids)".into(),
                );
            }
        }

        let c = &self.connector;
        let known = |field: &str, name: &Option<String>, errors: &mut dyn FnMut(&str, String)| {
            if let Some(n) = name
                && connectors::find(n).is_none()
            {
                errors(
                    field,
                    format!("{n:?} is not a Hummingbot connector (see the connector list)"),
                );
            }
        };
        known("connector.precedent", &c.precedent, &mut err);
        if c.build == Build::Modification {
            match &c.base_connector {
                None => err(
                    "connector.base_connector",
                    "required for a modification: the existing connector being modified".into(),
                ),
                some => known("connector.base_connector", some, &mut err),
            }
            if c.changes.is_empty() && self.estimate.tasks.is_none() {
                err(
                    "connector.changes",
                    "a modification names the parts that change (estimate task ids)".into(),
                );
            }
        }
        for (i, task) in c.changes.iter().enumerate() {
            if task.perpetual_only() && !c.market.has_perpetual() {
                err(
                    &format!("connector.changes[{i}]"),
                    format!("{task} is a perpetual part, but the market is {}", c.market),
                );
            }
            if c.changes[..i].contains(task) {
                err(
                    &format!("connector.changes[{i}]"),
                    format!("{task} is listed twice"),
                );
            }
        }

        let e = &self.estimate;
        if !(e.availability_hours_per_week.is_finite()
            && e.availability_hours_per_week >= 1.0
            && e.availability_hours_per_week <= 80.0)
        {
            err(
                "estimate.availability_hours_per_week",
                "must be between 1 and 80 hours a week".into(),
            );
        }
        if let Some(rate) = e.hourly_rate
            && (rate < Decimal::ZERO || rate > Decimal::from(10_000))
        {
            err(
                "estimate.hourly_rate",
                "must be between 0 and 10,000 per hour".into(),
            );
        }
        if e.overhead_pct < Decimal::ZERO || e.overhead_pct > Decimal::from(200) {
            err(
                "estimate.overhead_pct",
                "must be between 0 and 200 percent".into(),
            );
        }
        if !(e.currency.len() == 3 && e.currency.bytes().all(|b| b.is_ascii_uppercase())) {
            err(
                "estimate.currency",
                format!(
                    "{:?} is not a three-letter currency code such as USD",
                    e.currency
                ),
            );
        }
        if let Some(tasks) = &e.tasks {
            if tasks.is_empty() || tasks.len() > MAX_CUSTOM_TASKS {
                err(
                    "estimate.tasks",
                    format!("must list 1 to {MAX_CUSTOM_TASKS} tasks"),
                );
            }
            for (i, t) in tasks.iter().enumerate() {
                let at = format!("estimate.tasks[{i}]");
                if t.id.trim().is_empty() {
                    err(&format!("{at}.id"), "must not be empty".into());
                } else if tasks[..i].iter().any(|o| o.id == t.id) {
                    err(&format!("{at}.id"), format!("{:?} is used twice", t.id));
                } else {
                    line_text(&mut err, &format!("{at}.id"), &t.id, MAX_ID);
                }
                if let Some(label) = &t.label {
                    line_text(&mut err, &format!("{at}.label"), label, MAX_NAME);
                }
                if let Err(problem) = ThreePoint::new(t.optimistic, t.most_likely, t.pessimistic) {
                    err(&at, format!("hours {problem}"));
                } else if t.pessimistic > 100_000.0 {
                    err(
                        &format!("{at}.pessimistic"),
                        "must be at most 100,000 hours".into(),
                    );
                }
            }
        }

        let s = &self.simulation;
        if !(MIN_SAMPLES..=MAX_SAMPLES).contains(&s.samples) {
            err(
                "simulation.samples",
                format!("must be between {MIN_SAMPLES} and {MAX_SAMPLES}"),
            );
        }
        if s.seed > MAX_SEED {
            err(
                "simulation.seed",
                format!("must be at most {MAX_SEED}, so that JavaScript reads it exactly"),
            );
        }
        self.evaluation_problems(&mut err);
        self.agreement_problems(&mut err);
        errors
    }

    fn evaluation_problems(&self, err: &mut dyn FnMut(&str, String)) {
        let criteria = crate::evaluate::criteria_of(self);
        if let Some(list) = &self.criteria {
            if list.is_empty() || list.len() > MAX_CRITERIA {
                err(
                    "criteria",
                    format!("must list 1 to {MAX_CRITERIA} criteria"),
                );
            }
            for (i, c) in list.iter().enumerate() {
                let at = format!("criteria[{i}]");
                if c.id.trim().is_empty() {
                    err(&format!("{at}.id"), "must not be empty".into());
                } else if list[..i].iter().any(|o| o.id == c.id) {
                    err(&format!("{at}.id"), format!("{:?} is used twice", c.id));
                } else {
                    line_text(err, &format!("{at}.id"), &c.id, MAX_ID);
                }
                if let Some(label) = &c.label {
                    line_text(err, &format!("{at}.label"), label, MAX_NAME);
                }
                if let Some(unit) = &c.unit {
                    line_text(err, &format!("{at}.unit"), unit, MAX_UNIT);
                }
                match c.weight {
                    Some(w) if !(0.0..=MAX_VALUE).contains(&w) => err(
                        &format!("{at}.weight"),
                        "must be a number from 0 to 10^12".into(),
                    ),
                    None if self.weights.ahp.is_none() => err(
                        &format!("{at}.weight"),
                        "required unless weights.ahp gives the weights".into(),
                    ),
                    _ => {}
                }
            }
        }
        if self.weights.ahp.is_none()
            && criteria.iter().all(|c| c.weight.unwrap_or(0.0) == 0.0)
            && !criteria.is_empty()
        {
            err(
                "criteria",
                "the weights are all zero: give at least one criterion a weight".into(),
            );
        }
        if let Some(input) = &self.weights.ahp {
            let want: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
            let once = |id: &&str| input.order.iter().filter(|o| o == id).count() == 1;
            if input.order.len() != want.len() || !want.iter().all(once) {
                err(
                    "weights.ahp.order",
                    format!("must list each criterion once: {}", want.join(", ")),
                );
            } else if let Err((at, message)) = ahp::full_matrix(input) {
                err(&format!("weights.ahp.{at}"), message);
            }
        }

        if self.candidates.len() > MAX_CANDIDATES {
            err(
                "candidates",
                format!("at most {MAX_CANDIDATES} candidates can be compared"),
            );
            return;
        }
        let normalization = self
            .evaluation
            .normalization
            .unwrap_or(self.evaluation.method.default_normalization());
        for (i, cand) in self.candidates.iter().enumerate() {
            let at = format!("candidates[{i}]");
            let name = cand.name.trim();
            if name.is_empty() {
                err(&format!("{at}.name"), "must not be empty".into());
            } else if self.candidates[..i].iter().any(|o| o.name.trim() == name) {
                err(&format!("{at}.name"), format!("{name:?} is listed twice"));
            } else {
                line_text(err, &format!("{at}.name"), name, MAX_NAME);
            }
            for c in &criteria {
                let path = format!("{at}.values.{}", c.id);
                match cand.values.get(&c.id) {
                    None => err(
                        &path,
                        format!(
                            "missing for {:?}: every candidate needs a value for {}",
                            cand.name,
                            c.label()
                        ),
                    ),
                    Some(v) if !(v.is_finite() && *v >= 0.0 && *v <= MAX_VALUE) => err(
                        &path,
                        format!(
                            "{} for {:?} must be a number from 0 to 10^12",
                            Shortest(*v),
                            cand.name
                        ),
                    ),
                    Some(v)
                        if *v == 0.0
                            && c.kind == CriterionKind::Cost
                            && matches!(normalization, Normalization::Max | Normalization::Sum) =>
                    {
                        err(
                            &path,
                            format!(
                                "0 for {:?}: a cost must be above 0 under {normalization} normalization",
                                cand.name
                            ),
                        )
                    }
                    Some(_) => {}
                }
            }
            for key in cand.values.keys() {
                if !criteria.iter().any(|c| c.id == *key) {
                    err(
                        &format!("{at}.values.{key}"),
                        "not a criterion of this case".into(),
                    );
                }
            }
        }
        if let Some(selected) = &self.selected_candidate
            && !self.candidates.iter().any(|c| c.name == *selected)
        {
            err(
                "selected_candidate",
                format!("{selected:?} is not one of the candidates"),
            );
        }
    }

    fn agreement_problems(&self, err: &mut dyn FnMut(&str, String)) {
        let Some(a) = &self.agreement else { return };
        let max = Decimal::from(1_000_000_000_000i64);
        let amount = |err: &mut dyn FnMut(&str, String),
                      field: &str,
                      value: Option<Decimal>,
                      needed: bool,
                      limit: Decimal| match value {
            None if needed => err(
                &format!("agreement.{field}"),
                format!("required for a {} agreement", a.kind),
            ),
            Some(v) if v < Decimal::ZERO || v > limit => err(
                &format!("agreement.{field}"),
                format!("must be between 0 and {limit}"),
            ),
            _ => {}
        };
        let variable = a.kind == AgreementKind::Variable;
        amount(err, "monthly_volume", a.monthly_volume, variable, max);
        amount(
            err,
            "fee_rate_pct",
            a.fee_rate_pct,
            variable,
            Decimal::ONE_HUNDRED,
        );
        amount(
            err,
            "share_pct",
            a.share_pct,
            variable,
            Decimal::ONE_HUNDRED,
        );
        amount(err, "fixed_monthly", a.fixed_monthly, !variable, max);
        amount(err, "build_charge", a.build_charge, false, max);
        if a.monthly_growth_pct < Decimal::from(-100) || a.monthly_growth_pct > Decimal::ONE_HUNDRED
        {
            err(
                "agreement.monthly_growth_pct",
                "must be between -100 and 100 percent".into(),
            );
        }
        if a.months == 0 || a.months > MAX_MONTHS {
            err(
                "agreement.months",
                format!("must be between 1 and {MAX_MONTHS}"),
            );
        } else if variable && let Some(volume) = a.monthly_volume {
            let growth = a.monthly_growth_pct.as_f64();
            // Compounded growth must keep the last month's volume a real figure (and inside
            // Decimal's range): at most 10^15 a month.
            let first = volume.as_f64();
            let last = first * (1.0 + growth / 100.0).powi(a.months as i32 - 1);
            if !(last.is_finite() && last <= 1e15) {
                err(
                    "agreement.monthly_growth_pct",
                    format!(
                        "at {}% a month the volume passes 10^15 a month within {} months: lower the growth or the months",
                        a.monthly_growth_pct, a.months
                    ),
                );
            }
        }
        if let Some(i) = &a.incentives {
            if let Some(symbol) = &i.exchange_token_symbol {
                line_text(
                    err,
                    "agreement.incentives.exchange_token_symbol",
                    symbol,
                    MAX_SYMBOL,
                );
            }
            if i.hbot < Decimal::ZERO || i.exchange_token < Decimal::ZERO {
                err(
                    "agreement.incentives",
                    "rewards must not be negative".into(),
                );
            }
            if i.first_users == 0 && (i.hbot > Decimal::ZERO || i.exchange_token > Decimal::ZERO) {
                err(
                    "agreement.incentives.first_users",
                    "rewards need at least one first user".into(),
                );
            }
        }
    }

    /// A stage's status (not started unless the case says otherwise).
    pub fn stage_status(&self, stage: StageId) -> StageStatus {
        self.stages
            .get(&stage)
            .copied()
            .unwrap_or(StageStatus::NotStarted)
    }
}

/// A text of one line (a name, a label, a symbol): no line break or other control character,
/// and at most `max` characters, so that it cannot add lines to a report or swell a table.
fn line_text(err: &mut dyn FnMut(&str, String), path: &str, text: &str, max: usize) {
    if text
        .chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        err(
            path,
            "must be one line: no line breaks, tabs or control characters".into(),
        );
    } else if text.chars().count() > max {
        err(path, format!("must be at most {max} characters"));
    }
}

/// serde_json appends " at line L column C" to its messages; the error says it separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The JSON Schema of the case file, generated from these types.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Case);
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    // schemars describes rust_decimal's own parser, which takes an exponent; the reader takes
    // plain decimals only (money::parse_amount).
    text.replace(r#"(\\.\\d+)?([eE]\\d+)?$"#, r#"(\\.\\d+)?$"#)
}
