//! Quote marks: which characters open and close quotations, and how they pair.
//!
//! One left-to-right pass per paragraph with a stack of open marks. A mark's role comes
//! from its shape (`“` opens, `”` closes) or, for the ambiguous straight marks and the
//! right single quote, from what flanks it: a mark with space before and a letter after
//! opens, one with a letter before and space after closes, one between letters is an
//! apostrophe (`Trump’s`), and a leading one before digits or an elided word is an
//! apostrophe too (`the ’90s`, `rock ’n’ roll`).
//!
//! A closer pairs with the nearest open mark that accepts it; marks opened above that
//! one were never closed and are dropped. Whatever is still open at the end of a
//! paragraph is dropped as well, except the outermost quote when the next paragraph
//! opens with a mark of the same family: that is a quotation running across paragraphs
//! (the opening mark repeated at each new paragraph), reported as one piece a
//! paragraph. So an unbalanced mark never reaches past its paragraph, and every mark is
//! pushed and popped at most once: the pass is linear.

use crate::scan::bytes_equal;
use crate::segment::Document;
use crate::span::Span;

/// Which family of marks a quotation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `“…”`, `"…"`, `„…“`.
    Double,
    /// `‘…’`, `'…'`, `‚…‘`.
    Single,
    /// `«…»` (or `»…«`).
    Guillemet,
    /// `‹…›` (or `›…‹`).
    SingleGuillemet,
}

/// A quotation found by its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to the end of the closing mark (or of the paragraph, for a
    /// piece of a quotation that runs on into the next paragraph).
    pub span: Span,
    /// The words between the marks.
    pub inner: Span,
    /// The family of the marks.
    pub family: Family,
    /// Index of the paragraph it lies in.
    pub para: usize,
    /// True when this piece continues a quotation opened in an earlier paragraph.
    pub continued: bool,
    /// True when the quotation runs on into the next paragraph.
    pub runs_on: bool,
}

/// Closing characters a stack entry may accept, as bits.
const C_RDQ: u16 = 1; // ”
const C_STRAIGHT2: u16 = 2; // "
const C_LDQ: u16 = 4; // “
const C_RSQ: u16 = 8; // ’
const C_STRAIGHT1: u16 = 16; // '
const C_LSQ: u16 = 32; // ‘
const C_RAQUO: u16 = 64; // »
const C_LAQUO: u16 = 128; // «
const C_RSAQUO: u16 = 256; // ›
const C_LSAQUO: u16 = 512; // ‹
const N_CLOSERS: usize = 10;

fn closer_bit(c: char) -> u16 {
    match c {
        '”' => C_RDQ,
        '"' => C_STRAIGHT2,
        '“' => C_LDQ,
        '’' => C_RSQ,
        '\'' => C_STRAIGHT1,
        '‘' => C_LSQ,
        '»' => C_RAQUO,
        '«' => C_LAQUO,
        '›' => C_RSAQUO,
        '‹' => C_LSAQUO,
        _ => 0,
    }
}

/// True for every character that can be a quote mark.
pub fn is_mark(c: char) -> bool {
    closer_bit(c) != 0 || c == '„' || c == '‚'
}

#[derive(Clone, Copy)]
struct Open {
    at: usize,
    len: usize,
    family: Family,
    accepts: u16,
    continued: bool,
}

/// The stack of open marks, with a count per closing character so that a closer with
/// no acceptable opener costs nothing.
#[derive(Default)]
struct Stack {
    items: Vec<Open>,
    counts: [u32; N_CLOSERS],
}

/// How deep quotations may nest. Real text nests three deep at most; past this the oldest
/// opener is forgotten, so that every character lies inside a bounded number of quotations
/// and the work done per quotation (its words counted, its kind decided) stays linear in the
/// text: 50 KB of unmatched mixed marks took seconds before.
const MAX_DEPTH: usize = 16;

impl Stack {
    fn push(&mut self, o: Open) {
        if self.items.len() >= MAX_DEPTH {
            let oldest = self.items.remove(0);
            self.uncount(oldest);
        }
        for (i, n) in self.counts.iter_mut().enumerate() {
            if o.accepts & (1 << i) != 0 {
                *n += 1;
            }
        }
        self.items.push(o);
    }

    fn uncount(&mut self, o: Open) {
        for (i, n) in self.counts.iter_mut().enumerate() {
            if o.accepts & (1 << i) != 0 {
                *n = n.saturating_sub(1);
            }
        }
    }

    fn pop(&mut self) -> Option<Open> {
        let o = self.items.pop()?;
        self.uncount(o);
        Some(o)
    }

    fn accepts(&self, c: char) -> bool {
        let bit = closer_bit(c);
        bit != 0 && self.counts[bit.trailing_zeros() as usize] > 0
    }

    /// Pops up to and including the nearest opener accepting `c`.
    fn close(&mut self, c: char) -> Option<Open> {
        if !self.accepts(c) {
            return None;
        }
        let bit = closer_bit(c);
        while let Some(o) = self.pop() {
            if o.accepts & bit != 0 {
                return Some(o);
            }
        }
        None
    }

    fn clear(&mut self) {
        self.items.clear();
        self.counts = [0; N_CLOSERS];
    }
}

/// Space, start of text, or punctuation that may stand before an opening mark.
fn opens_before(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            crate::segment::is_space(c)
                || matches!(c, '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | ':' | ';')
                || (is_mark(c) && !matches!(c, '”' | '’' | '»' | '›'))
        }
    }
}

/// Space, end of text, or punctuation that may follow a closing mark.
fn closes_after(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            crate::segment::is_space(c)
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '…'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                )
                || is_mark(c)
        }
    }
}

/// Words written with a leading apostrophe: `’n’`, `’em`, `’til`, `’tis`, `’cause`.
fn is_elision(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "n" | "em"
            | "til"
            | "till"
            | "tis"
            | "twas"
            | "cause"
            | "bout"
            | "nuff"
            | "round"
            | "s"
            | "ol"
            | "er"
            | "im"
            | "cos"
            | "coz"
    )
}

/// The double mark two equal single marks stand for (`''` → `"`, `‘‘` → `“`, `’’` → `”`).
fn doubled(c: char, next: Option<char>) -> Option<char> {
    if next != Some(c) {
        return None;
    }
    match c {
        '\'' => Some('"'),
        '‘' => Some('“'),
        '’' => Some('”'),
        _ => None,
    }
}

/// True when the mark at byte `i` of `text` follows a height's feet and inches
/// (`5’2`, `6'2`): a digit, an apostrophe, a digit.
fn is_inch(text: &str, i: usize) -> bool {
    let mut before = text.get(..i).unwrap_or("").chars().rev();
    matches!(
        (before.next(), before.next(), before.next()),
        (Some(a), Some('’' | '\''), Some(b)) if a.is_ascii_digit() && b.is_ascii_digit()
    )
}

/// The word starting at byte `i` of `text` (letters only).
fn word_at(text: &str, i: usize) -> &str {
    let rest = text.get(i..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(j, _)| j);
    &rest[..end]
}

/// True for a byte that may open a quote mark: `"`, `'`, or the lead byte of one outside
/// ASCII (`«»` start with 0xC2, the others with 0xE2).
fn is_lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// The offset of the first byte of `bytes` from `from` on that may open a quote mark.
/// Eight bytes are tested at a time (most text holds no mark): a word whose bytes are
/// none of the four is skipped whole.
fn next_lead(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for c in &mut chunks {
        let Ok(a) = <[u8; 8]>::try_from(c) else { break };
        let w = u64::from_le_bytes(a);
        if bytes_equal(w, b'"')
            | bytes_equal(w, b'\'')
            | bytes_equal(w, 0xC2)
            | bytes_equal(w, 0xE2)
            != 0
        {
            if let Some(k) = c.iter().position(|&b| is_lead(b)) {
                return Some(at + k);
            }
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| is_lead(b))
        .map(|k| at + k)
}

/// Byte offset in `text` of its last single mark shaped like a closer (`’` or `'` after
/// a non-space and before space, punctuation or the end), if any.
fn last_closing_single(text: &str) -> Option<usize> {
    let mut end = text.len();
    loop {
        // (`’` is E2 80 99: found by its last byte, then checked whole)
        let j = text
            .as_bytes()
            .get(..end)?
            .iter()
            .rposition(|&b| b == b'\'' || b == 0x99)?;
        end = j;
        let start = if text.as_bytes()[j] == b'\'' {
            j
        } else if j >= 2 && text.get(j - 2..=j) == Some("’") {
            j - 2
        } else {
            continue;
        };
        end = start;
        let after = start + if start == j { 1 } else { 3 };
        let prev = text.get(..start).and_then(|t| t.chars().next_back());
        let next = text.get(after..).and_then(|t| t.chars().next());
        if prev.is_some_and(|p| !crate::segment::is_space(p))
            && closes_after(next)
            && !next.is_some_and(char::is_alphanumeric)
        {
            return Some(start);
        }
    }
}

/// Finds every quotation of `doc`, in order of their opening marks.
pub fn find(doc: &Document) -> Vec<Quoted> {
    let mut out: Vec<Quoted> = Vec::new();
    let mut stack = Stack::default();
    // the family of a quotation left open at the end of the previous paragraph
    let mut carried: Option<(Family, u16)> = None;
    for (pi, &para) in doc.paragraphs.iter().enumerate() {
        let text = doc.slice(para);
        let bytes = text.as_bytes();
        // the last closing-shaped single mark of the paragraph, found when first needed
        let mut last_single_closer: Option<Option<usize>> = None;
        // the last `”` and `"` of the paragraph, found when first needed
        let mut last_double: [Option<Option<usize>>; 2] = [None, None];
        stack.clear();
        let mut from = 0;
        // each mark is found by its first byte (`"`, `'`, or the lead byte of a mark
        // outside ASCII: «» start with 0xC2, the others with 0xE2), and only then decoded
        while let Some(i) = next_lead(bytes, from) {
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            from = i + c.len_utf8();
            if !is_mark(c) {
                continue;
            }
            let prev = text.get(..i).and_then(|t| t.chars().next_back());
            let mut next = text.get(from..).and_then(|t| t.chars().next());
            // two single marks written for a double one: ''…'' (as some wires do), ‘‘…’’
            let mut c = c;
            let mut len = c.len_utf8();
            if let Some(d) = doubled(c, next) {
                len = 2 * c.len_utf8();
                c = d;
                from = i + len;
                next = text.get(from..).and_then(|t| t.chars().next());
            }
            let left = opens_before(prev);
            let right = closes_after(next);
            let between_letters =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            let at = para.start + i;
            let continued = i == 0 && carried.is_some();
            let open = |family: Family, accepts: u16, stack: &mut Stack| {
                let continued = continued
                    && carried.is_some_and(|(f, _)| f == family)
                    && stack.items.is_empty();
                stack.push(Open {
                    at,
                    len,
                    family,
                    accepts,
                    continued,
                });
            };
            let mut closed: Option<Open> = None;
            // the inch mark of a height (`5’2”`, `6'2"`) inside an open quotation, with a
            // closer of its shape still to come in the paragraph, closes nothing
            if matches!(c, '”' | '"') && len == c.len_utf8() && is_inch(text, i) {
                let k = usize::from(c == '"');
                if last_double[k]
                    .get_or_insert_with(|| text.rfind(c))
                    .is_some_and(|l| l > i)
                {
                    continue;
                }
            }
            match c {
                '“' => {
                    // closes a low-9 opening („…“) when shaped like a closer
                    if right && !left && (stack.accepts('“') || stack.accepts('”')) {
                        // „…“, or a closing mark typed the wrong way: “…,“
                        closed = stack.close(if stack.accepts('“') { '“' } else { '”' });
                    } else if !between_letters || left {
                        open(Family::Double, C_RDQ | C_STRAIGHT2, &mut stack);
                    }
                }
                '„' => open(Family::Double, C_LDQ | C_RDQ | C_STRAIGHT2, &mut stack),
                '”' => {
                    if stack.accepts('”') {
                        // even when shaped like an opener: something waits for it
                        closed = stack.close('”');
                    } else if left && !right {
                        open(Family::Double, C_RDQ | C_STRAIGHT2, &mut stack);
                    }
                }
                // an attribute value in markup (author="…") is no quotation
                '"' if prev == Some('=') => {}
                '"' => {
                    if left && !right {
                        open(Family::Double, C_STRAIGHT2 | C_RDQ, &mut stack);
                    } else if stack.accepts('"') {
                        closed = stack.close('"');
                    } else if !left && !right && !between_letters {
                        open(Family::Double, C_STRAIGHT2 | C_RDQ, &mut stack);
                    }
                }
                '‘' => {
                    let digit_next = next.is_some_and(|n| n.is_ascii_digit());
                    if between_letters || digit_next {
                        // an apostrophe typed the wrong way: ‘90s
                    } else if !left && right && stack.accepts('‘') {
                        closed = stack.close('‘');
                    } else if !is_elision(word_at(text, i + len)) || !left {
                        open(Family::Single, C_RSQ | C_STRAIGHT1, &mut stack);
                    }
                }
                '‚' if left && next.is_some_and(char::is_alphanumeric) => {
                    open(Family::Single, C_LSQ | C_RSQ, &mut stack);
                }
                '’' | '\'' => {
                    if between_letters {
                        // Trump’s, don’t
                    } else if left && !right {
                        let digit_next = next.is_some_and(|n| n.is_ascii_digit());
                        if !digit_next && !is_elision(word_at(text, i + len)) {
                            open(Family::Single, C_RSQ | C_STRAIGHT1, &mut stack);
                        }
                    } else if (right || !left) && stack.accepts(c) {
                        // a plural possessive (the voters’ anger) inside an open single
                        // quotation, with a closer still to come, is an apostrophe
                        let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                            && next.is_some_and(|n| n == ' ')
                            && text
                                .get(from + 1..)
                                .and_then(|t| t.chars().next())
                                .is_some_and(char::is_lowercase)
                            && last_single_closer
                                .get_or_insert_with(|| last_closing_single(text))
                                .is_some_and(|l| l > i);
                        if !possessive {
                            closed = stack.close(c);
                        }
                    }
                }
                '«' => {
                    if stack.accepts('«') && !left {
                        closed = stack.close('«');
                    } else {
                        open(Family::Guillemet, C_RAQUO, &mut stack);
                    }
                }
                '»' => {
                    if stack.accepts('»') {
                        closed = stack.close('»');
                    } else if left && !right {
                        open(Family::Guillemet, C_LAQUO, &mut stack);
                    }
                }
                '‹' => {
                    if stack.accepts('‹') && !left {
                        closed = stack.close('‹');
                    } else {
                        open(Family::SingleGuillemet, C_RSAQUO, &mut stack);
                    }
                }
                '›' => {
                    if stack.accepts('›') {
                        closed = stack.close('›');
                    } else if left && !right {
                        open(Family::SingleGuillemet, C_LSAQUO, &mut stack);
                    }
                }
                _ => {}
            }
            if let Some(o) = closed {
                let inner = Span::new(o.at + o.len, at);
                // “n” between marks of one letter or less is no quotation (rock ’n’ roll)
                // (a letter or digit is enough: no count of them all)
                if o.family == Family::Double || doc.slice(inner).chars().any(char::is_alphanumeric)
                {
                    out.push(Quoted {
                        span: Span::new(o.at, at + len),
                        inner,
                        family: o.family,
                        para: pi,
                        continued: o.continued,
                        runs_on: false,
                    });
                }
            }
        }
        // the outermost quotation still open runs on when the next paragraph reopens it
        carried = None;
        if let Some(o) = stack.items.first().copied() {
            let next_first = doc
                .paragraphs
                .get(pi + 1)
                .and_then(|p| doc.slice(*p).chars().next());
            let next_second = doc
                .paragraphs
                .get(pi + 1)
                .and_then(|p| doc.slice(*p).chars().nth(1));
            // a straight opener is repeated straight, a typographic one typographic: a
            // paragraph opening with the other shape starts a quotation of its own
            // (`"…¶“Here he is,” she said.`: a block quotation pasted in straight marks
            // into a text that quotes in curly ones)
            let straight = doc
                .text
                .get(o.at..)
                .is_some_and(|t| t.starts_with(['"', '\'']));
            let reopens = next_first.is_some_and(|n| match o.family {
                Family::Double if straight => {
                    n == '"' || n == '\'' && doubled(n, next_second).is_some()
                }
                Family::Double => {
                    matches!(n, '“' | '„') || doubled(n, next_second).is_some_and(|_| n != '\'')
                }
                Family::Single => matches!(n, '‘' | '\'' | '’' | '‚'),
                Family::Guillemet => matches!(n, '«' | '»'),
                Family::SingleGuillemet => matches!(n, '‹' | '›'),
            });
            if reopens || o.continued {
                out.push(Quoted {
                    span: Span::new(o.at, para.end),
                    inner: Span::new(o.at + o.len, para.end),
                    family: o.family,
                    para: pi,
                    continued: o.continued,
                    runs_on: reopens,
                });
                if reopens {
                    carried = Some((o.family, o.accepts));
                }
            }
        }
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        find(&doc).iter().map(|q| &text[q.span]).collect()
    }

    #[test]
    fn curly_and_straight_double_marks() {
        assert_eq!(
            quoted("“Yes,” she said. \"No,\" he said."),
            ["“Yes,”", "\"No,\""]
        );
    }

    #[test]
    fn an_inch_mark_closes_only_when_no_closer_follows() {
        assert_eq!(
            quoted("“He is 6’2” and fast,” she said. \"It is 5'2\" high,\" he said."),
            ["“He is 6’2” and fast,”", "\"It is 5'2\" high,\""]
        );
        assert_eq!(quoted("“He is 6’2”, she said."), ["“He is 6’2”"]);
    }

    #[test]
    fn a_quotation_runs_on_only_into_a_paragraph_opening_with_its_own_shape() {
        assert_eq!(quoted("\"One.\n“Two,” she said."), ["“Two,”"]);
        assert_eq!(quoted("“One.\n\"Two,\" she said."), ["\"Two,\""]);
        assert_eq!(quoted("\"One.\n\"Two.\""), ["\"One.", "\"Two.\""]);
        assert_eq!(quoted("“One.\n“Two.”"), ["“One.", "“Two.”"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("In the ’90s, rock ’n’ roll and Trump’s voters’ views mattered."),
            Vec::<&str>::new()
        );
        assert_eq!(quoted("It was ‘90s music."), Vec::<&str>::new());
    }

    #[test]
    fn a_plural_possessive_inside_single_marks_waits_for_a_later_closer() {
        // a closer still to come: the possessive is an apostrophe
        assert_eq!(
            quoted("He said ‘the voters’ anger is real’ today."),
            ["‘the voters’ anger is real’"]
        );
        assert_eq!(
            quoted("He said 'the voters' anger is real' today."),
            ["'the voters' anger is real'"]
        );
        // none to come: it closes the quotation
        assert_eq!(
            quoted("He said ‘the voters’ anger was real."),
            ["‘the voters’"]
        );
        assert_eq!(
            last_closing_single("a ‘b’ c’d e’s"),
            Some("a ‘b".len()),
            "the last closer-shaped mark, not one between letters"
        );
        assert_eq!(last_closing_single("rock ’n roll’s ’"), None);
        assert_eq!(last_closing_single("\u{99}x’ y"), Some("\u{99}x".len()));
    }

    #[test]
    fn lead_bytes_are_found_eight_at_a_time_as_one_by_one() {
        let text = "ab \"c\" d’e «f» g\u{a0}h—i 'j' klmnopqrstuvwxyz0123456789 ‚k‘ ‹l›.";
        let b = text.as_bytes();
        for from in 0..=b.len() + 1 {
            let one_by_one = b
                .get(from..)
                .and_then(|r| r.iter().position(|&c| is_lead(c)))
                .map(|k| from + k);
            assert_eq!(next_lead(b, from), one_by_one, "from {from}");
        }
    }

    #[test]
    fn single_quotes_nest_in_double() {
        assert_eq!(
            quoted("“They told me ‘go home’ again,” he said."),
            ["“They told me ‘go home’ again,”", "‘go home’"]
        );
    }

    #[test]
    fn doubled_single_marks_are_double_marks() {
        assert_eq!(
            quoted("''We won,'' he said of ''Meet the Press.'' ‘‘Yes,’’ she said."),
            ["''We won,''", "''Meet the Press.''", "‘‘Yes,’’"]
        );
        let text = "''First part.\n''Last part,'' she said.";
        assert_eq!(quoted(text), ["''First part.", "''Last part,''"]);
    }

    #[test]
    fn guillemets_and_low_marks() {
        assert_eq!(
            quoted("Il a dit « non » et „ja“ und ‚nein‘ und ‹ oui ›."),
            ["« non »", "„ja“", "‚nein‘", "‹ oui ›"]
        );
    }

    #[test]
    fn unclosed_marks_stay_in_their_paragraph() {
        assert_eq!(
            quoted("He said “yes and left.\nShe said “no,” then."),
            ["“no,”"]
        );
    }

    #[test]
    fn quotations_run_across_paragraphs() {
        let text = "“First part.\n“Second part.\n“Last part,” she said.";
        assert_eq!(
            quoted(text),
            ["“First part.", "“Second part.", "“Last part,”"]
        );
        let doc = Document::new(text);
        let q = find(&doc);
        assert!(q[0].runs_on && !q[0].continued);
        assert!(q[1].runs_on && q[1].continued);
        assert!(!q[2].runs_on && q[2].continued);
    }

    #[test]
    fn many_marks_are_linear_and_safe() {
        let text = "“".repeat(30_000);
        assert!(quoted(&text).is_empty());
        let text = "\"a\" ".repeat(25_000);
        assert_eq!(quoted(&text).len(), 25_000);
        let text = "”’'\"«»‹›„‚".repeat(5_000);
        let _ = quoted(&text);
    }

    #[test]
    fn nesting_is_bounded() {
        // a thousand quotations nested in one another: only the innermost MAX_DEPTH are
        // kept, so no character is inside more than MAX_DEPTH quotations
        let text = format!("{}{}", "«x ".repeat(1_000), "x» ".repeat(1_000));
        let found = quoted(&text);
        assert_eq!(found.len(), MAX_DEPTH);
        assert!(found.iter().all(|q| q.chars().count() < 100));
        // three deep, as real text nests, is kept whole
        let text = "«a ‹b “c ‘d’ e” f› g»";
        assert_eq!(
            quoted(text),
            [
                "«a ‹b “c ‘d’ e” f› g»",
                "‹b “c ‘d’ e” f›",
                "“c ‘d’ e”",
                "‘d’"
            ]
        );
    }
}
