//! The `newsmark` command line (first version: `--jsonl` streaming and JSON output).

use newsmark::offsets::Unit;
use newsmark::render::{entities_json, spans_json};
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
newsmark: marks quotes, names and numbers in news text

usage:
  newsmark [FILE]                      annotate FILE (or stdin), print JSON
  newsmark --jsonl [--offsets UNIT]    one JSON document a line in, one out

options:
  --jsonl            read {\"id\": ..., \"text\": ...} lines, write {\"id\": ..., \"spans\": [...]} lines
  --offsets UNIT     utf8 | utf16 | chars (default: utf8 for JSON, chars for --jsonl)
  -h, --help         this help

exit codes:
  0  every document was annotated
  1  some input lines were bad (each reported on stderr with its line number)
  2  usage error, or the input could not be read
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut jsonl = false;
    let mut unit = None;
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--jsonl" => jsonl = true,
            "--offsets" => match it.next().and_then(|u| Unit::parse(u)) {
                Some(u) => unit = Some(u),
                None => return usage("--offsets takes utf8, utf16 or chars"),
            },
            s if s.starts_with('-') && s != "-" => return usage(&format!("unknown option {s}")),
            s => file = Some(s.to_string()),
        }
    }
    let input: Box<dyn Read> = match &file {
        Some(f) if f != "-" => match std::fs::File::open(f) {
            Ok(h) => Box::new(h),
            Err(e) => {
                eprintln!("newsmark: cannot read {f}: {e}");
                return ExitCode::from(2);
            }
        },
        _ => Box::new(io::stdin()),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = if jsonl {
        run_jsonl(input, &mut out, unit.unwrap_or(Unit::Chars))
    } else {
        run_document(input, &mut out, unit.unwrap_or(Unit::Utf8))
    };
    let _ = out.flush();
    code
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("newsmark: {msg}\n\n{HELP}");
    ExitCode::from(2)
}

fn run_document(mut input: Box<dyn Read>, out: &mut impl Write, unit: Unit) -> ExitCode {
    let mut bytes = Vec::new();
    if let Err(e) = input.read_to_end(&mut bytes) {
        eprintln!("newsmark: cannot read input: {e}");
        return ExitCode::from(2);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "newsmark: input is not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            );
            return ExitCode::from(2);
        }
    };
    let found = newsmark::annotate(&text);
    let doc = json!({"spans": spans_json(&text, &found, unit), "entities": entities_json(&found)});
    let _ = writeln!(out, "{doc}");
    ExitCode::SUCCESS
}

fn run_jsonl(input: Box<dyn Read>, out: &mut impl Write, unit: Unit) -> ExitCode {
    let mut reader = io::BufReader::new(input);
    let mut line = Vec::new();
    let mut n = 0usize;
    let mut bad = 0usize;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("newsmark: cannot read input after line {n}: {e}");
                return ExitCode::from(2);
            }
        }
        n += 1;
        let raw = trim_line(&line);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match document(raw) {
            Ok((id, text)) => {
                let found = newsmark::annotate(&text);
                let doc = json!({"id": id, "spans": spans_json(&text, &found, unit)});
                if writeln!(out, "{doc}").is_err() {
                    return ExitCode::from(2); // stdout closed
                }
            }
            Err(msg) => {
                bad += 1;
                eprintln!("newsmark: line {n}: {msg}");
            }
        }
    }
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\n' | b'\r'] = l {
        l = rest;
    }
    l
}

fn document(raw: &[u8]) -> Result<(Value, String), String> {
    let s = std::str::from_utf8(raw)
        .map_err(|e| format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1))?;
    let v: Value = serde_json::from_str(s).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(mut o) = v else {
        return Err("not a JSON object".into());
    };
    let id = o.remove("id").unwrap_or(Value::Null);
    match o.remove("text") {
        Some(Value::String(t)) => Ok((id, t)),
        Some(_) => Err("\"text\" is not a string".into()),
        None => Err("no \"text\" key".into()),
    }
}
