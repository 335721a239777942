//! Named regression inputs: `tests/regressions/TARGET-NAME.EXT`, one file per input
//! that once broke something (a fuzz crash, a hostile case). TARGET is the fuzz target
//! whose checks it goes through: `annotate` (the file's bytes as text), `jsonl` (each
//! line through the JSONL reader) or `inline` (the notation parser).
//!
//! To keep a fuzz crash: `cp fuzz/artifacts/annotate/crash-… tests/regressions/annotate-what-broke.txt`.

mod common;

use newsmark::jsonl::{process_line, stream, Config};
use newsmark::render::{inline, parse_inline};
use newsmark::Kind;
use std::path::Path;

fn check_annotate(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    common::check_document(&newsmark::Document::new(&text))?;
    let found = newsmark::annotate(&text);
    common::check_annotations(&text, &found)?;
    let back = parse_inline(&inline(&text, &found, &Kind::ALL)).map_err(|e| e.to_string())?;
    if back.text != text {
        return Err("the inline notation does not read back".into());
    }
    Ok(())
}

fn check_jsonl(data: &[u8]) -> Result<(), String> {
    for line in data.split(|&b| b == b'\n') {
        if let Ok(Some(out)) = process_line(line, &Config::default()) {
            serde_json::from_str::<serde_json::Value>(&out).map_err(|e| e.to_string())?;
        }
    }
    let mut out = Vec::new();
    let s = stream(data, &mut out, &Config::default(), |_| {}).map_err(|e| e.to_string())?;
    if out.iter().filter(|&&b| b == b'\n').count() != s.answered {
        return Err("answers and output lines differ".into());
    }
    Ok(())
}

fn check_inline(data: &[u8]) -> Result<(), String> {
    if let Ok(p) = parse_inline(&String::from_utf8_lossy(data)) {
        for m in &p.marks {
            common::span_ok(&p.text, m.span).or_else(|e| {
                if m.span.is_empty() {
                    Ok(())
                } else {
                    Err(e)
                }
            })?;
        }
    }
    Ok(())
}

#[test]
fn regression_inputs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/regressions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for path in names {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let data = std::fs::read(&path).expect("readable");
        let result = match name.split('-').next() {
            Some("annotate") => check_annotate(&data),
            Some("jsonl") => check_jsonl(&data),
            Some("inline") => check_inline(&data),
            _ => Err("the name must start with annotate-, jsonl- or inline-".into()),
        };
        if let Err(e) = result {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
