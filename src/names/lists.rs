//! Name lists (countries, regions, cities, demonyms, given names, surnames, organization
//! words and suffixes, titles), built by `lists/build.py` from data packages and compiled
//! in. The tagger reads them as features; the post-rules read them to strip titles.
//!
//! Entries are matched on tokens, case-insensitively: an entry is segmented with the same
//! [`Document`] tokenizer as the text, so “St. Louis” or “Côte d'Ivoire” match exactly the
//! tokens they produce in running text.

use crate::segment::{Document, TokenKind};
use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// A country or territory.
pub const COUNTRY: u16 = 1 << 0;
/// A demonym or nationality (“Mexican”).
pub const DEMONYM: u16 = 1 << 1;
/// A state, province, region or continent.
pub const REGION: u16 = 1 << 2;
/// A city of 50,000 people or more.
pub const CITY: u16 = 1 << 3;
/// A given name.
pub const GIVEN: u16 = 1 << 4;
/// A common surname.
pub const SURNAME: u16 = 1 << 5;
/// A legal suffix of a company name (“Inc”, “GmbH”).
pub const ORG_SUFFIX: u16 = 1 << 6;
/// A word that marks an organization (“Ministry”, “Party”).
pub const ORG_WORD: u16 = 1 << 7;
/// A title or honorific (“President”, “Sen”).
pub const TITLE: u16 = 1 << 8;
/// How many categories the tagger reads as features (the bits below `1 << CATEGORIES`).
pub const CATEGORIES: usize = 9;
/// A word that ends the names of newspapers and broadcasters (“Post”, “Noticias”): read by
/// the post-rules only, not a feature category.
pub const MEDIA: u16 = 1 << 9;

const SOURCES: [(u16, &str); CATEGORIES] = [
    (COUNTRY, include_str!("lists/countries.txt")),
    (DEMONYM, include_str!("lists/demonyms.txt")),
    (REGION, include_str!("lists/regions.txt")),
    (CITY, include_str!("lists/cities.txt")),
    (GIVEN, include_str!("lists/given.txt")),
    (SURNAME, include_str!("lists/surnames.txt")),
    (ORG_SUFFIX, include_str!("lists/org_suffixes.txt")),
    (ORG_WORD, include_str!("lists/org_words.txt")),
    (TITLE, include_str!("lists/titles.txt")),
];

/// Lists that only the post-rules read.
const RULE_SOURCES: [(u16, &str); 1] = [(MEDIA, include_str!("lists/media.txt"))];

/// The longest entry matched, in tokens.
pub const MAX_TOKENS: usize = 5;

/// The compiled lists: phrase hashes (of lowercased tokens) to category bits.
///
/// Category bits of each phrase, with `EXTENDS` set on the phrases that begin a longer
/// entry (a matcher stops extending a phrase that does not): one probe tells both. The
/// phrases are in an open-addressed table at most half full (linear probing from the
/// slot of `Lists::home`), keys and bits in two arrays: every phrase has a bit set, so
/// a slot whose bits are 0 is free and ends a search, and a probe reads the small array
/// of bits first (32,000 phrases: 128 KB of bits and 512 KB of keys, where a `HashMap` of
/// `(u64, u16)` pairs held 1 MB).
#[derive(Debug)]
pub struct Lists {
    keys: Vec<u64>,
    bits: Vec<u16>,
    /// The table has `2^(64 - shift)` slots.
    shift: u32,
    /// Phrases in the table.
    len: usize,
}

/// The bit of a phrase's bits ([`Lists`]) set when some longer entry begins with it; no
/// category uses it.
const EXTENDS: u16 = 1 << 15;

/// The keys are hashes already: one multiply spreads them over the table, where SipHash
/// would cost more than the rest of a look-up.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHash;

impl BuildHasher for KeyHash {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

/// The hasher of [`KeyHash`], for `u64` keys.
#[derive(Debug)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let h = self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^ (h >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 ^= k;
    }
}

/// The lists, built on first use.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(Lists::build)
}

/// Hash of a lowercased token (the unit of list matching).
pub fn token_key(token: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if token.is_ascii() {
        // the same bytes as below: an ASCII character lowercases to one ASCII byte
        for &b in token.as_bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in token.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Extends a phrase hash by one token key.
#[inline]
pub fn extend_key(phrase: u64, token: u64) -> u64 {
    (phrase ^ token)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(29)
}

/// Whether `line` is ASCII letters between single spaces (“New Zealand”, most entries):
/// the tokenizer makes each word one token, so it need not run (the lists are built at the
/// first annotation, and segmenting every entry was most of their cost).
fn plain_words(line: &str) -> bool {
    let b = line.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.last().is_some_and(u8::is_ascii_alphabetic)
        && b.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ')
        && !line.contains("  ")
}

/// The tokens of a list entry, as the tokenizer gives them in running text, periods left
/// out (“St. Louis” is “St”, “Louis”).
fn entry_tokens(line: &str) -> Vec<&str> {
    if plain_words(line) {
        return line.split(' ').collect();
    }
    segmented_tokens(line)
}

/// [`entry_tokens`] by the tokenizer, for any entry.
fn segmented_tokens(line: &str) -> Vec<&str> {
    let doc = Document::new(line);
    doc.tokens
        .iter()
        .filter(|t| !(t.kind == TokenKind::Punct && doc.slice(t.span) == "."))
        .map(|t| doc.slice(t.span))
        .collect()
}

impl Lists {
    fn build() -> Lists {
        let mut lists = Lists::with_slots(1 << 15);
        each_phrase(|key, bits| lists.add(key, bits));
        lists
    }

    /// An empty table of `size` slots (a power of two).
    fn with_slots(size: usize) -> Lists {
        Lists {
            keys: vec![0; size],
            bits: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            len: 0,
        }
    }

    /// Sets `bits` (not 0) on phrase `key`, doubling the table first when it is half full.
    fn add(&mut self, key: u64, bits: u16) {
        let size = self.bits.len();
        let mask = size - 1;
        let mut at = self.home(key);
        while let Some(&b) = self.bits.get(at) {
            if b == 0 || self.keys.get(at) == Some(&key) {
                break;
            }
            at = (at + 1) & mask;
        }
        if self.bits.get(at) == Some(&0) {
            // a new phrase: keep at most half the slots full
            self.len += 1;
            if self.len * 2 > size {
                let old = std::mem::replace(self, Lists::with_slots(size * 2));
                for (&k, &b) in old.keys.iter().zip(&old.bits).filter(|(_, &b)| b != 0) {
                    self.add(k, b);
                }
                self.add(key, bits);
                return;
            }
        }
        if let (Some(k), Some(b)) = (self.keys.get_mut(at), self.bits.get_mut(at)) {
            (*k, *b) = (key, *b | bits);
        }
    }

    /// The slot where the search for `key` starts.
    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

/// Calls `f` with the hash and a bit of every phrase of the lists and every beginning
/// of a longer entry ([`EXTENDS`]); a phrase may come more than once, with its bits one
/// by one.
fn each_phrase(mut f: impl FnMut(u64, u16)) {
    for (bit, text) in SOURCES.into_iter().chain(RULE_SOURCES) {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let toks = entry_tokens(line);
            if toks.is_empty() || toks.len() > MAX_TOKENS {
                continue;
            }
            let mut h = 0;
            for (k, t) in toks.iter().enumerate() {
                if k > 0 {
                    f(h, EXTENDS);
                }
                h = extend_key(h, token_key(t.trim_end_matches('.')));
            }
            f(h, bit);
        }
    }
}

impl Lists {
    /// True when some entry is longer than the phrase whose hash is `key` and begins
    /// with it.
    #[inline]
    pub fn extends(&self, key: u64) -> bool {
        self.look_up(key).1
    }

    /// The categories of the phrase whose hash is `key` (0 when it is in no list).
    #[inline]
    pub fn get(&self, key: u64) -> u16 {
        self.look_up(key).0
    }

    /// [`Lists::get`] and [`Lists::extends`] of `key` in one probe.
    #[inline]
    pub fn look_up(&self, key: u64) -> (u16, bool) {
        let mask = self.bits.len().wrapping_sub(1);
        let mut at = self.home(key);
        // the table is at most half full: a free slot ends every search
        while let Some(&bits) = self.bits.get(at) {
            if bits == 0 {
                break;
            }
            if self.keys.get(at) == Some(&key) {
                return (bits & !EXTENDS, bits & EXTENDS != 0);
            }
            at = (at + 1) & mask;
        }
        (0, false)
    }

    /// The categories of one word (0 when it is in no list).
    pub fn word(&self, word: &str) -> u16 {
        self.get(extend_key(0, token_key(word.trim_end_matches('.'))))
    }
}

/// Words seen in lowercase in the training texts (`lowercase.txt`, written by the
/// trainer): a capitalized word found here is often just a sentence's first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashSet<u64, KeyHash>,
}

impl Lexicon {
    /// A lexicon of `words`.
    pub fn from_words<'a>(words: impl Iterator<Item = &'a str>) -> Lexicon {
        Lexicon {
            words: words.map(token_key).collect(),
        }
    }

    /// True when the lowercase form of the word whose [`token_key`] is `key` is in the
    /// lexicon.
    #[inline]
    pub fn contains(&self, key: u64) -> bool {
        self.words.contains(&key)
    }
}

/// The compiled lexicon of lowercase words.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::from_words(include_str!("lowercase.txt").lines()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_table_finds_every_phrase_and_nothing_else() {
        let mut phrases: HashMap<u64, u16, KeyHash> = HashMap::default();
        each_phrase(|key, bits| *phrases.entry(key).or_insert(0) |= bits);
        let lists = lists();
        assert!(phrases.len() > 10_000);
        assert_eq!(lists.len, phrases.len());
        assert!(lists.bits.len() >= 2 * phrases.len());
        for (&key, &bits) in &phrases {
            assert_ne!(bits, 0);
            assert_eq!(lists.look_up(key), (bits & !EXTENDS, bits & EXTENDS != 0));
        }
        let mut x = 7u64;
        for _ in 0..100_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if !phrases.contains_key(&x) {
                assert_eq!(lists.look_up(x), (0, false), "{x}");
            }
        }
        // a small table grows as phrases come, and finds them all
        let mut small = Lists::with_slots(16);
        for k in 0..1000u64 {
            small.add(k * 7919, 1 << (k % 12));
            small.add(k * 7919, EXTENDS);
        }
        assert_eq!(small.len, 1000);
        assert!(small.bits.len() >= 2000);
        for k in 0..1000u64 {
            assert_eq!(small.look_up(k * 7919), (1 << (k % 12), true));
        }
        assert_eq!(Lists::with_slots(16).look_up(u64::MAX), (0, false));
    }

    #[test]
    fn plain_entries_split_at_spaces_as_the_tokenizer_splits_them() {
        let mut plain = 0;
        for (_, text) in SOURCES.into_iter().chain(RULE_SOURCES) {
            for line in text.lines().map(str::trim) {
                if plain_words(line) {
                    plain += 1;
                    assert_eq!(entry_tokens(line), segmented_tokens(line), "{line:?}");
                }
            }
        }
        // the fast path must serve most entries, or it is not worth having
        assert!(plain > 10_000, "{plain} plain entries");
        for line in [
            "St. Louis",
            "Côte d'Ivoire",
            "AT&T",
            "Guinea-Bissau",
            "a  b",
            " x",
            "",
        ] {
            assert!(!plain_words(line), "{line:?}");
        }
        assert!(plain_words("New Zealand"));
    }

    #[test]
    fn lists_hold_places_people_and_titles() {
        let l = lists();
        assert_ne!(l.word("Mexico") & COUNTRY, 0);
        assert_ne!(l.word("mexican") & DEMONYM, 0);
        assert_ne!(l.word("Claudia") & GIVEN, 0);
        assert_ne!(l.word("President") & TITLE, 0);
        assert_ne!(l.word("Sen.") & TITLE, 0);
        assert_eq!(l.word("fentanyl"), 0);
        assert_ne!(l.word("Noticias") & MEDIA, 0);
        assert_ne!(l.word("Noticias") & ORG_WORD, 0);
        let new = extend_key(0, token_key("New"));
        let two = extend_key(new, token_key("Zealand"));
        assert_ne!(l.get(two) & COUNTRY, 0);
        assert!(l.extends(new));
        assert!(!l.extends(two) || l.get(two) != 0);
        assert!(!l.extends(extend_key(0, token_key("fentanyl"))));
    }
}
