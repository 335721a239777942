//! Dates, times and their ranges, and relative dates with a figure.
//!
//! A *point* is a date (`April 16`, `16 April 2025`, `2025-04-16`, `4/16/2025`,
//! `Saturday`, `March`, `the 1990s`, `the third quarter`), a clock time (`3:30 p.m.`,
//! `7pm`, `half past seven`), or both (`October 14 8:00am`, `tomorrow at 5pm`). A
//! *range* joins two points, or a bare day or hour and a point (`from 4 to 22 this
//! month`, `5 to 6pm`). A *relative date* counts from now (`two months ago`, `in 5
//! minutes`, `next 3 days`).

use super::grammar::{duration, figure, literal};
use super::lexicon as lx;
use super::{Cx, Hit, PerToken};
use crate::segment::TokenKind;
use crate::span::{NumberType, NumberValue};

/// A date, a time or both, as read.
#[derive(Clone, Debug, Default)]
struct Dt {
    start: usize,
    end: usize,
    next: usize,
    year: Option<i64>,
    month: Option<u32>,
    day: Option<u32>,
    hour: Option<u32>,
    minute: Option<u32>,
    /// The reading has a figure or a calendar name of its own (not just "today").
    solid: bool,
    /// A free-form ISO value (decades, quarters) when the fields do not say it.
    iso: Option<String>,
}

impl Dt {
    fn has_date(&self) -> bool {
        self.year.is_some() || self.month.is_some() || self.day.is_some() || self.iso.is_some()
    }
    fn has_time(&self) -> bool {
        self.hour.is_some()
    }
    fn iso(&self) -> String {
        if let Some(s) = &self.iso {
            return s.clone();
        }
        let mut s = String::new();
        if self.has_date() {
            match self.year {
                Some(y) => s.push_str(&format!("{y:04}")),
                None => s.push_str("XXXX"),
            }
            match self.month {
                Some(m) => s.push_str(&format!("-{m:02}")),
                None if self.day.is_some() => s.push_str("-XX"),
                None => {}
            }
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        if let Some(h) = self.hour {
            s.push_str(&format!("T{:02}:{:02}", h, self.minute.unwrap_or(0)));
        }
        s
    }
    fn hit(&self) -> Hit {
        let ty = if self.has_date() || !self.has_time() {
            NumberType::Date
        } else {
            NumberType::Time
        };
        Hit {
            start: self.start,
            end: self.end,
            next: self.next,
            ty,
            value: NumberValue {
                iso: Some(self.iso()),
                ..NumberValue::default()
            },
        }
    }
}

/// The longest date, time, date range or relative date at token `i`.
pub(crate) fn date_or_time(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    let mut offer = |h: Option<Hit>| {
        if let Some(h) = h {
            if best.as_ref().map_or(true, |b| h.end > b.end) {
                best = Some(h);
            }
        }
    };
    offer(range(cx, i));
    offer(point(cx, i).filter(|d| d.solid).map(|d| d.hit()));
    offer(relative(cx, i));
    offer(day_part_time(cx, i));
    offer(set(cx, i));
    let mut best = best?;
    // "second of Aug." at the end of a sentence: the period ends the sentence
    if best.next > 0 && best.next - 1 < cx.len() {
        let last = best.next - 1;
        let w = cx.low(last);
        let abbrev = w.ends_with('.') && (lx::month(w).is_some() || lx::weekday(w).is_some());
        if abbrev
            && best.end == cx.end(last)
            && (last + 1 >= cx.len() || cx.initial(last + 1) || cx.line_break_before(last + 1))
        {
            best.end -= 1;
        }
    }
    Some(best)
}

/// A part of the day with a clock time: "in the afternoon at 7", "afternoon 7:00",
/// "Sunday early morning at 8:00", "morning at 7pm".
fn day_part_time(cx: &Cx, i: usize) -> Option<Hit> {
    // the part of the day comes at most three tokens on (after a weekday or "in the",
    // and "early" or "late"): without one there, nothing below can read
    if !(i..i + 4).any(|k| matches!(cx.low(k), "morning" | "afternoon" | "evening" | "night")) {
        return None;
    }
    let mut k = i;
    let mut wd = false;
    if weekday_at(cx, k).is_some() {
        k += 1;
        wd = true;
    }
    if cx.low(k) == "in" && cx.low(k + 1) == "the" {
        if wd {
            return None;
        }
        k += 2;
    }
    if matches!(cx.low(k), "early" | "late") {
        k += 1;
    }
    if !matches!(cx.low(k), "morning" | "afternoon" | "evening" | "night") {
        return None;
    }
    k += 1;
    if matches!(cx.low(k), "at" | "@" | "around") {
        k += 1;
    }
    let t = time(cx, k).or_else(|| {
        let f = super::grammar::figure(cx, k)?;
        let ok = f.whole(cx)
            && f.value.fract() == 0.0
            && (1.0..=12.0).contains(&f.value)
            && k > 0
            && cx.low(k - 1) == "at";
        ok.then(|| Dt {
            end: f.end,
            next: f.next,
            hour: Some(f.value as u32),
            minute: Some(0),
            solid: true,
            ..Dt::default()
        })
    })?;
    let mut h = t.hit();
    h.start = cx.start(i);
    Some(h)
}

/// Repeated times with a figure: "every three weeks", "3pm each day", "each monday at
/// 4pm", "every morning at 9am", "each 4/15".
fn set(cx: &Cx, i: usize) -> Option<Hit> {
    let w = cx.low(i);
    if matches!(w, "every" | "each") {
        let k = i + 1;
        if let Some(h) = duration_with_figure(cx, k) {
            return Some(Hit {
                start: cx.start(i),
                ty: NumberType::Date,
                ..h
            });
        }
        if let Some(h) = day_part_time(cx, k) {
            return Some(Hit {
                start: cx.start(i),
                ..h
            });
        }
        if let Some(p) =
            point(cx, k).filter(|p| p.solid && (p.has_time() || p.day.is_some() || p.iso.is_some()))
        {
            if p.has_time() || p.day.is_some() {
                let mut h = p.hit();
                h.start = cx.start(i);
                return Some(h);
            }
        }
        return None;
    }
    // "3pm each day", "3pm every day"
    let t = time(cx, i)?;
    if matches!(cx.low(t.next), "each" | "every")
        && matches!(
            cx.low(t.next + 1),
            "day"
                | "week"
                | "morning"
                | "evening"
                | "night"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        )
    {
        let mut h = t.hit();
        h.end = cx.end(t.next + 1);
        h.next = t.next + 2;
        return Some(h);
    }
    None
}

/// Words that join the two ends of a date or time range.
fn joiner(w: &str) -> bool {
    matches!(
        w,
        "to" | "-" | "–" | "—" | "through" | "thru" | "till" | "til" | "until" | "and"
    )
}

/// "from 4 to 22 this month", "between 4pm and 5pm", "November 19-20", "5 to 6pm",
/// "Oct. 2 to October 22", "9:30 - 11:00", "Friday between 1PM and 4 PM".
fn range(cx: &Cx, i: usize) -> Option<Hit> {
    // a date before a range of times: "Friday between 1PM and 4 PM", "tomorrow from 5 to 6"
    if let Some(d) = date(cx, i).filter(|d| d.has_date() && !d.has_time()) {
        if matches!(cx.low(d.next), "between" | "from") {
            if let Some(r) = range(cx, d.next).filter(|r| r.ty == NumberType::Time) {
                return Some(Hit {
                    start: d.start,
                    ty: NumberType::Date,
                    ..r
                });
            }
        }
    }
    if let Some((e, n)) = day_word(cx, i) {
        let _ = e;
        if matches!(cx.low(n), "between" | "from") {
            if let Some(r) = range(cx, n).filter(|r| r.ty == NumberType::Time) {
                return Some(Hit {
                    start: cx.start(i),
                    ty: NumberType::Date,
                    ..r
                });
            }
        }
    }
    let w = cx.low(i);
    let (k, need) = match w {
        "from" => (i + 1, Some("to")),
        "between" => (i + 1, Some("and")),
        _ => (i, None),
    };
    if let Some((a, b)) = day_pair(cx.raw(k)).filter(|_| need.is_some()) {
        let (end, next) =
            match date_body(cx, k + 1).filter(|d| d.month.is_some() && d.day.is_none()) {
                Some(d) => (d.end, d.next),
                None => period_after(cx, k + 1).map(|p| (p.end, p.next))?,
            };
        return Some(Hit {
            start: cx.start(i),
            end,
            next,
            ty: NumberType::Date,
            value: NumberValue {
                iso: Some(format!("XX-{a:02}/XX-{b:02}")),
                ..NumberValue::default()
            },
        });
    }
    // the low end: a point, or a bare day/hour that the high end completes
    let lo = point(cx, k).or_else(|| bare(cx, k))?;
    let mut j = lo.next;
    // "November 19-20", "from 4-23 in next month": both days in one token
    let (lo, hi) = if lo.next > k && lo.end < cx.end(lo.next - 1) {
        return None;
    } else {
        let jw = cx.low(j);
        let ok = match need {
            Some("and") => jw == "and" || matches!(jw, "through" | "thru"),
            Some(_) => joiner(jw) && jw != "and",
            None => joiner(jw) && jw != "and",
        };
        if !ok {
            return None;
        }
        j += 1;
        let hi = point(cx, j).or_else(|| bare(cx, j))?;
        (lo, hi)
    };
    let mut end = hi.end;
    let mut next = hi.next;
    // "from 4 to 22 this month", "from 5 to 6pm of April 22", "4 to 23 next month"
    let period = period_after(cx, next);
    if let Some(p) = &period {
        end = p.end;
        next = p.next;
    }
    // compatible ends: a day with a day, an hour with an hour
    let lo_day_only = lo.day.is_some() && lo.month.is_none() && !lo.has_time();
    let hi_day_only = hi.day.is_some() && hi.month.is_none() && !hi.has_time();
    let good = if lo.has_time() {
        hi.has_time() || hi_day_only && hi.day.is_some_and(|d| d <= 24)
    } else if lo_day_only {
        hi.day.is_some() || hi.has_time() && lo.day.is_some_and(|d| d <= 24)
    } else if lo.has_date() {
        hi.has_date() || hi_day_only
    } else {
        false
    };
    if !good {
        return None;
    }
    // plain numbers on both sides need a sign that this is about dates or times
    if !lo.solid && !hi.solid && period.is_none() {
        return None;
    }
    let (mut lo, mut hi) = (lo, hi);
    if lo_day_only && hi_day_only {
        // two bare numbers rise ("7 to 2", "5 to 4 in February" are scores and votes)
        if need.is_none() && period.is_none() || lo.day >= hi.day {
            return None;
        }
        // in a single day they are hours ("five to seven today", "from 5 to 6 next
        // sunday"); only a month holds days ("from 4 to 22 this month")
        if let Some(p) = period.as_ref().filter(|p| !p.month) {
            for d in [&mut lo, &mut hi] {
                d.hour = d.day.take().filter(|&h| h <= 24);
                d.minute = Some(0);
            }
            if lo.hour.is_none() || hi.hour.is_none() {
                return None;
            }
            // on a calendar date: "between 3 and 5 on 1/1/2015"
            if let Some(p) = p.date.as_ref().filter(|p| p.iso.is_none() && !p.has_time()) {
                for d in [&mut lo, &mut hi] {
                    (d.year, d.month, d.day) = (p.year, p.month, p.day);
                }
            }
        }
    }
    let ty = if lo.has_date() || hi.has_date() || period.is_some() {
        NumberType::Date
    } else {
        NumberType::Time
    };
    let start = cx.start(i);
    Some(Hit {
        start: if need.is_some() { start } else { lo.start },
        end,
        next,
        ty,
        value: NumberValue {
            iso: Some(format!("{}/{}", lo.iso(), hi.iso())),
            ..NumberValue::default()
        },
    })
}

/// Two days of the month in one token: "19-20".
fn day_pair(raw: &str) -> Option<(u32, u32)> {
    let (a, b) = raw.split_once(['-', '–'])?;
    let a: u32 = a.parse().ok().filter(|_| a.len() <= 2)?;
    let b: u32 = b.parse().ok().filter(|_| b.len() <= 2)?;
    ((1..=31).contains(&a) && (1..=31).contains(&b) && a < b).then_some((a, b))
}

/// A period read after a range or a time: where it ends, and what kind it is.
struct Period {
    end: usize,
    next: usize,
    /// The calendar point it is ("of April 22", "on Thursday"), if it is one.
    date: Option<Dt>,
    /// It is a whole month ("this month", "of Sept", "the following month"), the only
    /// period two bare days of the month fit in.
    month: bool,
}

/// "this month", "next month", "of Sept", "of next month", "of April 22", "tomorrow",
/// "next sunday", "on Thursday", "in the afternoon" after a range or a time.
fn period_after(cx: &Cx, j: usize) -> Option<Period> {
    let w = cx.low(j);
    let k = if matches!(w, "of" | "on" | "in") {
        j + 1
    } else {
        j
    };
    let span = |end, next, month| {
        Some(Period {
            end,
            next,
            date: None,
            month,
        })
    };
    if let Some(p) = point(cx, k).filter(|p| p.has_date()) {
        return Some(Period {
            end: p.end,
            next: p.next,
            month: p.month.is_some() && p.day.is_none(),
            date: Some(p),
        });
    }
    let a = cx.low(k);
    let b = cx.low(k + 1);
    if matches!(a, "this" | "next" | "last" | "the") && matches!(b, "month" | "week" | "year") {
        return span(cx.end(k + 1), k + 2, b == "month");
    }
    if a == "the" && matches!(b, "next" | "following" | "current") && cx.low(k + 2) == "month" {
        return span(cx.end(k + 2), k + 3, true);
    }
    if let Some((e, n)) = day_word(cx, k) {
        return span(e, n, false);
    }
    if let Some((e, n)) = part_of_day(cx, j) {
        return span(e, n, false);
    }
    None
}

/// "today", "tomorrow", "tonight", "yesterday", "the day after tomorrow", "this
/// morning", "tomorrow morning", "next sunday": relative days (not figures on their own).
fn day_word(cx: &Cx, k: usize) -> Option<(usize, usize)> {
    let a = cx.low(k);
    let b = cx.low(k + 1);
    match a {
        "today" | "tomorrow" | "tonight" | "tonite" | "yesterday" => {
            if matches!(b, "morning" | "afternoon" | "evening" | "night") {
                return Some((cx.end(k + 1), k + 2));
            }
            Some((cx.end(k), k + 1))
        }
        "this" | "next" | "last" | "coming" => {
            if matches!(b, "morning" | "afternoon" | "evening" | "night") {
                return Some((cx.end(k + 1), k + 2));
            }
            if lx::weekday(b).is_some() && b.len() >= 6 {
                return Some((cx.end(k + 1), k + 2));
            }
            None
        }
        "day" if b == "after" && cx.low(k + 2) == "tomorrow" => Some((cx.end(k + 2), k + 3)),
        "day" if b == "before" && cx.low(k + 2) == "yesterday" => Some((cx.end(k + 2), k + 3)),
        _ => None,
    }
}

/// "in the morning", "in the afternoon", "in the evening", "at night".
fn part_of_day(cx: &Cx, j: usize) -> Option<(usize, usize)> {
    let a = cx.low(j);
    let b = cx.low(j + 1);
    let c = cx.low(j + 2);
    if a == "in"
        && b == "the"
        && matches!(
            c,
            "morning" | "afternoon" | "evening" | "night" | "am" | "pm"
        )
    {
        return Some((cx.end(j + 2), j + 3));
    }
    if a == "in" && matches!(b, "morning" | "afternoon" | "evening") {
        return Some((cx.end(j + 1), j + 2));
    }
    if a == "at" && b == "night" {
        return Some((cx.end(j + 1), j + 2));
    }
    None
}

/// A bare day or hour number that a range completes: "4" of "from 4 to 22 this
/// month", "13th" of "13th to 15th July", "5" of "5 to 6pm".
fn bare(cx: &Cx, i: usize) -> Option<Dt> {
    let mut k = i;
    if cx.low(k) == "the" {
        k += 1;
    }
    let f = figure(cx, k)?;
    if !f.whole(cx) || f.value.fract() != 0.0 || f.value < 0.0 || f.value > 31.0 || f.scaled {
        return None;
    }
    if f.digits.is_none() && !f.ordinal && !f.words {
        return None;
    }
    Some(Dt {
        start: cx.start(i),
        end: f.end,
        next: f.next,
        day: Some(f.value as u32),
        solid: false,
        ..Dt::default()
    })
}

/// The readings of [`point`] and [`date`] at each token asked, kept for a document: the
/// parsers ask for the same position several times (a range reads its low end where a
/// point is then tried), and both are functions of the tokens alone.
pub(crate) struct Memo {
    point: PerToken<Option<Dt>>,
    date: PerToken<Option<Dt>>,
}

impl Memo {
    /// No readings yet, for `n` tokens.
    pub(crate) fn new(n: usize) -> Memo {
        Memo {
            point: PerToken::new(n),
            date: PerToken::new(n),
        }
    }
}

/// A date, a time, or a date with a time.
fn point(cx: &Cx, i: usize) -> Option<Dt> {
    cx.memo.point.get(i, || point_at(cx, i))
}

fn date(cx: &Cx, i: usize) -> Option<Dt> {
    cx.memo.date.get(i, || date_at(cx, i))
}

fn point_at(cx: &Cx, i: usize) -> Option<Dt> {
    // a time first: "8pm today", "19:00, 2016-12-22", "at 7:30 PM on Fri, Sep 20"
    if let Some(mut t) = time(cx, i) {
        let mut j = t.next;
        if matches!(cx.low(j), "on" | "," | "of") {
            j += 1;
        }
        if let Some(d) = date(cx, j).filter(|d| d.has_date()) {
            t.year = d.year;
            t.month = d.month;
            t.day = d.day;
            t.iso = None;
            t.end = d.end;
            t.next = d.next;
        } else if let Some((e, n)) = day_word(cx, j) {
            t.end = e;
            t.next = n;
        } else if cx.low(t.next) == "on" {
            // "8pm on 15", "3pm on Sun"
            if let Some(b) =
                bare(cx, t.next + 1).filter(|b| cx.kind(b.next) != Some(TokenKind::Word))
            {
                t.end = b.end;
                t.next = b.next;
            } else if lx::weekday(cx.low(t.next + 1)).is_some() {
                t.end = cx.end(t.next + 1);
                t.next += 2;
            }
        }
        return Some(t);
    }
    // "8 tonight", "9 tomorrow morning": a bare hour with a day word
    if let Some(f) = figure(cx, i) {
        if f.whole(cx)
            && f.value.fract() == 0.0
            && (1.0..=12.0).contains(&f.value)
            && (f.words || f.digits.is_some())
            && matches!(cx.low(f.next), "tonight" | "tonite" | "tomorrow")
        {
            {
                if let Some((e, n)) = day_word(cx, f.next) {
                    return Some(Dt {
                        start: cx.start(i),
                        end: e,
                        next: n,
                        hour: Some(f.value as u32),
                        minute: Some(0),
                        solid: true,
                        ..Dt::default()
                    });
                }
            }
        }
    }
    // "15, 8pm", "5th at 4 a.m.": a bare day with a time
    if let Some(b) = bare(cx, i).filter(|b| b.day.is_some()) {
        let sep = cx.low(b.next);
        if matches!(sep, "," | "at") {
            if let Some(t) = time(cx, b.next + 1).filter(|t| {
                t.minute.is_some()
                    && (cx
                        .raw(b.next + 1)
                        .contains(|c: char| c.is_ascii_alphabetic() || c == ':')
                        || meridiem(cx, b.next + 2).is_some())
            }) {
                return Some(Dt {
                    start: cx.start(i),
                    day: b.day,
                    ..t
                });
            }
        }
    }
    // a relative day with a time: "tomorrow 8:00am", "tonight at 11", "this afternoon at 2"
    if let Some((e, n)) = day_word(cx, i) {
        let mut j = n;
        if matches!(cx.low(j), "at" | "around" | "for" | "@" | "by") {
            j += 1;
        }
        if let Some(t) = time(cx, j).or_else(|| hour_after_at(cx, j, n)) {
            return Some(Dt {
                start: cx.start(i),
                end: t.end,
                next: t.next,
                solid: true,
                ..t
            });
        }
        let _ = e;
        // "last Friday", "next Tuesday" without a time are dates, read below; the
        // deictic words alone ("today", "this morning") are not
        lx::weekday(cx.low(i + 1))?;
    }
    let mut d = date(cx, i)?;
    // a time after the date: "October 14 8:00am", "Monday at 2.30", "04/21/2016, 8:00:13pm"
    let mut j = d.next;
    if matches!(cx.low(j), "at" | "," | "@" | "-" | "for" | "around") {
        j += 1;
    }
    if let Some(t) = time(cx, j).or_else(|| hour_after_at(cx, j, d.next)) {
        d.hour = t.hour;
        d.minute = t.minute;
        d.end = t.end;
        d.next = t.next;
        let z = cx.low(d.next);
        if lx::time_zone(z) && z.len() >= 3 {
            d.end = cx.end(d.next);
            d.next += 1;
        }
    }
    Some(d)
}

/// A bare hour after `at` ("Monday at 2.30", "tonight at 11"): only right after the
/// date and the word `at`.
fn hour_after_at(cx: &Cx, j: usize, after_date: usize) -> Option<Dt> {
    if j != after_date + 1 || !matches!(cx.low(after_date), "at" | "@" | "around") {
        return None;
    }
    let f = figure(cx, j)?;
    let raw = cx.raw(j);
    let (h, m) = if let Some((a, b)) = raw.split_once('.') {
        (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)
    } else if f.whole(cx) && f.value.fract() == 0.0 && (1.0..=24.0).contains(&f.value) {
        (f.value as u32, 0)
    } else {
        return None;
    };
    if h > 24 || m > 59 {
        return None;
    }
    Some(Dt {
        start: cx.start(j),
        end: cx.end(j),
        next: j + 1,
        hour: Some(h),
        minute: Some(m),
        solid: true,
        ..Dt::default()
    })
}

fn meridiem(cx: &Cx, j: usize) -> Option<(bool, usize, usize)> {
    let w = cx.low(j);
    let pm = match w {
        "pm" | "p.m." | "p.m" | "pm." => true,
        "am" | "a.m." | "a.m" | "am." => false,
        "p." | "a." if matches!(cx.low(j + 1), "m." | "m") => {
            return Some((w == "p.", cx.end(j + 1), j + 2));
        }
        "p" | "a" if cx.low(j + 1) == "m" || cx.low(j + 1) == "m." => {
            return Some((w == "p", cx.end(j + 1), j + 2));
        }
        _ => return None,
    };
    Some((pm, cx.end(j), j + 1))
}

fn apply_meridiem(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (h, true) if h < 12 => h + 12,
        (h, _) => h,
    }
}

/// A clock time: "3:30", "3:30 p.m.", "3pm", "7p", "15h30", "1140 a.m.", "half past
/// seven", "seven thirty pm", "5 o'clock", "12 noon", with a time zone or a part of
/// the day after it.
fn time(cx: &Cx, i: usize) -> Option<Dt> {
    let mut t = clock(cx, i)?;
    // time zone
    let z = cx.low(t.next);
    if lx::time_zone(z) && cx.raw(t.next).chars().all(|c| c.is_ascii_uppercase())
        || matches!(z, "gmt" | "utc" | "pst" | "ist" | "cst" | "est")
    {
        t.end = cx.end(t.next);
        t.next += 1;
    }
    if let Some((e, n)) = part_of_day(cx, t.next) {
        t.end = e;
        t.next = n;
    } else if matches!(cx.low(t.next), "tonight" | "tonite") {
        t.end = cx.end(t.next);
        t.next += 1;
    }
    Some(t)
}

fn clock(cx: &Cx, i: usize) -> Option<Dt> {
    let raw = cx.raw(i);
    let low = cx.low(i);
    let mk = |end: usize, next: usize, h: u32, m: u32| -> Option<Dt> {
        if h > 24 || m > 59 {
            return None;
        }
        Some(Dt {
            start: cx.start(i),
            end,
            next,
            hour: Some(h),
            minute: Some(m),
            solid: true,
            ..Dt::default()
        })
    };
    // "half past seven", "a quarter past eight", "ten past 9", "20 minutes to three"
    if let Some(t) = past_to(cx, i) {
        return Some(t);
    }
    if cx.is_num(i) {
        let b = raw.as_bytes();
        let head = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let rest = &raw[head..];
        let hh: u32 = raw[..head].parse().ok()?;
        // h:mm[:ss][am|pm|a|p], h.mm[am|pm]
        let (h, m, after) = if let Some(r) = rest.strip_prefix(':') {
            let mm = r.bytes().take_while(u8::is_ascii_digit).count();
            if mm != 2 {
                return None;
            }
            let m: u32 = r[..mm].parse().ok()?;
            let mut after = &r[mm..];
            if let Some(s) = after.strip_prefix(':') {
                let ss = s.bytes().take_while(u8::is_ascii_digit).count();
                if ss != 2 {
                    return None;
                }
                after = &s[ss..];
            }
            (hh, m, after)
        } else if let Some(r) = rest.strip_prefix('.') {
            let mm = r.bytes().take_while(u8::is_ascii_digit).count();
            if mm != 2 {
                return None;
            }
            let after = &r[mm..];
            // "8.30pm", "8.30 pm", "at 6.45" (only with am/pm or after "at")
            let m: u32 = r[..mm].parse().ok()?;
            let ok = !after.is_empty()
                || meridiem(cx, i + 1).is_some()
                || i > 0 && matches!(cx.low(i - 1), "at" | "before" | "after" | "until" | "by");
            if !ok || hh > 12 {
                return None;
            }
            (hh, m, after)
        } else if let Some(r) = rest.strip_prefix(['h', 'H']) {
            // 15h, 15h30
            if r.is_empty() {
                (hh, 0, "")
            } else if r.len() == 2 && r.bytes().all(|c| c.is_ascii_digit()) {
                (hh, r.parse().ok()?, "")
            } else {
                return None;
            }
        } else if head == 3 || head == 4 {
            // "1140 a.m.", "330 p.m."
            if !(rest.is_empty() && meridiem(cx, i + 1).is_some()) {
                return None;
            }
            (hh / 100, hh % 100, "")
        } else {
            (hh, 0, rest)
        };
        if head > 2 && !(head == 3 || head == 4) {
            return None;
        }
        let colon = rest.starts_with([':', '.', 'h', 'H']);
        let after_l = after.to_ascii_lowercase();
        let (pm, end, next) = match after_l.as_str() {
            "" => match meridiem(cx, i + 1) {
                Some((pm, e, n)) => (Some(pm), e, n),
                None => (None, cx.end(i), i + 1),
            },
            // "8p.m.": the tokenizer splits the periods off
            "p" | "a"
                if cx.raw(i + 1) == "."
                    && cx.tight(i + 1)
                    && matches!(cx.low(i + 2), "m" | "m.")
                    && cx.tight(i + 2) =>
            {
                (Some(after_l == "p"), cx.end(i + 2), i + 3)
            }
            "am" | "a" | "a.m" | "a.m." => (Some(false), cx.end(i), i + 1),
            "pm" | "p" | "p.m" | "p.m." => (Some(true), cx.end(i), i + 1),
            "ish" | "-ish" if !colon => (None, cx.end(i), i + 1),
            _ => return None,
        };
        // "11-ish"
        let (end, next) = if cx.raw(next) == "-" && cx.low(next + 1) == "ish" && cx.tight(next) {
            (cx.end(next + 1), next + 2)
        } else {
            (end, next)
        };
        let h = match pm {
            Some(p) => {
                if h == 0 || h > 12 {
                    return None;
                }
                apply_meridiem(h, p)
            }
            None => {
                let ok = colon || after_l.ends_with("ish") || rest.starts_with(['h', 'H']);
                if !ok {
                    // "5 o'clock", "12 noon"
                    return oclock(cx, i, h, end, next);
                }
                h
            }
        };
        return mk(end, next, h, m);
    }
    // words: "seven thirty pm", "ten am", "five-thirty", "one o'clock pm"
    if cx.kind(i) == Some(TokenKind::Word) {
        let (h, mut m, mut next) = if let Some((a, b)) = low.split_once('-') {
            let h = lx::small(a)?;
            let m = lx::compound(b).filter(|m| *m >= 10)?;
            (h, m, i + 1)
        } else {
            let h = lx::small(low).filter(|h| (1..=12).contains(h))?;
            (h, 0, i + 1)
        };
        if m == 0 {
            // "seven thirty", "seven thirty five", "eleven five"
            if let Some(v) = lx::compound(cx.low(next)) {
                if (10..60).contains(&v) {
                    m = v;
                    next += 1;
                    if v % 10 == 0 && v >= 20 {
                        if let Some(u) = lx::small(cx.low(next)).filter(|u| (1..10).contains(u)) {
                            m += u;
                            next += 1;
                        }
                    }
                } else if (1..10).contains(&v)
                    && matches!(cx.low(i), _)
                    && meridiem(cx, next + 1).is_some()
                {
                    m = v;
                    next += 1;
                }
            }
        }
        let mut end = cx.end(next - 1);
        let mut hour = h;
        if let Some((pm, e, n)) = meridiem(cx, next) {
            hour = apply_meridiem(h, pm);
            end = e;
            next = n;
            if let Some((pm2, e2, n2)) = oclock_word(cx, next)
                .and_then(|(e, n)| meridiem(cx, n).map(|(p, e2, n2)| (p, e2.max(e), n2)))
            {
                hour = apply_meridiem(h, pm2);
                end = e2;
                next = n2;
            }
            return mk(end, next, hour, m);
        }
        if let Some((e, n)) = oclock_word(cx, next) {
            end = e;
            next = n;
            if let Some((pm, e2, n2)) = meridiem(cx, next) {
                hour = apply_meridiem(h, pm);
                end = e2;
                next = n2;
            }
            return mk(end, next, hour, m);
        }
        if let Some((e, n)) = part_of_day(cx, next).filter(|_| m > 0) {
            return mk(e, n, h, m);
        }
        if low.contains('-') || m > 0 && i > 0 && matches!(cx.low(i - 1), "at" | "from" | "until") {
            return mk(end, next, hour, m);
        }
        return None;
    }
    None
}

fn oclock_word(cx: &Cx, j: usize) -> Option<(usize, usize)> {
    match cx.low(j) {
        "o'clock" | "o’clock" | "oclock" => Some((cx.end(j), j + 1)),
        "o" if matches!(cx.raw(j + 1), "'" | "’") && cx.low(j + 2) == "clock" => {
            Some((cx.end(j + 2), j + 3))
        }
        _ => None,
    }
}

fn oclock(cx: &Cx, i: usize, h: u32, end: usize, next: usize) -> Option<Dt> {
    let _ = end;
    if let Some((e, n)) = oclock_word(cx, next) {
        let (e, n, h) = match meridiem(cx, n) {
            Some((pm, e2, n2)) => (e2, n2, apply_meridiem(h, pm)),
            None => (e, n, h),
        };
        return Some(Dt {
            start: cx.start(i),
            end: e,
            next: n,
            hour: Some(h),
            minute: Some(0),
            solid: true,
            ..Dt::default()
        });
    }
    if cx.low(next) == "noon" && h == 12 {
        return Some(Dt {
            start: cx.start(i),
            end: cx.end(next),
            next: next + 1,
            hour: Some(12),
            minute: Some(0),
            solid: true,
            ..Dt::default()
        });
    }
    // "8 in the morning", "3 in the AM"
    if let Some((e, n)) = part_of_day(cx, next) {
        if (1..=12).contains(&h) {
            return Some(Dt {
                start: cx.start(i),
                end: e,
                next: n,
                hour: Some(h),
                minute: Some(0),
                solid: true,
                ..Dt::default()
            });
        }
    }
    None
}

/// "half past seven", "a quarter past eight", "ten past 9", "20 minutes to three",
/// "twenty after 3pm".
fn past_to(cx: &Cx, i: usize) -> Option<Dt> {
    let (m, k) = match cx.low(i) {
        "half" => (30, i + 1),
        "a" if cx.low(i + 1) == "quarter" => (15, i + 2),
        "quarter" => (15, i + 1),
        _ => {
            let f = figure(cx, i)?;
            if !f.whole(cx) || f.value.fract() != 0.0 || !(1.0..60.0).contains(&f.value) {
                return None;
            }
            let mut k = f.next;
            if matches!(cx.low(k), "minutes" | "minute" | "min" | "mins") {
                k += 1;
            }
            (f.value as u32, k)
        }
    };
    let rel = cx.low(k);
    if !matches!(rel, "past" | "to" | "after" | "before" | "til") {
        return None;
    }
    let target = k + 1;
    let (h, end, next) = if cx.low(target) == "noon" {
        (12, cx.end(target), target + 1)
    } else if cx.low(target) == "midnight" {
        (0, cx.end(target), target + 1)
    } else {
        let c = clock(cx, target).or_else(|| {
            let f = figure(cx, target)?;
            if !f.whole(cx) || f.value.fract() != 0.0 || !(1.0..=12.0).contains(&f.value) {
                return None;
            }
            let (e, n) = match oclock_word(cx, f.next) {
                Some(x) => x,
                None => (f.end, f.next),
            };
            Some(Dt {
                end: e,
                next: n,
                hour: Some(f.value as u32),
                ..Dt::default()
            })
        })?;
        if rel == "to" && c.minute.is_some_and(|m| m != 0) {
            return None;
        }
        (c.hour?, c.end, c.next)
    };
    let (hour, minute) = if matches!(rel, "to" | "before" | "til") {
        ((h + 23) % 24, 60 - m)
    } else {
        (h, m)
    };
    // "ten to five" as a range of numbers is more likely: require a time word
    if matches!(rel, "to")
        && m != 15
        && m != 30
        && !matches!(cx.low(i + 1), "minutes" | "minute" | "min" | "mins")
    {
        return None;
    }
    let mut t = Dt {
        start: cx.start(i),
        end,
        next,
        hour: Some(hour),
        minute: Some(minute),
        solid: true,
        ..Dt::default()
    };
    if let Some((e, n)) = part_of_day(cx, t.next) {
        t.end = e;
        t.next = n;
    }
    Some(t)
}

/// True when the capitalized or lowercase month word at `i` reads as a month here
/// (`May` the modal, `march` the verb and `mar` are months only in date context).
fn month_at(cx: &Cx, i: usize) -> Option<u32> {
    let low = cx.low(i);
    let m = lx::month(low)?;
    let raw = cx.raw(i);
    let cap = cx.capitalized(i);
    let upper_all = raw.len() > 1
        && raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if upper_all && raw.len() > 4 {
        return None; // headlines in capitals: no context to judge by
    }
    let next_num = cx.is_num(i + 1)
        || matches!(cx.raw(i + 1), "/" | "-" | ".")
            && cx.tight(i + 1)
            && cx.is_num(i + 2)
            && cx.tight(i + 2)
        || lx::ordinal(cx.low(i + 1)).is_some_and(|o| o <= 31)
        || cx.low(i + 1) == "the" && lx::ordinal(cx.low(i + 2)).is_some();
    let abbrev = !lx::month_full(low.trim_end_matches('.'));
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    let date_prep = matches!(
        prev,
        "in" | "of"
            | "since"
            | "until"
            | "till"
            | "by"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "during"
            | "from"
            | "through"
            | "to"
            | "before"
            | "after"
            | "between"
            | "and"
            | "or"
            | "each"
            | "every"
            | "on"
            | "mid-"
            | "that"
            | "past"
    );
    match low.trim_end_matches('.') {
        "may" => {
            if !cap {
                return next_num.then_some(m);
            }
            if next_num {
                // "May 5", but "May 2 be" is rare enough
                return Some(m);
            }
            if cx.initial(i) {
                return None;
            }
            // "May said" is a person; "in May", "May 2025", "May." are months
            let strong = date_prep && !matches!(prev, "to" | "and" | "or" | "that" | "past");
            let after = cx.low(i + 1);
            let plain_follows = cx.kind(i + 1) != Some(TokenKind::Word)
                || matches!(
                    after,
                    "and" | "or" | "to" | "through" | "until" | "last" | "this" | "next" | "of"
                );
            if strong || plain_follows && !cx.capitalized(i.wrapping_sub(1)) {
                return Some(m);
            }
            None
        }
        "march" => {
            if !cap {
                return (next_num || date_prep && !matches!(prev, "to" | "and" | "or" | "the"))
                    .then_some(m);
            }
            if cx.initial(i)
                && !next_num
                && matches!(
                    cx.low(i + 1),
                    "on" | "to" | "into" | "through" | "for" | "against" | "with" | "in"
                )
            {
                return None;
            }
            Some(m)
        }
        _ if abbrev => {
            // "Jan", "Sept.", "Oct": capitalized, or written next to a figure
            if cap || next_num || cx.is_num(i.wrapping_sub(1)) {
                if !cap && !next_num && !cx.is_num(i.wrapping_sub(1)) {
                    return None;
                }
                // "Jan" as a name ("Jan Smith") is a capitalized word after it
                if cap && !next_num && cx.capitalized(i + 1) && raw.len() <= 3 {
                    return None;
                }
                return Some(m);
            }
            // lowercase abbreviations in typed requests: "in feb", "this mar"
            if date_prep && !matches!(low, "mar" | "jun" | "jan") {
                return Some(m);
            }
            None
        }
        _ => {
            if !(cap || next_num || date_prep || cx.is_num(i.wrapping_sub(1))) {
                // lowercase "august" is an adjective unless a date is around
                return (low != "august").then_some(m);
            }
            Some(m)
        }
    }
}

/// A weekday at `i` (full names always; abbreviations when capitalized and followed
/// by a date, a comma or a period).
fn weekday_at(cx: &Cx, i: usize) -> Option<u32> {
    let low = cx.low(i);
    let d = lx::weekday(low)?;
    let full = low.trim_end_matches('s').len() >= 6 || low.len() >= 6;
    if full {
        if low.ends_with('s') && low.len() > 7 {
            return None; // "Fridays" is a set
        }
        return Some(d);
    }
    let next = cx.raw(i + 1);
    let ok = (cx.capitalized(i) || low.ends_with('.'))
        && (matches!(next, "," | ".")
            || cx.is_num(i + 1)
            || month_at(cx, i + 1).is_some()
            || low.ends_with('.'));
    ok.then_some(d)
}

fn day_value(cx: &Cx, k: usize) -> Option<(u32, usize, usize)> {
    // a day of the month: 16, 16th, sixteenth, twenty second, twenty one
    let f = figure(cx, k)?;
    if f.scaled || f.fraction || f.value.fract() != 0.0 || !(1.0..=31.0).contains(&f.value) {
        return None;
    }
    if !f.whole(cx) {
        return None;
    }
    if f.digits.is_some_and(|d| d > 2) {
        return None;
    }
    Some((f.value as u32, f.end, f.next))
}

fn year_value(cx: &Cx, k: usize) -> Option<(i64, usize, usize)> {
    let raw = cx.raw(k);
    if raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let y: i64 = raw.parse().ok()?;
        if (1000..=2199).contains(&y) {
            return Some((y, cx.end(k), k + 1));
        }
    }
    // "'98", "’05"
    if matches!(raw, "'" | "’") && cx.is_num(k + 1) && cx.tight(k + 1) && cx.raw(k + 1).len() == 2
    {
        let y: i64 = cx.raw(k + 1).parse().ok()?;
        return Some((
            if y < 50 { 2000 + y } else { 1900 + y },
            cx.end(k + 1),
            k + 2,
        ));
    }
    None
}

/// Era after a year: "2014 A.D.", "2014 BC".
fn era(cx: &Cx, j: usize) -> Option<(usize, usize)> {
    matches!(
        cx.low(j),
        "a.d." | "ad" | "b.c." | "bc" | "bce" | "ce" | "b.c" | "a.d"
    )
    .then(|| (cx.end(j), j + 1))
}

/// A date without a time.
fn date_at(cx: &Cx, i: usize) -> Option<Dt> {
    let low = cx.low(i);
    // weekday first: "Monday, Feb 18", "Tuesday the 19th", "friday 7/6"
    if let Some(_wd) = weekday_at(cx, i) {
        let mut j = i + 1;
        if cx.raw(j) == "," {
            j += 1;
        }
        if let Some(mut d) = date_body(cx, j).filter(|d| d.day.is_some()) {
            d.start = cx.start(i);
            return Some(d);
        }
        if cx.low(i + 1) == "the" {
            if let Some((day, e, n)) = day_value(cx, i + 2) {
                if lx::ordinal(cx.low(i + 2)).is_some()
                    || cx.raw(i + 2).ends_with(char::is_alphabetic)
                    || cx.is_num(i + 2)
                    || lx::compound(cx.low(i + 2)).is_some()
                {
                    return Some(Dt {
                        start: cx.start(i),
                        end: e,
                        next: n,
                        day: Some(day),
                        solid: true,
                        ..Dt::default()
                    });
                }
            }
        }
        // "Tuesday 19th"
        if cx.is_num(i + 1) && cx.raw(i + 1).ends_with(['h', 't', 'd']) {
            if let Some((day, e, n)) = day_value(cx, i + 1) {
                return Some(Dt {
                    start: cx.start(i),
                    end: e,
                    next: n,
                    day: Some(day),
                    solid: true,
                    ..Dt::default()
                });
            }
        }
        return Some(Dt {
            start: cx.start(i),
            end: cx.end(i),
            next: i + 1,
            solid: true,
            iso: Some("XXXX-WXX".to_string() + &format!("-{_wd}")),
            ..Dt::default()
        });
    }
    if let Some(d) = week(cx, i) {
        return Some(d);
    }
    if let Some(d) = holiday_year(cx, i) {
        return Some(d);
    }
    if let Some(d) = fiscal_quarter(cx, i) {
        return Some(d);
    }
    // "this March", "next june", "last May", "this friday"
    if matches!(low, "current" | "following") && cx.low(i + 1) == "quarter" {
        return Some(Dt {
            start: cx.start(i),
            end: cx.end(i + 1),
            next: i + 2,
            solid: true,
            iso: Some("XXXX-QX".into()),
            ..Dt::default()
        });
    }
    if matches!(
        low,
        "this" | "next" | "last" | "coming" | "past" | "previous"
    ) {
        if let Some(m) = month_at(cx, i + 1) {
            if !cx.is_num(i + 2) {
                return Some(Dt {
                    start: cx.start(i),
                    end: cx.end(i + 1),
                    next: i + 2,
                    month: Some(m),
                    solid: true,
                    ..Dt::default()
                });
            }
        }
        // "this coming Sunday", "this past Friday"
        let k = if low == "this" && matches!(cx.low(i + 1), "coming" | "past") {
            i + 2
        } else {
            i + 1
        };
        if let Some(wd) =
            weekday_at(cx, k).filter(|_| lx::weekday(cx.low(k)).is_some() && cx.low(k).len() >= 6)
        {
            // the weekday of a full date: "coming Sunday, March eighth"
            if let Some(d) = date(cx, k).filter(|d| d.day.is_some()) {
                return Some(Dt {
                    start: cx.start(i),
                    ..d
                });
            }
            return Some(Dt {
                start: cx.start(i),
                end: cx.end(k),
                next: k + 1,
                solid: true,
                iso: Some(format!("XXXX-WXX-{wd}")),
                ..Dt::default()
            });
        }
        if matches!(cx.low(i + 1), "quarter") && low != "past" {
            return Some(Dt {
                start: cx.start(i),
                end: cx.end(i + 1),
                next: i + 2,
                solid: true,
                iso: Some("XXXX-QX".into()),
                ..Dt::default()
            });
        }
    }
    if low == "month" && cx.low(i + 1) == "of" {
        let m = month_at(cx, i + 2)?;
        return Some(Dt {
            start: cx.start(i),
            end: cx.end(i + 2),
            next: i + 3,
            month: Some(m),
            solid: true,
            ..Dt::default()
        });
    }
    // (`week` was tried above and reads the tokens alone: no second try here)
    // "the" + date phrase: "the 1990s", "the third quarter", "the 16th of April",
    // "the month of March", "the end of 1990", "the year 2000", "the 20th century"
    if low == "the" {
        let d = the_phrase(cx, i + 1)?;
        return Some(Dt {
            start: cx.start(i),
            ..d
        });
    }
    if let Some(d) = period(cx, i) {
        return Some(d);
    }
    if let Some(d) = year_in_context(cx, i) {
        return Some(d);
    }
    date_body(cx, i)
}

/// A year after a word that introduces a time ("in 1990", "since 2014", "by 2030",
/// "of 1998"), with no unit or noun count after it.
fn year_in_context(cx: &Cx, i: usize) -> Option<Dt> {
    let (y, e, n) = year_value(cx, i)?;
    if !cx.is_num(i) || i == 0 {
        return None;
    }
    let prev = cx.low(i - 1);
    let ok = matches!(
        prev,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "of"
            | "during"
            | "before"
            | "after"
            | "through"
            | "circa"
            | "early"
            | "late"
            | "mid"
            | "mid-"
            | "year"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "from"
            | "between"
            | "fiscal"
    );
    if !ok {
        return None;
    }
    let next = cx.low(n);
    let counted = lx::unit(next).is_some()
        || lx::time_unit(next).is_some()
        || lx::currency_word(next).is_some()
        || matches!(
            next,
            "%" | "percent" | "people" | "of" | "million" | "billion" | "thousand"
        );
    if counted {
        return None;
    }
    let mut d = Dt {
        start: cx.start(i),
        end: e,
        next: n,
        year: Some(y),
        solid: true,
        ..Dt::default()
    };
    if let Some((e2, n2)) = era(cx, n) {
        d.end = e2;
        d.next = n2;
    }
    Some(d)
}

/// Phrases that take "the": decades, quarters, centuries, days of the month, "the
/// month of", "the end of", "the year 2000".
fn the_phrase(cx: &Cx, i: usize) -> Option<Dt> {
    let low = cx.low(i);
    if matches!(low, "month") && cx.low(i + 1) == "of" {
        let m = month_at(cx, i + 2)?;
        return Some(Dt {
            start: cx.start(i),
            end: cx.end(i + 2),
            next: i + 3,
            month: Some(m),
            solid: true,
            ..Dt::default()
        });
    }
    if let Some(d) = week(cx, i) {
        return Some(Dt {
            start: cx.start(i),
            ..d
        });
    }
    if low == "year" {
        if let Some((y, e, n)) = year_value(cx, i + 1) {
            return Some(Dt {
                start: cx.start(i),
                end: e,
                next: n,
                year: Some(y),
                solid: true,
                ..Dt::default()
            });
        }
        let f = figure(cx, i + 1)?;
        if f.words && (1000.0..2200.0).contains(&f.value) {
            return Some(Dt {
                start: cx.start(i),
                end: f.end,
                next: f.next,
                year: Some(f.value as i64),
                solid: true,
                ..Dt::default()
            });
        }
        return None;
    }
    if let Some(d) = period(cx, i) {
        return Some(d);
    }
    // "the 16th of April", "the 15th"
    let (day, e, n) = day_value(cx, i)?;
    let ordinalish = lx::ordinal(cx.low(i)).is_some()
        || cx.raw(i).ends_with(|c: char| c.is_ascii_alphabetic())
        || cx.low(i + 1) == "of"
        || lx::compound(cx.low(i)).is_some()
            && cx.kind(i + 1) == Some(TokenKind::Word)
            && lx::ordinal(cx.low(i + 1)).is_some();
    if !ordinalish && !cx.is_num(i) {
        return None;
    }
    if cx.low(n) == "of" {
        if let Some(m) = month_at(cx, n + 1) {
            let mut d = Dt {
                start: cx.start(i),
                end: cx.end(n + 1),
                next: n + 2,
                day: Some(day),
                month: Some(m),
                solid: true,
                ..Dt::default()
            };
            year_after(cx, &mut d);
            return Some(d);
        }
        // "the 20th of next month"
        if let Some(p) = period_after(cx, n) {
            return Some(Dt {
                start: cx.start(i),
                end: p.end,
                next: p.next,
                day: Some(day),
                solid: true,
                ..Dt::default()
            });
        }
    }
    // "on the 21st", "for the 27": a day of the month only after such a word and
    // before no noun
    let prev = if i >= 2 { cx.low(i - 2) } else { "" };
    let noun_follows = cx.kind(n) == Some(TokenKind::Word)
        && !matches!(
            cx.low(n),
            "at" | "and" | "or" | "to" | "through" | "until" | "of"
        );
    if matches!(
        prev,
        "on" | "for" | "by" | "until" | "since" | "from" | "before" | "after" | "till"
    ) && !noun_follows
    {
        return Some(Dt {
            start: cx.start(i),
            end: e,
            next: n,
            day: Some(day),
            solid: true,
            ..Dt::default()
        });
    }
    None
}

/// Decades, centuries, quarters and halves, and periods of a month or year: "1990s",
/// "'90s", "the late 1970s", "mid-1996", "20th century", "third quarter", "Q1 2019",
/// "end of 1990", "early March", "fiscal 1989", "summer 2019".
fn period(cx: &Cx, i: usize) -> Option<Dt> {
    let low = cx.low(i);
    let raw = cx.raw(i);
    let mk = |end: usize, next: usize, iso: String| {
        Some(Dt {
            start: cx.start(i),
            end,
            next,
            solid: true,
            iso: Some(iso),
            ..Dt::default()
        })
    };
    // decades: 1990s, 1990's, 90s, '90s
    if cx.is_num(i) {
        let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
        let suf = &raw[digits..];
        let n: u32 = raw[..digits].parse().ok()?;
        if n % 10 == 0 && matches!(suf, "s" | "'s" | "’s") && (digits == 4 || digits == 2) {
            let decade = if digits == 2 { 1900 + n } else { n };
            let mut end = cx.end(i);
            let mut next = i + 1;
            if matches!(cx.low(i + 1), "'s" | "’s") {
                end = cx.end(i + 1);
                next += 1;
            }
            return mk(end, next, format!("{}", decade / 10));
        }
        if suf.is_empty() && matches!(cx.low(i + 1), "'s" | "’s") && n % 10 == 0 && digits == 4 {
            return mk(cx.end(i + 1), i + 2, format!("{}", n / 10));
        }
        // "3rd quarter", "4th quarter 2018"
        if cx.low(i + 1) == "quarter"
            && matches!(suf, "st" | "nd" | "rd" | "th")
            && (1..=4).contains(&n)
        {
            let mut end = cx.end(i + 1);
            let mut next = i + 2;
            let mut y = "XXXX".to_string();
            let k = if cx.low(next) == "of" { next + 1 } else { next };
            if let Some((yy, e, nn)) = year_value(cx, k) {
                y = yy.to_string();
                end = e;
                next = nn;
            }
            return mk(end, next, format!("{y}-Q{n}"));
        }
        // "18q4"
        if digits == 2
            && suf.len() == 2
            && suf.starts_with(['q', 'Q'])
            && (b'1'..=b'4').contains(&suf.as_bytes()[1])
        {
            return mk(cx.end(i), i + 1, format!("20{n:02}-Q{}", &suf[1..]));
        }
        // "20th century"
        if matches!(cx.low(i + 1), "century" | "centuries")
            && super::grammar::figure(cx, i).is_some_and(|f| f.ordinal)
        {
            return mk(cx.end(i + 1), i + 2, format!("{:02}", n.saturating_sub(1)));
        }
        // "2017 q1", "2019-H2"
        if digits == 4 && suf.is_empty() {
            let q = cx.low(i + 1);
            if q.len() == 2 && q.starts_with(['q', 'h']) && q.as_bytes()[1].is_ascii_digit() {
                return mk(cx.end(i + 1), i + 2, format!("{n}-{}", q.to_uppercase()));
            }
        }
        if digits == 4
            && (suf.eq_ignore_ascii_case("-h1")
                || suf.eq_ignore_ascii_case("-h2")
                || suf.len() == 3 && suf.to_ascii_lowercase().starts_with("-q"))
        {
            return mk(cx.end(i), i + 1, format!("{n}{}", suf.to_uppercase()));
        }
        // "18q4"
        return None;
    }
    if matches!(raw, "'" | "’") && cx.is_num(i + 1) && cx.tight(i + 1) {
        let r = cx.raw(i + 1);
        if r.len() == 3 && r.ends_with('s') && r.as_bytes()[1] == b'0' {
            return mk(cx.end(i + 1), i + 2, format!("19{}", &r[..1]));
        }
    }
    // Q1, Q3 2019
    if raw.len() == 2
        && (raw.starts_with('Q') || raw.starts_with('q') && cx.is_num(i + 1))
        && raw.as_bytes()[1].is_ascii_digit()
        && (b'1'..=b'4').contains(&raw.as_bytes()[1])
    {
        if let Some((y, e, n)) = year_value(cx, i + 1) {
            return mk(e, n, format!("{y}-Q{}", &raw[1..]));
        }
        return mk(cx.end(i), i + 1, format!("XXXX-Q{}", &raw[1..]));
    }
    // "mid-1996", "mid-November", "mid-1990s"
    if let Some(r) = low.strip_prefix("mid-") {
        if let Some(m) = lx::month(r) {
            let mut d = Dt {
                start: cx.start(i),
                end: cx.end(i),
                next: i + 1,
                month: Some(m),
                solid: true,
                ..Dt::default()
            };
            year_after(cx, &mut d);
            return Some(d);
        }
        if r.get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
            && matches!(r.get(4..), Some("" | "s"))
        {
            return mk(cx.end(i), i + 1, r[..4].to_string());
        }
        return None;
    }
    // "third-quarter", "fourth-quarter", "first-half"
    if let Some((a, b)) = low.split_once('-') {
        if matches!(b, "quarter" | "half") {
            if let Some(o) = lx::ordinal(a).filter(|o| *o <= 4) {
                return mk(
                    cx.end(i),
                    i + 1,
                    format!("XXXX-{}{o}", if b == "quarter" { "Q" } else { "H" }),
                );
            }
        }
        return None;
    }
    // "early March", "late 1990", "the late 1970s", "end of 1990", "beginning of March"
    if matches!(
        low,
        "early" | "late" | "mid" | "middle" | "end" | "beginning" | "start"
    ) {
        let mut k = i + 1;
        if cx.low(k) == "of" {
            k += 1;
        } else if matches!(low, "middle" | "end" | "beginning" | "start") {
            return None;
        }
        if cx.raw(k) == "-" && low == "mid" {
            k += 1;
        }
        let d = month_year_or_decade(cx, k)?;
        return Some(Dt {
            start: cx.start(i),
            ..d
        });
    }
    // "third quarter", "first half of 2019", "20th century", "the nineteenth century"
    if let Some(o) = lx::ordinal(low).or_else(|| {
        super::grammar::figure(cx, i)
            .filter(|f| f.ordinal)
            .map(|f| f.value as u32)
    }) {
        let unit = cx.low(i + 1);
        if matches!(unit, "quarter" | "half") && o <= 4 {
            let letter = if unit == "quarter" { "Q" } else { "H" };
            let mut end = cx.end(i + 1);
            let mut next = i + 2;
            let mut y = "XXXX".to_string();
            if cx.low(next) == "of" {
                if let Some((yy, e, n)) = year_value(cx, next + 1) {
                    y = yy.to_string();
                    end = e;
                    next = n;
                }
            }
            if unit == "half" && y == "XXXX" {
                return None;
            }
            if y == "XXXX"
                && matches!(cx.low(next), "this" | "next" | "last")
                && cx.low(next + 1) == "year"
            {
                end = cx.end(next + 1);
                next += 2;
            }
            return mk(end, next, format!("{y}-{letter}{o}"));
        }
        if matches!(unit, "century") {
            return mk(cx.end(i + 1), i + 2, format!("{:02}", o.saturating_sub(1)));
        }
        if matches!(unit, "week") && cx.low(i + 2) == "of" {
            if let Some(d) = month_year_or_decade(cx, i + 3) {
                return Some(Dt {
                    start: cx.start(i),
                    ..d
                });
            }
        }
        // "first tuesday of july"
        if lx::weekday(unit).is_some() && matches!(cx.low(i + 2), "of" | "in") {
            if let Some(d) = month_year_or_decade(cx, i + 3) {
                return Some(Dt {
                    start: cx.start(i),
                    ..d
                });
            }
        }
        return None;
    }
    // "fiscal 1989", "summer 2019", "spring of 2020"
    if matches!(
        low,
        "fiscal" | "fy" | "summer" | "spring" | "autumn" | "fall" | "winter"
    ) {
        let mut k = i + 1;
        if cx.low(k) == "of" || low == "fiscal" && cx.low(k) == "year" {
            k += 1;
        }
        let (y, e, n) = year_value(cx, k).or_else(|| {
            let f = figure(cx, k)?;
            (f.words && (1000.0..2200.0).contains(&f.value)).then_some((
                f.value as i64,
                f.end,
                f.next,
            ))
        })?;
        return Some(Dt {
            start: cx.start(i),
            end: e,
            next: n,
            year: Some(y),
            solid: true,
            ..Dt::default()
        });
    }
    None
}

fn month_year_or_decade(cx: &Cx, k: usize) -> Option<Dt> {
    if let Some(d) = period(cx, k).filter(|d| d.iso.as_deref().is_some_and(|s| s.len() == 3)) {
        return Some(d);
    }
    if let Some((y, e, n)) = year_value(cx, k) {
        return Some(Dt {
            start: cx.start(k),
            end: e,
            next: n,
            year: Some(y),
            solid: true,
            ..Dt::default()
        });
    }
    if cx.low(k) == "the" {
        return month_year_or_decade(cx, k + 1).map(|d| Dt {
            start: cx.start(k),
            ..d
        });
    }
    let m = month_at(cx, k)?;
    let mut d = Dt {
        start: cx.start(k),
        end: cx.end(k),
        next: k + 1,
        month: Some(m),
        solid: true,
        ..Dt::default()
    };
    year_after(cx, &mut d);
    Some(d)
}

/// A year after a month or a day and month: "June 2016", "Apr, 2001", "june of 1992",
/// "28 june in 2020", "January this year".
fn year_after(cx: &Cx, d: &mut Dt) {
    let j = d.next;
    let k = match cx.low(j) {
        "," | "of" | "in" | "/" => j + 1,
        "-" if cx.tight(j) => j + 1,
        _ => j,
    };
    if let Some((y, e, n)) = year_value(cx, k) {
        d.year = Some(y);
        d.end = e;
        d.next = n;
        if let Some((e2, n2)) = era(cx, n) {
            d.end = e2;
            d.next = n2;
        }
        return;
    }
    if k == j && matches!(cx.low(j), "last" | "this" | "next") && cx.low(j + 1) == "year" {
        d.end = cx.end(j + 1);
        d.next = j + 2;
    }
}

/// Month-and-day forms, numeric forms, and a month alone.
fn date_body(cx: &Cx, i: usize) -> Option<Dt> {
    if let Some(mut d) = numeric(cx, i) {
        if d.year.is_none() && d.day.is_some() && cx.raw(d.next) == "," {
            year_after(cx, &mut d);
        }
        return Some(d);
    }
    // "mar3", "mar4": a month abbreviation run into its day
    if cx.kind(i) == Some(TokenKind::Word) {
        let low = cx.low(i);
        let letters = low.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (m, dd) = low.split_at(letters);
        if (1..=2).contains(&dd.len()) && dd.bytes().all(|b| b.is_ascii_digit()) {
            if let (Some(m), Ok(d)) = (lx::month(m), dd.parse::<u32>()) {
                if (1..=31).contains(&d) {
                    let mut e = cx.end(i);
                    let mut n = i + 1;
                    if matches!(cx.low(n), "night" | "morning" | "afternoon" | "evening") {
                        e = cx.end(n);
                        n += 1;
                    }
                    return Some(Dt {
                        start: cx.start(i),
                        end: e,
                        next: n,
                        month: Some(m),
                        day: Some(d),
                        solid: true,
                        ..Dt::default()
                    });
                }
            }
        }
    }
    // a month first: "April 16", "April 16, 2025", "Oct. 2", "jan/1", "April the 16th",
    // "march first", "may twenty one", "June 2016", "March"
    if let Some(m) = month_at(cx, i) {
        let mut j = i + 1;
        if matches!(cx.raw(j), "/" | "." | "-") && cx.tight(j) {
            j += 1;
        }
        if cx.raw(j) == ","
            && cx.is_num(j + 1)
            && (cx.raw(j + 1).len() <= 2
                || cx.raw(j + 1).len() <= 4
                    && cx.raw(j + 1).ends_with(|c: char| c.is_ascii_alphabetic()))
        {
            j += 1; // "October, 1st"
        }
        let mut d = Dt {
            start: cx.start(i),
            end: cx.end(i),
            next: i + 1,
            month: Some(m),
            solid: true,
            ..Dt::default()
        };
        if let Some((a, b)) = day_pair(cx.raw(j)) {
            let mut d = Dt {
                end: cx.end(j),
                next: j + 1,
                day: Some(a),
                iso: Some(format!("XXXX-{m:02}-{a:02}/XXXX-{m:02}-{b:02}")),
                ..d
            };
            year_after(cx, &mut d);
            return Some(d);
        }
        let the = cx.low(j) == "the";
        let dj = if the { j + 1 } else { j };
        if year_value(cx, dj).is_none() {
            if let Some((day, e, n)) = day_value(cx, dj) {
                let words = !cx.is_num(dj);
                // "March first", "may twenty one", but not "in March one of ..."
                let ok = if words {
                    lx::ordinal(cx.low(n - 1)).is_some()
                        || the
                        || cx.low(dj) != "one" && cx.kind(n) != Some(TokenKind::Word)
                } else {
                    true
                };
                if ok && !(words && cx.low(dj) == "one") {
                    d.day = Some(day);
                    d.end = e;
                    d.next = n;
                }
            }
        }
        year_after(cx, &mut d);
        return Some(d);
    }
    // a day first: "16 April 2025", "4th of march", "fourth of may", "14april 2015"
    if cx.is_num(i) {
        let raw = cx.raw(i);
        let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
        let suf = raw[digits..].to_ascii_lowercase();
        if (1..=2).contains(&digits) {
            if let Some(m) = lx::month(&suf) {
                let day: u32 = raw[..digits].parse().ok()?;
                let mut d = Dt {
                    start: cx.start(i),
                    end: cx.end(i),
                    next: i + 1,
                    month: Some(m),
                    day: (1..=31).contains(&day).then_some(day),
                    solid: true,
                    ..Dt::default()
                };
                year_after(cx, &mut d);
                return Some(d);
            }
        }
    }
    let (day, _e, n) = day_value(cx, i)?;
    let mut k = n;
    if cx.raw(k) == "." && cx.tight(k) {
        k += 1; // "16. Nov. 2016"
    }
    if cx.low(k) == "of" {
        k += 1;
        // "20th of next month", "20th of the current month"
        let (a, b) = (cx.low(k), cx.low(k + 1));
        let rel = |w: &str| {
            matches!(
                w,
                "next" | "this" | "last" | "current" | "previous" | "following"
            )
        };
        if rel(a) && b == "month" {
            return Some(Dt {
                start: cx.start(i),
                end: cx.end(k + 1),
                next: k + 2,
                day: Some(day),
                solid: true,
                ..Dt::default()
            });
        }
        if a == "the" && rel(b) && cx.low(k + 2) == "month" {
            return Some(Dt {
                start: cx.start(i),
                end: cx.end(k + 2),
                next: k + 3,
                day: Some(day),
                solid: true,
                ..Dt::default()
            });
        }
    }
    let m = month_at(cx, k).or_else(|| {
        // a lowercase full month after a day is a month ("15 june", "fourth of may"),
        // but "may" right after one is the modal ("5 may be hurt", "one may say")
        let w = cx.low(k);
        lx::month(w).filter(|_| {
            let modal = w == "may" && !cx.capitalized(k) && cx.low(k.wrapping_sub(1)) != "of";
            lx::month_full(w) && !modal || cx.raw(k).ends_with('.')
        })
    })?;
    let mut d = Dt {
        start: cx.start(i),
        end: cx.end(k),
        next: k + 1,
        day: Some(day),
        month: Some(m),
        solid: true,
        ..Dt::default()
    };
    year_after(cx, &mut d);
    Some(d)
}

/// Dates written in one token of digits and separators: 2025-04-16, 4/16/2025,
/// 21/04/16, 13.5.2015, 2015-3, 3/2015, 4/22, 05-Aug-2016, 2019/aug/01, Sep-23-2020.
fn numeric(cx: &Cx, i: usize) -> Option<Dt> {
    // the tokenizer splits "2019/aug/01" and "23/Sep/2020": join a tight run back
    let mut last = i;
    while last < i + 4
        && cx.tight(last + 1)
        && matches!(cx.raw(last + 1), "/" | "-" | ".")
        && cx.tight(last + 2)
        && cx
            .raw(last + 2)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        last += 2;
    }
    while last > i {
        if let (Some(a), Some(b)) = (cx.toks.get(i), cx.toks.get(last)) {
            if let Some(joined) = cx.text.get(a.span.start..b.span.end) {
                if let Some(d) = numeric_str(cx, i, joined, last) {
                    return Some(d);
                }
            }
        }
        last -= 2;
    }
    numeric_str(cx, i, cx.raw(i), i)
}

fn numeric_str(cx: &Cx, i: usize, raw: &str, last: usize) -> Option<Dt> {
    if raw.len() > 24 {
        return None;
    }
    let first = raw.chars().next()?;
    if !first.is_ascii_alphanumeric() {
        return None;
    }
    let sep = raw.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    if raw
        .chars()
        .filter(|c| matches!(c, '/' | '-' | '.'))
        .any(|c| c != sep)
    {
        return None;
    }
    let parts: Vec<&str> = raw.split(sep).collect();
    if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let num = |p: &str| -> Option<u32> {
        (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let mon = |p: &str| -> Option<u32> {
        if let Some(n) = num(p).filter(|_| p.len() <= 2) {
            return (1..=12).contains(&n).then_some(n);
        }
        lx::month(&p.to_ascii_lowercase())
    };
    let dayv = |p: &str| num(p).filter(|d| (1..=31).contains(d) && p.len() <= 2);
    let yearv = |p: &str| -> Option<i64> {
        let n = num(p)?;
        match p.len() {
            4 if (1000..=2199).contains(&n) => Some(i64::from(n)),
            2 => Some(if n < 50 {
                2000 + i64::from(n)
            } else {
                1900 + i64::from(n)
            }),
            _ => None,
        }
    };
    let mk = |y: Option<i64>, m: Option<u32>, d: Option<u32>| {
        Some(Dt {
            start: cx.start(i),
            end: cx.end(last),
            next: last + 1,
            year: y,
            month: m,
            day: d,
            solid: true,
            ..Dt::default()
        })
    };
    let letters = parts
        .iter()
        .any(|p| p.bytes().any(|b| b.is_ascii_alphabetic()));
    if parts.len() == 3 {
        let (a, b, c) = (parts[0], parts[1], parts[2]);
        if a.len() == 4 {
            // Y-M-D, Y/Mon/D, 2020/23/Sep
            let y = yearv(a)?;
            if let (Some(m), Some(d)) = (mon(b), dayv(c)) {
                return mk(Some(y), Some(m), Some(d));
            }
            if let (Some(d), Some(m)) = (dayv(b), lx::month(&c.to_ascii_lowercase())) {
                return mk(Some(y), Some(m), Some(d));
            }
            return None;
        }
        // "September-2020-23"
        if let (Some(m), Some(y), Some(d)) = (
            lx::month(&a.to_ascii_lowercase()),
            yearv(b).filter(|_| b.len() == 4),
            dayv(c),
        ) {
            return mk(Some(y), Some(m), Some(d));
        }
        let y = yearv(c)?;
        if letters {
            if let (Some(d), Some(m)) = (dayv(a), lx::month(&b.to_ascii_lowercase())) {
                return mk(Some(y), Some(m), Some(d));
            }
            if let (Some(m), Some(d)) = (lx::month(&a.to_ascii_lowercase()), dayv(b)) {
                return mk(Some(y), Some(m), Some(d));
            }
            return None;
        }
        // dots are European (13.5.2015) unless the first part cannot be a day
        let (ma, db) = (mon(a), dayv(b));
        let (da, mb) = (dayv(a), mon(b));
        if sep == '.' && c.len() == 2 {
            return None; // "1.2.3"-like version strings and short dotted forms
        }
        return match (ma, db, da, mb) {
            (Some(m), Some(d), _, _) if sep != '.' || mb.is_none() => mk(Some(y), Some(m), Some(d)),
            (_, _, Some(d), Some(m)) => mk(Some(y), Some(m), Some(d)),
            (Some(m), Some(d), _, _) => mk(Some(y), Some(m), Some(d)),
            _ => None,
        };
    }
    let (a, b) = (parts[0], parts[1]);
    if letters {
        // "jan/1", "Oct/2", "Dec/2018", "jun-15"
        let m = lx::month(&a.to_ascii_lowercase())?;
        if let Some(y) = yearv(b).filter(|_| b.len() == 4) {
            return mk(Some(y), Some(m), None);
        }
        return mk(None, Some(m), Some(dayv(b)?));
    }
    // Y-M (2015-3, 2014/10), M/Y (3/2015)
    if a.len() == 4 {
        let y = yearv(a)?;
        let m = mon(b)?;
        if sep == '.' {
            return None;
        }
        // "2010-12" is a range of years more often than a month
        if sep == '-' && b.len() == 2 && i > 0 && matches!(cx.low(i - 1), "in" | "from" | "season")
        {
            return None;
        }
        return mk(Some(y), Some(m), None);
    }
    if b.len() == 4 && sep == '/' {
        let y = yearv(b)?;
        return mk(Some(y), Some(mon(a)?), None);
    }
    // M/D or D/M: 4/22, 22/04, 2/29; a fraction when it reads as one
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let an = num(a)?;
    let bn = num(b)?;
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    let date_ctx = matches!(
        prev,
        "on" | "by"
            | "until"
            | "from"
            | "since"
            | "before"
            | "after"
            | "due"
            | "dated"
            | "in"
            | "each"
            | "every"
    ) || weekday_at(cx, i.wrapping_sub(1)).is_some()
        || i >= 2 && weekday_at(cx, i - 2).is_some() && cx.raw(i - 1) == ",";
    match sep {
        '/' => {
            let fraction_like =
                an < bn && matches!(bn, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100);
            if fraction_like && !date_ctx {
                return None;
            }
            let unit_follows = lx::unit(cx.low(last + 1)).is_some()
                || lx::time_unit(cx.low(last + 1)).is_some()
                || cx.low(last + 1) == "of";
            if unit_follows {
                return None;
            }
        }
        '-' | '.' => {
            if !date_ctx {
                return None;
            }
        }
        _ => return None,
    }
    if (1..=12).contains(&an) && (1..=31).contains(&bn) {
        return mk(None, Some(an), Some(bn));
    }
    if (1..=12).contains(&bn) && (1..=31).contains(&an) {
        return mk(None, Some(bn), Some(an));
    }
    None
}

/// Relative dates with a figure: "two months ago", "in 5 minutes", "within 2 weeks",
/// "next 3 days", "past 20 years", "3 fridays from now", "7 days hence".
fn relative(cx: &Cx, i: usize) -> Option<Hit> {
    let w = cx.low(i);
    let mk = |start: usize, h: &Hit, end: usize, next: usize| Hit {
        start,
        end,
        next,
        ty: NumberType::Date,
        value: h.value.clone(),
    };
    if matches!(w, "in" | "within") {
        if w == "in" && !future_context(cx, i) {
            return None;
        }
        let h = duration_with_figure(cx, i + 1)?;
        if matches!(cx.low(h.next), "of" | "time") {
            return None;
        }
        return Some(mk(cx.start(i), &h, h.end, h.next));
    }
    if matches!(
        w,
        "next" | "last" | "past" | "previous" | "coming" | "upcoming" | "following"
    ) {
        let prev = if i > 0 { cx.low(i - 1) } else { "" };
        let verb = w == "last"
            && (prev.ends_with("n't")
                || prev.ends_with("n’t")
                || matches!(
                    prev,
                    "to" | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "not"
                        | "did"
                        | "does"
                        | "do"
                        | "it"
                        | "they"
                        | "which"
                        | "that"
                ));
        if verb {
            return None;
        }
        let h = duration_with_figure(cx, i + 1)?;
        return Some(mk(cx.start(i), &h, h.end, h.next));
    }
    let h = duration_with_figure(cx, i)?;
    let n = h.next;
    match (cx.low(n), cx.low(n + 1)) {
        ("ago", _) | ("hence", _) | ("back", _) if cx.low(n) != "back" || !cx.is_num(n + 1) => {
            Some(mk(h.start, &h, cx.end(n), n + 1))
        }
        ("from", "now") => Some(mk(h.start, &h, cx.end(n + 1), n + 2)),
        _ => None,
    }
}

/// A duration with a figure, for relative dates.
fn duration_with_figure(cx: &Cx, i: usize) -> Option<Hit> {
    let h = duration(cx, i).or_else(|| {
        // duration() leaves single-figure durations to amount(): read them here
        let f = figure(cx, i)?;
        if f.ordinal || f.vague {
            return None;
        }
        let rest = f.rest(cx);
        let (unit, end, next) = if rest.is_empty() {
            let w = cx.low(f.next);
            let u = lx::time_unit(w)
                .or_else(|| lx::weekday(w).filter(|_| w.ends_with('s')).map(|_| "week"))?;
            (u, cx.end(f.next), f.next + 1)
        } else {
            let r = rest.trim_start_matches('-').to_ascii_lowercase();
            (lx::time_unit(&r)?, cx.end(f.next - 1), f.next)
        };
        Some(Hit {
            start: f.start,
            end,
            next,
            ty: NumberType::Duration,
            value: NumberValue {
                value: Some(f.value),
                unit: Some(unit.to_string()),
                ..NumberValue::default()
            },
        })
    })?;
    (h.ty == NumberType::Duration).then_some(h)
}

/// Bare years and year-like numbers read as dates by the caller.
#[allow(dead_code)]
fn _year(cx: &Cx, i: usize) -> Option<i64> {
    let (v, n, plain) = literal(cx.raw(i));
    (plain && n == 4 && (1000.0..2100.0).contains(&v)).then_some(v as i64)
}

/// Weeks: "week 10", "the week of September 15th", "the week commencing February 4",
/// "w/c Feb 4", "the last week of July", "first week of 2019".
fn week(cx: &Cx, i: usize) -> Option<Dt> {
    let low = cx.low(i);
    let mk = |end: usize, next: usize| {
        Some(Dt {
            start: cx.start(i),
            end,
            next,
            solid: true,
            iso: Some("XXXX-WXX".into()),
            ..Dt::default()
        })
    };
    if low == "week" {
        let n = cx.low(i + 1);
        if cx.is_num(i + 1) && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) {
            return mk(cx.end(i + 1), i + 2);
        }
        let mut k = i + 1;
        match n {
            "of" | "commencing" | "beginning" => k += 1,
            "starting" => {
                k += 1;
                if cx.low(k) == "on" {
                    k += 1;
                }
            }
            _ => return None,
        }
        let d = date(cx, k).filter(|d| d.day.is_some() || d.month.is_some())?;
        return mk(d.end, d.next);
    }
    if low == "w" && cx.raw(i + 1) == "/" && cx.low(i + 2) == "c" && cx.tight(i + 1) {
        let d = date(cx, i + 3).filter(|d| d.day.is_some())?;
        return mk(d.end, d.next);
    }
    // "last week of july", "first week of 2019", "first friday of july", "second sunday"
    let ord = lx::ordinal(low).filter(|o| *o <= 5).is_some() || low == "last";
    if ord {
        let u = cx.low(i + 1);
        let is_wd = lx::weekday(u).is_some() && u.len() >= 6;
        if u == "week" || is_wd {
            if matches!(cx.low(i + 2), "of" | "in") {
                let k = i + 3;
                if let Some(d) = date(cx, k).filter(|d| d.month.is_some() || d.year.is_some()) {
                    return mk(d.end, d.next);
                }
                if matches!(cx.low(k), "this" | "next" | "last" | "the")
                    && matches!(cx.low(k + 1), "month" | "year")
                {
                    return mk(cx.end(k + 1), k + 2);
                }
                return None;
            }
            if is_wd && low != "last" {
                return mk(cx.end(i + 1), i + 2);
            }
        }
    }
    None
}

/// Holidays that a year may follow (`Christmas 2013`).
pub(super) const HOLIDAYS: &[&str] = &[
    "christmas",
    "xmas",
    "easter",
    "thanksgiving",
    "halloween",
    "ramadan",
    "diwali",
    "deepavali",
    "hanukkah",
    "chanukah",
    "hanukah",
    "hannukkah",
    "passover",
    "pentecost",
    "kwanzaa",
    "purim",
    "vesak",
    "navroz",
    "nowruz",
    "holi",
    "shavuot",
    "sukkot",
    "succos",
    "ugadi",
    "yugadi",
    "onam",
    "pongal",
    "baisakhi",
    "vaisakhi",
    "vaishakhi",
    "lohri",
    "dussehra",
    "navratri",
    "jayanti",
    "koningsdag",
    "hashanah",
    "hashana",
    "kippur",
    "eid",
    "al-fitr",
    "al-adha",
    "chaturthi",
    "panchami",
    "janmashtami",
    "shivaratri",
    "sankranti",
    "sankranthi",
    "chhath",
    "dhanteras",
    "phagwah",
    "diwas",
    "puja",
];
/// Words that may stand before a holiday (`Orthodox Easter`, `St Patrick's Day`).
pub(super) const HOLIDAY_LEADS: &[&str] = &[
    "orthodox",
    "chinese",
    "lunar",
    "new",
    "year's",
    "years",
    "black",
    "cyber",
    "good",
    "great",
    "clean",
    "white",
    "palm",
    "ash",
    "st",
    "st.",
    "saint",
    "independence",
    "memorial",
    "labor",
    "labour",
    "veterans",
    "presidents",
    "mother's",
    "father's",
    "valentine's",
    "boxing",
    "election",
    "inauguration",
    "armistice",
    "remembrance",
    "victory",
    "bastille",
    "australia",
    "canada",
    "patrick's",
    "boss's",
    "pancake",
    "king's",
    "queen's",
    "eve",
    "morning",
    "of",
];

static HOLIDAYS_SET: lx::WordSet = lx::WordSet::new(HOLIDAYS);
static HOLIDAY_LEADS_SET: lx::WordSet = lx::WordSet::new(HOLIDAY_LEADS);

/// A holiday with its year: "Christmas 2013", "thanksgiving day 2012", "Easter 2013",
/// "St Patrick's Day 2013", "Ramadan 1950", "black friday 2017".
fn holiday_year(cx: &Cx, i: usize) -> Option<Dt> {
    let mut k = i;
    let mut anchored = false;
    while k < i + 5 {
        let w = cx.low(k);
        let is_holiday = HOLIDAYS_SET.contains(w);
        let is_day = matches!(w, "day" | "eve") && k > i;
        let is_wd = lx::weekday(w).is_some() && w.len() >= 6 && k > i;
        if is_holiday || is_day || is_wd {
            anchored = true;
            k += 1;
            continue;
        }
        if HOLIDAY_LEADS_SET.contains(w) && !(k == i && w == "of") {
            k += 1;
            continue;
        }
        break;
    }
    if !anchored || k == i {
        return None;
    }
    let y_at = if cx.low(k) == "in" { k + 1 } else { k };
    let (y, e, n) = year_value(cx, y_at)?;
    Some(Dt {
        start: cx.start(i),
        end: e,
        next: n,
        year: Some(y),
        solid: true,
        ..Dt::default()
    })
}

/// Words between a determiner and `quarter` in a quarter of the business year.
pub(super) const QUARTER_MODIFIERS: &[&str] = &[
    "latest",
    "last",
    "first",
    "second",
    "third",
    "fourth",
    "current",
    "same",
    "previous",
    "prior",
    "comparable",
    "fiscal",
    "recent",
    "final",
    "calendar",
    "most",
    "just",
    "ended",
    "year's",
];

/// True for a word that may stand between a determiner and `quarter` ("the latest
/// fiscal quarter", "the year-ago quarter", "the September-ended quarter").
pub(super) fn quarter_modifier(w: &str) -> bool {
    QUARTER_MODIFIERS.contains(&w)
        || w.contains("year")
        || w.ends_with("-ended")
        || w.starts_with("fiscal-")
}

/// A quarter of the business year named with a determiner: "the quarter", "the latest
/// quarter", "the year-ago quarter", "that quarter" (financial news), but not "a
/// quarter" (a fraction) or "the quarter of the vote".
fn fiscal_quarter(cx: &Cx, i: usize) -> Option<Dt> {
    if !matches!(cx.low(i), "the" | "that" | "this" | "every" | "each") {
        return None;
    }
    let mut k = i + 1;
    while k < i + 4 {
        let w = cx.low(k);
        let modifier = quarter_modifier(w);
        if !modifier {
            break;
        }
        k += 1;
    }
    if cx.low(k) != "quarter" {
        return None;
    }
    let after = cx.low(k + 1);
    let mut end = cx.end(k);
    let mut next = k + 1;
    if after == "of" {
        let (_, e, n) = year_value(cx, k + 2)?;
        end = e;
        next = n;
    } else if matches!(after, "this" | "last" | "next") && cx.low(k + 2) == "year" {
        end = cx.end(k + 2);
        next = k + 3;
    } else if cx.raw(k + 1) == "-"
        || matches!(
            after,
            "century" | "mile" | "final" | "finals" | "hour" | "inch" | "note"
        )
    {
        return None;
    }
    Some(Dt {
        start: cx.start(i),
        end,
        next,
        solid: true,
        iso: Some("XXXX-QX".into()),
        ..Dt::default()
    })
}

/// True when the clause before token `i` looks ahead ("will reopen in 5 years", "I'll
/// be back in 5 minutes", "schedule a meeting in 10 hours"), so that "in" + a duration
/// is a date; otherwise ("won in 33 minutes") it is a length of time.
fn future_context(cx: &Cx, i: usize) -> bool {
    let mut k = i;
    while k > 0 && k + 10 > i {
        if cx.initial(k) && k != i {
            break;
        }
        k -= 1;
        let w = cx.low(k);
        if matches!(
            w,
            "will"
                | "'ll"
                | "’ll"
                | "shall"
                | "going"
                | "gonna"
                | "would"
                | "'d"
                | "’d"
                | "be"
                | "back"
                | "schedule"
                | "plan"
                | "plans"
                | "expected"
                | "expects"
                | "due"
                | "return"
                | "reopen"
                | "start"
                | "begin"
                | "arrive"
                | "leave"
                | "meet"
                | "again"
                | "set"
                | "ready"
                | "until"
                | "expire"
                | "expires"
                | "closes"
                | "opens"
                | "ends"
        ) {
            return true;
        }
        if cx.initial(k) {
            break;
        }
    }
    // "In two years, ..." at the start of a sentence
    cx.initial(i)
}
