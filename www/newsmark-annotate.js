// Loading the WebAssembly core and annotating plain text (UTF-16 offsets).
//
// The wasm is found relative to this module (`import.meta.url`), never relative to the page
// that imports it, so a site can import newsmark from any origin. In Node (a `file:` URL) the
// bytes are read with `fs`; anywhere else they are fetched. `init(source)` picks another
// source (a URL, a Response, bytes or a compiled WebAssembly.Module) when called before
// anything awaits `ready`.

import * as glue from './pkg/newsmark_core.js';
import { KINDS, TYPES, checkLength, decodePacked } from './newsmark-packed.js';

export { KINDS, TYPES, decodePacked };

const WASM_URL = new URL('./pkg/newsmark_core_bg.wasm', import.meta.url);

let loading = null;
// the instance in use: its annotate function and the longest text it reads (UTF-8 bytes)
let core = null;
// what the wasm was loaded from, for a restart; and how many restarts there were
let wasmSource;
let restarts = 0;

async function instantiate(bindings, wasm) {
  await bindings.default({ module_or_path: wasm });
  core = { annotatePacked: bindings.annotate_packed, maxBytes: bindings.max_text_bytes() };
}

async function load(source) {
  let wasm = source;
  if (wasm === undefined) {
    // A file: URL means Node (or Deno/Bun): fetch() cannot read files there.
    if (WASM_URL.protocol === 'file:') {
      const fs = await import('node:fs/promises');
      wasm = await fs.readFile(WASM_URL);
    } else {
      wasm = WASM_URL;
    }
  }
  wasmSource = wasm;
  await instantiate(glue, wasm);
}

// A trap (WebAssembly.RuntimeError) leaves an instance unusable: the core never panics and
// refuses texts over its limit, but a device can still run out of memory below it. A fresh
// instance starts from the same source (bytes or a URL; a Response given to init() can be
// read only once), in a fresh copy of the bindings, whose state belongs to the dead one; the
// next init() awaits it.
function restart() {
  core = null;
  restarts += 1;
  const bindings = new URL(`./pkg/newsmark_core.js?restart=${restarts}`, import.meta.url);
  loading = import(bindings.href).then((fresh) => instantiate(fresh, wasmSource));
  loading.catch(() => {});
}

/**
 * Starts loading the core from `source` (default: `pkg/newsmark_core_bg.wasm` beside this
 * module) and returns the promise of it. Only the first call loads; later calls return the
 * same promise.
 */
export function init(source) {
  if (!loading) loading = load(source);
  return loading;
}

/**
 * Resolves once the WebAssembly core is loaded. Loading starts on import, one microtask late,
 * so that a synchronous `init(source)` right after the import still chooses the source.
 */
export const ready = Promise.resolve().then(() => init());
// A page that never awaits `ready` must not get an "uncaught rejection" from it; whoever
// awaits `ready` or calls annotate() still sees the error.
ready.catch(() => {});

/** `kinds` as the core's comma list ('' = all); accepts an array or a comma string. */
export function kindList(kinds) {
  if (kinds == null || kinds === '') return '';
  const words = (Array.isArray(kinds) ? kinds : String(kinds).split(','))
    .map((k) => String(k).trim().toLowerCase())
    .filter(Boolean);
  for (const k of words) {
    if (!KINDS.includes(k)) throw new RangeError(`newsmark: unknown kind "${k}" (use ${KINDS.join(', ')})`);
  }
  return words.join(',');
}

/** `types` as a Set (null = every type); accepts an array or a comma string. */
export function typeSet(types) {
  if (types == null || types === '') return null;
  const words = (Array.isArray(types) ? types : String(types).split(','))
    .map((t) => String(t).trim().toLowerCase())
    .filter(Boolean);
  const known = Object.values(TYPES).flat();
  for (const t of words) {
    if (!known.includes(t)) throw new RangeError(`newsmark: unknown type "${t}"`);
  }
  return words.length ? new Set(words) : null;
}

/**
 * Annotates `text` synchronously; the core must be loaded (`await ready` first). Returns
 * `{spans, entities}`; offsets are UTF-16 code units, so `text.slice(span.start, span.end)`
 * is the span's text.
 */
export function annotateLoaded(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('newsmark: annotate() takes a string');
  if (!core) throw new Error('newsmark: the core is not loaded; await ready (or init()) first');
  checkLength(text, core.maxBytes);
  const types = typeSet(options.types);
  let kinds = kindList(options.kinds);
  // Asking only for person names need not run the quote and number recognizers.
  if (!kinds && types) kinds = KINDS.filter((k) => TYPES[k].some((t) => types.has(t))).join(',');
  let words;
  try {
    words = core.annotatePacked(text, kinds);
  } catch (err) {
    if (!(err instanceof WebAssembly.RuntimeError)) throw err;
    restart();
    throw new Error(
      `newsmark: the core failed on this text (${err.message}), most likely out of memory; `
      + 'a fresh one is starting, and the next call uses it',
      { cause: err },
    );
  }
  const result = decodePacked(words, text);
  if (types) result.spans = result.spans.filter((s) => types.has(s.type));
  return result;
}

/**
 * Finds the quotes, names and numbers in `text`.
 *
 * @param {string} text
 * @param {{kinds?: string|string[], types?: string|string[]}} [options]
 *   `kinds`: any of quote, name, number (default all); `types`: keep only these types.
 * @returns {Promise<object[]>} spans sorted by start, UTF-16 offsets.
 */
export async function annotate(text, options = {}) {
  await init();
  return annotateLoaded(text, options).spans;
}

/**
 * Like annotate(), but also returns the entities: `{spans, entities}`, where each entity is
 * `{id, name, type, mentions}` and name spans carry its `entity` id.
 */
export async function analyze(text, options = {}) {
  await init();
  return annotateLoaded(text, options);
}
