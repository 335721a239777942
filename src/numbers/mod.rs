//! Numbers: every figure a reader may want to check, with exact boundaries and a
//! normalized value.
//!
//! The recognizer is a small grammar of composable parsers over the [`Document`]'s
//! tokens (and, inside a token such as `2.5bn`, `4/16/2025` or `18-year-old`, over its
//! digit and letter runs). Each parser takes a token position and returns the longest
//! phrase it can read there (a `Hit`); the scanner keeps the longest reading at each
//! position and moves past it, so the cost is linear in the text.
//!
//! - `gate`: the scanner's first test. A reading can start only at a token from which
//!   a run of lead words (`between`, `the`, `$`) reaches an anchor (a digit, a number
//!   word, a month); one backward pass finds those tokens, and the parsers are tried
//!   there only (one token in twenty-three of the 1 MB news benchmark), with the same
//!   result.
//! - [`lexicon`]: the words (number words, scales, ordinals, units, currencies,
//!   months, weekdays), as static tables.
//! - `grammar`: figures (digits with separators and decimals, written-out numbers,
//!   magnitudes, fractions, negatives, vague amounts such as `thousands`), and what is
//!   built on them: percentages, money, quantities, ordinals and ranges.
//! - `dates`: dates, times, durations and date ranges.
//!
//! # What is marked, and where a span starts and ends
//!
//! - **Approximations stay out.** `about`, `around`, `nearly`, `more than`, `over`,
//!   `at least`, `up to` and the like are not part of the span: in `over 119 million
//!   individuals` the figure is `119 million`. The words bound or blur the figure; the
//!   figure itself is what a reader checks (the convention of the Recognizers-Text
//!   number and unit suites and of news fact-checking).
//! - **A range is one span** of type `range` (or `date`/`time` for calendar ranges),
//!   with both ends in the value: `18 to 44`, `2010–2012`, `$5–10 million`, and with
//!   the words that make it a range: `between 2,000 and 3,000`, `from 10 to 20`.
//! - **Units, currencies and magnitudes belong to the figure**: `thousands of
//!   kilograms`, `$2.5bn`, `40 billion dollars`, `5 km`, `25 per cent`, `18-year-old`.
//! - **Dimensions are one quantity**, from the first side to the unit: `10 by 12
//!   feet`, `an 8-by-8-inch dish`, `3 x 4 m`, `55 x 40 x 20 cm`. The value is the area
//!   (or the volume) in the unit squared (or cubed): `10 by 12 feet` is 120 `ft²`. The
//!   sides are in a length unit, written once after the last side or after each; sides
//!   joined by `x` must be of one order of size, as `x` is as often a count (`6 x 500 ml
//!   bottles`, `4x100m relay`: no dimension).
//! - **A mixed number written with a hyphen** is one figure: `1-2/3 cups` (1.667), `6-1/3
//!   innings`, for halves, thirds, quarters, eighths and sixteenths only (`2-3` is a
//!   range). A temperature may be written with the letter `o` for the degree sign, and
//!   two scales in one token are two quantities: `[180oC]/[350oF]`.
//! - **A score, a vote or a record of attempts is one cardinal** whose value is its
//!   first figure: `won 3-2`, `passed 52-48`, `went 4-for-5`, `7-of-12 shooting`, `a
//!   2-for-1 split`, and so is a pair of sides without a unit, `a 2-by-4`. A decimal
//!   may be written without its zero: `.300` (0.3), `.45`.
//! - **Dates** are marked when they name a point of the calendar or the clock: a
//!   month (`March`, `this March`), a weekday (`Saturday`, `last Friday`, `this coming
//!   Sunday`), a day (`April 16`, `the
//!   21st`), a year in context (`in 2014`, `the 1990s`), a time (`3:30 p.m.`), and
//!   their combinations (`tomorrow at 8am`). Deictic words alone (`today`, `now`,
//!   `last week`) are not figures and are not marked. A relative date with a figure is
//!   one span: `two months ago`, `in 5 minutes`, `next 3 days`. Relation words
//!   (`since`, `before`, `after`, `on`, `at`) stay out.
//! - **Not numbers**: the modal `may` (and `May` the person: `May said`), `one of the`
//!   and the pronoun `one` (`a new one`, `one must`), `second` as a verb (`I second
//!   that`) and as a unit (`wait a second`), phone numbers, version strings (`1.2.3`,
//!   `version 2.0`), ZIP codes after a state and street numbers in an address, page
//!   references (`p. 12`, `page 12`, `footnote 4`), footnote marks after a quotation
//!   (`…,” 2 reads`), list and section markers at the start of a line (`1. Introduction`,
//!   `2.1 Methods`, `1) first`, and steps numbered 1, 2, 3… on lines of their own: `1
//!   Choose the seeds`, `2 Plant them`). Bracketed citations (`[12]`, `[13,14]`) are numbers,
//!   as GUM counts them.

mod dates;
mod gate;
mod grammar;
pub mod lexicon;

use crate::lower::Lowered;
use crate::segment::{Document, TokenKind};
use crate::span::{Annotation, Label, NumberType, NumberValue, Span};

/// The longest token (bytes) whose lowercase form the grammar reads: no table holds a
/// longer word.
const LONGEST_WORD: usize = 48;

/// Proposes the numbers of `doc`.
// kept out of line so that a profile names the stage (`callgrind --toggle-collect=
// 'newsmark::numbers::recognize'` counts it alone); one call per document
#[inline(never)]
pub fn recognize(doc: &Document) -> Vec<Annotation> {
    let cx = Cx::new(doc);
    let (starts, anchors_before) = gate::starts(&cx);
    scan(
        &cx,
        |i| starts.get(i).copied().unwrap_or(false),
        |i| anchors_before.get(i).map_or(0, |&a| a as usize),
    )
}

/// The scanner: the longest reading at each token where `may_start` allows one, then on
/// past it.
///
/// The readings are most of a call's memory in a text of nothing but figures (216 bytes
/// each), and a vector that doubles as it grows holds up to half as much again while it
/// moves them, and up to twice the room they need. So the output grows by an estimate
/// of the readings still to come: the anchor tokens ahead (every reading holds one and
/// readings do not overlap; `anchors_before(i)` counts those before token `i`) at the
/// rate of readings per anchor so far. A text of figures gets its room once; a text of
/// pronouns `I` (an anchor as a Roman numeral), none.
fn scan(
    cx: &Cx,
    may_start: impl Fn(usize) -> bool,
    anchors_before: impl Fn(usize) -> usize,
) -> Vec<Annotation> {
    let total = anchors_before(cx.len());
    let mut out: Vec<Annotation> = Vec::new();
    let push = |out: &mut Vec<Annotation>, i: usize, hit: Hit| {
        if out.len() == out.capacity() {
            let seen = anchors_before(i);
            let rate = (out.len() + 1) as f64 / seen.max(1) as f64;
            let ahead = (total.saturating_sub(seen) as f64 * rate.min(1.0)) as usize;
            // at least half again (and 16), so that an estimate that keeps falling short
            // still grows the vector a logarithmic number of times
            out.reserve_exact(ahead.max(out.len() / 2).max(16));
        }
        let mut a = Annotation::new(Span::new(hit.start, hit.end), Label::Number(hit.ty));
        a.value = Some(hit.value);
        out.push(a);
    };
    let mut i = 0;
    while i < cx.len() {
        if cx.toks[i].in_url || !may_start(i) {
            i += 1;
            continue;
        }
        if let Some(parts) = grammar::dotted_quad(cx, i)
            .or_else(|| grammar::number_list(cx, i))
            .or_else(|| grammar::degree_pair(cx, i))
        {
            for hit in parts {
                push(&mut out, i, hit);
            }
            i += 1;
            continue;
        }
        match best_at(cx, i) {
            Some(hit) if hit.next > i && hit.end > hit.start => {
                let next = hit.next;
                push(&mut out, i, hit);
                i = next;
            }
            _ => i += 1,
        }
    }
    out
}

/// The longest reading at token `i`, if any.
fn best_at(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    let mut offer = |h: Option<Hit>| {
        if let Some(h) = h {
            if best.as_ref().map_or(true, |b| h.end > b.end) {
                best = Some(h);
            }
        }
    };
    offer(dates::date_or_time(cx, i));
    offer(grammar::amount(cx, i));
    offer(grammar::word_digits(cx, i));
    best
}

/// One reading: where it is (bytes), the token after it, its type and value.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The first token after the reading.
    pub next: usize,
    /// Its type.
    pub ty: NumberType,
    /// Its normalized value.
    pub value: NumberValue,
}

/// One token as the grammar sees it.
pub(crate) struct Tok<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// True when it starts a sentence (after any opening quotes or brackets).
    pub initial: bool,
    /// True when it is part of a web address, where no figure is read.
    pub in_url: bool,
    /// What its bytes hold: [`DIGIT`], [`DASH`], [`WIDE`] (for the gate, from one pass
    /// over the bytes).
    bytes: u8,
}

/// In [`Tok::bytes`]: the token holds an ASCII digit.
const DIGIT: u8 = 1;
/// In [`Tok::bytes`]: the token holds `-`.
const DASH: u8 = 2;
/// In [`Tok::bytes`]: the token holds a byte that is not ASCII.
const WIDE: u8 = 4;

/// What each byte contributes to [`Tok::bytes`] (one load per byte instead of three
/// tests).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 0x80 {
            WIDE
        } else if b == b'-' as usize {
            DASH
        } else if b >= b'0' as usize && b <= b'9' as usize {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`Tok::bytes`] of `text`.
fn byte_classes(text: &str) -> u8 {
    text.bytes().fold(0, |m, b| m | BYTE_CLASS[usize::from(b)])
}

/// The tokens of a document, with the look-ups the grammar needs.
pub(crate) struct Cx<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The tokens.
    pub toks: Vec<Tok<'a>>,
    /// The lowercase text of every token.
    lows: Lowered,
    /// The names (lowercase) that a regnal `I` follows in plain position somewhere in
    /// the text (see `grammar::regnal_one`).
    regnal: Vec<String>,
    /// Readings of the date parsers already made in this document.
    memo: dates::Memo,
    /// Figures already read in this document (see [`grammar::figure`]).
    figures: PerToken<Option<grammar::Fig>>,
    /// Measures already read in this document (see `grammar::measure`).
    measures: PerToken<Option<(Hit, grammar::Fig)>>,
    /// The numbers that mark the steps of a numbered list (`3 Prepare the pan.`), found
    /// on first use (see `grammar::list_markers`).
    list_markers: std::cell::OnceCell<Vec<usize>>,
}

/// Readings of one parser kept per token: the parsers ask for the same token many times
/// while they read the tokens near the scan, and each reading is a function of the
/// tokens alone. The table is a direct-mapped cache: token `i` has slot `i % len`, which
/// keeps the last reading made there. The scan only moves forward and a reading looks a
/// few tokens ahead, so the slot of a token far behind serves the tokens ahead, and the
/// table stays small whatever the length of the document (it had a reading for every
/// token asked: on a text that is nearly all figures, most of the memory of a call). A
/// token whose slot another took is read again, to the same reading.
pub(crate) struct PerToken<T> {
    slots: std::cell::RefCell<Vec<Option<(usize, T)>>>,
}

/// The most slots of a [`PerToken`] table, far more than the tokens a reading spans.
const PER_TOKEN_SLOTS: usize = 256;

impl<T: Clone> PerToken<T> {
    /// No readings yet, for `n` tokens (as many slots, up to [`PER_TOKEN_SLOTS`]).
    pub(crate) fn new(n: usize) -> PerToken<T> {
        let len = n.next_power_of_two().min(PER_TOKEN_SLOTS);
        PerToken {
            slots: std::cell::RefCell::new(vec![None; len]),
        }
    }

    /// The reading at token `i`: kept, or made by `read` (which may ask this table for
    /// other tokens) and kept.
    pub(crate) fn get(&self, i: usize, read: impl FnOnce() -> T) -> T {
        let at = i & (self.slots.borrow().len() - 1);
        if let Some((_, v)) = self
            .slots
            .borrow()
            .get(at)
            .and_then(Option::as_ref)
            .filter(|(j, _)| *j == i)
        {
            return v.clone();
        }
        let v = read();
        if let Some(slot) = self.slots.borrow_mut().get_mut(at) {
            *slot = Some((i, v.clone()));
        }
        v
    }

    /// How many slots the table has.
    #[cfg(test)]
    pub(crate) fn slots(&self) -> usize {
        self.slots.borrow().len()
    }
}

impl<'a> Cx<'a> {
    fn new(doc: &Document<'a>) -> Cx<'a> {
        let sentences = &doc.sentences;
        let urls = &doc.urls;
        let (mut si, mut ui) = (0, 0);
        let mut toks: Vec<Tok<'a>> = Vec::with_capacity(doc.tokens.len());
        // tokens that are the letter `I`, for the regnal test below
        let mut eyes = Vec::new();
        for t in &doc.tokens {
            let at = t.span.start;
            let text = doc.text.get(t.span.range()).unwrap_or("");
            while urls.get(ui).is_some_and(|u| u.end <= at) {
                ui += 1;
            }
            while sentences.get(si).is_some_and(|s| s.start < at) {
                si += 1;
            }
            let at_start = sentences.get(si).is_some_and(|s| s.start == at);
            let after_opener = toks.last().is_some_and(|p: &Tok| {
                p.initial
                    && p.kind == TokenKind::Punct
                    && matches!(p.text, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "—" | "-")
            });
            let bytes = byte_classes(text);
            if text == "I" {
                eyes.push(toks.len());
            }
            toks.push(Tok {
                text,
                span: t.span,
                kind: t.kind,
                initial: at_start || after_opener,
                in_url: urls.get(ui).is_some_and(|u| u.start <= at),
                bytes,
            });
        }
        let n = toks.len();
        let mut cx = Cx {
            text: doc.text,
            toks,
            lows: Lowered::new(doc, LONGEST_WORD),
            regnal: Vec::new(),
            memo: dates::Memo::new(n),
            figures: PerToken::new(n),
            measures: PerToken::new(n),
            list_markers: std::cell::OnceCell::new(),
        };
        let regnal = eyes
            .into_iter()
            .filter(|&i| i > 0 && grammar::plain_regnal(&cx, i))
            .filter(|&i| grammar::regnal_one(&cx, i))
            .map(|i| cx.low(i - 1).to_string())
            .collect();
        cx.regnal = regnal;
        cx
    }

    /// The names that a regnal `I` follows in plain position in this text.
    pub fn regnal_names(&self) -> &[String] {
        &self.regnal
    }

    /// True when token `i` marks a step of a numbered list (see
    /// `grammar::list_markers`, run on the first call).
    pub fn list_marker(&self, i: usize) -> bool {
        self.list_markers
            .get_or_init(|| grammar::list_markers(self))
            .binary_search(&i)
            .is_ok()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercase text of token `i` (`""` past the end and for very long tokens).
    pub fn low(&self, i: usize) -> &str {
        self.lows.get(i)
    }

    /// Text of token `i` as written (`""` past the end).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// Kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// First byte of token `i` (the text's end past the last token).
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.span.start)
    }

    /// One past the last byte of token `i`.
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.span.end)
    }

    /// True when token `i` follows token `i - 1` with no space between.
    pub fn tight(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].span.end == self.toks[i].span.start
    }

    /// The text between tokens `i - 1` and `i`.
    pub fn gap(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        let a = self.toks[i - 1].span.end;
        let b = self.toks[i].span.start;
        self.text.get(a..b).unwrap_or("")
    }

    /// True when the gap before token `i` holds a line break.
    pub fn line_break_before(&self, i: usize) -> bool {
        self.gap(i).contains(['\n', '\r', '\u{2028}', '\u{2029}'])
    }

    /// True when token `i` starts a sentence.
    pub fn initial(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.initial)
    }

    /// True when token `i` is a word starting with a capital letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// True when token `i` is a number token (starts with a digit).
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }
}

/// A [`NumberValue`] with only `value` set (dropping values that are not finite).
pub(crate) fn val(v: f64) -> NumberValue {
    NumberValue {
        value: v.is_finite().then_some(v),
        ..NumberValue::default()
    }
}

#[cfg(test)]
mod tests;
