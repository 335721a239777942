//! Names: people, organizations, places and other named things.
//!
//! A compact learned tagger does the finding: an averaged structured perceptron over
//! hashed features ([`features`]: word, shape, affixes, context, [`lists`] entries,
//! document facts), decoded with Viterbi over BILOU tags ([`model`]). Its weights are
//! trained by `src/bin/train.rs` on the shared name data, quantized to `i8` with one
//! power-of-two scale per row, and compiled in (`weights.bin`, with its manifest in
//! `weights.json`). Around the tagger, post-rules take titles and possessives off the
//! spans, and document-level linking ([`link`]) gives every mention of one entity the
//! same id and type.

pub mod features;
pub mod link;
pub mod lists;
pub mod model;

use crate::segment::Document;
use crate::span::Annotation;
use features::{NEIGHBOUR_FEATURES, NEIGHBOUR_OFFSETS, WORD_FEATURES};
use model::{Model, Part, Units, TAGS};
use std::ops::Range;
use std::sync::OnceLock;

/// The compiled weights (see [`model`] for the format).
pub const WEIGHTS: &[u8] = include_bytes!("weights.bin");

/// The compiled model, decoded on first use (an empty model if the weights are
/// malformed, so the recognizer finds nothing rather than panicking).
pub fn compiled() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS).unwrap_or_default())
}

/// A name found by the tagger: a range of token indices and a type index
/// (see [`model::TYPES`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Token indices of the name.
    pub tokens: Range<usize>,
    /// Index into [`model::TYPES`].
    pub ty: usize,
    /// How much less the tagger scored the same tokens as a name of each type than as
    /// the type it chose (0 for that type, at most 0 for the others): the evidence the
    /// document-level pass weighs. All 0 for a mention the tagger did not type itself.
    pub margins: [f32; 4],
}

impl Mention {
    /// A mention of type `ty` with no tagger evidence.
    pub fn new(tokens: Range<usize>, ty: usize) -> Mention {
        Mention {
            tokens,
            ty,
            margins: [0.0; 4],
        }
    }

    /// True when the tagger typed this mention as it stands.
    pub fn scored(&self) -> bool {
        self.margins.iter().any(|&m| m != 0.0)
    }
}

/// The margins of a name over `emissions` (its tokens' rows) as each type.
fn margins(emissions: &[[f32; TAGS]]) -> [f32; 4] {
    let n = emissions.len();
    let mut s = [0f32; 4];
    for (t, v) in s.iter_mut().enumerate() {
        for (k, e) in emissions.iter().enumerate() {
            let part = match (k, n) {
                (_, 1) => Part::Unit,
                (0, _) => Part::Begin,
                (k, n) if k + 1 == n => Part::Last,
                _ => Part::Inside,
            };
            *v += e.get(model::tag(part, t) as usize).copied().unwrap_or(0.0);
        }
    }
    let best = s.iter().copied().fold(f32::MIN, f32::max);
    s.map(|v| v - best)
}

/// Tags `doc` with `model` and returns the names found, before any post-rule.
pub fn tag(doc: &Document, model: &Model) -> Vec<Mention> {
    tag_with(doc, model, lists::lexicon())
}

/// Tags `doc` with `model` and a lexicon of lowercase words (the trainer's own).
pub fn tag_with(doc: &Document, model: &Model, lexicon: &lists::Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut tags = Vec::new();
    let mut decoder = model::Decoder::default();
    each_sentence(doc, model, lexicon, |r, emissions, quiet| {
        decoder.decode_outside(emissions, quiet, &model.transitions, &mut tags);
        let mut open: Option<(usize, usize)> = None;
        for (k, &t) in tags.iter().enumerate() {
            let i = r.start + k;
            let (part, ty) = model::split(t);
            match part {
                Part::Unit => out.push(Mention {
                    tokens: i..i + 1,
                    ty,
                    margins: margins(emissions.get(k..k + 1).unwrap_or(&[])),
                }),
                Part::Begin => open = Some((i, ty)),
                Part::Last => {
                    if let Some((s, ty)) = open.take() {
                        let from = k + s - i;
                        out.push(Mention {
                            tokens: s..i + 1,
                            ty,
                            margins: margins(emissions.get(from..k + 1).unwrap_or(&[])),
                        });
                    }
                }
                Part::Inside => {}
                Part::Outside => open = None,
            }
        }
    });
    out
}

/// The neighbours a token's neighbour features read, by offset (see [`NEIGHBOUR_OFFSETS`]).
const AROUND: [isize; 4] = [-2, -1, 1, 2];

/// The entry of [`AROUND`] each neighbour feature reads.
const SIDE: [usize; NEIGHBOUR_FEATURES] = {
    let mut a = [0; NEIGHBOUR_FEATURES];
    let mut k = 0;
    while k < NEIGHBOUR_FEATURES {
        let mut s = 0;
        while AROUND[s] != NEIGHBOUR_OFFSETS[k] {
            s += 1;
        }
        a[k] = s;
        k += 1;
    }
    a
};

/// Calls `f` with each sentence's token range, the emission scores of its tokens and
/// which of them are [quiet](features::Prepared::quiet): the sums of the weights of
/// every token's features, computed a sentence at a time (a document's features are
/// never all held at once). A quiet token's features are not looked up: its row is
/// zeros, and the decoder holds it to `O`.
///
/// The weights are summed as integers ([`Units`]), exactly, so the rows may be added in
/// any order: a distinct text's word features are summed once, and so are its neighbour
/// features as seen from each side, and a token adds those sums.
fn each_sentence(
    doc: &Document,
    model: &Model,
    lexicon: &lists::Lexicon,
    mut f: impl FnMut(Range<usize>, &[[f32; TAGS]], &[bool]),
) {
    let sentences = features::sentence_tokens(doc);
    let prep = features::Prepared::new(doc, &sentences, lexicon);
    // The quiet tokens, sentence after sentence, and the distinct texts the others need:
    // their own (word features) and those of their neighbours (neighbour features).
    let mut quiet: Vec<bool> = Vec::with_capacity(doc.tokens.len());
    let mut need_word = vec![false; prep.distinct()];
    let mut need_neighbour = vec![false; prep.distinct()];
    let mut q = Vec::new();
    for r in &sentences {
        prep.quiet(r.clone(), &mut q);
        for (k, _) in q.iter().enumerate().filter(|(_, &q)| !q) {
            let i = r.start + k;
            if let Some(n) = need_word.get_mut(prep.word_of(i)) {
                *n = true;
            }
            for j in i.saturating_sub(2).max(r.start)..(i + 3).min(r.end) {
                if let Some(n) = need_neighbour.get_mut(prep.word_of(j)) {
                    *n = true;
                }
            }
        }
        quiet.extend_from_slice(&q);
    }
    // Look-ups are the main cost and nearly all cache misses, so they are made in
    // batches, all addresses first (the misses overlap), then the additions.
    let needed = need_word.iter().filter(|&&n| n).count();
    let mut rows: Vec<model::Row> = Vec::with_capacity(needed * (WORD_FEATURES - 1));
    let mut ends: Vec<usize> = Vec::with_capacity(prep.distinct());
    // A token's word features depend on its text alone: summed once per distinct text,
    // from the bias feature's row, which every text has first.
    let mut bias = [0; TAGS];
    model.add_units(model.find(features::bias()), &mut bias);
    for (w, &need) in need_word.iter().enumerate() {
        if need {
            rows.extend(prep.word_features_after_bias(w).map(|id| model.find(id)));
        }
        ends.push(rows.len());
    }
    let words = model.sums(&rows, &ends, |_| bias, |u| *u);
    // The neighbour features of a token read one neighbour's text alone: a text's rows
    // are looked up once and summed by the side they are read from (entry 0 of
    // `around` is beyond the sentence's edge; `around_of` has each needed text's).
    let side = |w: Option<usize>| -> [Units; 4] {
        let rows = prep.neighbour_features(w).map(|id| model.find(id));
        let mut sums = [[0; TAGS]; 4];
        for (&row, s) in rows.iter().zip(SIDE) {
            if let Some(sum) = sums.get_mut(s) {
                model.add_units(row, sum);
            }
        }
        sums
    };
    let mut around = Vec::with_capacity(1 + need_neighbour.iter().filter(|&&n| n).count());
    around.push(side(None));
    let around_of: Vec<u32> = need_neighbour
        .iter()
        .enumerate()
        .map(|(w, &need)| {
            if need {
                around.push(side(Some(w)));
                around.len() as u32 - 1
            } else {
                0
            }
        })
        .collect();
    let mut from = 0;
    let mut emissions = Vec::new();
    for r in sentences {
        let quiet = quiet.get(from..from + r.len()).unwrap_or(&[]);
        from += r.len();
        let caps = features::headline(doc, r.clone());
        rows.clear();
        ends.clear();
        for (i, &q) in r.clone().zip(quiet) {
            if !q {
                let mut sink = Gather {
                    model,
                    rows: &mut rows,
                };
                prep.context(r.clone(), caps, i, &mut sink);
            }
            ends.push(rows.len());
        }
        let start = |k: usize| -> Units {
            let i = r.start + k;
            if quiet.get(k).copied().unwrap_or(false) {
                return [0; TAGS];
            }
            let mut sum = words.get(prep.word_of(i)).copied().unwrap_or([0; TAGS]);
            for (s, d) in AROUND.into_iter().enumerate() {
                let j = i as isize + d;
                let inside = j >= r.start as isize && j < r.end as isize;
                let at = if inside {
                    around_of
                        .get(prep.word_of(j as usize))
                        .copied()
                        .unwrap_or(0)
                } else {
                    0
                };
                if let Some(add) = around.get(at as usize).and_then(|a| a.get(s)) {
                    for (o, &v) in sum.iter_mut().zip(add) {
                        *o = o.wrapping_add(v);
                    }
                }
            }
            sum
        };
        model.sums_into(&rows, &ends, start, |u| model.scores(u), &mut emissions);
        f(r, &emissions, quiet);
    }
}

/// Collects the rows of a token's context features but its neighbour ones (summed per
/// distinct text instead).
struct Gather<'a> {
    model: &'a Model,
    rows: &'a mut Vec<model::Row>,
}

impl features::Sink for Gather<'_> {
    const SUMS_NEIGHBOURS: bool = true;

    #[inline]
    fn feature(&mut self, id: u32) {
        self.rows.push(self.model.find(id));
    }

    #[inline]
    fn neighbour(&mut self, _: &features::Prepared, _: usize, _: Option<usize>) {}
}

/// Proposes the names of `doc`, with entity ids shared by mentions of one entity.
pub fn recognize(doc: &Document) -> Vec<Annotation> {
    let mentions = tag(doc, compiled());
    link::link(doc, mentions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Label, NameType};

    fn names(text: &str) -> Vec<(String, NameType, u32)> {
        let doc = Document::new(text);
        recognize(&doc)
            .into_iter()
            .map(|a| {
                let ty = match a.label {
                    Label::Name(t) => t,
                    _ => panic!("not a name"),
                };
                (text[a.span].to_string(), ty, a.entity.unwrap_or(u32::MAX))
            })
            .collect()
    }

    #[test]
    fn emissions_equal_the_scores_of_the_whole_feature_lists() {
        // the per-text sums and cached neighbour rows must give bit for bit what scoring
        // each token's full list (as the trainer sees it) gives
        let text = "Mexican President Claudia Sheinbaum met officials in Mexico City. \
                    SHEINBAUM WINS VOTE\n\nSheinbaum said the Drug Enforcement \
                    Administration (DEA) would help. The DEA agreed; the plan is the plan.";
        let doc = Document::new(text);
        let model = compiled();
        let lexicon = lists::lexicon();
        let sentences = features::sentence_tokens(&doc);
        let f = features::extract_with(&doc, &sentences, lexicon);
        let (mut seen, mut quiet) = (0, 0);
        each_sentence(&doc, model, lexicon, |r, emissions, held| {
            assert_eq!(r.len(), emissions.len());
            assert_eq!(r.len(), held.len());
            for ((i, e), &q) in r.zip(emissions).zip(held) {
                seen += 1;
                if q {
                    quiet += 1;
                    continue;
                }
                let mut want = [0.0; TAGS];
                model.score(f.of(i), &mut want);
                assert_eq!(want.map(f32::to_bits), e.map(f32::to_bits), "token {i}");
            }
        });
        assert_eq!(seen, doc.tokens.len());
        // “would help”, “agreed ; the plan is the plan .”
        assert!(quiet >= 5 && quiet < seen / 2, "{quiet} of {seen}");
    }

    #[test]
    fn the_compiled_model_loads() {
        assert!(!compiled().is_empty());
    }

    #[test]
    fn finds_and_links_people_and_places() {
        let found = names(
            "Mexican President Claudia Sheinbaum met officials in Mexico City on Monday. \
             Sheinbaum said the talks went well.",
        );
        let full = found
            .iter()
            .find(|n| n.0 == "Claudia Sheinbaum")
            .expect("full name");
        assert_eq!(full.1, NameType::Person);
        let short = found.iter().find(|n| n.0 == "Sheinbaum").expect("surname");
        assert_eq!(short.1, NameType::Person);
        assert_eq!(short.2, full.2);
        assert!(found
            .iter()
            .any(|n| n.0 == "Mexico City" && n.1 == NameType::Place));
    }

    #[test]
    fn sheinbaum_and_trump_are_people_linked_to_their_full_names() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/samples/sheinbaum-troops.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} not found");
            return;
        };
        let found = crate::annotate(&text);
        for (word, full) in [
            ("Sheinbaum", "Claudia Sheinbaum"),
            ("Trump", "Donald Trump"),
        ] {
            let mut seen = 0;
            for (at, _) in text.match_indices(word) {
                let name = found
                    .spans
                    .iter()
                    .find(|a| {
                        a.kind() == crate::Kind::Name && a.span.start <= at && at < a.span.end
                    })
                    .unwrap_or_else(|| panic!("{word} at {at} is not marked"));
                assert_eq!(name.label, Label::Name(NameType::Person), "{word} at {at}");
                let e = name.entity.expect("entity") as usize;
                assert_eq!(found.entities[e].name, full, "{word} at {at}");
                seen += 1;
            }
            assert!(seen >= 4);
        }
    }

    #[test]
    fn no_input_panics() {
        for text in [
            "",
            " ",
            "(",
            "A (",
            "’s",
            "The (DEA)",
            "President",
            "\u{200B}X\u{0301}",
            "Ünïcödé Ñame’s (ÜN)",
        ] {
            let doc = Document::new(text);
            let _ = recognize(&doc);
        }
    }
}
