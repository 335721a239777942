//! Name lists (countries, regions, cities, demonyms, given names, surnames, organization
//! words and suffixes, titles), built by `lists/build.py` from data packages and compiled
//! in. The tagger reads them as features; the post-rules read them to strip titles.
//!
//! Entries are matched on tokens, case-insensitively: an entry is segmented with the same
//! [`Document`] tokenizer as the text, so “St. Louis” or “Côte d'Ivoire” match exactly the
//! tokens they produce in running text.

use crate::segment::{Document, TokenKind};
use std::collections::{HashMap, HashSet};
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
#[derive(Debug)]
pub struct Lists {
    /// Category bits of each phrase, with [`EXTENDS`] set on the phrases that begin a
    /// longer entry (a matcher stops extending a phrase that does not): one probe tells
    /// both.
    phrases: HashMap<u64, u16, KeyHash>,
}

/// The bit of [`Lists::phrases`] set when some longer entry begins with the phrase; no
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
        let mut phrases: HashMap<u64, u16, KeyHash> = HashMap::default();
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
                        *phrases.entry(h).or_insert(0) |= EXTENDS;
                    }
                    h = extend_key(h, token_key(t.trim_end_matches('.')));
                }
                *phrases.entry(h).or_insert(0) |= bit;
            }
        }
        Lists { phrases }
    }

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
        let bits = self.phrases.get(&key).copied().unwrap_or(0);
        (bits & !EXTENDS, bits & EXTENDS != 0)
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
