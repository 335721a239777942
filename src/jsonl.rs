//! JSON Lines: one document a line in, one annotated document a line out.
//!
//! ```text
//! in:  {"id": "a1", "text": "Claudia Sheinbaum spoke."}      (other keys ignored)
//! out: {"id":"a1","spans":[{"end":17,"entity":0,"kind":"name","start":0,
//!       "text":"Claudia Sheinbaum","type":"person"}]}
//! ```
//!
//! [`process_line`] answers one line and never panics; [`stream`] answers every line of
//! a reader, reporting each bad line with its number and going on with the next. The
//! CLI's `--jsonl` is a thin shell around [`stream`].

use crate::offsets::Unit;
use crate::render::write_spans;
use crate::Options;
use serde_json::Value;
use std::fmt;
use std::io::{self, BufRead, Write};

/// How lines are answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Config {
    /// The unit of the offsets written out.
    pub unit: Unit,
    /// The kinds to report.
    pub options: Options,
}

/// Why a line could not be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// The line is not UTF-8; `column` is the 1-based byte column of the first bad byte.
    NotUtf8 {
        /// 1-based byte column.
        column: usize,
    },
    /// The line's JSON holds a `\uD800`–`\uDFFF` escape that is not half of a pair: a
    /// lone surrogate, which is not Unicode text.
    LoneSurrogate {
        /// 1-based byte column of the escape's backslash.
        column: usize,
        /// The escape as written, e.g. `\ud800`.
        escape: String,
    },
    /// The line is not JSON.
    NotJson {
        /// 1-based column where the parser stopped.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The line is JSON but not an object.
    NotObject,
    /// The object has no `text` key.
    NoText,
    /// The object's `text` is not a string.
    TextNotString,
    /// The text is longer than [`crate::MAX_TEXT_BYTES`].
    TooLong(crate::TooLong),
    /// The line is longer than [`MAX_LINE_BYTES`] (its length in bytes, without its
    /// break); it was skipped without being held.
    LineTooLong {
        /// The line's length in bytes.
        bytes: usize,
    },
}

/// The longest input line [`stream`] reads, in bytes: room for a text of
/// [`crate::MAX_TEXT_BYTES`] written with every byte escaped (`\u0001`, six bytes) and its
/// other keys. A longer line is reported and skipped, and never held in memory whole.
pub const MAX_LINE_BYTES: usize = 8 * crate::MAX_TEXT_BYTES;

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineError::NotUtf8 { column } => {
                write!(f, "not UTF-8 (invalid byte at column {column})")
            }
            LineError::LoneSurrogate { column, escape } => write!(
                f,
                "lone surrogate escape `{escape}` at column {column}: the text is not valid Unicode"
            ),
            LineError::NotJson { column, message } => {
                write!(f, "not JSON (column {column}): {message}")
            }
            LineError::NotObject => write!(f, "not a JSON object"),
            LineError::NoText => write!(f, "no \"text\" key"),
            LineError::TextNotString => write!(f, "\"text\" is not a string"),
            LineError::TooLong(e) => e.fmt(f),
            LineError::LineTooLong { bytes } => write!(
                f,
                "the line is too long: {bytes} bytes, and a line holds at most {MAX_LINE_BYTES} \
                 (a text of at most {} bytes); skipped",
                crate::MAX_TEXT_BYTES
            ),
        }
    }
}

impl std::error::Error for LineError {}

/// Answers one input line (without its line break): `Ok(None)` for a blank line,
/// `Ok(Some(json))` with the output line (without its line break), or the reason the
/// line is bad. Never panics.
pub fn process_line(raw: &[u8], config: &Config) -> Result<Option<String>, LineError> {
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw); // a byte order mark
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let line = std::str::from_utf8(raw).map_err(|e| LineError::NotUtf8 {
        column: e.valid_up_to() + 1,
    })?;
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde_json names lone surrogates confusingly; find and name them ourselves
        match lone_surrogate(line) {
            Some((column, escape)) => LineError::LoneSurrogate { column, escape },
            None => LineError::NotJson {
                column: e.column(),
                message: e.to_string(),
            },
        }
    })?;
    let Value::Object(mut o) = value else {
        return Err(LineError::NotObject);
    };
    let text = match o.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err(LineError::TextNotString),
        None => return Err(LineError::NoText),
    };
    crate::check_length(&text).map_err(LineError::TooLong)?;
    let found = crate::annotate_with(&text, &config.options);
    // `{"id":..,"spans":[..]}`: the bytes serde_json would write for that object
    let mut out = String::with_capacity(64 + found.spans.len() * 128);
    out.push_str("{\"id\":");
    out.push_str(&o.remove("id").unwrap_or(Value::Null).to_string());
    out.push_str(",\"spans\":");
    write_spans(&mut out, &text, &found, config.unit);
    out.push('}');
    Ok(Some(out))
}

/// The first `\uXXXX` escape of a surrogate that is not half of a high-low pair, with
/// its 1-based byte column.
fn lone_surrogate(line: &str) -> Option<(usize, String)> {
    let b = line.as_bytes();
    let escape_at = |i: usize| -> Option<u32> {
        let hex = b.get(i + 2..i + 6)?;
        if b.get(i..i + 2)? != b"\\u" {
            return None;
        }
        u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape_at(i) {
            Some(hi @ 0xD800..=0xDBFF) => {
                if escape_at(i + 6).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) {
                    i += 12;
                } else {
                    return Some((i + 1, format!("\\u{hi:04x}")));
                }
            }
            Some(lo @ 0xDC00..=0xDFFF) => return Some((i + 1, format!("\\u{lo:04x}"))),
            _ => i += 2, // any other escape, including `\\`
        }
    }
    None
}

/// A bad input line: its 1-based number and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub error: LineError,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.error)
    }
}

/// What [`stream`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Summary {
    /// Lines read.
    pub lines: usize,
    /// Documents answered.
    pub answered: usize,
    /// Bad lines reported.
    pub bad: usize,
}

/// Answers every line of `input` on `out`, one output line per good input line, in
/// order; each bad line goes to `report` and the stream goes on. Blank lines are
/// skipped. Returns the first read or write error (a closed `out` among them).
pub fn stream(
    mut input: impl BufRead,
    mut out: impl Write,
    config: &Config,
    mut report: impl FnMut(BadLine),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut buf = Vec::new();
    loop {
        let (length, broken) = read_line(&mut input, &mut buf, MAX_LINE_BYTES)?;
        if length == 0 {
            break;
        }
        summary.lines += 1;
        let mut line = buf.as_slice();
        while let [rest @ .., b'\n' | b'\r'] = line {
            line = rest;
        }
        let answer = if length > buf.len() {
            Err(LineError::LineTooLong {
                bytes: length - usize::from(broken),
            })
        } else {
            process_line(line, config)
        };
        match answer {
            Ok(Some(answer)) => {
                out.write_all(answer.as_bytes())?;
                out.write_all(b"\n")?;
                summary.answered += 1;
            }
            Ok(None) => {}
            Err(error) => {
                summary.bad += 1;
                report(BadLine {
                    line: summary.lines,
                    error,
                });
            }
        }
    }
    out.flush()?;
    Ok(summary)
}

/// Reads one line of `input` into `buf` (cleared first), its break included, keeping at
/// most `cap` bytes of it: the rest of a longer line is read past, not held. Returns the
/// line's whole length (0 at the end of the input), which exceeds `buf.len()` when bytes
/// were dropped, and whether it ended in a line break (the last line may not).
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<(usize, bool)> {
    buf.clear();
    let mut length = 0;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((length, false));
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        let keep = take.min(cap.saturating_sub(buf.len()));
        buf.extend_from_slice(chunk.get(..keep).unwrap_or_default());
        input.consume(take);
        length += take;
        if done {
            return Ok((length, true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines are read whole up to the cap; past it the rest is read past, not kept, and the
    /// next line is read as usual.
    #[test]
    fn a_line_past_the_cap_is_read_past_not_held() {
        // a reader that hands out three bytes at a time, so lines cross its buffer
        let text = "ab\nabcdefghij\n\nlast";
        let mut input = io::BufReader::with_capacity(3, text.as_bytes());
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        loop {
            let (n, broken) = read_line(&mut input, &mut buf, 5).unwrap();
            if n == 0 {
                break;
            }
            lines.push((n, broken, String::from_utf8(buf.clone()).unwrap()));
        }
        assert_eq!(
            lines,
            [
                (3, true, "ab\n".to_string()),
                (11, true, "abcde".to_string()),
                (1, true, "\n".to_string()),
                (4, false, "last".to_string())
            ]
        );
    }

    fn run(input: &str) -> (String, Vec<String>, Summary) {
        let mut out = Vec::new();
        let mut bad = Vec::new();
        let s = stream(input.as_bytes(), &mut out, &Config::default(), |b| {
            bad.push(b.to_string())
        })
        .unwrap();
        (String::from_utf8(out).unwrap(), bad, s)
    }

    #[test]
    fn good_lines_are_answered_bad_ones_reported_by_number() {
        let input = concat!(
            "{\"id\": 1, \"text\": \"Paid $5.\"}\n",
            "not json\n",
            "\n",
            "[1, 2]\n",
            "{\"id\": 2}\n",
            "{\"text\": 5}\r\n",
            "{\"text\": \"a\\ud800b\"}\n",
            "{\"text\": \"a\\udc00\"}\n",
            "{\"text\": \"ok \\ud83d\\ude00 \\\\ud800\"}\n",
            "{\"id\": \"last\", \"text\": \"\"}"
        );
        let (out, bad, s) = run(input);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert!(lines[0].starts_with("{\"id\":1,\"spans\":["));
        assert!(lines[1].starts_with("{\"id\":null,\"spans\":["));
        assert_eq!(lines[2], "{\"id\":\"last\",\"spans\":[]}");
        assert_eq!(bad.len(), 6, "{bad:?}");
        assert!(bad[0].starts_with("line 2: not JSON"));
        assert_eq!(bad[1], "line 4: not a JSON object");
        assert_eq!(bad[2], "line 5: no \"text\" key");
        assert_eq!(bad[3], "line 6: \"text\" is not a string");
        assert!(bad[4].starts_with("line 7: lone surrogate escape `\\ud800` at column 12"));
        assert!(bad[5].starts_with("line 8: lone surrogate escape `\\udc00`"));
        assert_eq!(
            s,
            Summary {
                lines: 10,
                answered: 3,
                bad: 6
            }
        );
    }

    #[test]
    fn invalid_utf8_and_bom() {
        let cfg = Config::default();
        assert_eq!(
            process_line(b"{\"text\": \"a\xff\"}", &cfg),
            Err(LineError::NotUtf8 { column: 12 })
        );
        let ok = process_line("\u{FEFF}{\"text\": \"x\"}".as_bytes(), &cfg).unwrap();
        assert_eq!(ok.as_deref(), Some("{\"id\":null,\"spans\":[]}"));
    }

    #[test]
    fn offsets_follow_the_unit() {
        let line = br#"{"text": "\u00e9\ud83d\ude00 paid 5"}"#;
        let end = |unit| {
            let out = process_line(
                line,
                &Config {
                    unit,
                    ..Config::default()
                },
            )
            .unwrap()
            .unwrap();
            let v: Value = serde_json::from_str(&out).unwrap();
            v["spans"][0]["start"].as_u64().unwrap()
        };
        // "é😀 paid 5": the 5 starts at byte 12, UTF-16 unit 9, char 8
        assert_eq!(end(Unit::Utf8), 12);
        assert_eq!(end(Unit::Utf16), 9);
        assert_eq!(end(Unit::Chars), 8);
    }
}
