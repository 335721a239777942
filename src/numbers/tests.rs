//! Unit tests of the number grammar: spans, types and values.

use super::recognize;
use crate::segment::Document;
use crate::span::NumberType;

fn found(text: &str) -> Vec<(String, NumberType)> {
    let doc = Document::new(text);
    recognize(&doc)
        .into_iter()
        .map(|a| {
            let ty = match a.label {
                crate::span::Label::Number(t) => t,
                _ => unreachable!("numbers only"),
            };
            (text[a.span.range()].to_string(), ty)
        })
        .collect()
}

fn spans(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn sample_sentences() {
    assert_eq!(spans("between the two leaders, which took place on April 16."), ["two", "April 16"]);
    assert_eq!(spans("Since January, thousands of kilograms of fentanyl"), ["January", "thousands of kilograms"]);
    assert_eq!(spans("enough to fatally overdose over 119 million individuals"), ["119 million"]);
    assert_eq!(spans("for Americans aged 18 to 44, underlining"), ["18 to 44"]);
    assert_eq!(spans("imposing a 25% tariff on goods from Trump's first term"), ["25%", "first"]);
}
