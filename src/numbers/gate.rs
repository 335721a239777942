//! The scanner's first test: can a reading start at this token?
//!
//! Trying every parser at every token cost nearly all of the time spent on numbers,
//! and most tokens (`said`, `government`) start nothing. Two facts about the grammar
//! make a cheap and exact test:
//!
//! - every reading holds an **anchor**: a token with a digit, a number word (`two`,
//!   `third`, `million`, `thousands`, `half`, `quarter`, `dozen`, also inside a
//!   hyphenated word: `six-mile`), a month, a weekday, `week`, `minus`, `negative`,
//!   a vulgar fraction (`½`) or a Roman numeral (with the letter `I`);
//! - every token a reading takes before its first anchor is a **lead**: a word the
//!   grammar reads before a figure or a calendar word (`between`, `from`, `the`, `a`,
//!   `$`, `US`, `Rs`, `in`, `every`, `early`, `fiscal`, `Christmas`, `an hour and …`).
//!
//! So a reading can start at token `i` only when `i` is an anchor or a run of leads
//! from `i` reaches one. One backward pass over the tokens marks those tokens, and the
//! scanner tries its parsers there only. The output is the same as trying every token
//! (`tests::gate_is_exact` compares the two) as long as a parser that learns to read a
//! new word before its figure adds it to [`LEADS`] (or a table listed in
//! [`classes`]).

use super::dates;
use super::lexicon::{self as lx, Filter, FnvMap};
use super::Cx;
use crate::segment::TokenKind;
use std::sync::OnceLock;

/// A word that every reading holding it has as its anchor.
const ANCHOR: u8 = 1;
/// A word that may come before the first anchor of a reading.
const LEAD: u8 = 2;

/// Leads that no lexicon table lists, grouped by the parser that reads them.
const LEADS: &[&str] = &[
    // ranges ("between 2,000 and 3,000", "from 10 to 20"), "percent of twenty", "per
    // cent of", "a hundred", "an hour and a half", "-5", "−3.5", "Rs. 500", "U.S. $5"
    "between",
    "from",
    "percent",
    "percents",
    "per",
    "cent",
    "of",
    "a",
    "an",
    "and",
    "-",
    "−",
    ".",
    "$",
    "u.s.",
    "us$",
    "u.s.$",
    // relative days and parts of the day before a time ("tomorrow at 5pm", "the day
    // after tomorrow", "this morning between 5 and 6", "in the early morning at 7")
    "today",
    "tomorrow",
    "tonight",
    "tonite",
    "yesterday",
    "this",
    "next",
    "last",
    "coming",
    "day",
    "after",
    "before",
    "morning",
    "afternoon",
    "evening",
    "night",
    "at",
    "around",
    "for",
    "@",
    "by",
    "in",
    "the",
    // weeks ("w/c Feb 4"), quarters ("that quarter", "current quarter"), "month of
    // March", "the year 2000", decades ("'90s"), periods ("early March", "end of
    // 1990", "mid-1996", "fiscal 1989", "summer of 2019"), sets ("every 3 weeks"),
    // relative dates ("within 2 weeks", "upcoming 3 days")
    "w",
    "/",
    "c",
    "that",
    "every",
    "each",
    "following",
    "current",
    "past",
    "previous",
    "month",
    "year",
    "'",
    "’",
    "early",
    "late",
    "mid",
    "middle",
    "end",
    "beginning",
    "start",
    "fiscal",
    "fy",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
    "within",
    "upcoming",
    "eve",
];

/// Anchor words that no lexicon table lists.
const ANCHORS: &[&str] = &[
    "half",
    "halves",
    "quarter",
    "quarters",
    "dozen",
    "dozens",
    "trillionth",
    "trillionths",
    "week",
    "minus",
    "negative",
];

/// The tables of the gate, built on first use.
struct Classes {
    /// A filter of the keys of `map`.
    filter: Filter,
    /// The class of every listed word (lowercase).
    map: FnvMap<&'static str, u8>,
    /// A filter of the keys of `numbers`.
    number_filter: Filter,
    /// The anchor words and their plurals (`thirds`, `Fridays`, `millions`): a word's
    /// anchor test is one look-up.
    numbers: FnvMap<String, ()>,
}

/// The longest key of [`Classes::map`] that an anchor test looks up (no listed word is
/// longer; most words of a text are turned away by their length).
const MAX_WORD: usize = 14;

fn classes() -> &'static Classes {
    static MAP: OnceLock<Classes> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FnvMap<&'static str, u8> = FnvMap::default();
        let mut add = |w: &'static str, c: u8| *m.entry(w).or_insert(0) |= c;
        for &(w, _) in lx::SMALL {
            add(w, ANCHOR);
        }
        for &(w, _) in lx::ORDINALS {
            add(w, ANCHOR);
        }
        for &(w, _) in lx::SCALES {
            add(w, ANCHOR);
        }
        for &(w, _) in lx::MONTHS {
            add(w, ANCHOR);
        }
        for &(w, _) in lx::WEEKDAYS {
            add(w, ANCHOR);
        }
        for &w in ANCHORS {
            add(w, ANCHOR);
        }
        for &w in LEADS {
            add(w, LEAD);
        }
        for &(w, _) in lx::TIME_UNITS {
            add(w, LEAD);
        }
        for &(w, _) in lx::CURRENCY_SYMBOLS {
            add(w, LEAD);
        }
        for &(w, _) in lx::DOLLAR_PREFIXES {
            add(w, LEAD);
        }
        for &w in dates::HOLIDAYS
            .iter()
            .chain(dates::HOLIDAY_LEADS)
            .chain(dates::QUARTER_MODIFIERS)
        {
            add(w, LEAD);
        }
        // currency codes are read as written; the classes are looked up in lowercase
        static LOWER: OnceLock<Vec<String>> = OnceLock::new();
        let lower = LOWER.get_or_init(|| {
            lx::CODES
                .iter()
                .copied()
                .chain(lx::CODE_WORDS.iter().map(|&(w, _)| w))
                .map(str::to_lowercase)
                .collect()
        });
        for w in lower {
            add(w.as_str(), LEAD);
        }
        let mut filter = Filter::new();
        let mut number_filter = Filter::new();
        let mut numbers = FnvMap::default();
        for (w, &c) in &m {
            filter.insert(w);
            if c & ANCHOR != 0 && w.len() <= MAX_WORD {
                for n in [w.to_string(), format!("{w}s")] {
                    number_filter.insert(&n);
                    numbers.insert(n, ());
                }
            }
        }
        Classes {
            filter,
            map: m,
            number_filter,
            numbers,
        }
    })
}

fn class(c: &Classes, w: &str) -> u8 {
    if w.len() > MAX_WORD {
        return 0;
    }
    if !c.filter.may_hold(w) {
        return 0;
    }
    c.map.get(w).copied().unwrap_or(0)
}

/// True when `w` (without its final periods) is an anchor word or the plural of one:
/// `twenty`, `Sept.`, `thirds`, `Fridays`, `millions`.
fn number_word(c: &Classes, w: &str) -> bool {
    // the final periods by bytes (a period is one byte, so the cut is a char boundary)
    let b = w.as_bytes();
    let mut e = b.len();
    while e > 0 && b[e - 1] == b'.' {
        e -= 1;
    }
    let w = w.get(..e).unwrap_or(w);
    if w.len() > MAX_WORD + 1 {
        return false;
    }
    c.number_filter.may_hold(w) && c.numbers.contains_key(w)
}

/// True when token `i` is an anchor (see the module docs).
fn anchor(cx: &Cx, c: &Classes, i: usize) -> bool {
    let Some(t) = cx.toks.get(i) else {
        return false;
    };
    let digit = t.bytes & super::DIGIT != 0;
    let dash = t.bytes & super::DASH != 0;
    let wide = t.bytes & super::WIDE != 0;
    if t.kind == TokenKind::Number || digit || wide && lx::vulgar_fraction(t.text).is_some() {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    let raw = t.text.as_bytes();
    if (1..=8).contains(&raw.len())
        && raw.iter().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        && (raw.len() > 1 || raw == b"I" && cx.capitalized(i.wrapping_sub(1)))
        || raw == b"I." && cx.capitalized(i.wrapping_sub(1))
    {
        return true;
    }
    // the number words inside "twenty-one", "six-mile", "third-quarter", "mid-November",
    // also with a final period ("Sept.") or plural ("thirds", "Fridays", "millions")
    let low = cx.low(i);
    // most words hold none of the four dashes (the three besides `-` are not ASCII); an
    // ASCII word's lowercase text has a dash where the word has one
    if !dash && !wide {
        return number_word(c, low);
    }
    low.split(['-', '‐', '—', '–']).any(|p| number_word(c, p))
}

/// True when token `i` is a lead (see the module docs).
fn lead(cx: &Cx, c: &Classes, i: usize) -> bool {
    let w = cx.low(i);
    class(c, w) & LEAD != 0 || dates::quarter_modifier(w)
}

/// For each token, whether a reading may start there.
/// Also counts the anchors: entry `i` of the second vector is how many tokens before
/// token `i` are anchors (`n + 1` entries), which the scanner sizes its output by.
pub(super) fn starts(cx: &Cx) -> (Vec<bool>, Vec<u32>) {
    let n = cx.len();
    let mut out = vec![false; n];
    let mut is_anchor = vec![false; n];
    let mut reach = false;
    let c = classes();
    for i in (0..n).rev() {
        let a = anchor(cx, c, i);
        is_anchor[i] = a;
        reach = a || reach && lead(cx, c, i);
        out[i] = reach;
    }
    let mut before = Vec::with_capacity(n + 1);
    let mut count = 0u32;
    before.push(0);
    for a in is_anchor {
        count += u32::from(a);
        before.push(count);
    }
    (out, before)
}

#[cfg(test)]
mod tests {
    use super::{classes, ANCHOR};

    fn class(w: &str) -> u8 {
        super::class(classes(), w)
    }

    fn number_word(w: &str) -> bool {
        super::number_word(classes(), w)
    }

    /// The test of a word as two look-ups of the classes (the word, then without a
    /// final `s`): what [`number_word`]'s one look-up of anchors and plurals replaced.
    fn number_word_by_classes(w: &str) -> bool {
        let w = w.trim_end_matches('.');
        class(w) & ANCHOR != 0 || w.strip_suffix('s').is_some_and(|s| class(s) & ANCHOR != 0)
    }

    #[test]
    fn number_words_are_the_anchors_and_their_plurals() {
        let map = &super::classes().map;
        let mut words: Vec<String> = Vec::new();
        for &w in map.keys() {
            for v in [
                w.to_string(),
                format!("{w}s"),
                format!("{w}."),
                format!("{w}s.."),
            ] {
                words.push(v.clone());
                words.push(format!("{v}s"));
                words.push(v.chars().skip(1).collect());
            }
        }
        words.extend(
            ["", ".", "s", "ss", "the", "thes", "thirdss", "fifteenthes"].map(String::from),
        );
        words.push("x".repeat(14) + "s");
        for w in &words {
            assert_eq!(number_word(w), number_word_by_classes(w), "{w:?}");
        }
    }
}
