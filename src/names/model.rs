//! The tagger's weights and its decoder: BILOU tags over four name types, a first-order
//! transition table, and Viterbi search restricted to well-formed tag sequences.
//!
//! # Weight file (`weights.bin`, written by `src/bin/train.rs`)
//!
//! Little-endian. `b"NMW1"`, then `u32` tag count (17) and `u32` row count `n`; then the
//! transition scores as `f32`: `17 × 17` (previous → next), 17 start, 17 end. Then, in
//! columns so that gzip finds the repeats: `n` feature hashes as LEB128 deltas (sorted
//! ascending); `n` row exponents (`i8`); `n` tag masks (LEB128, bit `t` set when the row
//! has a weight for tag `t`); and the row values, `i8`, one per set mask bit, row after
//! row. A weight is `value × 2^exponent`: one scale per row keeps both the strong
//! word features and the weak context ones precise where one global scale would not. The
//! exponents of one file lie within [`MAX_SHIFT`] of each other (a file whose do not is
//! refused), so every weight is a whole number of the smallest scale's units and the
//! recognizer sums them as integers ([`Units`]).

use crate::span::NameType;

/// Number of tags: `O`, then `B I L U` for person, organization, place, other.
pub const TAGS: usize = 17;

/// The `O` (outside) tag.
pub const OUTSIDE: u8 = 0;

/// The name types in tag order.
pub const TYPES: [NameType; 4] = [
    NameType::Person,
    NameType::Organization,
    NameType::Place,
    NameType::Other,
];

/// Position of a token in a name, as the BILOU scheme has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Not in a name.
    Outside,
    /// First token of a longer name.
    Begin,
    /// Inner token.
    Inside,
    /// Last token of a longer name.
    Last,
    /// A one-token name.
    Unit,
}

/// The tag for `part` of a name of type index `ty` (0..4).
pub const fn tag(part: Part, ty: usize) -> u8 {
    let base = 1 + 4 * ty as u8;
    match part {
        Part::Outside => OUTSIDE,
        Part::Begin => base,
        Part::Inside => base + 1,
        Part::Last => base + 2,
        Part::Unit => base + 3,
    }
}

/// The part and type index of `tag`.
pub const fn split(tag: u8) -> (Part, usize) {
    if tag == OUTSIDE || tag as usize >= TAGS {
        return (Part::Outside, 0);
    }
    let ty = (tag as usize - 1) / 4;
    let part = match (tag - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    (part, ty)
}

/// True when `next` may follow `prev` (`None`: the sentence start).
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    let (np, nt) = split(next);
    let open = prev.map(split).and_then(|(p, t)| match p {
        Part::Begin | Part::Inside => Some(t),
        _ => None,
    });
    match open {
        Some(t) => matches!(np, Part::Inside | Part::Last) && nt == t,
        None => matches!(np, Part::Outside | Part::Begin | Part::Unit),
    }
}

/// True when a sentence may end on `tag`.
pub fn may_end(tag: u8) -> bool {
    matches!(split(tag).0, Part::Outside | Part::Last | Part::Unit)
}

/// Transition scores of a linear-chain tagger.
#[derive(Clone, Debug)]
pub struct Transitions {
    /// `trans[prev][next]`.
    pub trans: [[f32; TAGS]; TAGS],
    /// Score of starting a sentence on a tag.
    pub start: [f32; TAGS],
    /// Score of ending a sentence on a tag.
    pub end: [f32; TAGS],
}

impl Default for Transitions {
    fn default() -> Transitions {
        Transitions {
            trans: [[0.0; TAGS]; TAGS],
            start: [0.0; TAGS],
            end: [0.0; TAGS],
        }
    }
}

/// Viterbi decoding over well-formed BILOU sequences: writes the best tag of each
/// emission row to `out` (cleared first).
pub fn viterbi(emissions: &[[f32; TAGS]], tr: &Transitions, out: &mut Vec<u8>) {
    Decoder::default().decode(emissions, tr, out);
}

/// A Viterbi decoder that keeps its score table from one sentence to the next.
#[derive(Clone, Debug, Default)]
pub struct Decoder {
    scores: Vec<Lanes>,
}

/// The scores of the 17 tags at one token, grouped for the forward pass in chunks of four
/// (see [`LANE`]): the tags that may follow a closed tag (`B`, `U`, `O`) in the first
/// three, `I` and `L` in the last two.
type Lanes = [[f32; 4]; 5];

/// Where each tag's score is in [`Lanes`]: `(chunk, lane)`; the lane of a type's `B`,
/// `I`, `L` and `U` is the type's index.
const LANE: [(usize, usize); TAGS] = {
    let mut a = [(2, 0); TAGS];
    let mut t = 1;
    while t < TAGS {
        let ty = (t - 1) / 4;
        a[t] = match (t - 1) % 4 {
            0 => (0, ty),
            1 => (3, ty),
            2 => (4, ty),
            _ => (1, ty),
        };
        t += 1;
    }
    a
};

/// The tags that may precede `B`, `U` and `O` (the closed ones: `O`, `L`, `U`), ascending;
/// also the tags a sentence may end on.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

impl Decoder {
    /// Decodes like [`viterbi`]. Every emission score must be finite or `-inf` (the
    /// tagger's are sums of weights, finite): with a `+inf` or NaN one the sequence is
    /// still well-formed but need not be the best. Each tag's predecessors are tried in ascending order
    /// with a strict `>`: ties go to the lowest tag.
    ///
    /// The forward pass keeps only the best score of each tag at each token, trying the
    /// allowed pairs only, four tags at a time (the compiler keeps the chunks in SIMD
    /// registers): `B`, `U` and `O` after each of the nine closed tags, `I` and `L` of a
    /// type after its `B` and its `I`. A maximum does not depend on the order its
    /// candidates are tried in, so the scores are those of trying every pair. The
    /// predecessor is found only for the tags of the best path, while tracing it back,
    /// by the same search over the same sums (every tag, ascending, `-inf` for a pair
    /// not [`allowed`]), so it is the one a back-pointer table would hold.
    pub fn decode(&mut self, emissions: &[[f32; TAGS]], tr: &Transitions, out: &mut Vec<u8>) {
        self.decode_outside(emissions, &[], tr, out);
    }

    /// Decodes like [`Decoder::decode`], with the tokens whose entry of `outside` is true
    /// held to `O` (as if their other tags' emissions were `-inf`; a missing entry is
    /// false): the step to such a token is one maximum, over the closed tags.
    #[allow(clippy::needless_range_loop)] // tag indices address several tables at once
    pub fn decode_outside(
        &mut self,
        emissions: &[[f32; TAGS]],
        outside: &[bool],
        tr: &Transitions,
        out: &mut Vec<u8>,
    ) {
        out.clear();
        let n = emissions.len();
        let Some(first) = emissions.first() else {
            return;
        };
        const NEG: f32 = f32::NEG_INFINITY;
        let at = |l: &Lanes, t: usize| {
            let (c, k) = LANE[t];
            l[c][k]
        };
        // transitions from each closed tag to the first three chunks (-inf: padding)
        let mut closed = [[[NEG; 4]; 3]; 9];
        for (row, &p) in closed.iter_mut().zip(&CLOSED) {
            for t in 0..TAGS {
                let (c, k) = LANE[t];
                if c < 3 && ALLOWED[p][t] {
                    row[c][k] = tr.trans[p][t];
                }
            }
        }
        // B→I, I→I, B→L, I→L of each type, by lane
        let mut open = [[NEG; 4]; 4];
        for ty in 0..4 {
            let (b, i, l) = (1 + 4 * ty, 2 + 4 * ty, 3 + 4 * ty);
            open[0][ty] = tr.trans[b][i];
            open[1][ty] = tr.trans[i][i];
            open[2][ty] = tr.trans[b][l];
            open[3][ty] = tr.trans[i][l];
        }
        // the emissions in lanes, as [`LANE`] has them (padding 0: its best is -inf and
        // stays so)
        let lanes = |e: &[f32; TAGS]| -> Lanes {
            [
                [e[1], e[5], e[9], e[13]],
                [e[4], e[8], e[12], e[16]],
                [e[0], 0.0, 0.0, 0.0],
                [e[2], e[6], e[10], e[14]],
                [e[3], e[7], e[11], e[15]],
            ]
        };
        self.scores.clear();
        let held = |k: usize| outside.get(k).copied().unwrap_or(false);
        let mut score: Lanes = [[NEG; 4]; 5];
        for t in 0..TAGS {
            if STARTS[t] && (t == OUTSIDE as usize || !held(0)) {
                let (c, k) = LANE[t];
                score[c][k] = tr.start[t] + first[t];
            }
        }
        self.scores.push(score);
        for (i, e) in emissions.iter().enumerate().skip(1) {
            // the scores of the closed tags, in [`CLOSED`] order (O, then L and U of each
            // type)
            let (sl, su) = (score[4], score[1]);
            let from = [
                score[2][0],
                sl[0],
                su[0],
                sl[1],
                su[1],
                sl[2],
                su[2],
                sl[3],
                su[3],
            ];
            if held(i) {
                // only `O`: its best predecessor, the closed tags in order; after a held
                // token only `O` (the first) is reachable: the others are -inf, and an
                // unreachable predecessor is never `> best`
                let take = if held(i - 1) { 1 } else { CLOSED.len() };
                let mut best = NEG;
                for (&sp, &p) in from.iter().zip(&CLOSED).take(take) {
                    let s = sp + tr.trans[p][0];
                    best = if s > best { s } else { best };
                }
                score = [[NEG; 4]; 5];
                score[2][0] = if best > NEG { best + e[0] } else { NEG };
                self.scores.push(score);
                continue;
            }
            let e = lanes(e);
            let mut best = [[NEG; 4]; 5];
            // after a held token only `O` is reachable: the other rows would add -inf
            // to every candidate, and `I` and `L` stay -inf
            let rows = if held(i - 1) { 1 } else { CLOSED.len() };
            for (row, &sp) in closed.iter().zip(&from).take(rows) {
                // an unreachable predecessor scores -inf: never `> best`
                for (b, r) in best.iter_mut().zip(row) {
                    for l in 0..4 {
                        let s = sp + r[l];
                        b[l] = if s > b[l] { s } else { b[l] };
                    }
                }
            }
            if !held(i - 1) {
                let (sb, si) = (score[0], score[3]);
                for l in 0..4 {
                    let (a, b) = (sb[l] + open[0][l], si[l] + open[1][l]);
                    best[3][l] = if b > a { b } else { a };
                    let (a, b) = (sb[l] + open[2][l], si[l] + open[3][l]);
                    best[4][l] = if b > a { b } else { a };
                }
            }
            // an unreachable tag stays -inf: -inf plus a finite emission (or -inf) is -inf
            for ((s, b), e) in score.iter_mut().zip(&best).zip(&e) {
                for l in 0..4 {
                    s[l] = b[l] + e[l];
                }
            }
            self.scores.push(score);
        }
        let mut best = NEG;
        let mut last = 0u8;
        // the tags a sentence may end on are the closed ones
        for t in CLOSED {
            let st = at(&score, t);
            if st > NEG {
                let s = st + tr.end[t];
                if s > best {
                    best = s;
                    last = t as u8;
                }
            }
        }
        out.resize(n, OUTSIDE);
        let mut t = last as usize;
        for (k, o) in out.iter_mut().enumerate().rev() {
            *o = t as u8;
            let Some(prev) = k.checked_sub(1).and_then(|j| self.scores.get(j)) else {
                break;
            };
            // the predecessor: the first tag with the best sum (0 if none beats -inf);
            // at a held token only `O` is reachable, and `O` is the first tag
            if held(k - 1) {
                t = 0;
                continue;
            }
            let mut best = NEG;
            let mut arg = 0;
            let mut try_from = |sp: f32, p: usize| {
                let s = sp + tr.trans[p][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            };
            match split(t as u8) {
                // `B` and `I` of the type, in their lanes (see [`LANE`])
                (Part::Inside | Part::Last, ty) => {
                    try_from(prev[0][ty], 1 + 4 * ty);
                    try_from(prev[3][ty], 2 + 4 * ty);
                }
                _ => {
                    let (sl, su) = (prev[4], prev[1]);
                    let from = [
                        prev[2][0], sl[0], su[0], sl[1], su[1], sl[2], su[2], sl[3], su[3],
                    ];
                    for (sp, p) in from.into_iter().zip(CLOSED) {
                        try_from(sp, p);
                    }
                }
            }
            t = arg;
        }
    }
}

/// Tags a sentence may start on.
const STARTS: [bool; TAGS] = {
    let mut a = [false; TAGS];
    let mut t = 0;
    while t < TAGS {
        a[t] = matches!(split(t as u8).0, Part::Outside | Part::Begin | Part::Unit);
        t += 1;
    }
    a
};

const ALLOWED: [[bool; TAGS]; TAGS] = {
    let mut a = [[false; TAGS]; TAGS];
    let mut p = 0;
    while p < TAGS {
        let mut t = 0;
        while t < TAGS {
            let (pp, pt) = split(p as u8);
            let (np, nt) = split(t as u8);
            let open = matches!(pp, Part::Begin | Part::Inside);
            a[p][t] = if open {
                matches!(np, Part::Inside | Part::Last) && nt == pt
            } else {
                matches!(np, Part::Outside | Part::Begin | Part::Unit)
            };
            t += 1;
        }
        p += 1;
    }
    a
};

/// The compiled weights: feature hash → a row of per-tag scores.
///
/// A look-up is the tagger's main cost, so it reads one place: a perfect hash sends a
/// feature to one slot, and the slot holds the feature's key and its whole row, the
/// exponent and all 17 weights as `i8` (24 bytes; an absent weight is 0, and adding
/// `0 × 2^e = +0.0` leaves every sum as it was), so the key check and the weights
/// share a cache line and the addition of a row is one fixed-length loop (SIMD).
/// A row with no weight is left out: it adds nothing.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// The perfect hash's pilot of each bucket (see [`perfect_hash`]).
    pilots: Vec<u16>,
    slots: Vec<Slot>,
    /// The low byte of each slot's key (`0xff` in a free slot, whose key no feature
    /// has): 1 byte a slot, so it stays in cache where the 24-byte slots do not.
    fingerprints: Vec<u8>,
    /// `2^e` for every exponent `e` (index `e as u8`), computed as the weights always
    /// were, so `value × scale` gives the same `f32` bits.
    scales: Vec<f32>,
    /// The smallest scale, `2^e` for the least exponent: the size of a [`Units`] unit.
    unit: f32,
    rows: usize,
    /// The transition scores.
    pub transitions: Transitions,
}

/// A slot of the table: a feature hash and its row (`key` is [`EMPTY`] in a free slot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    key: u32,
    exp: i8,
    /// `exp` less the model's least exponent (set by [`Model::from_rows`]).
    shift: u8,
    weights: [i8; TAGS],
}

/// Summed weights as whole numbers of the model's smallest scale ([`Model::unit`]).
///
/// Every weight is `value × 2^(exp − least) × unit` with `exp − least` at most
/// [`MAX_SHIFT`], so a row adds `value << shift` to each tag: exactly, in any order. A
/// token has fewer than 128 features, so a sum stays below `2^7 × 2^7 × 2^16 = 2^30`.
/// Converted once, `sum × unit` is the `f32` that adding the rows as floats, in list
/// order, gives as long as those float sums are exact: below `2^24` units, which the
/// shipped weights (exponents −6 to −2, largest weight 25.5) keep many times over.
pub type Units = [i32; TAGS];

/// The widest spread of row exponents a weight file may have (see [`Units`]).
pub const MAX_SHIFT: i32 = 16;

/// The key of a free slot: no feature hash has bits beyond [`KEY_BITS`].
const EMPTY: u32 = u32::MAX;

const KEY_BITS: u32 = super::features::FEATURE_BITS;

/// The feature hash of a perfect-hash entry (the row number is above bit 32).
#[inline]
fn key_of(entry: u64) -> u32 {
    (entry & ((1 << KEY_BITS) - 1)) as u32
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Option<f32> {
        self.u32().map(f32::from_bits)
    }
    fn leb(&mut self) -> Option<u32> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = *self.take(1)?.first()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).ok();
            }
        }
        None
    }
}

impl Model {
    /// Reads a weight file; `None` when it is malformed.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != b"NMW1" || r.u32()? as usize != TAGS {
            return None;
        }
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return None;
        }
        let mut tr = Transitions::default();
        for p in 0..TAGS {
            for t in 0..TAGS {
                tr.trans[p][t] = r.f32()?;
            }
        }
        for t in 0..TAGS {
            tr.start[t] = r.f32()?;
        }
        for t in 0..TAGS {
            tr.end[t] = r.f32()?;
        }
        let mut keys = Vec::with_capacity(n);
        let mut key = 0u32;
        for _ in 0..n {
            key = key.checked_add(r.leb()?)?;
            keys.push(key);
        }
        let exps: Vec<i8> = r.take(n)?.iter().map(|&b| b as i8).collect();
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            masks.push(r.leb()?);
        }
        let mut rows = Vec::with_capacity(n);
        let mut last_key = None;
        for ((&key, &mask), &exp) in keys.iter().zip(&masks).zip(&exps) {
            let mut weights = [0i8; TAGS];
            for (t, w) in weights.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *w = *r.take(1)?.first()? as i8;
                }
            }
            // features never hash beyond 24 bits: such a row could never be read; of a
            // repeated key (the keys are sorted) the first row wins, as it always has
            if mask & ((1 << TAGS) - 1) == 0
                || u64::from(key) >> KEY_BITS != 0
                || last_key == Some(key)
            {
                continue;
            }
            last_key = Some(key);
            rows.push(Slot {
                key,
                exp,
                shift: 0,
                weights,
            });
        }
        let mut model = Model::from_rows(&rows)?;
        model.rows = n;
        model.transitions = tr;
        Some(model)
    }

    /// A model of `rows` (distinct keys below `2^KEY_BITS`) and no transitions; `None`
    /// if their exponents spread wider than [`MAX_SHIFT`].
    fn from_rows(rows: &[Slot]) -> Option<Model> {
        let least = rows.iter().map(|r| i32::from(r.exp)).min().unwrap_or(0);
        let most = rows.iter().map(|r| i32::from(r.exp)).max().unwrap_or(0);
        if most - least > MAX_SHIFT {
            return None;
        }
        let entries: Vec<u64> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| u64::from(row.key) | (i as u64 + 1) << 32)
            .collect();
        let (pilots, table) = perfect_hash(&entries)?;
        let free = Slot {
            key: EMPTY,
            exp: 0,
            shift: 0,
            weights: [0; TAGS],
        };
        let slots: Vec<Slot> = table
            .iter()
            .map(|&e| {
                let row = ((e >> 32) as usize).checked_sub(1);
                row.and_then(|i| rows.get(i)).map_or(free, |&r| Slot {
                    shift: (i32::from(r.exp) - least) as u8,
                    ..r
                })
            })
            .collect();
        let fingerprints = slots.iter().map(|s| s.key as u8).collect();
        Some(Model {
            pilots,
            slots,
            fingerprints,
            scales: (0..=255u8).map(|e| 2f32.powi(i32::from(e as i8))).collect(),
            unit: 2f32.powi(least),
            rows: rows.len(),
            transitions: Transitions::default(),
        })
    }

    /// Number of feature rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when the model has no feature rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Where the weights of feature `key` are, to be added later with
    /// [`Model::add_row`] (a look-up kept for a feature that recurs).
    #[inline]
    pub fn find(&self, key: u32) -> Row {
        // a key beyond `KEY_BITS` (no feature's) falls in a bucket past the last one
        let Some(&pilot) = self.pilots.get(bucket_of(key, self.pilots.len())) else {
            return Row(0);
        };
        let at = slot_of(key, pilot, self.slots.len());
        // a third of the look-ups are of features the model does not have: the byte
        // tells most of them apart without reading the slot (a cache miss)
        if self.fingerprints.get(at) != Some(&(key as u8)) {
            return Row(0);
        }
        match self.slots.get(at) {
            Some(slot) if slot.key == key => Row(at as u32 + 1),
            _ => Row(0),
        }
    }

    /// The row of feature `key`, if the model has one.
    pub fn row(&self, key: u32) -> Option<[f32; TAGS]> {
        let found = self.find(key);
        if found.0 == 0 {
            return None;
        }
        let mut row = [0.0; TAGS];
        self.add_row(found, &mut row);
        Some(row)
    }

    /// Adds a row found by [`Model::find`] into `out`: every tag, in order (a tag the
    /// row has no weight for adds `+0.0`, which changes no sum).
    #[inline]
    pub fn add_row(&self, row: Row, out: &mut [f32; TAGS]) {
        let Some(slot) = row
            .0
            .checked_sub(1)
            .and_then(|i| self.slots.get(i as usize))
        else {
            return;
        };
        let scale = self
            .scales
            .get(slot.exp as u8 as usize)
            .copied()
            .unwrap_or(0.0);
        for (o, &w) in out.iter_mut().zip(&slot.weights) {
            *o += f32::from(w) * scale;
        }
    }

    /// Adds a row found by [`Model::find`] into `out`, in [`Units`].
    #[inline]
    pub fn add_units(&self, row: Row, out: &mut Units) {
        let Some(slot) = row
            .0
            .checked_sub(1)
            .and_then(|i| self.slots.get(i as usize))
        else {
            return;
        };
        let shift = u32::from(slot.shift);
        for (o, &w) in out.iter_mut().zip(&slot.weights) {
            *o = o.wrapping_add(i32::from(w) << shift);
        }
    }

    /// The size of a [`Units`] unit: the smallest scale of the model's rows.
    pub fn unit(&self) -> f32 {
        self.unit
    }

    /// The scores that `units` stand for (exact below `2^24` units).
    #[inline]
    pub fn scores(&self, units: &Units) -> [f32; TAGS] {
        let unit = self.unit;
        units.map(|u| u as f32 * unit)
    }

    /// Sets `out` to the sum of the rows of `features`.
    #[inline]
    pub fn score(&self, features: &[u32], out: &mut [f32; TAGS]) {
        *out = [0.0; TAGS];
        self.add(features, out);
    }

    /// Sums of rows in [`Units`]: entry `k` of the result is `finish` of `start(k)` plus
    /// the rows `rows[ends[k - 1]..ends[k]]`. ([`Model::find`] has read every row's slot
    /// already, so their cache misses overlapped.)
    pub fn sums<T>(
        &self,
        rows: &[Row],
        ends: &[usize],
        start: impl FnMut(usize) -> Units,
        finish: impl FnMut(&Units) -> T,
    ) -> Vec<T> {
        let mut out = Vec::with_capacity(ends.len());
        self.sums_into(rows, ends, start, finish, &mut out);
        out
    }

    /// [`Model::sums`] into `out` (cleared first), so that one buffer serves sentence
    /// after sentence.
    pub fn sums_into<T>(
        &self,
        rows: &[Row],
        ends: &[usize],
        mut start: impl FnMut(usize) -> Units,
        mut finish: impl FnMut(&Units) -> T,
        out: &mut Vec<T>,
    ) {
        out.clear();
        let mut from = 0;
        out.extend(ends.iter().enumerate().map(|(k, &end)| {
            let mut sum = start(k);
            for &row in rows.get(from..end).unwrap_or(&[]) {
                self.add_units(row, &mut sum);
            }
            from = end;
            finish(&sum)
        }));
    }

    /// Adds the rows of `features` into `out`, in order.
    #[inline]
    pub fn add(&self, features: &[u32], out: &mut [f32; TAGS]) {
        for &f in features {
            self.add_row(self.find(f), out);
        }
    }
}

/// Keys per bucket of the perfect hash, on average: a 2-byte pilot per 4 keys.
const BUCKET_KEYS: usize = 4;

/// MurmurHash3's 64-bit finalizer: every input bit moves every output bit. The
/// perfect hash places keys with it, and the features are hashed through it.
#[inline]
pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// `h`'s high half scaled to `0..n` (Lemire's reduction: no division).
#[inline]
fn reduce(h: u64, n: usize) -> usize {
    (((h >> 32) * n as u64) >> 32) as usize
}

/// The bucket of `key` (below `2^KEY_BITS`): a feature hash is mixed already, so its
/// bits are scaled to `0..buckets` as they are, and a look-up mixes once, for its slot.
#[inline]
fn bucket_of(key: u32, buckets: usize) -> usize {
    ((u64::from(key) * buckets as u64) >> KEY_BITS) as usize
}

/// The slot of `key` under `pilot`, as PTHash places keys: a hash of the key XOR a
/// hash of the pilot, scaled to `0..slots`. A feature hash is mixed already, so one
/// multiplication spreads its 24 bits over the high half, and one more hashes the pilot
/// (Fibonacci hashing): two multiplications a look-up instead of a full [`mix`].
#[inline]
fn slot_of(key: u32, pilot: u16, slots: usize) -> usize {
    let k = u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let p = (u64::from(pilot) + 1).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    reduce(k ^ p, slots)
}

/// Builds a perfect hash of the slots `entries` (their keys distinct), in the manner of
/// PTHash: keys fall into buckets; bucket after bucket, largest first, a pilot is
/// searched that sends all its keys to free slots. Returns the pilots and the table
/// (about 1.25 slots a key); `None` only if no table up to 64 slots a key works, which
/// distinct hashed keys never cause.
fn perfect_hash(entries: &[u64]) -> Option<(Vec<u16>, Vec<u64>)> {
    let n = entries.len();
    let key = key_of;
    let buckets = n / BUCKET_KEYS + 1;
    let mut order: Vec<(usize, u64)> = entries
        .iter()
        .map(|&e| (bucket_of(key(e), buckets), e))
        .collect();
    order.sort_unstable_by_key(|&(b, e)| (b, key(e)));
    // bucket ranges in `order`, largest first (ties by bucket, for a reproducible table)
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(buckets);
    let mut start = 0;
    while start < order.len() {
        let b = order[start].0;
        let end = start + order[start..].iter().take_while(|x| x.0 == b).count();
        ranges.push((start, end));
        start = end;
    }
    let ranges = largest_first(&ranges);
    let mut size = n + n / 4 + 16;
    let mut at: Vec<usize> = Vec::new();
    'attempt: while size <= 64 * n + 64 {
        let mut slots = vec![0u64; size];
        let mut pilots = vec![0u16; buckets];
        'bucket: for &(s, e) in &ranges {
            let members = &order[s..e];
            for pilot in 0..=u16::MAX {
                at.clear();
                for &(_, entry) in members {
                    let p = slot_of(key(entry), pilot, size);
                    if slots[p] != 0 || at.contains(&p) {
                        break;
                    }
                    at.push(p);
                }
                if at.len() == members.len() {
                    for (&p, &(_, entry)) in at.iter().zip(members) {
                        slots[p] = entry;
                    }
                    pilots[members[0].0] = pilot;
                    continue 'bucket;
                }
            }
            size *= 2;
            continue 'attempt;
        }
        return Some((pilots, slots));
    }
    None
}

/// `ranges` (given in order of their starts) ordered largest first, ties by start: the
/// order of sorting by `(Reverse(size), start)`, by counting the sizes (a few keys a bucket),
/// which costs a pass where a comparison sort of the 15,000 buckets cost 5.5 M
/// instructions at every load.
fn largest_first(ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let size = |&(s, e): &(usize, usize)| e.saturating_sub(s);
    let most = ranges.iter().map(size).max().unwrap_or(0);
    // next[k]: where the next range of size `most - k` goes
    let mut next = vec![0usize; most + 2];
    for r in ranges {
        next[most - size(r) + 1] += 1;
    }
    for k in 1..next.len() {
        next[k] += next[k - 1];
    }
    let mut out = vec![(0, 0); ranges.len()];
    for r in ranges {
        let k = most - size(r);
        out[next[k]] = *r;
        next[k] += 1;
    }
    out
}

/// The weights of one feature in a [`Model`] (or none), as [`Model::find`] found them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Row(u32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_go_largest_first_in_the_order_of_a_sort() {
        let mut next = coarse_scores(7, 19);
        for len in [0, 1, 2, 50, 2_000] {
            let mut ranges = Vec::with_capacity(len);
            let mut start = 0;
            for _ in 0..len {
                let size = next().abs() as usize % 9;
                ranges.push((start, start + size));
                start += size;
            }
            let mut sorted = ranges.clone();
            sorted.sort_by_key(|&(s, e)| (std::cmp::Reverse(e - s), s));
            assert_eq!(largest_first(&ranges), sorted);
        }
    }

    #[test]
    fn the_closed_tags_precede_b_u_o_and_end_sentences() {
        let closed: Vec<usize> = (0..TAGS).filter(|&t| may_end(t as u8)).collect();
        assert_eq!(closed, CLOSED);
        for (p, next) in ALLOWED.iter().enumerate() {
            assert_eq!(next[0], CLOSED.contains(&p), "{p}");
        }
        // every tag has its own lane
        let mut seen = std::collections::HashSet::new();
        for (c, k) in LANE {
            assert!(c < 5 && k < 4 && seen.insert((c, k)));
        }
    }

    #[test]
    fn tags_round_trip() {
        for ty in 0..4 {
            for p in [Part::Begin, Part::Inside, Part::Last, Part::Unit] {
                assert_eq!(split(tag(p, ty)), (p, ty));
            }
        }
        assert_eq!(split(OUTSIDE).0, Part::Outside);
    }

    #[test]
    fn viterbi_keeps_sequences_well_formed() {
        // emissions prefer an ill-formed I-PER at the start: the decoder must not take it
        let mut e = [[0.0f32; TAGS]; 2];
        e[0][tag(Part::Inside, 0) as usize] = 5.0;
        e[0][tag(Part::Begin, 0) as usize] = 1.0;
        e[1][tag(Part::Last, 0) as usize] = 1.0;
        let mut out = Vec::new();
        viterbi(&e, &Transitions::default(), &mut out);
        assert_eq!(out, [tag(Part::Begin, 0), tag(Part::Last, 0)]);
        for w in out.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
    }

    /// Viterbi as first written: every pair of tags, `allowed` asked each time.
    #[allow(clippy::needless_range_loop)]
    fn naive_viterbi(emissions: &[[f32; TAGS]], tr: &Transitions) -> Vec<u8> {
        const NEG: f32 = f32::NEG_INFINITY;
        let n = emissions.len();
        let mut back = vec![[0u8; TAGS]; n];
        let mut score = [NEG; TAGS];
        for t in 0..TAGS {
            if allowed(None, t as u8) {
                score[t] = tr.start[t] + emissions[0][t];
            }
        }
        for i in 1..n {
            let mut next = [NEG; TAGS];
            for t in 0..TAGS {
                let (mut best, mut arg) = (NEG, 0u8);
                for p in 0..TAGS {
                    if score[p] == NEG || !allowed(Some(p as u8), t as u8) {
                        continue;
                    }
                    let s = score[p] + tr.trans[p][t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                if best > NEG {
                    next[t] = best + emissions[i][t];
                    back[i][t] = arg;
                }
            }
            score = next;
        }
        let (mut best, mut last) = (NEG, 0u8);
        for t in 0..TAGS {
            if may_end(t as u8) && score[t] > NEG && score[t] + tr.end[t] > best {
                best = score[t] + tr.end[t];
                last = t as u8;
            }
        }
        let mut out = vec![OUTSIDE; n];
        let mut t = last;
        for i in (0..n).rev() {
            out[i] = t;
            t = back[i][t as usize];
        }
        out
    }

    /// Coarse pseudo-random scores (many ties) from a fixed LCG: integers in
    /// `-(levels / 2)..=levels / 2` as `f32`.
    fn coarse_scores(seed: u64, levels: u64) -> impl FnMut() -> f32 {
        let mut x = seed;
        move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) % levels) as f32 - (levels / 2) as f32
        }
    }

    /// Transition, start and end scores drawn from `next`.
    fn random_transitions(next: &mut impl FnMut() -> f32) -> Transitions {
        let mut tr = Transitions::default();
        for p in 0..TAGS {
            for t in 0..TAGS {
                tr.trans[p][t] = next();
            }
            tr.start[p] = next();
            tr.end[p] = next();
        }
        tr
    }

    #[test]
    fn the_decoder_equals_the_naive_search_ties_included() {
        let mut next = coarse_scores(12345, 7);
        let mut decoder = Decoder::default();
        let mut out = Vec::new();
        for len in [1usize, 2, 3, 5, 9, 20, 40] {
            let tr = random_transitions(&mut next);
            let e: Vec<[f32; TAGS]> = (0..len).map(|_| std::array::from_fn(|_| next())).collect();
            decoder.decode(&e, &tr, &mut out);
            assert_eq!(out, naive_viterbi(&e, &tr), "length {len}");
        }
    }

    #[test]
    fn held_tokens_decode_as_if_their_other_tags_were_impossible() {
        let mut next = coarse_scores(777, 9);
        let mut decoder = Decoder::default();
        let mut out = Vec::new();
        for len in [1usize, 2, 3, 6, 15, 30] {
            let tr = random_transitions(&mut next);
            let e: Vec<[f32; TAGS]> = (0..len).map(|_| std::array::from_fn(|_| next())).collect();
            let held: Vec<bool> = (0..len).map(|_| next() > 0.0).collect();
            let mut masked = e.clone();
            for (row, &h) in masked.iter_mut().zip(&held) {
                if h {
                    row[1..].fill(f32::NEG_INFINITY);
                }
            }
            decoder.decode_outside(&e, &held, &tr, &mut out);
            assert_eq!(out, naive_viterbi(&masked, &tr), "length {len}");
            // -inf emissions themselves (an unreachable tag plus -inf stays -inf)
            let mut plain = Vec::new();
            decoder.decode(&masked, &tr, &mut plain);
            assert_eq!(plain, out, "length {len}");
            for (&t, &h) in out.iter().zip(&held) {
                assert!(!h || t == OUTSIDE);
            }
        }
    }

    #[test]
    fn sparse_rows_sum_like_dense_ones() {
        let m = crate::names::compiled();
        let mut any = 0;
        for key in (0..1u32 << 24).step_by(997) {
            if let Some(row) = m.row(key) {
                any += 1;
                let mut out = [1.0; TAGS];
                m.add(&[key, key], &mut out);
                for t in 0..TAGS {
                    assert_eq!(out[t], 1.0 + row[t] + row[t]);
                }
            }
        }
        assert!(any > 0);
        // no key beyond 24 bits is found (they fall past the last bucket)
        for key in [1 << 24, (1 << 24) + 12_345, 1 << 31, u32::MAX] {
            assert!(m.row(key).is_none(), "{key}");
        }
    }

    #[test]
    fn the_perfect_hash_finds_every_key_and_only_them() {
        for n in [0usize, 1, 2, 7, 1000, 20_000] {
            // distinct 24-bit keys, as the features make them, with some tag mask
            let keys: Vec<u32> = (0..n as u64)
                .map(|i| (mix(i) & ((1 << KEY_BITS) - 1)) as u32)
                .collect::<std::collections::BTreeSet<u32>>()
                .into_iter()
                .collect();
            let rows: Vec<Slot> = keys
                .iter()
                .enumerate()
                .map(|(i, &key)| {
                    let mut weights = [0; TAGS];
                    weights[i % TAGS] = 1 + (i % 100) as i8;
                    Slot {
                        key,
                        exp: 0,
                        shift: 0,
                        weights,
                    }
                })
                .collect();
            let m = Model::from_rows(&rows).expect("a table");
            assert!(m.slots.len() <= keys.len() * 2 + 16);
            // the first table tried (about 1.25 slots a key) is found
            let n = keys.len();
            assert_eq!(m.slots.len(), n + n / 4 + 16, "{n} keys");
            for (i, &k) in keys.iter().enumerate() {
                let mut want = [0.0; TAGS];
                want[i % TAGS] = (1 + i % 100) as f32;
                assert_eq!(m.row(k), Some(want), "key {k}");
            }
            let set: std::collections::HashSet<u32> = keys.iter().copied().collect();
            for k in (0..1u32 << KEY_BITS).step_by(4099) {
                if !set.contains(&k) {
                    assert_eq!(m.find(k), Row(0));
                }
            }
        }
    }

    #[test]
    fn the_compiled_weights_fit_the_first_table_tried() {
        // a pilot is found for every bucket at about 1.25 slots a key: the slot hash
        // spreads the keys well enough that the table never doubles
        let m = crate::names::compiled();
        let n = m.rows;
        assert!(n > 1000);
        assert_eq!(m.slots.len(), n + n / 4 + 16);
    }

    #[test]
    fn batched_sums_equal_row_after_row() {
        let m = crate::names::compiled();
        let keys: Vec<u32> = (0..4000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) >> 8)
            .collect();
        let rows: Vec<Row> = keys.iter().map(|&k| m.find(k)).collect();
        assert!(rows.iter().any(|&r| r != Row(0)));
        let ends: Vec<usize> = (1..=40).map(|k| k * 100).collect();
        // a start of k units, as a float k × unit
        let sums = m.sums(&rows, &ends, |k| [k as i32; TAGS], |u| m.scores(u));
        // into a buffer that held other sums: cleared first
        let mut again = vec![[9.0; TAGS]; 3];
        m.sums_into(
            &rows,
            &ends,
            |k| [k as i32; TAGS],
            |u| m.scores(u),
            &mut again,
        );
        assert_eq!(again, sums);
        for (k, sum) in sums.iter().enumerate() {
            let mut want = [k as f32 * m.unit(); TAGS];
            m.add(&keys[k * 100..(k + 1) * 100], &mut want);
            assert_eq!(want.map(f32::to_bits), sum.map(f32::to_bits));
        }
    }

    #[test]
    fn integer_sums_equal_float_sums_of_random_rows() {
        // random rows with the shipped weights' spread of exponents and more: the units
        // summed as integers, scaled once, equal the float sums row after row, bit for bit
        let mut x = 99u64;
        let mut next = move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as u32
        };
        let keys: Vec<u32> = (0..3000).map(|_| next() & ((1 << KEY_BITS) - 1)).collect();
        let keys: Vec<u32> = keys
            .into_iter()
            .collect::<std::collections::BTreeSet<u32>>()
            .into_iter()
            .collect();
        let rows: Vec<Slot> = keys
            .iter()
            .map(|&key| Slot {
                key,
                exp: -8 + (next() % 9) as i8,
                shift: 0,
                weights: std::array::from_fn(|_| next() as i8),
            })
            .collect();
        let m = Model::from_rows(&rows).expect("a table");
        assert_eq!(m.unit(), 2f32.powi(-8));
        for n in [0usize, 1, 2, 17, 40, 90] {
            for _ in 0..50 {
                let picked: Vec<u32> = (0..n).map(|_| keys[next() as usize % keys.len()]).collect();
                let mut want = [0.0; TAGS];
                m.add(&picked, &mut want);
                let mut units = [0; TAGS];
                for &k in &picked {
                    m.add_units(m.find(k), &mut units);
                }
                assert_eq!(want.map(f32::to_bits), m.scores(&units).map(f32::to_bits));
            }
        }
    }

    #[test]
    fn exponents_spread_too_wide_are_refused() {
        let row = |key, exp| Slot {
            key,
            exp,
            shift: 0,
            weights: [1; TAGS],
        };
        assert!(Model::from_rows(&[row(1, -10), row(2, 6)]).is_some());
        assert!(Model::from_rows(&[row(1, -10), row(2, 7)]).is_none());
    }

    #[test]
    fn malformed_weights_are_refused() {
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"NMW1\x11\0\0\0\xff\xff\xff\xff").is_none());
    }
}
