//! The inline notation parser on any text: no panic; marks lie in the text on char
//! boundaries; and what parses renders back to the same notation (canonical inputs:
//! no empty marks, no two marks on one span, no empty speaker names).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::render::{inline, parse_inline};
use newsmark::{Annotation, Annotations, Kind, Speaker};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(p) = parse_inline(s) else { return };
    let mut spans = Vec::new();
    for m in &p.marks {
        assert!(m.span.start <= m.span.end && m.span.end <= p.text.len());
        assert!(p.text.is_char_boundary(m.span.start) && p.text.is_char_boundary(m.span.end));
        let mut a = Annotation::new(m.span, m.label);
        a.speaker = m.speaker.as_ref().map(|name| Speaker {
            mention: None,
            name: name.clone(),
            entity: None,
        });
        spans.push(a);
    }
    let canonical = p
        .marks
        .iter()
        .all(|m| !m.span.is_empty() && m.speaker.as_ref().is_none_or(|n| !n.is_empty()))
        && p.marks.windows(2).all(|w| w[0].span != w[1].span);
    if canonical {
        let found = Annotations {
            spans,
            entities: Vec::new(),
        };
        assert_eq!(inline(&p.text, &found, &Kind::ALL), s);
    }
});
