//! The scan of a real spot specification (Binance's, about 1 MB of OpenAPI 3 YAML), natively:
//! reading the YAML, and the whole scan. `cargo bench -p scope-scan` (BENCHMARKS.md).

use criterion::{Criterion, criterion_group, criterion_main};
use scope_core::case::Market;
use scope_scan::{Document, scan, tree::Tree};

const SPOT: &str = include_str!("../tests/real/binance_spot_api.yaml");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("scan");
    g.sample_size(20);
    g.bench_function("read binance spot yaml", |b| {
        b.iter(|| Tree::read(std::hint::black_box(SPOT)).map(|(t, _)| t.len()))
    });
    g.bench_function("scan binance spot yaml", |b| {
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
