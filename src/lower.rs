//! The lowercase forms of a document's tokens, for the stages that read words in
//! lowercase (numbers, quotes): the text lowercased as ASCII in one pass, where a token's
//! form is its own span, and after it the forms of the few tokens whose characters
//! outside ASCII lowercasing changes.

use crate::scan::next_non_ascii;
use crate::segment::Document;
use crate::span::Span;

/// The lowercase forms of a document's tokens.
pub(crate) struct Lowered {
    text: String,
    /// Where token `i`'s form is in `text`.
    at: Vec<Span>,
}

impl Lowered {
    /// The forms of `doc`'s tokens; a token longer than `longest` bytes (no word a stage's
    /// rules read) has the empty form.
    pub(crate) fn new(doc: &Document, longest: usize) -> Lowered {
        // (room for a few appended forms, so that the first does not copy the text)
        let mut text = String::with_capacity(doc.text.len() + doc.text.len() / 8 + 64);
        text.push_str(doc.text);
        text.make_ascii_lowercase();
        let at: Vec<Span> = doc
            .tokens
            .iter()
            .map(|t| {
                if t.span.len() > longest {
                    Span::new(0, 0)
                } else {
                    t.span
                }
            })
            .collect();
        let mut lowered = Lowered { text, at };
        // the tokens holding a byte outside ASCII, found by a scan of the text eight bytes
        // at a time, are checked one by one (tokens are in order)
        let bytes = doc.text.as_bytes();
        let (mut pos, mut ti) = (0, 0);
        while let Some(p) = next_non_ascii(bytes, pos) {
            while doc.tokens.get(ti).is_some_and(|t| t.span.end <= p) {
                ti += 1;
            }
            match doc.tokens.get(ti) {
                Some(t) if t.span.start <= p => {
                    if t.span.len() <= longest {
                        lowered.lower_token(doc, ti, t.span);
                    }
                    pos = t.span.end;
                    ti += 1;
                }
                _ => pos = p + 1,
            }
        }
        lowered
    }

    /// Token `i` at `span` has characters outside ASCII: unless they are all their own
    /// lowercase (curly marks, dashes, `é`), its lowercase form is appended to the text.
    /// (Its ASCII letters are lowercase in the text already: `Trump’s` stays in place.)
    fn lower_token(&mut self, doc: &Document, i: usize, span: Span) {
        let word = doc.slice(span);
        if !word.chars().all(|c| c.is_ascii() || caseless(c)) {
            // the whole token at once: a final capital sigma lowercases by context
            let from = self.text.len();
            self.text.push_str(&word.to_lowercase());
            if let Some(at) = self.at.get_mut(i) {
                *at = Span::new(from, self.text.len());
            }
        }
    }

    /// The lowercase form of token `i` (`""` past the end and for very long tokens).
    pub(crate) fn get(&self, i: usize) -> &str {
        self.at
            .get(i)
            .and_then(|s| self.text.get(s.range()))
            .unwrap_or("")
    }

    /// The forms of all the tokens, in order.
    pub(crate) fn all(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.at.len()).map(|i| self.get(i))
    }
}

/// True when `c` is its own lowercase (so a text of such characters is its own
/// lowercase text: `’`, `—`, `é`).
pub(crate) fn caseless(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    // general punctuation (quotes, dashes) has no case
    ('\u{2000}'..='\u{206F}').contains(&c) || c.to_lowercase().eq(std::iter::once(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A character that `caseless` lets stand for its own lowercase lowercases to itself.
    #[test]
    fn caseless_characters_are_their_own_lowercase() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if caseless(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
        for s in ["’s", "—", "“", "é", "½", "ünd", "naïve"] {
            assert!(s.chars().all(caseless));
            assert_eq!(s.to_lowercase(), s);
        }
        assert!(!"Σ".chars().all(caseless));
        assert!(!"Café".chars().all(caseless));
    }

    #[test]
    fn each_token_has_its_lowercase_form() {
        // ASCII, letters that lowercase outside ASCII (a final sigma by context), caseless
        // ones, and a word over the limit (no form)
        let long = "Ä".repeat(30);
        let text = format!("“Über ΣΟΦΟΣ,” SAID Ölwerk’s CEO — {long} and É. Then “x” ÉCOLE.");
        let doc = Document::new(&text);
        for longest in [40, 48, 80] {
            let lowered = Lowered::new(&doc, longest);
            for (i, t) in doc.tokens.iter().enumerate() {
                let word = doc.slice(t.span);
                let expected = if word.len() > longest {
                    String::new()
                } else {
                    word.to_lowercase()
                };
                assert_eq!(lowered.get(i), expected, "token {i}: {word}");
            }
            assert_eq!(lowered.get(doc.tokens.len()), "");
            assert_eq!(lowered.all().count(), doc.tokens.len());
        }
    }
}
