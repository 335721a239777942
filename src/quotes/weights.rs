//! Weights of the learned quote decision ([`super::learned`]), written by
//! `cargo run --release --bin train-quotes` (do not edit by hand).
//!
//! Trained on PolNeAR (`polnear_train.jsonl`, FNV-1a 64 6fc0144361ffeeb4; scored on
//! `polnear_dev.jsonl`, ee173686a818b26a): research use only, no licence stated; only
//! these 59 numbers are shipped, no text. Settings: 5 folds, seed 1, L2 0.00001, 4000
//! iterations. Figures printed by the trainer (nested quotations keep the rules' type;
//! before the overlap policy, so close to but not exactly `score.py`'s):
//!
//! train (840 documents), rules: exact F1 0.910 (tp 6308 fp 743 fn 505), overlap F1 0.942 (tp 6497 fp 477 fn 317)
//! train, every decision right (a ceiling): exact F1 0.949 (tp 6421 fp 301 fn 392), overlap F1 0.982 (tp 6611 fp 34 fn 203)
//!   L2 0: threshold 0.60, exact + overlap F1 1.8635, behind the best by 0.0000 (standard error 0.0000)
//!   L2 0.00001: threshold 0.60, exact + overlap F1 1.8635, behind the best by 0.0000 (standard error 0.0000)
//!   L2 0.00003: threshold 0.60, exact + overlap F1 1.8633, behind the best by 0.0002 (standard error 0.0002)
//!   L2 0.0001: threshold 0.60, exact + overlap F1 1.8625, behind the best by 0.0012 (standard error 0.0010)
//!   L2 0.0003: threshold 0.65, exact + overlap F1 1.8612, behind the best by 0.0024 (standard error 0.0013)
//!   L2 0.001: threshold 0.55, exact + overlap F1 1.8595, behind the best by 0.0045 (standard error 0.0029)
//!   L2 0.003: threshold 0.50, exact + overlap F1 1.8577, behind the best by 0.0062 (standard error 0.0041)
//! train, 5-fold cross-validation by document (seed 1), L2 0.00001, pool Mean, threshold 0.60: exact F1 0.916 (tp 6218 fp 551 fn 595), overlap F1 0.948 (tp 6403 fp 293 fn 411)
//! dev (84 documents), rules: exact F1 0.926 (tp 759 fp 76 fn 45), overlap F1 0.956 (tp 776 fp 43 fn 28)
//! dev, model trained on all of train: exact F1 0.931 (tp 753 fp 60 fn 51), overlap F1 0.961 (tp 770 fp 28 fn 34)

use super::learned::Pool;

/// How the pieces of a quotation running across paragraphs share a decision.
pub const POOL: Pool = Pool::Mean;

/// Decision threshold on the model's probability (chosen by cross-validation on train).
pub const THRESHOLD: f32 = 0.60;

/// One weight a feature, in the order of [`super::learned::NAMES`] (a unit test checks
/// there are [`super::learned::N`]).
#[rustfmt::skip]
pub const WEIGHTS: &[f32] = &[
    -1.0139, // bias
    -0.0680, // rule_direct
    -0.4981, // rule_partial
    -1.0911, // rule_scare
    1.2430, // has_cue
    0.2899, // has_speaker
    0.6177, // cue_before
    0.6697, // cue_say
    -0.0823, // cue_tell
    0.5643, // cue_name
    0.8683, // cue_according
    -0.4568, // capital
    0.1012, // ends_stop
    -0.1807, // ends_comma
    -0.7273, // words_1
    -0.5508, // words_2
    -0.3964, // words_3_4
    -0.4332, // words_5_8
    0.1844, // words_9_20
    0.2004, // words_21_up
    -0.8577, // clause_start
    4.4512, // opens_sentence
    -1.4574, // opens_paragraph
    -0.7004, // whole_paragraph
    -0.3828, // title
    -1.7313, // title_case
    -0.6233, // work
    -0.3507, // nickname
    -0.2142, // modifier
    0.0000, // stage
    -5.2807, // single_marks
    0.0000, // guillemets
    -0.9023, // straight_marks
    -6.3441, // wrong_way
    0.1493, // continued
    -3.3173, // runs_on
    0.0231, // after_determiner
    0.3382, // after_as
    -1.2826, // after_possessive
    1.0655, // after_comma
    1.6841, // after_colon
    0.7294, // cue_word_near
    0.3556, // first_second_person
    -0.8479, // several_sentences
    3.3975, // transcript_label
    0.8536, // in_block
    0.1488, // next_capital
    1.6696, // doc_cue_share
    0.6137, // doc_straight_share
    0.8219, // title_case_short
    -0.2806, // after_preposition
    1.5363, // unattributed
    -0.3250, // unattributed_short
    -1.3404, // unattributed_opens_sentence
    -0.3091, // short_times_doc_cue_share
    0.3210, // cue_in_sentence_before
    0.4184, // ends_paragraph
    0.8535, // subject_before
    0.1198, // unattributed_subject_before
];
