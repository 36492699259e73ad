//! Ranking 1,000 candidates on the 8 default criteria, with dominance and weight sensitivity,
//! by weighted sum and by TOPSIS. Run with `cargo bench -p scope-core --bench evaluate`.

use criterion::{Criterion, criterion_group, criterion_main};
use scope_core::Case;
use scope_core::estimate::sampling::Sampler;
use serde_json::json;

fn thousand_candidates(method: &str) -> Case {
    let mut s = Sampler::new(1000);
    let mut draw = |lo: f64, hi: f64| (lo + (hi - lo) * s.uniform()).round();
    let candidates: Vec<_> = (0..1000)
        .map(|i| {
            json!({ "name": format!("candidate {i}"), "values": {
                "seniority": draw(0.0, 20.0), "experience": draw(0.0, 12.0), "references": draw(1.0, 5.0),
                "track_record": draw(40.0, 100.0), "availability": draw(5.0, 40.0), "cost": draw(30.0, 200.0),
                "speed": draw(20.0, 90.0), "interest": draw(1.0, 5.0) } })
        })
        .collect();
    let v = json!({ "version": 1, "exchange": { "name": "Bench" }, "candidates": candidates, "evaluation": { "method": method } });
    Case::from_value(v).expect("a valid case")
}

fn benches(c: &mut Criterion) {
    for method in ["weighted_sum", "topsis"] {
        let case = thousand_candidates(method);
        c.bench_function(&format!("evaluate/{method}/1000x8"), |b| {
            b.iter(|| scope_core::evaluate::evaluate(std::hint::black_box(&case)))
        });
    }
}

criterion_group!(evaluate, benches);
criterion_main!(evaluate);
