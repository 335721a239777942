//! Weights of the learned quote decision ([`super::learned`]), written by
//! `cargo run --release --bin train-quotes` (do not edit by hand).
//!
//! Trained on PolNeAR (`polnear_train.jsonl`, FNV-1a 64 6fc0144361ffeeb4; scored on
//! `polnear_dev.jsonl`, ee173686a818b26a): research use only, no licence stated; only
//! these 59 numbers are shipped, no text. Settings: 5 folds, seed 1, L2 0.0003, 4000
//! iterations. Figures printed by the trainer (nested quotations keep the rules' type;
//! before the overlap policy, so close to but not exactly `score.py`'s):
//!
//! train (840 documents), rules: exact F1 0.910 (tp 6309 fp 740 fn 504), overlap F1 0.942 (tp 6496 fp 476 fn 318)
//! train, every decision right (a ceiling): exact F1 0.949 (tp 6422 fp 298 fn 391), overlap F1 0.982 (tp 6610 fp 33 fn 204)
//!   L2 0: threshold 0.60, exact + overlap F1 1.8638, behind the best by 0.0001 (standard error 0.0003)
//!   L2 0.00001: threshold 0.60, exact + overlap F1 1.8638, behind the best by 0.0001 (standard error 0.0003)
//!   L2 0.00003: threshold 0.60, exact + overlap F1 1.8639, behind the best by 0.0000 (standard error 0.0000)
//!   L2 0.0001: threshold 0.65, exact + overlap F1 1.8627, behind the best by 0.0012 (standard error 0.0010)
//!   L2 0.0003: threshold 0.65, exact + overlap F1 1.8625, behind the best by 0.0016 (standard error 0.0018)
//!   L2 0.001: threshold 0.55, exact + overlap F1 1.8602, behind the best by 0.0043 (standard error 0.0036)
//!   L2 0.003: threshold 0.55, exact + overlap F1 1.8579, behind the best by 0.0065 (standard error 0.0033)
//! train, 5-fold cross-validation by document (seed 1), L2 0.0003, pool Mean, threshold 0.65: exact F1 0.915 (tp 6194 fp 530 fn 619), overlap F1 0.947 (tp 6378 fp 273 fn 436)
//! dev (84 documents), rules: exact F1 0.927 (tp 759 fp 74 fn 45), overlap F1 0.957 (tp 776 fp 41 fn 28)
//! dev, model trained on all of train: exact F1 0.942 (tp 752 fp 41 fn 52), overlap F1 0.964 (tp 767 fp 21 fn 37)

use super::learned::Pool;

/// How the pieces of a quotation running across paragraphs share a decision.
pub const POOL: Pool = Pool::Mean;

/// Decision threshold on the model's probability (chosen by cross-validation on train).
pub const THRESHOLD: f32 = 0.65;

/// One weight a feature, in the order of [`super::learned::NAMES`] (a unit test checks
/// there are [`super::learned::N`]).
#[rustfmt::skip]
pub const WEIGHTS: &[f32] = &[
    -0.7455, // bias
    0.5930, // rule_direct
    0.0300, // rule_partial
    -0.6231, // rule_scare
    0.7213, // has_cue
    0.2422, // has_speaker
    0.5086, // cue_before
    0.3973, // cue_say
    -0.2772, // cue_tell
    0.1982, // cue_name
    0.4029, // cue_according
    -0.4209, // capital
    0.0912, // ends_stop
    -0.0633, // ends_comma
    -0.4044, // words_1
    -0.2631, // words_2
    -0.0706, // words_3_4
    -0.0879, // words_5_8
    0.3936, // words_9_20
    0.4323, // words_21_up
    -0.3595, // clause_start
    2.3874, // opens_sentence
    -0.6285, // opens_paragraph
    -0.4877, // whole_paragraph
    -0.3688, // title
    -1.5176, // title_case
    -0.2672, // work
    -0.0945, // nickname
    -0.1412, // modifier
    0.0000, // stage
    -2.7596, // single_marks
    0.0000, // guillemets
    -0.8470, // straight_marks
    -3.2942, // wrong_way
    -0.0691, // continued
    -2.2523, // runs_on
    0.0903, // after_determiner
    0.2924, // after_as
    -1.0681, // after_possessive
    0.2327, // after_comma
    0.3217, // after_colon
    0.7158, // cue_word_near
    0.4843, // first_second_person
    -0.6910, // several_sentences
    0.6373, // transcript_label
    -0.3127, // in_block
    0.2356, // next_capital
    1.3731, // doc_cue_share
    0.6031, // doc_straight_share
    0.5446, // title_case_short
    -0.2218, // after_preposition
    0.3123, // unattributed
    -0.2284, // unattributed_short
    -0.1937, // unattributed_opens_sentence
    -0.2693, // short_times_doc_cue_share
    0.4204, // cue_in_sentence_before
    0.5500, // ends_paragraph
    0.6625, // subject_before
    0.3405, // unattributed_subject_before
];
