// Decoding the core's packed result (src/render/packed.rs) into span and entity objects, and
// checking a text against the core's length limit before it is copied in.
//
// No WebAssembly here: the page's worker (worker.js) instantiates the core itself and imports
// only this, while newsmark-annotate.js loads the core for everyone else.

/** The kinds newsmark marks, in the order the core reports them. */
export const KINDS = Object.freeze(['quote', 'name', 'number']);

/** Every type of every kind. */
export const TYPES = Object.freeze({
  quote: Object.freeze(['direct', 'partial', 'scare']),
  name: Object.freeze(['person', 'organization', 'place', 'other']),
  number: Object.freeze([
    'cardinal', 'ordinal', 'percent', 'money', 'quantity', 'date', 'time', 'duration', 'range',
  ]),
});

// The core's labels in its order (Label::ALL in src/span.rs), and its entity types.
const LABELS = Object.entries(TYPES).flatMap(([kind, types]) => types.map((type) => [kind, type]));
const NAME_TYPES = TYPES.name;

// Layout of the core's packed result (src/render/packed.rs): header words, span flags.
const PACKED_FORMAT = 1;
const HEADER = 7;
const ENTITY = 1;
const SPEAKER = 1 << 1;
const SPEAKER_MENTION = 1 << 2;
const SPEAKER_ENTITY = 1 << 3;
const CUE = 1 << 4;
const VALUE = 1 << 5;
const VALUE_VALUE = 1 << 6;
const VALUE_HIGH = 1 << 7;
const VALUE_UNIT = 1 << 8;
const VALUE_CURRENCY = 1 << 9;
const VALUE_ISO = 1 << 10;

/**
 * The length of `text` in bytes of UTF-8, as TextEncoder writes it (which is how the text
 * reaches the core): a lone surrogate becomes U+FFFD, three bytes.
 */
export function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length
      && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one character outside the Basic Multilingual Plane
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Throws a RangeError when `text` is longer than `max` bytes of UTF-8 (the core's
 * max_text_bytes()): the core refuses it, and copying it in first could exhaust the
 * WebAssembly memory. A text of at most `max / 3` UTF-16 code units is within it unmeasured.
 */
export function checkLength(text, max) {
  if (text.length * 3 <= max) return;
  const bytes = utf8Length(text);
  if (bytes > max) {
    throw new RangeError(
      `newsmark: the text is too long: ${bytes} bytes of UTF-8, and newsmark reads at most ${max} `
      + `(${max / 1048576} MiB) at a time; split it, by chapters or articles`,
    );
  }
}

const utf8 = new TextDecoder();
const f64View = new DataView(new ArrayBuffer(8));

function f64(lo, hi) {
  f64View.setUint32(0, lo, true);
  f64View.setUint32(4, hi, true);
  const x = f64View.getFloat64(0, true);
  return Number.isFinite(x) ? x : null; // as JSON has it
}

/**
 * The core's packed words for `text` as `{spans, entities}`: the same objects, keys in the
 * same order, as `JSON.parse` of the core's JSON. Every text is `text.slice(start, end)`.
 */
export function decodePacked(w, text) {
  if (w[0] !== PACKED_FORMAT) throw new Error(`newsmark: the core's result has format ${w[0]}, not ${PACKED_FORMAT}`);
  const nSpans = w[1];
  const nEntities = w[2];
  const nStrings = w[3];
  const table = w[6];
  const strings = new Array(nStrings);
  if (nStrings > 0) {
    const at = w.byteOffset + 4 * (table + nStrings);
    const blob = utf8.decode(new Uint8Array(w.buffer, at, w[4]));
    for (let k = 0, pos = 0; k < nStrings; k += 1) {
      const len = w[table + k];
      strings[k] = blob.slice(pos, pos + len);
      pos += len;
    }
  }
  const spans = new Array(nSpans);
  let i = HEADER;
  for (let k = 0; k < nSpans; k += 1) {
    const start = w[i];
    const end = w[i + 1];
    const tag = w[i + 2];
    i += 3;
    const flags = tag >>> 8;
    const label = LABELS[tag & 0xff];
    // keys in the order of the JSON (sorted): cue end entity kind speaker start text type value
    if (flags === ENTITY) {
      spans[k] = { end, entity: w[i], kind: label[0], start, text: text.slice(start, end), type: label[1] };
      i += 1;
      continue;
    }
    if (flags === 0) {
      spans[k] = { end, kind: label[0], start, text: text.slice(start, end), type: label[1] };
      continue;
    }
    let entity;
    let speaker;
    let cue;
    let value;
    if (flags & ENTITY) entity = w[i++];
    if (flags & SPEAKER) {
      const name = strings[w[i++]];
      speaker = {};
      let ms = 0;
      let me = 0;
      if (flags & SPEAKER_MENTION) {
        ms = w[i];
        me = w[i + 1];
        i += 2;
        speaker.end = me;
      }
      if (flags & SPEAKER_ENTITY) speaker.entity = w[i++];
      speaker.name = name;
      if (flags & SPEAKER_MENTION) {
        speaker.start = ms;
        speaker.text = text.slice(ms, me);
      }
    }
    if (flags & CUE) {
      const cs = w[i];
      const ce = w[i + 1];
      i += 2;
      cue = { end: ce, start: cs, text: text.slice(cs, ce) };
    }
    if (flags & VALUE) {
      let v;
      let high;
      if (flags & VALUE_VALUE) {
        v = f64(w[i], w[i + 1]);
        i += 2;
      }
      if (flags & VALUE_HIGH) {
        high = f64(w[i], w[i + 1]);
        i += 2;
      }
      const unit = flags & VALUE_UNIT ? strings[w[i++]] : undefined;
      const currency = flags & VALUE_CURRENCY ? strings[w[i++]] : undefined;
      const iso = flags & VALUE_ISO ? strings[w[i++]] : undefined;
      value = {};
      if (currency !== undefined) value.currency = currency;
      if (flags & VALUE_HIGH) value.high = high;
      if (iso !== undefined) value.iso = iso;
      if (unit !== undefined) value.unit = unit;
      if (flags & VALUE_VALUE) value.value = v;
    }
    const s = {};
    if (cue) s.cue = cue;
    s.end = end;
    if (flags & ENTITY) s.entity = entity;
    s.kind = label[0];
    if (speaker) s.speaker = speaker;
    s.start = start;
    s.text = text.slice(start, end);
    s.type = label[1];
    if (value) s.value = value;
    spans[k] = s;
  }
  const entities = new Array(nEntities);
  for (let k = 0; k < nEntities; k += 1, i += 4) {
    entities[k] = { id: w[i], mentions: w[i + 3], name: strings[w[i + 1]], type: NAME_TYPES[w[i + 2]] };
  }
  return { entities, spans };
}
