//! Packed: the JSON contract's content as one flat array of `u32` words, for the
//! WebAssembly bindings.
//!
//! Handing JavaScript a JSON string costs writing it here, decoding it from UTF-8 there
//! and `JSON.parse`, together more than the rest of the pipeline's tail. An array of
//! words crosses as one copy, and JavaScript builds the span objects from it directly
//! (`www/newsmark-annotate.js`, `decodePacked`), taking every text from the input with
//! `text.slice(start, end)`.
//!
//! Layout (all offsets in the chosen [`Unit`], UTF-16 for JavaScript):
//!
//! ```text
//! header   FORMAT, spans, entities, strings, blob bytes, word of the first entity,
//!          word of the string table
//! span     start, end, label | flags << 8          label: index in Label::ALL
//!          [entity]                                 ENTITY
//!          [name, [start, end], [entity]]           SPEAKER (SPEAKER_MENTION, SPEAKER_ENTITY)
//!          [start, end]                             CUE
//!          [value lo, hi] [high lo, hi] [unit] [currency] [iso]    VALUE (VALUE_* flags)
//! entity   id, name, type (index of person, organization, place, other), mentions
//! strings  the length of each string in UTF-16 code units, then all strings as one
//!          UTF-8 blob (zero-padded to a whole word)
//! ```
//!
//! Strings (names, units, currencies, ISO dates) are indices into the string table;
//! repeated strings are stored once. An `f64` is its IEEE bits, low word first.

use super::json::offset_table;
use crate::numbers::lexicon::FnvMap;
use crate::offsets::Unit;
use crate::span::{Annotations, Label};

/// The layout version, the first word.
pub const FORMAT: u32 = 1;
/// Words before the first span.
pub const HEADER: usize = 7;

/// The span has an entity id.
pub const ENTITY: u32 = 1;
/// The span (a quote) has a speaker.
pub const SPEAKER: u32 = 1 << 1;
/// The speaker has a mention in the text.
pub const SPEAKER_MENTION: u32 = 1 << 2;
/// The speaker has an entity id.
pub const SPEAKER_ENTITY: u32 = 1 << 3;
/// The span (a quote) has a cue.
pub const CUE: u32 = 1 << 4;
/// The span (a number) has a value object.
pub const VALUE: u32 = 1 << 5;
/// The value has `value`.
pub const VALUE_VALUE: u32 = 1 << 6;
/// The value has `high`.
pub const VALUE_HIGH: u32 = 1 << 7;
/// The value has `unit`.
pub const VALUE_UNIT: u32 = 1 << 8;
/// The value has `currency`.
pub const VALUE_CURRENCY: u32 = 1 << 9;
/// The value has `iso`.
pub const VALUE_ISO: u32 = 1 << 10;

/// The strings of one packing, each stored once.
#[derive(Default)]
struct Strings<'a> {
    /// Looked up only, never iterated: FNV, no SipHash.
    index: FnvMap<&'a str, u32>,
    lengths: Vec<u32>,
    blob: Vec<u8>,
}

impl<'a> Strings<'a> {
    fn add(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.lengths.len() as u32;
        self.index.insert(s, i);
        self.lengths.push(s.encode_utf16().count() as u32);
        self.blob.extend_from_slice(s.as_bytes());
        i
    }
}

/// `found` packed as described in the module docs, offsets in `unit`.
pub fn packed(text: &str, found: &Annotations, unit: Unit) -> Vec<u32> {
    let table = offset_table(text, found, unit);
    let at = |b: usize| table.get(b) as u32;
    let mut strings = Strings::default();
    let mut w: Vec<u32> = Vec::with_capacity(HEADER + found.spans.len() * 5);
    w.extend([
        FORMAT,
        found.spans.len() as u32,
        found.entities.len() as u32,
        0,
        0,
        0,
        0,
    ]);
    let f64_words = |x: f64| {
        let bits = x.to_bits();
        [bits as u32, (bits >> 32) as u32]
    };
    for a in &found.spans {
        let label = Label::ALL.iter().position(|&l| l == a.label).unwrap_or(0) as u32;
        let mut flags = 0;
        let head = w.len() + 2;
        w.extend([at(a.span.start), at(a.span.end), 0]);
        if let Some(e) = a.entity {
            flags |= ENTITY;
            w.push(e);
        }
        if let Some(sp) = &a.speaker {
            flags |= SPEAKER;
            w.push(strings.add(&sp.name));
            if let Some(m) = sp.mention {
                flags |= SPEAKER_MENTION;
                w.extend([at(m.start), at(m.end)]);
            }
            if let Some(e) = sp.entity {
                flags |= SPEAKER_ENTITY;
                w.push(e);
            }
        }
        if let Some(c) = a.cue {
            flags |= CUE;
            w.extend([at(c.start), at(c.end)]);
        }
        if let Some(v) = &a.value {
            flags |= VALUE;
            if let Some(x) = v.value {
                flags |= VALUE_VALUE;
                w.extend(f64_words(x));
            }
            if let Some(x) = v.high {
                flags |= VALUE_HIGH;
                w.extend(f64_words(x));
            }
            for (s, flag) in [
                (&v.unit, VALUE_UNIT),
                (&v.currency, VALUE_CURRENCY),
                (&v.iso, VALUE_ISO),
            ] {
                if let Some(s) = s {
                    flags |= flag;
                    w.push(strings.add(s));
                }
            }
        }
        w[head] = label | flags << 8;
    }
    w[5] = w.len() as u32;
    for e in &found.entities {
        let name = strings.add(&e.name);
        w.extend([e.id, name, e.kind as u32, e.mentions]);
    }
    w[3] = strings.lengths.len() as u32;
    w[4] = strings.blob.len() as u32;
    w[6] = w.len() as u32;
    w.extend_from_slice(&strings.lengths);
    w.extend(
        strings
            .blob
            .chunks(4)
            .map(|c| c.iter().rev().fold(0, |acc, &b| acc << 8 | u32::from(b))),
    );
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{entities_json, spans_json};
    use serde_json::{json, Map, Value};

    /// A reader of the layout that builds the JSON contract's values, as the JavaScript
    /// decoder builds its objects.
    fn unpack(text: &str, w: &[u32]) -> (Vec<Value>, Vec<Value>) {
        assert_eq!(w[0], FORMAT);
        let units: Vec<u16> = text.encode_utf16().collect();
        let slice = |a: u32, b: u32| String::from_utf16(&units[a as usize..b as usize]).unwrap();
        let (n_strings, blob_len, table) = (w[3] as usize, w[4] as usize, w[6] as usize);
        let bytes: Vec<u8> = w[table + n_strings..]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .take(blob_len)
            .collect();
        let blob: Vec<u16> = String::from_utf8(bytes).unwrap().encode_utf16().collect();
        let mut strings = Vec::new();
        let mut pos = 0;
        for &len in &w[table..table + n_strings] {
            strings.push(String::from_utf16(&blob[pos..pos + len as usize]).unwrap());
            pos += len as usize;
        }
        let f = |lo: u32, hi: u32| json!(f64::from_bits(u64::from(hi) << 32 | u64::from(lo)));
        let mut i = HEADER;
        let mut spans = Vec::new();
        for _ in 0..w[1] {
            let (start, end, tag) = (w[i], w[i + 1], w[i + 2]);
            i += 3;
            let (label, flags) = (Label::ALL[(tag & 0xff) as usize], tag >> 8);
            let mut o = Map::new();
            o.insert("start".into(), json!(start));
            o.insert("end".into(), json!(end));
            o.insert("kind".into(), json!(label.kind().as_str()));
            o.insert("type".into(), json!(label.type_str()));
            o.insert("text".into(), json!(slice(start, end)));
            if flags & ENTITY != 0 {
                o.insert("entity".into(), json!(w[i]));
                i += 1;
            }
            if flags & SPEAKER != 0 {
                let mut s = Map::new();
                s.insert("name".into(), json!(strings[w[i] as usize]));
                i += 1;
                if flags & SPEAKER_MENTION != 0 {
                    s.insert("start".into(), json!(w[i]));
                    s.insert("end".into(), json!(w[i + 1]));
                    s.insert("text".into(), json!(slice(w[i], w[i + 1])));
                    i += 2;
                }
                if flags & SPEAKER_ENTITY != 0 {
                    s.insert("entity".into(), json!(w[i]));
                    i += 1;
                }
                o.insert("speaker".into(), Value::Object(s));
            }
            if flags & CUE != 0 {
                let text = slice(w[i], w[i + 1]);
                o.insert(
                    "cue".into(),
                    json!({"start": w[i], "end": w[i + 1], "text": text}),
                );
                i += 2;
            }
            if flags & VALUE != 0 {
                let mut m = Map::new();
                for (flag, key) in [(VALUE_VALUE, "value"), (VALUE_HIGH, "high")] {
                    if flags & flag != 0 {
                        m.insert(key.into(), f(w[i], w[i + 1]));
                        i += 2;
                    }
                }
                for (flag, key) in [
                    (VALUE_UNIT, "unit"),
                    (VALUE_CURRENCY, "currency"),
                    (VALUE_ISO, "iso"),
                ] {
                    if flags & flag != 0 {
                        m.insert(key.into(), json!(strings[w[i] as usize]));
                        i += 1;
                    }
                }
                o.insert("value".into(), Value::Object(m));
            }
            spans.push(Value::Object(o));
        }
        assert_eq!(i, w[5] as usize);
        let types = ["person", "organization", "place", "other"];
        let entities = w[i..table]
            .chunks(4)
            .map(|e| {
                json!({"id": e[0], "name": strings[e[1] as usize], "type": types[e[2] as usize],
                       "mentions": e[3]})
            })
            .collect();
        (spans, entities)
    }

    #[test]
    fn unpacks_to_the_json_contract() {
        let text = "😀 “We paid $5 million for 3 kg,” Jane Doe said on April 16, 2025. \
                    “It was 25% more,” she added. Doe, of Acme Corp., spoke in Paris.";
        let found = crate::annotate(text);
        assert!(found.spans.iter().any(|a| a.speaker.is_some()));
        assert!(found.spans.iter().any(|a| a.value.is_some()));
        let w = packed(text, &found, Unit::Utf16);
        let (spans, entities) = unpack(text, &w);
        assert_eq!(spans, spans_json(text, &found, Unit::Utf16));
        assert_eq!(entities, entities_json(&found));
        // "Jane Doe" names an entity and a speaker: stored once
        let names = found.entities.iter().map(|e| &e.name);
        let mut distinct: Vec<&String> = names.collect();
        distinct.sort();
        distinct.dedup();
        assert!(w[3] as usize <= distinct.len() + found.spans.len());
    }

    #[test]
    fn empty_and_odd_texts_pack() {
        for text in ["", "x", "\u{0}“\u{10FFFF}", "Jo Jo Jo said “no.”"] {
            let found = crate::annotate(text);
            let w = packed(text, &found, Unit::Utf16);
            let (spans, entities) = unpack(text, &w);
            assert_eq!(spans, spans_json(text, &found, Unit::Utf16));
            assert_eq!(entities, entities_json(&found));
        }
    }
}
