//! The figures a case must reproduce on every platform, as one JSON text.
//!
//! The native tests and the browser tests compare it with the golden files in tests/cases/golden:
//! equal text means the same generator, the same math library and the same rules.

use crate::case::{Case, CaseError};
use crate::estimate::sampling::{BetaPert, Sampler};

/// The rank, the estimate's headline figures (the build span and the outside view's percentile
/// among them), the histogram counts, and the first unrounded draws of each kind: Beta-PERT, the
/// common factor (the normal quantile, `ln` and `exp`) and the release wait (any difference in the
/// generator or the math library shows there first).
pub fn fingerprint(case: &Case) -> Result<String, CaseError> {
    let r = crate::estimate::estimate(case)?;
    let m = crate::maturity::rank(case);
    let mut sampler = Sampler::new(case.simulation.seed);
    let first_draws: Vec<f64> = r
        .tasks
        .iter()
        .take(8)
        .map(|t| BetaPert::new(&t.hours).draw(&mut sampler))
        .collect();
    let factor = crate::estimate::uncertainty::FITTED;
    let calendar = crate::estimate::uncertainty::ReleaseCalendar::record();
    let first_factors: Vec<f64> = (0..4).map(|_| factor.draw_spread(&mut sampler)).collect();
    let first_waits: Vec<f64> = (0..4).map(|_| calendar.draw_wait(&mut sampler)).collect();
    let value = serde_json::json!({
        "score": m.score,
        "rank": m.rank,
        "effort_hours": r.effort_hours,
        "calendar_days": r.calendar_days,
        "p_over_90_days": r.p_over_90_days,
        "cost": { "p50": r.cost.p50, "p80": r.cost.p80, "p90": r.cost.p90 },
        "effort_histogram": r.charts.effort_histogram.iter().map(|b| b.count).collect::<Vec<_>>(),
        "first_draws": first_draws,
        "first_factors": first_factors,
        "first_release_waits": first_waits,
        "reference_class": { "class": r.reference_class.class, "percentile_of_p50": r.reference_class.percentile_of_p50 },
    });
    Ok(crate::support::pretty::pretty(&serde_json::to_string(&value).unwrap_or_default()) + "\n")
}
