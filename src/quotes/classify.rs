//! Types: `direct`, `partial` or `scare`.
//!
//! - **direct**: a quoted utterance standing as a clause of its own: it opens its
//!   sentence or follows a colon, comma or dash (`Smith said: “We won.”`), and reads as a
//!   sentence (a capital letter, closing punctuation, or several words).
//! - **partial**: a fragment woven into the writer's sentence, after a word
//!   (`called the plan “a disaster”`), in a sentence with a cue or a speaker.
//! - **scare**: a quoted term nobody is reported to have said: a fragment with no cue and
//!   no speaker around it (`the “experts”`), a title (`NBC’s “Meet the Press”`), a
//!   nickname (`Robert C. “Bobby” Scott`), a stage direction (`“(CROSSTALK)”`), or a
//!   quotation nested in another: that one is
//!   part of the outer speaker's words, not a quotation the article reports (inside a
//!   block quotation of a text, a nested quotation with its own cue is a quote).

use super::{Ctx, Quote};
use crate::segment::TokenKind;
use crate::span::QuoteType;

/// Words after which a title-cased quotation is a title.
const TITLE_BEFORE: &[&str] = &[
    "’s",
    "'s",
    "the",
    "on",
    "in",
    "of",
    "titled",
    "entitled",
    "film",
    "movie",
    "show",
    "book",
    "song",
    "album",
    "program",
    "programme",
    "series",
    "column",
    "headline",
    "episode",
    "segment",
    "documentary",
    "play",
    "musical",
    "novel",
    "memoir",
    "article",
    "essay",
    "podcast",
    "magazine",
    "newspaper",
    "sketch",
    "hit",
    "single",
    "poem",
    "speech",
];

/// Creative works whose title a quotation may be, in apposition (`his memoir, “Gifted
/// Hands,”`) or before the noun (`the “Morning Tide” radio show`).
const WORKS: &[&str] = &[
    "film",
    "movie",
    "biopic",
    "documentary",
    "show",
    "sitcom",
    "series",
    "miniseries",
    "episode",
    "program",
    "programme",
    "podcast",
    "book",
    "memoir",
    "novel",
    "play",
    "musical",
    "song",
    "album",
    "single",
    "column",
    "essay",
];

/// Types every quotation of `quotes` (their attribution from their own cue is known).
pub fn classify(ctx: &Ctx, quotes: &mut [Quote]) {
    let doc = ctx.doc;
    // whether the top-level quotation holding each one fills its paragraph: a block
    // quotation of a text (a transcript, an article) whose own quotations are reported
    let mut in_block = false;
    for q in quotes.iter_mut() {
        if q.depth == 0 {
            in_block = doc.paragraphs.get(q.q.para).is_some_and(|p| {
                p.start == q.q.span.start
                    && (q.q.runs_on
                        || q.q.continued
                        || doc.slice(*p).trim_end().len() == q.q.span.len())
            });
        }
        let inner = doc.slice(q.q.inner).trim();
        let words = inner
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let first = inner
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '…')
            .unwrap_or(' ');
        let capital = first.is_uppercase() || first.is_ascii_digit() || first == '…';
        let ends_sentence = inner.ends_with(['.', '!', '?', '…', ',', ';', '—']);
        // what stands before the opening mark, inside the paragraph or the parent
        let open_tok = doc.token_at_or_after(q.q.span.start);
        let para_start = doc.paragraphs.get(q.q.para).map_or(0, |p| p.start);
        let prev = open_tok
            .checked_sub(1)
            .filter(|&j| doc.tokens[j].span.start >= para_start);
        let sentence_start = ctx.sentence_of(q.q.span.start);
        let opens_sentence = doc
            .sentences
            .get(sentence_start)
            .is_some_and(|s| s.start == q.q.span.start);
        let clause_start = match prev {
            None => true,
            Some(j) => {
                opens_sentence
                    || doc.tokens[j].kind == TokenKind::Punct
                        && !matches!(ctx.lower(j), "$" | "#" | "@" | "&")
                    || super::marks::is_mark(doc.text[q.q.span].chars().next().unwrap_or(' '))
                        && q.depth > 0
                        && ctx.lower(j) == ","
            }
        };
        let prev_word = prev.map_or("", |j| ctx.lower(j));
        let title = words <= 8
            && words > 0
            && !clause_start
            && TITLE_BEFORE.contains(&prev_word)
            && inner
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        // the title of a work named next to it: his memoir, “Gifted Hands,”; the “Morning
        // Tide” radio show
        let title_case = inner
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let after = doc.token_at_or_after(q.q.span.end);
        let work = |j: usize| WORKS.contains(&ctx.lower(j));
        let appositive = prev.is_some_and(|j| {
            ctx.lower(j) == ","
                && j > 0
                && doc.tokens[j - 1].span.start >= para_start
                && work(j - 1)
        });
        let para_end = doc.paragraphs.get(q.q.para).map_or(0, |p| p.end);
        let named_work = doc
            .tokens
            .get(after)
            .is_some_and(|t| t.span.start < para_end)
            && work(after)
            || matches!(
                ctx.lower(after),
                "tv" | "radio" | "television" | "talk" | "reality" | "cable"
            ) && work(after + 1);
        let title = title
            || words <= 8 && words > 0 && q.depth == 0 && title_case && (appositive || named_work);
        // a nickname between given name and surname: Robert C. “Bobby” Scott
        let next_tok = doc.token_at_or_after(q.q.span.end);
        let capital_word = |j: usize| {
            doc.tokens.get(j).is_some_and(|t| {
                t.kind == TokenKind::Word && doc.slice(t.span).starts_with(char::is_uppercase)
            })
        };
        let nickname = words <= 2
            && capital
            && !inner.ends_with(['.', ',', '!', '?'])
            && prev.is_some_and(|j| {
                capital_word(j) || ctx.lower(j) == "." && j > 0 && capital_word(j - 1)
            })
            && capital_word(next_tok)
            && doc
                .tokens
                .get(next_tok)
                .is_some_and(|t| t.span.start == q.q.span.end + 1);
        // a quoted word used as a modifier inside a noun phrase (the “temporary” bridge)
        let next = doc.token_at_or_after(q.q.span.end);
        let modifier = !inner.ends_with([',', '.', ';', ':', '!', '?'])
            && doc.tokens.get(next).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.span.start == q.q.span.end + 1
                    && !matches!(
                        ctx.lower(next),
                        "and"
                            | "or"
                            | "in"
                            | "for"
                            | "to"
                            | "of"
                            | "on"
                            | "at"
                            | "from"
                            | "with"
                            | "by"
                            | "as"
                            | "that"
                            | "but"
                            | "because"
                            | "if"
                            | "when"
                            | "than"
                    )
                    && doc
                        .slice(t.span)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            });
        let attributed = q
            .attr
            .is_some_and(|a| a.cue.is_some() || a.speaker.is_some());
        let full = clause_start && (capital || ends_sentence || words >= 5);
        let single_unattributed =
            q.q.family == super::marks::Family::Single && q.depth == 0 && !attributed;
        // a quotation inside another is part of the outer speaker's words, not one the
        // article reports (it keeps a cue and speaker found inside the outer one), unless
        // the outer one is a block quotation of a text and the inner one has its own cue
        // a stage direction in a transcript: “(CROSSTALK.)”, "(APPLAUSE)"
        let stage = inner.starts_with('(')
            && inner.trim_end_matches(['.', ',']).ends_with(')')
            && inner.matches('(').count() == 1;
        q.ty = if title || single_unattributed || nickname || stage {
            QuoteType::Scare
        } else if q.depth > 0 {
            match (attributed && in_block, full) {
                (true, true) => QuoteType::Direct,
                (true, false) => QuoteType::Partial,
                _ => QuoteType::Scare,
            }
        } else if full {
            QuoteType::Direct
        } else if attributed || q.q.continued || q.q.runs_on || words >= 4 || !modifier {
            QuoteType::Partial
        } else {
            QuoteType::Scare
        };
    }
}
