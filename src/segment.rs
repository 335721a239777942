//! Segmentation: paragraphs, sentences and tokens, as byte ranges of the text.
//!
//! The first stage of the pipeline. Everything later works on the [`Document`] built
//! here, so segmentation decides once what a word, a sentence and a paragraph are.
//!
//! - A **paragraph** is a run of text between line breaks (`\n`, `\r\n`, `\r`, U+2028,
//!   U+2029); blank lines are not paragraphs. Leading and trailing white space is
//!   trimmed from each.
//! - A **sentence** never crosses a paragraph. It ends after `.`, `!`, `?` or `…`
//!   (with any closing quotes and brackets) followed by white space and something that
//!   can start a sentence, unless the period belongs to an abbreviation, an initial or
//!   a number.
//! - A **token** is a word (letters and digits, with inner apostrophes, hyphens and
//!   periods of abbreviations), a number (digits with inner `,` `.` `:` `/`), or a single
//!   other character that is not white space. A possessive `'s`/`’s` is its own token.

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
}

impl<'a> Document<'a> {
    /// Segments `text`.
    pub fn new(text: &'a str) -> Document<'a> {
        let paragraphs = paragraphs(text);
        let tokens = tokens(text);
        let sentences = sentences(text, &paragraphs, &tokens);
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
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

    /// The range of token indices lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}'
    )
}

/// Zero-width and formatting characters that never separate or make up words.
pub fn is_invisible(c: char) -> bool {
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
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    out
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents written as separate code points) belong to their word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(text.len(), |&(p, _)| p);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if is_space(c) || is_invisible(c) {
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(d) if is_word_char(d) => j += 1,
                    // inner joiners: don't, Coca-Cola, 1,000.5, 3:30, 4/16/2025, U.S.
                    Some(d)
                        if matches!(d, '-' | '‐' | '.' | ',' | ':' | '/' | '\'' | '’' | '&') =>
                    {
                        let next = at(j + 1);
                        let joins = match d {
                            '-' | '‐' | '\'' | '’' => next.is_some_and(is_word_char),
                            '&' => {
                                // AT&T, S&P: capitals on both sides
                                !numeric
                                    && at(j - 1).is_some_and(|p| p.is_uppercase())
                                    && next.is_some_and(|p| p.is_uppercase())
                            }
                            '.' => {
                                next.is_some_and(|p| p.is_alphanumeric())
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
                            && !at(j + 2).is_some_and(is_word_char)
                        {
                            break;
                        }
                        j += 2;
                    }
                    _ => break,
                }
            }
            // an abbreviation keeps its final period when it already holds one (U.S.)
            // or is a single letter (J.)
            if at(j) == Some('.') {
                let word = &text[pos(start)..pos(j)];
                let single = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
                if !numeric && (single || word.contains('.') || is_abbreviation(word)) {
                    j += 1;
                }
            }
            out.push(Token {
                span: Span::new(pos(start), pos(j)),
                kind: if numeric {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
            i = j;
        } else if is_apostrophe(c)
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(is_word_char)
            && i > 0
            && is_word_char(chars[i - 1].1)
        {
            out.push(Token {
                span: Span::new(pos(i), pos(i + 2)),
                kind: TokenKind::Word,
            });
            i += 2;
        } else {
            out.push(Token {
                span: Span::new(pos(i), pos(i + 1)),
                kind: TokenKind::Punct,
            });
            i += 1;
        }
    }
    out
}

/// Words whose final period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "rev", "st", "sr", "jr", "mt", "ft", "no", "nos", "vs", "etc", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "dept", "est", "fig", "pres", "gov", "supt", "atty", "ave", "blvd",
    "rd", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true; // an initial
    }
    let lower = w.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '“'
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
            let s = &text[tok.span.range()];
            let ends = match s {
                "." | "!" | "?" | "…" => true,
                _ if tok.kind == TokenKind::Word && s.ends_with('.') => !is_abbreviation(s),
                _ => false,
            };
            if !ends {
                k += 1;
                continue;
            }
            // take closing quotes and brackets, and repeated marks (?!, ...)
            let mut e = k + 1;
            while e < toks.len() {
                let x = &text[toks[e].span.range()];
                let c = x.chars().next().unwrap_or(' ');
                let adjacent = toks[e].span.start == toks[e - 1].span.end;
                if adjacent && (is_closing(c) || matches!(x, "." | "!" | "?" | "…")) {
                    e += 1;
                } else {
                    break;
                }
            }
            let end = toks[e - 1].span.end;
            // a sentence ends only before white space and a plausible start
            let next = toks.get(e);
            let breaks = match next {
                None => true,
                Some(n) => {
                    let gap = &text[end..n.span.start];
                    let ns = &text[n.span.range()];
                    let c = ns.chars().next().unwrap_or(' ');
                    !gap.is_empty()
                        && (c.is_uppercase()
                            || c.is_ascii_digit()
                            || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '['))
                        // a period after a digit-less abbreviation mid-name: "Mr. Smith"
                        && !(s != "." && is_abbreviation(s))
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
    fn paragraphs_split_on_line_breaks() {
        let d = Document::new("One.\r\n\r\n  Two.\nThree");
        let p: Vec<_> = d.paragraphs.iter().map(|s| &d.text[s.range()]).collect();
        assert_eq!(p, ["One.", "Two.", "Three"]);
    }
}
