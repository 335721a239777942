//! Weights of the learned quote decision ([`super::learned`]), written by
//! `cargo run --release --bin train-quotes` (do not edit by hand).
//!
//! Trained on PolNeAR (`polnear_train.jsonl`, FNV-1a 64 6fc0144361ffeeb4; scored on
//! `polnear_dev.jsonl`, ee173686a818b26a): research use only, no licence stated; only
//! these 50 numbers are shipped, no text. Settings: 5 folds, seed 1, L2 0.001, 1500
//! iterations. Figures printed by the trainer (nested quotations keep the rules' type;
//! before the overlap policy, so close to but not exactly `score.py`'s):
//!
//! train (840 documents), rules: exact F1 0.910 (tp 6308 fp 743 fn 505), overlap F1 0.942 (tp 6497 fp 477 fn 317)
//! train, 5-fold cross-validation by document (seed 1), pool Max, threshold 0.55: exact F1 0.916 (tp 6299 fp 641 fn 514), overlap F1 0.948 (tp 6488 fp 384 fn 326)
//! dev (84 documents), rules: exact F1 0.926 (tp 759 fp 76 fn 45), overlap F1 0.956 (tp 776 fp 43 fn 28)
//! dev, model trained on all of train: exact F1 0.932 (tp 759 fp 66 fn 45), overlap F1 0.960 (tp 776 fp 36 fn 28)

use super::learned::{Pool, N};

/// How the pieces of a quotation running across paragraphs share a decision.
pub const POOL: Pool = Pool::Max;

/// Decision threshold on the model's probability (chosen by cross-validation on train).
pub const THRESHOLD: f32 = 0.55;

/// One weight a feature, in the order of [`super::learned::NAMES`].
#[rustfmt::skip]
pub const WEIGHTS: [f32; N] = [
    0.3265, // bias
    0.5547, // rule_direct
    0.1273, // rule_partial
    -0.6825, // rule_scare
    0.4645, // has_cue
    0.2214, // has_speaker
    0.4299, // cue_before
    0.3463, // cue_say
    -0.1955, // cue_tell
    0.1140, // cue_name
    0.1998, // cue_according
    -0.3816, // capital
    0.5241, // ends_stop
    0.0967, // ends_comma
    -0.5013, // words_1
    -0.3110, // words_2
    -0.1056, // words_3_4
    0.0013, // words_5_8
    0.4609, // words_9_20
    0.4553, // words_21_up
    -0.2341, // clause_start
    1.5310, // opens_sentence
    -0.4956, // opens_paragraph
    -0.5008, // whole_paragraph
    -0.3192, // title
    -1.0622, // title_case
    -0.1667, // work
    -0.0309, // nickname
    -0.1514, // modifier
    0.0000, // stage
    -1.8007, // single_marks
    0.0000, // guillemets
    -0.5338, // straight_marks
    -1.6195, // wrong_way
    -2.5476, // doubled_single
    -0.4117, // continued
    -1.3854, // runs_on
    0.0788, // after_determiner
    0.2047, // after_as
    -0.7864, // after_possessive
    0.0148, // after_comma
    -0.1263, // after_colon
    0.5444, // cue_word_near
    0.5060, // first_second_person
    -0.5534, // several_sentences
    0.1507, // transcript_label
    -0.4285, // in_block
    0.0306, // next_capital
    1.0026, // doc_cue_share
    0.5522, // doc_straight_share
];
