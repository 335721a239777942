//! Property tests: for arbitrary Unicode and for hostile-shaped text (quote marks,
//! abbreviations, figures, zero-width and right-to-left characters in any order) the
//! promises of segmentation, resolve, offsets, the renderers and the JSONL reader hold,
//! and nothing panics.

mod common;

use newsmark::jsonl::{process_line, Config};
use newsmark::offsets::{Converter, Unit};
use newsmark::render::{inline, parse_inline, spans_json};
use newsmark::{annotate, annotate_with, Document, Kind, Options};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    " said ",
    " she said",
    ", he added",
    "according to ",
    "Claudia Sheinbaum",
    "Sheinbaum",
    "Jane Doe",
    "the Drug Enforcement Administration",
    "Mexico",
    "Mr.",
    "Dr. ",
    "U.S.",
    "J. ",
    "R. ",
    "Inc.",
    "Jan.",
    "St.",
    "No. ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\n\n",
    "\u{A0}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{AD}",
    "\u{202E}",
    "\u{200F}",
    "5",
    "2.5",
    "1,000.5",
    "119 million",
    "$",
    "€",
    "%",
    "25%",
    "April 16",
    "18 to 44",
    "2010–2012",
    "thousands of kilograms",
    "first",
    "21st",
    "two",
    "3:30 p.m.",
    ".",
    "...",
    "…",
    "?",
    "!",
    "?!",
    "😀",
    "👩‍👩‍👧",
    "🇲🇽",
    "e\u{301}",
    "שלום",
    "مرحبا",
    "中文。",
    "\0",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "-",
    "–",
    "—",
    ",",
    ";",
    ":",
    "(",
    ")",
    "We",
    "will",
    "never",
    "accept",
    "The",
    "He",
];

/// Text made of hostile fragments and arbitrary characters.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Either hostile-shaped text or arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => hostile(), 1 => "\\PC{0,120}", 1 => any::<String>()]
}

fn naive(text: &str, unit: Unit, byte: usize) -> usize {
    match unit {
        Unit::Utf8 => byte,
        Unit::Utf16 => text[..byte].encode_utf16().count(),
        Unit::Chars => text[..byte].chars().count(),
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(192)
}

proptest! {
    // PROPTEST_CASES=5000 cargo test --test properties runs a longer search
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn segmentation_holds_its_promises(t in text()) {
        let doc = Document::new(&t);
        if let Err(e) = common::check_document(&doc) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn annotations_are_in_bounds_sorted_and_never_cross(t in text()) {
        let found = annotate(&t);
        if let Err(e) = common::check_annotations(&t, &found) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn asking_for_fewer_kinds_filters_the_full_result(t in text()) {
        // a kind's spans do not depend on what else is asked (speakers named, entities kept)
        let full = annotate(&t);
        for (quotes, names, numbers) in [(true, false, false), (false, false, true), (false, true, false), (true, false, true)] {
            let options = Options { quotes, names, numbers };
            let some = annotate_with(&t, &options);
            let want: Vec<_> = full.spans.iter().filter(|a| options.wants(a.kind())).cloned().collect();
            prop_assert_eq!(&some.spans, &want, "kinds {:?}", options);
            prop_assert_eq!(&some.entities, &full.entities);
        }
    }

    #[test]
    fn json_offsets_equal_the_naive_ones(t in text()) {
        let found = annotate(&t);
        for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
            let json = spans_json(&t, &found, unit);
            prop_assert_eq!(json.len(), found.spans.len());
            for (j, a) in json.iter().zip(&found.spans) {
                prop_assert_eq!(j["start"].as_u64(), Some(naive(&t, unit, a.span.start) as u64));
                prop_assert_eq!(j["end"].as_u64(), Some(naive(&t, unit, a.span.end) as u64));
                prop_assert_eq!(j["text"].as_str(), Some(&t[a.span.range()]));
            }
        }
    }

    #[test]
    fn converter_equals_naive_on_sorted_offsets(t in text(), picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..20)) {
        let bounds: Vec<usize> = (0..=t.len()).filter(|&b| t.is_char_boundary(b)).collect();
        let mut offsets: Vec<usize> = picks.iter().map(|i| bounds[i.index(bounds.len())]).collect();
        offsets.sort_unstable();
        for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
            let mut c = Converter::new(&t, unit);
            for &b in &offsets {
                prop_assert_eq!(c.convert(b), naive(&t, unit, b));
            }
        }
    }

    #[test]
    fn inline_notation_round_trips(t in text()) {
        let found = annotate(&t);
        let marked = inline(&t, &found, &Kind::ALL);
        let parsed = parse_inline(&marked);
        prop_assert!(parsed.is_ok(), "{:?}", parsed);
        let parsed = parsed.unwrap();
        prop_assert_eq!(&parsed.text, &t);
        let got: Vec<_> = parsed.marks.iter().map(|m| (m.span, m.label)).collect();
        let want: Vec<_> = found.spans.iter().map(|a| (a.span, a.label)).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn jsonl_never_panics_on_bytes(raw in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = process_line(&raw, &Config::default());
    }

    #[test]
    fn jsonl_answers_every_string(t in text(), id in any::<i64>()) {
        let line = serde_json::json!({"id": id, "text": t, "other": [1, {"x": null}]}).to_string();
        let out = process_line(line.as_bytes(), &Config { unit: Unit::Chars, ..Config::default() });
        prop_assert!(matches!(out, Ok(Some(_))), "{:?}", out);
        let v: serde_json::Value = serde_json::from_str(&out.unwrap().unwrap()).unwrap();
        prop_assert_eq!(v["id"].as_i64(), Some(id));
    }

    #[test]
    fn html_and_colors_keep_the_text(t in hostile()) {
        let found = annotate(&t);
        let colored = newsmark::render::ansi::colored(&t, &found, &Kind::ALL);
        let mut plain = String::new();
        let mut in_escape = false;
        let mut in_speaker = false;
        for c in colored.chars() {
            match c {
                '\x1b' => in_escape = true,
                'm' if in_escape => in_escape = false,
                '⟨' if !in_escape => in_speaker = true,
                '⟩' if in_speaker => in_speaker = false,
                _ if in_escape || in_speaker => {}
                c => plain.push(c),
            }
        }
        // control characters are shown as symbols; the input's own ⟨ ⟩ would confuse
        // the stripping above
        let visible: String = t
            .chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => c,
                '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or(c),
                '\x7f' => '\u{2421}',
                '\u{80}'..='\u{9f}' => '\u{FFFD}',
                c => c,
            })
            .collect();
        prop_assert!(!colored.contains('\0'));
        if !t.contains(['⟨', '⟩']) {
            prop_assert_eq!(plain, visible);
        }
        let html = newsmark::render::html::fragment(&t, &found, &Kind::ALL);
        prop_assert_eq!(html.matches("<mark").count(), found.spans.len());
        prop_assert_eq!(html.matches("</mark>").count(), found.spans.len());
    }
}
