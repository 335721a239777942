//! Scans of text eight bytes at a time (one `u64` a step), for the loops that read most
//! of a text's bytes and find little.

/// The high bit of each byte of `x` (little-endian) that equals `c`, and no other bit
/// (exact: no carry crosses a byte).
pub(crate) fn bytes_equal(x: u64, c: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let y = x ^ (u64::from(c) * 0x0101_0101_0101_0101);
    // a byte's high bit is set here when the byte of y is not zero
    let nonzero = ((y & LOW7).wrapping_add(LOW7) | y) & !LOW7;
    !nonzero & !LOW7
}

/// The offset of the first byte at or after `pos` outside ASCII.
pub(crate) fn next_non_ascii(bytes: &[u8], pos: usize) -> Option<usize> {
    let rest = bytes.get(pos..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut off = 0;
    for c in chunks.by_ref() {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        off += 8;
    }
    rest.get(off..)?
        .iter()
        .position(|&b| b >= 0x80)
        .map(|k| pos + off + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        /// The eight-byte test marks exactly the bytes equal to the one asked.
        #[test]
        fn bytes_equal_marks_exactly_the_equal_bytes(x in proptest::prelude::any::<u64>(), c in proptest::prelude::any::<u8>(), k in 0..8usize) {
            // a byte set to c among random ones, then every byte checked
            let mut bytes = x.to_le_bytes();
            bytes[k] = c;
            let m = bytes_equal(u64::from_le_bytes(bytes), c);
            for (j, &b) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(m >> (8 * j) & 0xFF, if b == c { 0x80 } else { 0 });
            }
        }
    }

    #[test]
    fn the_first_byte_outside_ascii_is_found_from_any_offset() {
        let text = "plain ascii text, then é and more plain text, then ’".as_bytes();
        for pos in 0..=text.len() {
            let want = text
                .iter()
                .skip(pos)
                .position(|&b| b >= 0x80)
                .map(|k| pos + k);
            assert_eq!(next_non_ascii(text, pos), want, "{pos}");
        }
        assert_eq!(next_non_ascii(text, text.len() + 1), None);
    }
}
