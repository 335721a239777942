//! Runs every spec file `tests/specs/*.txt` (see `tests/specs/README.md` for the notation).
//!
//! Each example is stripped of its notation, annotated with every kind (what a user of
//! newsmark gets), rendered back with `newsmark::render::inline` limited to the file's
//! `kinds:` and compared with the example as written.
//!
//! `tests/specs/known-failures.txt` lists `file:title` (or `file:LINE` for an untitled
//! example, LINE being its first line) of examples allowed to fail. The list may only
//! shrink: an entry whose example now passes, or that names no example, fails the run.
//!
//! `SPEC=text cargo test --test spec` runs only the examples whose key contains `text`.

use newsmark::render::{inline, parse_inline};
use newsmark::Kind;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const KNOWN_FAILURES: &str = "known-failures.txt";

/// One example of a spec file.
struct Example {
    /// `file:title` or `file:LINE`.
    key: String,
    /// 1-based line of the example's first line.
    line: usize,
    /// The expected rendering, lines joined with `\n`.
    expected: String,
}

struct SpecFile {
    kinds: Vec<Kind>,
    examples: Vec<Example>,
}

fn parse_kinds(list: &str) -> Result<Vec<Kind>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| match k {
            "quote" | "quotes" => Ok(Kind::Quote),
            "name" | "names" => Ok(Kind::Name),
            "number" | "numbers" => Ok(Kind::Number),
            other => Err(format!("unknown kind `{other}` in `kinds:`")),
        })
        .collect()
}

fn parse_spec(name: &str, content: &str) -> Result<SpecFile, String> {
    let mut kinds = Kind::ALL.to_vec();
    let mut examples: Vec<Example> = Vec::new();
    let mut current: Option<(Option<String>, usize, Vec<&str>)> = None;
    let mut titles = BTreeSet::new();
    let mut started = false; // an example or title has been seen
    let mut finish = |cur: &mut Option<(Option<String>, usize, Vec<&str>)>| -> Result<(), String> {
        if let Some((title, line, lines)) = cur.take() {
            if lines.is_empty() {
                return Err(format!("{name}:{line}: title without an example"));
            }
            let key = match title {
                Some(t) => {
                    if !titles.insert(t.clone()) {
                        return Err(format!("{name}:{line}: duplicate title `{t}`"));
                    }
                    format!("{name}:{t}")
                }
                None => format!("{name}:{line}"),
            };
            examples.push(Example {
                key,
                line,
                expected: lines.join("\n"),
            });
        }
        Ok(())
    };
    for (i, raw) in content.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            finish(&mut current)?;
        } else if let Some(title) = line.strip_prefix("## ") {
            finish(&mut current)?;
            started = true;
            current = Some((Some(title.trim().to_string()), n, Vec::new()));
        } else if line.starts_with('#') {
            // a comment
        } else if let (Some(list), false) = (line.strip_prefix("kinds:"), started) {
            kinds = parse_kinds(list).map_err(|e| format!("{name}:{n}: {e}"))?;
        } else {
            started = true;
            let cur = current.get_or_insert_with(|| (None, n, Vec::new()));
            cur.2.push(line);
        }
    }
    finish(&mut current)?;
    Ok(SpecFile { kinds, examples })
}

/// Runs one example; `Err` holds a readable report of the failure.
fn run_example(kinds: &[Kind], ex: &Example) -> Result<(), String> {
    let parsed = parse_inline(&ex.expected).map_err(|e| {
        format!(
            "the example is not valid notation ({e}):\n{}",
            indent(&ex.expected)
        )
    })?;
    let found = newsmark::annotate(&parsed.text);
    let got = inline(&parsed.text, &found, kinds);
    if got == ex.expected {
        Ok(())
    } else {
        Err(format!(
            "expected:\n{}\ngot:\n{}",
            indent(&ex.expected),
            indent(&got)
        ))
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect::<String>()
}

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs")
}

/// Reads `known-failures.txt`: key → line number.
fn known_failures(dir: &Path) -> BTreeMap<String, usize> {
    let content = std::fs::read_to_string(dir.join(KNOWN_FAILURES)).unwrap_or_default();
    content
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (l.to_string(), i))
        .collect()
}

#[test]
fn spec_files() {
    let dir = specs_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/specs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && p.file_name().is_some_and(|n| n != KNOWN_FAILURES)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no spec files in {}", dir.display());
    let filter = std::env::var("SPEC").unwrap_or_default();
    let mut known = known_failures(&dir);

    let mut report = String::new();
    let (mut run, mut passed, mut expected_failures, mut problems) = (0, 0, 0, 0);
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let content = std::fs::read_to_string(path).expect("spec file is UTF-8");
        let spec = match parse_spec(&name, &content) {
            Ok(s) => s,
            Err(e) => {
                problems += 1;
                let _ = writeln!(report, "SPEC FILE ERROR {e}\n");
                continue;
            }
        };
        for ex in &spec.examples {
            let listed = known.remove(&ex.key).is_some();
            if !ex.key.contains(&filter) {
                continue;
            }
            run += 1;
            match (run_example(&spec.kinds, ex), listed) {
                (Ok(()), false) => passed += 1,
                (Err(_), true) => expected_failures += 1,
                (Ok(()), true) => {
                    problems += 1;
                    let _ = writeln!(
                        report,
                        "NOW PASSES {} (line {}): remove `{}` from tests/specs/{KNOWN_FAILURES}\n",
                        ex.key, ex.line, ex.key
                    );
                }
                (Err(why), false) => {
                    problems += 1;
                    let _ = writeln!(report, "FAIL {} (line {})\n{why}", ex.key, ex.line);
                }
            }
        }
    }
    if filter.is_empty() {
        for (key, line) in &known {
            problems += 1;
            let _ = writeln!(
                report,
                "STALE {KNOWN_FAILURES}:{line}: `{key}` names no example (remove it)\n"
            );
        }
    }
    eprintln!(
        "spec: {run} examples, {passed} pass, {expected_failures} known failures, {problems} problems"
    );
    assert!(problems == 0, "\n{report}");
}

#[test]
fn spec_format_is_read_as_documented() {
    let content = "\
# a comment
kinds: number, name

## a title
[money $5] and
[person Jo]
# a comment inside

plain line

## other
x
";
    let spec = parse_spec("f.txt", content).unwrap();
    assert_eq!(spec.kinds, [Kind::Number, Kind::Name]);
    let keys: Vec<_> = spec.examples.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["f.txt:a title", "f.txt:9", "f.txt:other"]);
    assert_eq!(spec.examples[0].expected, "[money $5] and\n[person Jo]");
    assert!(parse_spec("f.txt", "## t\nx\n\n## t\ny\n").is_err());
    assert!(parse_spec("f.txt", "kinds: nothing\n").is_err());
    assert!(parse_spec("f.txt", "## t\n\nx\n").is_err());
}
