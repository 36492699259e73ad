//! The backtest: every build of the record re-estimated without itself (run natively only).
//! May import: support, case, estimate.
//!
//! For each build, a case made only of what was known before it started (`PastBuild::case`) is
//! estimated with the common factor fitted on the other 24 builds (leave-one-out), and its span
//! from the first commit to the merge is compared with the estimate's build span. The same is
//! done for a naive forecast that only takes the empirical quantiles of the build's class among
//! the other builds (the outside view's class). `connector-scope backtest` prints the report;
//! CALIBRATION.md is its Markdown.

pub mod fit;

use serde::Serialize;
use std::fmt::Write;

use crate::estimate;
use crate::estimate::record::reference_class::{ReferenceClass, share_shorter};
use crate::estimate::record::{self, PastBuild};
use crate::estimate::stats;
use crate::estimate::uncertainty::{self, CommonFactor};
use crate::support::number::Fixed;
use fit::Prepared;

/// One build, re-estimated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacktestRow {
    pub connector: String,
    pub market: String,
    pub kind: String,
    pub precedent: Option<String>,
    /// Days from the first commit to the merge.
    pub days: u32,
    /// The common factor fitted without this build.
    pub factor: CommonFactor,
    pub model: Forecast,
    pub naive: Forecast,
}

/// One forecast of one build: its quantiles, and where the actual span fell in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Forecast {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// The probability integral transform: the forecast's probability of at most the actual days
    /// (uniform on [0, 1] when the forecast is calibrated).
    pub pit: f64,
    /// For the naive forecast, the class it used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
}

/// How well a forecaster did over the record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// Builds whose days fell within the forecast's P10-P90 (inclusive).
    pub within_p10_p90: usize,
    /// Builds whose days were at most the forecast's P50.
    pub at_or_under_p50: usize,
    /// The median of |ln(actual / P50)|: the typical error of the P50, as a log ratio.
    pub median_abs_log_error: f64,
    /// The median of P90 / P10: how wide the ranges are.
    pub median_p90_over_p10: f64,
    /// How many PITs fell in each tenth of [0, 1] (ten counts; each near n / 10 when calibrated).
    pub pit_deciles: [usize; 10],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacktestReport {
    pub builds: usize,
    /// The common factor fitted on every build: the one the estimate uses.
    pub fitted: CommonFactor,
    /// The fit's log-likelihood per build (days), to compare models on the same record.
    pub log_likelihood: f64,
    pub model: Scores,
    pub naive: Scores,
    pub rows: Vec<BacktestRow>,
}

/// Runs the backtest over the whole record.
pub fn backtest() -> BacktestReport {
    let builds = record::all();
    let cases: Vec<_> = builds.iter().map(PastBuild::case).collect();
    let prepared: Vec<Prepared> = builds
        .iter()
        .zip(&cases)
        .map(|(b, c)| Prepared::new(c, f64::from(b.days)))
        .collect();
    let all: Vec<&Prepared> = prepared.iter().collect();
    let fitted = fit::fit(&all);
    let log_likelihood = fit::log_likelihood(&all, &fitted);
    let rows: Vec<BacktestRow> = builds
        .iter()
        .enumerate()
        .map(|(j, build)| {
            let others: Vec<&Prepared> = prepared
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != j)
                .map(|(_, p)| p)
                .collect();
            let factor = fit::fit(&others);
            let case = &cases[j];
            let days = f64::from(build.days);
            let mut inputs = estimate::simulation_inputs(case);
            inputs.factor = factor;
            let sim = estimate::simulate(&inputs);
            let development = estimate::development_days(case, &sim);
            let mut span = estimate::build_days(case, &sim, &development);
            crate::support::order::sort_floats(&mut span);
            let model = Forecast {
                p10: stats::percentile_sorted(&span, 10.0),
                p50: stats::percentile_sorted(&span, 50.0),
                p90: stats::percentile_sorted(&span, 90.0),
                pit: stats::share_at_or_below(&span, days),
                class: None,
            };
            let rest: Vec<PastBuild> = builds
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != j)
                .map(|(_, b)| b.clone())
                .collect();
            let outside = ReferenceClass::among(&rest, case, model.p50);
            let class_days: Vec<f64> = outside
                .connectors
                .iter()
                .map(|c| f64::from(c.days))
                .collect();
            let naive = Forecast {
                p10: stats::percentile_sorted(&class_days, 10.0),
                p50: stats::percentile_sorted(&class_days, 50.0),
                p90: stats::percentile_sorted(&class_days, 90.0),
                pit: share_shorter(&class_days, days),
                class: Some(outside.class),
            };
            BacktestRow {
                connector: build.connector.clone(),
                market: build.market.as_str().to_string(),
                kind: build.kind.as_str().to_string(),
                precedent: build.spot_precedent.clone(),
                days: build.days,
                factor,
                model,
                naive,
            }
        })
        .collect();
    let days: Vec<f64> = rows.iter().map(|r| f64::from(r.days)).collect();
    let model: Vec<&Forecast> = rows.iter().map(|r| &r.model).collect();
    let naive: Vec<&Forecast> = rows.iter().map(|r| &r.naive).collect();
    BacktestReport {
        builds: rows.len(),
        fitted,
        log_likelihood,
        model: scores(&model, &days),
        naive: scores(&naive, &days),
        rows,
    }
}

fn scores(forecasts: &[&Forecast], days: &[f64]) -> Scores {
    let median = |mut xs: Vec<f64>| {
        crate::support::order::sort_floats(&mut xs);
        stats::percentile_sorted(&xs, 50.0)
    };
    let mut pit_deciles = [0; 10];
    for f in forecasts {
        pit_deciles[((f.pit * 10.0) as usize).min(9)] += 1;
    }
    Scores {
        within_p10_p90: forecasts
            .iter()
            .zip(days)
            .filter(|(f, d)| f.p10 <= **d && **d <= f.p90)
            .count(),
        at_or_under_p50: forecasts
            .iter()
            .zip(days)
            .filter(|(f, d)| **d <= f.p50)
            .count(),
        median_abs_log_error: median(
            forecasts
                .iter()
                .zip(days)
                .map(|(f, d)| libm::log(d / f.p50).abs())
                .collect(),
        ),
        median_p90_over_p10: median(forecasts.iter().map(|f| f.p90 / f.p10).collect()),
        pit_deciles,
    }
}

/// The backtest as CALIBRATION.md: what was measured, how to reproduce it, the data's provenance
/// and its caveats.
pub fn markdown(r: &BacktestReport) -> String {
    let mut out = String::new();
    let pct = |k: usize| Fixed(k as f64 / r.builds.max(1) as f64 * 100.0, 0);
    let spread = uncertainty::FITTED.spread_floor();
    let _ = writeln!(
        out,
        "# Calibration of the estimate\n\n\
         Written by `connector-scope backtest --format markdown > CALIBRATION.md` (`cargo run -p scope-cli -- backtest --format markdown`); \
         a test fails when this file and the command's output differ.\n\n\
         The estimate's ranges are fitted on the record of {n} real Hummingbot connector builds merged from November 2020 to December 2024 \
         (`crates/scope-core/data/connector_builds_2020_2024.csv`) and on the release calendar they were merged at \
         (`releases_2020_2024.csv`). Each build below was re-estimated as a case made only of what was known before it started: its \
         market and kind (CEX or DEX), the same exchange's spot connector as a precedent when it had been merged, the exchange's age \
         at the first commit (`record_exchanges.csv`), \"documented\" answers to every questionnaire item, and an experienced \
         developer at 30 hours a week. Its forecast is the estimate's build span (from the start of development to the merge), \
         with the common factor fitted on the other {others} builds (leave-one-out).\n",
        n = r.builds,
        others = r.builds.saturating_sub(1),
    );
    let (m, v) = (&r.model, &r.naive);
    let _ = writeln!(
        out,
        "**In plain words.** Re-estimated without itself, {k} of the {n} past builds took a number of days within the estimate's \
         P10-P90, and {half} at most its P50 (a well-calibrated forecast: about 80% and about half). The ranges are wide, their P90 \
         about {spread} times their P10 at the median, because the past builds varied that much. The estimate's P50 was typically \
         off by a factor of {model_off}, the naive forecast's (the median of the same class's other builds) by {naive_off}. Only the \
         calendar is tested: the record has no hours and no costs.\n",
        k = m.within_p10_p90,
        n = r.builds,
        half = m.at_or_under_p50,
        spread = Fixed(m.median_p90_over_p10, 1),
        model_off = Fixed(libm::exp(m.median_abs_log_error), 2),
        naive_off = Fixed(libm::exp(v.median_abs_log_error), 2),
    );
    let _ = writeln!(out, "## Result\n");
    let _ = writeln!(
        out,
        "| | the estimate | naive: the class's past builds |\n| --- | ---: | ---: |"
    );
    let row = |out: &mut String, label: &str, a: String, b: String| {
        let _ = writeln!(out, "| {label} | {a} | {b} |");
    };
    row(
        &mut out,
        "builds within their P10-P90",
        format!(
            "{} of {} ({}%)",
            m.within_p10_p90,
            r.builds,
            pct(m.within_p10_p90)
        ),
        format!(
            "{} of {} ({}%)",
            v.within_p10_p90,
            r.builds,
            pct(v.within_p10_p90)
        ),
    );
    row(
        &mut out,
        "builds at or under their P50",
        format!(
            "{} of {} ({}%)",
            m.at_or_under_p50,
            r.builds,
            pct(m.at_or_under_p50)
        ),
        format!(
            "{} of {} ({}%)",
            v.at_or_under_p50,
            r.builds,
            pct(v.at_or_under_p50)
        ),
    );
    row(
        &mut out,
        "median abs(ln(actual / P50))",
        Fixed(m.median_abs_log_error, 3).to_string(),
        Fixed(v.median_abs_log_error, 3).to_string(),
    );
    row(
        &mut out,
        "median P90 / P10",
        Fixed(m.median_p90_over_p10, 2).to_string(),
        Fixed(v.median_p90_over_p10, 2).to_string(),
    );
    let deciles = |s: &Scores| {
        s.pit_deciles
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    row(
        &mut out,
        "PIT histogram (builds per tenth)",
        deciles(m),
        deciles(v),
    );
    let _ = writeln!(
        out,
        "\nThe common factor fitted on all {n} builds, the one the estimate uses: mu = {spot} for spot and {perp} for perpetual \
         connectors (a median pace of {spot_pace} and {perp_pace}: the calendar takes that share of the time the breakdown's hours take at \
         the availability; lower is faster), sigma = {sigma} (an effort P90/P10 of at least {spread}, \
         whatever the number of tasks). Log-likelihood {ll} per build. The PIT of a build is the forecast's probability of at most its actual days. A calibrated forecast has about 80% of builds within \
         P10-P90, about half at or under P50, and a flat PIT histogram.\n",
        n = r.builds,
        spot = Fixed(r.fitted.mu_spot, 3),
        perp = Fixed(r.fitted.mu_perpetual, 3),
        spot_pace = Fixed(libm::exp(r.fitted.mu_spot), 2),
        perp_pace = Fixed(libm::exp(r.fitted.mu_perpetual), 2),
        sigma = Fixed(r.fitted.sigma, 3),
        ll = Fixed(r.log_likelihood, 3),
        spread = Fixed(spread, 2),
    );
    let _ = writeln!(out, "## Build by build\n");
    let _ = writeln!(
        out,
        "| connector | market | kind | precedent | days | P10 | P50 | P90 | PIT | naive class | naive P10-P90 | naive P50 |\n| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
    );
    for b in &r.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}-{} | {} |",
            b.connector,
            b.market,
            b.kind,
            b.precedent.as_deref().unwrap_or(""),
            b.days,
            Fixed(b.model.p10, 0),
            Fixed(b.model.p50, 0),
            Fixed(b.model.p90, 0),
            Fixed(b.model.pit, 2),
            b.naive.class.as_deref().unwrap_or(""),
            Fixed(b.naive.p10, 0),
            Fixed(b.naive.p90, 0),
            Fixed(b.naive.p50, 0),
        );
    }
    let _ = writeln!(
        out,
        "\n## The model\n\n\
         Each simulated project draws one common factor that multiplies every task of its work breakdown (lognormal, fitted by \
         maximum likelihood with EM; `crates/scope-core/src/backtest/fit.rs`). Its spread widens the effort and the cost; its median, \
         the pace, applies to the calendar only (`crates/scope-core/src/estimate/uncertainty.rs` says why). After development come the \
         published pull request (1-4 days) and QA (1-2 weeks) stages and the wait for the next release: a connector reaches master \
         only when staging is merged at a release, so the wait is drawn from the release calendar as the time left in the release \
         interval a random day falls in (mean {wait} days).\n",
        wait = Fixed(uncertainty::ReleaseCalendar::record().mean_wait(), 1),
    );
    let _ = writeln!(
        out,
        "## Caveats\n\n\
         - The span is from the first commit touching the connector's folder to the release merge that added it. Rebases and squashes \
         move the first commit later (btc_markets and gate_io_perpetual have one commit each), and work before the first commit is \
         not seen: the record's spans are short of the real ones, and the fitted pace says so.\n\
         - 25 builds is a small sample: the classes of the outside view fall back to broader ones below 5 builds, and the fit's \
         own uncertainty is only partly carried (sigma is widened by sqrt(n / (n - 2)), for the sample and the two locations).\n\
         - The exchanges' launch months were labelled by hand, some only to the year; only the age class (under 1, 1-3, 3 or more \
         years) enters the estimate.\n\
         - The questionnaire answers of the past builds are not known; every build is re-estimated with \"documented\" answers, so \
         the backtest measures the ranges, not the questionnaire's adjustments: the builds of one class get nearly the same forecast, \
         and the estimate's P50 is only a little closer to the actual spans than the naive one. Its ranges cover more builds mostly \
         because they are wider than the naive forecast's, which come from as few as 4 other builds.\n\
         - Builds merged after 2024 are deliberately left out of the record: they are the out-of-sample check of this fit. Compare \
         them with their estimates before trusting the ranges further.\n\n\
         ## Data\n\n\
         From public Hummingbot repositories: hummingbot/hummingbot at 2bfaccc4 (2026-07-30); see \
         `crates/scope-core/data/README.md`.",
    );
    out
}

/// The backtest as JSON.
pub fn json(r: &BacktestReport) -> String {
    crate::support::pretty::pretty(&serde_json::to_string(r).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bars: 70-90% within P10-P90, 35-65% at or under P50, a P50 no worse than the
    /// naive class forecast's, and ranges that say something (median P90/P10 at most 4).
    #[test]
    fn backtest_meets_the_calibration_bars() {
        let r = backtest();
        assert_eq!(r.builds, 25);
        let share = |k: usize| k as f64 / r.builds as f64;
        let m = &r.model;
        assert!((0.70..=0.90).contains(&share(m.within_p10_p90)), "{m:?}");
        assert!((0.35..=0.65).contains(&share(m.at_or_under_p50)), "{m:?}");
        assert!(
            m.median_abs_log_error <= r.naive.median_abs_log_error,
            "{m:?} against {:?}",
            r.naive
        );
        assert!(m.median_p90_over_p10 <= 4.0, "{m:?}");
        assert_eq!(m.pit_deciles.iter().sum::<usize>(), 25);
        // The constants the estimate ships are this run's.
        assert!(
            (r.fitted.mu_spot - uncertainty::FITTED.mu_spot).abs() < 0.005
                && (r.fitted.mu_perpetual - uncertainty::FITTED.mu_perpetual).abs() < 0.005,
            "{:?}",
            r.fitted
        );
        assert!(
            (r.fitted.sigma - uncertainty::FITTED.sigma).abs() < 0.005,
            "{:?}",
            r.fitted
        );
        assert_eq!(uncertainty::BACKTESTED.builds, r.builds);
        assert_eq!(uncertainty::BACKTESTED.within_p10_p90, m.within_p10_p90);
        // CALIBRATION.md is this run's Markdown.
        // A change shows as a diff; UPDATE_EXPECT=1 rewrites the file.
        expect_test::expect_file!["../../../../CALIBRATION.md"].assert_eq(&(markdown(&r) + "\n"));
    }
}
