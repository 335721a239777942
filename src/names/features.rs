//! Features of each token for the name tagger, as 32-bit hashes.
//!
//! One function serves both the trainer (`src/bin/train.rs`) and the recognizer, so the
//! two can never disagree on what a feature is. A feature is a template number hashed
//! with the strings it reads: the word, its lowercase form, its shape, prefixes and
//! suffixes, the neighbouring words and shapes, the position in the sentence, the list
//! entries covering it, and two facts about the document (the word also occurs in
//! lowercase; the sentence is written in capitals, as headlines are).

use super::lists::{self, extend_key, token_key, Lexicon, Lists, CATEGORIES, MAX_TOKENS};
use crate::segment::{Document, TokenKind};
use std::collections::HashSet;
use std::ops::Range;

/// Features of every token of a document: token `i` has `ids[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Feature hashes, token after token.
    pub ids: Vec<u32>,
    /// Where each token's features start in `ids`; one more entry than tokens.
    pub offsets: Vec<u32>,
}

impl Features {
    /// The features of token `i`.
    #[inline]
    pub fn of(&self, i: usize) -> &[u32] {
        let a = self.offsets.get(i).copied().unwrap_or(0) as usize;
        let b = self.offsets.get(i + 1).copied().unwrap_or(0) as usize;
        self.ids.get(a..b).unwrap_or(&[])
    }
}

/// The token ranges of the sentences of `doc`.
pub fn sentence_tokens(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = doc
        .sentences
        .iter()
        .map(|&s| doc.tokens_in(s))
        .filter(|r| !r.is_empty())
        .collect();
    // Tokens outside every sentence (should not happen) still get tagged, alone.
    let mut covered = 0;
    let mut extra = Vec::new();
    for r in &out {
        if r.start > covered {
            extra.push(covered..r.start);
        }
        covered = covered.max(r.end);
    }
    if covered < doc.tokens.len() {
        extra.push(covered..doc.tokens.len());
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|r| r.start);
    }
    if out.iter().any(|r| r.len() > MAX_SENTENCE_TOKENS) {
        out = out.into_iter().flat_map(|r| pieces(doc, r)).collect();
    }
    out
}

/// The most distinct texts [`Prepared::new`] makes room for up front: those of a long
/// article. With room for half the tokens of any text (104 bytes each, and the tagger's
/// rows sized from it), the 1 MB news benchmark as one text took 32 MB of WebAssembly
/// memory instead of 22; it has 16,000 distinct texts in 191,000 tokens.
const PRESIZED_TEXTS: usize = 4096;

/// The most tokens the tagger reads as one sentence. A longer run (a text without
/// sentence ends: a long list, a table, a hostile input) is read in pieces of at most this
/// many, so the tagger's buffers, which hold a sentence at a time (its scores, 68 bytes a
/// token, and the decoder's, about 100), stay small whatever the text: a text of 4 MiB
/// that was one sentence of two million tokens needed 350 MB for them alone. The longest
/// sentence of every shared set has 220 tokens.
pub const MAX_SENTENCE_TOKENS: usize = 512;

/// `r` cut into runs of at most [`MAX_SENTENCE_TOKENS`] tokens. A cut falls in the last
/// quarter of a run, between two tokens that no name takes, [plain](plain) ones (“… and
/// the | results …”), if there is such a place; else at the run's end.
fn pieces(doc: &Document, r: Range<usize>) -> Vec<Range<usize>> {
    let plain_at = |i: usize| doc.tokens.get(i).is_some_and(|t| plain(doc.slice(t.span)));
    let mut out = Vec::with_capacity(r.len() / MAX_SENTENCE_TOKENS + 1);
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE_TOKENS {
        let hard = start + MAX_SENTENCE_TOKENS;
        let end = (hard - MAX_SENTENCE_TOKENS / 4..=hard)
            .rev()
            .find(|&k| plain_at(k - 1) && plain_at(k))
            .unwrap_or(hard);
        out.push(start..end);
        start = end;
    }
    out.push(start..r.end);
    out
}

/// The 64-bit finalizer of [`super::model::mix`], cut to 32 bits.
#[inline]
fn fmix(h: u64) -> u32 {
    super::model::mix(h) as u32
}

#[inline]
fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Features live in a 24-bit space: collisions stay rare for the few hundred thousand
/// features training sees, and the sorted keys of the weight file delta-encode in two
/// bytes instead of three.
pub const FEATURE_BITS: u32 = 24;

#[inline]
fn feat(template: u64, h: u64) -> u32 {
    fmix(h ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15)) >> (32 - FEATURE_BITS)
}

#[inline]
fn feat2(template: u64, a: u64, b: u64) -> u32 {
    fmix(a.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ b ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        >> (32 - FEATURE_BITS)
}

/// Word-level values that the templates combine: everything about a token that depends
/// on its text alone, so it is computed once per distinct text of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tok {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefixes: [u64; 3],
    suffixes: [u64; 3],
    upper_first: bool,
    key: u64,
}

const BOUNDARY: u64 = 0x5151_5151;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// [`str_hash`] extended by the UTF-8 bytes of `c`.
#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return fnv_byte(h, c as u8);
    }
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf).bytes().fold(h, fnv_byte)
}

/// True when `s` is a word of lowercase letters (with apostrophes or hyphens after the
/// first) or one common punctuation mark: text that is no name's and, with only its like
/// around it, no part of one ([`Prepared::quiet`]). Digits, capitals, letters without
/// case, `/`, `@`, `#` and dots inside words (addresses, handles, tags) are not plain.
fn plain(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => {
            chars.all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-'))
        }
        Some(c) => chars.next().is_none() && plain_mark(c),
        None => false,
    }
}

/// The common punctuation marks that are [`plain`] alone.
fn plain_mark(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '—'
            | '–'
            | '-'
            | '…'
    )
}

/// The word-level values of one token text ([`word_values`]), whether it has no capital
/// letter, and whether it is [`plain`]: for an ASCII text (most are) in one pass over its
/// bytes ([`ascii_values`]).
#[inline]
fn text_values(s: &str, word: u64) -> (Tok, bool, bool) {
    if s.is_ascii() {
        return ascii_values(s.as_bytes(), word);
    }
    (
        word_values(s, word),
        !s.chars().any(char::is_uppercase),
        plain(s),
    )
}

/// The bias feature: the first of every token's [word features](Prepared::word_features).
pub fn bias() -> u32 {
    feat(T_BIAS, 0)
}

/// The class of a character in a word shape.
#[inline]
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else if c.is_ascii() || matches!(c, '‘'..='‟' | '–' | '—' | '…' | '«' | '»') {
        c
    } else {
        // emoji and other symbols: one class, so an unseen one still has a shape
        'S'
    }
}

/// The hashes of the long shape (classes, runs cut at three, at most about 12 bytes) and
/// the short shape (runs of one class folded) of `s`, hashed as they are built.
fn shapes(s: &str) -> (u64, u64) {
    let mut long = FNV_OFFSET;
    let mut long_len = 0;
    let mut short = FNV_OFFSET;
    let mut last = '\0';
    let mut run = 0;
    for c in s.chars() {
        let k = shape_class(c);
        if k == last {
            run += 1;
        } else {
            run = 1;
            short = fnv_char(short, k);
        }
        if run <= 3 && long_len < 12 {
            long = fnv_char(long, k);
            long_len += k.len_utf8();
        }
        last = k;
    }
    (long, short)
}

/// The word-level values of one token text, hashed while its lowercase form streams
/// by: no string is built. `str::to_lowercase` has one rule that depends on context (a
/// word-final capital sigma becomes `ς`); a text with a capital sigma takes the
/// allocating path, so the hashes stay exactly those of the lowercase string. `word` is
/// [`str_hash`] of `s`, which the caller has computed already (to find the text).
fn word_values(s: &str, word: u64) -> Tok {
    if s.is_ascii() {
        return ascii_values(s.as_bytes(), word).0;
    }
    if s.contains('Σ') {
        return word_values_allocating(s);
    }
    let (shape, short) = shapes(s);
    let mut lower = FNV_OFFSET;
    // the lowercase hash before a trailing run of dots: the list key of "Sen." is "sen"
    let mut before_dots = FNV_OFFSET;
    let mut prev_dot = false;
    let mut n = 0usize;
    let mut pre = [FNV_OFFSET; 3];
    // the last four lowercase characters, for the suffixes
    let mut tail = ['\0'; 4];
    let mut upper_first = false;
    for (k, c) in s.chars().enumerate() {
        if k == 0 {
            upper_first = c.is_uppercase();
        }
        let dot = c == '.';
        if dot && !prev_dot {
            before_dots = lower;
        }
        prev_dot = dot;
        for l in c.to_lowercase() {
            if (2..=4).contains(&n) {
                pre[n - 2] = lower;
            }
            lower = fnv_char(lower, l);
            tail[n % 4] = l;
            n += 1;
        }
    }
    let mut prefixes = [1u64; 3];
    let mut suffixes = [1u64; 3];
    for (k, len) in [2usize, 3, 4].into_iter().enumerate() {
        if n > len {
            prefixes[k] = pre[k];
            suffixes[k] = (n - len..n).fold(FNV_OFFSET, |h, j| fnv_char(h, tail[j % 4]));
        }
    }
    Tok {
        word,
        lower,
        shape,
        short,
        prefixes,
        suffixes,
        upper_first,
        key: if prev_dot { before_dots } else { lower },
    }
}

/// [`text_values`] of an ASCII text, in one pass over its bytes: every character is its
/// own lowercase form's only character and its own UTF-8, and its shape class is `X`,
/// `x`, `d` or itself, so the hashes are those of the general path; a character is
/// lowercase when it is `a`-`z` and a capital when `A`-`Z`. The pass hashes the shapes;
/// the lowercase form is hashed after it only for a text with a capital (any other is
/// its own lowercase form, whose hash is `word`), the affixes from at most four bytes at
/// either end, and the list key apart only for a text that ends in a dot. `word` must be
/// [`str_hash`] of `s`.
fn ascii_values(s: &[u8], word: u64) -> (Tok, bool, bool) {
    let lower_of = |b: u8| b.to_ascii_lowercase();
    let mut long = FNV_OFFSET;
    let mut long_len = 0;
    let mut short = FNV_OFFSET;
    let mut last = 0u8;
    let mut run = 0;
    let mut upper = false;
    // every byte after the first a lowercase letter, an apostrophe or a hyphen
    let mut plain_rest = true;
    for (n, &b) in s.iter().enumerate() {
        let k = match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => b,
        };
        upper |= k == b'X';
        plain_rest &= n == 0 || matches!(k, b'x' | b'\'' | b'-');
        if k == last {
            run += 1;
        } else {
            run = 1;
            short = fnv_byte(short, k);
        }
        if run <= 3 && long_len < 12 {
            long = fnv_byte(long, k);
            long_len += 1;
        }
        last = k;
    }
    // a text without capitals is its own lowercase form, whose hash `word` is
    let lower = if upper {
        s.iter().fold(FNV_OFFSET, |h, &b| fnv_byte(h, lower_of(b)))
    } else {
        word
    };
    let n = s.len();
    let mut prefixes = [1u64; 3];
    let mut suffixes = [1u64; 3];
    let mut h = FNV_OFFSET;
    for (j, &b) in s.iter().take(4).enumerate() {
        h = fnv_byte(h, lower_of(b));
        // the first j + 1 bytes, when the text is longer
        if let Some(p) = j.checked_sub(1).and_then(|k| prefixes.get_mut(k)) {
            if n > j + 1 {
                *p = h;
            }
        }
    }
    for (k, len) in [2usize, 3, 4].into_iter().enumerate() {
        if n > len {
            let tail = s.get(n - len..).unwrap_or_default();
            suffixes[k] = tail
                .iter()
                .fold(FNV_OFFSET, |h, &b| fnv_byte(h, lower_of(b)));
        }
    }
    // the list key of "Sen." is "sen": the lowercase form before a trailing run of dots
    let key = if s.last() == Some(&b'.') {
        let kept = s.iter().rposition(|&b| b != b'.').map_or(0, |p| p + 1);
        let head = s.get(..kept).unwrap_or_default();
        head.iter()
            .fold(FNV_OFFSET, |h, &b| fnv_byte(h, lower_of(b)))
    } else {
        lower
    };
    let plain = match s {
        [] => false,
        [c] if !c.is_ascii_lowercase() => plain_mark(char::from(*c)),
        [first, ..] => first.is_ascii_lowercase() && plain_rest,
    };
    let tok = Tok {
        word,
        lower,
        shape: long,
        short,
        prefixes,
        suffixes,
        upper_first: s.first().is_some_and(u8::is_ascii_uppercase),
        key,
    };
    (tok, !upper, plain)
}

/// [`word_values`] the plain way, over an allocated lowercase string.
fn word_values_allocating(s: &str) -> Tok {
    let lower = s.to_lowercase();
    let (shape, short) = shapes(s);
    let chars: Vec<(usize, char)> = lower.char_indices().take(5).collect();
    let n = lower.chars().count();
    let mut prefixes = [1u64; 3];
    let mut suffixes = [1u64; 3];
    for (k, len) in [2usize, 3, 4].into_iter().enumerate() {
        if n > len {
            let end = chars.get(len).map_or(lower.len(), |&(p, _)| p);
            prefixes[k] = str_hash(lower.get(..end).unwrap_or(""));
            let start = lower
                .char_indices()
                .rev()
                .nth(len - 1)
                .map_or(0, |(p, _)| p);
            suffixes[k] = str_hash(lower.get(start..).unwrap_or(""));
        }
    }
    Tok {
        word: str_hash(s),
        lower: str_hash(&lower),
        shape,
        short,
        prefixes,
        suffixes,
        upper_first: s.chars().next().is_some_and(char::is_uppercase),
        key: token_key(s.trim_end_matches('.')),
    }
}

// Template numbers. Changing any of them, or what they read, needs a retrain.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_PRE: u64 = 6; // +0..3
const T_SUF: u64 = 9; // +0..3
const T_LOWER_AT: u64 = 12; // +0..4 for offsets -2, -1, +1, +2
const T_SHORT_AT: u64 = 16; // +0..2 for offsets -1, +1
const T_SHAPE3: u64 = 18;
const T_BIGRAM_L: u64 = 19;
const T_BIGRAM_R: u64 = 20;
const T_FIRST: u64 = 21;
const T_LIST: u64 = 22;
const T_LIST_AT: u64 = 23;
const T_LCSEEN: u64 = 24;
const T_CAPS: u64 = 25;
const T_WORD_AT: u64 = 26; // +0..2 for offsets -1, +1
const T_LAST: u64 = 28;
const T_CAPS_WORD: u64 = 29;
const T_COMMON: u64 = 30;
const T_DOC: u64 = 31;

// Facts about a capitalized text gathered from all its occurrences in a document, as
// bits; a set bit `b` is the feature `(T_DOC, b)`, so the bit numbers are part of the
// weights (bits 1-3 and 6 were tried and left out: other runs of capitals, capitals
// inside a sentence, only at its start).
/// Some occurrence follows a title (“Professor Eastman”).
const AFTER_TITLE: u8 = 1 << 0;
/// Some occurrence comes before an organization word or suffix (“Harrow School”).
const BEFORE_ORG: u8 = 1 << 4;
/// Some occurrence comes before a comma and a country or region (“Eugene, Oregon”).
const BEFORE_PLACE: u8 = 1 << 5;

/// Computes the features of every token of `doc`.
pub fn extract(doc: &Document, sentences: &[Range<usize>]) -> Features {
    extract_with(doc, sentences, lists::lexicon())
}

/// Computes the features of every token of `doc` with the given lexicon of lowercase
/// words (the trainer builds its own before the compiled one exists). A token's list
/// is its [word features](Prepared::word_features) followed by its
/// [context features](Prepared::context_features).
pub fn extract_with(doc: &Document, sentences: &[Range<usize>], lexicon: &Lexicon) -> Features {
    let p = Prepared::new(doc, sentences, lexicon);
    let n = doc.tokens.len();
    let mut f = Features {
        ids: Vec::with_capacity(n * 40),
        offsets: Vec::with_capacity(n + 1),
    };
    f.offsets.push(0);
    for r in sentences {
        let caps = headline(doc, r.clone());
        for i in r.clone() {
            p.word_features(p.word_of(i), &mut f.ids);
            p.context_features(r.clone(), caps, i, &mut f.ids);
            f.offsets.push(f.ids.len() as u32);
        }
    }
    f
}

/// A distinct token text of a document and its word-level facts.
#[derive(Clone, Debug)]
struct Word {
    tok: Tok,
    /// The text has no capital letter.
    no_upper: bool,
    /// Its lowercase form is already in the document's set of lowercase words.
    counted: bool,
    /// Capitalized, and also written in lowercase somewhere in the document.
    lc_seen: bool,
    /// Capitalized, and its lowercase form is in the lexicon.
    common: bool,
    /// What the text's other occurrences in the document show ([`doc_facts`]).
    facts: u8,
    /// The text is a lowercase word or a common punctuation mark ([`plain`]).
    plain: bool,
}

/// A document ready for feature extraction: the word-level values of each distinct token
/// text (most tokens repeat a text seen before, so those values are computed once), the
/// text of each token and the list entries covering it.
#[derive(Debug)]
pub struct Prepared {
    words: Vec<Word>,
    /// Index into `words` of each token.
    of_token: Vec<u32>,
    list_pos: Vec<[u16; 4]>,
}

impl Prepared {
    /// Prepares `doc`, whose sentences are `sentences` (see [`sentence_tokens`]), with a
    /// lexicon of lowercase words.
    pub fn new(doc: &Document, sentences: &[Range<usize>], lexicon: &Lexicon) -> Prepared {
        // sized for the distinct texts of a news article (about half its tokens): no regrowth
        // there; a long text has far fewer distinct texts than that (16,000 of the 191,000
        // tokens of the 1 MB news benchmark as one text), and the vectors grow as they come
        let distinct = (doc.tokens.len() / 2).min(PRESIZED_TEXTS) + 16;
        // distinct texts by their hash (the word feature's own, computed once per token)
        // and their text: open addressing, at most half full
        let size = (doc.tokens.len() * 2).next_power_of_two().max(16);
        let mut index: Vec<u32> = vec![0; size];
        let mut texts: Vec<&str> = Vec::with_capacity(distinct);
        let mut words: Vec<Word> = Vec::with_capacity(distinct);
        let mut of_token = Vec::with_capacity(doc.tokens.len());
        // the lowercase forms of the counted texts (see below) that are not their own
        // texts (rare: a word without capitals that lowercasing still changes); the
        // values are hashes already: no SipHash
        let mut other_lowers: HashSet<u64, lists::KeyHash> = HashSet::default();
        for t in &doc.tokens {
            let s = doc.slice(t.span);
            let h = str_hash(s);
            let mut at = fmix(h) as usize & (size - 1);
            let w = loop {
                match index.get(at).copied().unwrap_or(0) {
                    0 => {
                        let (tok, no_upper, plain) = text_values(s, h);
                        words.push(Word {
                            tok,
                            no_upper,
                            counted: false,
                            lc_seen: false,
                            common: false,
                            facts: 0,
                            plain,
                        });
                        texts.push(s);
                        if let Some(slot) = index.get_mut(at) {
                            *slot = words.len() as u32;
                        }
                        break words.len() as u32 - 1;
                    }
                    k => {
                        let w = k - 1;
                        let same = words.get(w as usize).is_some_and(|x| x.tok.word == h)
                            && texts.get(w as usize) == Some(&s);
                        if same {
                            break w;
                        }
                    }
                }
                at = (at + 1) & (size - 1);
            };
            if let Some(word) = words.get_mut(w as usize) {
                if t.kind == TokenKind::Word && word.no_upper && !word.counted {
                    word.counted = true;
                    if word.tok.lower != word.tok.word {
                        other_lowers.insert(word.tok.lower);
                    }
                }
            }
            of_token.push(w);
        }
        // A capitalized text is seen in lowercase when some counted text (a word token
        // without capitals) has its lowercase hash. Such a text is nearly always its own
        // lowercase form, whose hash is its word hash: it is in the table of distinct
        // texts, on the probe sequence of that hash, which ends at a free slot.
        let written_lower = |lower: u64| {
            let mut at = fmix(lower) as usize & (size - 1);
            while let Some(&k) = index.get(at).filter(|&&k| k != 0) {
                let counted = words
                    .get(k as usize - 1)
                    .is_some_and(|x| x.counted && x.tok.word == lower && x.tok.lower == x.tok.word);
                if counted {
                    return true;
                }
                at = (at + 1) & (size - 1);
            }
            other_lowers.contains(&lower)
        };
        let seen: Vec<bool> = words
            .iter()
            .map(|w| w.tok.upper_first && written_lower(w.tok.lower))
            .collect();
        for (w, seen) in words.iter_mut().zip(seen) {
            let t = &w.tok;
            w.lc_seen = seen;
            w.common = t.upper_first && lexicon.contains(t.key);
        }
        // a one-word phrase depends on the text alone: looked up once per distinct text
        let lists = lists::lists();
        let singles: Vec<(u16, bool)> = words
            .iter()
            .map(|w| {
                let h = extend_key(0, w.tok.key);
                lists.look_up(h)
            })
            .collect();
        let list_pos = list_positions(lists, &words, &of_token, &singles, sentences);
        doc_facts(doc, sentences, &of_token, &list_pos, &mut words);
        Prepared {
            words,
            of_token,
            list_pos,
        }
    }

    /// Marks the quiet tokens of sentence `r` in `out` (cleared first; one entry a
    /// token): a token is quiet when it and every token from [`QUIET_BEFORE`] before it
    /// to [`QUIET_AFTER`] after it (within the sentence) are plain (`plain`) — lowercase
    /// words and common punctuation, no capital, digit or symbol in reach of its
    /// features. The recognizer gives quiet tokens no emission scores and tags them `O`.
    ///
    /// A gate, not a proof: on every shared names set (dev sets, WikiGold, UNER PUD) and
    /// the 1 MB news sample, the full tagger gave a quiet token `O` every time (41% of
    /// the news tokens are quiet); only some training quirks of CoNLL and GUM train
    /// (“interior ministry” as an organization, 15 of 136,000 quiet tokens) differ.
    pub fn quiet(&self, r: Range<usize>, out: &mut Vec<bool>) {
        out.clear();
        let plain_at = |j: usize| {
            self.of_token
                .get(j)
                .and_then(|&w| self.words.get(w as usize))
                .is_some_and(|w| w.plain)
        };
        // plain tokens in a row ending at each token, then the window's check from the
        // right: `ahead` counts plain tokens in a row starting after the token
        let mut run = 0usize;
        for j in r.clone() {
            run = if plain_at(j) { run + 1 } else { 0 };
            // the run covers the token and the ones before it in reach
            out.push(run > (j - r.start).min(QUIET_BEFORE));
        }
        let mut ahead = 0usize;
        for (k, q) in out.iter_mut().enumerate().rev() {
            let j = r.start + k;
            *q = *q && ahead >= (r.end - j - 1).min(QUIET_AFTER);
            ahead = if plain_at(j) { ahead + 1 } else { 0 };
        }
    }

    /// Number of distinct token texts.
    pub fn distinct(&self) -> usize {
        self.words.len()
    }

    /// The distinct text (an index below [`Prepared::distinct`]) of token `i`.
    #[inline]
    pub fn word_of(&self, i: usize) -> usize {
        self.of_token.get(i).map_or(0, |&w| w as usize)
    }

    /// Appends the features that read only the text of a token (distinct text `w`): the
    /// same for every token with that text. They come first in a token's list, so the
    /// recognizer sums their weights once per distinct text. The first is [`bias`], the
    /// same for every text.
    pub fn word_features(&self, w: usize, ids: &mut Vec<u32>) {
        let Some(t) = self.words.get(w).map(|w| &w.tok) else {
            return;
        };
        ids.push(feat(T_BIAS, 0));
        ids.push(feat(T_WORD, t.word));
        ids.push(feat(T_LOWER, t.lower));
        ids.push(feat(T_SHAPE, t.shape));
        ids.push(feat(T_SHORT, t.short));
        for k in 0..3 {
            ids.push(feat(T_PRE + k as u64, t.prefixes[k]));
            ids.push(feat(T_SUF + k as u64, t.suffixes[k]));
        }
    }

    /// Appends the features of token `i` that read its neighbours in sentence `r`, its
    /// position, the lists and the document; `caps` tells whether the sentence is a
    /// [`headline`].
    pub fn context_features(&self, r: Range<usize>, caps: bool, i: usize, ids: &mut Vec<u32>) {
        self.context(r, caps, i, ids);
    }

    /// The feature hash of neighbour template `k` (below [`NEIGHBOUR_FEATURES`]) read from
    /// distinct text `w`, or from beyond the sentence's edge when `w` is `None`.
    pub fn neighbour_feature(&self, k: usize, w: Option<usize>) -> u32 {
        let t = w.and_then(|w| self.words.get(w)).map(|w| &w.tok);
        let (template, value) = match k {
            0..=3 => (T_LOWER_AT + k as u64, t.map(|t| t.lower)),
            4 => (T_SHORT_AT, t.map(|t| t.short)),
            5 => (T_WORD_AT, t.map(|t| t.word)),
            6 => (T_SHORT_AT + 1, t.map(|t| t.short)),
            _ => (T_WORD_AT + 1, t.map(|t| t.word)),
        };
        feat(template, value.unwrap_or(BOUNDARY))
    }

    /// Every [`Prepared::neighbour_feature`] of distinct text `w`, in template order, each
    /// value read once.
    #[inline]
    pub fn neighbour_features(&self, w: Option<usize>) -> [u32; NEIGHBOUR_FEATURES] {
        let t = w.and_then(|w| self.words.get(w)).map(|w| &w.tok);
        let (lower, short, word) = t.map_or((BOUNDARY, BOUNDARY, BOUNDARY), |t| {
            (t.lower, t.short, t.word)
        });
        [
            feat(T_LOWER_AT, lower),
            feat(T_LOWER_AT + 1, lower),
            feat(T_LOWER_AT + 2, lower),
            feat(T_LOWER_AT + 3, lower),
            feat(T_SHORT_AT, short),
            feat(T_WORD_AT, word),
            feat(T_SHORT_AT + 1, short),
            feat(T_WORD_AT + 1, word),
        ]
    }

    /// The [word features](Prepared::word_features) of distinct text `w` (an index below
    /// [`Prepared::distinct`]) but the first, [`bias`], which every text has (for an index
    /// out of range, the bias again).
    #[inline]
    pub fn word_features_after_bias(&self, w: usize) -> [u32; WORD_FEATURES - 1] {
        let Some(t) = self.words.get(w).map(|w| &w.tok) else {
            return [feat(T_BIAS, 0); WORD_FEATURES - 1];
        };
        [
            feat(T_WORD, t.word),
            feat(T_LOWER, t.lower),
            feat(T_SHAPE, t.shape),
            feat(T_SHORT, t.short),
            feat(T_PRE, t.prefixes[0]),
            feat(T_SUF, t.suffixes[0]),
            feat(T_PRE + 1, t.prefixes[1]),
            feat(T_SUF + 1, t.suffixes[1]),
            feat(T_PRE + 2, t.prefixes[2]),
            feat(T_SUF + 2, t.suffixes[2]),
        ]
    }

    /// The context features of token `i` into `sink`, in list order.
    pub fn context<S: Sink>(&self, r: Range<usize>, caps: bool, i: usize, sink: &mut S) {
        let Some(word) = self
            .of_token
            .get(i)
            .and_then(|&w| self.words.get(w as usize))
        else {
            return;
        };
        let t = &word.tok;
        let at = |d: isize| -> Option<usize> {
            let j = i as isize + d;
            if j < r.start as isize || j >= r.end as isize {
                None
            } else {
                self.of_token.get(j as usize).map(|&w| w as usize)
            }
        };
        let tok_at = |d: isize| at(d).and_then(|w| self.words.get(w)).map(|w| &w.tok);
        if !S::SUMS_NEIGHBOURS {
            for (k, d) in NEIGHBOUR_OFFSETS.into_iter().enumerate() {
                sink.neighbour(self, k, at(d));
            }
        }
        // the two neighbours' values, each found once
        let (prev, next) = (tok_at(-1), tok_at(1));
        let (lower_prev, short_prev) = prev.map_or((BOUNDARY, BOUNDARY), |x| (x.lower, x.short));
        let (lower_next, short_next) = next.map_or((BOUNDARY, BOUNDARY), |x| (x.lower, x.short));
        sink.feature(feat2(T_SHAPE3, extend_key(short_prev, t.short), short_next));
        sink.feature(feat2(T_BIGRAM_L, lower_prev, t.lower));
        sink.feature(feat2(T_BIGRAM_R, t.lower, lower_next));
        if i == r.start {
            sink.feature(feat(T_FIRST, t.short));
        }
        if i + 1 == r.end {
            sink.feature(feat(T_LAST, t.short));
        }
        if word.lc_seen {
            sink.feature(feat(T_LCSEEN, u64::from(i == r.start)));
        }
        if word.common {
            sink.feature(feat(T_COMMON, u64::from(i == r.start)));
        }
        // document facts are context: the same text has other ones in another document
        // (word features are summed once per distinct text)
        // the set bits, ascending (most texts have none)
        let mut facts = word.facts;
        while facts != 0 {
            sink.feature(feat(T_DOC, u64::from(facts.trailing_zeros())));
            facts &= facts - 1;
        }
        if caps {
            sink.feature(feat(T_CAPS, t.short));
            sink.feature(feat(T_CAPS_WORD, t.lower));
        }
        let cap = u64::from(t.upper_first);
        let list_at = |j: usize| self.list_pos.get(j).copied().unwrap_or_default();
        for (p, bits) in list_at(i).into_iter().enumerate() {
            for c in categories(bits) {
                sink.feature(feat2(T_LIST, (p * CATEGORIES + c) as u64, cap));
            }
        }
        for (k, d) in [-1isize, 1].into_iter().enumerate() {
            let j = i as isize + d;
            if j >= r.start as isize && j < r.end as isize {
                // only single-word entries of the neighbours: "President X", "X Inc"
                let single = list_at(j as usize)[0];
                for c in categories(single) {
                    sink.feature(feat2(T_LIST_AT, k as u64, c as u64));
                }
            }
        }
    }
}

/// The list categories (below [`CATEGORIES`]) set in `bits`, ascending: most tokens are
/// in no list, and then nothing is tested.
#[inline]
fn categories(bits: u16) -> impl Iterator<Item = usize> {
    let mut b = u32::from(bits) & ((1u32 << CATEGORIES) - 1);
    std::iter::from_fn(move || {
        (b != 0).then(|| {
            let c = b.trailing_zeros() as usize;
            b &= b - 1;
            c
        })
    })
}

/// How far before a token [`Prepared::quiet`] looks: the features reach two tokens, and a
/// name may have a lowercase tail (“Goan temples and deities”) after its capital.
pub const QUIET_BEFORE: usize = 3;

/// How far after a token [`Prepared::quiet`] looks: as far as its features.
pub const QUIET_AFTER: usize = 2;

/// How many word features a text has ([`Prepared::word_features`]).
pub const WORD_FEATURES: usize = 11;

/// How many context features read one neighbour's text alone (its lowercase form, short
/// shape or word): the first ones of a token's context features.
pub const NEIGHBOUR_FEATURES: usize = 8;

/// The offset of the neighbour each of those features reads.
pub const NEIGHBOUR_OFFSETS: [isize; NEIGHBOUR_FEATURES] = [-2, -1, 1, 2, -1, -1, 1, 1];

/// Receives a token's context features in order. A feature that reads only a
/// neighbour's text comes as [`Sink::neighbour`], so a receiver can look its weights up
/// once per distinct text instead of once per token.
pub trait Sink {
    /// True when the receiver sums the neighbour features itself, once per distinct
    /// text: [`Prepared::context`] then does not pass them ([`Sink::neighbour`] is not
    /// called).
    const SUMS_NEIGHBOURS: bool = false;
    /// A feature hash.
    fn feature(&mut self, id: u32);
    /// Neighbour feature `k` of distinct text `w` (`None`: beyond the sentence).
    fn neighbour(&mut self, p: &Prepared, k: usize, w: Option<usize>) {
        self.feature(p.neighbour_feature(k, w));
    }
}

impl Sink for Vec<u32> {
    #[inline]
    fn feature(&mut self, id: u32) {
        self.push(id);
    }
}

/// Sets each capitalized distinct text's [`Word::facts`] from all its occurrences: what a
/// reader learns about one mention of a name from the others (a title before “Eastman”
/// once makes every “Eastman” likelier a person; “Harrow School” once, every “Harrow”
/// likelier an organization's name). One pass over the tokens.
fn doc_facts(
    doc: &Document,
    sentences: &[Range<usize>],
    of_token: &[u32],
    list_pos: &[[u16; 4]],
    words: &mut [Word],
) {
    let single = |i: usize| list_pos.get(i).map_or(0, |p| p[0]);
    for r in sentences {
        for i in r.clone() {
            let Some(&w) = of_token.get(i) else {
                continue;
            };
            let capitalized = doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && words.get(w as usize).is_some_and(|w| w.tok.upper_first);
            if !capitalized {
                continue;
            }
            let mut f = 0u8;
            if i > r.start && single(i - 1) & lists::TITLE != 0 {
                f |= AFTER_TITLE;
            }
            if i + 1 < r.end && single(i + 1) & (lists::ORG_WORD | lists::ORG_SUFFIX) != 0 {
                f |= BEFORE_ORG;
            }
            if i + 2 < r.end
                && doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| doc.slice(t.span) == ",")
                && single(i + 2) & (lists::COUNTRY | lists::REGION) != 0
            {
                f |= BEFORE_PLACE;
            }
            if let Some(word) = words.get_mut(w as usize) {
                word.facts |= f;
            }
        }
    }
}

/// For each token, the list categories of entries covering it, by position in the
/// entry: `[single, begin, inside, last]`.
/// `singles[w]` is what `lists` has for distinct text `w` alone: its categories, and
/// whether a longer entry begins with it.
fn list_positions(
    lists: &Lists,
    words: &[Word],
    of_token: &[u32],
    singles: &[(u16, bool)],
    sentences: &[Range<usize>],
) -> Vec<[u16; 4]> {
    let key = |i: usize| {
        of_token
            .get(i)
            .and_then(|&w| words.get(w as usize))
            .map_or(0, |w| w.tok.key)
    };
    let mut pos = vec![[0u16; 4]; of_token.len()];
    for r in sentences {
        for i in r.clone() {
            let single = of_token.get(i).and_then(|&w| singles.get(w as usize));
            let (bits, extends) = single.copied().unwrap_or_default();
            pos[i][0] |= bits;
            // no longer entry begins with this word (most words begin none)
            if !extends {
                continue;
            }
            let mut h = extend_key(0, key(i));
            for len in 2..=MAX_TOKENS {
                let j = i + len - 1;
                if j >= r.end {
                    break;
                }
                h = extend_key(h, key(j));
                let (bits, extends) = lists.look_up(h);
                if bits != 0 {
                    if len == 1 {
                        pos[i][0] |= bits;
                    } else {
                        pos[i][1] |= bits;
                        for p in pos.iter_mut().take(j).skip(i + 1) {
                            p[2] |= bits;
                        }
                        pos[j][3] |= bits;
                    }
                }
                // no longer entry begins with this phrase (most words begin none)
                if !extends {
                    break;
                }
            }
        }
    }
    pos
}

/// True when a sentence is written in capitals (a headline): no lowercase letters and
/// at least a few capitals.
pub fn headline(doc: &Document, r: Range<usize>) -> bool {
    let mut upper = 0;
    for t in doc.tokens.get(r).unwrap_or(&[]) {
        for c in doc.slice(t.span).chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    upper >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_gets_features_and_the_same_text_the_same_ones() {
        let text = "Mexican President Claudia Sheinbaum spoke. Sheinbaum left.";
        let doc = Document::new(text);
        let s = sentence_tokens(&doc);
        let f = extract(&doc, &s);
        assert_eq!(f.offsets.len(), doc.tokens.len() + 1);
        assert!((0..doc.tokens.len()).all(|i| f.of(i).len() > 10));
        let g = extract(&doc, &s);
        assert_eq!(f.ids, g.ids);
        // "Sheinbaum" in two sentences shares its word features but not its context
        let a: HashSet<u32> = f.of(3).iter().copied().collect();
        let b: HashSet<u32> = f.of(6).iter().copied().collect();
        assert!(a.intersection(&b).count() > 5);
        assert_ne!(a, b);
    }

    #[test]
    fn a_long_run_without_sentence_ends_is_read_in_pieces_cut_between_plain_tokens() {
        // 1,202 tokens and no sentence end; “Jane Doe” straddles the place of the first
        // hard cut (tokens 511 and 512), and a run of capitals leaves no plain pair near
        // the second
        let mut words = vec!["the"; 511];
        words.extend(["Jane", "Doe"]);
        words.extend(vec!["and"; 177]);
        words.extend(vec!["X"; 512]);
        let text = words.join(" ");
        let doc = Document::new(&text);
        assert_eq!(doc.tokens.len(), 1202);
        assert_eq!(doc.sentences.len(), 1);
        let s = sentence_tokens(&doc);
        assert!(s.len() >= 3, "{s:?}");
        assert_eq!(s.first().map(|r| r.start), Some(0));
        assert_eq!(s.last().map(|r| r.end), Some(doc.tokens.len()));
        for w in s.windows(2) {
            assert_eq!(w[0].end, w[1].start, "pieces are contiguous: {s:?}");
        }
        for r in &s {
            assert!(!r.is_empty() && r.len() <= MAX_SENTENCE_TOKENS, "{r:?}");
        }
        let text_at = |i: usize| doc.slice(doc.tokens[i].span);
        // the first cut moved back to two plain words, before the name
        let first = s[0].end;
        assert!(
            first < 511 && first > 511 - MAX_SENTENCE_TOKENS / 4,
            "{s:?}"
        );
        assert_eq!((text_at(first - 1), text_at(first)), ("the", "the"));
        // among the capitals the cut falls where the piece is full
        assert!(s
            .iter()
            .any(|r| r.len() == MAX_SENTENCE_TOKENS && text_at(r.end - 1) == "X"));
        // and the name is found whole
        let names = crate::names::recognize(&doc);
        assert!(
            names.iter().any(|a| &text[a.span.range()] == "Jane Doe"),
            "{:?}",
            names
                .iter()
                .map(|a| &text[a.span.range()])
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn sentences_of_ordinary_length_are_not_cut() {
        let text = "Mexican President Claudia Sheinbaum spoke on Monday. Sheinbaum left.";
        let doc = Document::new(text);
        let s = sentence_tokens(&doc);
        let whole: Vec<_> = doc.sentences.iter().map(|&x| doc.tokens_in(x)).collect();
        assert_eq!(s, whole);
    }

    /// The word-level values as first written, one allocated string per hash: the
    /// reference the streaming version must equal exactly (the weights depend on it).
    fn reference(s: &str) -> Tok {
        let lower = s.to_lowercase();
        let mut long = String::new();
        let mut short = String::new();
        let (mut last, mut run) = ('\0', 0);
        for c in s.chars() {
            let k = shape_class(c);
            if k == last {
                run += 1;
            } else {
                run = 1;
                short.push(k);
            }
            if run <= 3 && long.len() < 12 {
                long.push(k);
            }
            last = k;
        }
        let chars: Vec<(usize, char)> = lower.char_indices().take(64).collect();
        let n = lower.chars().count();
        let mut pre = [0u64; 3];
        let mut suf = [0u64; 3];
        for (k, len) in [2usize, 3, 4].into_iter().enumerate() {
            if n > len {
                let end = chars.get(len).map_or(lower.len(), |&(p, _)| p);
                pre[k] = str_hash(&lower[..end]);
                let start = lower
                    .char_indices()
                    .rev()
                    .nth(len - 1)
                    .map_or(0, |(p, _)| p);
                suf[k] = str_hash(&lower[start..]);
            } else {
                pre[k] = 1;
                suf[k] = 1;
            }
        }
        Tok {
            word: str_hash(s),
            lower: str_hash(&lower),
            shape: str_hash(&long),
            short: str_hash(&short),
            prefixes: pre,
            suffixes: suf,
            upper_first: s.chars().next().is_some_and(char::is_uppercase),
            key: token_key(s.trim_end_matches('.')),
        }
    }

    #[test]
    fn streamed_word_values_equal_the_allocated_ones() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "Sheinbaum",
            "U.S.",
            "Sen.",
            "...",
            "a..b..",
            "Ünïcödé",
            "ÑAME’s",
            "İstanbul", // lowercases to two characters: affixes count the lowercase ones
            "STRAẞE",
            "ΟΔΥΣΣΕΥΣ", // final sigma: the allocating path
            "Σ",
            "ǅemal",
            "Ⅻth",
            "１２３",
            "—–…«»",
            "😀😀😀😀x",
            "\u{200B}X\u{0301}",
            "AAAAAAAAAAAAAAAAAAAA",
            "Ab1-Cd2_Ef3.Gh4",
            "McDonald's",
            "3.5bn",
            "a.b.c.",
            "A.",
            "--",
            "$5",
            "1990s",
            "x\u{7f}~@",
        ];
        for w in words {
            assert_eq!(word_values(w, str_hash(w)), reference(w), "{w:?}");
            assert_eq!(text_values(w, str_hash(w)).0, reference(w), "{w:?}");
            assert_eq!(word_values_allocating(w), reference(w), "{w:?}");
        }
    }

    #[test]
    fn repeated_texts_share_one_entry_and_lowercase_sightings_count() {
        let doc = Document::new("The plan. Plan B: the plan works. The end.");
        let s = sentence_tokens(&doc);
        let p = Prepared::new(&doc, &s, lists::lexicon());
        let texts: HashSet<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(p.distinct(), texts.len());
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = &p.words[p.word_of(i)];
            assert_eq!(w.tok, reference(doc.slice(t.span)));
        }
        let seen = |text: &str| {
            let i = doc.tokens.iter().position(|t| doc.slice(t.span) == text);
            p.words[p.word_of(i.expect("token"))].lc_seen
        };
        assert!(seen("The") && seen("Plan"));
        assert!(!seen("B") && !seen("plan"));
    }

    #[test]
    fn feature_arrays_equal_the_features_one_by_one() {
        let doc = Document::new("Mr. Ünïcödé met the U.S. envoy, 3.5bn—“yes”.");
        let s = sentence_tokens(&doc);
        let p = Prepared::new(&doc, &s, lists::lexicon());
        let mut ids = Vec::new();
        for w in 0..p.distinct() {
            ids.clear();
            p.word_features(w, &mut ids);
            assert_eq!(ids.len(), WORD_FEATURES);
            assert_eq!(ids[0], bias());
            assert_eq!(ids[1..], p.word_features_after_bias(w));
        }
        for w in (0..p.distinct()).map(Some).chain([None]) {
            let one_by_one: Vec<u32> = (0..NEIGHBOUR_FEATURES)
                .map(|k| p.neighbour_feature(k, w))
                .collect();
            assert_eq!(one_by_one, p.neighbour_features(w));
        }
    }

    #[test]
    fn lowercase_sightings_equal_a_set_of_the_lowercase_forms() {
        // “ǅemal” has no capital (ǅ is titlecase) yet lowercases to “ǆemal”, the lowercase
        // form of “Ǆemal”: a counted text that is not its own lowercase form
        for text in [
            "Ǆemal met ǅemal. The plan: the PLAN, Plan B, plan-b and Plan-B.",
            "ΟΔΥΣΣΕΥΣ and οδυσσευς; İstanbul, i̇stanbul. Ünïcödé ünïcödé Ñ ñ",
            "A a B b. “Quoted” quoted 3rd 3RD",
        ] {
            let doc = Document::new(text);
            let s = sentence_tokens(&doc);
            let p = Prepared::new(&doc, &s, lists::lexicon());
            let lowers: HashSet<u64> = doc
                .tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| doc.slice(t.span))
                .filter(|w| !w.chars().any(char::is_uppercase))
                .map(|w| word_values(w, str_hash(w)).lower)
                .collect();
            let mut seen = 0;
            for (i, t) in doc.tokens.iter().enumerate() {
                let w = &p.words[p.word_of(i)];
                let want = w.tok.upper_first && lowers.contains(&w.tok.lower);
                assert_eq!(w.lc_seen, want, "{:?}", doc.slice(t.span));
                seen += usize::from(want);
            }
            assert!(seen > 0, "{text}");
            if text.starts_with("Ǆ") {
                let i = doc
                    .tokens
                    .iter()
                    .position(|t| doc.slice(t.span) == "Ǆemal")
                    .expect("one token");
                assert!(p.words[p.word_of(i)].lc_seen);
            }
        }
    }

    #[test]
    fn document_facts_are_context_not_word_features() {
        // “Harrow” before an organization word in one document, alone in another: the
        // word features (summed once per distinct text) are the same, the context differs
        let a = Document::new("He left Harrow School. Harrow was cold.");
        let b = Document::new("He left Harrow. Harrow was cold.");
        let (sa, sb) = (sentence_tokens(&a), sentence_tokens(&b));
        let pa = Prepared::new(&a, &sa, lists::lexicon());
        let pb = Prepared::new(&b, &sb, lists::lexicon());
        let (mut wa, mut wb) = (Vec::new(), Vec::new());
        pa.word_features(pa.word_of(2), &mut wa);
        pb.word_features(pb.word_of(2), &mut wb);
        assert_eq!(wa, wb);
        assert_eq!(pa.words[pa.word_of(2)].facts, BEFORE_ORG);
        assert_eq!(pb.words[pb.word_of(2)].facts, 0);
        let fa = extract(&a, &sa);
        let doc_feature = feat(T_DOC, 4);
        // both mentions of “Harrow” in the first document carry the fact
        assert!(fa.of(2).contains(&doc_feature) && fa.of(5).contains(&doc_feature));
        let fb = extract(&b, &sb);
        assert!(!fb.of(2).contains(&doc_feature));
    }

    #[test]
    fn quiet_tokens_have_only_plain_text_in_reach() {
        let text = "He said the Goan temples and deities were old, and that it was so. \
                    see http://x.org for the rest of it";
        let doc = Document::new(text);
        let s = sentence_tokens(&doc);
        let p = Prepared::new(&doc, &s, lists::lexicon());
        let mut quiet = Vec::new();
        let mut found = Vec::new();
        for r in &s {
            p.quiet(r.clone(), &mut quiet);
            assert_eq!(quiet.len(), r.len());
            for (i, &q) in r.clone().zip(&quiet) {
                if q {
                    found.push(doc.slice(doc.tokens[i].span));
                }
            }
        }
        // four tokens after a capital or more, three before one or more, and not two
        // from the address (“see” is: “http” and “:” are plain)
        assert_eq!(
            found,
            ["were", "old", ",", "and", "that", "it", "was", "so", ".", "see", "of", "it"]
        );
        for w in ["the", "don't", "well-known", ",", "“"] {
            assert!(plain(w), "{w}");
        }
        for w in ["The", "x.org", "3", "/", "#tag", "@", "中文", "-x", ""] {
            assert!(!plain(w), "{w}");
        }
    }

    #[test]
    fn text_flags_by_bytes_equal_those_by_characters() {
        let mut texts: Vec<String> = [
            "",
            "a",
            "A",
            "ab",
            "aB",
            "don't",
            "well-known",
            "-x",
            "x-",
            ",",
            "“",
            "’",
            "...",
            "'",
            "\"",
            "(",
            ")",
            "-",
            "—",
            "a.b",
            "a1",
            "ünï",
            "Ünï",
            "x\u{7f}",
            "\u{7f}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // every ASCII character alone and after a lowercase letter
        for c in 0u8..128 {
            texts.push((c as char).to_string());
            texts.push(format!("a{}", c as char));
            texts.push(format!("{}a", c as char));
        }
        for t in &texts {
            let want = (!t.chars().any(char::is_uppercase), plain(t));
            let (tok, no_upper, plain) = text_values(t, str_hash(t));
            assert_eq!((no_upper, plain), want, "{t:?}");
            assert_eq!(tok, reference(t), "{t:?}");
        }
    }

    #[test]
    fn sentences_cover_every_token() {
        let doc = Document::new("One. Two three.\n\nFour");
        let s = sentence_tokens(&doc);
        let total: usize = s.iter().map(|r| r.len()).sum();
        assert_eq!(total, doc.tokens.len());
    }
}
