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

use super::coref::Genders;
use super::learned::{self, Facts};
use super::{cues, weights, Ctx, Quote};
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

/// The words of a quotation's text with a letter or digit, and whether every word of
/// four letters or more is capitalized (title case). An ASCII text is read by bytes, with
/// the same classes (`char::is_whitespace` counts the vertical tab, which
/// `split_ascii_whitespace` would not).
fn shape(inner: &str) -> (usize, bool) {
    if !inner.is_ascii() {
        let words = inner
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let title_case = inner
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        return (words, title_case);
    }
    let (mut words, mut title_case) = (0, true);
    for w in inner
        .as_bytes()
        .split(|&b| char::from(b).is_whitespace())
        .filter(|w| !w.is_empty())
    {
        words += usize::from(w.iter().any(u8::is_ascii_alphanumeric));
        if w.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 4
            && !w.first().is_some_and(u8::is_ascii_uppercase)
        {
            title_case = false;
        }
    }
    (words, title_case)
}

/// Types every quotation of `quotes` (their attribution from their own cue is known):
/// by the rules, then, for top-level quotations when `model` is true, by the learned
/// decision of [`learned`] over the rules' type and the quotation's shape. Each
/// top-level quotation keeps its feature vector.
pub fn classify(ctx: &Ctx, genders: &Genders, quotes: &mut [Quote], model: bool) {
    let doc = ctx.doc;
    // the document's style: how many of its quotations have a cue, how many straight marks
    let (mut top, mut cued, mut straight) = (0usize, 0usize, 0usize);
    for q in quotes.iter().filter(|q| q.depth == 0) {
        top += 1;
        cued += usize::from(
            q.attr
                .is_some_and(|a| a.cue.is_some() || a.speaker.is_some()),
        );
        straight += usize::from(doc.text[q.q.span].starts_with(['"', '\'']));
    }
    let share = |n: usize| if top == 0 { 0.0 } else { n as f32 / top as f32 };
    let (doc_cue_share, doc_straight_share) = (share(cued), share(straight));
    // whether the top-level quotation holding each one fills its paragraph: a block
    // quotation of a text (a transcript, an article) whose own quotations are reported
    let mut in_block = false;
    // top-level quotations decided by the model: index, probability, rules' type, full
    let mut decided: Vec<(usize, f32, QuoteType, bool)> = Vec::new();
    let mut pieces: Vec<(bool, bool)> = Vec::new();
    for (qi, q) in quotes.iter_mut().enumerate() {
        if q.depth == 0 {
            in_block = doc.paragraphs.get(q.q.para).is_some_and(|p| {
                p.start == q.q.span.start
                    && (q.q.runs_on
                        || q.q.continued
                        || doc.slice(*p).trim_end().len() == q.q.span.len())
            });
        }
        let inner = doc.slice(q.q.inner).trim();
        let (words, title_case) = shape(inner);
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
            && title_case;
        // the title of a work named next to it: his memoir, “Gifted Hands,”; the “Morning
        // Tide” radio show (title_case, above)
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
        let next_tok = after;
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
        let next = after;
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
        let rule = if title || single_unattributed || nickname || stage {
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
        q.ty = rule;
        if q.depth > 0 {
            continue;
        }
        let span_text = &doc.text[q.q.span];
        let first_mark = span_text.chars().next().unwrap_or(' ');
        let last_mark = span_text.chars().next_back().unwrap_or(' ');
        let sentence = doc.sentences.get(sentence_start).copied();
        let end_sentence = doc
            .sentences
            .get(ctx.sentence_of(q.q.span.end.saturating_sub(1)))
            .copied();
        // a verb of saying near it in its sentence, outside the marks (a bounded look)
        // (the word first: most words are no cue, and the quotation test costs more)
        let cue_at =
            |j: usize| ctx.cue_kind(j).is_some() && !ctx.in_quote(doc.tokens[j].span.start);
        let cue_before = (open_tok.saturating_sub(15)..open_tok)
            .any(|j| sentence.is_some_and(|s| doc.tokens[j].span.start >= s.start) && cue_at(j));
        let cue_after = (after..(after + 15).min(doc.tokens.len()))
            .any(|j| end_sentence.is_some_and(|s| doc.tokens[j].span.start < s.end) && cue_at(j));
        // a verb of saying in the sentence before, outside quotations (a bounded look)
        let prev_sentence = sentence_start
            .checked_sub(1)
            .and_then(|k| doc.sentences.get(k))
            .filter(|s| s.start >= para_start || opens_sentence);
        let cue_in_sentence_before = prev_sentence.is_some_and(|s| {
            let r = doc.tokens_in(*s);
            (r.start.max(r.end.saturating_sub(40))..r.end).any(cue_at)
        });
        let inner_tokens = doc.tokens_in(q.q.inner);
        let first_second_person = inner_tokens.clone().take(400).any(|j| {
            matches!(
                ctx.lower(j),
                "i" | "we" | "you" | "me" | "us" | "my" | "our" | "your" | "i'm" | "we're"
            )
        });
        let several_sentences = inner.as_bytes().windows(3).enumerate().any(|(i, w)| {
            matches!(w[0], b'.' | b'?' | b'!')
                && w[1] == b' '
                && (w[2].is_ascii_uppercase()
                    || w[2] >= 0x80
                        && inner
                            .get(i + 2..)
                            .and_then(|t| t.chars().next())
                            .is_some_and(char::is_uppercase))
        });
        let label = inner.split(':').next().unwrap_or("");
        let transcript_label = label.len() < inner.len()
            && label.len() <= 40
            && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !label.chars().any(char::is_lowercase);
        let subject = super::attribution::sentence_source(ctx, genders, open_tok, q.q.span.start);
        q.subject = Some(subject);
        let facts = Facts {
            rule: Some(rule),
            attr: q.attr,
            capital,
            ends_stop: inner.ends_with(['.', '!', '?', '…']),
            ends_comma: inner.ends_with([',', ';', '—']),
            words,
            clause_start,
            opens_sentence,
            opens_paragraph: para_start == q.q.span.start,
            whole_paragraph: doc
                .paragraphs
                .get(q.q.para)
                .is_some_and(|p| doc.slice(*p).trim_end().len() == q.q.span.len()),
            title,
            title_case,
            work: appositive || named_work,
            nickname,
            modifier,
            stage,
            single: q.q.family == super::marks::Family::Single,
            guillemets: matches!(
                q.q.family,
                super::marks::Family::Guillemet | super::marks::Family::SingleGuillemet
            ),
            straight: matches!(first_mark, '"' | '\''),
            // (`„…“` and `‚…‘` close with these shapes by right)
            wrong_way: matches!(first_mark, '”' | '’')
                || matches!(last_mark, '“' | '‘') && !matches!(first_mark, '„' | '‚'),
            continued: q.q.continued,
            runs_on: q.q.runs_on,
            after_determiner: cues::is_determiner(prev_word)
                || matches!(prev_word, "my" | "your" | "that" | "what" | "so-called"),
            after_as: matches!(prev_word, "as" | "like"),
            after_possessive: matches!(prev_word, "'s" | "’s"),
            after_comma: prev_word == ",",
            after_colon: prev_word == ":",
            cue_word_near: cue_before || cue_after,
            first_second_person,
            several_sentences,
            transcript_label,
            in_block,
            next_capital: capital_word(next_tok)
                && doc
                    .tokens
                    .get(next_tok)
                    .is_some_and(|t| t.span.start < para_end),
            doc_cue_share,
            doc_straight_share,
            after_preposition: matches!(
                prev_word,
                "with"
                    | "on"
                    | "to"
                    | "in"
                    | "of"
                    | "from"
                    | "for"
                    | "at"
                    | "by"
                    | "about"
                    | "into"
            ),
            cue_in_sentence_before,
            subject_before: subject.is_some(),
            ends_paragraph: doc.paragraphs.get(q.q.para).is_some_and(|p| {
                doc.text
                    .get(q.q.span.start..p.end)
                    .is_some_and(|rest| rest.trim_end().len() == q.q.span.len())
            }),
        };
        let x = learned::features(&facts);
        if model {
            decided.push((qi, learned::probability(&x, weights::WEIGHTS), rule, full));
            pieces.push((q.q.continued, q.q.runs_on));
        }
        q.features = Some(x);
    }
    // the pieces of one quotation running across paragraphs are decided together
    let mut p: Vec<f32> = decided.iter().map(|d| d.1).collect();
    learned::pool(&mut p, &pieces, weights::POOL);
    for (&(qi, _, rule, full), p) in decided.iter().zip(p) {
        if let Some(q) = quotes.get_mut(qi) {
            q.ty = learned::decide(rule, p, weights::THRESHOLD, full);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shape;

    #[test]
    fn shape_counts_words_with_a_letter_or_digit_and_reads_title_case() {
        assert_eq!(shape("Meet the Press"), (3, true));
        assert_eq!(shape("a costly repair"), (3, false));
        // a dash alone is no word; short words need no capital
        assert_eq!(shape("We  won — 42 to\tnil"), (5, true));
        // any whitespace separates, letters outside ASCII count
        assert_eq!(shape("Élan\u{a0}vital\nÜber"), (3, false));
        assert_eq!(shape("Ölwerk Straße"), (2, true));
        assert_eq!(shape(""), (0, true));
    }
}
