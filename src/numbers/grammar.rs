//! Figures and what is built on them: percentages, money, quantities, durations,
//! ordinals and ranges.
//!
//! [`figure`] reads one number (digits, words, magnitudes, fractions, vague amounts);
//! [`measure`] adds what may follow or precede it (`%`, a currency, a unit); [`amount`]
//! adds ranges and the negatives of the module docs.

use super::lexicon as lx;
use super::{val, Cx, Hit};
use crate::segment::TokenKind;
use crate::span::{NumberType, NumberValue};

/// Upper bound on the tokens one written-out number may take (keeps the scan linear).
const MAX_WORDS: usize = 40;

/// One number as read, before any unit or currency. The default is a plain figure:
/// every flag off, no digit run.
#[derive(Clone, Debug, Default)]
pub(crate) struct Fig {
    /// First byte.
    pub start: usize,
    /// One past the last byte read (may be inside the token `next - 1`).
    pub end: usize,
    /// The token after the figure.
    pub next: usize,
    /// Its value.
    pub value: f64,
    /// Written out in words.
    pub words: bool,
    /// A word of vague amount (`thousands`, `dozens`).
    pub vague: bool,
    /// An ordinal (`21st`, `third`).
    pub ordinal: bool,
    /// A plain run of digits (no sign, separator, decimal or magnitude): its length.
    pub digits: Option<usize>,
    /// Carries a magnitude (`million`, `bn`, `k`).
    pub scaled: bool,
    /// A fraction (`two thirds`, `1/2`).
    pub fraction: bool,
}

impl Fig {
    /// Bytes of the last token left unread after the figure (`kph` in `10kph`).
    pub fn rest<'a>(&self, cx: &Cx<'a>) -> &'a str {
        if self.next == 0 {
            return "";
        }
        let e = cx.end(self.next - 1);
        if self.end < e {
            cx.text.get(self.end..e).unwrap_or("")
        } else {
            ""
        }
    }

    /// True when the whole last token was read.
    pub fn whole(&self, cx: &Cx) -> bool {
        self.rest(cx).is_empty()
    }

    /// The figure alone as a reading of type `ty`, its value its own.
    pub fn hit(&self, ty: NumberType) -> Hit {
        Hit {
            start: self.start,
            end: self.end,
            next: self.next,
            ty,
            value: val(self.value),
        }
    }

    /// True for a plain integer that reads as a year (1000–2099).
    pub fn year_like(&self) -> bool {
        self.digits == Some(4) && (1000.0..2100.0).contains(&self.value)
    }
}

/// The numeric head of a digit token: value and length in bytes. Accepts `1,000,000`,
/// `1000.5`, `1,000.50`; a comma that does not start a group of three digits ends it.
pub(crate) fn literal(s: &str) -> (f64, usize, bool) {
    let b = s.as_bytes();
    let digits_from = |mut k: usize| {
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let mut k = digits_from(0);
    let head = k;
    let mut plain = true;
    if head <= 3 {
        while k + 3 < b.len() + 1
            && b.get(k) == Some(&b',')
            && digits_from(k + 1) == k + 4
            && k + 4 <= b.len()
        {
            k += 4;
            plain = false;
        }
    }
    if b.get(k) == Some(&b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
        k = digits_from(k + 1);
        plain = false;
    }
    let num = &s[..k];
    let value = if num.len() > 400 {
        f64::INFINITY
    } else if num.contains(',') {
        num.replace(',', "").parse::<f64>().unwrap_or(f64::NAN)
    } else {
        num.parse::<f64>().unwrap_or(f64::NAN)
    };
    (value, k, plain)
}

fn is_ordinal_suffix(s: &str) -> bool {
    matches!(
        s,
        "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH" | "d" | "h"
    )
}

/// Reads one figure starting at token `i`. A function of the tokens alone, asked for
/// the same token by many parsers (twelve times per start of the scanner on news text),
/// so each reading is kept for the document.
pub(crate) fn figure(cx: &Cx, i: usize) -> Option<Fig> {
    cx.figures
        .get(i, || figure_core(cx, i).map(|f| extend(cx, f)))
}

fn figure_core(cx: &Cx, i: usize) -> Option<Fig> {
    let raw = cx.raw(i);
    let low = cx.low(i);
    // a sign written before digits: "-1", "−3.5" (not the dash of "2 - 15")
    if matches!(raw, "-" | "−") && cx.is_num(i + 1) && cx.tight(i + 1) {
        let before_ok = i == 0
            || !cx.tight(i)
            || matches!(cx.raw(i - 1), "(" | "[" | "=" | ":" | "/" | "\"" | "“");
        if before_ok {
            let mut f = digits(cx, i + 1)?;
            f.value = -f.value;
            f.start = cx.start(i);
            f.digits = None;
            return Some(f);
        }
        return None;
    }
    // a decimal written without its zero: "a .300 hitter", "a .45-caliber pistol" (a
    // period after a space or at the start, right before the digits)
    if raw == "." && cx.is_num(i + 1) && cx.tight(i + 1) && (i == 0 || !cx.tight(i)) {
        let mut f = digits(cx, i + 1)?;
        let n = f.digits?;
        if n > 4 || !f.whole(cx) && !hyphen_word(f.rest(cx)) {
            return None;
        }
        f.value /= 10f64.powi(i32::try_from(n).ok()?);
        f.start = cx.start(i);
        f.digits = None;
        return Some(f);
    }
    if matches!(low, "minus" | "negative") {
        let mut f = figure_core(cx, i + 1)?;
        if f.ordinal || f.vague {
            return None;
        }
        f = extend(cx, f);
        f.value = -f.value;
        f.start = cx.start(i);
        f.digits = None;
        return Some(f);
    }
    if cx.is_num(i) {
        return digits(cx, i);
    }
    if cx.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    // "½ cup"
    if let Some(v) = lx::vulgar_fraction(raw) {
        return Some(Fig {
            start: cx.start(i),
            end: cx.end(i),
            next: i + 1,
            value: v,
            fraction: true,
            ..Fig::default()
        });
    }
    // "a hundred", "a dozen", "a million"
    if matches!(low, "a" | "an") {
        let n = cx.low(i + 1);
        if lx::scale(n).is_some_and(|s| n == "hundred" || s >= 1e3) && !n.ends_with('s') {
            let mut f = words(cx, i + 1, Some(1.0))?;
            f.start = cx.start(i);
            return Some(f);
        }
        if n == "dozen" {
            return Some(Fig {
                start: cx.start(i),
                end: cx.end(i + 1),
                next: i + 2,
                value: 12.0,
                words: true,
                ..Fig::default()
            });
        }
        // "a third of", "a quarter", "a fifth": a fraction when no noun follows
        if let Some((d, false)) = lx::denominator(n) {
            let after = cx.low(i + 2);
            let verb_follows = after.ends_with("ed")
                || matches!(
                    after,
                    "is" | "was"
                        | "were"
                        | "are"
                        | "have"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "said"
                        | "say"
                        | "says"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "do"
                        | "did"
                        | "does"
                        | "went"
                        | "came"
                        | "left"
                        | "stayed"
                        | "chose"
                );
            let noun_follows = cx.kind(i + 2) == Some(TokenKind::Word)
                && !verb_follows
                && !matches!(after, "of" | "and" | "or" | "to" | "than");
            if !(noun_follows || n == "half" && after == "of") {
                return Some(Fig {
                    start: cx.start(i),
                    end: cx.end(i + 1),
                    next: i + 2,
                    value: 1.0 / d,
                    words: true,
                    fraction: true,
                    ..Fig::default()
                });
            }
        }
        return None;
    }
    // "several thousand", "a few hundred", "about hundred miles", "another hundred"
    if i > 0
        && matches!(low, "hundred" | "thousand" | "million" | "billion")
        && matches!(
            cx.low(i - 1),
            "several"
                | "few"
                | "some"
                | "many"
                | "about"
                | "couple"
                | "multiple"
                | "nearly"
                | "another"
        )
    {
        return Some(Fig {
            start: cx.start(i),
            end: cx.end(i),
            next: i + 1,
            value: lx::scale(low).unwrap_or(1.0),
            words: true,
            vague: true,
            scaled: true,
            ..Fig::default()
        });
    }
    // "a few dozen", "several dozen"
    if low == "dozen" && i > 0 && matches!(cx.low(i - 1), "few" | "several" | "some" | "many") {
        return Some(Fig {
            start: cx.start(i),
            end: cx.end(i),
            next: i + 1,
            value: 12.0,
            words: true,
            vague: true,
            scaled: true,
            ..Fig::default()
        });
    }
    if low == "half" {
        return Some(Fig {
            start: cx.start(i),
            end: cx.end(i),
            next: i + 1,
            value: 0.5,
            words: true,
            fraction: true,
            ..Fig::default()
        });
    }
    if let Some(v) = lx::vague(low) {
        // "tens of thousands", "hundreds of millions"
        let mut value = v;
        let mut next = i + 1;
        if cx.low(i + 1) == "of" {
            if let Some(s) = lx::vague(cx.low(i + 2)).filter(|s| *s >= 2e3) {
                value = v / 2.0 * s;
                next = i + 3;
            }
        }
        return Some(Fig {
            start: cx.start(i),
            end: cx.end(next - 1),
            next,
            value,
            words: true,
            vague: true,
            scaled: true,
            ..Fig::default()
        });
    }
    words(cx, i, None)
}

/// A token of digits: `1,000.5`, `2.5bn`, `3k`, `21st`, `1e10`, `1/2` (and `10kph`, with
/// `kph` left for the caller).
fn digits(cx: &Cx, i: usize) -> Option<Fig> {
    let s = cx.raw(i);
    let (mut value, n, plain) = literal(s);
    if !value.is_finite() && !value.is_infinite() {
        return None;
    }
    let base = cx.start(i);
    let mut f = Fig {
        start: base,
        end: base + n,
        next: i + 1,
        value,
        digits: plain.then_some(n),
        ..Fig::default()
    };
    let suffix = &s[n..];
    if suffix.is_empty() && cx.raw(i + 1) != "^" {
        return Some(f);
    }
    // "3,40 euros", "7,5 EUR": a decimal comma (one or two digits after it, which group no
    // thousands) before a currency
    if plain && n <= 3 {
        if let Some(frac) = suffix
            .strip_prefix(',')
            .filter(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        {
            if currency_after(cx, i) {
                let cents: f64 = frac.parse().unwrap_or(0.0);
                f.value += cents / if frac.len() == 1 { 10.0 } else { 100.0 };
                f.end = base + s.len();
                f.digits = None;
                return Some(f);
            }
        }
    }
    // "1½"
    if let Some(v) = lx::vulgar_fraction(suffix).filter(|_| plain) {
        f.value += v;
        f.end = base + s.len();
        f.digits = None;
        f.fraction = true;
        return Some(f);
    }
    // "1-2/3 cups", "2-1/2-inch": a whole number, a hyphen and a proper fraction
    if plain && n <= 3 {
        if let Some((v, len)) = hyphen_fraction(suffix) {
            f.value += v;
            f.end = base + n + len;
            f.digits = None;
            f.fraction = true;
            return Some(f);
        }
    }
    // "17th-century": an ordinal joined to a word
    if plain
        && suffix.get(..2).is_some_and(is_ordinal_suffix)
        && suffix.get(2..).is_some_and(hyphen_word)
    {
        f.end = base + n + 2;
        f.ordinal = true;
        f.digits = None;
        return Some(f);
    }
    if is_ordinal_suffix(suffix) && (plain || !s[..n].contains('.')) && !matches!(suffix, "d" | "h")
    {
        f.end = base + s.len();
        f.ordinal = true;
        f.digits = None;
        return Some(f);
    }
    if is_ordinal_suffix(suffix) && plain {
        if matches!(suffix, "d" | "h") {
            // "2d", "3h" are not ordinals
            return Some(f);
        }
        f.end = base + s.len();
        f.ordinal = true;
        f.digits = None;
        return Some(f);
    }
    if let Some(m) = lx::magnitude(suffix).filter(|_| !matches!(suffix, "m" | "b")) {
        if suffix == "G" && value < 10.0 && plain {
            return None; // "5G", "4G" are network generations
        }
        value *= m;
        f.value = value;
        f.end = base + s.len();
        f.scaled = true;
        f.digits = None;
        return Some(f);
    }
    // scientific notation: 1e10, 12.32e+14 (the sign splits the token), -12e-1
    if let Some(exp) = suffix.strip_prefix(['e', 'E']) {
        let unsigned = exp.strip_prefix(['-', '+']).unwrap_or(exp);
        if !unsigned.is_empty()
            && unsigned.bytes().all(|b| b.is_ascii_digit())
            && unsigned.len() <= 3
        {
            let e: i32 = exp.parse().ok()?;
            f.value = value * 10f64.powi(e);
            f.end = base + s.len();
            f.digits = None;
            return Some(f);
        }
        if exp.is_empty()
            && matches!(cx.raw(i + 1), "+" | "-")
            && cx.tight(i + 1)
            && cx.is_num(i + 2)
            && cx.tight(i + 2)
            && cx.raw(i + 2).len() <= 3
            && cx.raw(i + 2).bytes().all(|b| b.is_ascii_digit())
        {
            let e: i32 = cx.raw(i + 2).parse().ok()?;
            let e = if cx.raw(i + 1) == "-" { -e } else { e };
            f.value = value * 10f64.powi(e);
            f.end = cx.end(i + 2);
            f.next = i + 3;
            f.digits = None;
            return Some(f);
        }
    }
    // a simple fraction: 1/2, 3/4 (dates take the plausible ones first)
    if let Some(d) = suffix.strip_prefix('/') {
        if plain && !d.is_empty() && d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit()) {
            let den: f64 = d.parse().ok()?;
            if den > 0.0 {
                f.value = value / den;
                f.end = base + s.len();
                f.digits = None;
                f.fraction = true;
                return Some(f);
            }
        }
    }
    // powers: "-2500^-1", "-1.1^+23"
    if suffix.is_empty() && cx.raw(i + 1) == "^" && cx.tight(i + 1) {
        let (sign, k) = match cx.raw(i + 2) {
            "-" | "−" => (-1, i + 3),
            "+" => (1, i + 3),
            _ => (1, i + 2),
        };
        if cx.is_num(k) && cx.tight(k) && (k == i + 2 || cx.tight(k - 1)) {
            let e: i32 = cx.raw(k).parse().ok().filter(|e: &i32| *e < 400)?;
            f.value = value.powi(sign * e);
            f.end = cx.end(k);
            f.next = k + 1;
            f.digits = None;
        }
        return Some(f);
    }
    // 2.33 and any other suffix: left for the caller (units, times, ranges)
    Some(f)
}

/// The fraction of a mixed number written with a hyphen, `-2/3` of `1-2/3`: its value
/// and length in bytes. Only a proper fraction in halves, thirds, quarters, eighths or
/// sixteenths (what recipes and rulers write) is read, and only when nothing but a
/// hyphened word follows it: `2-3` is a range, `4-5/6` and `1-3/4/2020` are no mixed
/// numbers, `2-5/4` is nothing.
fn hyphen_fraction(suffix: &str) -> Option<(f64, usize)> {
    let body = suffix.strip_prefix(['-', '‐'])?;
    let hyphen = suffix.len() - body.len();
    let b = body.as_bytes();
    let run = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let a_len = run(0);
    if !(1..=2).contains(&a_len) || b.get(a_len) != Some(&b'/') {
        return None;
    }
    let d_len = run(a_len + 1);
    if !(1..=2).contains(&d_len) {
        return None;
    }
    let end = a_len + 1 + d_len;
    let rest = body.get(end..)?;
    let word_after = rest
        .strip_prefix(['-', '‐'])
        .is_some_and(|w| w.starts_with(char::is_alphabetic));
    if !rest.is_empty() && !word_after {
        return None;
    }
    let a: u32 = body.get(..a_len)?.parse().ok()?;
    let d: u32 = body.get(a_len + 1..end)?.parse().ok()?;
    if a == 0 || a >= d || !matches!(d, 2 | 3 | 4 | 8 | 16) {
        return None;
    }
    Some((f64::from(a) / f64::from(d), hyphen + end))
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Unit,
    Teen,
    Tens(u32),
    Hundred,
    Scale,
}

/// Whether token `i` is written in capitals before a word in title case: “FIRST Global”
/// (a robotics programme's acronym), not an ordinal. In a headline in capitals the next
/// word is in capitals too, and emphasis (“the FIRST time”) is followed by lowercase.
fn acronym_before_name(cx: &Cx, i: usize) -> bool {
    let capitals = |s: &str| s.len() > 1 && s.bytes().all(|b| b.is_ascii_uppercase());
    let title = |s: &str| {
        let mut b = s.bytes();
        b.next().is_some_and(|c| c.is_ascii_uppercase()) && b.any(|c| c.is_ascii_lowercase())
    };
    capitals(cx.raw(i)) && title(cx.raw(i + 1))
}

/// Written-out numbers: "one hundred and five", "twenty-one", "two million three
/// hundred thousand", "twenty first", "nineteen ninety-six". `lead` is a value already
/// read (the `a` of "a hundred").
fn words(cx: &Cx, i: usize, lead: Option<f64>) -> Option<Fig> {
    let mut total = 0.0f64;
    let mut cur = lead.unwrap_or(0.0);
    let mut last = if lead.is_some() {
        Last::Unit
    } else {
        Last::None
    };
    let mut last_scale = f64::INFINITY;
    let mut j = i;
    let mut end = None;
    let mut next = i;
    let mut ordinal = false;
    let mut year_pair = false;
    while j < cx.len() && j < i + MAX_WORDS {
        if cx.kind(j) != Some(TokenKind::Word) {
            // "seventy—third"
            if matches!(cx.raw(j), "-" | "—" | "–") {
                if let Last::Tens(_) = last {
                    if let Some(o) = lx::ordinal(cx.low(j + 1)).filter(|o| *o < 10) {
                        cur += f64::from(o);
                        end = Some(cx.end(j + 1));
                        next = j + 2;
                        ordinal = true;
                        break;
                    }
                }
            }
            // "fifty - two"
            if cx.raw(j) == "-" {
                if let Last::Tens(_) = last {
                    if lx::small(cx.low(j + 1)).is_some_and(|v| (1..10).contains(&v)) {
                        j += 1;
                        continue;
                    }
                }
            }
            break;
        }
        let w = cx.low(j);
        if j == i && lead.is_none() {
            // an ordinal word: "first", "twenty-first"
            if let Some(o) = lx::ordinal(w).filter(|_| !acronym_before_name(cx, i)) {
                return Some(Fig {
                    start: cx.start(i),
                    end: cx.end(i),
                    next: i + 1,
                    value: f64::from(o),
                    words: true,
                    ordinal: true,
                    ..Fig::default()
                });
            }
            // a number word joined to a unit: "six-mile", "one-yen", "two-year-old"
            if lx::compound(w).is_none() {
                let mut best = None;
                for (p, _) in w.match_indices(['-', '‐']) {
                    if let Some(v) = lx::compound(&w[..p]) {
                        best = Some((p, v));
                    }
                }
                // "second-rate", "first-time": an ordinal joined to a word
                if best.is_none() {
                    if let Some(p) = w.find(['-', '‐']) {
                        if let Some(o) = lx::ordinal(&w[..p]) {
                            return Some(Fig {
                                start: cx.start(i),
                                end: cx.start(i) + p,
                                next: i + 1,
                                value: f64::from(o),
                                words: true,
                                ordinal: true,
                                ..Fig::default()
                            });
                        }
                    }
                }
                // "half-a-dozen", "half-dozen"
                if matches!(w, "half-a-dozen" | "half-dozen") {
                    return Some(Fig {
                        start: cx.start(i),
                        end: cx.end(i),
                        next: i + 1,
                        value: 6.0,
                        words: true,
                        ..Fig::default()
                    });
                }
                // "thousand-strong", "billion-year": a scale word alone
                if best.is_none() {
                    if let Some(p) = w.find(['-', '‐']) {
                        if let Some(sc) = lx::scale(&w[..p]).filter(|_| !w[..p].ends_with('s')) {
                            return Some(Fig {
                                start: cx.start(i),
                                end: cx.start(i) + p,
                                next: i + 1,
                                value: sc,
                                words: true,
                                scaled: true,
                                ..Fig::default()
                            });
                        }
                    }
                }
                let (mut p, v) = best?;
                // "seven-hundred", "eight-thousand-yard": scales in the chain
                let mut v = f64::from(v);
                let mut scaled = false;
                while let Some(r) = w.get(p + 1..) {
                    let part = r.split(['-', '‐']).next().unwrap_or("");
                    match lx::scale(part).filter(|_| !part.ends_with('s')) {
                        Some(sc) if !part.is_empty() => {
                            v *= sc;
                            scaled = true;
                            p += 1 + part.len();
                        }
                        _ => break,
                    }
                }
                if scaled {
                    return Some(Fig {
                        start: cx.start(i),
                        end: cx.start(i) + p,
                        next: i + 1,
                        value: v,
                        words: true,
                        scaled: true,
                        ..Fig::default()
                    });
                }
                let v = v as u32;
                let rest = w[p..].trim_start_matches(['-', '‐']);
                let unitish = !rest.is_empty() && {
                    let r = rest;
                    let head = r.split(['-', '‐']).next().unwrap_or("");
                    lx::unit(head).is_some()
                        || lx::time_unit(head).is_some()
                        || lx::currency_word(head).is_some()
                };
                if !unitish {
                    // "two-dimensional", "one-room": the number word alone
                    if let Some((d, _)) = lx::denominator(rest) {
                        return Some(Fig {
                            start: cx.start(i),
                            end: cx.end(i),
                            next: i + 1,
                            value: f64::from(v) / d,
                            words: true,
                            fraction: true,
                            ..Fig::default()
                        });
                    }
                }
                return Some(Fig {
                    start: cx.start(i),
                    end: cx.start(i) + p,
                    next: i + 1,
                    value: f64::from(v),
                    words: true,
                    ..Fig::default()
                });
            }
        }
        if let Some(v) = lx::compound(w) {
            let v = f64::from(v);
            let ok = match last {
                Last::None | Last::Hundred | Last::Scale => true,
                Last::Tens(t) => t >= 20 && v < 10.0 && v > 0.0 && cur % 10.0 == 0.0,
                _ => false,
            };
            if !ok {
                // "nineteen ninety-six", "twelve ninety-nine", "one twenty two"
                let pair = matches!(last, Last::Unit | Last::Teen | Last::Tens(_))
                    && total == 0.0
                    && lead.is_none()
                    && (1.0..100.0).contains(&cur)
                    && v >= 10.0
                    && !year_pair;
                if pair && j == next {
                    cur = cur * 100.0 + v;
                    year_pair = true;
                    last = if v >= 20.0 && v % 10.0 == 0.0 {
                        Last::Tens(v as u32)
                    } else {
                        Last::Unit
                    };
                    end = Some(cx.end(j));
                    next = j + 1;
                    j += 1;
                    continue;
                }
                break;
            }
            if year_pair && !matches!(last, Last::Tens(_)) {
                break;
            }
            cur += v;
            last = if v >= 20.0 && v % 10.0 == 0.0 {
                Last::Tens(v as u32)
            } else if v >= 10.0 {
                Last::Teen
            } else {
                Last::Unit
            };
            end = Some(cx.end(j));
            next = j + 1;
            j += 1;
            continue;
        }
        if year_pair {
            break;
        }
        // "twenty first": a tens word and an ordinal unit
        if let Last::Tens(_) = last {
            if let Some(o) = lx::ordinal(w).filter(|o| *o < 10) {
                cur += f64::from(o);
                end = Some(cx.end(j));
                next = j + 1;
                ordinal = true;
                break;
            }
        }
        // "one hundred fifth", "one hundred and fifth"
        if matches!(last, Last::Hundred | Last::Scale) {
            if let Some(o) = lx::ordinal(w).filter(|o| *o < 100) {
                cur += f64::from(o);
                end = Some(cx.end(j));
                next = j + 1;
                ordinal = true;
                break;
            }
        }
        if w == "hundred" && matches!(last, Last::Unit | Last::Teen | Last::Tens(_)) {
            if cur >= 100.0 {
                break;
            }
            cur *= 100.0;
            last = Last::Hundred;
            end = Some(cx.end(j));
            next = j + 1;
            j += 1;
            continue;
        }
        if let Some(s) = lx::scale(w).filter(|s| *s >= 1e3 && !w.ends_with('s')) {
            if cur == 0.0 || s >= last_scale || last == Last::Scale {
                break;
            }
            total += cur * s;
            cur = 0.0;
            last_scale = s;
            last = Last::Scale;
            end = Some(cx.end(j));
            next = j + 1;
            j += 1;
            continue;
        }
        if w == "and" && end.is_some() {
            let n = cx.low(j + 1);
            let v2 = lx::compound(n);
            let joins = match last {
                Last::Hundred | Last::Scale => {
                    v2.is_some_and(|v| v < 100 && v > 0) || lx::ordinal(n).is_some_and(|o| o < 100)
                }
                Last::Tens(t) => t >= 20 && v2.is_some_and(|v| (1..10).contains(&v)),
                _ => false,
            };
            if joins {
                j += 1;
                continue;
            }
        }
        break;
    }
    let end = end?;
    Some(Fig {
        start: cx.start(i),
        end,
        next,
        value: total + cur,
        words: true,
        ordinal,
        scaled: total > 0.0,
        ..Fig::default()
    })
}

/// What may follow any figure: magnitudes (`119 million`, `2.33 k`), groups of three
/// digits (`40 000`), decimals in words (`two point five`), fractions (`two thirds`,
/// `5 1/8`, `one and a half`, `1 over 3`), dozens.
fn extend(cx: &Cx, mut f: Fig) -> Fig {
    if f.ordinal || !f.whole(cx) {
        return f;
    }
    let mut j = f.next;
    // digit groups separated by spaces: "1 234 567", "40 000"
    if f.digits.is_some_and(|d| d <= 3) {
        let mut k = j;
        let mut value = f.value;
        while cx.is_num(k)
            && matches!(cx.gap(k), " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
            && cx.raw(k).len() == 3
            && cx.raw(k).bytes().all(|b| b.is_ascii_digit())
        {
            value = value * 1000.0 + literal(cx.raw(k)).0;
            k += 1;
        }
        if k > j {
            f.value = value;
            f.end = cx.end(k - 1);
            f.next = k;
            f.digits = None;
            j = k;
        }
    }
    // decimals in words: "two hundred point zero three", "nine point nought four"
    if (f.words || f.digits.is_some()) && !f.vague && cx.low(j) == "point" {
        let mut k = j + 1;
        let mut frac = String::new();
        while k < cx.len() && k < j + 12 {
            match lx::compound(cx.low(k)) {
                Some(v) if v < 10 => frac.push(char::from(b'0' + v as u8)),
                None if frac.is_empty()
                    && cx.is_num(k)
                    && cx.raw(k).bytes().all(|b| b.is_ascii_digit())
                    && cx.raw(k).len() <= 12 =>
                {
                    frac.push_str(cx.raw(k));
                    k += 1;
                    break;
                }
                Some(v) if v < 100 && frac.is_empty() => frac.push_str(&v.to_string()),
                _ => break,
            }
            k += 1;
        }
        if !frac.is_empty() {
            let d: f64 = format!("0.{frac}").parse().unwrap_or(0.0);
            f.value += d.copysign(f.value);
            f.end = cx.end(k - 1);
            f.next = k;
            j = k;
        }
    }
    // magnitudes after the figure
    if !f.vague {
        let mut k = j;
        let mut scaled = false;
        loop {
            let w = cx.low(k);
            if let Some(s) = lx::scale(w).filter(|s| *s >= 1e2) {
                if f.words && s == 100.0 && !w.ends_with('s') {
                    break; // words() already read it
                }
                // a scale word in the plural after digits: "three thousand millions"
                f.value *= s;
            } else if matches!(
                cx.raw(k),
                "k" | "K" | "bn" | "mn" | "mln" | "tn" | "G" | "MM"
            ) && !f.words
                && !scaled
            {
                f.value *= lx::magnitude(cx.raw(k)).unwrap_or(1.0);
            } else if matches!(w, "dozen" | "dozens" | "dzs" | "dz") {
                f.value *= 12.0;
            } else {
                break;
            }
            scaled = true;
            k += 1;
            if k > j + 3 {
                break;
            }
        }
        if k > j {
            f.end = cx.end(k - 1);
            f.next = k;
            f.scaled = true;
            f.digits = None;
            j = k;
        }
    }
    if f.vague || f.scaled && !f.words {
        return f;
    }
    // a mixed number: "2 ¼"
    if f.digits.is_some() && cx.gap(j) == " " {
        if let Some(v) = lx::vulgar_fraction(cx.raw(j)) {
            f.value += v;
            f.end = cx.end(j);
            f.next = j + 1;
            f.digits = None;
            f.fraction = true;
            return f;
        }
    }
    // a mixed number: "5 1/8", "2 1/2"
    if f.digits.is_some() && cx.is_num(j) && cx.gap(j) == " " {
        let s = cx.raw(j);
        if let Some((a, b)) = s.split_once('/') {
            if let (Ok(a), Ok(b)) = (a.parse::<f64>(), b.parse::<f64>()) {
                if b > a && b > 0.0 && b <= 64.0 && !b.to_string().contains('.') {
                    f.value += a / b;
                    f.end = cx.end(j);
                    f.next = j + 1;
                    f.digits = None;
                    f.fraction = true;
                    return f;
                }
            }
        }
    }
    let small_int =
        f.value >= 0.0 && f.value <= if f.words { 1e7 } else { 1000.0 } && f.value.fract() == 0.0;
    // "one one hundred fifth": a count over a written ordinal of several words
    if small_int && f.words && f.value < 100.0 && !f.fraction {
        if let Some(g) = words(cx, j, None) {
            if g.ordinal && g.next > j + 1 && g.value >= 3.0 {
                f.value /= g.value;
                f.end = g.end;
                f.next = g.next;
                f.fraction = true;
                return f;
            }
        }
    }
    // "two thirds", "one eighth", "twenty-three fifths", "one-eighth"
    if small_int && !f.fraction && f.words {
        if let Some((d, _)) = lx::denominator(cx.low(j)) {
            f.value /= d;
            f.end = cx.end(j);
            f.next = j + 1;
            f.fraction = true;
            return f;
        }
        if cx.raw(j) == "-" {
            if let Some((d, _)) = lx::denominator(cx.low(j + 1)) {
                f.value /= d;
                f.end = cx.end(j + 1);
                f.next = j + 2;
                f.fraction = true;
                return f;
            }
        }
    }
    // "one and a half", "five and a quarter", "one hundred and three quarters"
    if small_int && !f.fraction && cx.low(j) == "and" {
        let (num, at) = match cx.low(j + 1) {
            "a" | "an" => (1.0, j + 2),
            w => match lx::small(w) {
                Some(v) if v > 0 && v < 10 => (f64::from(v), j + 2),
                _ => (1.0, j + 1),
            },
        };
        if let Some((d, plural)) = lx::denominator(cx.low(at)) {
            if (num > 1.0) == plural || d == 2.0 {
                f.value += num / d;
                f.end = cx.end(at);
                f.next = at + 1;
                f.fraction = true;
                return f;
            }
        }
    }
    // "one over three", "1 out of 3"
    if small_int && !f.fraction {
        let (ok, at) = match (cx.low(j), cx.low(j + 1)) {
            ("over", _) => (true, j + 1),
            ("out", "of") => (true, j + 2),
            _ => (false, j),
        };
        if ok {
            if let Some(g) = figure_core(cx, at).map(|g| extend(cx, g)) {
                if (g.words == f.words || f.digits.is_some())
                    && !g.ordinal
                    && !g.vague
                    && g.value > 0.0
                    && g.whole(cx)
                {
                    f.value /= g.value;
                    f.end = g.end;
                    f.next = g.next;
                    f.fraction = true;
                    return f;
                }
            }
        }
    }
    f
}

/// True when figure `f` is the pronoun "one" rather than a count: "one of the", "the
/// one", "a better one", "one must".
fn pronoun_one(cx: &Cx, f: &Fig, i: usize) -> bool {
    if !(f.words && f.next == i + 1 && cx.low(i) == "one") {
        return false;
    }
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    let next = cx.low(i + 1);
    if next == "of" && matches!(cx.low(i + 2), "the" | "these" | "those") {
        return true;
    }
    // after a determiner, "one" is a pronoun unless a noun follows: "the one hand"
    let content_follows = cx.kind(i + 1) == Some(TokenKind::Word)
        && !matches!(
            next,
            "is" | "was"
                | "her"
                | "his"
                | "my"
                | "your"
                | "our"
                | "their"
                | "its"
                | "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "what"
                | "me"
                | "him"
                | "them"
                | "us"
                | "if"
                | "when"
                | "so"
                | "than"
                | "then"
                | "here"
                | "there"
                | "now"
                | "among"
                | "who"
                | "that"
                | "which"
                | "of"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "and"
                | "or"
                | "but"
                | "i"
                | "you"
                | "we"
                | "they"
                | "he"
                | "she"
                | "it"
                | "has"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "to"
                | "from"
                | "by"
                | "are"
                | "were"
                | "does"
                | "did"
                | "else"
                | "more"
                | "too"
                | "as"
                | "yet"
                | "ever"
                | "again"
                | "though"
                | "instead"
                | "be"
        );
    if matches!(
        prev,
        "the"
            | "this"
            | "that"
            | "each"
            | "every"
            | "any"
            | "which"
            | "another"
            | "a"
            | "an"
            | "such"
            | "little"
    ) && !content_follows
        || matches!(prev, "someone" | "anyone" | "everyone")
        // "no one was hurt", "no one expected it" (a verb in the past), not "no one
        // person"
        || prev == "no" && (!content_follows || next.len() > 4 && next.ends_with("ed"))
        || matches!(
            prev,
            "other" | "my" | "your" | "his" | "our" | "their" | "its" | "whose"
        ) && !content_follows
    {
        return true;
    }
    // "when one is immersed", "if one has": the generic pronoun in a clause
    if matches!(
        prev,
        "when" | "if" | "as" | "because" | "unless" | "where" | "while" | "until" | "since"
    ) && matches!(
        next,
        "is" | "was"
            | "has"
            | "had"
            | "does"
            | "did"
            | "can"
            | "will"
            | "would"
            | "could"
            | "should"
            | "must"
            | "may"
            | "might"
            | "wants"
            | "needs"
    ) {
        return true;
    }
    // "one sees", "one gets", "one shouldn't": the generic pronoun before a verb
    if cx.kind(i + 1) == Some(TokenKind::Word)
        && cx.raw(i + 1).starts_with(char::is_lowercase)
        && (next.ends_with("n't")
            || next.ends_with("n’t")
            || next.len() > 3
                && next.ends_with('s')
                && !next.ends_with("ss")
                && !next.ends_with("us")
                && !next.ends_with("is"))
    {
        return true;
    }
    // "a very serious one", "the most expensive one", "a relatively new one": a
    // determiner, an adverb of degree and an adjective before it
    if i >= 3
        && !content_follows
        && matches!(cx.low(i - 3), "a" | "an" | "the" | "this" | "that")
        && cx.kind(i - 1) == Some(TokenKind::Word)
        && lx::compound(prev).is_none()
        && cx.raw(i - 1).starts_with(char::is_lowercase)
        && {
            let adv = cx.low(i - 2);
            matches!(
                adv,
                "very" | "most" | "more" | "less" | "least" | "so" | "too" | "quite" | "pretty"
            ) || adv.len() > 4 && adv.ends_with("ly")
        }
    {
        return true;
    }
    if i >= 2
        && matches!(cx.low(i - 2), "a" | "an" | "the" | "this" | "that")
        && !content_follows
        && cx.kind(i - 1) == Some(TokenKind::Word)
        && lx::compound(prev).is_none()
        && !matches!(prev, "more" | "least" | "mere")
    {
        return true;
    }
    matches!(
        next,
        "must"
            | "can"
            | "cannot"
            | "can't"
            | "could"
            | "should"
            | "would"
            | "might"
            | "may"
            | "'s"
            | "’s"
            | "another"
            | "'ll"
            | "’ll"
            | "who"
            | "thing"
            | "day"
    ) && !matches!(next, "thing" | "day")
}

/// The measure that follows a figure (`%`, a unit, a currency), or none.
struct Tail {
    end: usize,
    next: usize,
    ty: NumberType,
    unit: Option<&'static str>,
    currency: Option<&'static str>,
    factor: f64,
}

/// What follows figure `f`: a percent sign or word, a currency, a unit.
fn tail(cx: &Cx, f: &Fig) -> Option<Tail> {
    let rest = f.rest(cx);
    let j = f.next;
    let last = j.saturating_sub(1);
    let tok_end = cx.end(last);
    if !rest.is_empty() {
        return tail_in_token(cx, f, rest);
    }
    let w = cx.low(j);
    let raw = cx.raw(j);
    let mk = |end, next, ty, unit, currency, factor| {
        Some(Tail {
            end,
            next,
            ty,
            unit,
            currency,
            factor,
        })
    };
    let _ = tok_end;
    // percent
    if raw == "%" || raw == "٪" {
        return mk(cx.end(j), j + 1, NumberType::Percent, Some("%"), None, 1.0);
    }
    if matches!(w, "percent" | "percents" | "pct" | "pc" | "percentage") {
        if cx.low(j + 1) == "points" || cx.low(j + 1) == "point" {
            return mk(
                cx.end(j + 1),
                j + 2,
                NumberType::Percent,
                Some("percentage point"),
                None,
                1.0,
            );
        }
        if w == "pc" && f.words {
            return None;
        }
        return mk(cx.end(j), j + 1, NumberType::Percent, Some("%"), None, 1.0);
    }
    if w == "per" && cx.low(j + 1) == "cent" {
        return mk(
            cx.end(j + 1),
            j + 2,
            NumberType::Percent,
            Some("%"),
            None,
            1.0,
        );
    }
    if matches!(w, "basis") && cx.low(j + 1) == "points" {
        return mk(
            cx.end(j + 1),
            j + 2,
            NumberType::Percent,
            Some("basis point"),
            None,
            1.0,
        );
    }
    if f.ordinal {
        return None;
    }
    // currency symbol or code after the figure: "7€", "100 ₡", "3 GBP", "42 KWD"
    if let Some(c) = lx::currency_symbol(raw) {
        if cx.gap(j).len() <= 1 && !cx.is_num(j + 1) {
            return mk(cx.end(j), j + 1, NumberType::Money, None, Some(c), 1.0);
        }
    }
    if let Some(c) = lx::currency_code(raw) {
        return mk(cx.end(j), j + 1, NumberType::Money, None, Some(c), 1.0);
    }
    // currency words, with a country word before them: "40 billion dollars",
    // "42 kuwaiti dinar", "20 Canadian dollars"
    {
        let mut k = j;
        let mut country = None;
        while k < j + 2 {
            match lx::currency_country(cx.low(k)) {
                Some(c) if lx::currency_word(cx.low(k + 1)).is_some() || k == j => {
                    if c.is_some() {
                        country = c;
                    }
                    k += 1;
                }
                _ => break,
            }
        }
        let cw = cx.low(k);
        if let Some(mut c) = lx::currency_word(cw) {
            let ambiguous = lx::currency_word_is_ambiguous(cw);
            if !ambiguous || (k == j && !f.words && (f.scaled || f.value >= 100.0) && cw == "won") {
                if let Some(cc) = country {
                    if matches!(
                        cw,
                        "dollar" | "dollars" | "rupee" | "rupees" | "pound" | "pounds"
                    ) || c == "USD"
                    {
                        c = cc;
                    }
                }
                let factor = if matches!(cw, "cent" | "cents" | "pence" | "penny" | "eurocents") {
                    0.01
                } else {
                    1.0
                };
                return mk(cx.end(k), k + 1, NumberType::Money, None, Some(c), factor);
            }
        }
        if k > j {
            return None;
        }
    }
    // a temperature at the end of a sentence: "40 degrees C." (the tokenizer keeps the
    // period of a single letter, as of an initial, when it is not right after the
    // sign); the period stays out. Before a word that does not start a sentence the
    // letter is left alone: "F. Smith" may be a name.
    if matches!(w, "°" | "º" | "degrees" | "degree" | "deg")
        && (j + 2 >= cx.len() || cx.initial(j + 2))
    {
        let u = match cx.raw(j + 1) {
            "C." => Some("°C"),
            "F." => Some("°F"),
            _ => None,
        };
        if let Some(u) = u {
            let end = end_before_stop(cx, j + 1);
            return mk(end, j + 2, NumberType::Quantity, Some(u), None, 1.0);
        }
    }
    // "16 ft. long", "6 ft.": the tokenizer keeps the period of the abbreviation (not
    // before a capitalized word in the same sentence, where "Ft. Worth" may be a name)
    if w == "ft." && (cx.initial(j + 1) || !cx.capitalized(j + 1)) {
        let end = end_before_stop(cx, j);
        return mk(end, j + 1, NumberType::Quantity, Some("ft"), None, 1.0);
    }
    // "180 oC": the letter o typed for the degree sign
    if matches!(raw, "oC" | "oF") && f.digits.is_some_and(|d| d <= 3) {
        let u = if raw == "oC" { "°C" } else { "°F" };
        return mk(cx.end(j), j + 1, NumberType::Quantity, Some(u), None, 1.0);
    }
    // a speed written with a slash: "200 km/h", "30 m/s", "60 mi/h" (a sentence's period
    // after it, read with the letter as one token, stays out)
    if cx.raw(j + 1) == "/" && cx.tight(j + 1) && cx.tight(j + 2) {
        if let Some((u, stop)) = lx::unit(w).and_then(|d| speed(d, cx.low(j + 2))) {
            let end = cx.end(j + 2) - usize::from(stop);
            return mk(end, j + 3, NumberType::Quantity, Some(u), None, 1.0);
        }
    }
    // units of measure, one to three words: "5 km", "190,000 square meters",
    // "10 Kilometers per hour", "98.6 degrees fahrenheit", "85°", "70°F"
    let words = [cx.low(j), cx.low(j + 1), cx.low(j + 2)];
    let n_words = (j + 3).min(cx.len()).saturating_sub(j);
    if let Some((u, n)) = lx::unit_phrase(&words[..n_words]) {
        return mk(
            cx.end(j + n - 1),
            j + n,
            NumberType::Quantity,
            Some(u),
            None,
            1.0,
        );
    }
    if let Some(u) = lx::unit(w) {
        let ambiguous = lx::unit_is_ambiguous(w);
        if ambiguous {
            let after = cx.kind(j + 1);
            let clear = w != "in"
                && w != "st"
                && w != "s"
                && w != "h"
                && w != "t"
                && !f.words
                && cx.raw(j).chars().all(|c| c.is_ascii_lowercase())
                && (after != Some(TokenKind::Word)
                    || !cx.raw(j + 1).starts_with(char::is_lowercase))
                && !matches!(cx.raw(j + 1), "." | "&" | "-")
                && cx.gap(j) == " ";
            if !clear {
                return None;
            }
        }
        if matches!(w, "dozen" | "dozens") {
            return None;
        }
        return mk(cx.end(j), j + 1, NumberType::Quantity, Some(u), None, 1.0);
    }
    // "2 more minutes", "two additional years"; "one and a quarter of hour"
    let joined =
        matches!(w, "more" | "additional" | "extra" | "further") || w == "of" && f.fraction;
    let (w, j) = if joined && lx::time_unit(cx.low(j + 1)).is_some() {
        (cx.low(j + 1), j + 1)
    } else if w == "of" && f.fraction && cx.low(j + 1) == "an" && cx.low(j + 2) == "hour" {
        ("hour", j + 2)
    } else {
        (w, j)
    };
    // durations: "five years", "3 hrs", "two nights"
    if let Some(u) = lx::time_unit(w) {
        if matches!(w, "s" | "h" | "mo" | "mos") {
            return None;
        }
        return mk(cx.end(j), j + 1, NumberType::Duration, Some(u), None, 1.0);
    }
    // "thousands of kilograms", "billions of pesos", "two pounds of meat" stays two pounds
    if f.vague && w == "of" {
        let n = cx.low(j + 1);
        if let Some(u) = lx::unit(n).filter(|_| n.ends_with('s') || n == "feet") {
            return mk(
                cx.end(j + 1),
                j + 2,
                NumberType::Quantity,
                Some(u),
                None,
                1.0,
            );
        }
        if let Some(c) = lx::currency_word(n).filter(|_| n.ends_with('s')) {
            return mk(cx.end(j + 1), j + 2, NumberType::Money, None, Some(c), 1.0);
        }
        if let Some(u) = lx::time_unit(n).filter(|_| n.ends_with('s')) {
            return mk(
                cx.end(j + 1),
                j + 2,
                NumberType::Duration,
                Some(u),
                None,
                1.0,
            );
        }
    }
    None
}

/// The end of token `k`, a word with a final period (`ft.`, `F.`), without the period
/// when it also ends the sentence (a sentence starts after it, or the text ends).
fn end_before_stop(cx: &Cx, k: usize) -> usize {
    let e = cx.end(k);
    if (k + 1 >= cx.len() || cx.initial(k + 1)) && cx.raw(k).ends_with('.') {
        e - 1
    } else {
        e
    }
}

/// A unit, currency or percent written inside the figure's token: `10kph`, `24703m2`,
/// `3-inch`, `12-cent`, `18-year-old`, `20Rs`, `3.14US` + `$`.
fn tail_in_token(cx: &Cx, f: &Fig, rest: &str) -> Option<Tail> {
    let j = f.next;
    let (hyphen, body) = match rest.strip_prefix(['-', '‐']) {
        Some(b) => (true, b),
        None => (false, rest),
    };
    // the unit runs to the next hyphen: "year" of "year-old", "cent" of "cent-a-share"
    let (unit_txt, after) = match body.find(['-', '‐']) {
        Some(p) => (&body[..p], &body[p..]),
        None => (body, ""),
    };
    let low = unit_txt.to_lowercase();
    let unit_end = f.end + (rest.len() - body.len()) + unit_txt.len();
    let mk = |end, ty, unit, currency, factor| {
        Some(Tail {
            end,
            next: j,
            ty,
            unit,
            currency,
            factor,
        })
    };
    if let Some(t) = lx::time_unit(&low) {
        let whole = after.is_empty();
        if after.eq_ignore_ascii_case("-old") {
            return mk(f.end + rest.len(), NumberType::Quantity, Some(t), None, 1.0);
        }
        if whole || hyphen {
            if !hyphen && matches!(low.as_str(), "s" | "h") && f.digits.is_none() {
                return None;
            }
            if !hyphen && low == "s" {
                return None; // "1990s" is a decade, read by the dates
            }
            return mk(unit_end, NumberType::Duration, Some(t), None, 1.0);
        }
        return None;
    }
    if !after.is_empty() && !hyphen {
        // "10km/hr" has no hyphen; anything else after the unit is not ours
        return None;
    }
    if let Some(u) = lx::unit(&low).or_else(|| lx::unit(unit_txt)) {
        if matches!(low.as_str(), "dozen" | "dozens") {
            return None;
        }
        let mut end = unit_end;
        let mut next = j;
        let mut unit = u;
        // "10km" "/" "hr", "30m" "/" "s", "200km" "/" "h." at a sentence's end
        if after.is_empty() && cx.raw(j) == "/" && cx.tight(j) && cx.tight(j + 1) {
            if let Some((u, stop)) = speed(u, cx.low(j + 1)) {
                end = cx.end(j + 1) - usize::from(stop);
                next = j + 2;
                unit = u;
            }
        }
        // "70°F" is read by the token "°"; "98.6 degrees F" by tail()
        return Some(Tail {
            end,
            next,
            ty: NumberType::Quantity,
            unit: Some(unit),
            currency: None,
            factor: 1.0,
        });
    }
    // "40C", "104F": temperatures written with a capital letter; "180oC", with the
    // letter o typed for the degree sign
    if !hyphen
        && after.is_empty()
        && matches!(unit_txt, "C" | "F" | "oC" | "oF")
        && f.digits.is_some_and(|d| d <= 3)
    {
        let u = if unit_txt.ends_with('C') {
            "°C"
        } else {
            "°F"
        };
        return mk(unit_end, NumberType::Quantity, Some(u), None, 1.0);
    }
    if let Some(c) = lx::currency_word(&low) {
        let factor = if matches!(low.as_str(), "cent" | "cents" | "pence") {
            0.01
        } else {
            1.0
        };
        return mk(unit_end, NumberType::Money, None, Some(c), factor);
    }
    if !hyphen {
        if let Some(c) = lx::currency_code(unit_txt) {
            return mk(unit_end, NumberType::Money, None, Some(c), 1.0);
        }
        // "3.14US" "$"
        if let Some(c) = lx::dollar_prefix(&low) {
            if cx.raw(j) == "$" && cx.tight(j) {
                return Some(Tail {
                    end: cx.end(j),
                    next: j + 1,
                    ty: NumberType::Money,
                    unit: None,
                    currency: Some(c),
                    factor: 1.0,
                });
            }
        }
        if (unit_txt == "c" || unit_txt == "p") && f.digits.is_some_and(|d| d <= 2) {
            // "43c", "50p"
            return mk(unit_end, NumberType::Money, None, Some("USD"), 0.01);
        }
    }
    None
}

/// A currency written before the figure at `i`: `$`, `US$`, `US $`, `€`, `Rs`, `CAD`.
/// Returns the code and the token where the figure starts.
fn currency_before(cx: &Cx, i: usize) -> Option<(&'static str, usize)> {
    let raw = cx.raw(i);
    let low = cx.low(i);
    if let Some(c) = lx::currency_symbol(raw) {
        if c == "USD" && raw == "¢" {
            return None;
        }
        return Some((c, i + 1));
    }
    if let Some(c) = lx::dollar_prefix(low) {
        if cx.raw(i + 1) == "$" {
            let spaced_ok = matches!(low, "us" | "u.s" | "u.s." | "c");
            if cx.tight(i + 1) || spaced_ok {
                return Some((c, i + 2));
            }
        }
    }
    if raw == "U.S." && cx.raw(i + 1) == "$" {
        return Some(("USD", i + 2));
    }
    if let Some(c) = lx::currency_code(raw) {
        let uppercase = raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if uppercase || raw.starts_with("Rs") {
            // "Rs. 500", "Rs 500"
            let k = if cx.raw(i + 1) == "." && cx.tight(i + 1) {
                i + 2
            } else {
                i + 1
            };
            return Some((c, k));
        }
    }
    None
}

/// A money amount with the currency first: "$2.5bn", "US$40 billion", "€ 2 million",
/// "Rs 500", "$4m".
fn money_first(cx: &Cx, i: usize) -> Option<(Hit, Fig)> {
    let (code, k) = currency_before(cx, i)?;
    if cx.gap(k).chars().count() > 1 || cx.line_break_before(k) {
        return None;
    }
    let mut f = figure(cx, k)?;
    if f.ordinal || f.vague && !f.words {
        return None;
    }
    let mut value = f.value;
    let rest = f.rest(cx);
    if !rest.is_empty() {
        // "$4m", "$3b", "$1.2tn"
        let m = match rest {
            "m" | "M" | "mn" | "mm" | "MM" | "mln" => 1e6,
            "b" | "B" | "bn" | "bln" => 1e9,
            "k" | "K" => 1e3,
            "tn" | "trn" | "tr" => 1e12,
            _ => return None,
        };
        value *= m;
        f.end = cx.end(f.next - 1);
        f.scaled = true;
    }
    let mut next = f.next;
    let mut end = f.end;
    // "$20 and 43c", "US$3 and fourteen" stay two figures unless cents are written
    if let Some((c_end, c_next, cents)) = cents_after(cx, next, false) {
        value += cents;
        end = c_end;
        next = c_next;
    }
    let h = Hit {
        start: cx.start(i),
        end,
        next,
        ty: NumberType::Money,
        value: NumberValue {
            value: value.is_finite().then_some(value),
            currency: Some(code.to_string()),
            ..NumberValue::default()
        },
    };
    Some((h, f))
}

/// Cents after a money amount: "and 43 cents", "43c", "forty-five cents" (and, when
/// `bare` is set, a bare "43" ending the phrase: "20 dollars 43").
fn cents_after(cx: &Cx, j: usize, bare: bool) -> Option<(usize, usize, f64)> {
    let k = if cx.low(j) == "and" { j + 1 } else { j };
    let f = figure(cx, k)?;
    if f.ordinal || f.vague || f.value >= 100.0 || f.value < 0.0 || f.fraction {
        return None;
    }
    let rest = f.rest(cx);
    if matches!(rest, "c" | "p") && f.digits.is_some_and(|d| d <= 2) {
        return Some((cx.end(f.next - 1), f.next, f.value / 100.0));
    }
    if !rest.is_empty() {
        return None;
    }
    if matches!(cx.low(f.next), "cents" | "cent" | "c" | "pence" | "p") {
        return Some((cx.end(f.next), f.next + 1, f.value / 100.0));
    }
    let ends = f.next >= cx.len() || cx.kind(f.next) == Some(TokenKind::Punct);
    if bare && ends && k == j {
        return Some((f.end, f.next, f.value / 100.0));
    }
    None
}

/// A figure with what follows it (percent, currency, unit), or the currency-first
/// money form. The figure is returned too (ranges read it).
fn measure(cx: &Cx, i: usize) -> Option<(Hit, Fig)> {
    cx.measures.get(i, || measure_at(cx, i))
}

fn measure_at(cx: &Cx, i: usize) -> Option<(Hit, Fig)> {
    if let Some(m) = money_first(cx, i) {
        return Some(m);
    }
    let f = figure(cx, i)?;
    let t = tail(cx, &f);
    let Some(t) = t else {
        if !f.whole(cx) && !hyphen_word(f.rest(cx)) {
            return None;
        }
        // "2 below zero"
        if cx.low(f.next) == "below" && cx.low(f.next + 1) == "zero" && !f.ordinal {
            let h = Hit {
                start: f.start,
                end: cx.end(f.next + 1),
                next: f.next + 2,
                ty: NumberType::Quantity,
                value: NumberValue {
                    value: Some(-f.value),
                    unit: Some("°".into()),
                    ..NumberValue::default()
                },
            };
            return Some((h, f));
        }
        let ty = if f.ordinal {
            NumberType::Ordinal
        } else {
            NumberType::Cardinal
        };
        return Some((f.hit(ty), f));
    };
    let mut value = f.value * t.factor;
    let mut end = t.end;
    let mut next = t.next;
    let mut ty = t.ty;
    let mut unit = t.unit;
    if ty == NumberType::Money {
        // "20 dollars 43 cents", "20 dollar 43"
        if t.factor == 1.0 {
            if let Some((c_end, c_next, cents)) = cents_after(cx, next, true) {
                value += cents;
                end = c_end;
                next = c_next;
            }
        }
    } else if ty == NumberType::Duration {
        // "five years old", "ninety five years of age", "90 day old"
        if cx.low(next) == "old" && t.end == cx.end(next - 1) {
            end = cx.end(next);
            next += 1;
            ty = NumberType::Quantity;
        } else if cx.low(next) == "of" && cx.low(next + 1) == "age" {
            end = cx.end(next + 1);
            next += 2;
            ty = NumberType::Quantity;
        }
    } else if ty == NumberType::Quantity {
        // temperatures below zero; compound lengths "2 km and 1 meter", "10 kms 8 metres"
        if cx.low(next) == "below" && cx.low(next + 1) == "zero" {
            value = -value;
            end = cx.end(next + 1);
            next += 2;
        }
        let mut k = next;
        let mut steps = 0;
        while steps < 4 {
            let s = if matches!(cx.low(k), "and" | ",") {
                k + 1
            } else {
                k
            };
            let Some(g) = figure(cx, s) else { break };
            if g.words != f.words && g.digits.is_none() {
                break;
            }
            match tail(cx, &g) {
                Some(t2)
                    if t2.ty == NumberType::Quantity
                        && t2.unit != unit
                        && is_length(t2.unit)
                        && is_length(unit) =>
                {
                    end = t2.end;
                    k = t2.next;
                    next = k;
                }
                _ => break,
            }
            steps += 1;
        }
        if k != t.next {
            unit = unit.map(|_| "mixed");
        }
    }
    if ty == NumberType::Percent && f.vague {
        return None;
    }
    let h = Hit {
        start: f.start,
        end,
        next,
        ty,
        value: NumberValue {
            value: value.is_finite().then_some(value),
            unit: unit.map(str::to_string),
            currency: t.currency.map(str::to_string),
            ..NumberValue::default()
        },
    };
    Some((h, f))
}

fn is_length(u: Option<&str>) -> bool {
    matches!(
        u,
        Some("km" | "m" | "cm" | "mm" | "mi" | "yd" | "ft" | "in")
    )
}

/// Durations with a figure: "five years", "2 1/2 years", "an hour and a half",
/// "1 year, 2 days, 3 hours and 4 seconds", "two and a half hours", "a half hour".
pub(crate) fn duration(cx: &Cx, i: usize) -> Option<Hit> {
    let (mut h, f) = match measure(cx, i) {
        Some((h, f)) if h.ty == NumberType::Duration => (h, Some(f)),
        _ => {
            // "an hour and a half", "a minute and 30 seconds", "a half hour"
            let a = cx.low(i);
            if !matches!(a, "a" | "an") {
                return None;
            }
            if cx.low(i + 1) == "half" {
                let u = lx::time_unit(cx.low(i + 2))?;
                let h = Hit {
                    start: cx.start(i),
                    end: cx.end(i + 2),
                    next: i + 3,
                    ty: NumberType::Duration,
                    value: NumberValue {
                        value: Some(0.5),
                        unit: Some(u.to_string()),
                        ..NumberValue::default()
                    },
                };
                return Some(h);
            }
            let u = lx::time_unit(cx.low(i + 1))?;
            if cx.low(i + 2) != "and" {
                return None;
            }
            (
                Hit {
                    start: cx.start(i),
                    end: cx.end(i + 1),
                    next: i + 2,
                    ty: NumberType::Duration,
                    value: NumberValue {
                        value: Some(1.0),
                        unit: Some(u.to_string()),
                        ..NumberValue::default()
                    },
                },
                None,
            )
        }
    };
    let single = f.is_none();
    // "... and a half", "... and half", "... and thirty" (minutes after hours)
    let mut k = h.next;
    let mut grew = false;
    for _ in 0..4 {
        let (sep, s) = match cx.low(k) {
            "and" => (true, k + 1),
            "," => (true, k + 1),
            _ => (false, k),
        };
        if matches!(cx.low(s), "a" | "an") && cx.low(s + 1) == "half" && sep {
            h.end = cx.end(s + 1);
            k = s + 2;
            grew = true;
            break;
        }
        if matches!(cx.low(s), "a" | "an") && cx.low(s + 1) == "quarter" && cx.low(k) == "and" {
            h.end = cx.end(s + 1);
            k = s + 2;
            grew = true;
            break;
        }
        if cx.low(s) == "half" && sep && cx.low(k) == "and" {
            h.end = cx.end(s);
            k = s + 1;
            grew = true;
            break;
        }
        match measure(cx, s) {
            Some((g, _)) if g.ty == NumberType::Duration && g.value.unit != h.value.unit => {
                h.end = g.end;
                k = g.next;
                grew = true;
            }
            Some((g, gf))
                if cx.low(k) == "and"
                    && g.ty == NumberType::Cardinal
                    && gf.whole(cx)
                    && g.value.value.is_some_and(|v| v < 60.0)
                    && h.value.unit.as_deref() == Some("hour") =>
            {
                h.end = g.end;
                k = g.next;
                grew = true;
                break;
            }
            _ => break,
        }
    }
    if single && !grew {
        return None;
    }
    h.next = k;
    if grew {
        h.value.unit = h.value.unit.take();
    }
    Some(h)
}

/// Words that join the two ends of a range.
fn range_joiner(w: &str) -> bool {
    matches!(
        w,
        "to" | "-" | "–" | "—" | "through" | "thru" | "till" | "until"
    )
}

/// A number at `i`: a figure with its measure, a range, or an ordinal, with the
/// negatives of the module docs left out.
pub(crate) fn amount(cx: &Cx, i: usize) -> Option<Hit> {
    if is_reference(cx, i) || is_marker(cx, i) {
        return None;
    }
    // "between 2,000 and 3,000", "from 10 to 20 dollars"
    let w = cx.low(i);
    if matches!(w, "between" | "from") {
        let joiner = if w == "between" { "and" } else { "to" };
        if let Some(h) = range_from(cx, i + 1, Some(joiner)) {
            return Some(Hit {
                start: cx.start(i),
                ..h
            });
        }
        return None;
    }
    if let Some(h) = dimensions(cx, i) {
        return Some(h);
    }
    if let Some(h) = range_from(cx, i, None) {
        return Some(h);
    }
    if let Some(h) = percent_of(cx, i) {
        return Some(h);
    }

    if let Some(v) = roman(cx, i) {
        // "World War I." keeps its period out
        return Some(Hit {
            start: cx.start(i),
            end: cx.start(i) + cx.raw(i).trim_end_matches('.').len(),
            next: i + 1,
            ty: NumberType::Cardinal,
            value: val(v),
        });
    }
    if let Some(h) = duration(cx, i) {
        return Some(h);
    }
    let (h, f) = measure(cx, i)?;
    // a record of attempts, as a score is one figure: "went 4-for-5", "3-of-4 shooting",
    // and a pair of sides without a unit: "a 2-by-4"
    if h.ty == NumberType::Cardinal && f.digits.is_some_and(|d| d <= 3) {
        if let Some(n) = attempts(f.rest(cx)) {
            return Some(Hit {
                end: f.end + n,
                ..h
            });
        }
    }
    if f.ordinal && h.ty == NumberType::Ordinal && verb_second(cx, i, &f) {
        return None;
    }
    // "wait a second": the unit of time, not an ordinal
    if f.ordinal
        && cx.low(i) == "second"
        && i > 0
        && matches!(cx.low(i - 1), "a" | "one" | "split")
        && (cx.kind(i + 1) != Some(TokenKind::Word)
            || matches!(
                cx.low(i + 1),
                "ago" | "later" | "or" | "before" | "after" | "longer"
            ))
    {
        return None;
    }
    if pronoun_one(cx, &f, i) && h.ty == NumberType::Cardinal {
        return None;
    }
    if h.ty == NumberType::Cardinal && f.digits.is_some() && is_code_like(cx, i, &f) {
        return None;
    }
    // a hyphenated range in one token: "18-44", "2010-2012", "5-6%"
    if h.ty == NumberType::Cardinal && !f.whole(cx) && !hyphen_word(f.rest(cx)) {
        return None;
    }
    Some(h)
}

/// A range starting at `i`: "18 to 44", "$5–10 million", "5-6 mm", "10 dollars to 20
/// dollars". `joiner` is the word required between the ends (`and` after `between`).
fn range_from(cx: &Cx, i: usize, joiner: Option<&str>) -> Option<Hit> {
    // the low end: a figure with or without its measure
    let (lo_h, lo_f) = measure(cx, i).or_else(|| {
        let f = figure(cx, i)?;
        Some((f.hit(NumberType::Cardinal), f))
    })?;
    if lo_f.ordinal || lo_f.vague {
        return None;
    }
    // in one token: "18-44", "5-6", "2010-2012" (the figure stopped at the hyphen)
    let rest = lo_f.rest(cx);
    let (hi_start, after_joiner_tok) = if lo_h.end == lo_f.end && !rest.is_empty() {
        let r = rest.strip_prefix(['-', '–'])?;
        let (hv, hn, _) = literal(r);
        if hn == 0 || !hv.is_finite() {
            return None;
        }
        let tail_txt = &r[hn..];
        if !tail_txt.is_empty() {
            return None;
        }
        // "555-1234" is a phone number, "16802-6601" a ZIP code
        let lo_digits = lo_f.digits?;
        if (lo_digits == 3 || lo_digits == 5) && hn == 4 {
            return None;
        }
        // "1776-77", "1892-94": the second year written with two digits
        if lo_f.year_like() && hn == 2 {
            let full = (lo_f.value / 100.0).floor() * 100.0 + hv;
            if full > lo_f.value {
                let last = lo_f.next - 1;
                return Some(Hit {
                    start: lo_f.start,
                    end: cx.end(last),
                    next: lo_f.next,
                    ty: NumberType::Range,
                    value: NumberValue {
                        value: Some(lo_f.value),
                        high: Some(full),
                        iso: Some(format!("{}/{}", lo_f.value, full)),
                        ..NumberValue::default()
                    },
                });
            }
        }
        if hv <= lo_f.value {
            // a score or a vote: "7-2", "3-1"
            if lo_digits <= 3 && hn <= 3 && lo_f.start == cx.start(lo_f.next - 1) {
                return Some(Hit {
                    start: lo_f.start,
                    end: cx.end(lo_f.next - 1),
                    next: lo_f.next,
                    ty: NumberType::Cardinal,
                    value: val(lo_f.value),
                });
            }
            return None;
        }
        let last = lo_f.next - 1;
        let mut h = Hit {
            start: lo_f.start,
            end: cx.end(last),
            next: lo_f.next,
            ty: NumberType::Range,
            value: NumberValue {
                value: Some(lo_f.value),
                high: Some(hv),
                ..NumberValue::default()
            },
        };
        // a measure after the range: "5-6 mm", "7-9 lakh rupees", "5-6%"
        let hi = Fig {
            start: cx.start(last),
            end: cx.end(last),
            next: lo_f.next,
            value: hv,
            digits: Some(hn),
            ..Fig::default()
        };
        let hi = extend(cx, hi);
        let scale = if hi.scaled { hi.value / hv } else { 1.0 };
        if let Some(t) = tail(cx, &hi) {
            h.end = t.end;
            h.next = t.next;
            h.value.unit = t.unit.map(str::to_string);
            h.value.currency = t.currency.map(str::to_string);
            h.value.value = Some(lo_f.value * scale * t.factor);
            h.value.high = Some(hi.value * t.factor);
            if t.ty == NumberType::Money || t.ty == NumberType::Percent {
                h.ty = NumberType::Range;
            }
        } else if hi.scaled {
            h.end = hi.end;
            h.next = hi.next;
            h.value.value = Some(lo_f.value * scale);
            h.value.high = Some(hi.value);
        } else if lo_f.digits == Some(4) && lo_f.year_like() {
            h.value.iso = Some(format!("{}/{}", lo_f.value, hv));
        }
        return Some(h);
    } else {
        (lo_h.next, true)
    };
    let _ = after_joiner_tok;
    let jw = cx.low(hi_start);
    let ok = match joiner {
        Some(j) => jw == j || (j == "to" && range_joiner(jw)),
        None => range_joiner(jw) && jw != "till" && jw != "until",
    };
    if !ok {
        return None;
    }
    let k = hi_start + 1;
    // "5 - 6": a spaced hyphen joins only figures of the same kind of writing
    let (hi_h, hi_f) = measure(cx, k).or_else(|| {
        // a currency symbol may be repeated or not: "$5–10 million"
        let f = figure(cx, k)?;
        Some((f.hit(NumberType::Cardinal), f))
    })?;
    if hi_f.ordinal || hi_f.vague || !hi_f.whole(cx) && hi_h.end == hi_f.end {
        return None;
    }
    if lo_f.words != hi_f.words && joiner.is_none() && !matches!(jw, "to") {
        return None;
    }
    let lo_ty = lo_h.ty;
    let hi_ty = hi_h.ty;
    let compatible = lo_ty == hi_ty
        || lo_ty == NumberType::Cardinal
            && matches!(
                hi_ty,
                NumberType::Money
                    | NumberType::Percent
                    | NumberType::Quantity
                    | NumberType::Duration
            )
        || lo_ty == NumberType::Money && hi_ty == NumberType::Cardinal && lo_h.end == lo_f.end;
    if !compatible {
        return None;
    }
    if lo_ty == hi_ty
        && lo_ty != NumberType::Cardinal
        && (lo_h.value.unit != hi_h.value.unit || lo_h.value.currency != hi_h.value.currency)
    {
        return None;
    }
    if matches!(lo_ty, NumberType::Duration) || matches!(hi_ty, NumberType::Duration) {
        // "two to three years" is a duration range; fine as a range
    }
    let mut lo_v = lo_h.value.value.unwrap_or(f64::NAN);
    let mut hi_v = hi_h.value.value.unwrap_or(f64::NAN);
    // "$5–10 million": the magnitude of the high end applies to the low end
    if hi_f.scaled && !lo_f.scaled && lo_f.value < hi_f.value && hi_v > 0.0 {
        let s = hi_f.value / hi_figure_base(cx, &hi_f);
        if s.is_finite() && s > 1.0 {
            lo_v *= s;
        }
    }
    if lo_ty == NumberType::Money && hi_ty == NumberType::Cardinal {
        hi_v = hi_f.value;
    }
    if lo_v.partial_cmp(&hi_v) != Some(std::cmp::Ordering::Less) && joiner.is_none() {
        return None;
    }
    let (unit, currency) = if hi_ty == NumberType::Cardinal {
        (lo_h.value.unit.clone(), lo_h.value.currency.clone())
    } else {
        (hi_h.value.unit.clone(), hi_h.value.currency.clone())
    };
    let iso = (lo_f.year_like() && hi_f.year_like()).then(|| format!("{lo_v}/{hi_v}"));
    Some(Hit {
        start: lo_h.start,
        end: hi_h.end,
        next: hi_h.next,
        ty: NumberType::Range,
        value: NumberValue {
            value: lo_v.is_finite().then_some(lo_v),
            high: hi_v.is_finite().then_some(hi_v),
            unit,
            currency,
            iso,
        },
    })
}

/// The unit of an area or a volume measured in length unit `u` (`ft` → `ft²`).
fn power_unit(u: &str, sides: usize) -> Option<&'static str> {
    let (sq, cu) = match u {
        "km" => ("km²", "km³"),
        "m" => ("m²", "m³"),
        "cm" => ("cm²", "cm³"),
        "mm" => ("mm²", "mm³"),
        "mi" => ("mi²", "mi³"),
        "yd" => ("yd²", "yd³"),
        "ft" => ("ft²", "ft³"),
        "in" => ("in²", "in³"),
        _ => return None,
    };
    match sides {
        2 => Some(sq),
        3 => Some(cu),
        _ => None,
    }
}

/// One side of a dimension: a figure that is no ordinal, vague amount or magnitude
/// (`9`, `8.5`, `8-1/2`, `ten`), with a length unit or none.
struct Side {
    start: usize,
    end: usize,
    next: usize,
    value: f64,
    unit: Option<&'static str>,
    /// Read inside a token, with more of it after (`9` of `9x13-inch`).
    rest: usize,
}

/// A side at token `i`, read with [`measure`].
fn side(cx: &Cx, i: usize) -> Option<Side> {
    let (h, f) = match measure(cx, i) {
        Some(m) => m,
        // "9x13": measure reads nothing of a figure with letters and digits after it
        None => {
            let f = figure(cx, i)?;
            side_separator(f.rest(cx))?;
            (f.hit(NumberType::Cardinal), f)
        }
    };
    if f.ordinal || f.vague || f.scaled || f.value <= 0.0 {
        return None;
    }
    let unit = match h.ty {
        NumberType::Cardinal => None,
        NumberType::Quantity => {
            Some(lx::unit(h.value.unit.as_deref()?).filter(|u| is_length(Some(u)))?)
        }
        _ => return None,
    };
    // what is left of the last token: "-by-8-inch" of "8-by-8-inch", "-by-12-foot" of
    // "10-foot-by-12-foot"
    // (not the period of "ft." that ends a sentence)
    let tok_end = cx.end(h.next.saturating_sub(1));
    let rest = match cx.text.get(h.end..tok_end) {
        Some(".") | None => 0,
        Some(r) => r.len(),
    };
    Some(Side {
        start: h.start,
        end: h.end,
        next: h.next,
        value: f.value,
        unit,
        rest,
    })
}

/// A side written inside a token after a separator: `13-inch` of `9-by-13-inch`, `13`
/// of `9x13`. `f` is the figure before it; `text` what follows the separator.
fn side_in_token(cx: &Cx, f: &Fig, from: usize, text: &str) -> Option<Side> {
    let (v, n, _) = literal(text);
    if n == 0 || v.is_nan() || v <= 0.0 {
        return None;
    }
    let hi = Fig {
        start: from,
        end: from + n,
        next: f.next,
        value: v,
        digits: Some(n),
        ..Fig::default()
    };
    let rest = text.len() - n;
    match tail(cx, &hi) {
        // "13-inch": a unit joined by a hyphen; "9x13 inches": the unit is the next token,
        // and nothing of this one is left
        Some(t) if t.ty == NumberType::Quantity => Some(Side {
            start: from,
            end: t.end,
            next: t.next,
            value: v,
            unit: Some(t.unit.filter(|u| is_length(Some(u)))?),
            rest: if rest == 0 {
                0
            } else {
                cx.end(t.next.saturating_sub(1)).saturating_sub(t.end)
            },
        }),
        Some(_) => None,
        // no unit here: another separator may follow in the token ("4-by-6" of
        // "2-by-4-by-6-foot")
        None => Some(Side {
            start: from,
            end: hi.end,
            next: hi.next,
            value: v,
            unit: None,
            rest,
        }),
    }
}

/// The separator of two sides inside a token, at the start of `text`: `-by-`, `x`,
/// `X`, `×`. Its length in bytes, and whether it is the word `by`.
fn side_separator(text: &str) -> Option<(usize, bool)> {
    if text.starts_with("-by-") {
        return Some((4, true));
    }
    let sep = text
        .chars()
        .next()
        .filter(|c| matches!(c, 'x' | 'X' | '×'))?;
    let len = sep.len_utf8();
    text.get(len..)?
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some((len, false))
}

/// Dimensions: two or three sides in a length unit, `10 by 12 feet`, `an 8-by-8-inch
/// dish`, `3 x 4 m`, `9x13-inch`, `20 x 30 x 40 cm`, `3 m × 4 m`. One quantity: its value
/// is the area (or the volume) in the unit squared (or cubed): `10 by 12 feet` is 120
/// ft². Every side written with a unit has the same one, and the last has it. Sides
/// joined by `x` (a multiplication as often as a measure: `4x100m relay`, `5 x 700 ml`)
/// must be of one order of size (neither ten times the other).
fn dimensions(cx: &Cx, i: usize) -> Option<Hit> {
    // a separator in the token or within the next three (a side is a figure of one or
    // two tokens and a unit of one): most starts have none, and are turned away before
    // anything is read
    let sep = |k: usize| matches!(cx.raw(k), "by" | "x" | "X" | "×");
    if !(sep(i + 1) || sep(i + 2) || sep(i + 3)) {
        let joined = cx.is_num(i)
            && cx
                .raw(i)
                .bytes()
                .any(|b| matches!(b, b'x' | b'X' | b'-' | 0xC3)); // 0xC3 starts `×`
        if !joined {
            return None;
        }
    }
    let first = side(cx, i)?;
    if first.unit.is_none() && first.next == i + 1 && first.rest == 0 && !cx.is_num(i) {
        // a word figure: "ten by twelve feet" is read only with "by"
        if cx.low(i + 1) != "by" {
            return None;
        }
    }
    // most figures are followed by no separator: turned away before anything is built
    let (second, mut by) = next_side(cx, &first)?;
    let third = next_side(cx, &second);
    let mut sides = vec![first, second];
    if let Some((s, is_by)) = third {
        by &= is_by;
        sides.push(s);
    }
    let last = sides.last()?;
    if sides.len() < 2 {
        return None;
    }
    if last.rest > 0 {
        // "9-by-13-inch-deep" ends at its unit; nothing else may follow inside the token
        let tok_end = cx.end(last.next.saturating_sub(1));
        if !cx.text.get(last.end..tok_end).is_some_and(hyphen_word) {
            return None;
        }
    }
    let unit = last.unit?;
    if sides.iter().any(|s| s.unit.is_some_and(|u| u != unit)) {
        return None;
    }
    if !by
        && sides
            .windows(2)
            .any(|w| w[0].value > 10.0 * w[1].value || w[1].value > 10.0 * w[0].value)
    {
        return None;
    }
    let value: f64 = sides.iter().map(|s| s.value).product();
    Some(Hit {
        start: sides.first()?.start,
        end: last.end,
        next: last.next,
        ty: NumberType::Quantity,
        value: NumberValue {
            value: value.is_finite().then_some(value),
            unit: Some(power_unit(unit, sides.len())?.to_string()),
            ..NumberValue::default()
        },
    })
}

/// The side after `last` and whether `by` joins them: in the same token (`13-inch` of
/// `9-by-13-inch`, `13` of `9x13`) or after a separate `by`, `x`, `×`.
fn next_side(cx: &Cx, last: &Side) -> Option<(Side, bool)> {
    if last.rest > 0 {
        let tok_end = cx.end(last.next.checked_sub(1)?);
        let text = cx.text.get(tok_end.checked_sub(last.rest)?..tok_end)?;
        let (len, is_by) = side_separator(text)?;
        let f = Fig {
            next: last.next,
            ..Fig::default()
        };
        let s = side_in_token(cx, &f, tok_end - last.rest + len, text.get(len..)?)?;
        return Some((s, is_by));
    }
    let j = last.next;
    let sep = cx.raw(j);
    if !matches!(sep, "by" | "x" | "X" | "×") || last.end != cx.end(j.checked_sub(1)?) {
        return None;
    }
    Some((side(cx, j + 1)?, sep == "by"))
}

/// The value of a scaled figure before its magnitude (`10` of `10 million`).
fn hi_figure_base(cx: &Cx, f: &Fig) -> f64 {
    let k = cx.toks.partition_point(|t| t.span.start < f.start);
    match figure_core(cx, k) {
        Some(g) if g.value != 0.0 => g.value,
        _ => f.value,
    }
}

/// "second" as a verb: "I second that", "to second the motion".
fn verb_second(cx: &Cx, i: usize, f: &Fig) -> bool {
    if cx.low(i) != "second" || f.next != i + 1 || i == 0 {
        return false;
    }
    let prev = cx.low(i - 1);
    let next = cx.low(i + 1);
    matches!(
        prev,
        "i" | "we"
            | "you"
            | "they"
            | "to"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "might"
            | "did"
            | "do"
            | "does"
            | "and"
    ) && matches!(
        next,
        "the"
            | "that"
            | "this"
            | "his"
            | "her"
            | "their"
            | "a"
            | "an"
            | "it"
            | "him"
            | "them"
            | "what"
            | "my"
            | "our"
            | "your"
    )
}

/// Page and footnote references (`p. 12`, `pp. 3`, `page 12`, `footnote 3`, `[3]`) and
/// version numbers (`version 2.0`).
fn is_reference(cx: &Cx, i: usize) -> bool {
    if !cx.is_num(i) || i == 0 {
        return false;
    }
    let prev = cx.low(i - 1);
    if matches!(
        prev,
        "p." | "pp."
            | "page"
            | "pages"
            | "footnote"
            | "footnotes"
            | "fn."
            | "version"
            | "v."
            | "ver."
            | "endnote"
            | "note"
    ) {
        return true;
    }
    if prev == "."
        && i >= 2
        && matches!(cx.low(i - 2), "p" | "pp" | "v" | "ver" | "fn")
        && cx.tight(i - 1)
    {
        return true;
    }
    false
}

/// Digit strings that are codes rather than counts: phone numbers (`555-1234`,
/// `(555) 123-4567`) and ZIP codes after a state in an address.
fn is_code_like(cx: &Cx, i: usize, f: &Fig) -> bool {
    let d = f.digits.unwrap_or(0);
    // a street number: "12 Elm Street", "221B Baker St."
    if d <= 5 && d > 0 {
        let mut k = i + 1;
        while k < i + 4 && cx.capitalized(k) {
            let w = cx.low(k);
            if matches!(
                w.trim_end_matches('.'),
                "street"
                    | "st"
                    | "avenue"
                    | "ave"
                    | "road"
                    | "rd"
                    | "boulevard"
                    | "blvd"
                    | "lane"
                    | "ln"
                    | "drive"
                    | "dr"
                    | "way"
                    | "place"
                    | "pl"
                    | "court"
                    | "ct"
                    | "terrace"
                    | "highway"
                    | "hwy"
                    | "square"
                    | "parkway"
            ) && k > i + 1
            {
                return true;
            }
            k += 1;
        }
    }
    // ZIP code after a state abbreviation: "Park, PA 16802", "CA 94105"
    if d == 5 && i > 0 {
        let p = cx.raw(i - 1);
        if p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()) && is_state(p) {
            return true;
        }
    }
    // area code of a phone number: "(555) 123-4567"
    if d == 3 && i > 0 && cx.raw(i - 1) == "(" && cx.raw(i + 1) == ")" {
        let n = cx.raw(i + 2);
        if n.len() == 8 && n.as_bytes().get(3) == Some(&b'-') {
            return true;
        }
    }
    false
}

fn is_state(s: &str) -> bool {
    const STATES: &[&str] = &[
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
        "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
        "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
        "VA", "WA", "WV", "WI", "WY", "DC", "PR",
    ];
    STATES.contains(&s)
}

/// The rest of a token that completes a record of attempts, `-for-5` of `4-for-5` or
/// `-of-12` of `7-of-12`, or a pair of sides without a unit, `-by-4` of `2-by-4` (one
/// to three digits and nothing after): its length.
fn attempts(rest: &str) -> Option<usize> {
    let n = rest
        .strip_prefix("-for-")
        .or_else(|| rest.strip_prefix("-of-"))
        .or_else(|| rest.strip_prefix("-by-"))?;
    (!n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())).then_some(rest.len())
}

/// A rest of a token that is a hyphen and a word: "-bedroom" of "3-bedroom", "-for-5"
/// of "4-for-5", "-century" of "17th-century". The figure before it stands alone.
fn hyphen_word(rest: &str) -> bool {
    rest.strip_prefix(['-', '‐']).is_some_and(|r| {
        r.chars().next().is_some_and(char::is_alphabetic)
            // "8-4A", "8-by-8": digits then letters, but not "555-1234" or "1-800-555"
            || r.chars().next().is_some_and(|c| c.is_ascii_digit())
                && r.chars().any(char::is_alphabetic)
                && !r.contains(['/', ':'])
    })
}

/// A Roman numeral after a name or a section sign: "World War II", "Title IV", "Louis
/// XV", "§ VI". Of the single letters only `I` is read, and only as [`regnal_one`]
/// allows: letters are words far more often.
fn roman(cx: &Cx, i: usize) -> Option<f64> {
    let r = cx.raw(i);
    if r == "I" || r == "I." {
        return regnal_one(cx, i).then_some(1.0);
    }
    if r.len() < 2 {
        return None;
    }
    if i == 0 || !(cx.capitalized(i - 1) || matches!(cx.raw(i - 1), "§" | "part" | "chapter")) {
        return None;
    }
    // an all-capitals line is a headline, not a numeral
    if cx.raw(i - 1).len() > 1
        && cx.raw(i - 1).chars().all(|c| c.is_uppercase())
        && cx.raw(i - 1) != "§"
    {
        return None;
    }
    lx::roman(r).filter(|&v| v > 1).map(f64::from)
}

/// Nouns that a Roman numeral labels: "Phase I trials", "Type I diabetes".
const NUMBERED_NOUNS: &[&str] = &[
    "phase", "type", "stage", "class", "part", "chapter", "title", "grade", "tier", "category",
    "volume", "book", "act", "article", "section", "division", "league",
];

/// The numeral `I` after a name, not the pronoun: "Norton I, Emperor", "Pope Damasus
/// I, who", "World War I.", "Phase I trials". After a name it must end the phrase (a
/// comma, a period, a bracket, a possessive follows); after a word that stands
/// sentence-first or in capitals it is read only when the same name has it elsewhere
/// in the text in plain position ("Norton I" makes "NORTON I" and a sentence-first
/// "Norton I" numerals too). The token `I.` (the tokenizer keeps the period of a single
/// letter) is read only after a numbered noun: "World War I.", not "Robert I. Smith".
pub(crate) fn regnal_one(cx: &Cx, i: usize) -> bool {
    if i == 0 || !matches!(cx.raw(i), "I" | "I.") || !cx.capitalized(i - 1) || cx.tight(i) {
        return false;
    }
    let prev = cx.low(i - 1);
    if NUMBERED_NOUNS.contains(&prev) || prev == "war" && cx.low(i.wrapping_sub(2)) == "world" {
        return true;
    }
    // "I." elsewhere is an initial ("Robert I. Smith")
    if cx.raw(i) != "I" {
        return false;
    }
    let ends = i + 1 >= cx.len()
        || cx.line_break_before(i + 1)
        || matches!(
            cx.raw(i + 1),
            "," | "." | ";" | ":" | ")" | "’s" | "'s" | "”" | "\"" | "—" | "!" | "?"
        );
    ends && (plain_regnal(cx, i) || cx.regnal_names().iter().any(|n| n == prev))
}

/// `I` after a capitalized word that is not sentence-first, not in capitals and not a
/// calendar word, before the end of the phrase: the plain position of a regnal numeral.
pub(crate) fn plain_regnal(cx: &Cx, i: usize) -> bool {
    let p = cx.raw(i - 1);
    p.len() > 1
        && !p.chars().all(char::is_uppercase)
        && !cx.initial(i - 1)
        && lx::month(cx.low(i - 1)).is_none()
        && lx::weekday(cx.low(i - 1)).is_none()
}

/// List and section markers ("1. Introduction", "2.1. Methods", "1) first, 2) second")
/// and digits inside identifiers (`Maize1_1017013`) are labels, not figures.
fn is_marker(cx: &Cx, i: usize) -> bool {
    if !cx.is_num(i) {
        return false;
    }
    let r = cx.raw(i);
    if !r.bytes().all(|b| b.is_ascii_digit() || b == b'.') || r.len() > 6 {
        return false;
    }
    let next = cx.raw(i + 1);
    let line_start = i == 0 || cx.line_break_before(i);
    // a section number: "1.1 What is Government?", "2.3.1 Methods"
    if line_start && r.contains('.') && cx.capitalized(i + 1) {
        return true;
    }
    // a footnote mark after a closing quote: "…information,” 2 reads"
    if i > 0 && r.len() <= 2 && matches!(cx.raw(i - 1), "”" | "\"" | "’") && !cx.tight(i) {
        return true;
    }
    // a numbered step or entry: "3 Prepare the pan." (see list_markers)
    if line_start && line_number(cx, i).is_some() && cx.list_marker(i) {
        return true;
    }
    if line_start
        && matches!(next, "." | ")" | ":")
        && (cx.capitalized(i + 2) || cx.kind(i + 2).is_none())
    {
        return true;
    }
    if next == ")" && cx.tight(i + 1) && r.len() <= 2 && !cx.capitalized(i.wrapping_sub(1)) {
        // "1)" opens a list item unless a "(" before it on the line is still open
        let mut k = i;
        let mut open = false;
        while k > 0 && k + 8 > i && !cx.line_break_before(k) {
            k -= 1;
            match cx.raw(k) {
                "(" => {
                    open = true;
                    break;
                }
                ")" => break,
                _ => {}
            }
        }
        if !open {
            return true;
        }
    }
    (i > 0 && cx.raw(i - 1) == "_" && cx.tight(i)) || (next == "_" && cx.tight(i + 1))
}

/// The number of a line that starts with one or two digits (not 0) and a capitalized
/// word after a space or a line break: `3 Prepare the pan.`, `12 Harbour Street`. Token
/// `i` starts the line.
pub(crate) fn line_number(cx: &Cx, i: usize) -> Option<u32> {
    let r = cx.raw(i);
    if r.is_empty() || r.len() > 2 || !r.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if cx.tight(i + 1) || !cx.capitalized(i + 1) {
        return None;
    }
    r.parse().ok().filter(|&v| v > 0)
}

/// The tokens that number the steps of a list: lines that start with a number and a
/// capitalized word (see [`line_number`]), counting 1, 2, 3… with at most ten lines from
/// one to the next (“1 Choose the seeds”, “2 Plant them”; a list may start again at 1).
/// Counts on lines of their own (“3 Chasers”, “2 Beaters”, “1 Keeper”) and scores in a
/// leaderboard (“64 Bob Estes”, “65 Billy Andrade”) do not count from 1: they stay
/// figures. One pass over the tokens.
pub(crate) fn list_markers(cx: &Cx) -> Vec<usize> {
    // (token, line, number) of each numbered line, then the runs 1, 2, 3… among them
    let mut lines: Vec<(usize, u32, u32)> = Vec::new();
    let mut line = 0u32;
    for i in 0..cx.len() {
        if i > 0 && !cx.line_break_before(i) {
            continue;
        }
        line = line.saturating_add(1);
        if let Some(v) = line_number(cx, i) {
            lines.push((i, line, v));
        }
    }
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    for &(i, l, v) in &lines {
        let follows = last.is_some_and(|(ll, lv)| v == lv + 1 && l - ll <= 10);
        if !follows {
            if run.len() >= 2 {
                out.append(&mut run);
            }
            run.clear();
            if v != 1 {
                last = None;
                continue;
            }
        }
        run.push(i);
        last = Some((l, v));
    }
    if run.len() >= 2 {
        out.append(&mut run);
    }
    out
}

/// "percent of twenty", "per cent of twenty-two": the percent word first.
fn percent_of(cx: &Cx, i: usize) -> Option<Hit> {
    let k = match (cx.low(i), cx.low(i + 1)) {
        ("percent" | "percents", "of") => i + 2,
        ("per", "cent") if cx.low(i + 2) == "of" => i + 3,
        _ => return None,
    };
    let f = figure(cx, k)?;
    if !f.words || !f.whole(cx) || f.ordinal || f.vague {
        return None;
    }
    // "10 percent of twenty people" is read from the figure before
    if i > 0 && figure(cx, i - 1).is_some() {
        return None;
    }
    Some(Hit {
        start: cx.start(i),
        end: f.end,
        next: f.next,
        ty: NumberType::Percent,
        value: NumberValue {
            value: Some(f.value),
            unit: Some("%".into()),
            ..NumberValue::default()
        },
    })
}

/// An IPv4 address ("192.168.1.2") is four numbers, one per part. Version strings
/// ("1.2.3") are nothing.
pub(crate) fn dotted_quad(cx: &Cx, i: usize) -> Option<Vec<Hit>> {
    let r = cx.raw(i);
    if !cx.is_num(i) || r.len() > 15 {
        return None;
    }
    let mut out = Vec::with_capacity(4);
    let mut at = cx.start(i);
    for p in r.split('.') {
        let v: u32 = p
            .parse()
            .ok()
            .filter(|v| *v <= 255 && !p.is_empty() && p.len() <= 3)?;
        out.push(Hit {
            start: at,
            end: at + p.len(),
            next: i + 1,
            ty: NumberType::Cardinal,
            value: val(f64::from(v)),
        });
        at += p.len() + 1;
    }
    (out.len() == 4).then_some(out)
}

/// A temperature written in one token: one to three digits, a degree mark (`°`, `º`,
/// or the letter `o` typed for it) or none, and `C` or `F`. Its value, unit and length
/// in bytes.
fn degrees(s: &str) -> Option<(f64, &'static str, usize)> {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&d) {
        return None;
    }
    let (num, rest) = (s.get(..d)?, s.get(d..)?);
    let rest = rest.strip_prefix(['o', 'º', '°']).unwrap_or(rest);
    let unit = match rest {
        "C" => "°C",
        "F" => "°F",
        _ => return None,
    };
    Some((num.parse().ok()?, unit, s.len()))
}

/// Two temperatures in one token, one in each scale, as recipes write them:
/// `180oC/350oF`, `180ºC/350ºF`, `180C/350F`. Two quantities.
#[inline(never)]
pub(crate) fn degree_pair(cx: &Cx, i: usize) -> Option<Vec<Hit>> {
    let r = cx.raw(i);
    // one byte turns away nearly every token
    if !matches!(r.as_bytes().last(), Some(b'C' | b'F')) || r.len() > 16 || !cx.is_num(i) {
        return None;
    }
    let (a, b) = r.split_once('/')?;
    let (va, ua, la) = degrees(a)?;
    let (vb, ub, _) = degrees(b)?;
    if ua == ub {
        return None;
    }
    let start = cx.start(i);
    let hit = |start, end, v, u: &str| Hit {
        start,
        end,
        next: i + 1,
        ty: NumberType::Quantity,
        value: NumberValue {
            value: Some(v),
            unit: Some(u.to_string()),
            ..NumberValue::default()
        },
    };
    Some(vec![
        hit(start, start + la, va, ua),
        hit(start + la + 1, cx.end(i), vb, ub),
    ])
}

/// Digits at the end of a hyphenated word: "I-44", "US-75", "post-2015", "F-16",
/// "COVID-19", "Covid-19".
pub(crate) fn word_digits(cx: &Cx, i: usize) -> Option<Hit> {
    if cx.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let r = cx.raw(i);
    let p = r.rfind('-')?;
    let d = r.get(p + 1..)?;
    let head = r.get(..p)?;
    if d.is_empty() || d.len() > 4 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // "F-16", "I-44", "COVID-19"; a capitalized word: "Covid-19", "Boeing-737"
    let capitals = head.len() <= 5 && head.bytes().all(|b| b.is_ascii_uppercase())
        || head.len() >= 2
            && head.starts_with(|c: char| c.is_ascii_uppercase())
            && head[1..].bytes().all(|b| b.is_ascii_lowercase());
    let prefix = matches!(
        head.to_lowercase().as_str(),
        "post" | "pre" | "late" | "early"
    );
    if !(capitals || prefix) {
        return None;
    }
    let v: f64 = d.parse().ok()?;
    let year = prefix && d.len() == 4;
    Some(Hit {
        start: cx.start(i) + p + 1,
        end: cx.end(i),
        next: i + 1,
        ty: if year {
            NumberType::Date
        } else {
            NumberType::Cardinal
        },
        value: val(v),
    })
}

/// True when the token after `i` is a currency: a word that is nothing else (“euros”, not
/// “won”), a code or a symbol.
fn currency_after(cx: &Cx, i: usize) -> bool {
    let (raw, low) = (cx.raw(i + 1), cx.low(i + 1));
    (lx::currency_word(low).is_some() && !lx::currency_word_is_ambiguous(low))
        || lx::currency_code(raw).is_some()
        || lx::currency_symbol(raw).is_some()
}

/// Numbers written in one token with commas that do not group thousands: the
/// citation list "13,14" or "18,19,20,21", one number each.
pub(crate) fn number_list(cx: &Cx, i: usize) -> Option<Vec<Hit>> {
    let r = cx.raw(i);
    if !cx.is_num(i) || r.len() > 64 || !r.contains(',') {
        return None;
    }
    let parts: Vec<&str> = r.split(',').collect();
    if parts.len() == 2 && parts[1].len() <= 2 && currency_after(cx, i) {
        return None; // "3,40 euros": a decimal comma, read by `digits`
    }
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()))
        || parts[1..].iter().all(|p| p.len() == 3)
    {
        return None;
    }
    let mut out = Vec::with_capacity(parts.len());
    let mut at = cx.start(i);
    for p in parts {
        out.push(Hit {
            start: at,
            end: at + p.len(),
            next: i + 1,
            ty: NumberType::Cardinal,
            value: val(p.parse().unwrap_or(f64::NAN)),
        });
        at += p.len() + 1;
    }
    Some(out)
}

/// The unit of a speed written with a slash: the unit of distance before it and the word
/// after it (“km” and “h” make “km/h”, “mi” and “hr” “mph”, “m” and “s” “m/s”), and whether
/// that word carries a sentence's period (“h.”, which the tokenizer keeps whole).
fn speed(distance: &str, per: &str) -> Option<(&'static str, bool)> {
    let stop = per.len() > 1 && per.ends_with('.');
    let unit = match (distance, lx::time_unit(per.trim_end_matches('.'))?) {
        ("km", "hour") => "km/h",
        ("mi", "hour") => "mph",
        ("m", "second") => "m/s",
        _ => return None,
    };
    Some((unit, stop))
}
