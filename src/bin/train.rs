//! Trains the name tagger and writes `src/names/weights.bin` and `weights.json`.
//!
//! ```text
//! cargo run --release --bin train            # data from ../shared/data/names
//! cargo run --release --bin train -- --data DIR --epochs 10 --seed 7 --out src/names
//! cargo run --release --bin train -- --holdout 5 --out /tmp/w   # scores every 5th training document, left out
//! ```
//!
//! An averaged structured perceptron: for each sentence, Viterbi decoding with the
//! current weights, then `+1` on the gold tags' features and transitions and `-1` on the
//! predicted ones where they differ; the weights kept are the average over all steps.
//! Each step sees the features of a sentence less a random `--dropout` share (0.2), and
//! `--runs` runs (5, seeds `--seed`, `--seed` + 1, ...) are averaged: both make the model
//! lean on many features rather than a few, and averaging runs damps the run-to-run
//! swings that single runs show on the small dev sets.
//! Features seen fewer than `--min-count` times are not learned; after training, only
//! the `--rows` feature rows with the largest weights are kept, and quantized to `i8`
//! with one power-of-two scale per row. The
//! manifest records the data files (with FNV-1a 64 hashes), settings and the dev scores
//! printed at the end. Uses one thread; deterministic for a given seed.

mod shared;

use newsmark::names::features::{self, Features};
use newsmark::names::link;
use newsmark::names::lists::Lexicon;
use newsmark::names::model::{self, Model, Part, Transitions, TAGS};
use newsmark::names::Mention;
use newsmark::Document;
use serde_json::{json, Value};
use shared::fnv64;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::ExitCode;

const TRAIN: [&str; 4] = [
    "conll2003_train.jsonl",
    "gum_train.jsonl",
    "uner_pud.jsonl",
    "wikigold.jsonl",
];
const DEV: [&str; 3] = ["conll2003_dev.jsonl", "gum_dev.jsonl", "uner_ewt_dev.jsonl"];

struct Settings {
    data: String,
    out: String,
    epochs: usize,
    seed: u64,
    min_count: u32,
    rows: usize,
    dropout: f64,
    gum_copies: usize,
    lexicon_min: u32,
    runs: usize,
    /// every `holdout`-th document of each training file is left out and scored (0: none)
    holdout: usize,
}

struct Gold {
    /// byte spans with a type index; `optional` ones are neither rewarded nor penalised
    spans: Vec<(usize, usize, usize, bool)>,
}

struct Doc {
    text: String,
    gold: Gold,
}

fn type_index(t: &str) -> Option<usize> {
    match t {
        "person" => Some(0),
        "organization" => Some(1),
        "place" => Some(2),
        "other" => Some(3),
        _ => None,
    }
}

fn load(path: &str) -> Result<(Vec<Doc>, u64), String> {
    let raw = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let hash = fnv64(&raw);
    let text = String::from_utf8(raw).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let t = v["text"].as_str().unwrap_or("").to_string();
        // code point offsets → byte offsets
        let mut bytes: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
        bytes.push(t.len());
        let mut spans = Vec::new();
        for s in v["spans"].as_array().into_iter().flatten() {
            if s["kind"] != "name" {
                continue;
            }
            let (Some(a), Some(b), Some(ty)) = (
                s["start"].as_u64(),
                s["end"].as_u64(),
                s["type"].as_str().and_then(type_index),
            ) else {
                continue;
            };
            let (Some(&a), Some(&b)) = (bytes.get(a as usize), bytes.get(b as usize)) else {
                continue;
            };
            let optional = s["optional"].as_bool().unwrap_or(false);
            spans.push((a, b, ty, optional));
        }
        docs.push(Doc {
            text: t,
            gold: Gold { spans },
        });
    }
    Ok((docs, hash))
}

/// A training sentence: features (dense indices) of each token and gold tags.
struct Sentence {
    feats: Vec<Vec<u32>>,
    gold: Vec<u8>,
}

fn gold_tags(doc: &Document, gold: &Gold, misaligned: &mut usize) -> Vec<u8> {
    let mut tags = vec![model::OUTSIDE; doc.tokens.len()];
    for &(a, b, ty, _) in &gold.spans {
        let r = doc.tokens_in(newsmark::Span::new(a, b));
        let aligned = !r.is_empty()
            && doc.tokens[r.start].span.start == a
            && doc.tokens[r.end - 1].span.end == b;
        if !aligned {
            *misaligned += 1;
            continue;
        }
        // train on what the recognizer outputs: no titles, no possessives
        let Some(m) = link::trim(doc, Mention::new(r, ty)) else {
            continue;
        };
        let r = m.tokens;
        if r.len() == 1 {
            tags[r.start] = model::tag(Part::Unit, ty);
        } else {
            tags[r.start] = model::tag(Part::Begin, ty);
            for t in &mut tags[r.start + 1..r.end - 1] {
                *t = model::tag(Part::Inside, ty);
            }
            tags[r.end - 1] = model::tag(Part::Last, ty);
        }
    }
    tags
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn parse_args() -> Result<Settings, String> {
    let mut s = Settings {
        data: concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/names").to_string(),
        out: concat!(env!("CARGO_MANIFEST_DIR"), "/src/names").to_string(),
        epochs: 10,
        seed: 7,
        min_count: 2,
        rows: 60_000,
        dropout: 0.2,
        gum_copies: 1,
        lexicon_min: 3,
        runs: 5,
        holdout: 0,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => s.data = val()?,
            "--out" => s.out = val()?,
            "--epochs" => s.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => s.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-count" => {
                s.min_count = val()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--rows" => s.rows = val()?.parse().map_err(|e| format!("--rows: {e}"))?,
            "--runs" => s.runs = val()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--holdout" => s.holdout = val()?.parse().map_err(|e| format!("--holdout: {e}"))?,
            "--lexicon-min" => {
                s.lexicon_min = val()?.parse().map_err(|e| format!("--lexicon-min: {e}"))?
            }
            "--gum-copies" => {
                s.gum_copies = val()?.parse().map_err(|e| format!("--gum-copies: {e}"))?
            }
            "--dropout" => s.dropout = val()?.parse().map_err(|e| format!("--dropout: {e}"))?,
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    Ok(s)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let s = parse_args()?;
    let started = std::time::Instant::now();

    // 1. data → the lexicon of lowercase words, features and gold tags
    let mut files = Vec::new();
    let mut all = Vec::new();
    let mut held: Vec<(String, Vec<Doc>)> = Vec::new();
    for name in TRAIN {
        let (mut docs, hash) = load(&format!("{}/{name}", s.data))?;
        if s.holdout > 0 {
            // exploration only: the manifest of shipped weights never has a holdout
            let mut k = 0;
            let (out, kept): (Vec<Doc>, Vec<Doc>) = docs.into_iter().partition(|_| {
                k += 1;
                k % s.holdout == 0
            });
            docs = kept;
            held.push((format!("{name} (held out)"), out));
        }
        files.push(
            json!({"file": name, "fnv1a64": format!("{hash:016x}"), "documents": docs.len()}),
        );
        all.push((name, docs));
    }
    let words = lowercase_words(all.iter().flat_map(|(_, d)| d), s.lexicon_min);
    let lexicon_path = format!("{}/lowercase.txt", s.out);
    std::fs::write(&lexicon_path, words.join("\n") + "\n")
        .map_err(|e| format!("{lexicon_path}: {e}"))?;
    let lexicon = Lexicon::from_words(words.iter().map(String::as_str));
    let mut raw: Vec<(Features, Vec<std::ops::Range<usize>>, Vec<u8>)> = Vec::new();
    let mut misaligned = 0;
    let mut spans = 0;
    for (name, docs) in &all {
        for d in docs {
            let doc = Document::new(&d.text);
            let sents = features::sentence_tokens(&doc);
            let f = features::extract_with(&doc, &sents, &lexicon);
            spans += d.gold.spans.len();
            let g = gold_tags(&doc, &d.gold, &mut misaligned);
            let copies = if name.starts_with("gum") {
                s.gum_copies
            } else {
                1
            };
            for _ in 1..copies {
                raw.push((f.clone(), sents.clone(), g.clone()));
            }
            raw.push((f, sents, g));
        }
    }
    drop(all);
    eprintln!(
        "train: {} documents, {spans} spans ({misaligned} not on token bounds, left out), {:.1}s",
        raw.len(),
        started.elapsed().as_secs_f32()
    );

    // 2. feature index: features seen at least min_count times
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (f, _, _) in &raw {
        for &id in &f.ids {
            *counts.entry(id).or_insert(0) += 1;
        }
    }
    let mut kept: Vec<u32> = counts
        .iter()
        .filter(|&(_, &c)| c >= s.min_count)
        .map(|(&k, _)| k)
        .collect();
    kept.sort_unstable();
    let index: HashMap<u32, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    drop(counts);
    let mut sentences = Vec::new();
    for (f, sents, g) in &raw {
        for r in sents {
            let feats = r
                .clone()
                .map(|i| {
                    f.of(i)
                        .iter()
                        .filter_map(|k| index.get(k).copied())
                        .collect()
                })
                .collect();
            sentences.push(Sentence {
                feats,
                gold: g[r.clone()].to_vec(),
            });
        }
    }
    drop(raw);
    let tokens: usize = sentences.iter().map(|s| s.gold.len()).sum();
    eprintln!(
        "train: {} sentences, {tokens} tokens, {} features kept (count >= {})",
        sentences.len(),
        kept.len(),
        s.min_count
    );

    // 3. averaged structured perceptron, one run per seed, the runs' weights averaged
    let nf = kept.len();
    let mut w = vec![0f32; nf * TAGS];
    let mut tr = Transitions::default();
    for run in 0..s.runs {
        let seed = s.seed.wrapping_add(run as u64);
        let (rw, rt) = perceptron(&sentences, nf, seed, &s, tokens, started);
        let k = 1.0 / s.runs as f32;
        for (a, b) in w.iter_mut().zip(&rw) {
            *a += b * k;
        }
        for p in 0..TAGS {
            for t in 0..TAGS {
                tr.trans[p][t] += rt.trans[p][t] * k;
            }
            tr.start[p] += rt.start[p] * k;
            tr.end[p] += rt.end[p] * k;
        }
    }

    // 4. prune, quantize, write
    let bytes = encode(&kept, &w, &tr, s.rows);
    let model = Model::parse(&bytes).ok_or("the encoded weights do not parse")?;
    let weights_path = format!("{}/weights.bin", s.out);
    std::fs::write(&weights_path, &bytes).map_err(|e| format!("{weights_path}: {e}"))?;
    eprintln!(
        "train: {} rows kept of {nf}, {} bytes written to {weights_path}",
        model.len(),
        bytes.len()
    );

    // 5. dev scores with the quantized model and the document pass
    let mut dev = serde_json::Map::new();
    let mut report = String::new();
    for name in DEV {
        let path = format!("{}/{name}", s.data);
        let Ok((docs, hash)) = load(&path) else {
            eprintln!("train: {path} not found, no dev score");
            continue;
        };
        let (p, r, f) = score(&docs, &model, &lexicon);
        let _ = write!(report, " {name} P/R/F1 {p:.3}/{r:.3}/{f:.3};");
        dev.insert(
            name.to_string(),
            json!({"fnv1a64": format!("{hash:016x}"), "typed_precision": round3(p),
                   "typed_recall": round3(r), "typed_f1": round3(f)}),
        );
    }
    for (name, docs) in &held {
        let (p, r, f) = score(docs, &model, &lexicon);
        let _ = write!(report, " {name} P/R/F1 {p:.3}/{r:.3}/{f:.3};");
    }
    eprintln!("train: dev typed{report}");
    let manifest = json!({
        "command": "cargo run --release --bin train",
        "model": "averaged structured perceptron, BILOU x {person, organization, place, other}, Viterbi",
        "train": files,
        "settings": {"epochs": s.epochs, "seed": s.seed, "min_count": s.min_count, "rows": s.rows, "dropout": s.dropout, "gum_copies": s.gum_copies, "lexicon_min": s.lexicon_min, "runs": s.runs, "holdout": s.holdout},
        "rows": model.len(),
        "weights_bytes": bytes.len(),
        "weights_fnv1a64": format!("{:016x}", fnv64(&bytes)),
        "dev": dev,
        "licence_note": "CoNLL-2003 is Reuters RCV1 text for research use; GUM CC BY 4.0 (annotations), UNER PUD CC BY-SA 3.0, WikiGold CC BY 3.0",
    });
    let manifest_path = format!("{}/weights.json", s.out);
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    std::fs::write(&manifest_path, text).map_err(|e| format!("{manifest_path}: {e}"))?;
    eprintln!("train: done in {:.1}s", started.elapsed().as_secs_f32());
    Ok(())
}

/// Words written in lowercase at least `min` times in the training texts, sorted.
fn lowercase_words<'a>(docs: impl Iterator<Item = &'a Doc>, min: u32) -> Vec<String> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for d in docs {
        for w in d.text.split(|c: char| !c.is_alphabetic()) {
            if w.chars().count() >= 2 && w.chars().all(char::is_lowercase) {
                *counts.entry(w.to_string()).or_insert(0) += 1;
            }
        }
    }
    let mut words: Vec<String> = counts
        .into_iter()
        .filter(|&(_, c)| c >= min)
        .map(|(w, _)| w)
        .collect();
    words.sort();
    words
}

/// One averaged structured perceptron run over `sentences` (`nf` features).
fn perceptron(
    sentences: &[Sentence],
    nf: usize,
    seed: u64,
    s: &Settings,
    tokens: usize,
    started: std::time::Instant,
) -> (Vec<f32>, Transitions) {
    let mut w = vec![0f32; nf * TAGS];
    let mut u = vec![0f32; nf * TAGS];
    let mut tw = Transitions::default();
    let mut tu = Transitions::default();
    let mut c: f32 = 1.0;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut emissions: Vec<[f32; TAGS]> = Vec::new();
    let mut pred = Vec::new();
    let mut active: Vec<Vec<u32>> = Vec::new();
    for epoch in 0..s.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for &si in &order {
            let sent = &sentences[si];
            // feature dropout: each step sees a random subset of the features, so no
            // feature can stand in for another it usually comes with
            active.clear();
            for f in &sent.feats {
                active.push(
                    f.iter()
                        .copied()
                        .filter(|_| (rng.next() >> 11) as f64 / (1u64 << 53) as f64 >= s.dropout)
                        .collect::<Vec<u32>>(),
                );
            }
            emissions.clear();
            for f in &active {
                let mut e = [0f32; TAGS];
                for &k in f {
                    let row = &w[k as usize * TAGS..(k as usize + 1) * TAGS];
                    for (o, x) in e.iter_mut().zip(row) {
                        *o += x;
                    }
                }
                emissions.push(e);
            }
            model::viterbi(&emissions, &tw, &mut pred);
            if pred != sent.gold {
                let mut upd = |k: usize, d: f32| {
                    w[k] += d;
                    u[k] += c * d;
                };
                for (i, f) in active.iter().enumerate() {
                    let (g, p) = (sent.gold[i] as usize, pred[i] as usize);
                    if g != p {
                        wrong += 1;
                        for &k in f {
                            upd(k as usize * TAGS + g, 1.0);
                            upd(k as usize * TAGS + p, -1.0);
                        }
                    }
                }
                let n = pred.len();
                let (g0, p0) = (sent.gold[0] as usize, pred[0] as usize);
                tw.start[g0] += 1.0;
                tu.start[g0] += c;
                tw.start[p0] -= 1.0;
                tu.start[p0] -= c;
                let (gn, pn) = (sent.gold[n - 1] as usize, pred[n - 1] as usize);
                tw.end[gn] += 1.0;
                tu.end[gn] += c;
                tw.end[pn] -= 1.0;
                tu.end[pn] -= c;
                for i in 1..n {
                    let (ga, gb) = (sent.gold[i - 1] as usize, sent.gold[i] as usize);
                    let (pa, pb) = (pred[i - 1] as usize, pred[i] as usize);
                    tw.trans[ga][gb] += 1.0;
                    tu.trans[ga][gb] += c;
                    tw.trans[pa][pb] -= 1.0;
                    tu.trans[pa][pb] -= c;
                }
            }
            c += 1.0;
        }
        eprintln!(
            "train: epoch {} of {}: {wrong} tokens wrong ({:.2}%), {:.1}s",
            epoch + 1,
            s.epochs,
            100.0 * wrong as f32 / tokens as f32,
            started.elapsed().as_secs_f32()
        );
    }
    // averages
    for (wi, ui) in w.iter_mut().zip(&u) {
        *wi -= ui / c;
    }
    drop(u);
    let avg_t = |a: f32, b: f32| a - b / c;
    let mut tr = Transitions::default();
    for p in 0..TAGS {
        for t in 0..TAGS {
            tr.trans[p][t] = avg_t(tw.trans[p][t], tu.trans[p][t]);
        }
        tr.start[p] = avg_t(tw.start[p], tu.start[p]);
        tr.end[p] = avg_t(tw.end[p], tu.end[p]);
    }

    (w, tr)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Prunes and quantizes the averaged weights into the weight file format (see
/// `newsmark::names::model`).
fn encode(keys: &[u32], w: &[f32], tr: &Transitions, keep: usize) -> Vec<u8> {
    // the `keep` rows with the largest weights stay; the smallest largest weight among
    // them is the floor, and weights below half of it are dropped from every row
    let row_max = |i: usize| {
        w[i * TAGS..(i + 1) * TAGS]
            .iter()
            .fold(0f32, |m, x| m.max(x.abs()))
    };
    let mut maxes: Vec<f32> = (0..keys.len()).map(row_max).filter(|&m| m > 0.0).collect();
    maxes.sort_by(|a, b| b.total_cmp(a));
    let floor = maxes
        .get(keep.saturating_sub(1))
        .copied()
        .unwrap_or(0.0)
        .max(f32::MIN_POSITIVE);
    let mut rows: Vec<(u32, i8, u32, Vec<i8>)> = Vec::new();
    for (i, &k) in keys.iter().enumerate() {
        let row = &w[i * TAGS..(i + 1) * TAGS];
        let max = row.iter().fold(0f32, |m, x| m.max(x.abs()));
        if max < floor || max == 0.0 {
            continue;
        }
        let e = (max / 127.0).log2().ceil() as i32;
        let e = e.clamp(-128, 127);
        let scale = 2f32.powi(e);
        let mut mask = 0u32;
        let mut vals = Vec::new();
        for (t, &x) in row.iter().enumerate() {
            let q = (x / scale).round().clamp(-127.0, 127.0) as i8;
            // a weight far below the row's largest carries little: drop it
            if q != 0 && x.abs() >= floor * 0.5 {
                mask |= 1 << t;
                vals.push(q);
            }
        }
        if mask != 0 {
            rows.push((k, e as i8, mask, vals));
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(b"NMW1");
    out.extend_from_slice(&(TAGS as u32).to_le_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for p in 0..TAGS {
        for t in 0..TAGS {
            out.extend_from_slice(&tr.trans[p][t].to_le_bytes());
        }
    }
    for t in 0..TAGS {
        out.extend_from_slice(&tr.start[t].to_le_bytes());
    }
    for t in 0..TAGS {
        out.extend_from_slice(&tr.end[t].to_le_bytes());
    }
    let mut last = 0u32;
    for r in &rows {
        leb(&mut out, r.0 - last);
        last = r.0;
    }
    for r in &rows {
        out.push(r.1 as u8);
    }
    for r in &rows {
        leb(&mut out, r.2);
    }
    for r in &rows {
        out.extend(r.3.iter().map(|&q| q as u8));
    }
    out
}

/// Typed precision, recall and F1 as `../shared/eval/score.py` counts them: exact
/// boundaries and type; names typed `other` and optional gold spans are left out.
fn score(docs: &[Doc], model: &Model, lexicon: &Lexicon) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for d in docs {
        let doc = Document::new(&d.text);
        let found = link::link(&doc, newsmark::names::tag_with(&doc, model, lexicon));
        let req: Vec<_> = d.gold.spans.iter().filter(|s| !s.3).collect();
        let opt: Vec<_> = d.gold.spans.iter().filter(|s| s.3).collect();
        let mut matched = 0;
        for a in &found {
            let ty = match a.label {
                newsmark::Label::Name(newsmark::NameType::Person) => 0,
                newsmark::Label::Name(newsmark::NameType::Organization) => 1,
                newsmark::Label::Name(newsmark::NameType::Place) => 2,
                _ => continue,
            };
            let (s, e) = (a.span.start, a.span.end);
            if let Some(g) = req.iter().find(|g| g.0 == s && g.1 == e) {
                matched += 1;
                if g.2 == ty {
                    tp += 1;
                } else {
                    fp += 1;
                }
            } else if !opt.iter().any(|o| o.0 <= s && e <= o.1) {
                fp += 1;
            }
        }
        fneg += req.len() - matched.min(req.len());
        // a matched span of the wrong type is also a miss
        fneg += found
            .iter()
            .filter(|a| {
                req.iter().any(|g| {
                    g.0 == a.span.start && g.1 == a.span.end && {
                        let t = match a.label {
                            newsmark::Label::Name(newsmark::NameType::Person) => 0,
                            newsmark::Label::Name(newsmark::NameType::Organization) => 1,
                            newsmark::Label::Name(newsmark::NameType::Place) => 2,
                            _ => 3,
                        };
                        t != g.2 && t != 3
                    }
                })
            })
            .count();
    }
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fneg > 0 {
        tp as f64 / (tp + fneg) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
