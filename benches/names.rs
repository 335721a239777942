//! Speed of the name recognizer alone (tagger, post-rules, linking) on a real article,
//! repeated to about 1 MB. Run with `cargo bench --bench names`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsmark::{names, Document};

fn text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/samples/sheinbaum-troops.txt"
    );
    let one = std::fs::read_to_string(path).unwrap_or_else(|_| {
        "Mexican President Claudia Sheinbaum met U.S. officials in Mexico City on Monday. \
         Sheinbaum said the Drug Enforcement Administration (DEA) would help.\n"
            .to_string()
    });
    let mut t = String::new();
    while t.len() < 1_000_000 {
        t.push_str(&one);
        t.push('\n');
    }
    t
}

fn bench(c: &mut Criterion) {
    let text = text();
    let doc = Document::new(&text);
    let _ = names::recognize(&doc); // load the model outside the timing
    let mut g = c.benchmark_group("names");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("recognize 1 MB", |b| b.iter(|| names::recognize(&doc)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
