//! `annotate` over real articles: each shared sample (`../shared/data/samples/*.txt`,
//! read at run time; the project's own `tests/data/*.txt` when that is absent), then
//! about 1 MB and 8 MB made by repeating them, and hostile shapes of about 1 MB.
//!
//! ```text
//! cargo bench --bench annotate
//! ```
//!
//! The run ends with a direct linearity check: 8 MB must take at most 10× as long as
//! 1 MB, or the bench fails.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"))
        .join("data/samples");
    let read = |dir: &Path| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.extension().is_some_and(|x| x == "txt")
                            && !p.to_string_lossy().ends_with(".marked.txt")
                    })
                    .filter_map(|p| {
                        let name = p.file_stem()?.to_string_lossy().into_owned();
                        Some((name, std::fs::read_to_string(&p).ok()?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let v = read(&shared);
    if !v.is_empty() {
        return v;
    }
    eprintln!(
        "no shared samples at {}: using tests/data",
        shared.display()
    );
    read(&root.join("tests/data"))
}

/// The articles repeated, separated by blank lines, up to at least `bytes`.
fn corpus(articles: &[(String, String)], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 10_000);
    while s.len() < bytes {
        for (_, text) in articles {
            s.push_str(text);
            s.push_str("\n\n");
        }
    }
    s
}

const MB: usize = 1 << 20;

fn bench(c: &mut Criterion) {
    let articles = articles();
    assert!(!articles.is_empty(), "no articles to measure");

    let mut g = c.benchmark_group("article");
    for (name, text) in &articles {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| newsmark::annotate(black_box(t)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("repeated");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    for (label, size) in [("1MB", MB), ("8MB", 8 * MB)] {
        let text = corpus(&articles, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| newsmark::annotate(black_box(t)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    let shapes = [
        ("quote-marks", "\"".repeat(MB)),
        ("unclosed-curly", "“ ".repeat(MB / 4)),
        ("one-word", "a".repeat(MB)),
        ("initials", "J. ".repeat(MB / 3)),
        ("digits", "1,2.3 ".repeat(MB / 6)),
    ];
    for (label, text) in &shapes {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), text, |b, t| {
            b.iter(|| newsmark::annotate(black_box(t)))
        });
    }
    g.finish();

    // `cargo bench` passes --bench; `cargo test --benches` does not and stays quick
    if std::env::args().any(|a| a == "--bench") {
        linearity(&articles);
    }
}

/// Times 1 MB and 8 MB directly (best of a few runs) and fails when 8 MB takes more
/// than 10× as long.
fn linearity(articles: &[(String, String)]) {
    let best = |text: &str, runs: usize| {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(newsmark::annotate(black_box(text)));
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let one = corpus(articles, MB);
    let eight = corpus(articles, 8 * MB);
    let (t1, t8) = (best(&one, 5), best(&eight, 3));
    let mbps = |text: &str, t: Duration| text.len() as f64 / MB as f64 / t.as_secs_f64();
    let ratio = t8.as_secs_f64() / t1.as_secs_f64();
    println!(
        "linearity: 1 MB in {:.1} ms ({:.1} MB/s), 8 MB in {:.1} ms ({:.1} MB/s): {ratio:.2}x",
        t1.as_secs_f64() * 1e3,
        mbps(&one, t1),
        t8.as_secs_f64() * 1e3,
        mbps(&eight, t8),
    );
    assert!(
        ratio <= 10.0 * (eight.len() as f64 / one.len() as f64) / 8.0,
        "annotate is not linear: 8 MB took {ratio:.1}x as long as 1 MB"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
