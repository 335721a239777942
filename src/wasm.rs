//! JavaScript bindings: the only module that knows about `wasm-bindgen`.
//!
//! JavaScript receives offsets in **UTF-16 code units**, so `text.slice(start, end)`
//! is a span's text, also after emoji and other characters outside the Basic
//! Multilingual Plane. Each span object is exactly the CLI's (see
//! [`crate::render::spans_json`]).
//!
//! The functions are plain Rust everywhere (so they are tested natively); only on
//! `wasm32` are they exported with `#[wasm_bindgen]`. Nothing here may panic: a panic
//! in WebAssembly kills the instance and with it the page's annotator. Nor may a call run
//! out of memory, which kills it the same way: a text longer than
//! [`crate::MAX_TEXT_BYTES`] is refused, before any work, with an `Error` thrown in
//! JavaScript (natively, its message).

use crate::offsets::Unit;
use crate::render::document_json;
use crate::render::packed::packed;
use crate::Options;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// Annotates `text` and returns `{"spans": [...], "entities": [...]}` as a JSON string.
///
/// `kinds` is a comma-separated list of `quote`, `name`, `number` (spaces and case are
/// ignored, so are unknown words); an empty list asks for every kind. Span offsets are
/// UTF-16 code units.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn annotate_json(text: &str, kinds: &str) -> Result<String, Refusal> {
    crate::check_length(text).map_err(refusal)?;
    let options = parse_kinds(kinds);
    let found = crate::annotate_with(text, &options);
    Ok(document_json(text, &found, Unit::Utf16))
}

/// Annotates `text` and returns the result packed into `u32` words (see
/// [`crate::render::packed`]): what `www/newsmark-annotate.js` decodes into the same span
/// and entity objects as [`annotate_json`] gives, without writing and parsing JSON.
/// `kinds` as for [`annotate_json`]; offsets are UTF-16 code units.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn annotate_packed(text: &str, kinds: &str) -> Result<Vec<u32>, Refusal> {
    crate::check_length(text).map_err(refusal)?;
    let options = parse_kinds(kinds);
    let found = crate::annotate_with(text, &options);
    Ok(packed(text, &found, Unit::Utf16))
}

/// The longest text the functions above read, in bytes of UTF-8
/// ([`crate::MAX_TEXT_BYTES`]), for JavaScript to refuse a longer one before copying it.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn max_text_bytes() -> u32 {
    u32::try_from(crate::MAX_TEXT_BYTES).unwrap_or(u32::MAX)
}

/// Why a call is refused: thrown in JavaScript as an `Error` with the message.
#[cfg(target_arch = "wasm32")]
pub type Refusal = wasm_bindgen::JsError;

/// Why a call is refused: the message (natively; in JavaScript an `Error`).
#[cfg(not(target_arch = "wasm32"))]
pub type Refusal = String;

fn refusal(e: crate::TooLong) -> Refusal {
    #[cfg(target_arch = "wasm32")]
    {
        wasm_bindgen::JsError::from(e)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        e.to_string()
    }
}

/// The version of the newsmark crate (`"0.1.0"`).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The kinds a comma list asks for; an empty (or blank) list asks for all of them.
fn parse_kinds(kinds: &str) -> Options {
    let words: Vec<String> = kinds
        .split(',')
        .map(|w| w.trim().to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Options::default();
    }
    let has = |k: &str| words.iter().any(|w| w == k);
    Options {
        quotes: has("quote"),
        names: has("name"),
        numbers: has("number"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn parse(text: &str, kinds: &str) -> Value {
        let json = annotate_json(text, kinds).expect("a text within the limit is read");
        serde_json::from_str(&json).expect("annotate_json returns JSON")
    }

    /// `text.slice(start, end)` in JavaScript: UTF-16 code units.
    fn js_slice(text: &str, start: u64, end: u64) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start as usize..end as usize]).expect("span on code points")
    }

    #[test]
    fn kinds_parse_as_a_comma_list() {
        assert_eq!(parse_kinds(""), Options::default());
        assert_eq!(parse_kinds(" , "), Options::default());
        let o = parse_kinds("Number, quote");
        assert!(o.numbers && o.quotes && !o.names);
        let o = parse_kinds("name,bogus");
        assert!(o.names && !o.numbers && !o.quotes);
    }

    #[test]
    fn utf16_offsets_slice_the_span_text_after_emoji() {
        let text = "😀🎉 “We paid $5 million,” said Jane Doe in Paris on April 16. 👍🏽 25%";
        let v = parse(text, "");
        let spans = v["spans"].as_array().expect("spans array");
        // every offset pair (span, speaker mention, cue) slices its own text
        let mut pairs = 0;
        for s in spans {
            for o in [s, &s["speaker"], &s["cue"]] {
                let (Some(start), Some(end)) = (o["start"].as_u64(), o["end"].as_u64()) else {
                    continue;
                };
                assert!(start < end, "empty range {o}");
                assert_eq!(js_slice(text, start, end), o["text"].as_str().unwrap());
                pairs += 1;
            }
        }
        assert!(pairs >= spans.len());
        assert!(v["entities"].is_array());
    }

    #[test]
    fn only_the_asked_kinds_come_back() {
        let text = "“It costs $5,” said Jane Doe in Paris on April 16, 2025.";
        for kind in ["quote", "name", "number"] {
            let v = parse(text, kind);
            for s in v["spans"].as_array().unwrap() {
                assert_eq!(s["kind"], kind, "asked {kind}, got {s}");
            }
        }
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for text in [
            "",
            "\u{feff}",
            "\"\"\"“”«»„",
            &"\"".repeat(5000),
            &"x".repeat(20_000),
            "\u{10FFFF}\u{1F600}a\u{0301}",
        ] {
            let v = parse(text, "quote,name,number");
            assert!(v["spans"].is_array());
        }
        assert!(!version().is_empty());
    }

    /// A text over the limit is refused, with its length in the message, before any work;
    /// one at the limit is read (multi-byte characters count as their UTF-8 bytes).
    #[test]
    fn a_text_over_the_limit_is_refused_and_one_at_it_is_read() {
        let max = max_text_bytes() as usize;
        assert_eq!(max, crate::MAX_TEXT_BYTES);
        let at = format!("{}é", "x".repeat(max - 2));
        assert_eq!(at.len(), max);
        assert!(parse(&at, "number")["spans"].is_array());
        let over = format!("{at}.");
        for refused in [
            annotate_json(&over, "").map(|_| ()),
            annotate_packed(&over, "quote").map(|_| ()),
        ] {
            let message = refused.expect_err("refused");
            assert!(
                message.contains(&format!("{} bytes", max + 1)) && message.contains("at most"),
                "{message}"
            );
        }
        assert!(annotate_packed("Paid $5.", "").is_ok_and(|w| !w.is_empty()));
    }
}
