// newsmark.js under Node, straight from www/ (no browser): loading the wasm with fs, options,
// errors and UTF-16 offsets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireBuild } from './widget-helpers.mjs';

await requireBuild();
const nm = await import('../../www/newsmark.js');

test('ready resolves in Node and annotate() slices by UTF-16 offsets', async () => {
  await nm.ready;
  const text = '👍🏽 “We paid $5 million,” said Jane Doe in Paris on April 16, 2025. 😀 25%';
  const spans = await nm.annotate(text);
  assert.ok(spans.length > 0);
  for (const s of spans) {
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(nm.KINDS.includes(s.kind));
    assert.ok(nm.TYPES[s.kind].includes(s.type), `${s.kind}/${s.type}`);
  }
  for (let i = 1; i < spans.length; i += 1) assert.ok(spans[i - 1].start <= spans[i].start, 'sorted by start');
});

test('kinds and types choose what comes back; unknown ones are refused', async () => {
  const text = '“It costs $5,” said Jane Doe in Paris on April 16.';
  for (const kinds of ['number', ['number'], ' Number ']) {
    const spans = await nm.annotate(text, { kinds });
    assert.ok(spans.length > 0);
    assert.deepEqual([...new Set(spans.map((s) => s.kind))], ['number']);
  }
  const money = await nm.annotate(text, { types: 'money' });
  assert.ok(money.every((s) => s.type === 'money'));
  const all = await nm.analyze(text);
  assert.ok(Array.isArray(all.entities));
  await assert.rejects(nm.annotate(text, { kinds: 'weather' }), RangeError);
  await assert.rejects(nm.annotate(text, { types: ['persons'] }), RangeError);
  await assert.rejects(nm.annotate(42), TypeError);
});

test('hostile input does not break the core', async () => {
  for (const text of ['', '"'.repeat(20000), 'x'.repeat(100000), '\uD800 lone surrogate \uDFFF', '«»„“”‘’']) {
    const spans = await nm.annotate(text);
    for (const s of spans) assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
  }
});

test('utf8Length() counts what TextEncoder writes, lone surrogates included', async () => {
  const { utf8Length } = await import('../../www/newsmark-packed.js');
  const encoder = new TextEncoder();
  const pieces = ['a', 'é', '€', '😀', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\n', '\u0000', '\uFFFF'];
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  for (let round = 0; round < 500; round += 1) {
    let text = '';
    for (let k = next() % 12; k > 0; k -= 1) text += pieces[next() % pieces.length];
    assert.equal(utf8Length(text), encoder.encode(text).length, JSON.stringify(text));
  }
});

test('a text over the core\'s limit is refused with a RangeError; the core keeps working', async () => {
  await nm.ready;
  const core = await import('../../www/pkg/newsmark_core.js');
  const max = core.max_text_bytes();
  assert.equal(max, 4 * 1024 * 1024);
  // at the limit (the last character two bytes): read
  const at = `${'x'.repeat(max - 2)}é`;
  assert.ok(Array.isArray(await nm.annotate(at, { kinds: 'number' })));
  // one byte over it, in UTF-16 units well below it (three bytes each): refused, the length said
  for (const over of [`${at}.`, '€'.repeat(max / 3 + 1)]) {
    await assert.rejects(nm.annotate(over), (err) => err instanceof RangeError
      && err.message.includes('too long') && err.message.includes(`${new TextEncoder().encode(over).length} bytes`));
  }
  await assert.rejects(nm.analyze('1 '.repeat(max)), RangeError);
  // the core refuses it too (an Error, not a trap), and reads the next text as before
  assert.throws(() => core.annotate_packed(`${at}.`, ''), (err) => !(err instanceof WebAssembly.RuntimeError) && /too long/.test(err.message));
  const spans = await nm.annotate('Jane Doe paid $5.');
  assert.deepEqual(spans.map((s) => s.text), ['Jane Doe', '$5']);
});

test('a million tokens without a sentence end fit in a small memory', async () => {
  // the tagger reads a run without sentence ends in pieces (src/names/features.rs,
  // MAX_SENTENCE_TOKENS): its buffers held a whole sentence, 330 MB of this text's
  // 2 MiB; wasm memory never shrinks, so the high-water mark is the figure
  await nm.ready;
  const exports = await (await import('../../www/pkg/newsmark_core.js')).default();
  const text = 'a '.repeat(1 << 20);
  assert.deepEqual(await nm.annotate(text), []);
  const mb = exports.memory.buffer.byteLength / 2 ** 20;
  assert.ok(mb < 128, `${mb} MiB of wasm memory`);
  const spans = await nm.annotate(`${text}Jane Doe paid $5.`);
  assert.deepEqual(spans.map((s) => s.text), ['Jane Doe', '$5']);
});

test('describe() says kind, type and speaker', () => {
  assert.equal(nm.describe({ kind: 'name', type: 'person' }), 'name, person');
  assert.equal(
    nm.describe({ kind: 'quote', type: 'direct', speaker: { name: 'Jane Doe' } }),
    'quote, direct, said by Jane Doe',
  );
});

test('the element class loads in Node without a DOM; define() without a registry does nothing', () => {
  assert.equal(typeof nm.NewsmarkText, 'function');
  assert.equal(nm.NewsmarkText.define(), nm.NewsmarkText, 'no customElements: nothing to do');
});

test('the packed result decodes to exactly the JSON contract (same objects, same key order)', async () => {
  await nm.ready;
  const core = await import('../../www/pkg/newsmark_core.js');
  const { decodePacked } = await import('../../www/newsmark-annotate.js');
  const { readFile, readdir } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const texts = [
    '',
    '\u0000 "\\" 😀 \uD800 lone \uDFFF “We paid $5 million, or 3 kg,” said Jane Doe on April 16.',
    '"'.repeat(3000),
    (await readFile(new URL('../../www/samples/harbor-ferry.txt', import.meta.url), 'utf8')),
  ];
  const data = new URL('../data/', import.meta.url);
  for (const f of (await readdir(data)).filter((f) => f.endsWith('.txt') && !f.endsWith('.marked.txt'))) {
    texts.push(await readFile(new URL(f, data), 'utf8'));
  }
  // real articles when the shared data is there (not part of the repository)
  const shared = new URL('../../../shared/data/quotes/polnear_dev.jsonl', import.meta.url);
  if (existsSync(shared)) {
    const lines = (await readFile(shared, 'utf8')).split('\n').filter(Boolean).slice(0, 12);
    for (const line of lines) texts.push(JSON.parse(line).text);
  }
  let speakers = 0;
  let values = 0;
  for (const text of texts) {
    for (const kinds of ['', 'number', 'quote']) {
      const want = JSON.parse(core.annotate_json(text, kinds));
      const got = decodePacked(core.annotate_packed(text, kinds), text);
      if (!/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
        assert.equal(JSON.stringify(got), JSON.stringify(want));
      }
      for (const s of got.spans) {
        assert.equal(text.slice(s.start, s.end), s.text);
        if (s.speaker) speakers += 1;
        if (s.value) values += 1;
      }
    }
  }
  assert.ok(speakers > 0 && values > 0, 'the texts exercise speakers and values');
});

// Last: it fills the first instance's memory. A trap (here: out of memory, the memory grown
// to WebAssembly's 4 GiB by the core's own allocator and left full) fails the call with a
// clear error, and the next call runs in a fresh instance.
test('after a trap in the core, the next call runs in a fresh instance', async () => {
  await nm.ready;
  const exports = await (await import('../../www/pkg/newsmark_core.js')).default();
  for (const size of [256 << 20, 16 << 20, 1 << 20, 64 << 10, 4 << 10, 256]) {
    try {
      for (;;) exports.__wbindgen_malloc(size, 1);
    } catch (err) {
      assert.ok(err instanceof WebAssembly.RuntimeError, String(err));
    }
  }
  const text = 'Jane Doe paid $5 in Paris. '.repeat(200);
  await assert.rejects(nm.annotate(text), (err) => !(err instanceof WebAssembly.RuntimeError)
    && /core failed on this text/.test(err.message) && err.cause instanceof WebAssembly.RuntimeError);
  const spans = await nm.annotate('Jane Doe paid $5.');
  assert.deepEqual(spans.map((s) => s.text), ['Jane Doe', '$5']);
  assert.equal((await nm.annotate(text)).length, 600);
});
