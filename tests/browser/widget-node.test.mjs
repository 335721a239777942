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
