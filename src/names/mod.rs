//! Names: people, organizations and places (placeholder: runs of capitalized words).

use crate::segment::{Document, TokenKind};
use crate::span::{Annotation, Label, NameType, Span};
use std::collections::HashMap;

/// Proposes the names of `doc`, with entity ids shared by mentions of one entity.
pub fn recognize(doc: &Document) -> Vec<Annotation> {
    let mut out = Vec::new();
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let sentence_starts: Vec<usize> = doc.sentences.iter().map(|s| s.start).collect();
    let capitalized = |i: usize| {
        let t = doc.tokens[i];
        t.kind == TokenKind::Word
            && doc
                .token_text(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && sentence_starts.binary_search(&t.span.start).is_err()
    };
    let mut i = 0;
    while i < doc.tokens.len() {
        if !capitalized(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < doc.tokens.len() && capitalized(j) {
            j += 1;
        }
        let span = Span::new(doc.tokens[i].span.start, doc.tokens[j - 1].span.end);
        let next = ids.len() as u32;
        let id = *ids.entry(doc.slice(span)).or_insert(next);
        let mut a = Annotation::new(span, Label::Name(NameType::Person));
        a.entity = Some(id);
        out.push(a);
        i = j;
    }
    out
}
