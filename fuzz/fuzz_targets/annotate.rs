//! `annotate` on any text: no panic, and resolve's promises hold (valid, sorted,
//! never-crossing spans), and the inline notation reads back to the same text and spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::render::{inline, parse_inline};
use newsmark::{Kind, Span};

fn valid(text: &str, s: Span) -> bool {
    s.start < s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let found = newsmark::annotate(text);
    let mut open: Vec<Span> = Vec::new();
    let mut prev: Option<Span> = None;
    for a in &found.spans {
        let s = a.span;
        assert!(valid(text, s), "invalid span {s:?}");
        if let Some(p) = prev {
            assert!(
                p.start < s.start || (p.start == s.start && p.end >= s.end),
                "unsorted"
            );
        }
        prev = Some(s);
        while open.last().is_some_and(|o| o.end <= s.start) {
            open.pop();
        }
        assert!(open.last().is_none_or(|o| s.end <= o.end), "{s:?} crosses");
        open.push(s);
        if let Some(m) = a.speaker.as_ref().and_then(|sp| sp.mention) {
            assert!(valid(text, m), "invalid speaker mention {m:?}");
        }
        if let Some(e) = a.entity {
            assert!((e as usize) < found.entities.len(), "missing entity {e}");
        }
    }
    let marked = inline(text, &found, &Kind::ALL);
    let back = parse_inline(&marked).expect("the inline notation reads back");
    assert_eq!(back.text, text);
    assert_eq!(back.marks.len(), found.spans.len());
});
