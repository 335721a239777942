//! The `newsmark` command line, run as a process: its contract (DESIGN.md) and hostile
//! input through `--jsonl`.

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn newsmark(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsmark runs");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    // write from a thread so a large input cannot deadlock against a full stdout pipe
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("newsmark ends");
    writer.join().expect("writer thread");
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Checks one output document against its input text: offsets (in `unit`) in bounds,
/// each span's `text` equal to the text it points at, sorted, never crossing.
fn check_spans(text: &str, doc: &Value, unit: &str) {
    let units: Vec<usize> = match unit {
        "chars" => text.chars().map(|_| 1).collect(),
        "utf16" => text.chars().map(char::len_utf16).collect(),
        _ => text.chars().map(char::len_utf8).collect(),
    };
    // offset in `unit` → byte offset, for every char boundary
    let mut to_byte = std::collections::HashMap::new();
    let (mut u, mut b) = (0, 0);
    to_byte.insert(0, 0);
    for (c, n) in text.chars().zip(&units) {
        u += n;
        b += c.len_utf8();
        to_byte.insert(u, b);
    }
    let spans = doc["spans"].as_array().expect("spans is an array");
    let mut prev: Option<(usize, usize)> = None;
    let mut open: Vec<usize> = Vec::new();
    for s in spans {
        let start = s["start"].as_u64().expect("start") as usize;
        let end = s["end"].as_u64().expect("end") as usize;
        let (bs, be) = match (to_byte.get(&start), to_byte.get(&end)) {
            (Some(&bs), Some(&be)) => (bs, be),
            _ => panic!("span {start}..{end} is out of bounds or inside a character: {s}"),
        };
        assert!(bs < be, "empty span {s}");
        assert_eq!(s["text"].as_str(), Some(&text[bs..be]), "span text {s}");
        if let Some(p) = prev {
            assert!(
                p.0 < start || (p.0 == start && p.1 >= end),
                "unsorted: {p:?} then {start}..{end}"
            );
        }
        prev = Some((start, end));
        while open.last().is_some_and(|&e| e <= start) {
            open.pop();
        }
        if let Some(&e) = open.last() {
            assert!(end <= e, "span {start}..{end} crosses one ending at {e}");
        }
        open.push(end);
    }
}

#[test]
fn help_documents_the_exit_codes() {
    let o = newsmark(&["--help"], b"");
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for needle in [
        "exit codes",
        "--jsonl",
        "--offsets",
        "utf16",
        "--format",
        "html",
    ] {
        assert!(help.contains(needle), "help lacks {needle}");
    }
    let o = newsmark(&["--frobnicate"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option --frobnicate"));
    let o = newsmark(&["--offsets", "bytes16"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = newsmark(&["/no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/file.txt"));
}

#[test]
fn a_file_that_is_not_utf8_gets_a_clear_error() {
    let o = newsmark(&[], b"Caf\xe9 au lait\nsecond \xff line");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("not UTF-8") && e.contains("line 1, column 4"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
}

/// A text over the limit gets a clear error, not the memory of a call that could not end:
/// a document is refused (exit 2, nothing written); in a batch its line is reported and
/// the lines after it are answered.
#[test]
fn a_text_over_the_limit_is_refused_and_a_batch_goes_on() {
    let max = newsmark::MAX_TEXT_BYTES;
    let over = "1 ".repeat(max / 2 + 1);
    let o = newsmark(&[], over.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("too long") && e.contains(&format!("{} bytes", max + 2)),
        "{e}"
    );
    assert!(o.stdout.is_empty());
    let mut batch = serde_json::to_vec(&json!({"id": "long", "text": over})).expect("JSON");
    batch.extend(b"\n{\"id\": \"short\", \"text\": \"Paid $5.\"}\n");
    let o = newsmark(&["--jsonl"], &batch);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("newsmark: line 1: the text is too long"),
        "{}",
        stderr(&o)
    );
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "short");
    assert_eq!(docs[0]["spans"][0]["text"], "$5");

    // a line longer than any that could hold such a text is skipped unread
    let long = newsmark::jsonl::MAX_LINE_BYTES + 7;
    let mut batch = format!("{{\"text\": \"{}\"}}\n", "a".repeat(long - 12)).into_bytes();
    assert_eq!(batch.len(), long + 1);
    batch.extend(b"{\"id\": 2, \"text\": \"Paid $5.\"}\n");
    let o = newsmark(&["--jsonl"], &batch);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with(&format!(
            "newsmark: line 1: the line is too long: {long} bytes"
        )),
        "{e}"
    );
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("{\"id\":2,"), "{out}");
}

#[test]
fn document_formats() {
    let text = "“We paid $5 <now>,” said Jane Doe in Ohio.\n";
    // not a terminal: the text format falls back to the inline notation
    let plain = newsmark(&[], text.as_bytes());
    assert!(plain.status.success());
    let plain = String::from_utf8(plain.stdout).unwrap();
    let parsed = newsmark::render::parse_inline(&plain).expect("inline notation");
    assert_eq!(parsed.text, text);
    assert!(!plain.contains('\x1b'));

    let colored = newsmark(&["--color", "always"], text.as_bytes());
    let colored = String::from_utf8(colored.stdout).unwrap();
    assert!(colored.contains("\x1b[") && colored.contains("person"));

    let html = newsmark(&["--format", "html"], text.as_bytes());
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("&lt;now&gt;") && !html.contains("<now>"));
    assert!(html.contains("data-kind=\"number\""));

    let json = newsmark(&["--format=json", "--offsets", "chars"], text.as_bytes());
    let doc: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    check_spans(text, &doc, "chars");
    assert!(doc["entities"].is_array());

    let only = newsmark(
        &["--format", "inline", "--kinds", "number"],
        text.as_bytes(),
    );
    let only = String::from_utf8(only.stdout).unwrap();
    assert!(only.contains("[money $5]") && !only.contains("[person"));
}

#[test]
fn jsonl_offsets_in_every_unit() {
    let text = "😀 Ana Ruiz paid €5 in Zürich. 👩‍👩‍👧 עברית 12";
    let line = format!("{}\n", json!({"id": "u", "text": text}));
    for unit in ["utf8", "utf16", "chars"] {
        let o = newsmark(&["--jsonl", "--offsets", unit], line.as_bytes());
        assert!(o.status.success(), "{}", stderr(&o));
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(doc["id"], "u");
        assert!(!doc["spans"].as_array().unwrap().is_empty());
        check_spans(text, &doc, unit);
    }
}

/// A small deterministic generator, so hostile inputs are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }

    /// A char from any plane (surrogates excluded by `char::from_u32`).
    fn any_char(&mut self) -> char {
        loop {
            let plane = self.next() % 17;
            let c = (plane << 16) | (self.next() & 0xFFFF);
            if let Some(c) = char::from_u32(c) {
                return c;
            }
        }
    }
}

#[test]
fn hostile_jsonl_every_good_line_answered_bad_lines_reported() {
    let mut rng = Lcg(2026);
    let mut good: Vec<String> = vec![
        String::new(),
        "\"".repeat(50_000),
        "“".repeat(30_000),
        format!("{}x{}", "“‘«„".repeat(5_000), "’”»“".repeat(5_000)),
        format!("A{} said.", "a".repeat(300_000)),
        format!("“{}”", "Ab1.".repeat(75_000)),
        "\0 NUL \0 in “the\0 text” said Bob \0".to_string(),
        (0..20_000).map(|_| rng.any_char()).collect(),
        "قال الرئيس “نحن هنا” ‏ 25% שלום \u{202E}Jane Doe\u{202C} said “yes.”".to_string(),
        "Jane\u{200B}Doe \u{200D}said\u{FEFF} “we\u{200C} won” 👩‍❤️‍💋‍👨 \u{2060}5\u{2060}%".to_string(),
        "\r\n\u{2028}\u{2029}\u{85}“a\r\nb” \t\u{A0}\u{202F}said Mr. J. R. R. Tolkien.".to_string(),
        "U.S. . . . ... …… ?!?! 1.2.3.4 $$$ %%% 1,,,2 3::4".repeat(2_000),
        "e\u{301}\u{302}\u{303}".repeat(10_000),
    ];
    for _ in 0..20 {
        let n = (rng.next() % 200) as usize;
        good.push((0..n).map(|_| rng.any_char()).collect());
    }
    let bad: Vec<Vec<u8>> = vec![
        b"{\"text\": \"a\\ud800b\"}".to_vec(),
        b"{\"text\": \"\\udfff\"}".to_vec(),
        b"{\"text\": \"\\ude00\\ud83d\"}".to_vec(),
        b"{\"text\": \"abc".to_vec(),
        b"{\"text\": \"a\"} trailing".to_vec(),
        b"{".to_vec(),
        b"null".to_vec(),
        b"\"just a string\"".to_vec(),
        b"{\"id\": 3}".to_vec(),
        b"{\"text\": [\"a\"]}".to_vec(),
        b"{\"text\": \"caf\xe9\"}".to_vec(),
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        b"\xff\xfe{\"text\": \"x\"}".to_vec(),
    ];
    // interleave: good, bad, good, bad, ...
    let mut input = Vec::new();
    let mut expected_bad = Vec::new();
    let mut line = 0;
    let mut bad_iter = bad.iter();
    for (i, text) in good.iter().enumerate() {
        line += 1;
        input.extend(json!({"id": i, "text": text}).to_string().into_bytes());
        input.push(b'\n');
        if let Some(b) = bad_iter.next() {
            line += 1;
            input.extend(b);
            input.push(b'\n');
            expected_bad.push(line);
        }
    }
    let o = newsmark(&["--jsonl", "--offsets", "utf16"], &input);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    let reported: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("newsmark: line "))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(reported, expected_bad, "{err}");
    assert!(err.contains("lone surrogate escape `\\ud800`"), "{err}");
    assert!(err.contains("lone surrogate escape `\\udfff`"), "{err}");
    assert!(err.contains("lone surrogate escape `\\ude00`"), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");

    let out = String::from_utf8(o.stdout).expect("output is UTF-8");
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(docs.len(), good.len(), "every good line is answered");
    for (i, (doc, text)) in docs.iter().zip(&good).enumerate() {
        assert_eq!(doc["id"], json!(i), "answers keep the input order");
        check_spans(text, doc, "utf16");
    }
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let line = json!({"text": "Jane Doe paid $5 in Ohio on April 16."}).to_string() + "\n";
    let input = line.repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(["--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    // read one line, then close our end of the pipe
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut first);
    drop(stdout);
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(o.status.success(), "exit {:?}", o.status);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}
