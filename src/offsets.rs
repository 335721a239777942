//! Offset units: the core speaks UTF-8 bytes; the edges speak UTF-16 code units
//! (JavaScript) or Unicode code points (the CLI's `--offsets chars`, Python).
//!
//! [`Converter`] walks the text forward once for any number of offsets given in
//! ascending order, so converting every span of a document costs one pass.

use serde::{Deserialize, Serialize};

/// A unit in which offsets are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// UTF-8 bytes (the core's own unit; Rust `str` indices).
    #[default]
    Utf8,
    /// UTF-16 code units (JavaScript `String` indices, DOM ranges).
    Utf16,
    /// Unicode code points (Python `str` indices).
    Chars,
}

impl Unit {
    /// Parses `utf8`, `utf16` or `chars`.
    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "utf8" | "bytes" => Some(Unit::Utf8),
            "utf16" => Some(Unit::Utf16),
            "chars" | "codepoints" => Some(Unit::Chars),
            _ => None,
        }
    }
}

/// Converts byte offsets of one text to another unit, walking forward.
///
/// Offsets may be asked in any order; asking in ascending order costs one pass over
/// the text in all, asking backwards restarts from the beginning.
#[derive(Debug)]
pub struct Converter<'a> {
    text: &'a str,
    unit: Unit,
    byte: usize,
    out: usize,
}

impl<'a> Converter<'a> {
    /// A converter over `text` into `unit`.
    pub fn new(text: &'a str, unit: Unit) -> Converter<'a> {
        Converter {
            text,
            unit,
            byte: 0,
            out: 0,
        }
    }

    /// The offset, in this converter's unit, of byte offset `byte`. A byte offset
    /// inside a character counts that character as not yet reached; one past the end
    /// of the text is clamped to the end.
    pub fn convert(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.out = 0;
        }
        let rest = &self.text.as_bytes()[self.byte..byte];
        self.out += match self.unit {
            Unit::Utf8 => rest.len(),
            // every char starts with a non-continuation byte; 4-byte chars are 2 UTF-16 units
            Unit::Chars => rest.len() - count_bytes(rest).0,
            Unit::Utf16 => {
                let (continuations, four_byte_leads) = count_bytes(rest);
                rest.len() - continuations + four_byte_leads
            }
        };
        self.byte = byte;
        self.out
    }
}

/// How many bytes of `b` are continuation bytes (`10xxxxxx`) and how many lead a
/// four-byte character (`11110xxx` and up), eight bytes at a time.
fn count_bytes(b: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut continuations = 0;
    let mut leads = 0;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x & HIGH == 0 {
            continue; // ASCII
        }
        // the top bit of each byte, and the bits below it moved up to the top bit
        let (b6, b5, b4) = (x << 1, x << 2, x << 3);
        continuations += (x & !b6 & HIGH).count_ones() as usize;
        leads += (x & b6 & b5 & b4 & HIGH).count_ones() as usize;
    }
    for &c in chunks.remainder() {
        continuations += usize::from(c & 0xC0 == 0x80);
        leads += usize::from(c >= 0xF0);
    }
    (continuations, leads)
}

/// Many byte offsets of one text converted to another unit in one forward pass, then
/// looked up in any order: what the renderers use for every offset of a document.
#[derive(Debug)]
pub struct Table<'a> {
    text: &'a str,
    unit: Unit,
    bytes: Vec<usize>,
    converted: Vec<usize>,
}

impl<'a> Table<'a> {
    /// Converts `bytes` (any order, repeats allowed) of `text` into `unit`.
    pub fn new(text: &'a str, unit: Unit, mut bytes: Vec<usize>) -> Table<'a> {
        let mut converted = Vec::new();
        if unit != Unit::Utf8 {
            bytes.sort_unstable();
            bytes.dedup();
            let mut conv = Converter::new(text, unit);
            converted = bytes.iter().map(|&b| conv.convert(b)).collect();
        }
        Table {
            text,
            unit,
            bytes,
            converted,
        }
    }

    /// The offset of byte offset `byte` in this table's unit. A byte offset the table was
    /// not built with is converted from the start of the text (correct, only slower).
    pub fn get(&self, byte: usize) -> usize {
        if self.unit == Unit::Utf8 {
            return byte.min(self.text.len());
        }
        let i = self.bytes.partition_point(|&b| b < byte);
        match (self.bytes.get(i), self.converted.get(i)) {
            (Some(&b), Some(&c)) if b == byte => c,
            _ => Converter::new(self.text, self.unit).convert(byte),
        }
    }
}

/// The byte offset of `offset` given in `unit` (the inverse of [`Converter`]), or
/// `None` when it is past the end or inside a character.
pub fn to_byte(text: &str, unit: Unit, offset: usize) -> Option<usize> {
    if unit == Unit::Utf8 {
        return text.is_char_boundary(offset).then_some(offset);
    }
    let mut n = 0;
    for (b, c) in text.char_indices() {
        if n == offset {
            return Some(b);
        }
        if n > offset {
            return None;
        }
        n += match unit {
            Unit::Utf16 => c.len_utf16(),
            _ => 1,
        };
    }
    (n == offset).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &str, unit: Unit, byte: usize) -> usize {
        match unit {
            Unit::Utf8 => byte,
            Unit::Utf16 => text[..byte].encode_utf16().count(),
            Unit::Chars => text[..byte].chars().count(),
        }
    }

    #[test]
    fn emoji_and_accents() {
        let text = "a😀é中b";
        let mut c = Converter::new(text, Unit::Utf16);
        assert_eq!(c.convert(1), 1);
        assert_eq!(c.convert(5), 3);
        assert_eq!(c.convert(text.len()), 6);
        let mut c = Converter::new(text, Unit::Chars);
        assert_eq!(c.convert(5), 2);
        assert_eq!(c.convert(text.len()), 5);
    }

    #[test]
    fn table_looks_up_in_any_order() {
        let text = "a😀é中b";
        for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
            let t = Table::new(text, unit, vec![10, 1, 5, 1, 0]);
            for b in [5, 0, 10, 1, 7, text.len(), 99] {
                assert_eq!(
                    t.get(b),
                    naive(text, unit, b.min(text.len())),
                    "{unit:?} {b}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn forward_pass_equals_naive(text in "\\PC{0,40}", unit in prop_oneof![Just(Unit::Utf8), Just(Unit::Utf16), Just(Unit::Chars)]) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
            let mut c = Converter::new(&text, unit);
            for &b in &bounds {
                prop_assert_eq!(c.convert(b), naive(&text, unit, b));
            }
            // backwards too
            for &b in bounds.iter().rev() {
                let got = c.convert(b);
                prop_assert_eq!(got, naive(&text, unit, b));
                prop_assert_eq!(to_byte(&text, unit, got), Some(b));
            }
        }
    }
}
