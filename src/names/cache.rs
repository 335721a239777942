//! What the tagger computes from a token's text alone, kept from one document to the next.
//!
//! A token text's word-level values, the summed weights of its word features and the
//! rows of its neighbour features depend on the text and the model only. Within a
//! document they are computed once per distinct text already; this cache keeps them
//! across documents too, so a page or a CLI that annotates many articles skips the
//! hashing and the (cache-missing) weight look-ups for the words it has seen before.
//!
//! It is bounded: at most [`CAPACITY`] texts of at most [`MAX_TEXT`] bytes; once full it
//! takes no more, and the next document starts it afresh. Each [`super::model::Model`]
//! has its own (rows are addresses in that model), behind a mutex that is only tried:
//! a thread that finds it busy tags without it. The cache never changes a result.

use super::features::{WordValues, NEIGHBOUR_FEATURES};
use super::model::{mix, Row, TAGS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, MutexGuard};

/// Most texts kept (about 250 bytes each, besides the text).
pub const CAPACITY: usize = 1 << 14;

/// Longest text kept, in bytes: long tokens (addresses, numbers) seldom recur.
pub const MAX_TEXT: usize = 32;

/// What is kept of one text.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Its word-level values.
    pub values: WordValues,
    /// The sum of the weights of its word features, in list order from zero.
    pub sum: [f32; TAGS],
    /// The rows of its neighbour features.
    pub neighbours: [Row; NEIGHBOUR_FEATURES],
}

/// FNV-1a over the bytes, then mixed.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 {
            self.0 = 0xcbf2_9ce4_8422_2325;
        }
        self.0 = bytes.iter().fold(self.0, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    }
}

/// Texts and what is kept of them (see the module documentation).
#[derive(Debug, Default)]
pub struct TextCache {
    index: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
    entries: Vec<Entry>,
}

impl TextCache {
    /// The entry of `text` and its number, if kept.
    #[inline]
    pub fn find(&self, text: &str) -> Option<(u32, &Entry)> {
        if text.len() > MAX_TEXT {
            return None;
        }
        let &i = self.index.get(text)?;
        Some((i, self.entries.get(i as usize)?))
    }

    /// Entry number `i` (numbers stay valid until [`TextCache::make_room`]).
    #[inline]
    pub fn get(&self, i: u32) -> Option<&Entry> {
        self.entries.get(i as usize)
    }

    /// Keeps `entry` for `text`, unless the text is too long, already kept, or the
    /// cache is full.
    pub fn insert(&mut self, text: &str, entry: Entry) {
        if text.len() > MAX_TEXT || self.entries.len() >= CAPACITY || self.index.contains_key(text)
        {
            return;
        }
        self.index.insert(text.into(), self.entries.len() as u32);
        self.entries.push(entry);
    }

    /// Empties a full cache (called between documents, so entry numbers held during a
    /// document stay valid).
    pub fn make_room(&mut self) {
        if self.entries.len() >= CAPACITY {
            self.index.clear();
            self.entries.clear();
        }
    }

    /// Number of texts kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no text is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A model's cache, shared by the threads that use the model.
#[derive(Debug, Default)]
pub struct Shared(Mutex<TextCache>);

impl Shared {
    /// The cache, unless another thread holds it (or a panic left it poisoned).
    pub fn try_lock(&self) -> Option<MutexGuard<'_, TextCache>> {
        self.0.try_lock().ok()
    }
}

impl Clone for Shared {
    /// A copy of a model starts with an empty cache.
    fn clone(&self) -> Shared {
        Shared::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(x: f32) -> Entry {
        Entry {
            values: WordValues::of("x"),
            sum: [x; TAGS],
            neighbours: [Row::default(); NEIGHBOUR_FEATURES],
        }
    }

    #[test]
    fn keeps_short_texts_up_to_its_capacity_then_starts_afresh() {
        let mut c = TextCache::default();
        c.insert("Paris", entry(1.0));
        c.insert("Paris", entry(2.0));
        c.insert(&"x".repeat(MAX_TEXT + 1), entry(3.0));
        assert_eq!(c.len(), 1);
        let (i, e) = c.find("Paris").expect("kept");
        assert_eq!(e.sum[0], 1.0);
        assert_eq!(c.get(i).map(|e| e.sum[0]), Some(1.0));
        assert!(c.find(&"x".repeat(MAX_TEXT + 1)).is_none());
        for k in 0..CAPACITY + 10 {
            c.insert(&k.to_string(), entry(0.0));
        }
        assert_eq!(c.len(), CAPACITY);
        c.make_room();
        assert!(c.is_empty() && c.find("Paris").is_none());
    }

    #[test]
    fn a_busy_cache_is_skipped_not_waited_for() {
        let s = Shared::default();
        let held = s.try_lock();
        assert!(held.is_some());
        assert!(s.try_lock().is_none());
        drop(held);
        assert!(s.try_lock().is_some());
    }
}
