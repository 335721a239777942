// Browser tests of the page (www/index.html) in headless Debian chromium.
// Run with `make test-browser` (builds the wasm first) or `node --test` in this folder.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { axeViolations, outPath, sharedText, startBrowser, startServer } from './helpers.mjs';

const SHEINBAUM = sharedText('data/samples/sheinbaum-troops.txt');

// What the bars of the issues ask of the Sheinbaum sample. An entry listed in
// KNOWN_MISSING is not yet delivered by the recognizers on main: it runs as a `todo`
// (reported, never failing the run). The list may only shrink.
const EXPECTED_MARKS = [
  { kind: 'name', type: 'person', text: 'Claudia Sheinbaum' },
  { kind: 'name', type: 'person', text: 'Sheinbaum' },
  { kind: 'name', type: 'person', text: 'Donald Trump' },
  { kind: 'name', type: 'place', text: 'Mexico' },
  { kind: 'name', type: 'organization', text: 'Drug Enforcement Administration' },
  { kind: 'number', type: 'cardinal', text: 'two' },
  { kind: 'number', type: 'date', text: 'April 16' },
  { kind: 'number', type: 'quantity', text: 'thousands of kilograms' },
  { kind: 'number', type: 'cardinal', text: '119 million' },
  { kind: 'number', type: 'range', text: '18 to 44' },
  { kind: 'number', type: 'percent', text: '25%' },
  { kind: 'number', type: 'ordinal', text: 'first' },
];
const KNOWN_MISSING = new Set([]);
const todo = (key) => (KNOWN_MISSING.has(key) ? 'not yet delivered by the recognizers on main' : false);

let server;
let browser;
let page;
const requests = [];
const errors = [];

before(async () => {
  server = await startServer();
  browser = await startBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Puts `text` in the first textarea and waits until the article shows exactly it. */
async function paste(text) {
  await page.locator('textarea').first().fill(text);
  await page.waitForFunction(
    (t) => document.body.dataset.state === 'done' && document.getElementById('output').textContent === t,
    text,
    { timeout: 20000 },
  );
}

/** Every mark of the article with its UTF-16 offset in the article's text. */
function marks() {
  return page.$$eval('#output mark', (list) => {
    const output = document.getElementById('output');
    return list.map((mark) => {
      const range = document.createRange();
      range.setStart(output, 0);
      range.setEndBefore(mark);
      const start = range.toString().length;
      return {
        kind: mark.dataset.kind,
        type: mark.dataset.type,
        text: mark.textContent,
        start,
        end: start + mark.textContent.length,
        entity: mark.dataset.entity,
        i: Number(mark.dataset.i),
      };
    });
  });
}

/** The core's own answer, called in the page through the bindings. */
function annotateInPage(text) {
  return page.evaluate(async (t) => {
    const core = await import('./pkg/newsmark_core.js');
    await core.default();
    return JSON.parse(core.annotate_json(t, ''));
  }, text);
}

describe('the page', () => {
  test('loads the annotator and shows the privacy statement', async () => {
    assert.match(await page.locator('#privacy').textContent(), /Nothing you paste is sent anywhere/);
    assert.match(await page.locator('#version').textContent(), /^\d+\.\d+\.\d+/);
    assert.equal(await page.locator('textarea').count() >= 1, true);
  });

  test('the Sheinbaum article: marks, contract and panel', { skip: SHEINBAUM ? false : '../shared is absent' }, async (t) => {
    await paste(SHEINBAUM);
    const found = await marks();
    assert.ok(found.length > 0, 'no marks at all');
    const kinds = { quote: ['direct', 'partial', 'scare'], name: ['person', 'organization', 'place', 'other'],
      number: ['cardinal', 'ordinal', 'percent', 'money', 'quantity', 'date', 'time', 'duration', 'range'] };
    for (const m of found) {
      assert.ok(kinds[m.kind]?.includes(m.type), `bad kind/type ${m.kind}/${m.type}`);
      assert.equal(SHEINBAUM.slice(m.start, m.end), m.text, 'a mark sits where its text is');
    }
    // the marks are exactly the core's spans
    const core = await annotateInPage(SHEINBAUM);
    assert.deepEqual(
      found.map(({ kind, type, start, end }) => ({ kind, type, start, end })),
      core.spans.map(({ kind, type, start, end }) => ({ kind, type, start, end })),
    );

    for (const e of EXPECTED_MARKS) {
      const key = `${e.kind} ${e.type} ${e.text}`;
      await t.test(`marks ${key}`, { todo: todo(key) }, () => {
        const hit = found.some((m) => m.kind === e.kind && m.type === e.type && m.text === e.text);
        assert.ok(hit, `no ${e.kind}/${e.type} mark "${e.text}"`);
      });
    }

    const quote = core.spans.find((s) => s.kind === 'quote' && s.text.includes('We will never accept'));
    await t.test('the quote is marked', () => assert.ok(quote, 'quote “We will never accept …” not found'));
    await t.test('quote attributed to Claudia Sheinbaum', { todo: todo('quote attributed to Claudia Sheinbaum') }, async () => {
      assert.equal(quote?.speaker?.name, 'Claudia Sheinbaum');
      const speakers = await page.locator('#quotes .speaker').allTextContents();
      assert.ok(speakers.includes('Claudia Sheinbaum'), `quote panel speakers: ${speakers}`);
    });

    await t.test('panel lists Claudia Sheinbaum', { todo: todo('panel lists Claudia Sheinbaum') }, async () => {
      const button = page.locator('#entities button.entity', { hasText: 'Claudia Sheinbaum' }).first();
      assert.equal(await button.count(), 1);
      const count = parseInt(await button.locator('.count').textContent(), 10);
      assert.ok(count >= 2, `Claudia Sheinbaum has ${count} mentions`);
    });
  });

  test('legend counts match the marks, and toggles hide them', async () => {
    const text = readFileSync(new URL('../../www/samples/harbor-ferry.txt', import.meta.url), 'utf8');
    await page.click('#sample');
    await page.waitForFunction(
      (t) => document.body.dataset.state === 'done' && document.getElementById('output').textContent === t,
      text,
    );
    const found = await marks();
    for (const kind of ['quote', 'name', 'number']) {
      const n = found.filter((m) => m.kind === kind).length;
      assert.equal(Number(await page.locator(`#count-${kind}`).textContent()), n, `${kind} count`);
    }
    await page.uncheck('#toggle-name');
    const off = await page.$$eval('#output mark[data-kind="name"]', (ms) => ms.every((m) => m.classList.contains('off')));
    assert.ok(off, 'unticking names hides every name mark');
    const othersOn = await page.$$eval('#output mark:not([data-kind="name"])', (ms) => ms.every((m) => !m.classList.contains('off')));
    assert.ok(othersOn, 'other kinds stay visible');
    await page.check('#toggle-name');
    assert.equal(await page.locator('#output mark.off').count(), 0);
  });

  test('selecting a name emphasises all its mentions; selecting a quote jumps to it', async () => {
    const first = page.locator('#entities button.entity').first();
    if ((await first.count()) === 0) return; // no names from the recognizers yet
    const id = await first.getAttribute('data-entity');
    const count = parseInt(await first.locator('.count').textContent(), 10);
    await first.click();
    assert.equal(await first.getAttribute('aria-pressed'), 'true');
    const emph = await page.$$eval('#output mark.emph', (ms) => ms.map((m) => m.dataset.entity));
    assert.equal(emph.length, count);
    assert.ok(emph.every((e) => e === id));
    await first.click();
    assert.equal(await page.locator('#output mark.emph').count(), 0);

    const quote = page.locator('#quotes button.quote').first();
    if ((await quote.count()) === 0) return;
    await quote.click();
    const focused = await page.evaluate(() => ({ kind: document.activeElement.dataset.kind, tip: document.getElementById('tip').textContent }));
    assert.equal(focused.kind, 'quote');
    assert.match(focused.tip, /^quote · (direct|partial|scare)\nspeaker: /);
  });

  test('a mark tells its kind and type on keyboard focus and on hover', async () => {
    const mark = page.locator('#output mark[data-kind="number"]').first();
    await mark.focus();
    assert.equal(await page.locator('#tip').isVisible(), true);
    const type = await mark.getAttribute('data-type');
    assert.match(await page.locator('#tip').textContent(), new RegExp(`^number · ${type}`));
    assert.equal(await mark.getAttribute('aria-describedby'), 'tip');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#tip').isVisible(), false);

    // a focused quote outlines its speaker's mention, when that mention is a marked name
    const pair = await page.evaluate(async () => {
      const core = await import('./pkg/newsmark_core.js');
      await core.default();
      const text = document.getElementById('output').textContent;
      const { spans } = JSON.parse(core.annotate_json(text, ''));
      const i = spans.findIndex((q) => q.kind === 'quote' && q.speaker?.start !== undefined
        && spans.some((n) => n.kind === 'name' && n.start === q.speaker.start && n.end === q.speaker.end));
      return i < 0 ? null : { i, speaker: spans[i].speaker.text };
    });
    if (pair) {
      await page.locator(`#output mark[data-i="${pair.i}"]`).focus();
      assert.deepEqual(await page.$$eval('#output mark.speaker-of', (ms) => ms.map((m) => m.textContent)), [pair.speaker]);
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#output mark.speaker-of').count(), 0);
    }
    const name = page.locator('#output mark[data-kind="name"]').first();
    await name.hover();
    assert.match(await page.locator('#tip').textContent(), /^name · /);
  });

  test('pasted markup stays text', async () => {
    const text = 'Alert: <img src=x onerror="window.__pwned = 1"> and <b>bold</b> <script>window.__pwned = 2</script> said Jane Doe on "April 16".';
    await page.locator('textarea').first().fill('');
    await page.locator('textarea').first().focus();
    await page.keyboard.insertText(text);
    await page.waitForFunction(
      (t) => document.body.dataset.state === 'done' && document.getElementById('output').textContent === t,
      text,
    );
    const inside = await page.$$eval('#output *', (els) => els.map((e) => e.tagName));
    assert.deepEqual([...new Set(inside)].filter((tag) => tag !== 'MARK'), []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
  });

  test('emoji before the marks: offsets are UTF-16 and marks hold exactly their text', async () => {
    const text = '😀👍🏽 Jane Doe paid $5 million on April 16, 2025. 🎉🇲🇽 “We will win,” said Jane Doe in Mexico City. 𝒜 25% 👩‍👩‍👧';
    await paste(text);
    const core = await annotateInPage(text);
    for (const s of core.spans) assert.equal(text.slice(s.start, s.end), s.text, `span ${JSON.stringify(s)}`);
    const found = await marks();
    assert.deepEqual(found.map((m) => [m.start, m.end]), core.spans.map((s) => [s.start, s.end]));
    for (const m of found) {
      assert.equal(m.text, text.slice(m.start, m.end));
      assert.ok(!/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(m.text), `mark splits a surrogate pair: ${m.text}`);
    }
  });

  test('long work shows progress, and a newer edit replaces it', async (t) => {
    const long = `${'The mayor, Jane Doe, said "we paid $5 million in 2024" on April 16. '.repeat(6000)}`;
    const short = 'Short text by Jane Doe about 3 apples.';
    await page.locator('textarea').first().fill(long);
    const progressShown = await page.waitForFunction(
      (n) => !document.getElementById('progress').hidden
        || (document.body.dataset.state === 'done' && document.getElementById('output').textContent.length === n),
      long.length,
      { timeout: 20000 },
    ).then(() => page.locator('#progress').isVisible());
    if (progressShown) {
      assert.match(await page.locator('#status').textContent(), /^Annotating 408,000 characters…/);
    } else {
      t.diagnostic('the long text was done before the progress bar was due');
    }
    await paste(short);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#output').textContent(), short);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'done');
    assert.equal(await page.locator('#progress').isHidden(), true);

    // typing at the end of a longer text: every keystroke cancels the work before it
    const medium = long.slice(0, 45000);
    await paste(medium);
    await page.locator('textarea').first().press('End');
    await page.locator('textarea').first().pressSequentially(' More words.', { delay: 90 });
    const final = `${medium} More words.`;
    await page.waitForFunction(
      (t) => document.body.dataset.state === 'done' && document.getElementById('output').textContent === t,
      final,
      { timeout: 20000 },
    );
    await page.waitForTimeout(400);
    assert.equal(await page.locator('#progress').isHidden(), true, 'no progress bar left behind');
    assert.match(await page.locator('#status').textContent(), /^Found /);
  });

  test('a text over the limit gets a clear message, and the next one is annotated', async () => {
    const over = `${'x'.repeat(4 * 1024 * 1024)}€`;
    await page.locator('textarea').first().fill(over);
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 20000 });
    assert.match(
      await page.locator('#status').textContent(),
      /^Could not annotate this text: the text is too long: 4194307 bytes of UTF-8, and newsmark reads at most 4194304 \(4 MiB\)/,
    );
    await paste('Jane Doe paid $5.');
    assert.deepEqual((await marks()).map((m) => m.text), ['Jane Doe', '$5']);
  });

  test('a worker whose memory grew past 128 MiB is replaced after its result; an article keeps its worker', async () => {
    const started = [];
    const count = (worker) => started.push(worker.url());
    page.on('worker', count);
    try {
      await paste('Jane Doe paid $5 in Paris on Monday.');
      await page.waitForTimeout(200);
      assert.equal(started.length, 0, 'an article does not replace the worker');
      // 3.5 million brackets, no finding: about 180 MB of wasm memory
      const heavy = '('.repeat(3500000);
      await paste(heavy);
      await page.waitForFunction(() => document.body.dataset.state === 'done');
      await page.waitForTimeout(200);
      assert.equal(started.length, 1, 'a fresh worker replaced the heavy one');
      assert.match(started[0], /\/worker\.js$/);
      assert.match(await page.locator('#status').textContent(), /^Found /);
      await paste('Jane Doe paid $5.');
      assert.deepEqual((await marks()).map((m) => m.text), ['Jane Doe', '$5']);
      assert.equal(started.length, 1);
    } finally {
      page.off('worker', count);
    }
  });

  test('copy as JSON and download as standalone HTML', async () => {
    const text = '“We paid $5 million,” said Jane Doe in Paris on April 16.';
    await paste(text);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.click('#copy');
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(json.text, text);
    assert.equal(json.offsets, 'utf16');
    assert.equal(json.spans.length, await page.locator('#output mark').count());
    // the worker decodes the core's packed words: exactly the objects (and key order) of
    // the core's JSON, speaker, cue, value and entities included
    const core = await annotateInPage(text);
    assert.ok(json.spans.some((s) => s.speaker && s.cue) && json.spans.some((s) => s.value));
    assert.ok(json.entities.length > 0);
    assert.equal(JSON.stringify(json.spans), JSON.stringify(core.spans));
    assert.equal(JSON.stringify(json.entities), JSON.stringify(core.entities));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const html = readFileSync(await download.path(), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.ok(!/<script/i.test(html), 'the standalone file has no script');
    const markCount = (html.match(/<mark /g) ?? []).length;
    assert.equal(markCount, json.spans.length);
    assert.ok(html.includes('data-kind="'));
  });

  test('no request leaves the origin, no page errors', async () => {
    assert.deepEqual(errors, []);
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
  });

  test('axe-core: no serious or critical findings, light and dark; screenshots', async () => {
    await page.click('#sample');
    await page.waitForFunction(() => document.body.dataset.state === 'done' && document.querySelector('#output mark'));
    await page.locator('#output mark[data-kind="quote"], #output mark').first().focus();
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axeViolations(page), [], `${scheme} mode`);
      await page.screenshot({ path: outPath(`page-${scheme}.png`), fullPage: true });
    }
    // with a name selected, the other marks step back: still readable
    const entity = page.locator('#entities button.entity').first();
    if (await entity.count()) {
      await entity.click();
      for (const scheme of ['dark', 'light']) {
        await page.emulateMedia({ colorScheme: scheme });
        assert.deepEqual(await axeViolations(page), [], `${scheme} mode, a name selected`);
      }
      await entity.click();
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a phone`);
    assert.deepEqual(await axeViolations(page), [], 'phone width');
    await page.screenshot({ path: outPath('page-phone.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
