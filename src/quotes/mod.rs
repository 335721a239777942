//! Quotes: quotations and who said them.
//!
//! Four steps, one file each:
//! 1. [`marks`] pairs the quote marks of every style into quotations (linear, one
//!    paragraph at a time, so unbalanced marks stay local);
//! 2. [`attribution`] finds the cue (`said`, `told`, `according to`) before, after or
//!    between the pieces of each quotation and the speaker mention it governs, reading
//!    word order and punctuation, not the name types;
//! 3. [`coref`] resolves pronoun speakers to the nearest fitting person, using the
//!    genders the document gives (titles, pronouns that follow a name);
//! 4. [`classify`] types each quotation: `direct` (a quoted utterance), `partial` (a
//!    fragment woven into reported speech) or `scare` (a quoted term or title nobody is
//!    said to have said): first by rules, then, for quotations in running text, by a
//!    small learned decision ([`learned`], weights in [`weights`], trained on PolNeAR by
//!    `cargo run --release --bin train-quotes`) over the rules' type and the quotation's
//!    shape, which turns doubtful quotes into scare quotes and back.
//!
//! A quotation opening its sentence with no cue of its own takes the source of the
//! sentence of reported speech just before it (`Smith said the plan was late. “We lost a
//! year.”`); one inside its sentence takes the subject of that sentence when it stands
//! before it (`The board has warned of “a costly repair”`); failing both, it continues
//! the speaker of the quotation before it in its paragraph, or of the paragraph before
//! when it opens its paragraph.

pub mod attribution;
pub mod classify;
pub mod coref;
pub mod cues;
pub mod learned;
pub mod marks;
pub mod weights;

use crate::lower::Lowered;
use crate::numbers::lexicon::FnvMap;
use crate::segment::Document;
use crate::span::{Annotation, Kind, Label, NameType, QuoteType, Span, Speaker};
use std::cell::{Cell, OnceCell};

/// The longest token (bytes) whose lowercase form the rules read: no cue or other listed
/// word is longer.
const LONGEST_WORD: usize = 40;

/// A name handed over by the name recognizer.
#[derive(Clone, Copy, Debug)]
pub struct NameRef {
    /// Where it is (bytes).
    pub span: Span,
    /// Its entity id.
    pub entity: Option<u32>,
    /// Its type.
    pub ty: NameType,
}

/// What attribution and classification read: the document, its names, lowercased
/// tokens and where the quotations are.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Document<'a>,
    /// The names, sorted by start.
    pub names: Vec<NameRef>,
    /// The lowercase form of each token ("" for very long ones), from [`Lowered`].
    words: Vec<&'a str>,
    /// Top-level quotation spans, sorted by start, disjoint.
    top: Vec<Span>,
    sentence_starts: Vec<usize>,
    /// Lowercased single-word name → entity, to link capitalized words the name
    /// recognizer left out (a surname opening a sentence).
    /// (Built on first use: few documents ask it.)
    surface: OnceCell<FnvMap<String, (u32, NameType)>>,
    /// The cue each token's word is, once asked (attribution and classification ask the
    /// tokens around every quotation, many of them more than once): 0 not yet asked, 1
    /// none, else 2 + the kind.
    cues: Vec<Cell<u8>>,
}

impl<'a> Ctx<'a> {
    fn new(
        doc: &'a Document<'a>,
        lowered: &'a Lowered,
        names: &[Annotation],
        quotes: &[marks::Quoted],
    ) -> Ctx<'a> {
        let mut names: Vec<NameRef> = names
            .iter()
            .filter(|n| n.kind() == Kind::Name)
            .filter_map(|n| match n.label {
                Label::Name(ty) => Some(NameRef {
                    span: n.span,
                    entity: n.entity,
                    ty,
                }),
                _ => None,
            })
            .filter(|n| n.span.end <= doc.text.len() && n.span.start < n.span.end)
            .collect();
        names.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
        let words = lowered.all().collect();
        let mut top: Vec<Span> = Vec::new();
        for q in quotes {
            if !top.last().is_some_and(|t| t.end > q.span.start) {
                top.push(q.span);
            }
        }
        Ctx {
            doc,
            names,
            words,
            top,
            sentence_starts: doc.sentences.iter().map(|s| s.start).collect(),
            surface: OnceCell::new(),
            cues: vec![Cell::new(0); doc.tokens.len()],
        }
    }

    /// The lowercased text of token `i` ("" for very long tokens).
    pub fn lower(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The cue token `i`'s word is, if any: [`cues::cue_kind`] of [`Ctx::lower`], asked
    /// once a token.
    pub fn cue_kind(&self, i: usize) -> Option<cues::CueKind> {
        use cues::CueKind::{According, Name, Say, Tell};
        let Some(memo) = self.cues.get(i) else {
            return cues::cue_kind(self.lower(i));
        };
        let code = match memo.get() {
            0 => {
                let code = match cues::cue_kind(self.lower(i)) {
                    None => 1,
                    Some(Say) => 2,
                    Some(Tell) => 3,
                    Some(Name) => 4,
                    Some(According) => 5,
                };
                memo.set(code);
                code
            }
            c => c,
        };
        match code {
            2 => Some(Say),
            3 => Some(Tell),
            4 => Some(Name),
            5 => Some(According),
            _ => None,
        }
    }

    /// True when byte `pos` lies inside a top-level quotation.
    pub fn in_quote(&self, pos: usize) -> bool {
        let i = self.top.partition_point(|s| s.start <= pos);
        i > 0 && self.top[i - 1].end > pos
    }

    /// True when some top-level quotation overlaps `span`.
    pub fn has_quote(&self, span: Span) -> bool {
        let i = self.top.partition_point(|s| s.end <= span.start);
        self.top.get(i).is_some_and(|s| s.start < span.end)
    }

    /// Index of the sentence holding byte `pos`.
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentence_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1)
    }

    /// The name whose span holds token `i`.
    pub fn name_at(&self, i: usize) -> Option<NameRef> {
        let t = self.doc.tokens.get(i)?.span;
        let k = self.names.partition_point(|n| n.span.start <= t.start);
        self.names[..k]
            .iter()
            .rev()
            .take(3)
            .find(|n| n.span.contains(t))
            .copied()
    }

    /// Lowercased single-word name → entity (see [`Ctx::entity_by_surface`]).
    fn surface(&self) -> &FnvMap<String, (u32, NameType)> {
        self.surface.get_or_init(|| {
            let mut surface: FnvMap<String, (u32, NameType)> = FnvMap::default();
            // (one buffer for the lowercase words; a key is allocated only when new)
            let mut key = String::new();
            for n in &self.names {
                let Some(e) = n.entity else { continue };
                let text = self.doc.slice(n.span);
                if text.len() > 80 {
                    continue;
                }
                let mut visit = |w: &str, upper: bool| {
                    if w.len() > 1 && upper {
                        key.clear();
                        if w.is_ascii() {
                            key.push_str(w);
                            key.make_ascii_lowercase();
                        } else {
                            key.push_str(&w.to_lowercase());
                        }
                        if let Some(slot) = surface.get_mut(key.as_str()) {
                            // a person keeps the word over other types
                            if slot.1 != NameType::Person && n.ty == NameType::Person {
                                *slot = (e, n.ty);
                            }
                        } else {
                            surface.insert(key.clone(), (e, n.ty));
                        }
                    }
                };
                for w in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                    visit(w, w.chars().next().is_some_and(char::is_uppercase));
                }
            }
            surface
        })
    }

    /// The entity a capitalized word outside any name refers to, by its surface.
    pub fn entity_by_surface(&self, word: &str) -> Option<(u32, NameType)> {
        // (an ASCII word is lowercased on the stack)
        let mut buf = [0u8; 64];
        if let Some(b) = buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            return std::str::from_utf8(b)
                .ok()
                .and_then(|w| self.surface().get(w).copied());
        }
        self.surface().get(&word.to_lowercase()).copied()
    }
}

/// One quotation on its way to becoming an annotation.
#[derive(Clone, Debug)]
pub struct Quote {
    /// The quotation found by its marks.
    pub q: marks::Quoted,
    /// Nesting depth: 0 for a quotation in running text.
    pub depth: usize,
    /// The attribution found for it.
    pub attr: Option<attribution::Attribution>,
    /// Its type.
    pub ty: QuoteType,
    /// The features of the learned decision (top-level quotations only).
    pub features: Option<[f32; learned::N]>,
    /// [`attribution::sentence_source`] of a top-level quotation, once classification
    /// has asked it.
    pub subject: Option<Option<attribution::Mention>>,
}

/// A quotation as the trainer of the learned decision sees it.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Where it is (bytes).
    pub span: Span,
    /// Nesting depth: 0 for a quotation in running text.
    pub depth: usize,
    /// The type the rules give it.
    pub rule: QuoteType,
    /// Its features (top-level quotations only).
    pub features: Option<[f32; learned::N]>,
    /// True when it continues a quotation of the paragraph before.
    pub continued: bool,
    /// True when it runs on into the next paragraph.
    pub runs_on: bool,
}

/// The quotations of `doc` typed by the rules alone, with their features: what
/// `train-quotes` learns from.
pub fn candidates(doc: &Document, names: &[Annotation]) -> Vec<Candidate> {
    let quotes = run(doc, names, false);
    quotes
        .into_iter()
        .map(|q| Candidate {
            span: q.q.span,
            depth: q.depth,
            rule: q.ty,
            features: q.features,
            continued: q.q.continued,
            runs_on: q.q.runs_on,
        })
        .collect()
}

/// Proposes the quotes of `doc`, attributing them with the help of the proposed `names`.
pub fn recognize(doc: &Document, names: &[Annotation]) -> Vec<Annotation> {
    let quotes = run(doc, names, true);
    quotes
        .into_iter()
        .map(|q| {
            let mut a = Annotation::new(q.q.span, Label::Quote(q.ty));
            if let Some(attr) = q.attr {
                a.cue = attr.cue;
                a.speaker = attr.speaker.map(|m| Speaker {
                    mention: Some(m.span),
                    name: doc.slice(m.antecedent.unwrap_or(m.span)).to_string(),
                    entity: m.entity,
                });
            }
            a
        })
        .collect()
}

/// Finds, attributes and types the quotations of `doc` (with the learned decision when
/// `model` is true).
fn run(doc: &Document, names: &[Annotation], model: bool) -> Vec<Quote> {
    let found = marks::find(doc);
    if found.is_empty() {
        return Vec::new();
    }
    let lowered = Lowered::new(doc, LONGEST_WORD);
    let ctx = Ctx::new(doc, &lowered, names, &found);
    let genders = coref::Genders::infer(&ctx);

    // nesting depth (the quotations are sorted by start, longest first, and laminar)
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    let mut stack: Vec<Span> = Vec::new();
    for q in found {
        while stack.last().is_some_and(|s| s.end <= q.span.start) {
            stack.pop();
        }
        let depth = stack.len();
        stack.push(q.span);
        quotes.push(Quote {
            q,
            depth,
            attr: None,
            ty: QuoteType::Direct,
            features: None,
            subject: None,
        });
    }

    attribution::attribute(&ctx, &genders, &mut quotes);
    classify::classify(&ctx, &genders, &mut quotes, model);
    attribution::sentence_sources(&ctx, &genders, &mut quotes);
    attribution::continue_speakers(&ctx, &mut quotes);
    quotes
}

#[cfg(test)]
mod tests;
