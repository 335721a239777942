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
    // bare numbers within one day are hours, within a month days
    let v = doc_val("Polls open between 8 and 11 on 3/5/2024 and from 4 to 22 this month.");
    assert_eq!(v[0].0, "between 8 and 11 on 3/5/2024");
    assert_eq!(
        v[0].1.iso.as_deref(),
        Some("2024-03-05T08:00/2024-03-05T11:00")
    );
    assert_eq!(v[1].1.iso.as_deref(), Some("XXXX-XX-04/XXXX-XX-22"));
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

#[test]
fn a_text_of_figures_gets_room_for_its_readings_once() {
    // every anchor a reading: the vector is made that size and never moved (a vector that
    // doubled as it grew held up to half as much again while it moved, and had up to
    // twice the room it needed)
    let text = "5% ".repeat(10_000);
    let doc = Document::new(&text);
    let found = recognize(&doc);
    assert_eq!(found.len(), 10_000);
    assert_eq!(found.capacity(), found.len());
    // in prose the room made is a bound, and every reading fits
    let prose = "In 2024 the two towns paid $5 million, 25% more, on April 16. ".repeat(50);
    let doc = Document::new(&prose);
    let found = recognize(&doc);
    assert_eq!(found.len(), 250);
    assert!(found.capacity() >= found.len() && found.capacity() <= 2 * found.len());
}

/// The scanner with the gate (`gate.rs`) finds exactly what it finds trying every token.
fn same_as_ungated(text: &str) {
    let doc = Document::new(text);
    let cx = super::Cx::new(&doc);
    let every = super::scan(&cx, |_| true, |_| 0);
    assert_eq!(
        recognize(&doc),
        every,
        "the gate changed the numbers of {text:?}"
    );
}

/// Text of a spec file without its notation (`[type …]`, `{speaker}`, escapes).
fn spec_text(file: &str) -> String {
    let mut out = String::new();
    let mut chars = file.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '[' => {
                for d in chars.by_ref() {
                    if d == ' ' {
                        break;
                    }
                }
            }
            ']' => {}
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn gate_is_exact_on_phrases_that_lead_to_their_figure() {
    for text in [
        "the w/c Feb 4 and w/c the 4th; the week starting on the 15th",
        "It takes an hour and a half, or in an hour and a half, or a half hour.",
        "every quarter, the last week of this month, the latest fiscal quarter",
        "the year-ago quarter and the September-ended quarter; current quarter",
        "Christmas 2013, New Year's Eve in 2019, St. Patrick's Day 2020",
        "from Rs. 500 to Rs. 600, between US$ 5 and 6, between U.S. $5 and $6",
        "the day after tomorrow at 5pm; this morning between 5 and 6",
        "in the early morning at 7, each in the early morning at 7",
        "percent of twenty and per cent of twenty-two",
        "minus minus 5, negative 3, − 4 and -4",
        "early the 1990s, the end of the 1990s, mid-November, mid - 1996",
        "fiscal year 1989, summer of 2019, the year two thousand",
        "the month of March, month of May, that quarter, this Friday",
        "within 2 weeks, upcoming 3 days, the past 20 years, every three weeks",
        "a dozen, a few dozen, half-a-dozen, the 16th of April, the 21st",
        "World War II and Louis XV; '90s and the ’80s; Q1 2019",
        "tonight at eleven, tomorrow 8:00am, half past seven, a quarter past eight",
    ] {
        same_as_ungated(text);
    }
}

#[test]
fn gate_is_exact_on_the_spec_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return;
    };
    for e in entries.flatten() {
        if let Ok(file) = std::fs::read_to_string(e.path()) {
            same_as_ungated(&spec_text(&file));
        }
    }
}

mod gate_property {
    use super::same_as_ungated;
    use crate::numbers::lexicon as lx;
    use proptest::prelude::*;

    /// Words the grammar knows, in all cases, with digits and punctuation between.
    fn vocabulary() -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        let tables: [&[(&str, u32)]; 4] = [lx::SMALL, lx::ORDINALS, lx::MONTHS, lx::WEEKDAYS];
        for t in tables {
            v.extend(t.iter().map(|(w, _)| w.to_string()));
        }
        v.extend(lx::SCALES.iter().map(|(w, _)| w.to_string()));
        v.extend(lx::TIME_UNITS.iter().map(|(w, _)| w.to_string()));
        v.extend(lx::CURRENCY_SYMBOLS.iter().map(|(w, _)| w.to_string()));
        v.extend(lx::DOLLAR_PREFIXES.iter().map(|(w, _)| w.to_string()));
        v.extend(lx::CODE_WORDS.iter().map(|(w, _)| w.to_string()));
        v.extend(["USD", "EUR", "GBP"].map(String::from));
        v.extend(super::super::dates::HOLIDAYS.iter().map(|w| w.to_string()));
        v.extend(
            super::super::dates::HOLIDAY_LEADS
                .iter()
                .map(|w| w.to_string()),
        );
        v.extend(
            super::super::dates::QUARTER_MODIFIERS
                .iter()
                .map(|w| w.to_string()),
        );
        for w in [
            "the",
            "a",
            "an",
            "of",
            "in",
            "at",
            "on",
            "and",
            "to",
            "from",
            "between",
            "this",
            "next",
            "last",
            "every",
            "each",
            "early",
            "late",
            "mid",
            "end",
            "fiscal",
            "summer",
            "half",
            "quarter",
            "dozen",
            "dozens",
            "thousands",
            "tens",
            "millions",
            "percent",
            "per",
            "cent",
            "minus",
            "w",
            "c",
            "ago",
            "hence",
            "now",
            "o'clock",
            "noon",
            "pm",
            "a.m.",
            "p.m.",
            "said",
            "people",
            "he",
            "may",
            "one",
            "km",
            "miles",
            "%",
            "$",
            "€",
            ",",
            ".",
            "-",
            "–",
            "/",
            "'",
            "’",
            "(",
            ")",
            "”",
            "“",
            "5",
            "12",
            "2025",
            "1990s",
            "3:30",
            "4/16/2025",
            "21st",
            "10-12",
            "1,000",
            "2.5bn",
            "7pm",
            "90s",
            "II",
            "XV",
            "Q1",
            "mid-1996",
            "twenty-one",
            "six-mile",
            "third-quarter",
            "tomorrow",
            "tonight",
            "morning",
            "day",
            "after",
            "week",
            "month",
            "year",
            "years",
            "within",
            "upcoming",
            "percent",
            "over",
            "about",
            "more",
            "than",
            "page",
            "version",
            "½",
            "¼",
            "1½",
            "I",
            "I.",
            "World",
            "War",
            "Phase",
            "Pope",
            "https://x.org/5/",
        ] {
            v.push(w.to_string());
        }
        let capitalized: Vec<String> = v
            .iter()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
            .collect();
        v.extend(capitalized);
        v
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
        #[test]
        fn gate_is_exact_on_random_phrases(
            picks in proptest::collection::vec((any::<proptest::sample::Index>(), 0..6u8), 1..40)
        ) {
            let vocab = vocabulary();
            let mut text = String::new();
            for (w, sep) in picks {
                text.push_str(&vocab[w.index(vocab.len())]);
                text.push_str(match sep { 0 => "", 1 => "\n", _ => " " });
            }
            same_as_ungated(&text);
        }
    }
}

/// The gate against trying every token, on the shared numbers sets (read from
/// `../shared` at run time): the first `BUDGET` bytes of text of each set, so that the
/// ungated scan keeps the test quick.
#[test]
fn gate_is_exact_on_the_shared_sets() {
    const BUDGET: usize = 150_000;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/numbers");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return;
    };
    for e in entries.flatten() {
        let Ok(file) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let mut read = 0;
        for line in file.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            same_as_ungated(text);
            read += text.len();
            if read > BUDGET {
                break;
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
    /// The table of byte classes says what a test of each byte says.
    #[test]
    fn byte_classes_match_the_tests_of_each_byte(s in "\\PC{0,12}") {
        let b = s.as_bytes();
        let mut want = 0;
        for (has, bit) in [
            (b.iter().any(u8::is_ascii_digit), super::DIGIT),
            (b.contains(&b'-'), super::DASH),
            (!s.is_ascii(), super::WIDE),
        ] {
            if has {
                want |= bit;
            }
        }
        proptest::prop_assert_eq!(super::byte_classes(&s), want);
    }
}

/// A reading is made once per token and then read back while its slot keeps it; a token
/// whose slot a later one took is read again, to the same reading; a reading may ask the
/// table for other tokens while it is made.
#[test]
fn per_token_readings_are_kept() {
    use std::cell::Cell;
    let table: super::PerToken<Option<usize>> = super::PerToken::new(4);
    let made = Cell::new(0);
    let read = |i: usize| {
        table.get(i, || {
            made.set(made.get() + 1);
            (i % 2 == 0).then_some(i * 10)
        })
    };
    for _ in 0..3 {
        assert_eq!(
            (0..4).map(read).collect::<Vec<_>>(),
            [Some(0), None, Some(20), None]
        );
    }
    assert_eq!(made.get(), 4);
    // token 6 takes the slot of token 2 (four slots): 2 is read again, then kept
    assert_eq!(read(6), Some(60));
    assert_eq!(read(6), Some(60));
    assert_eq!(made.get(), 5);
    assert_eq!(read(2), Some(20));
    assert_eq!(read(2), Some(20));
    assert_eq!(made.get(), 6);
    // a reading of token 3 that asks for token 1 first
    let nested: super::PerToken<usize> = super::PerToken::new(4);
    let outer = nested.get(3, || nested.get(1, || 5) + 1);
    assert_eq!((outer, nested.get(3, || 0), nested.get(1, || 0)), (6, 6, 5));
    // a long document gets no more slots than a reading could use
    let long: super::PerToken<usize> = super::PerToken::new(1 << 20);
    let made = Cell::new(0);
    for i in 0..(1 << 20) {
        assert_eq!(
            long.get(i, || {
                made.set(made.get() + 1);
                i
            }),
            i
        );
        assert_eq!(
            long.get(i.saturating_sub(8), || i.saturating_sub(8)),
            i.saturating_sub(8)
        );
    }
    assert_eq!(made.get(), 1 << 20);
    assert!(long.slots() <= super::PER_TOKEN_SLOTS);
}

/// A part of the day read with its clock time, the part as far on as it may stand (a
/// weekday or "in the", then "early" or "late").
#[test]
fn parts_of_the_day_with_a_time() {
    for (text, want) in [
        (
            "We met Sunday early morning at 8:00.",
            "Sunday early morning at 8:00",
        ),
        (
            "It ends in the late evening at 9pm.",
            "in the late evening at 9pm",
        ),
        ("Doors open afternoon 7:00 sharp.", "afternoon 7:00"),
        ("every morning at 9am we run", "every morning at 9am"),
    ] {
        assert_eq!(spans(text), [want], "{text:?}");
    }
}

/// The value and unit of the forms each read as one span: a mixed number written with a
/// hyphen, dimensions (their area or volume), a record of attempts, a decimal without its
/// zero, a temperature with `º`.
#[test]
fn values_of_one_span_forms() {
    let one = |text: &str| {
        let doc = Document::new(text);
        let all = recognize(&doc);
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        let a = &all[0];
        let v = a.value.clone().unwrap_or_default();
        (text[a.span.range()].to_string(), v)
    };
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-3);
    // a span, its unit and its value
    for (text, span, unit, value) in [
        ("It hit 200km/h.", "200km/h", "km/h", 200.0),
        ("It hit 200 km/h.", "200 km/h", "km/h", 200.0),
        ("The truck did 50mi/hr there.", "50mi/hr", "mph", 50.0),
        ("The tide ran 3m/s today.", "3m/s", "m/s", 3.0),
        ("Add 1-2/3 cups now.", "1-2/3 cups", "cup", 1.6667),
        ("a 2-1/2-inch gap", "2-1/2-inch", "in", 2.5),
        ("Use a 9-by-13-inch pan.", "9-by-13-inch", "in²", 117.0),
        ("The cell is 6 by 9 feet.", "6 by 9 feet", "ft²", 54.0),
        (
            "Bags of 55 x 40 x 20 cm fit.",
            "55 x 40 x 20 cm",
            "cm³",
            44_000.0,
        ),
    ] {
        let (s, v) = one(text);
        assert_eq!(
            (s.as_str(), v.unit.as_deref()),
            (span, Some(unit)),
            "{text:?}"
        );
        assert!(close(v.value, value), "{text:?}: {v:?}");
    }
    let (s, v) = one("He went 4-for-5 at the plate.");
    assert_eq!((s.as_str(), v.value, v.high), ("4-for-5", Some(4.0), None));
    let (s, v) = one("He batted .312 on the road.");
    assert_eq!(s, ".312");
    assert!(close(v.value, 0.312), "{v:?}");
}

/// Two temperatures in one token are two quantities, each in its own scale.
#[test]
fn a_pair_of_temperatures_in_one_token() {
    let doc = Document::new("Bake at 180oC/350oF until firm.");
    let got: Vec<_> = recognize(&doc)
        .into_iter()
        .map(|a| {
            let v = a.value.unwrap_or_default();
            (doc.slice(a.span).to_string(), v.value, v.unit)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("180oC".to_string(), Some(180.0), Some("°C".to_string())),
            ("350oF".to_string(), Some(350.0), Some("°F".to_string()))
        ]
    );
}
