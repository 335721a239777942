//! Unit tests of the whole quote recognizer.

use super::*;

fn run(text: &str) -> Vec<(String, QuoteType, Option<String>)> {
    let doc = Document::new(text);
    let names = crate::names::recognize(&doc);
    recognize(&doc, &names)
        .into_iter()
        .map(|a| {
            let ty = match a.label {
                Label::Quote(t) => t,
                _ => QuoteType::Scare,
            };
            let sp = a
                .speaker
                .and_then(|s| s.mention)
                .map(|m| text[m].to_string());
            (text[a.span].to_string(), ty, sp)
        })
        .collect()
}

#[test]
fn said_after_the_quote() {
    let r = run("“We will win,” Jane Doe said on Monday.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].1, QuoteType::Direct);
    assert_eq!(r[0].2.as_deref(), Some("Jane Doe"));
}
