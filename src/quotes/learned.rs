//! The learned decision: whether a top-level quotation is a reported quote or a scare
//! quote.
//!
//! [`super::classify`] reads each quotation's shape (where it stands in its sentence, its
//! words, its marks, the cue and speaker found for it) and types it by rules; this
//! module turns those facts into a fixed vector of [`N`] features and scores it with a
//! logistic regression whose weights ([`super::weights`]) are trained on the PolNeAR
//! training set by `cargo run --release --bin train-quotes`. A quotation the rules call a
//! quote but the model scores below [`super::weights::THRESHOLD`] becomes `scare`; one
//! the rules call `scare` but the model scores above it becomes `partial` (or `direct`
//! when it reads as a clause of its own). Nested quotations keep the rules' type.

use super::attribution::Attribution;
use super::cues::CueKind;
use crate::span::QuoteType;

/// Number of features.
pub const N: usize = 59;

/// The features' names, in order (for the trainer's report and the weights file).
pub const NAMES: [&str; N] = [
    "bias",
    "rule_direct",
    "rule_partial",
    "rule_scare",
    "has_cue",
    "has_speaker",
    "cue_before",
    "cue_say",
    "cue_tell",
    "cue_name",
    "cue_according",
    "capital",
    "ends_stop",
    "ends_comma",
    "words_1",
    "words_2",
    "words_3_4",
    "words_5_8",
    "words_9_20",
    "words_21_up",
    "clause_start",
    "opens_sentence",
    "opens_paragraph",
    "whole_paragraph",
    "title",
    "title_case",
    "work",
    "nickname",
    "modifier",
    "stage",
    "single_marks",
    "guillemets",
    "straight_marks",
    "wrong_way",
    "continued",
    "runs_on",
    "after_determiner",
    "after_as",
    "after_possessive",
    "after_comma",
    "after_colon",
    "cue_word_near",
    "first_second_person",
    "several_sentences",
    "transcript_label",
    "in_block",
    "next_capital",
    "doc_cue_share",
    "doc_straight_share",
    "title_case_short",
    "after_preposition",
    "unattributed",
    "unattributed_short",
    "unattributed_opens_sentence",
    "short_times_doc_cue_share",
    "cue_in_sentence_before",
    "ends_paragraph",
    "subject_before",
    "unattributed_subject_before",
];

/// What [`super::classify`] knows about one top-level quotation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Facts {
    /// The rules' type.
    pub rule: Option<QuoteType>,
    /// Its own attribution (from its cue, before sentence sources and continuations).
    pub attr: Option<Attribution>,
    /// Starts with a capital, a digit or an ellipsis.
    pub capital: bool,
    /// Ends inside the marks with `.`, `!`, `?` or `…`.
    pub ends_stop: bool,
    /// Ends inside the marks with `,`, `;` or `—`.
    pub ends_comma: bool,
    /// Words inside.
    pub words: usize,
    /// Stands as a clause of its own (opens its sentence, or follows punctuation).
    pub clause_start: bool,
    /// Opens its sentence.
    pub opens_sentence: bool,
    /// Opens its paragraph.
    pub opens_paragraph: bool,
    /// Fills its paragraph (or runs across paragraphs).
    pub whole_paragraph: bool,
    /// Title-cased after a word that introduces a title.
    pub title: bool,
    /// Every word of four letters or more is capitalized.
    pub title_case: bool,
    /// Next to the name of a kind of work (`his memoir, “…”`, `the “…” show`).
    pub work: bool,
    /// A nickname between given name and surname.
    pub nickname: bool,
    /// Followed directly by a lowercase word that is not a conjunction or preposition.
    pub modifier: bool,
    /// A stage direction in parentheses.
    pub stage: bool,
    /// Single marks.
    pub single: bool,
    /// Guillemets.
    pub guillemets: bool,
    /// Straight marks (`"`, `'`).
    pub straight: bool,
    /// Opens with a closing-shaped mark or closes with an opening-shaped one.
    pub wrong_way: bool,
    /// Continues a quotation of the paragraph before.
    pub continued: bool,
    /// Runs on into the next paragraph.
    pub runs_on: bool,
    /// The word before is a determiner or possessive pronoun.
    pub after_determiner: bool,
    /// The word before is `as` or `like`.
    pub after_as: bool,
    /// The token before is `'s`.
    pub after_possessive: bool,
    /// The token before is a comma.
    pub after_comma: bool,
    /// The token before is a colon.
    pub after_colon: bool,
    /// A verb of saying stands near it in its sentence, outside the marks.
    pub cue_word_near: bool,
    /// `I`, `we`, `you` (and their forms) inside.
    pub first_second_person: bool,
    /// Holds a sentence end followed by more words.
    pub several_sentences: bool,
    /// Starts with a speaker label in capitals and a colon (`PENCE: …`).
    pub transcript_label: bool,
    /// Is (part of) a block quotation filling its paragraph.
    pub in_block: bool,
    /// Followed directly by a capitalized word.
    pub next_capital: bool,
    /// Share of the document's top-level quotations that have a cue or speaker.
    pub doc_cue_share: f32,
    /// Share of the document's top-level quotations in straight marks.
    pub doc_straight_share: f32,
    /// The word before is a preposition (`with`, `on`, `to`, …).
    pub after_preposition: bool,
    /// A verb of saying stands in the sentence before, outside quotations.
    pub cue_in_sentence_before: bool,
    /// Ends its paragraph.
    pub ends_paragraph: bool,
    /// Its sentence has a subject (a name, a pronoun, a description) before it.
    pub subject_before: bool,
}

fn b(x: bool) -> f32 {
    if x {
        1.0
    } else {
        0.0
    }
}

/// The feature vector of `f`, in the order of [`NAMES`].
pub fn features(f: &Facts) -> [f32; N] {
    let a = f.attr;
    let kind = a.and_then(|a| a.kind);
    let w = f.words;
    let unattributed = !a.is_some_and(|a| a.cue.is_some() || a.speaker.is_some());
    [
        1.0,
        b(f.rule == Some(QuoteType::Direct)),
        b(f.rule == Some(QuoteType::Partial)),
        b(f.rule == Some(QuoteType::Scare)),
        b(a.is_some_and(|a| a.cue.is_some())),
        b(a.is_some_and(|a| a.speaker.is_some())),
        b(a.is_some_and(|a| a.cue.is_some() && a.before)),
        b(kind == Some(CueKind::Say)),
        b(kind == Some(CueKind::Tell)),
        b(kind == Some(CueKind::Name)),
        b(kind == Some(CueKind::According)),
        b(f.capital),
        b(f.ends_stop),
        b(f.ends_comma),
        b(w <= 1),
        b(w == 2),
        b((3..=4).contains(&w)),
        b((5..=8).contains(&w)),
        b((9..=20).contains(&w)),
        b(w > 20),
        b(f.clause_start),
        b(f.opens_sentence),
        b(f.opens_paragraph),
        b(f.whole_paragraph),
        b(f.title),
        b(f.title_case),
        b(f.work),
        b(f.nickname),
        b(f.modifier),
        b(f.stage),
        b(f.single),
        b(f.guillemets),
        b(f.straight),
        b(f.wrong_way),
        b(f.continued),
        b(f.runs_on),
        b(f.after_determiner),
        b(f.after_as),
        b(f.after_possessive),
        b(f.after_comma),
        b(f.after_colon),
        b(f.cue_word_near),
        b(f.first_second_person),
        b(f.several_sentences),
        b(f.transcript_label),
        b(f.in_block),
        b(f.next_capital),
        f.doc_cue_share,
        f.doc_straight_share,
        b(f.title_case && w <= 5 && !f.clause_start),
        b(f.after_preposition),
        b(unattributed),
        b(unattributed && w <= 3),
        b(unattributed && f.opens_sentence),
        if w <= 3 { f.doc_cue_share } else { 0.0 },
        b(f.cue_in_sentence_before),
        b(f.ends_paragraph),
        b(f.subject_before),
        b(f.subject_before && unattributed),
    ]
}

/// The model's probability that a quotation with features `x` is a reported quote.
pub fn probability(x: &[f32; N], weights: &[f32]) -> f32 {
    let z: f32 = x.iter().zip(weights).map(|(a, w)| a * w).sum();
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// The type of a top-level quotation given the rules' type, the model's probability and
/// whether it reads as a clause of its own.
pub fn decide(rule: QuoteType, p: f32, threshold: f32, full: bool) -> QuoteType {
    match (rule, p >= threshold) {
        (QuoteType::Scare, true) if full => QuoteType::Direct,
        (QuoteType::Scare, true) => QuoteType::Partial,
        (_, false) => QuoteType::Scare,
        (r, true) => r,
    }
}

/// How the pieces of one quotation running across paragraphs share a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pool {
    /// Each piece on its own.
    None,
    /// Every piece takes the mean of the pieces' probabilities.
    Mean,
    /// Every piece takes the highest of the pieces' probabilities.
    Max,
}

/// Gives the pieces of each quotation running across paragraphs one probability, as
/// `how` says: `pieces[i]` is `(continued, runs_on)` of top-level quotation `i`, in
/// document order, and `p[i]` its probability. Linear.
pub fn pool(p: &mut [f32], pieces: &[(bool, bool)], how: Pool) {
    if how == Pool::None {
        return;
    }
    let mut i = 0;
    while i < p.len().min(pieces.len()) {
        // a run: this piece, then every piece continuing the one before that runs on
        let mut j = i + 1;
        while j < p.len().min(pieces.len()) && pieces[j - 1].1 && pieces[j].0 {
            j += 1;
        }
        if j > i + 1 {
            let run = &mut p[i..j];
            let v = match how {
                Pool::Max => run.iter().copied().fold(0.0, f32::max),
                _ => run.iter().sum::<f32>() / run.len() as f32,
            };
            run.iter_mut().for_each(|x| *x = v);
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_weight_a_feature_and_a_threshold_between_zero_and_one() {
        assert_eq!(super::super::weights::WEIGHTS.len(), N);
        assert_eq!(NAMES.len(), N);
        let t = super::super::weights::THRESHOLD;
        assert!(t > 0.0 && t < 1.0);
    }

    #[test]
    fn pieces_of_one_quotation_share_a_probability() {
        // a run of three pieces, then a quotation of its own, then a run of two
        let pieces = [
            (false, true),
            (true, true),
            (true, false),
            (false, false),
            (false, true),
            (true, false),
        ];
        let mut p = [0.9, 0.3, 0.6, 0.2, 0.1, 0.5];
        pool(&mut p, &pieces, Pool::Mean);
        assert_eq!(p, [0.6, 0.6, 0.6, 0.2, 0.3, 0.3]);
        let mut p = [0.9, 0.3, 0.6, 0.2, 0.1, 0.5];
        pool(&mut p, &pieces, Pool::Max);
        assert_eq!(p, [0.9, 0.9, 0.9, 0.2, 0.5, 0.5]);
        let mut p = [0.9, 0.3, 0.6, 0.2, 0.1, 0.5];
        pool(&mut p, &pieces, Pool::None);
        assert_eq!(p, [0.9, 0.3, 0.6, 0.2, 0.1, 0.5]);
        // mismatched lengths stay in bounds
        let mut p = [0.9, 0.3];
        pool(&mut p, &pieces[..1], Pool::Mean);
        assert_eq!(p, [0.9, 0.3]);
    }

    #[test]
    fn the_decision_keeps_or_drops_the_rules_type() {
        assert_eq!(
            decide(QuoteType::Partial, 0.9, 0.5, false),
            QuoteType::Partial
        );
        assert_eq!(decide(QuoteType::Direct, 0.1, 0.5, true), QuoteType::Scare);
        assert_eq!(decide(QuoteType::Scare, 0.9, 0.5, true), QuoteType::Direct);
        assert_eq!(
            decide(QuoteType::Scare, 0.9, 0.5, false),
            QuoteType::Partial
        );
        assert_eq!(decide(QuoteType::Scare, 0.1, 0.5, false), QuoteType::Scare);
    }

    #[test]
    fn probabilities_stay_finite_on_extreme_weights() {
        let x = [1.0; N];
        assert!(probability(&x, &[1e30; N]) <= 1.0);
        assert!(probability(&x, &[-1e30; N]) >= 0.0);
        assert!(probability(&x, &[]).is_finite());
    }
}
