//! Trains the learned quote decision and writes `src/quotes/weights.rs`.
//!
//! ```text
//! cargo run --release --bin train-quotes            # data from ../shared/data/quotes
//! cargo run --release --bin train-quotes -- --data DIR --out FILE --folds 5 --seed 1 --l2 0.0001 --iterations 4000 --pool mean
//! ```
//!
//! Every top-level quotation the rules find in `polnear_train.jsonl` is a training
//! example, labelled 1 when it overlaps a required gold quote (the first one it overlaps
//! that no earlier quotation took), 0 when it overlaps no gold quote at all, and left out
//! otherwise (it overlaps only an optional span, or a gold quote an earlier quotation
//! took). A logistic regression with an L2 penalty is fitted by full-batch gradient
//! descent (deterministic). First the training documents are cross-validated, `--folds`
//! folds by document (shuffled with `--seed`), for each L2 penalty of a grid (or the one
//! `--l2` gives): the out-of-fold probabilities choose the threshold that maximizes the
//! sum of overlap and exact F1 there, and the penalty kept is the largest whose sum lies
//! within one standard error of the best (the difference taken fold by fold) (the pieces of one
//! quotation running across paragraphs take one decision, pooled by `--pool`: by design,
//! since the cross-validation figures of the three ways, printed, hardly differ); then the model is
//! refitted on all of them and scored on `polnear_dev.jsonl`. The figures printed are
//! the scorer's exact and overlap counts over the quotations typed by the rules or by
//! the model (nested ones keep the rules' type); they are written into the weights file
//! with the data files' FNV-1a 64 hashes.

mod shared;

use newsmark::quotes::learned::{self, Pool, N};
use newsmark::quotes::{self, Candidate};
use newsmark::{names, Document, QuoteType};
use serde_json::Value;
use shared::fnv64;
use std::fmt::Write as _;
use std::process::ExitCode;

struct Settings {
    data: String,
    out: String,
    folds: usize,
    seed: u64,
    /// fixed L2 penalty (`None`: chosen from a grid by cross-validation)
    l2: Option<f64>,
    iterations: usize,
    pool: Pool,
}

/// One document: its quotations and its gold quotes (byte spans, optional flag).
struct Doc {
    cands: Vec<Candidate>,
    gold: Vec<(usize, usize, bool)>,
}

fn load(path: &str) -> Result<(Vec<Doc>, u64), String> {
    let raw = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let hash = fnv64(&raw);
    let text = String::from_utf8(raw).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
        let t = v["text"].as_str().unwrap_or("");
        // code points to bytes
        let mut at: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
        at.push(t.len());
        let byte = |c: &Value| c.as_u64().and_then(|c| at.get(c as usize).copied());
        let mut gold = Vec::new();
        for s in v["spans"].as_array().into_iter().flatten() {
            if s["kind"].as_str() != Some("quote") {
                continue;
            }
            if let (Some(a), Some(b)) = (byte(&s["start"]), byte(&s["end"])) {
                gold.push((a, b, s["optional"].as_bool().unwrap_or(false)));
            }
        }
        let doc = Document::new(t);
        let names = names::recognize(&doc);
        docs.push(Doc {
            cands: quotes::candidates(&doc, &names),
            gold,
        });
    }
    Ok((docs, hash))
}

/// Training label of every candidate: `Some(true)`, `Some(false)` or `None` (left out).
fn labels(d: &Doc) -> Vec<Option<bool>> {
    let mut used = vec![false; d.gold.len()];
    d.cands
        .iter()
        .map(|c| {
            let over = |g: &(usize, usize, bool)| c.span.start < g.1 && g.0 < c.span.end;
            if let Some(i) =
                (0..d.gold.len()).find(|&i| !used[i] && !d.gold[i].2 && over(&d.gold[i]))
            {
                used[i] = true;
                Some(true)
            } else if d.gold.iter().any(over) {
                None
            } else {
                Some(false)
            }
        })
        .collect()
}

/// Exact (tp, fp, fn) and overlap (tp, fp, fn) as `score.py` counts them, for the
/// quotations `kept`.
fn count(d: &Doc, kept: &[bool], c: &mut [usize; 6]) {
    let sys: Vec<(usize, usize)> = d
        .cands
        .iter()
        .zip(kept)
        .filter(|(_, &k)| k)
        .map(|(c, _)| (c.span.start, c.span.end))
        .collect();
    let req: Vec<(usize, usize)> = d.gold.iter().filter(|g| !g.2).map(|g| (g.0, g.1)).collect();
    let opt: Vec<(usize, usize)> = d.gold.iter().filter(|g| g.2).map(|g| (g.0, g.1)).collect();
    for x in &sys {
        if req.contains(x) {
            c[0] += 1;
        } else if !opt.iter().any(|o| o.0 <= x.0 && x.1 <= o.1) {
            c[1] += 1;
        }
    }
    c[2] += req.iter().filter(|g| !sys.contains(g)).count();
    let mut used = vec![false; req.len()];
    for x in &sys {
        if let Some(i) = (0..req.len()).find(|&i| !used[i] && x.0 < req[i].1 && req[i].0 < x.1) {
            used[i] = true;
            c[3] += 1;
        } else if !opt.iter().any(|o| x.0 < o.1 && o.0 < x.1) {
            c[4] += 1;
        }
    }
    c[5] += used.iter().filter(|u| !**u).count();
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    }
}

/// Exact and overlap F1 of the documents when each top-level quotation is kept by
/// `keep(doc, candidate)`, nested ones by the rules.
fn evaluate(docs: &[&Doc], keep: &dyn Fn(usize, usize) -> bool) -> (f64, f64, [usize; 6]) {
    let mut c = [0usize; 6];
    for (di, d) in docs.iter().enumerate() {
        let kept: Vec<bool> = d
            .cands
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                if c.depth == 0 && c.features.is_some() {
                    keep(di, ci)
                } else {
                    c.rule != QuoteType::Scare
                }
            })
            .collect();
        count(d, &kept, &mut c);
    }
    (f1(c[0], c[1], c[2]), f1(c[3], c[4], c[5]), c)
}

/// Logistic regression by full-batch gradient descent with an L2 penalty (not on the bias).
fn fit(rows: &[([f32; N], bool)], l2: f64, iterations: usize) -> [f32; N] {
    let mut w = [0f64; N];
    let n = rows.len().max(1) as f64;
    // Adam on the full batch: deterministic and quick on binary features
    let (mut m, mut v) = ([0f64; N], [0f64; N]);
    let (b1, b2, lr) = (0.9, 0.999, 0.05);
    for t in 1..=iterations {
        let mut g = [0f64; N];
        for (x, y) in rows {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| f64::from(*a) * b).sum();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let e = p - if *y { 1.0 } else { 0.0 };
            for (gi, xi) in g.iter_mut().zip(x) {
                *gi += e * f64::from(*xi);
            }
        }
        for i in 0..N {
            let gi = g[i] / n + if i == 0 { 0.0 } else { l2 * w[i] };
            m[i] = b1 * m[i] + (1.0 - b1) * gi;
            v[i] = b2 * v[i] + (1.0 - b2) * gi * gi;
            let mh = m[i] / (1.0 - b1.powi(t as i32));
            let vh = v[i] / (1.0 - b2.powi(t as i32));
            w[i] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
    let mut out = [0f32; N];
    for (o, x) in out.iter_mut().zip(w) {
        *o = x as f32;
    }
    out
}

/// `prob` with the pieces of each quotation running across paragraphs pooled by `how`.
fn pooled(d: &Doc, prob: &[f32], how: Pool) -> Vec<f32> {
    let top: Vec<usize> = (0..d.cands.len())
        .filter(|&i| d.cands[i].depth == 0 && d.cands[i].features.is_some())
        .collect();
    let mut p: Vec<f32> = top.iter().map(|&i| prob[i]).collect();
    let pieces: Vec<(bool, bool)> = top
        .iter()
        .map(|&i| (d.cands[i].continued, d.cands[i].runs_on))
        .collect();
    learned::pool(&mut p, &pieces, how);
    let mut out = prob.to_vec();
    for (&i, v) in top.iter().zip(p) {
        out[i] = v;
    }
    out
}

/// What cross-validating one L2 penalty gives.
#[derive(Clone)]
struct Cv {
    threshold: f32,
    /// exact F1 + overlap F1 over all training documents (out of fold)
    sum: f64,
    /// that sum on each fold
    per_fold: Vec<f64>,
    counts: [usize; 6],
}

fn cross_validate(
    train: &[Doc],
    fold: &[usize],
    folds: usize,
    l2: f64,
    iterations: usize,
    how: Pool,
) -> Cv {
    let mut prob: Vec<Vec<f32>> = train.iter().map(|d| vec![0.0; d.cands.len()]).collect();
    for f in 0..folds {
        let fit_docs: Vec<&Doc> = (0..train.len())
            .filter(|&d| fold[d] != f)
            .map(|d| &train[d])
            .collect();
        let w = fit(&rows_of(&fit_docs), l2, iterations);
        for d in (0..train.len()).filter(|&d| fold[d] == f) {
            for (ci, c) in train[d].cands.iter().enumerate() {
                if let Some(x) = c.features {
                    prob[d][ci] = learned::probability(&x, &w);
                }
            }
        }
    }
    let pp: Vec<Vec<f32>> = train
        .iter()
        .zip(&prob)
        .map(|(d, p)| pooled(d, p, how))
        .collect();
    let all: Vec<&Doc> = train.iter().collect();
    let mut best = Cv {
        threshold: 0.5,
        sum: f64::MIN,
        per_fold: Vec::new(),
        counts: [0; 6],
    };
    for t in (6..=14).map(|k| k as f32 * 0.05) {
        let keep = |di: usize, ci: usize| {
            let c = &train[di].cands[ci];
            learned::decide(c.rule, pp[di][ci], t, false) != QuoteType::Scare
        };
        let (e, l, c) = evaluate(&all, &keep);
        if e + l > best.sum + 1e-9 {
            // the spread of the sum over the folds
            let sums: Vec<f64> = (0..folds)
                .map(|f| {
                    let idx: Vec<usize> = (0..train.len()).filter(|&d| fold[d] == f).collect();
                    let docs: Vec<&Doc> = idx.iter().map(|&d| &train[d]).collect();
                    let (e, l, _) = evaluate(&docs, &|di, ci| keep(idx[di], ci));
                    e + l
                })
                .collect();
            best = Cv {
                threshold: t,
                sum: e + l,
                per_fold: sums,
                counts: c,
            };
        }
    }
    best
}

fn rows_of(docs: &[&Doc]) -> Vec<([f32; N], bool)> {
    let mut rows = Vec::new();
    for d in docs {
        for (c, l) in d.cands.iter().zip(labels(d)) {
            if let (Some(x), Some(y), 0) = (c.features, l, c.depth) {
                rows.push((x, y));
            }
        }
    }
    rows
}

fn parse_args() -> Result<Settings, String> {
    let mut s = Settings {
        data: "../shared/data/quotes".into(),
        out: "src/quotes/weights.rs".into(),
        folds: 5,
        seed: 1,
        l2: None,
        iterations: 4000,
        pool: Pool::Mean,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => s.data = val()?,
            "--out" => s.out = val()?,
            "--folds" => s.folds = val()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--seed" => s.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--l2" => s.l2 = Some(val()?.parse().map_err(|e| format!("--l2: {e}"))?),
            "--iterations" => {
                s.iterations = val()?.parse().map_err(|e| format!("--iterations: {e}"))?
            }
            "--pool" => {
                s.pool = match val()?.as_str() {
                    "none" => Pool::None,
                    "mean" => Pool::Mean,
                    "max" => Pool::Max,
                    v => return Err(format!("--pool: {v}: none, mean or max")),
                }
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if s.folds < 2 {
        return Err("--folds must be at least 2".into());
    }
    Ok(s)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-quotes: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let s = parse_args()?;
    let (train, train_hash) = load(&format!("{}/polnear_train.jsonl", s.data))?;
    let (dev, dev_hash) = load(&format!("{}/polnear_dev.jsonl", s.data))?;
    let mut report = String::new();
    let mut say = |line: String| {
        println!("{line}");
        let _ = writeln!(report, "//! {line}");
    };

    // folds by document, shuffled with the seed (xorshift)
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut state = s.seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut fold = vec![0usize; train.len()];
    for (k, &d) in order.iter().enumerate() {
        fold[d] = k % s.folds;
    }
    let all: Vec<&Doc> = train.iter().collect();
    let show = |c: [usize; 6]| {
        format!(
            "exact F1 {:.3} (tp {} fp {} fn {}), overlap F1 {:.3} (tp {} fp {} fn {})",
            f1(c[0], c[1], c[2]),
            c[0],
            c[1],
            c[2],
            f1(c[3], c[4], c[5]),
            c[3],
            c[4],
            c[5]
        )
    };
    // the rules' own decision: the top-level quotations they do not call scare
    let rule_keep = |docs: &[&Doc]| {
        let docs2 = docs.to_vec();
        evaluate(&docs2, &|di, ci| {
            docs[di].cands[ci].rule != QuoteType::Scare
        })
        .2
    };
    say(format!(
        "train ({} documents), rules: {}",
        train.len(),
        show(rule_keep(&all))
    ));
    let lab: Vec<Vec<Option<bool>>> = train.iter().map(labels).collect();
    let (_, _, c) = evaluate(&all, &|di, ci| {
        lab[di][ci].unwrap_or(train[di].cands[ci].rule != QuoteType::Scare)
    });
    say(format!(
        "train, every decision right (a ceiling): {}",
        show(c)
    ));
    // the L2 penalty: each of the grid cross-validated; the largest whose F1 sum lies
    // within one standard error of the best (fold by fold) is kept (the
    // one-standard-error rule: the simplest model the data cannot tell from the best)
    let grid: Vec<f64> = match s.l2 {
        Some(l2) => vec![l2],
        None => vec![0.0, 0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003],
    };
    let mut results: Vec<(f64, Cv)> = Vec::new();
    for &l2 in &grid {
        let r = cross_validate(&train, &fold, s.folds, l2, s.iterations, s.pool);
        results.push((l2, r));
    }
    let top = results
        .iter()
        .max_by(|a, b| a.1.sum.total_cmp(&b.1.sum))
        .map(|r| r.1.clone())
        .ok_or("no L2 to try")?;
    // how far below the best each one is, fold by fold: mean and standard error
    let behind = |r: &Cv| {
        let d: Vec<f64> = top
            .per_fold
            .iter()
            .zip(&r.per_fold)
            .map(|(a, b)| a - b)
            .collect();
        let k = d.len().max(2) as f64;
        let mean = d.iter().sum::<f64>() / k;
        let var = d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0);
        (mean, (var / k).sqrt())
    };
    for (l2, r) in &results {
        let (m, se) = behind(r);
        say(format!(
            "  L2 {l2}: threshold {:.2}, exact + overlap F1 {:.4}, behind the best by {m:.4} (standard error {se:.4})",
            r.threshold, r.sum
        ));
    }
    let (l2, best) = results
        .iter()
        .rev()
        .find(|r| {
            let (m, se) = behind(&r.1);
            m <= se
        })
        .ok_or("no L2 to try")?;
    let (l2, best) = (*l2, best.clone());
    say(format!(
        "train, {}-fold cross-validation by document (seed {}), L2 {l2}, pool {:?}, threshold {:.2}: {}",
        s.folds,
        s.seed,
        s.pool,
        best.threshold,
        show(best.counts)
    ));
    let w = fit(&rows_of(&all), l2, s.iterations);
    let devs: Vec<&Doc> = dev.iter().collect();
    say(format!(
        "dev ({} documents), rules: {}",
        dev.len(),
        show(rule_keep(&devs))
    ));
    let dp: Vec<Vec<f32>> = dev
        .iter()
        .map(|d| {
            let p: Vec<f32> = d
                .cands
                .iter()
                .map(|c| c.features.map_or(0.0, |x| learned::probability(&x, &w)))
                .collect();
            pooled(d, &p, s.pool)
        })
        .collect();
    let (_, _, c) = evaluate(&devs, &|di, ci| {
        let c = &dev[di].cands[ci];
        learned::decide(c.rule, dp[di][ci], best.threshold, false) != QuoteType::Scare
    });
    say(format!("dev, model trained on all of train: {}", show(c)));

    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Weights of the learned quote decision ([`super::learned`]), written by\n\
         //! `cargo run --release --bin train-quotes` (do not edit by hand).\n\
         //!\n\
         //! Trained on PolNeAR (`polnear_train.jsonl`, FNV-1a 64 {train_hash:016x}; scored on\n\
         //! `polnear_dev.jsonl`, {dev_hash:016x}): research use only, no licence stated; only\n\
         //! these {N} numbers are shipped, no text. Settings: {} folds, seed {}, L2 {}, {}\n\
         //! iterations. Figures printed by the trainer (nested quotations keep the rules' type;\n\
         //! before the overlap policy, so close to but not exactly `score.py`'s):\n\
         //!",
        s.folds, s.seed, l2, s.iterations
    );
    out.push_str(&report);
    let _ = writeln!(out, "\nuse super::learned::Pool;\n");
    let _ = writeln!(
        out,
        "/// How the pieces of a quotation running across paragraphs share a decision.\npub const POOL: Pool = Pool::{:?};\n",
        s.pool
    );
    let _ = writeln!(
        out,
        "/// Decision threshold on the model's probability (chosen by cross-validation on train).\npub const THRESHOLD: f32 = {:.2};\n",
        best.threshold
    );
    let _ = writeln!(
        out,
        "/// One weight a feature, in the order of [`super::learned::NAMES`] (a unit test checks\n/// there are [`super::learned::N`]).\n#[rustfmt::skip]\npub const WEIGHTS: &[f32] = &["
    );
    for (name, x) in learned::NAMES.iter().zip(w) {
        let _ = writeln!(out, "    {x:.4}, // {name}");
    }
    out.push_str("];\n");
    std::fs::write(&s.out, out).map_err(|e| format!("{}: {e}", s.out))?;
    println!("wrote {}", s.out);
    Ok(())
}
