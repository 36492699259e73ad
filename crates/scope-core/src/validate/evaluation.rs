//! The rules of the maintainer evaluation: criteria, weights (direct or AHP) and candidates.

use crate::case::{
    Case, CriterionKind, MAX_CANDIDATES, MAX_CRITERIA, MAX_ID, MAX_NAME, MAX_UNIT, MAX_VALUE,
    Normalization,
};
use crate::evaluate::{ahp, criteria_of};
use crate::support::number::Shortest;

use super::line_text;

pub(super) fn evaluation(case: &Case, err: &mut dyn FnMut(&str, String)) {
    let criteria = criteria_of(case);
    if let Some(list) = &case.criteria {
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
                None if case.weights.ahp.is_none() => err(
                    &format!("{at}.weight"),
                    "required unless weights.ahp gives the weights".into(),
                ),
                _ => {}
            }
        }
    }
    if case.weights.ahp.is_none()
        && criteria.iter().all(|c| c.weight.unwrap_or(0.0) == 0.0)
        && !criteria.is_empty()
    {
        err(
            "criteria",
            "the weights are all zero: give at least one criterion a weight".into(),
        );
    }
    if let Some(input) = &case.weights.ahp {
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

    if case.candidates.len() > MAX_CANDIDATES {
        err(
            "candidates",
            format!("at most {MAX_CANDIDATES} candidates can be compared"),
        );
        return;
    }
    let normalization = case
        .evaluation
        .normalization
        .unwrap_or(case.evaluation.method.default_normalization());
    for (i, cand) in case.candidates.iter().enumerate() {
        let at = format!("candidates[{i}]");
        let name = cand.name.trim();
        if name.is_empty() {
            err(&format!("{at}.name"), "must not be empty".into());
        } else if case.candidates[..i].iter().any(|o| o.name.trim() == name) {
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
    if let Some(selected) = &case.selected_candidate
        && !case.candidates.iter().any(|c| c.name == *selected)
    {
        err(
            "selected_candidate",
            format!("{selected:?} is not one of the candidates"),
        );
    }
}
