//! The scan of a real spot specification (Binance's, about 1 MB of OpenAPI 3 YAML), natively:
//! reading the YAML, and the whole scan. `cargo bench -p scope-scan` (BENCHMARKS.md).

use criterion::{Criterion, criterion_group, criterion_main};
use scope_core::case::Market;
use scope_scan::{Document, scan, tree::Tree};

const SPOT: &str = include_str!("../tests/real/binance_spot_api.yaml");

fn bench(c: &mut Criterion) {
    c.bench_function("scan/binance-spot/read", |b| {
        b.iter(|| Tree::read(std::hint::black_box(SPOT)).map(|(t, _)| t.len()))
    });
    c.bench_function("scan/binance-spot/whole", |b| {
        b.iter(|| {
            scan(
                &[Document {
                    name: "spot_api.yaml",
                    text: std::hint::black_box(SPOT),
                }],
                Market::Spot,
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
