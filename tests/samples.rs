//! The shared sample articles (`../shared/data/samples/*.txt`, read at run time, never
//! copied here) and the shared gold sets: every one is annotated without a panic and
//! the results hold resolve's promises. For samples with a `tests/samples/NAME.expect`
//! file, its expectations are checked (see that file for the notation); those allowed
//! to fail are listed in `tests/samples/known-failures.txt`, which may only shrink.
//!
//! Without `../shared` the tests say so and pass.

mod common;

use newsmark::jsonl::{stream, Config};
use newsmark::{Annotations, Kind, Label};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("data").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: no shared data at {} (set SHARED=path to run these tests)",
            dir.display()
        );
        None
    }
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn samples_hold_the_invariants() {
    let Some(shared) = shared() else { return };
    let samples = files(&shared.join("data/samples"), "txt");
    assert!(!samples.is_empty(), "no samples in ../shared/data/samples");
    for path in samples {
        let text = std::fs::read_to_string(&path).expect("sample is UTF-8");
        let doc = newsmark::Document::new(&text);
        common::check_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let found = newsmark::annotate(&text);
        common::check_annotations(&text, &found)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!found.spans.is_empty(), "{}: nothing found", path.display());
    }
}

/// The first ten lines of every shared gold set go through the JSONL reader: every line is
/// answered. (The whole sets run in release through `tests/tools/accuracy.sh`.)
#[test]
fn shared_gold_sets_are_answered_line_by_line() {
    let Some(shared) = shared() else { return };
    for kind in ["names", "numbers", "quotes"] {
        for path in files(&shared.join("data").join(kind), "jsonl") {
            let file = std::fs::File::open(&path).expect("gold set readable");
            let head: Vec<u8> = std::io::BufReader::new(file)
                .lines()
                .take(10)
                .map(|l| l.expect("gold line") + "\n")
                .collect::<String>()
                .into_bytes();
            let mut out = Vec::new();
            let mut bad = Vec::new();
            let summary = stream(head.as_slice(), &mut out, &Config::default(), |b| {
                bad.push(b.to_string())
            })
            .expect("in-memory stream");
            assert!(bad.is_empty(), "{}: {bad:?}", path.display());
            assert_eq!(
                out.iter().filter(|&&b| b == b'\n').count(),
                summary.answered,
                "{}",
                path.display()
            );
            assert!(summary.answered > 0, "{}", path.display());
        }
    }
}

/// One line of an `.expect` file.
enum Expectation {
    /// Every whole-word occurrence of the text is exactly a span of this label.
    Every(Label, String),
    /// A quote of this label holds the text and is attributed to the name.
    Quote(Label, String, String),
    /// Exactly this many spans of the kind.
    Count(Kind, usize),
}

fn parse_expectation(line: &str) -> Result<Expectation, String> {
    if let Some((ty, rest)) = line.split_once('{').filter(|(ty, _)| !ty.contains(' ')) {
        let label = Label::from_type_str(ty).ok_or(format!("unknown type {ty}"))?;
        let (speaker, needle) = rest.split_once("} ").ok_or("TYPE{Name} text")?;
        return Ok(Expectation::Quote(
            label,
            speaker.to_string(),
            needle.to_string(),
        ));
    }
    let (head, rest) = line.split_once(' ').ok_or("no text")?;
    if head == "count" {
        let (kind, n) = rest.split_once(' ').ok_or("count KIND N")?;
        let kind = Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind)
            .ok_or(format!("unknown kind {kind}"))?;
        return Ok(Expectation::Count(
            kind,
            n.trim().parse().map_err(|_| "count needs a number")?,
        ));
    }
    let label = Label::from_type_str(head).ok_or(format!("unknown type {head}"))?;
    Ok(Expectation::Every(label, rest.to_string()))
}

/// Byte offsets of the whole-word occurrences of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| {
            !word(text[..i].chars().next_back()) && !word(text[i + needle.len()..].chars().next())
        })
        .collect()
}

/// Checks every expectation; returns line text → failure message (None when it holds).
fn check(
    text: &str,
    found: &Annotations,
    lines: &[(usize, String)],
) -> Vec<(String, Option<String>)> {
    let parsed: Vec<(String, Result<Expectation, String>)> = lines
        .iter()
        .map(|(_, l)| (l.clone(), parse_expectation(l)))
        .collect();
    // occurrences of every phrase, to exempt those inside a longer phrase
    let phrases: Vec<(usize, usize)> = parsed
        .iter()
        .filter_map(|(_, e)| match e {
            Ok(Expectation::Every(_, t)) => Some(t.as_str()),
            _ => None,
        })
        .flat_map(|t| {
            occurrences(text, t)
                .into_iter()
                .map(move |i| (i, i + t.len()))
        })
        .collect();
    let spans = &found.spans;
    parsed
        .into_iter()
        .map(|(line, e)| {
            let verdict = match e {
                Err(msg) => Some(format!("not an expectation: {msg}")),
                Ok(Expectation::Count(kind, n)) => {
                    let got: Vec<&str> = spans
                        .iter()
                        .filter(|a| a.kind() == kind)
                        .map(|a| &text[a.span.range()])
                        .collect();
                    (got.len() != n).then(|| format!("{} found: {got:?}", got.len()))
                }
                Ok(Expectation::Quote(label, speaker, needle)) => {
                    let quotes: Vec<String> = spans
                        .iter()
                        .filter(|a| a.label == label && text[a.span.range()].contains(&needle))
                        .map(|a| {
                            format!(
                                "{} by {:?}",
                                &text[a.span.range()],
                                a.speaker.as_ref().map(|s| &s.name)
                            )
                        })
                        .collect();
                    let ok = spans.iter().any(|a| {
                        a.label == label
                            && text[a.span.range()].contains(&needle)
                            && a.speaker.as_ref().is_some_and(|s| s.name == speaker)
                    });
                    (!ok).then(|| format!("quotes holding it: {quotes:?}"))
                }
                Ok(Expectation::Every(label, phrase)) => {
                    let mut wrong = Vec::new();
                    let all = occurrences(text, &phrase);
                    for &i in &all {
                        let j = i + phrase.len();
                        if phrases
                            .iter()
                            .any(|&(a, b)| a <= i && j <= b && b - a > j - i)
                        {
                            continue; // inside a longer phrase
                        }
                        let exact = spans
                            .iter()
                            .any(|a| a.span.start == i && a.span.end == j && a.label == label);
                        if !exact {
                            let near: Vec<String> = spans
                                .iter()
                                .filter(|a| a.span.start < j && i < a.span.end)
                                .filter(|a| a.kind() != Kind::Quote)
                                .map(|a| {
                                    format!("[{} {}]", a.label.type_str(), &text[a.span.range()])
                                })
                                .collect();
                            wrong.push(format!("at byte {i}: {near:?}"));
                        }
                    }
                    if all.is_empty() {
                        Some("the phrase is not in the article".into())
                    } else {
                        (!wrong.is_empty()).then(|| wrong.join("; "))
                    }
                }
            };
            (line, verdict)
        })
        .collect()
}

#[test]
fn sample_expectations() {
    let Some(shared) = shared() else { return };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples");
    let known_path = dir.join("known-failures.txt");
    let mut known: BTreeMap<String, usize> = std::fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (l.trim().to_string(), i + 1))
        .collect();
    let mut problems = Vec::new();
    let (mut passed, mut allowed) = (0, 0);
    for expect in files(&dir, "expect") {
        let name = expect
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sample = shared.join("data/samples").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&sample)
            .unwrap_or_else(|e| panic!("{}: {e}", sample.display()));
        let lines: Vec<(usize, String)> = std::fs::read_to_string(&expect)
            .expect("expect file")
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim().to_string()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let found = newsmark::annotate(&text);
        for (line, verdict) in check(&text, &found, &lines) {
            let key = format!("{name}:{line}");
            match (verdict, known.remove(&key).is_some()) {
                (None, false) => passed += 1,
                (Some(_), true) => allowed += 1,
                (None, true) => problems.push(format!(
                    "NOW PASSES `{key}`: remove it from tests/samples/known-failures.txt"
                )),
                (Some(why), false) => problems.push(format!("FAIL `{key}`: {why}")),
            }
        }
    }
    for (key, line) in known {
        problems.push(format!(
            "STALE known-failures.txt:{line}: `{key}` names no expectation"
        ));
    }
    eprintln!(
        "samples: {passed} expectations hold, {allowed} known failures, {} problems",
        problems.len()
    );
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}
