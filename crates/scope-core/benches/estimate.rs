//! A full estimate of the mature spot example with 10,000 Monte Carlo samples, and its parts.
//! Run with `cargo bench -p scope-core --bench estimate`; figures go in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use scope_core::Case;

fn mature_spot() -> Case {
    let text = include_str!("../../../tests/cases/mature-spot-cex.json");
    Case::from_json(text).expect("the example case is valid")
}

fn benches(c: &mut Criterion) {
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
