//! Segmentation: paragraphs, sentences and tokens, as byte ranges of the text.
//!
//! The first stage of the pipeline. Everything later works on the [`Document`] built
//! here, so segmentation decides once what a word, a sentence and a paragraph are.
//!
//! - A **paragraph** is a run of text between line breaks (`\n`, `\r\n`, `\r`, U+2028,
//!   U+2029); blank lines are not paragraphs. Leading and trailing white space is
//!   trimmed from each.
//! - A **sentence** never crosses a paragraph. It ends after `.`, `!`, `?`, `…` (or
//!   `。！？؟`), with any closing quotes and brackets, before white space and something
//!   that can start a sentence (a capital or uncased letter, a digit, an opening quote):
//!   `“It’s over.” He left.` is two sentences, `“Is it?” she asked.` one. A period that
//!   belongs to a title (`Mr.`, `Dr.`, `Gen.`) or to `No. 5` never ends one; after any
//!   other abbreviation or an initial (`U.S.`, `Inc.`, `Jan.`, `J.`) it ends one only
//!   before a word that usually starts a sentence: `in the U.S. The next day` is two,
//!   `the U.S. Army` and `J. R. R. Tolkien` are not split. Decimals (`2.5`) are tokens.
//! - A **token** is a word (letters and digits, with inner apostrophes, hyphens and
//!   periods of abbreviations), a number (digits with inner `,` `.` `:` `/`), or a single
//!   other character that is not white space. A possessive `'s`/`’s` is its own token.
//!   Zero-width characters separate nothing: they are skipped between tokens, and soft
//!   hyphens, joiners and direction marks inside a word stay part of it.
//!
//! Everything is one forward pass: the cost is linear in the length of the text.

use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter: `Sheinbaum`, `U.S.`, `fentanyl-producing`, `’s`.
    Word,
    /// Starts with a digit: `2025`, `1,000.5`, `3:30`, `21st`.
    Number,
    /// One punctuation mark or symbol: `“`, `,`, `$`, `%`.
    Punct,
}

/// One token: where it is and what it is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is (bytes).
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
}

/// A segmented text: the input of every recognizer.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Paragraphs in order (bytes).
    pub paragraphs: Vec<Span>,
    /// Sentences in order (bytes); each lies inside one paragraph.
    pub sentences: Vec<Span>,
    /// Tokens in order (bytes).
    pub tokens: Vec<Token>,
    /// Web addresses in order, disjoint (bytes): no stage reads figures or names in them.
    pub urls: Vec<Span>,
}

impl<'a> Document<'a> {
    /// Segments `text`.
    pub fn new(text: &'a str) -> Document<'a> {
        let paragraphs = paragraphs(text);
        let mut tokens = tokens(text);
        // the largest table of a long document, held through every stage: no spare
        // capacity (a short one keeps its few spare slots, not worth a reallocation)
        if tokens.capacity() - tokens.len() > 1024 {
            tokens.shrink_to_fit();
        }
        let sentences = sentences(text, &paragraphs, &tokens);
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            urls: crate::web::addresses(text),
        }
    }

    /// The text of a span.
    #[inline]
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text(&self, i: usize) -> &'a str {
        self.slice(self.tokens[i].span)
    }

    /// Index of the first token that starts at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Index of the sentence holding byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences
            .get(i)
            .is_some_and(|s| s.start <= pos)
            .then_some(i)
    }

    /// Index of the paragraph holding byte `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.end <= pos);
        self.paragraphs
            .get(i)
            .is_some_and(|s| s.start <= pos)
            .then_some(i)
    }

    /// The range of token indices lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }
}

/// The line breaks (what the byte scan of `paragraphs` finds).
#[cfg(test)]
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}'
    )
}

/// Zero-width and formatting characters that never separate or make up words.
pub fn is_invisible(c: char) -> bool {
    if c.is_ascii() {
        return false; // none is: most characters are turned away by one comparison
    }
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || ('\u{200E}'..='\u{200F}').contains(&c)
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// True for characters that separate tokens.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{202F}' || c == '\u{2007}'
}

fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |a: usize, b: usize| {
        let s = &text[a..b];
        let trimmed = s.trim_start_matches(|c: char| is_space(c) || is_invisible(c));
        let lead = s.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(|c: char| is_space(c) || is_invisible(c));
        if !trimmed.is_empty() {
            out.push(Span::new(a + lead, a + lead + trimmed.len()));
        }
    };
    // bytes, not chars: every line break is one of these byte sequences (a lead byte
    // starts each), and everything else is skipped a byte at a time
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // eight bytes at a time past printable ASCII, which holds no line break
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            if plain_ascii(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let width = match b {
            b'\n' | b'\r' | 0x0B | 0x0C => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2, // U+0085
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3 // U+2028, U+2029
            }
            _ => 0,
        };
        if width > 0 {
            push(start, i);
            start = i + width;
            i += width;
        } else {
            i += 1;
        }
    }
    push(start, text.len());
    out
}

/// True when each of the eight bytes of `x` is ASCII from 0x0E on: none is a line break
/// or starts one (all are 0x0A to 0x0D, or lead bytes from 0xC2 on).
#[inline]
fn plain_ascii(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // a byte below 0x0E borrows into its top bit (a borrow may also flag the byte above
    // it, which only sends that chunk to the byte-by-byte test)
    (x | x.wrapping_sub(ONES * 0x0E)) & (ONES * 0x80) == 0
}

/// `ALNUM[b]`: the byte `b` is an ASCII letter or digit (one load instead of three range
/// tests, in the loop that reads most of the text's bytes).
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (dashes, curly quotes, spaces, joiners) holds no letter or
    // digit: a quick no for the commonest non-ASCII characters of news text
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents written as separate code points) belong to their word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The char starting at byte `i`, if `i` is a char boundary inside the text.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// The char ending at byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Byte offset after the char starting at `i` (or `i` at the end).
#[inline]
fn after(text: &str, i: usize) -> usize {
    i + char_at(text, i).map_or(0, char::len_utf8)
}

// Works on byte offsets directly (no `Vec<char>`): memory stays proportional to the
// number of tokens, not of characters.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if is_space(c) || is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            let mut j = after(text, i);
            let bytes = text.as_bytes();
            loop {
                // the common case first: a run of ASCII letters and digits
                j += bytes.get(j..).map_or(0, |rest| {
                    rest.iter().take_while(|&&b| ALNUM[usize::from(b)]).count()
                });
                match char_at(text, j) {
                    // ASCII other than the joiners below ends the word (the run above took
                    // the letters and digits; no ASCII character is invisible)
                    Some(d)
                        if d.is_ascii()
                            && !matches!(d, '-' | '.' | ',' | ':' | '/' | '\'' | '&') =>
                    {
                        break
                    }
                    Some(d) if is_word_char(d) => j += d.len_utf8(),
                    // soft hyphens, joiners and direction marks inside a word: news\u{AD}paper
                    Some(d)
                        if is_invisible(d)
                            && !matches!(d, '\u{200B}' | '\u{FEFF}')
                            && char_at(text, j + d.len_utf8()).is_some_and(is_word_char) =>
                    {
                        j += d.len_utf8()
                    }
                    // inner joiners: don't, Coca-Cola, 1,000.5, 3:30, 4/16/2025, U.S.
                    Some(d)
                        if matches!(d, '-' | '‐' | '.' | ',' | ':' | '/' | '\'' | '’' | '&') =>
                    {
                        let k = j + d.len_utf8();
                        let next = char_at(text, k);
                        let joins = match d {
                            '-' | '‐' | '\'' | '’' => next.is_some_and(is_word_char),
                            '&' => {
                                // AT&T, S&P: capitals on both sides
                                !numeric
                                    && char_before(text, j).is_some_and(char::is_uppercase)
                                    && next.is_some_and(char::is_uppercase)
                            }
                            '.' => {
                                next.is_some_and(char::is_alphanumeric)
                                    && (numeric == next.is_some_and(|p| p.is_ascii_digit()))
                            }
                            _ => numeric && next.is_some_and(|p| p.is_ascii_digit()),
                        };
                        if !joins {
                            break;
                        }
                        // possessive 's stays a token of its own
                        if is_apostrophe(d)
                            && matches!(next, Some('s' | 'S'))
                            && !char_at(text, k + 1).is_some_and(is_word_char)
                        {
                            break;
                        }
                        j = after(text, k);
                    }
                    _ => break,
                }
            }
            // an abbreviation keeps its final period: U.S., J., Mr., Jan., No. 5
            if !numeric && char_at(text, j) == Some('.') {
                let keep = match abbreviation(&text[start..j]) {
                    Some(Abbr::NumberPrefix) => next_is_digit(text, j + 1),
                    Some(_) => true,
                    None => false,
                };
                // the scale of a temperature is no initial: "40°C." ends a sentence
                let scale = matches!(&text[start..j], "C" | "F")
                    && matches!(char_before(text, start), Some('°' | 'º'));
                if keep && !scale {
                    j += 1;
                }
            }
            out.push(Token {
                span: Span::new(start, j),
                kind: if numeric {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
            i = j;
        } else if is_apostrophe(c)
            && matches!(char_at(text, i + c.len_utf8()), Some('s' | 'S'))
            && !char_at(text, i + c.len_utf8() + 1).is_some_and(is_word_char)
            && char_before(text, i).is_some_and(is_word_char)
        {
            let end = i + c.len_utf8() + 1;
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Word,
            });
            i = end;
        } else {
            let end = after(text, i);
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Punct,
            });
            i = end;
        }
    }
    out
}

/// True when a digit follows byte `i` after at most a few spaces (`No. 5`).
fn next_is_digit(text: &str, i: usize) -> bool {
    let rest = text.get(i..).unwrap_or("");
    rest.chars()
        .take(4)
        .find(|&c| !is_space(c))
        .is_some_and(|c| c.is_ascii_digit())
}

/// What a word followed by a period is, when the period may not end the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// A title before a name (`Mr.`, `Dr.`, `Gen.`): never ends a sentence.
    Title,
    /// Stands before a figure (`No. 5`, `Vol. 2`): an abbreviation only then.
    NumberPrefix,
    /// A single letter (`J.` of `J. R. R. Tolkien`).
    Initial,
    /// Any other (`U.S.`, `Inc.`, `Jan.`, `etc.`, `a.m.`): ends a sentence only when a
    /// word that usually starts one follows.
    Other,
}

/// The class of a lowercase ASCII word in the lists of titles (`mr`), number prefixes
/// (`no`) and other abbreviations (`inc`), one `match` instead of a scan of each list.
fn listed_abbreviation(lower: &[u8]) -> Option<Abbr> {
    match lower {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mmes" | b"dr" | b"prof" | b"sen" | b"sens"
        | b"rep" | b"reps" | b"gov" | b"govs" | b"gen" | b"gens" | b"col" | b"lt" | b"sgt"
        | b"capt" | b"cmdr" | b"cdr" | b"adm" | b"maj" | b"brig" | b"cpl" | b"pvt" | b"rev"
        | b"fr" | b"hon" | b"pres" | b"supt" | b"atty" | b"insp" | b"det" | b"amb" => {
            Some(Abbr::Title)
        }
        b"no" | b"nos" | b"vol" | b"vols" | b"pp" | b"art" | b"fig" | b"ch" | b"sec" => {
            Some(Abbr::NumberPrefix)
        }
        b"st" | b"sr" | b"jr" | b"mt" | b"ft" | b"vs" | b"etc" | b"inc" | b"ltd" | b"co"
        | b"corp" | b"llc" | b"plc" | b"bros" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun"
        | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" | b"approx" | b"dept"
        | b"est" | b"ave" | b"blvd" | b"rd" | b"hwy" | b"univ" | b"assn" | b"govt" | b"intl"
        | b"natl" | b"ariz" | b"calif" | b"colo" | b"conn" | b"fla" | b"mich" | b"minn"
        | b"okla" | b"tenn" | b"tex" | b"wis" | b"wyo" | b"neb" | b"nev" | b"mont" => {
            Some(Abbr::Other)
        }
        _ => None,
    }
}

/// Classifies `word` (without its final period), or `None` when its period is a full stop.
fn abbreviation(word: &str) -> Option<Abbr> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        return first.is_alphabetic().then_some(Abbr::Initial);
    }
    if word.contains('.') {
        return Some(Abbr::Other); // U.S, a.m, e.g, U.S.A
    }
    if word.len() > 8 {
        return None;
    }
    // the lists are ASCII: an ASCII word is lowercased into a buffer; any other (say
    // with a Kelvin sign, which lowercases to `k`) is lowercased first as a string
    let lowered;
    let lower = if word.is_ascii() {
        word
    } else {
        lowered = word.to_lowercase();
        lowered.as_str()
    };
    let mut buf = [0u8; 8];
    let dst = buf.get_mut(..lower.len())?;
    dst.copy_from_slice(lower.as_bytes());
    dst.make_ascii_lowercase();
    listed_abbreviation(dst)
}

/// Words that commonly start a sentence: after `U.S.` or an initial, one of these
/// means the period was also a full stop (`… in the U.S. The next day …`).
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Still",
    "Then",
    "Now",
    "In",
    "On",
    "At",
    "For",
    "With",
    "From",
    "By",
    "To",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Although",
    "Though",
    "Because",
    "Since",
    "Meanwhile",
    "However",
    "Also",
    "Some",
    "Many",
    "Most",
    "Several",
    "Both",
    "All",
    "No",
    "Not",
    "Other",
    "Another",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Officials",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "According",
    "During",
    "Despite",
    "Under",
    "Over",
    "One",
    "Two",
    "Three",
    "Each",
    "Every",
    "Few",
    "More",
    "Instead",
    "Even",
    "Only",
];

fn is_sentence_end_mark(s: &str) -> bool {
    matches!(
        s,
        "." | "!" | "?" | "…" | "‼" | "⁇" | "؟" | "。" | "！" | "？"
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '“' | '」' | '』'
    )
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '«' | '‹' | '„' | '(' | '[' | '¿' | '¡' | '「' | '『'
    )
}

fn sentences(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut t = 0;
    for &para in paragraphs {
        while t < tokens.len() && tokens[t].span.start < para.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= para.end {
            t += 1;
        }
        let toks = &tokens[first..t];
        let mut start = para.start;
        let mut k = 0;
        while k < toks.len() {
            let tok = toks[k];
            // only a punctuation token can be a full stop, only a word can end in the
            // period of an abbreviation: most tokens are passed over unsliced
            let candidate = match tok.kind {
                TokenKind::Punct => true,
                TokenKind::Word => text.as_bytes().get(tok.span.end.wrapping_sub(1)) == Some(&b'.'),
                TokenKind::Number => false,
            };
            if !candidate {
                k += 1;
                continue;
            }
            let s = &text[tok.span.range()];
            // a full stop, or a period that may belong to an abbreviation (weak)
            let weak = match s {
                _ if is_sentence_end_mark(s) => false,
                _ if tok.kind == TokenKind::Word && s.ends_with('.') => {
                    match abbreviation(&s[..s.len() - 1]) {
                        Some(Abbr::Title | Abbr::NumberPrefix) => {
                            k += 1;
                            continue;
                        }
                        Some(Abbr::Initial | Abbr::Other) => true,
                        None => false,
                    }
                }
                _ => {
                    k += 1;
                    continue;
                }
            };
            // take closing quotes and brackets, and repeated marks (?!, ...)
            let mut e = k + 1;
            while e < toks.len() {
                let x = &text[toks[e].span.range()];
                let c = x.chars().next().unwrap_or(' ');
                let adjacent = toks[e].span.start == toks[e - 1].span.end;
                if adjacent && (is_closing(c) || is_sentence_end_mark(x)) {
                    e += 1;
                } else {
                    break;
                }
            }
            let end = toks[e - 1].span.end;
            let next = toks.get(e);
            let breaks = match next {
                None => true,
                Some(n) => {
                    let gap = !text[end..n.span.start].is_empty();
                    let ns = &text[n.span.range()];
                    let c = ns.chars().next().unwrap_or(' ');
                    // CJK full stops need no space after them
                    let cjk = matches!(s, "。" | "！" | "？");
                    if weak {
                        gap && (SENTENCE_STARTERS.contains(&ns.trim_end_matches('.'))
                            || is_opening(c))
                    } else {
                        (gap || cjk)
                            && ((c.is_alphabetic() && !c.is_lowercase())
                                || c.is_ascii_digit()
                                || is_opening(c)
                                || cjk)
                    }
                }
            };
            if breaks {
                out.push(Span::new(start, end));
                start = next.map_or(para.end, |n| n.span.start);
            }
            k = e;
        }
        if start < para.end {
            out.push(Span::new(start, para.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        Document::new(text)
            .tokens
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        Document::new(text)
            .sentences
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_numbers_and_possessives() {
        assert_eq!(
            toks("U.S. President Trump's $1,000.50 at 3:30 p.m."),
            [
                "U.S.",
                "President",
                "Trump",
                "'s",
                "$",
                "1,000.50",
                "at",
                "3:30",
                "p.m."
            ]
        );
        assert_eq!(
            toks("Mexico’s fentanyl-producing AT&T"),
            ["Mexico", "’s", "fentanyl-producing", "AT&T"]
        );
    }

    #[test]
    fn sentences_survive_abbreviations_and_quotes() {
        assert_eq!(
            sents("Mr. J. R. Smith paid $2.5 million. He left. “It’s over.” She said."),
            [
                "Mr. J. R. Smith paid $2.5 million.",
                "He left.",
                "“It’s over.”",
                "She said."
            ]
        );
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_a_sentence_starter() {
        assert_eq!(
            sents("He moved to the U.S. The move was hard. The U.S. Army said so."),
            [
                "He moved to the U.S.",
                "The move was hard.",
                "The U.S. Army said so."
            ]
        );
        assert_eq!(
            sents("So do I. He left. J. R. R. Tolkien wrote it. Plan B. Then go."),
            [
                "So do I.",
                "He left.",
                "J. R. R. Tolkien wrote it.",
                "Plan B.",
                "Then go."
            ]
        );
        assert_eq!(
            sents("Meet at 3 p.m. The doors open at 2 p.m. sharp. Dr. Who met Gov. Li."),
            [
                "Meet at 3 p.m.",
                "The doors open at 2 p.m. sharp.",
                "Dr. Who met Gov. Li."
            ]
        );
        assert_eq!(
            sents("No. 5 won. He said no. Then left on Jan. 5 in St. Louis. In Jan. The end."),
            [
                "No. 5 won.",
                "He said no.",
                "Then left on Jan. 5 in St. Louis.",
                "In Jan.",
                "The end."
            ]
        );
        // the scale after a degree sign is no initial
        assert_eq!(
            sents("It hit 40°C. Crews rested. It hit 104ºF. Schools shut."),
            [
                "It hit 40°C.",
                "Crews rested.",
                "It hit 104ºF.",
                "Schools shut."
            ]
        );
        assert_eq!(
            toks("No. 5, said no."),
            ["No.", "5", ",", "said", "no", "."]
        );
    }

    #[test]
    fn decimals_ellipses_and_quotes() {
        assert_eq!(
            sents("It cost $2.5 million. Prices rose 3.7%. He paused... Then spoke. Or paused… and spoke."),
            [
                "It cost $2.5 million.",
                "Prices rose 3.7%.",
                "He paused...",
                "Then spoke.",
                "Or paused… and spoke."
            ]
        );
        assert_eq!(
            sents("“It’s over.” He left. “It’s over,” he said. “Is it?” she asked. (Yes.) No!"),
            [
                "“It’s over.”",
                "He left.",
                "“It’s over,” he said.",
                "“Is it?” she asked.",
                "(Yes.)",
                "No!"
            ]
        );
    }

    #[test]
    fn unicode_text() {
        assert_eq!(
            sents("שלום עולם. מה נשמע? مرحبا. كيف حالك؟ جيد."),
            ["שלום עולם.", "מה נשמע?", "مرحبا.", "كيف حالك؟", "جيد."]
        );
        assert_eq!(
            sents("今日は晴れ。明日は雨。"),
            ["今日は晴れ。", "明日は雨。"]
        );
        assert_eq!(
            sents("He left.\u{A0}She stayed. Great 🎉. Next one."),
            ["He left.", "She stayed.", "Great 🎉.", "Next one."]
        );
        assert_eq!(
            toks("\u{FEFF}Jane\u{200B} Doe’s 👩‍👩‍👧 Zürich e\u{301} news\u{AD}paper"),
            [
                "Jane",
                "Doe",
                "’s",
                "👩",
                "\u{200D}",
                "👩",
                "\u{200D}",
                "👧",
                "Zürich",
                "e\u{301}",
                "news\u{AD}paper"
            ]
            .into_iter()
            .filter(|t| *t != "\u{200D}")
            .collect::<Vec<_>>()
        );
        let d = Document::new("One.\r\nTwo. Three.\u{2029}Four");
        assert_eq!(d.sentences.len(), 4);
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(4), None); // the line break
        assert_eq!(d.sentence_at(d.text.find("Three").unwrap()), Some(2));
        assert_eq!(d.paragraph_at(d.text.find("Three").unwrap()), Some(1));
        assert_eq!(d.paragraph_at(d.text.len()), None);
    }

    #[test]
    fn hostile_shapes_stay_linear_and_in_bounds() {
        let long = format!("A{}. B", "a".repeat(300_000));
        let d = Document::new(&long);
        assert_eq!(d.tokens.len(), 3);
        assert_eq!(d.sentences.len(), 2);
        let dots = ". ".repeat(100_000);
        let d = Document::new(&dots);
        assert_eq!(d.tokens.len(), 100_000);
        let initials = "J. ".repeat(100_000);
        let d = Document::new(&initials);
        assert_eq!(d.sentences.len(), 1);
    }

    #[test]
    fn fast_paths_agree_with_the_char_classes() {
        // is_word_char's quick no for General Punctuation
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!(c.is_alphanumeric() || is_mark(c)), "{c:?}");
        }
        for c in (0..0x80u8).map(char::from) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            assert!(!is_invisible(c), "{c:?}");
        }
        for b in 0..=255u8 {
            assert_eq!(ALNUM[usize::from(b)], b.is_ascii_alphanumeric(), "{b:#x}");
        }
        // the byte scan of paragraphs finds exactly the line breaks
        let all: String = ('\u{0}'..='\u{3000}').collect();
        let d = Document::new(&all);
        let want = all.split(is_line_break).filter(|p| {
            !p.trim_matches(|c: char| is_space(c) || is_invisible(c))
                .is_empty()
        });
        assert_eq!(d.paragraphs.len(), want.count());
        assert_eq!(abbreviation("GOV"), Some(Abbr::Title));
        assert_eq!(abbreviation("\u{212A}y"), None);
    }

    #[test]
    fn plain_ascii_turns_away_every_byte_outside_0x0e_to_0x7f() {
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"abcdefgh";
                w[at] = v;
                let want = (0x0E..0x80).contains(&v);
                assert_eq!(plain_ascii(u64::from_le_bytes(w)), want, "{v:#x} at {at}");
            }
        }
    }

    #[test]
    fn paragraphs_split_on_line_breaks() {
        let d = Document::new("One.\r\n\r\n  Two.\nThree");
        let p: Vec<_> = d.paragraphs.iter().map(|s| &d.text[s.range()]).collect();
        assert_eq!(p, ["One.", "Two.", "Three"]);
    }
}
