//! Quotes: quotations and their speakers (placeholder: double quotes within a paragraph,
//! attributed to the nearest following name).

use crate::segment::Document;
use crate::span::{Annotation, Kind, Label, QuoteType, Span, Speaker};

/// Proposes the quotes of `doc`, attributing them with the help of the proposed `names`.
pub fn recognize(doc: &Document, names: &[Annotation]) -> Vec<Annotation> {
    let mut out = Vec::new();
    for &para in &doc.paragraphs {
        let text = doc.slice(para);
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices() {
            match (c, open) {
                ('“', _) | ('"', None) => open = Some(para.start + i),
                ('”', Some(s)) | ('"', Some(s)) => {
                    let span = Span::new(s, para.start + i + c.len_utf8());
                    let mut a = Annotation::new(span, Label::Quote(QuoteType::Direct));
                    a.speaker = names
                        .iter()
                        .find(|n| {
                            n.kind() == Kind::Name
                                && n.span.start >= span.end
                                && n.span.end <= para.end
                        })
                        .map(|n| Speaker {
                            mention: Some(n.span),
                            name: doc.slice(n.span).to_string(),
                            entity: n.entity,
                        });
                    out.push(a);
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}
