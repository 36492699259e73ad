//! The figures a case must reproduce on every platform, as one JSON text.
//!
//! The native tests and the browser tests compare it with the golden files in tests/cases/golden:
//! equal text means the same generator, the same math library and the same rules.

use crate::case::{Case, CaseError};
use crate::sampling::{BetaPert, Sampler};

/// The rank, the estimate's headline figures, the histogram counts and the first unrounded
/// Beta-PERT draws (any difference in the generator, `ln` or `exp` shows there first).
pub fn fingerprint(case: &Case) -> Result<String, CaseError> {
    let r = crate::estimate(case)?;
    let m = crate::rank(case);
    let mut sampler = Sampler::new(case.simulation.seed);
    let first_draws: Vec<f64> = r
        .tasks
        .iter()
        .take(8)
        .map(|t| BetaPert::new(&t.hours).draw(&mut sampler))
        .collect();
    let value = serde_json::json!({
        "score": m.score,
        "rank": m.rank,
        "effort_hours": r.effort_hours,
        "calendar_days": r.calendar_days,
        "p_over_90_days": r.p_over_90_days,
        "cost": { "p50": r.cost.p50, "p80": r.cost.p80, "p90": r.cost.p90 },
        "effort_histogram": r.charts.effort_histogram.iter().map(|b| b.count).collect::<Vec<_>>(),
        "first_draws": first_draws,
    });
    Ok(serde_json::to_string_pretty(&value).unwrap_or_default() + "\n")
}
