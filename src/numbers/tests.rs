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
    assert_eq!(
        spans("between the two leaders, which took place on April 16."),
        ["two", "April 16"]
    );
    assert_eq!(
        spans("Since January, thousands of kilograms of fentanyl"),
        ["January", "thousands of kilograms"]
    );
    assert_eq!(
        spans("enough to fatally overdose over 119 million individuals"),
        ["119 million"]
    );
    assert_eq!(
        spans("for Americans aged 18 to 44, underlining"),
        ["18 to 44"]
    );
    assert_eq!(
        spans("imposing a 25% tariff on goods from Trump's first term"),
        ["25%", "first"]
    );
}

#[test]
fn phrases_and_values() {
    let doc_val = |text: &str| {
        let doc = Document::new(text);
        recognize(&doc)
            .into_iter()
            .map(|a| {
                (
                    text[a.span.range()].to_string(),
                    a.value.unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
    };
    let v = doc_val("It cost $2.5bn, or 40 billion dollars, for 5–10 km.");
    assert_eq!(v[0].0, "$2.5bn");
    assert_eq!(v[0].1.value, Some(2.5e9));
    assert_eq!(v[0].1.currency.as_deref(), Some("USD"));
    assert_eq!(v[1].0, "40 billion dollars");
    assert_eq!(v[1].1.value, Some(4e10));
    assert_eq!(v[2].0, "5–10 km");
    assert_eq!((v[2].1.value, v[2].1.high), (Some(5.0), Some(10.0)));
    assert_eq!(v[2].1.unit.as_deref(), Some("km"));
    let v = doc_val("It happened on 16 April 2025 at 3:30 p.m.");
    assert_eq!(v[0].0, "16 April 2025 at 3:30 p.m.");
    assert_eq!(v[0].1.iso.as_deref(), Some("2025-04-16T15:30"));
    let v = doc_val("one hundred and three and two thirds");
    assert!((v[0].1.value.unwrap_or(0.0) - 103.666).abs() < 0.01);
}

#[test]
fn hostile_input_is_linear_and_safe() {
    let long_digits = "9".repeat(300_000);
    let long_word = "a".repeat(300_000);
    let mixed: String = (0..20_000)
        .map(|i| {
            [
                "1",
                ",",
                "2",
                "-",
                " ",
                "one",
                "May",
                "$",
                "%",
                "\u{10FFFF}",
                "é",
                "/",
            ][i % 12]
        })
        .collect();
    for text in [
        long_digits.as_str(),
        long_word.as_str(),
        mixed.as_str(),
        "1e",
        "-",
        "$",
        "a third",
        "10G",
        "1/0",
        "0/0",
    ] {
        let doc = Document::new(text);
        for a in recognize(&doc) {
            assert!(a.span.start < a.span.end && a.span.end <= text.len());
            assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
        }
    }
}

/// The project's sample article (read from `../shared` at run time): exactly the figures
/// its issue lists, plus the month and weekday names, which are dates here.
#[test]
fn the_sample_article_has_exactly_its_figures() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/samples/sheinbaum-troops.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIPPED: {} is absent", path.display());
        return;
    };
    let found: Vec<(String, &str)> = crate::annotate(&text)
        .spans
        .into_iter()
        .filter(|a| a.kind() == crate::span::Kind::Number)
        .map(|a| (text[a.span.range()].to_string(), a.label.type_str()))
        .collect();
    let want = [
        ("Saturday", "date"),
        ("two", "cardinal"),
        ("April 16", "date"),
        ("February", "date"),
        ("January", "date"),
        ("thousands of kilograms", "quantity"),
        ("119 million", "cardinal"),
        ("18 to 44", "range"),
        ("March", "date"),
        ("two", "cardinal"),
        ("25%", "percent"),
        ("first", "ordinal"),
        ("March", "date"),
    ];
    let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
    assert_eq!(found, want);
}
