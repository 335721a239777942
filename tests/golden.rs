//! Golden outputs: articles written for the project (`tests/data/*.txt`) with their
//! expected JSON (`*.json`, offsets in code points, one span a line) and inline rendering
//! (`*.marked.txt`) beside them.
//!
//! When a recognizer changes, regenerate and review the difference:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test golden && git diff tests/data
//! ```

mod common;

use newsmark::offsets::Unit;
use newsmark::render::{entities_json, inline, spans_json};
use newsmark::Kind;
use std::path::{Path, PathBuf};

/// The JSON form: valid JSON, one span or entity a line, so diffs read line by line.
fn golden_json(text: &str) -> String {
    let found = newsmark::annotate(text);
    let lines = |values: Vec<serde_json::Value>| {
        values
            .iter()
            .map(|v| format!("  {v}"))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    format!(
        "{{\"spans\": [\n{}\n],\n\"entities\": [\n{}\n]}}\n",
        lines(spans_json(text, &found, Unit::Chars)),
        lines(entities_json(&found))
    )
}

fn golden_inline(text: &str) -> String {
    inline(text, &newsmark::annotate(text), &Kind::ALL)
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/data exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && !p.to_string_lossy().ends_with(".marked.txt")
        })
        .collect();
    v.sort();
    v
}

/// The first line that differs, for the failure message.
fn first_difference(want: &str, got: &str) -> String {
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n  expected: {w}\n  got:      {g}", i + 1);
        }
    }
    format!(
        "expected {} lines, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn golden_articles() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let articles = articles();
    assert!(articles.len() >= 3, "golden articles are missing");
    let mut failures = Vec::new();
    for path in articles {
        let text = std::fs::read_to_string(&path).expect("article is UTF-8");
        let found = newsmark::annotate(&text);
        common::check_annotations(&text, &found).expect("annotations hold their promises");
        for (expected_path, got) in [
            (path.with_extension("json"), golden_json(&text)),
            (path.with_extension("marked.txt"), golden_inline(&text)),
        ] {
            if update {
                std::fs::write(&expected_path, &got).expect("golden file written");
                continue;
            }
            let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if want != got {
                failures.push(format!(
                    "{} differs at {}",
                    expected_path.display(),
                    first_difference(&want, &got)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "\n{}\n\nIf the change is intended, regenerate and review the diff:\n  \
         UPDATE_GOLDEN=1 cargo test --test golden && git diff tests/data\n",
        failures.join("\n")
    );
}

#[test]
fn golden_json_is_valid_json() {
    let out = golden_json("“We won,” said Jane Doe on April 16.\n");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(v["spans"].is_array() && v["entities"].is_array());
    let empty: serde_json::Value = serde_json::from_str(&golden_json("")).expect("valid JSON");
    assert_eq!(empty["spans"].as_array().map(Vec::len), Some(0));
}
