//! What the trainers (`train`, `train-quotes`) share. A folder without `main.rs`, so Cargo
//! does not take it for a binary of its own.

/// FNV-1a over `bytes`: the fingerprint of a data file or of written weights, recorded
/// beside the weights so that a rebuild can be checked against the data it came from.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
