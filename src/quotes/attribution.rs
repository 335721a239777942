//! Attribution: the cue and the speaker of each quotation.
//!
//! Around each quotation two stretches of text are read, both bounded by its sentence,
//! its paragraph (or the quotation it is nested in) and the neighbouring quotations:
//! the stretch **after** the closing mark (`“…,” Smith said`, `“…,” said the
//! minister`, `“…,” he told reporters`) and the stretch **before** the opening mark
//! (`Smith said: “…”`, `according to Smith, “…”`, `Smith called the plan “a
//! disaster”`, and the middle of a split quotation `“…,” she said, “…”`).
//!
//! The speaker is the noun phrase that is the subject of the cue: before it, past
//! auxiliaries, adverbs and an apposition (`Smith, the minister, said`), or after it in
//! the inverted order that only follows a quotation (`said Smith`). The one spoken to
//! (`told Reuters`) is never the speaker. A phrase is a name (from the name recognizer,
//! or a capitalized word it left out), a pronoun, or a description (`the minister`,
//! `a spokesman for the campaign`).

use super::coref::{resolve_pronoun, Genders};
use super::cues::{
    is_bare, is_determiner, is_filler, is_function_word, is_particle_cue, is_person_noun,
    is_speech_noun, needs_subject, pronoun, CueKind, Gender,
};
use super::{Ctx, Quote};
use crate::numbers::lexicon::FnvMap;
use crate::segment::TokenKind;
use crate::span::{NameType, QuoteType, Span};
use std::ops::Range;

/// What a speaker mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A name: `Claudia Sheinbaum`, `Sheinbaum`.
    Name,
    /// A pronoun: `she`.
    Pronoun,
    /// A description: `the minister`.
    Description,
}

/// A speaker mention and the entity it refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is (bytes).
    pub span: Span,
    /// The entity it refers to, when known.
    pub entity: Option<u32>,
    /// What it is.
    pub kind: MentionKind,
    /// For a relative pronoun (`Beck, who said`), the phrase it stands for.
    pub antecedent: Option<Span>,
}

/// The attribution of one quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue word or phrase.
    pub cue: Option<Span>,
    /// The speaker mention.
    pub speaker: Option<Mention>,
    /// The cue's kind (`None` for a speaker inherited or introduced by a colon).
    pub kind: Option<CueKind>,
    /// True when the cue stands before the quotation.
    pub before: bool,
}

impl Attribution {
    /// A speaker with no cue of its own (inherited, found as a sentence's subject, or
    /// introduced by a colon), standing `before` the quotation or not.
    fn speaker_only(speaker: Option<Mention>, before: bool) -> Attribution {
        Attribution {
            cue: None,
            speaker,
            kind: None,
            before,
        }
    }
}

const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "on",
    "last",
    "this",
    "week",
    "morning",
    "afternoon",
    "evening",
    "night",
];

struct Reader<'c, 'a> {
    ctx: &'c Ctx<'a>,
    genders: &'c Genders,
}

impl Reader<'_, '_> {
    fn tok(&self, i: usize) -> Span {
        self.ctx.doc.tokens[i].span
    }

    fn word(&self, i: usize) -> &str {
        self.ctx.lower(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.ctx
            .doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .ctx
                .doc
                .token_text(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A capitalized word that is no name: a function word opening a sentence (`After`,
    /// `Though`) or a word in capitals (`CONGRESS`).
    fn common_capitalized(&self, i: usize) -> bool {
        let w = self.word(i);
        let text = self.ctx.doc.token_text(i);
        is_function_word(w)
            || is_determiner(w)
            || is_filler(w)
            || matches!(
                w,
                "though" | "although" | "once" | "since" | "until" | "unless" | "also"
            )
            || (text.len() > 3 && !text.chars().any(char::is_lowercase))
    }

    fn possessive(&self, i: usize) -> bool {
        matches!(self.word(i), "’s" | "'s" | "’" | "'")
    }

    /// The cue token `i` is, if any (not when it is part of a name).
    fn cue(&self, i: usize) -> Option<CueKind> {
        if !self.is_word(i) {
            return None;
        }
        // (the word first: most are no cue, and the look-up of names costs more)
        let kind = self.ctx.cue_kind(i)?;
        if self.ctx.name_at(i).is_some() {
            return None;
        }
        // the spot concludes with footage, the meeting continued with a vote: no report
        if self.word(i + 1) == "with" && {
            let w = self.word(i);
            w.starts_with("conclud") || w.starts_with("continu")
        } {
            return None;
        }
        if let Some(p) = i.checked_sub(1) {
            let pw = self.word(p);
            // the state, his call: a noun
            // (a closing mark of a quotation is no possessive: ''…,'' said Smith)
            let closing_mark = matches!(pw, "’" | "'")
                && self.ctx.in_quote(self.tok(p).start)
                && !self.ctx.in_quote(self.tok(i).start);
            // (Several said: a quantifier standing alone is the subject)
            let alone = matches!(
                pw,
                "several" | "some" | "many" | "most" | "both" | "few" | "another"
            ) && (p == 0 || !self.is_word(p - 1))
                // (the two said, a mother of three replied: a numeral standing for people)
                || matches!(pw, "one" | "two" | "three")
                    && p > 0
                    && matches!(self.word(p - 1), "the" | "of");
            if is_determiner(pw) && !alone
                || (self.possessive(p) && !closing_mark)
                || matches!(pw, "that" | "of" | "whose")
            {
                return None;
            }
            // should reiterate, to say: not a report
            if is_bare(self.word(i))
                && matches!(
                    pw,
                    "to" | "should"
                        | "would"
                        | "could"
                        | "will"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "not"
                        | "did"
                        | "does"
                        | "do"
                        | "cannot"
                        | "never"
                        | "’ll"
                        | "'ll"
                        | "’d"
                        | "'d"
                )
            {
                return None;
            }
        }
        Some(kind)
    }

    /// A cue with its particle (`pointed out`): the span of both.
    fn particle_cue(&self, i: usize, end: usize) -> bool {
        i + 1 < end
            // (the particle first: every case below needs one of these)
            && matches!(self.word(i + 1), "out" | "on" | "in" | "it" | "back")
            && self.is_word(i)
            && (is_particle_cue(self.word(i), self.word(i + 1))
                // as the memo put it
                || matches!(self.word(i), "put" | "puts") && self.word(i + 1) == "it"
                // Sanders shot back
                || matches!(
                    self.word(i),
                    "shot" | "shoots" | "fired" | "fires" | "hit" | "hits" | "pushed" | "pushes"
                ) && self.word(i + 1) == "back")
    }

    fn mention(&self, span: Span, entity: Option<u32>, kind: MentionKind) -> Mention {
        Mention {
            span,
            entity,
            kind,
            antecedent: None,
        }
    }

    fn pronoun_mention(&self, i: usize) -> Option<Mention> {
        let g = pronoun(self.word(i))?;
        let span = self.tok(i);
        let entity = if g == Gender::Unknown {
            None
        } else {
            resolve_pronoun(self.ctx, self.genders, span.start, g)
        };
        Some(self.mention(span, entity, MentionKind::Pronoun))
    }

    /// Token range of the name holding token `i`, and the name.
    fn name_tokens(&self, i: usize) -> Option<(Range<usize>, super::NameRef)> {
        let n = self.ctx.name_at(i)?;
        let r = self.ctx.doc.tokens_in(n.span);
        Some((r, n))
    }

    /// A run of capitalized words the name recognizer did not mark, linked by surface.
    fn capitalized_run(&self, r: Range<usize>) -> Mention {
        let span = Span::new(self.tok(r.start).start, self.tok(r.end - 1).end);
        let entity = (r.start..r.end)
            .rev()
            .find_map(|k| self.ctx.entity_by_surface(self.ctx.doc.token_text(k)))
            .map(|(e, _)| e);
        self.mention(span, entity, MentionKind::Name)
    }

    /// The noun phrase that ends at token `j` (not before `lo`), reading leftwards.
    fn np_ending_at(&self, j: usize, lo: usize, depth: u8) -> Option<Mention> {
        if j < lo || j >= self.ctx.doc.tokens.len() {
            return None;
        }
        if let Some(m) = self.pronoun_mention(j) {
            return Some(m);
        }
        if let Some((r, n)) = self.name_tokens(j) {
            if r.start < lo {
                return None;
            }
            let own = self.mention(n.span, n.entity, MentionKind::Name);
            // “a spokesman for the campaign”, “Joel Pollak of Breitbart”: the head
            // comes before the preposition
            if depth == 0 && r.start >= lo + 2 {
                let p = self.word(r.start - 1);
                let p = if p == "the" && r.start >= lo + 3 {
                    self.word(r.start - 2)
                } else {
                    p
                };
                if matches!(p, "of" | "for" | "at" | "from" | "with") {
                    let k = if self.word(r.start - 1) == "the" {
                        r.start - 3
                    } else {
                        r.start - 2
                    };
                    if let Some(head) = self.np_ending_at(k, lo, 1) {
                        let entity = match head.kind {
                            MentionKind::Name => head.entity,
                            _ => None,
                        };
                        return Some(self.mention(head.span.cover(own.span), entity, head.kind));
                    }
                }
            }
            return Some(own);
        }
        if self.capitalized(j) && !self.possessive(j) && !self.common_capitalized(j) {
            let mut s = j;
            while s > lo && self.capitalized(s - 1) && self.ctx.name_at(s - 1).is_none() {
                s -= 1;
            }
            if self.ctx.cue_kind(s).is_some() || is_determiner(self.word(s)) {
                s += 1;
            }
            if s <= j {
                return Some(self.capitalized_run(s..j + 1));
            }
            return None;
        }
        // a description: words back to a determiner or a possessive
        if matches!(
            self.word(j),
            "several"
                | "others"
                | "some"
                | "many"
                | "most"
                | "few"
                | "both"
                | "dozens"
                | "hundreds"
                | "another"
        ) && (j == lo
            || !self.is_word(j - 1)
            || matches!(self.word(j - 1), "and" | "but" | "yet"))
        {
            // Several said
            return Some(self.mention(self.tok(j), None, MentionKind::Description));
        }
        // the mother of three: a count after a person noun
        let count_of_people = j >= lo + 2
            && self.ctx.doc.tokens[j].kind == TokenKind::Number
            && self.word(j - 1) == "of"
            && is_person_noun(self.word(j - 2));
        if !count_of_people
            && (!self.is_word(j) || is_filler(self.word(j)) || is_function_word(self.word(j)))
        {
            return None;
        }
        let head_ok = is_person_noun(self.word(j)) || self.counted(j) || count_of_people;
        let mut s = j;
        let mut det = false;
        while s > lo && j - s < 8 {
            let w = self.word(s - 1);
            // the mother of three, 52 percent of voters
            if w == "of" && s >= lo + 2 && (is_person_noun(self.word(s - 2)) || self.counted(s - 2))
            {
                s -= 1;
                continue;
            }
            if is_determiner(w) {
                s -= 1;
                det = true;
                break;
            }
            if self.possessive(s - 1) {
                // Trump’s spokeswoman
                s -= 1;
                if s > lo {
                    if let Some((r, _)) = self.name_tokens(s - 1) {
                        s = r.start.max(lo);
                    } else {
                        s -= 1;
                    }
                }
                det = true;
                break;
            }
            let number = self
                .ctx
                .doc
                .tokens
                .get(s - 1)
                .is_some_and(|t| t.kind == TokenKind::Number);
            if number && (self.counted(s) || w.contains('-')) {
                // 52 percent, the 34-year-old mother
                s -= 1;
                continue;
            }
            if let Some((r, _)) = self.name_tokens(s - 1) {
                // a State Department official: a name modifies the head
                if r.start >= lo && r.start < s {
                    s = r.start;
                    continue;
                }
            }
            if !self.is_word(s - 1)
                || self.ctx.cue_kind(s - 1).is_some()
                || is_filler(w)
                || pronoun(w).is_some()
                || is_function_word(w)
            {
                break;
            }
            s -= 1;
        }
        if !(head_ok || det || self.counted(s)) {
            return None;
        }
        let span = Span::new(self.tok(s).start, self.tok(j).end);
        Some(self.mention(span, None, MentionKind::Description))
    }

    /// A count of people standing for them: `63 percent`, `52%`.
    fn counted(&self, i: usize) -> bool {
        matches!(self.word(i), "percent" | "%" | "majority" | "most" | "many")
    }

    /// The subject of the cue at token `k`: a participle (`…, saying`) or a verb
    /// joined to another (`… and called`) takes the subject of the main clause; otherwise
    /// the phrase before the cue, when it opens a clause (not the object of a verb).
    fn clause_subject(&self, k: usize, lo: usize) -> Option<Mention> {
        let w = self.word(k);
        let mut j = k;
        while j > lo && (is_filler(self.word(j - 1)) || TIME_WORDS.contains(&self.word(j - 1))) {
            j -= 1;
        }
        let joined = j > lo && matches!(self.word(j - 1), "and" | "but" | "or" | "then");
        if joined {
            // I laughed and said: the subject of the verb before the conjunction
            if j >= lo + 3 && self.is_word(j - 2) && self.word(j - 2) != "," {
                if let Some(m) = self.pronoun_mention(j - 3).or_else(|| {
                    self.name_tokens(j - 3)
                        .map(|(_, n)| self.mention(n.span, n.entity, MentionKind::Name))
                }) {
                    let s = self.ctx.doc.token_at_or_after(m.span.start);
                    if s <= lo || !self.is_word(s - 1) || self.word(s - 1) == "and" {
                        return Some(m);
                    }
                }
            }
            return self.main_subject(k);
        }
        if w.ends_with("ing") && j > lo && self.word(j - 1) == "," {
            return self.main_subject(k);
        }
        if w.ends_with("ing") && j > lo {
            // footage of Trump saying “…”: the participle's own subject
            if let Some((_, n)) = self.name_tokens(j - 1).filter(|(r, _)| r.end == j) {
                if n.ty == NameType::Person {
                    return Some(self.mention(n.span, n.entity, MentionKind::Name));
                }
            }
        }
        let m = self.subject_before(k, lo)?;
        if m.kind != MentionKind::Description && !needs_subject(w) {
            return Some(m);
        }
        let mut s = self.ctx.doc.token_at_or_after(m.span.start);
        if m.kind == MentionKind::Name && s > lo && self.word(s - 1) == "the" {
            // The New York Times reports
            s -= 1;
        }
        let opens_clause = s <= lo
            || self.ctx.doc.tokens[s - 1].kind == TokenKind::Punct
            || matches!(
                self.word(s - 1),
                "that"
                    | "and"
                    | "but"
                    | "as"
                    | "when"
                    | "while"
                    | "because"
                    | "although"
                    | "though"
                    | "if"
                    | "so"
                    | "where"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "then"
                    | "also"
                    | "or"
                    | "yet"
                    | "whether"
                    | "once"
                    | "how"
                    | "why"
                    | "what"
                    | "said"
                    | "says"
                    | "added"
                    | "wrote"
                    | "according"
            );
        if opens_clause {
            Some(m)
        } else if w.ends_with("ing") {
            self.main_subject(k)
        } else {
            None
        }
    }

    /// The subject of a cue at token `k`, reading leftwards past fillers and an
    /// apposition.
    fn subject_before(&self, k: usize, lo: usize) -> Option<Mention> {
        let mut j = k;
        let lo = lo.max(k.saturating_sub(40));
        loop {
            if j <= lo {
                return None;
            }
            let w = self.word(j - 1);
            if is_filler(w) || TIME_WORDS.contains(&w) {
                j -= 1;
                continue;
            }
            break;
        }
        let j = j - 1;
        if matches!(self.word(j), "who" | "which") && j > lo + 1 && self.word(j - 1) == "," {
            // Beck, who has described …: the relative pronoun is the mention nearest the
            // quotation, standing for the name before it
            let m = self.np_ending_at(j - 2, lo, 0)?;
            return Some(Mention {
                span: self.tok(j),
                antecedent: Some(m.antecedent.unwrap_or(m.span)),
                ..m
            });
        }
        if self.word(j) == "," && j > lo && self.word(j - 1) == ")" {
            // Smith (R-Texas), said
            if let Some(o) = (j.saturating_sub(10).max(lo)..j - 1)
                .rev()
                .find(|&x| self.word(x) == "(")
            {
                if let Some(m) = self.np_ending_at(o.saturating_sub(1), lo, 0) {
                    if m.kind == MentionKind::Name {
                        return Some(m);
                    }
                }
            }
        }
        if self.word(j) == ")" {
            // Smith (R-Texas) said
            let open = (j.saturating_sub(10).max(lo)..j)
                .rev()
                .find(|&x| self.word(x) == "(");
            if let Some(o) = open {
                return self.subject_before(o, lo);
            }
        }
        if let Some(m) = self.np_ending_at(j, lo, 0) {
            // in the past, at the time: a phrase of time or place, not the subject
            let s = self.ctx.doc.token_at_or_after(m.span.start);
            if m.kind == MentionKind::Description
                && s > lo
                && matches!(
                    self.word(s - 1),
                    "in" | "at"
                        | "on"
                        | "during"
                        | "for"
                        | "over"
                        | "after"
                        | "before"
                        | "since"
                        | "with"
                )
            {
                return self.subject_before(s - 1, lo);
            }
        }
        if self.word(j) == "," {
            // Smith, the minister, said
            let mut m = j;
            while m > lo && j - m < 16 {
                m -= 1;
                if self.word(m) == "," {
                    if m > lo {
                        let before_comma = if self.word(m - 1) == ")" {
                            (m.saturating_sub(10).max(lo)..m - 1)
                                .rev()
                                .find(|&x| self.word(x) == "(")
                                .and_then(|o| o.checked_sub(1))
                                .unwrap_or(m - 1)
                        } else {
                            m - 1
                        };
                        if let Some(x) = self.np_ending_at(before_comma, lo, 0) {
                            // Clinton, during a town hall in Columbus, Ohio, said: a place
                            // after a preposition is no subject
                            let s = self.ctx.doc.token_at_or_after(x.span.start);
                            let placed = x.kind == MentionKind::Name
                                && !self.is_person(s)
                                && s > lo
                                && matches!(self.word(s - 1), "in" | "at" | "from" | "on");
                            if placed {
                                if let Some(y) = self.person_before_comma(x, lo) {
                                    return Some(y);
                                }
                            }
                            if x.kind != MentionKind::Description {
                                return Some(x);
                            }
                            // Ayrault, the foreign minister of France, a member of the
                            // council, said: a named person before two appositions
                            if let Some(y) = self.person_before_comma(x, lo) {
                                return Some(y);
                            }
                            return self.np_ending_at(j - 1, m + 1, 0).or(Some(x));
                        }
                    }
                    break;
                }
            }
            return None;
        }
        self.np_ending_at(j, lo, 0)
    }

    /// The subject pronoun of the clause holding token `k`, when one opens it after a
    /// comma or a conjunction (`Perez is winning applause as he keeps talking about the
    /// “…”`): the source nearer the quotation than the sentence's subject.
    fn clause_pronoun(&self, k: usize) -> Option<Mention> {
        let doc = self.ctx.doc;
        let sent = doc.sentences.get(self.ctx.sentence_of(self.tok(k).start))?;
        let first = doc.token_at_or_after(sent.start);
        for j in (first.max(k.saturating_sub(25))..k).rev() {
            // (a comma between it and the quotation closes another clause)
            if self.ctx.in_quote(self.tok(j).start) || matches!(self.word(j), "," | ";") {
                return None;
            }
            if matches!(self.word(j), "he" | "she" | "they" | "we" | "i")
                && j > first
                && matches!(
                    self.word(j - 1),
                    "," | "as"
                        | "when"
                        | "while"
                        | "because"
                        | "since"
                        | "although"
                        | "though"
                        | "and"
                        | "but"
                        | "that"
                        | "after"
                        | "before"
                        | "if"
                        | "where"
                )
            {
                return self.pronoun_mention(j);
            }
        }
        None
    }

    /// The speaker's label opening a transcript turn quoted at `inner` (`WALLACE: …`,
    /// `SEN. JANE DOE: …`): one to four words in capitals before a colon.
    fn transcript_label(&self, inner: Span) -> Option<Mention> {
        let doc = self.ctx.doc;
        let first = doc.token_at_or_after(inner.start);
        let caps = |i: usize| {
            self.is_word(i) && {
                let t = doc.token_text(i);
                t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !t.chars().any(char::is_lowercase)
            }
        };
        let mut e = first;
        while e < first + 6 && (caps(e) || e > first && self.word(e) == ".") {
            e += 1;
        }
        if e == first || self.word(e) != ":" || doc.tokens.get(e)?.span.end > inner.end {
            return None;
        }
        Some(self.capitalized_run(first..e))
    }

    /// True when token `i` lies in a person's name.
    fn is_person(&self, i: usize) -> bool {
        self.ctx
            .name_at(i)
            .is_some_and(|n| n.ty == NameType::Person)
    }

    /// The named person before the nearest comma left of `x` (within a few words), the
    /// head of the appositions and phrases that follow it up to the cue.
    fn person_before_comma(&self, x: Mention, lo: usize) -> Option<Mention> {
        let s = self.ctx.doc.token_at_or_after(x.span.start);
        let c = (s.saturating_sub(12).max(lo)..s)
            .rev()
            .find(|&c| self.word(c) == ",")?;
        let y = self.np_ending_at(c.checked_sub(1)?, lo, 0)?;
        (y.kind == MentionKind::Name && self.is_person(c - 1)).then_some(y)
    }

    /// The noun phrase starting at token `i` (before `hi`), and the token after it.
    fn np_starting_at(&self, i: usize, hi: usize) -> Option<(Mention, usize)> {
        if i >= hi {
            return None;
        }
        if let Some(m) = self.pronoun_mention(i) {
            return Some((m, i + 1));
        }
        // Texas Sen. Ted Cruz: a place and a title before a person
        let titled = self.name_tokens(i).and_then(|(r, n)| {
            if n.ty == NameType::Person || r.end >= hi || !self.capitalized(r.end) {
                return None;
            }
            let mut t = r.end + 1;
            while t < hi && t < r.end + 3 && matches!(self.word(t), ".") {
                t += 1;
            }
            self.name_tokens(t)
                .filter(|(_, p)| p.ty == NameType::Person)
                .map(|(pr, p)| (self.tok(i).cover(p.span), p.entity, pr.end))
        });
        let (m, mut k) = if let Some((span, entity, end)) = titled {
            (self.mention(span, entity, MentionKind::Name), end.min(hi))
        } else if let Some((r, n)) = self.name_tokens(i) {
            (
                self.mention(n.span, n.entity, MentionKind::Name),
                r.end.min(hi),
            )
        } else if self.capitalized(i)
            && self.ctx.cue_kind(i).is_none()
            && !self.common_capitalized(i)
        {
            let mut e = i + 1;
            while e < hi && self.capitalized(e) && self.ctx.name_at(e).is_none() {
                e += 1;
            }
            // Rep. Jane Doe, New Jersey Gov. John Doe: the run titles the name after it
            let mut t = e;
            while t < hi && t < e + 2 && matches!(self.word(t), "." | "-") {
                t += 1;
            }
            if let Some((r, n)) = self
                .name_tokens(t)
                .filter(|(_, n)| n.ty == NameType::Person)
            {
                let span = self.tok(i).cover(n.span);
                (
                    self.mention(span, n.entity, MentionKind::Name),
                    r.end.min(hi),
                )
            } else {
                (self.capitalized_run(i..e), e)
            }
        } else if is_determiner(self.word(i)) || is_person_noun(self.word(i)) {
            let mut e = i + 1;
            while e < hi
                && e - i < 6
                && self.is_word(e)
                && self.ctx.cue_kind(e).is_none()
                && !self.particle_cue(e, hi)
                // (the donor didn’t, the system and he, the team as)
                && !matches!(
                    self.word(e),
                    "and" | "or" | "but" | "as" | "that" | "who" | "which" | "when" | "while"
                )
                && pronoun(self.word(e)).is_none()
                && !self.word(e).ends_with("n’t")
                && !self.word(e).ends_with("n't")
                // (the board released a statement: a verb before its object's article)
                && !(e > i + 1 && (article(self.word(e)) || article(self.word(e + 1))))
                && !is_filler(self.word(e))
                && !matches!(self.word(e), "of" | "for" | "at" | "from" | "with" | "in")
            {
                e += 1;
            }
            if e == i + 1 && is_determiner(self.word(i)) {
                return None;
            }
            let span = Span::new(self.tok(i).start, self.tok(e - 1).end);
            // “the President”, “spokesman John Kirby”: a person the names stage found
            // after a definite article or a person noun, whose entity the phrase names
            // (not after “some”, “many” and the like: “some Republicans” are not all)
            let definite =
                crate::names::link::definite(self.word(i)) || is_person_noun(self.word(i));
            let person = self
                .name_tokens(i + 1)
                .filter(|(r, n)| r.end == e && n.ty == NameType::Person && n.entity.is_some())
                .filter(|_| definite);
            match person {
                Some((_, n)) => (self.mention(span, n.entity, MentionKind::Name), e),
                None => (self.mention(span, None, MentionKind::Description), e),
            }
        } else {
            return None;
        };
        // Smith (R-Texas), said: the party and state are no part of the subject
        if k < hi && self.word(k) == "(" {
            if let Some(close) = (k + 1..hi.min(k + 10)).find(|&x| self.word(x) == ")") {
                if matches!(self.word(close + 1), "," | "said" | "says")
                    || self.cue(close + 1).is_some()
                {
                    k = close + 1;
                }
            }
        }
        // a possessive makes the name a modifier: Trump’s spokeswoman said
        if k < hi && self.possessive(k) {
            let mut e = k + 1;
            while e < hi && e - k < 5 && self.is_word(e) && self.ctx.cue_kind(e).is_none() {
                e += 1;
            }
            if e > k + 1 {
                let span = Span::new(m.span.start, self.tok(e - 1).end);
                return Some((self.mention(span, None, MentionKind::Description), e));
            }
        }
        // a prepositional tail: Joel Pollak of Breitbart, a spokesman for the campaign
        let mut hops = 0;
        while k < hi && hops < 2 && matches!(self.word(k), "of" | "for" | "at" | "from") {
            let mut e = k + 1;
            while e < hi
                && e - k < 6
                && self.is_word(e)
                && self.ctx.cue_kind(e).is_none()
                && !is_filler(self.word(e))
            {
                e += 1;
            }
            if e == k + 1 {
                break;
            }
            k = e;
            hops += 1;
        }
        // an apposition (or two): Smith, the minister, said; Smith, the minister of
        // X, one of the states suing Y, said
        if k < hi && self.word(k) == "," {
            let mut at = k;
            for _ in 0..2 {
                let mut e = at + 1;
                while e < hi
                    && e - at < 24
                    && self.word(e) != ","
                    && !self
                        .ctx
                        .doc
                        .token_text(e)
                        .chars()
                        .any(super::marks::is_mark)
                {
                    if self.cue(e).is_some() && e == at + 1 {
                        break;
                    }
                    e += 1;
                }
                if !(e < hi && self.word(e) == "," && e > at + 1) {
                    break;
                }
                k = e + 1;
                // a second one only when no cue follows the first
                if self.cue(k).is_some() || self.word(k) == "," {
                    break;
                }
                at = e;
            }
        }
        Some((m, k))
    }

    /// A word opening an introductory phrase rather than the subject: an adverb
    /// (`Ironically,`), a participle (`Preceded by …,`), a span of time (`Hours later,`).
    fn intro_word(&self, i: usize) -> bool {
        if self.ctx.name_at(i).is_some() || !self.is_word(i) {
            return false;
        }
        let w = self.word(i);
        (w.len() > 4 && (w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing")))
            || matches!(
                self.word(i + 1),
                "later" | "earlier" | "ago" | "after" | "before"
            )
    }

    /// The subject of the clause holding token `k`: the first noun phrase of its
    /// sentence, past a leading conjunction and an introductory phrase ending in a comma.
    fn main_subject(&self, k: usize) -> Option<Mention> {
        let doc = self.ctx.doc;
        let pos = self.tok(k).start;
        let sent = doc.sentences.get(self.ctx.sentence_of(pos))?;
        let mut i = doc.token_at_or_after(sent.start);
        if k.saturating_sub(i) > 80 {
            return None;
        }
        // PHILADELPHIA, July 25 (UPI) — The committee said; Washington (AFP) – …: a dateline
        let text = self.ctx.doc.token_text(i);
        let agency = (i..k.min(i + 10))
            .any(|t| self.word(t) == ")" && matches!(self.word(t + 1), "—" | "–" | "-"));
        if agency || text.len() > 2 && text.chars().all(|c| c.is_uppercase() || c == '.') {
            if let Some(d) =
                (i + 1..k.min(i + 14)).find(|&t| matches!(self.word(t), "—" | "–" | "-"))
            {
                i = d + 1;
            }
        }
        while i < k
            && matches!(
                self.word(i),
                "but"
                    | "and"
                    | "so"
                    | "yet"
                    | "still"
                    | "meanwhile"
                    | "however"
                    | "then"
                    | "instead"
                    | "also"
                    | "later"
                    | "now"
                    | "moreover"
                    | "indeed"
                    | "furthermore"
                    | "separately"
                    | "similarly"
                    | "likewise"
                    | "nonetheless"
                    | "nevertheless"
                    | ","
            )
        {
            i += 1;
        }
        // (up to three phrases: On Thursday, after remaining neutral, Warren said)
        for _ in 0..3 {
            let adverb = self.word(i + 1) == ","
                && self.ctx.name_at(i).is_none()
                && (self.word(i).ends_with("ly")
                    || matches!(
                        self.word(i),
                        "first" | "second" | "third" | "finally" | "again" | "overall" | "today"
                    ));
            if !(i < k
                && (adverb
                    || matches!(
                        self.word(i),
                        "at" | "in"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "with"
                            | "for"
                            | "from"
                            | "speaking"
                            | "asked"
                            | "when"
                            | "while"
                            | "earlier"
                            | "last"
                            | "since"
                            | "as"
                            | "following"
                            | "despite"
                            | "like"
                            | "unlike"
                            | "addressing"
                            | "although"
                            | "though"
                            | "because"
                            | "if"
                            | "once"
                            | "unless"
                            | "until"
                            | "whereas"
                            | "given"
                            | "amid"
                            | "under"
                            | "by"
                            | "over"
                            | "to"
                            | "of"
                            | "throughout"
                            | "outside"
                            | "inside"
                            | "near"
                            | "across"
                            | "among"
                            | "led"
                            | "later"
                            | "ever"
                            | "even"
                            | "somewhere"
                    )
                    || self.intro_word(i)))
            {
                break;
            }
            let comma = (i..k).find(|&x| self.word(x) == ",")?;
            i = comma + 1;
        }
        // A month later, Eight years ago,: a span of time
        if let Some(t) = (i..k.min(i + 4)).find(|&t| {
            matches!(self.word(t), "later" | "earlier" | "ago") && self.word(t + 1) == ","
        }) {
            i = t + 2;
        }
        // Speaking in Salem, New Hampshire, Trump said: the place closes the phrase
        if let Some((r, n)) = self.name_tokens(i) {
            if n.ty != NameType::Person
                && r.end < k
                && self.word(r.end) == ","
                && r.start > 0
                && self.word(r.start - 1) == ","
            {
                i = r.end + 1;
            }
        }
        if i >= k || self.ctx.in_quote(self.tok(i).start) {
            return None;
        }
        let (m, _) = self.np_starting_at(i, k)?;
        Some(m)
    }

    /// The nearest cue anywhere in the sentence `sent` outside quotations, with its
    /// subject, for a quotation at `quote` that had none next to it.
    fn sentence_scan(&self, sent: Span, quote: Span) -> Option<Attribution> {
        let doc = self.ctx.doc;
        let r = doc.tokens_in(sent);
        // a window around the quotation keeps the cost linear in long run-on sentences
        let q = doc.tokens_in(quote);
        let r = r.start.max(q.start.saturating_sub(60))..r.end.min(q.end + 60).max(r.start);
        let mut cands: Vec<(usize, usize)> = Vec::new();
        for k in r.clone() {
            let at = self.tok(k);
            if quote.contains(at) || self.ctx.in_quote(at.start) {
                continue;
            }
            if self.cue(k).is_some() && !self.possessive(k) {
                let dist = if at.start >= quote.end {
                    at.start - quote.end
                } else {
                    quote.start.saturating_sub(at.end)
                };
                cands.push((dist, k));
            }
        }
        cands.sort_unstable();
        for &(_, k) in cands.iter().take(4) {
            // the stretch of text outside quotations that ends at the cue
            let mut lo = k;
            while lo > r.start && !self.ctx.in_quote(self.tok(lo - 1).start) {
                lo -= 1;
            }
            let subject = self.clause_subject(k, lo);
            let subject = subject.or_else(|| {
                // …, said David Wasserman, an analyst
                let after_break = k > r.start
                    && (matches!(self.word(k - 1), "," | "—")
                        || self.ctx.in_quote(self.tok(k - 1).start));
                if after_break && self.cue(k) == Some(CueKind::Say) {
                    let (m, e) = self.np_starting_at(k + 1, r.end)?;
                    (e >= r.end || self.ctx.doc.tokens[e].kind == TokenKind::Punct).then_some(m)
                } else {
                    None
                }
            });
            if let Some(m) = subject {
                return Some(Attribution {
                    cue: Some(self.tok(k)),
                    speaker: Some(m),
                    kind: self.cue(k),
                    before: k < r.start,
                });
            }
        }
        None
    }

    /// An `according to X` in the sentence `sent`, outside quotations, near `quote`.
    fn according_to(&self, sent: Span, quote: Span) -> Option<Attribution> {
        let doc = self.ctx.doc;
        let r = doc.tokens_in(sent);
        let q = doc.tokens_in(quote);
        let r = r.start.max(q.start.saturating_sub(40))..r.end.min(q.end + 40).max(r.start);
        for k in r.clone() {
            if self.word(k) == "according"
                && k + 1 < r.end
                && self.word(k + 1) == "to"
                && !quote.contains(self.tok(k))
                && !self.ctx.in_quote(self.tok(k).start)
            {
                let speaker = self.speaker_after_cue(k + 2, r.end)?;
                return Some(Attribution {
                    cue: Some(self.tok(k).cover(self.tok(k + 1))),
                    speaker: Some(speaker),
                    kind: Some(CueKind::According),
                    before: k < q.start,
                });
            }
        }
        None
    }

    /// `said Smith`, `said the minister`: the speaker after an inverted cue.
    fn speaker_after_cue(&self, i: usize, hi: usize) -> Option<Mention> {
        if let Some((m, _)) = self.np_starting_at(i, hi) {
            return Some(m);
        }
        // said undecided voter Jane Doe: the name a few words on
        (i..hi.min(i + 7))
            .take_while(|&k| {
                self.ctx.doc.tokens[k].kind != TokenKind::Punct
                    || matches!(self.word(k), "/" | "-" | ".")
            })
            .filter(|&k| self.ctx.cue_kind(k).is_none())
            .find_map(|k| self.name_tokens(k))
            .map(|(_, n)| self.mention(n.span, n.entity, MentionKind::Name))
    }

    /// Reads the stretch after a quotation: tokens `c..d`.
    fn after(&self, c: usize, d: usize) -> Option<Attribution> {
        let mut i = c;
        while i < d && i < c + 2 && matches!(self.word(i), "," | "—" | "–" | "-" | "(" | "―")
        {
            i += 1;
        }
        if i >= d {
            return None;
        }
        // “…” ― Jane Doe: an attribution line after a dash
        if i > c && matches!(self.word(i - 1), "—" | "–" | "―") {
            if let Some((m, e)) = self.np_starting_at(i, d) {
                let ends = e >= d || self.ctx.doc.tokens[e].kind == TokenKind::Punct;
                if m.kind == MentionKind::Name && ends {
                    return Some(Attribution {
                        cue: Some(self.tok(i - 1)),
                        speaker: Some(m),
                        kind: None,
                        before: false,
                    });
                }
            }
        }
        let found = |cue: usize, kind: CueKind, speaker: Option<Mention>| Attribution {
            cue: Some(self.tok(cue)),
            speaker,
            kind: Some(kind),
            before: false,
        };
        // inverted: “…,” said Smith
        if let Some(kind) = self.cue(i) {
            if kind != CueKind::Tell {
                return Some(found(i, kind, self.speaker_after_cue(i + 1, d)));
            }
        }
        if self.word(i) == "according" && i + 1 < d && self.word(i + 1) == "to" {
            let mut a = found(i, CueKind::According, self.speaker_after_cue(i + 2, d));
            a.cue = Some(self.tok(i).cover(self.tok(i + 1)));
            return Some(a);
        }
        // subject first: “…,” Smith said / he told reporters / the minister, Smith, said
        // (or “…,” as Smith put it)
        let i = if self.word(i) == "as" && i + 2 < d {
            i + 1
        } else {
            i
        };
        let (m, mut k) = self.np_starting_at(i, d)?;
        while k < d && k < i + 24 && (is_filler(self.word(k)) || TIME_WORDS.contains(&self.word(k)))
        {
            k += 1;
        }
        if k < d {
            if let Some(kind) = self.cue(k) {
                return Some(found(k, kind, Some(m)));
            }
            // “…,” he will say
            if k > i && matches!(self.word(k - 1), "will" | "would") {
                if let Some(kind) = self.ctx.cue_kind(k).filter(|_| is_bare(self.word(k))) {
                    return Some(found(k, kind, Some(m)));
                }
            }
            if self.particle_cue(k, d) {
                let mut a = found(k, CueKind::Say, Some(m));
                a.cue = Some(self.tok(k).cover(self.tok(k + 1)));
                return Some(a);
            }
        }
        None
    }

    /// Reads the stretch before a quotation: tokens `a..b`, nearest cue first.
    fn before(&self, a: usize, b: usize) -> Option<Attribution> {
        let mut tried = 0;
        let mut cue_only: Option<Attribution> = None;
        // the outermost source of the sentence is the speaker: in “She said she
        // recalls …” or “X said Y called it …”, the first cue with a subject wins
        let mut outer: Option<Attribution> = None;
        let mut noun_src: Option<Attribution> = None;
        let mut k = b;
        while k > a && tried < 4 && b - k < 60 {
            k -= 1;
            let w = self.word(k);
            if w == "according" && k + 1 < b && self.word(k + 1) == "to" {
                let speaker = self.speaker_after_cue(k + 2, b);
                return Some(Attribution {
                    cue: Some(self.tok(k).cover(self.tok(k + 1))),
                    speaker,
                    kind: Some(CueKind::According),
                    before: true,
                });
            }
            let (kind, cue_span) = if let Some(kind) = self.cue(k) {
                (kind, self.tok(k))
            } else if self.particle_cue(k, b) {
                (CueKind::Say, self.tok(k).cover(self.tok(k + 1)))
            } else {
                // Trump’s claim that “…”
                if noun_src.is_none() && is_speech_noun(w) && k >= a + 2 && self.possessive(k - 1) {
                    noun_src = self
                        .np_ending_at(k - 2, a, 1)
                        .filter(|m| m.kind != MentionKind::Description)
                        .map(|m| Attribution {
                            cue: Some(self.tok(k)),
                            speaker: Some(m),
                            kind: Some(CueKind::Say),
                            before: true,
                        });
                }
                continue;
            };
            tried += 1;
            let subject = self.clause_subject(k, a);
            if needs_subject(w) && subject.is_none() {
                continue;
            }
            let speaker = subject
                .or_else(|| {
                    // saying, adding: the subject of the main clause
                    if w.ends_with("ing") {
                        self.main_subject(k)
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    // said Smith: “…” (only right before the quotation)
                    if kind == CueKind::Say && k + 1 < b {
                        let (m, e) = self.np_starting_at(k + 1, b)?;
                        let tail = (e..b).all(|x| matches!(self.word(x), ":" | "," | "—"));
                        tail.then_some(m)
                    } else {
                        None
                    }
                });
            let at = Attribution {
                cue: Some(cue_span),
                speaker,
                kind: Some(kind),
                before: true,
            };
            if speaker.is_some() {
                // Smith said, “…”: the cue that introduces the quotation itself wins
                let cue_end = self.ctx.doc.token_at_or_after(cue_span.end);
                let introduces = tried == 1
                    && kind != CueKind::Name
                    && !w.ends_with("ing")
                    && (cue_end..b).all(|x| matches!(self.word(x), "," | ":"));
                if introduces {
                    return Some(at);
                }
                // a cue further left is the outer source only when the nearer report is
                // its complement (She said she recalls …), not another clause (Trump
                // says …, Jamieson said; Rubio suggested …, while Cruz said)
                // (a participle after a comma, `said, suggesting …`, belongs to the outer)
                let participle = outer
                    .and_then(|o| o.cue)
                    .is_some_and(|c| self.ctx.doc.slice(c).ends_with("ing"));
                if let Some(near) = outer.and_then(|o| o.speaker).filter(|_| !participle) {
                    let doc = self.ctx.doc;
                    let from = doc.token_at_or_after(cue_span.end);
                    let to = doc.token_at_or_after(near.span.start);
                    let separated = (from..to).any(|x| {
                        matches!(
                            self.word(x),
                            "," | ";"
                                | "—"
                                | "while"
                                | "but"
                                | "after"
                                | "before"
                                | "when"
                                | "because"
                                | "although"
                                | "though"
                                | "whereas"
                                | "is"
                                | "was"
                                | "are"
                                | "were"
                        )
                    });
                    if separated {
                        break;
                    }
                }
                outer = Some(at);
                continue;
            }
            if cue_only.is_none() {
                cue_only = Some(at);
            }
        }
        if outer.is_some() {
            return outer;
        }
        if noun_src.is_some() {
            return noun_src;
        }
        if cue_only.is_some() {
            return cue_only;
        }
        // Smith: “…”
        if b > a + 1 && self.word(b - 1) == ":" && b - a <= 10 {
            if let Some(m) = self.np_ending_at(b - 2, a, 0) {
                if m.kind != MentionKind::Description || b - a <= 5 {
                    return Some(Attribution::speaker_only(Some(m), true));
                }
            }
        }
        // Obama is rolling out a new message: “…” (the subject of the clause the colon
        // ends introduces what follows)
        if b > a + 2 && self.word(b - 1) == ":" {
            if let Some(m) = self.main_subject(b - 1) {
                let s = self.ctx.doc.token_at_or_after(m.span.start);
                if s >= a && (m.kind != MentionKind::Description || is_determiner(self.word(s))) {
                    return Some(Attribution::speaker_only(Some(m), true));
                }
            }
        }
        None
    }
}

/// An article or a possessive determiner: it opens a noun phrase.
fn article(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "this" | "these"
    )
}

/// The stretches of text a quotation's attribution may be read from, as token ranges.
struct Stretches {
    before: Range<usize>,
    after: Range<usize>,
}

/// Finds the cue and speaker of every quotation.
pub fn attribute(ctx: &Ctx, genders: &Genders, quotes: &mut [Quote]) {
    let doc = ctx.doc;
    let n = quotes.len();
    // parent of each quotation (they are sorted by start, laminar)
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..n {
        while stack
            .last()
            .is_some_and(|&p| quotes[p].q.span.end <= quotes[i].q.span.start)
        {
            stack.pop();
        }
        parent[i] = stack.last().copied();
        stack.push(i);
    }
    let key = |i: usize| parent[i].unwrap_or(n + quotes[i].q.para);
    let mut last: FnvMap<usize, usize> = FnvMap::default();
    let prev_sib: Vec<Option<usize>> = (0..n).map(|i| last.insert(key(i), i)).collect();
    last.clear();
    let mut next_sib: Vec<Option<usize>> = (0..n).rev().map(|i| last.insert(key(i), i)).collect();
    next_sib.reverse();
    let reader = Reader { ctx, genders };
    for i in 0..n {
        let q = quotes[i].q;
        let container = match parent[i] {
            Some(p) => quotes[p].q.inner,
            None => doc.paragraphs.get(q.para).copied().unwrap_or(q.span),
        };
        let sent = |pos: usize| {
            let s = ctx.sentence_of(pos);
            doc.sentences.get(s).copied().unwrap_or(container)
        };
        let mut lo = container.start.max(sent(q.span.start).start);
        if let Some(p) = prev_sib[i] {
            lo = lo.max(quotes[p].q.span.end);
        }
        let mut hi = container.end.min(sent(q.span.end.saturating_sub(1)).end);
        if let Some(s) = next_sib[i] {
            hi = hi.min(quotes[s].q.span.start);
        }
        let st = Stretches {
            before: doc.tokens_in(Span::new(lo, q.span.start.max(lo))),
            after: doc.tokens_in(Span::new(q.span.end.min(hi), hi)),
        };
        let mut after = reader.after(st.after.start, st.after.end);
        let inner = doc.slice(q.inner).trim_end();
        if after.is_none() && st.after.is_empty() && q.span.end < container.end {
            // “…?” Trump asked. — the sentence ended inside the quotation
            let next_tok = doc.token_at_or_after(q.span.end);
            let s2 = doc
                .tokens
                .get(next_tok)
                .map_or(container, |t| sent(t.span.start));
            let mut hi2 = container.end.min(s2.end);
            if let Some(s) = next_sib[i] {
                hi2 = hi2.min(quotes[s].q.span.start);
            }
            let r = doc.tokens_in(Span::new(q.span.end, hi2.max(q.span.end)));
            if let Some(a) = reader.after(r.start, r.end) {
                let cue_end = a.cue.map_or(usize::MAX, |c| c.end);
                let rest = (r.start..r.end)
                    .filter(|&x| doc.tokens[x].span.start >= cue_end)
                    .filter(|&x| doc.tokens[x].kind != crate::segment::TokenKind::Punct)
                    .count();
                if a.speaker.is_some() && (inner.ends_with(['?', '!']) || rest <= 6) {
                    after = Some(a);
                }
            }
        }
        let before = reader.before(st.before.start, st.before.end);
        let closes_sentence = inner.ends_with(['.', '!', '?', '…']);
        // a cue right before the opening mark (`described it as “…”`) governs it
        let adjacent = |b: &Attribution| {
            b.speaker.is_some()
                && b.cue.is_some_and(|c| {
                    doc.token_at_or_after(c.end) + 1 >= st.before.end
                        && doc
                            .slice(Span::new(c.end.min(q.span.start), q.span.start))
                            .trim()
                            .len()
                            <= 3
                })
        };
        let mut attr = match (after, before) {
            (Some(a), Some(b)) => {
                // a quotation ending its sentence belongs with a cue before it
                // (over a weak cue after it: a participle, a naming verb, a noun)
                let weak = a.kind == Some(CueKind::Name)
                    || a.cue.is_some_and(|c| {
                        let w = doc.slice(c).to_lowercase();
                        w.ends_with("ing") || needs_subject(&w)
                    });
                if closes_sentence && b.speaker.is_some()
                    || a.speaker.is_none()
                    || weak && adjacent(&b)
                {
                    Some(b)
                } else {
                    Some(a)
                }
            }
            (a, b) => a.or(b),
        };
        let opens_para = parent[i].is_none()
            && doc
                .paragraphs
                .get(q.para)
                .is_some_and(|p| p.start == q.span.start);
        if opens_para && !attr.is_some_and(|a| a.speaker.is_some()) && !q.continued {
            // Caddell continued:¶“…”
            if let Some(prev) = q.para.checked_sub(1).and_then(|p| doc.paragraphs.get(p)) {
                if doc.slice(*prev).trim_end().ends_with(':') {
                    let s = sent(prev.end.saturating_sub(1));
                    let lo = s.start.max(prev.start);
                    let r = doc.tokens_in(Span::new(lo, prev.end));
                    if let Some(a) = reader.before(r.start, r.end) {
                        if a.speaker.is_some() {
                            attr = Some(a);
                        }
                    }
                }
            }
        }
        if !attr.is_some_and(|a| a.speaker.is_some()) && parent[i].is_none() {
            let lo = container.start.max(sent(q.span.start).start);
            let hi = container.end.min(sent(q.span.end.saturating_sub(1)).end);
            if let Some(a) = reader.sentence_scan(Span::new(lo, hi), q.span) {
                attr = Some(a);
            }
        }
        if parent[i].is_none() {
            // “according to X” names the source of everything in its sentence
            let lo = container.start.max(sent(q.span.start).start);
            let hi = container.end.min(sent(q.span.end.saturating_sub(1)).end);
            if let Some(a) = reader.according_to(Span::new(lo, hi), q.span) {
                attr = Some(a);
            }
        }
        if parent[i].is_none() && !attr.is_some_and(|a| a.speaker.is_some()) {
            // Smith said the plan was late. “We lost a year.”: a quotation opening its
            // sentence with no cue of its own reports the source of the sentence before
            let s = ctx.sentence_of(q.span.start);
            let opens = doc
                .sentences
                .get(s)
                .is_some_and(|t| t.start == q.span.start);
            if let (true, Some(prev)) = (opens, s.checked_sub(1).and_then(|p| doc.sentences.get(p)))
            {
                // (or ending the paragraph before, for a quotation opening its own)
                let lo = if opens_para && !q.continued {
                    prev.start
                } else {
                    prev.start.max(container.start)
                };
                // (after a sentence with quotations of its own, the speaker continues)
                if lo < prev.end && !ctx.has_quote(Span::new(lo, prev.end)) {
                    let sent = Span::new(lo, prev.end);
                    if let Some(a) = reader.sentence_scan(sent, Span::new(prev.end, prev.end)) {
                        attr = Some(Attribution::speaker_only(a.speaker, true));
                    }
                }
            }
        }
        if opens_para {
            // "PENCE: Well, look, …": a transcript turn names its speaker
            if let Some(m) = reader.transcript_label(q.inner) {
                attr = Some(Attribution::speaker_only(Some(m), true));
            }
        }
        quotes[i].attr = attr;
    }
}

/// The subject of the sentence of the quotation opening at token `k` (a pronoun of its
/// clause, or the sentence's main subject) when it stands before byte `before`.
pub fn sentence_source(ctx: &Ctx, genders: &Genders, k: usize, before: usize) -> Option<Mention> {
    if k >= ctx.doc.tokens.len() {
        return None;
    }
    let reader = Reader { ctx, genders };
    reader
        .clause_pronoun(k)
        .or_else(|| reader.main_subject(k))
        .filter(|m| m.span.end <= before)
}

/// Gives a quotation (not a scare quote) with no speaker found around it the subject of
/// its sentence as the source, when that subject stands before it: a name, a pronoun or
/// a description (`Reid has been pounding Trump as a “con artist”`, `The poll finds
/// voters “not sure”`).
pub fn sentence_sources(ctx: &Ctx, genders: &Genders, quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        if q.depth > 0 || q.ty == QuoteType::Scare || q.attr.is_some_and(|a| a.speaker.is_some()) {
            continue;
        }
        // (classification asked it already for most)
        let subject = q.subject.unwrap_or_else(|| {
            let k = ctx.doc.token_at_or_after(q.q.span.start);
            sentence_source(ctx, genders, k, q.q.span.start)
        });
        if let Some(m) = subject {
            q.attr = Some(Attribution::speaker_only(Some(m), true));
        }
    }
}

/// Gives a quotation without a speaker of its own the speaker of the quotation it
/// continues: the piece before it of one quotation running across paragraphs, the
/// quotation before it in its paragraph, or the last quotation of the paragraph before
/// when it opens its paragraph.
pub fn continue_speakers(ctx: &Ctx, quotes: &mut [Quote]) {
    // a quotation running across paragraphs is often attributed only in its last piece
    let mut later: Option<Mention> = None;
    for q in quotes.iter_mut().rev() {
        if q.depth > 0 {
            continue;
        }
        let own = q.attr.and_then(|a| a.speaker);
        if own.is_none() && q.q.runs_on {
            if let Some(m) = later {
                q.attr = Some(Attribution::speaker_only(Some(m), false));
            }
        }
        later = if q.q.continued {
            q.attr.and_then(|a| a.speaker)
        } else {
            None
        };
    }
    let mut prev: Option<(usize, Mention)> = None; // paragraph, speaker
    for q in quotes.iter_mut() {
        if q.depth > 0 {
            continue;
        }
        let own = q.attr.and_then(|a| a.speaker);
        if own.is_none() && q.ty != QuoteType::Scare {
            if let Some((para, m)) = prev {
                let opens_para = ctx
                    .doc
                    .paragraphs
                    .get(q.q.para)
                    .is_some_and(|p| p.start == q.q.span.start);
                if para == q.q.para || q.q.continued || (opens_para && para + 1 == q.q.para) {
                    q.attr = Some(Attribution {
                        cue: q.attr.and_then(|a| a.cue),
                        speaker: Some(m),
                        kind: None,
                        before: false,
                    });
                }
            }
        }
        if let Some(m) = q.attr.and_then(|a| a.speaker) {
            if q.ty != QuoteType::Scare {
                prev = Some((q.q.para, m));
            }
        }
    }
}
