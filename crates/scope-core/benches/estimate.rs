//! A whole case (issue #9's core budget: under 5 ms), a full estimate of the mature spot example
//! with 10,000 Monte Carlo samples, and its parts. Run with `cargo bench -p scope-core --bench
//! estimate` (or `cargo xtask bench core`); figures go in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use scope_core::Case;

fn mature_spot() -> Case {
    let text = include_str!("../../../tests/cases/mature-spot-cex.json");
    Case::from_json(text).expect("the example case is valid")
}

/// Everything the app computes for a case: the ranking, the estimate with 10,000 samples, the
/// evaluation of 50 candidates by TOPSIS with its weight sensitivity, and the agreement.
fn whole_case(case: &Case) -> usize {
    let rank = scope_core::rank(case);
    let estimate = scope_core::estimate(case).expect("the case has a rate");
    let evaluation = scope_core::evaluate::evaluate(case).expect("the candidates are valid");
    let agreement = case
        .agreement
        .as_ref()
        .map(|a| scope_core::agreement::project(a, &case.estimate.currency));
    rank.score as usize
        + estimate.tasks.len()
        + evaluation.ranking.len()
        + agreement.is_some() as usize
}

fn benches(c: &mut Criterion) {
    let largest = Case::from_json(include_str!("../../../tests/cases/largest-case.json"))
        .expect("the largest case is valid");
    c.bench_function("case/largest/whole", |b| {
        b.iter(|| whole_case(std::hint::black_box(&largest)))
    });
    c.bench_function("evaluate/largest/topsis-50x8", |b| {
        b.iter(|| scope_core::evaluate::evaluate(std::hint::black_box(&largest)))
    });
    let case = mature_spot();
    assert_eq!(case.simulation.samples, 10_000);
    c.bench_function("estimate/mature-spot/10k-samples", |b| {
        b.iter(|| scope_core::estimate(std::hint::black_box(&case)))
    });
    c.bench_function("maturity/mature-spot", |b| {
        b.iter(|| scope_core::rank(std::hint::black_box(&case)))
    });
    c.bench_function("tasks/mature-spot", |b| {
        b.iter(|| scope_core::estimate::tasks(std::hint::black_box(&case)))
    });
    let text = include_str!("../../../tests/cases/mature-spot-cex.json");
    c.bench_function("case/parse-and-validate", |b| {
        b.iter(|| Case::from_json(std::hint::black_box(text)))
    });
}

criterion_group!(estimate, benches);
criterion_main!(estimate);
