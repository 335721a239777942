//! The inline notation: annotations written into the text, readable by a person.
//!
//! ```text
//! [direct{Jane Doe} “We paid [money $5 million],”] said [person Jane Doe].
//! ```
//!
//! - `[TYPE text]` marks a span; `TYPE` is a type name (`person`, `direct`, `money`, …,
//!   see [`Label::type_str`]), followed by exactly one space, then the marked text.
//! - A quote may carry its speaker's resolved name in braces right after the type:
//!   `[direct{Claudia Sheinbaum} “…”]`.
//! - Spans nest; they never cross.
//! - A literal `[`, `]`, `{`, `}` or `\` of the text is written `\[`, `\]`, `\{`, `\}`,
//!   `\\` (in the text and in speaker names).
//!
//! [`inline`] writes it, [`parse_inline`] reads it back; the two are inverse for every
//! [`Annotations`] that [`crate::resolve`] can produce.

use super::Event;
use crate::span::{Annotations, Kind, Label, Span};
use std::fmt;

/// Writes `text` with the spans of `found` whose kind is in `kinds` marked in the
/// inline notation (see the [module docs](self)).
///
/// Spans that are empty, out of bounds, off `char` boundaries or crossing an earlier
/// span are left out, so any input renders without panicking.
///
/// ```
/// use newsmark::{render, Kind};
/// let text = "“We won,” said Jane Doe.";
/// let found = newsmark::annotate(text);
/// let marked = render::inline(text, &found, &[Kind::Name]);
/// assert_eq!(render::parse_inline(&marked).unwrap().text, text);
/// ```
pub fn inline(text: &str, found: &Annotations, kinds: &[Kind]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * found.spans.len());
    super::events(text, found, kinds, |e| match e {
        Event::Open(a) => {
            out.push('[');
            out.push_str(a.label.type_str());
            if let Some(sp) = a.speaker.as_ref().filter(|s| !s.name.is_empty()) {
                out.push('{');
                escape_into(&mut out, &sp.name);
                out.push('}');
            }
            out.push(' ');
        }
        Event::Text(t) => escape_into(&mut out, t),
        Event::Close(_) => out.push(']'),
    });
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        if matches!(c, '[' | ']' | '{' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// One span read from the inline notation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Where it is in [`Parsed::text`] (bytes).
    pub span: Span,
    /// Its kind and type.
    pub label: Label,
    /// The speaker's name written in braces after a quote's type, if any.
    pub speaker: Option<String>,
}

/// The inline notation read back: the plain text and its marks.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The text with the notation stripped: the input to annotate.
    pub text: String,
    /// The marks, in order of their opening bracket (start ascending, outer first).
    pub marks: Vec<Marked>,
}

/// Why a string is not valid inline notation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the notation where the problem was found.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Reads the inline notation (see the [module docs](self)): strips it to the plain text
/// and returns the marks with their byte spans in that text.
pub fn parse_inline(notation: &str) -> Result<Parsed, ParseError> {
    let err = |offset: usize, message: String| ParseError { offset, message };
    let mut text = String::with_capacity(notation.len());
    let mut marks: Vec<Marked> = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new(); // (index in marks, notation offset)
    let mut chars = notation.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, e @ ('[' | ']' | '{' | '}' | '\\'))) => text.push(e),
                Some((_, e)) => return Err(err(i, format!("unknown escape `\\{e}`"))),
                None => return Err(err(i, "a lone `\\` ends the text".into())),
            },
            '[' => {
                let mut name = String::new();
                while let Some(&(_, d)) = chars.peek() {
                    if d == ' ' || d == '{' || d == ']' || d == '[' {
                        break;
                    }
                    name.push(d);
                    chars.next();
                }
                let label = Label::from_type_str(&name).ok_or_else(|| {
                    err(
                        i,
                        format!("unknown type `{name}` after `[` (write a literal `[` as `\\[`)"),
                    )
                })?;
                let mut speaker = None;
                if chars.peek().is_some_and(|&(_, d)| d == '{') {
                    chars.next();
                    if label.kind() != Kind::Quote {
                        return Err(err(i, format!("a `{name}` cannot have a speaker")));
                    }
                    let mut s = String::new();
                    loop {
                        match chars.next() {
                            Some((_, '}')) => break,
                            Some((j, '\\')) => match chars.next() {
                                Some((_, e @ ('[' | ']' | '{' | '}' | '\\'))) => s.push(e),
                                _ => return Err(err(j, "bad escape in a speaker".into())),
                            },
                            Some((j, d @ ('[' | ']' | '{'))) => {
                                return Err(err(j, format!("unescaped `{d}` in a speaker")))
                            }
                            Some((_, d)) => s.push(d),
                            None => return Err(err(i, "unclosed `{` of a speaker".into())),
                        }
                    }
                    speaker = Some(s);
                }
                match chars.next() {
                    Some((_, ' ')) => {}
                    _ => {
                        return Err(err(
                            i,
                            format!("`[{name}` must be followed by one space, then the text"),
                        ))
                    }
                }
                open.push((marks.len(), i));
                marks.push(Marked {
                    span: Span::new(text.len(), text.len()),
                    label,
                    speaker,
                });
            }
            ']' => match open.pop() {
                Some((m, _)) => marks[m].span.end = text.len(),
                None => return Err(err(i, "`]` closes nothing (write `\\]`)".into())),
            },
            '{' | '}' => {
                return Err(err(
                    i,
                    format!("unescaped `{c}` outside a speaker (write `\\{c}`)"),
                ))
            }
            _ => text.push(c),
        }
    }
    if let Some(&(_, at)) = open.last() {
        return Err(err(at, "`[` is never closed".into()));
    }
    Ok(Parsed { text, marks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Annotation, NameType, NumberType, QuoteType, Speaker};

    fn ann(spans: Vec<Annotation>) -> Annotations {
        Annotations {
            spans,
            entities: Vec::new(),
        }
    }

    #[test]
    fn nests_escapes_and_names_speakers() {
        let text = "“We paid $5 [sic],” said Jane Doe.";
        let q = text.find('”').unwrap() + '”'.len_utf8();
        let mut quote = Annotation::new(0..q, Label::Quote(QuoteType::Direct));
        quote.speaker = Some(Speaker {
            mention: None,
            name: "Jane {J} Doe".into(),
            entity: None,
        });
        let money = Annotation::new(
            text.find('$').unwrap()..text.find(" [").unwrap(),
            Label::Number(NumberType::Money),
        );
        let name = Annotation::new(
            text.find("Jane").unwrap()..text.len() - 1,
            Label::Name(NameType::Person),
        );
        let found = ann(vec![name, money, quote]);
        let all = inline(text, &found, &Kind::ALL);
        assert_eq!(
            all,
            "[direct{Jane \\{J\\} Doe} “We paid [money $5] \\[sic\\],”] said [person Jane Doe]."
        );
        assert_eq!(
            inline(text, &found, &[Kind::Number]),
            "“We paid [money $5] \\[sic\\],” said Jane Doe."
        );
        let back = parse_inline(&all).unwrap();
        assert_eq!(back.text, text);
        let spans: Vec<_> = back.marks.iter().map(|m| (m.span, m.label)).collect();
        let mut want: Vec<_> = found.spans.iter().map(|a| (a.span, a.label)).collect();
        want.sort_by_key(|(s, _)| s.start);
        assert_eq!(spans, want);
        assert_eq!(back.marks[0].speaker.as_deref(), Some("Jane {J} Doe"));
    }

    #[test]
    fn same_extent_and_adjacent_spans() {
        let text = "AB";
        let found = ann(vec![
            Annotation::new(0..2, Label::Quote(QuoteType::Scare)),
            Annotation::new(0..2, Label::Name(NameType::Other)),
            Annotation::new(0..1, Label::Number(NumberType::Cardinal)),
            Annotation::new(1..2, Label::Number(NumberType::Cardinal)),
        ]);
        let s = inline(text, &found, &Kind::ALL);
        assert_eq!(s, "[scare [other [cardinal A][cardinal B]]]");
        assert_eq!(parse_inline(&s).unwrap().marks.len(), 4);
    }

    #[test]
    fn bad_spans_are_skipped_not_panicking() {
        let text = "é abc";
        let found = ann(vec![
            Annotation::new(0..1, Label::Name(NameType::Place)), // inside é
            Annotation::new(3..9, Label::Name(NameType::Place)), // past the end
            Annotation::new(3..5, Label::Name(NameType::Place)),
            Annotation::new(4..6, Label::Name(NameType::Place)), // crosses 3..5
        ]);
        assert_eq!(inline(text, &found, &Kind::ALL), "é [place ab]c");
    }

    #[test]
    fn parse_errors_say_where() {
        for bad in [
            "[nope x]",
            "[person]",
            "a ] b",
            "[person x",
            "{",
            "x \\q",
            "[person{Bob} x]",
            "[direct{Bob x]",
            "\\",
        ] {
            assert!(parse_inline(bad).is_err(), "{bad} should not parse");
        }
        let e = parse_inline("ok [nope x]").unwrap_err();
        assert_eq!(e.offset, 3);
        assert!(e.to_string().contains("nope"));
    }
}
