//! Speed of the name recognizer alone (tagger, post-rules, linking). Run with
//! `cargo bench --bench names`.
//!
//! Two inputs: one real article repeated to about 1 MB as a single document (few distinct
//! words: the best case for anything cached per distinct word), and every document of
//! CoNLL-2003 dev (Reuters news, 216 documents, 0.28 MB of text), each recognized on its own
//! as a page or the CLI would.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsmark::{names, Document};

fn repeated() -> String {
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

/// The texts of CoNLL-2003 dev; empty (with a message) when the shared data is absent.
fn news() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/names/conll2003_dev.jsonl"
    );
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return Vec::new();
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = repeated();
    let doc = Document::new(&text);
    let _ = names::recognize(&doc); // load the model outside the timing
    let mut g = c.benchmark_group("names");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("recognize 1 MB", |b| b.iter(|| names::recognize(&doc)));
    let texts = news();
    if !texts.is_empty() {
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("recognize conll2003_dev documents", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| names::recognize(d).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
