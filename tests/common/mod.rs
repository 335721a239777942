//! Checks shared by the integration tests.
#![allow(dead_code)] // each test crate uses a part

use newsmark::{Annotations, Document, Kind, Span};

/// A span is non-empty, inside `text` and on `char` boundaries.
pub fn span_ok(text: &str, s: Span) -> Result<(), String> {
    if s.start < s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
    {
        Ok(())
    } else {
        Err(format!("bad span {s:?} in a text of {} bytes", text.len()))
    }
}

/// What resolve promises: spans valid, sorted (start ascending, longer first), nested or
/// disjoint; attached spans (speaker mentions, cues) valid; entity ids point at entities.
pub fn check_annotations(text: &str, found: &Annotations) -> Result<(), String> {
    let mut open: Vec<Span> = Vec::new();
    let mut prev: Option<Span> = None;
    for a in &found.spans {
        let s = a.span;
        span_ok(text, s)?;
        if let Some(p) = prev {
            if !(p.start < s.start || (p.start == s.start && p.end >= s.end)) {
                return Err(format!("unsorted: {p:?} before {s:?}"));
            }
        }
        prev = Some(s);
        while open.last().is_some_and(|o| o.end <= s.start) {
            open.pop();
        }
        if let Some(o) = open.last() {
            if s.end > o.end {
                return Err(format!("{s:?} crosses {o:?}"));
            }
        }
        open.push(s);
        if let Some(sp) = &a.speaker {
            if a.kind() != Kind::Quote {
                return Err(format!("a {:?} has a speaker", a.label));
            }
            if let Some(m) = sp.mention {
                span_ok(text, m)?;
            }
            if let Some(e) = sp.entity {
                if e as usize >= found.entities.len() {
                    return Err(format!("speaker entity {e} does not exist"));
                }
            }
        }
        if let Some(c) = a.cue {
            span_ok(text, c)?;
        }
        if let Some(e) = a.entity {
            if a.kind() != Kind::Name {
                return Err(format!("a {:?} has an entity", a.label));
            }
            if e as usize >= found.entities.len() {
                return Err(format!("entity {e} does not exist"));
            }
        }
    }
    for (i, e) in found.entities.iter().enumerate() {
        if e.id as usize != i {
            return Err(format!("entity {i} has id {}", e.id));
        }
    }
    Ok(())
}

/// What segmentation promises: tokens, sentences and paragraphs valid, in order and
/// disjoint; sentences inside paragraphs; every token inside one sentence.
pub fn check_document(doc: &Document) -> Result<(), String> {
    let text = doc.text;
    for list in [
        &doc.paragraphs,
        &doc.sentences,
        &doc.tokens.iter().map(|t| t.span).collect::<Vec<_>>(),
    ] {
        let mut end = 0;
        for &s in list.iter() {
            span_ok(text, s)?;
            if s.start < end {
                return Err(format!("{s:?} overlaps or precedes the one before"));
            }
            end = s.end;
        }
    }
    for t in &doc.tokens {
        let s = &text[t.span.range()];
        if s.chars().all(newsmark::segment::is_space) {
            return Err(format!("a white-space token at {:?}", t.span));
        }
    }
    for &s in &doc.sentences {
        if !doc.paragraphs.iter().any(|p| p.contains(s)) {
            return Err(format!("sentence {s:?} is in no paragraph"));
        }
    }
    let mut si = 0;
    for t in &doc.tokens {
        while si < doc.sentences.len() && doc.sentences[si].end <= t.span.start {
            si += 1;
        }
        if !doc.sentences.get(si).is_some_and(|s| s.contains(t.span)) {
            return Err(format!("token {:?} is in no sentence", t.span));
        }
    }
    Ok(())
}
