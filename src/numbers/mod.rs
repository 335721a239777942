//! Numbers: figures in the text (placeholder: digit tokens, with `%` and `$`).

use crate::segment::{Document, TokenKind};
use crate::span::{Annotation, Label, NumberType, NumberValue, Span};

/// Proposes the numbers of `doc`.
pub fn recognize(doc: &Document) -> Vec<Annotation> {
    let mut out = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Number {
            continue;
        }
        let mut span = t.span;
        let mut ty = NumberType::Cardinal;
        if i > 0 && doc.token_text(i - 1) == "$" && doc.tokens[i - 1].span.end == t.span.start {
            span.start = doc.tokens[i - 1].span.start;
            ty = NumberType::Money;
        }
        if let Some(next) = doc.tokens.get(i + 1) {
            if doc.slice(next.span) == "%" && next.span.start == t.span.end {
                span = Span::new(span.start, next.span.end);
                ty = NumberType::Percent;
            }
        }
        let value = doc.slice(t.span).replace(',', "").parse::<f64>().ok();
        let mut a = Annotation::new(span, Label::Number(ty));
        a.value = Some(NumberValue {
            value,
            ..NumberValue::default()
        });
        out.push(a);
    }
    out
}
