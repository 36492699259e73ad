//! The rules across a case that its shape alone does not hold, reading a case file with them
//! (`Case::from_json`), and what each command needs.
//! May import: support, case, process, maturity, agreement, evaluate, estimate.
//!
//! The case module reads a file's syntax, version and shape (`Case::shape_from_value`); the rules
//! are here because they ask the domains (is this a questionnaire item, a Hummingbot connector, a
//! consistent AHP matrix?).

mod agreement;
mod evaluation;
pub mod needs;

use rust_decimal::Decimal;

use crate::case::{
    Build, Case, CaseError, FieldError, MAX_CUSTOM_TASKS, MAX_ID, MAX_NAME, MAX_SAMPLES, MAX_SEED,
    MIN_SAMPLES,
};
use crate::estimate::connectors;
use crate::maturity::rubric;
use crate::support::three_point::ThreePoint;

impl Case {
    /// Reads and validates a case file.
    pub fn from_json(text: &str) -> Result<Case, CaseError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| CaseError::Syntax {
                line: e.line(),
                column: e.column(),
                message: crate::case::error::strip_position(&e.to_string()),
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

        for (key, source) in self.api_sources.iter() {
            let at = format!("api_sources.{key}");
            if !self.api.contains_key(key) {
                err(
                    &at,
                    "names the source of an answer the case does not have".into(),
                );
            } else if source.trim().is_empty() {
                err(
                    &at,
                    "names no source: give the document's name, or remove the entry".into(),
                );
            } else {
                line_text(&mut err, &at, source, MAX_NAME);
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
        evaluation::evaluation(self, &mut err);
        agreement::agreement(self, &mut err);
        errors
    }
}

/// A text of one line (a name, a label, a symbol): no line break or other control character,
/// and at most `max` characters, so that it cannot add lines to a report or swell a table.
fn line_text(err: &mut dyn FnMut(&str, String), path: &str, text: &str, max: usize) {
    if text.chars().any(crate::support::escape::breaks_line) {
        err(
            path,
            "must be one line: no line breaks, tabs or control characters".into(),
        );
    } else if text.chars().count() > max {
        err(path, format!("must be at most {max} characters"));
    }
}
