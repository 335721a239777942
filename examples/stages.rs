//! Time of each stage of `annotate` over a JSONL file of articles (one `{"text": ...}`
//! a line), each article on its own, best of `RUNS` passes:
//! `cargo run --release --example stages -- ../bench-1mb.jsonl [RUNS]`.

use newsmark::{names, numbers, offsets::Unit, quotes, render, resolve, Document};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "../bench-1mb.jsonl".into());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let data = std::fs::read_to_string(&path).expect("read the JSONL file");
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let _ = newsmark::annotate("Jane Doe said “yes” on May 5."); // load outside the timing
    const STAGES: [&str; 8] = [
        "segment",
        "names::tag",
        "names::link",
        "quotes",
        "numbers",
        "resolve",
        "packed",
        "total",
    ];
    let mut best = [Duration::MAX; STAGES.len()];
    for _ in 0..runs {
        let mut t = [Duration::ZERO; STAGES.len()];
        for text in &texts {
            let mut clock = Instant::now();
            let mut lap = |k: usize| {
                let now = Instant::now();
                t[k] += now - clock;
                clock = now;
            };
            let doc = Document::new(text);
            lap(0);
            let mentions = names::tag(&doc, names::compiled());
            lap(1);
            let found = names::link::link(&doc, mentions);
            lap(2);
            let mut proposals = quotes::recognize(&doc, &found);
            lap(3);
            proposals.extend(found);
            proposals.extend(numbers::recognize(&doc));
            lap(4);
            let result = resolve::resolve(text, proposals);
            lap(5);
            std::hint::black_box(render::packed::packed(text, &result, Unit::Utf16));
            lap(6);
        }
        t[7] = t[..7].iter().sum();
        for (b, t) in best.iter_mut().zip(t) {
            *b = (*b).min(t);
        }
    }
    println!("{} articles, {bytes} bytes, best of {runs}:", texts.len());
    for (name, b) in STAGES.iter().zip(best) {
        println!("  {name:12} {:7.1} ms", b.as_secs_f64() * 1e3);
    }
}
