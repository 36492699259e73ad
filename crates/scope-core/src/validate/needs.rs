//! What a valid case still lacks for a command: the estimate without an hourly rate, the
//! evaluation without candidates, the agreement's projection without an agreement. Listed with
//! the case's own problems by `validate` (the CLI, the npm package, the web's Cases tool), so
//! that a case is never called ready for a command that will then refuse it.

use crate::case::{Case, Need};

/// What `case` lacks, command by command.
pub fn needs(case: &Case) -> Vec<Need> {
    let mut out = Vec::new();
    if case.estimate.hourly_rate.is_none() {
        out.push(Need::HOURLY_RATE);
    }
    if case.candidates.is_empty() {
        out.push(Need::CANDIDATES);
    }
    if case.agreement.is_none() {
        out.push(Need::AGREEMENT);
    }
    out
}

/// One line of a case's check: a problem of the case itself (`needed_by` empty), or a field a
/// command needs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub needed_by: &'static [&'static str],
}

/// Every problem of a case file at once, then what it lacks for each command. Empty: the case
/// is valid and every command can run.
///
/// The reader stops at the first field it cannot read ("12x" as a rate); that field is then
/// left out (its default stands in) and the file read again, so that the fields after it, and
/// the rules, are checked too.
pub fn check(text: &str) -> Vec<Check> {
    let problem = |path: String, message: String| Check {
        path,
        message,
        needed_by: &[],
    };
    let mut value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => {
            let e = Case::from_json(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            return vec![problem(String::new(), e)];
        }
    };
    let mut unreadable = Vec::new();
    // Each round leaves out one field; a case file has far fewer than this.
    for _ in 0..200 {
        // The shape first (what stops the reader), then the rules, read once each round.
        match Case::shape_from_value(value.clone()) {
            Ok(case) => {
                let rules = case.problems();
                if !rules.is_empty() {
                    // The rules' problems, all at once, after the fields that could not be read.
                    let rules: Vec<Check> = rules
                        .into_iter()
                        .filter(|f| !unreadable.iter().any(|u: &Check| u.path == f.path))
                        .map(|f| problem(f.path, f.message))
                        .collect();
                    unreadable.extend(rules);
                    return unreadable;
                }
                return unreadable
                    .into_iter()
                    .chain(needs(&case).into_iter().map(|n| Check {
                        path: n.path.into(),
                        message: n.message.into(),
                        needed_by: n.needed_by,
                    }))
                    .collect();
            }
            Err(crate::case::CaseError::Invalid(fields)) => {
                let Some(f) = fields.into_iter().next() else {
                    break;
                };
                let removed = remove(&mut value, &f.path);
                unreadable.push(problem(f.path, f.message));
                if !removed {
                    break;
                }
            }
            Err(other) => {
                let text = other.to_string();
                let (path, message) = text
                    .split_once(": ")
                    .map_or((String::new(), text.clone()), |(p, m)| {
                        (p.to_string(), m.to_string())
                    });
                unreadable.push(problem(path, message));
                break;
            }
        }
    }
    unreadable
}

/// Removes the field at `path` ("estimate.hourly_rate", "candidates[0].values.cost") from a
/// case's JSON; false when there is no such field to remove.
fn remove(value: &mut serde_json::Value, path: &str) -> bool {
    let mut parts: Vec<String> = Vec::new();
    for segment in path.split('.') {
        let (key, indices) = segment
            .split_once('[')
            .map_or((segment, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            parts.push(key.to_string());
        }
        for index in indices.split('[') {
            let index = index.trim_end_matches(']');
            if !index.is_empty() {
                parts.push(format!("#{index}"));
            }
        }
    }
    let Some((last, init)) = parts.split_last() else {
        return false;
    };
    let mut at = value;
    for part in init {
        let next = match part.strip_prefix('#') {
            Some(i) => i.parse::<usize>().ok().and_then(|i| at.get_mut(i)),
            None => at.get_mut(part.as_str()),
        };
        match next {
            Some(v) => at = v,
            None => return false,
        }
    }
    match (last.strip_prefix('#'), at) {
        (None, serde_json::Value::Object(map)) => map.remove(last.as_str()).is_some(),
        // An item of a list cannot be left out without moving the others: the check stops.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each need is what its command refuses with, and a case that has them all needs nothing.
    #[test]
    fn needs_match_what_commands_refuse() {
        let bare = Case::from_json(r#"{"version": 1, "exchange": {"name": "Bare"}}"#).unwrap();
        assert_eq!(
            needs(&bare),
            [Need::HOURLY_RATE, Need::CANDIDATES, Need::AGREEMENT]
        );
        assert_eq!(
            crate::estimate::estimate(&bare).unwrap_err().to_string(),
            Need::HOURLY_RATE.error().to_string()
        );
        assert_eq!(
            crate::evaluate::evaluate(&bare).unwrap_err().to_string(),
            Need::CANDIDATES.error().to_string()
        );
        let full =
            Case::from_json(include_str!("../../../../tests/cases/mature-spot-cex.json")).unwrap();
        assert_eq!(needs(&full), []);
    }

    /// An unreadable field no longer hides the rest: the fields after it and the rules.
    #[test]
    fn an_unreadable_field_hides_nothing() {
        let checks = check(
            r#"{"version": 1, "exchange": {"name": ""}, "estimate": {"hourly_rate": "12x", "availability_hours_per_week": 500}, "api": {"ws_order_book": "maybe"}, "simulation": {"samples": 0}}"#,
        );
        let paths: Vec<&str> = checks.iter().map(|c| c.path.as_str()).collect();
        for want in [
            "estimate.hourly_rate",
            "api.ws_order_book",
            "exchange.name",
            "estimate.availability_hours_per_week",
            "simulation.samples",
        ] {
            assert!(paths.contains(&want), "{want} missing: {paths:?}");
        }
    }

    /// All of a case's problems come at once, each naming its field.
    #[test]
    fn every_problem_at_once() {
        let checks = check(
            r#"{"version": 1, "exchange": {"name": ""}, "estimate": {"availability_hours_per_week": 500, "currency": "usd"}}"#,
        );
        let paths: Vec<&str> = checks.iter().map(|c| c.path.as_str()).collect();
        assert!(paths.contains(&"exchange.name"), "{paths:?}");
        assert!(
            paths.contains(&"estimate.availability_hours_per_week"),
            "{paths:?}"
        );
        assert!(paths.contains(&"estimate.currency"), "{paths:?}");
        assert!(checks.iter().all(|c| c.needed_by.is_empty()));
        let valid = check(
            r#"{"version": 1, "exchange": {"name": "X"}, "estimate": {"hourly_rate": "75"}}"#,
        );
        assert_eq!(
            valid.iter().map(|c| c.path.as_str()).collect::<Vec<_>>(),
            ["candidates", "agreement"]
        );
    }
}
