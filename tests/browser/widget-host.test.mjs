// The widget on a host page of another origin: highlight() and undo() on a real article with
// links, emphasis and a name split across elements; <newsmark-text>; no harm to the host
// (styles, globals); a strict Content Security Policy; axe-core on www/embed.html.
//
// Two origins: the widget's files (www/, with `Access-Control-Allow-Origin: *`, as `make serve`
// sends them) on 127.0.0.1, and the host pages (tests/browser/fixtures) on localhost.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, serveWidget, launch, newPage, requireBuild, FIXTURES } from './widget-helpers.mjs';

let widget; // origin serving www/
let host; // another origin serving the host pages
let browser;

before(async () => {
  await requireBuild();
  widget = await serveWidget();
  host = await serve(FIXTURES, { host: 'localhost', replace: { '%NEWSMARK%': widget.origin } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

async function openHost(path) {
  const { page, problems } = await newPage(browser.context);
  await page.goto(`${host.origin}/${path}`);
  return { page, problems };
}

test('host page on another origin: highlight marks across elements, undo restores exactly', async () => {
  const { page, problems } = await openHost('host-article.html');
  assert.notEqual(new URL(host.origin).origin, new URL(widget.origin).origin);
  await page.waitForFunction(() => window.__newsmark);
  const r = await page.evaluate(async () => {
    const nm = window.__newsmark;
    await nm.ready;
    const story = document.getElementById('story');
    const hostMark = document.getElementById('host-mark');
    const firstP = story.querySelector('p');
    const style = (el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, color: s.color, weight: s.fontWeight, lh: s.lineHeight };
    };
    const before = {
      html: story.innerHTML,
      clone: story.cloneNode(true),
      text: story.textContent,
      links: [...story.querySelectorAll('a')].map((a) => [a.href, a.textContent]),
      textNodes: (() => {
        const w = document.createTreeWalker(story, NodeFilter.SHOW_TEXT);
        const out = [];
        while (w.nextNode()) out.push(w.currentNode);
        return out;
      })(),
      hostMark: style(hostMark),
      p: style(firstP),
      sheets: document.styleSheets.length,
      styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
    };

    const handle = await nm.highlight(story);
    const marks = [...story.querySelectorAll('mark[data-newsmark]')];
    const byId = new Map();
    for (const m of marks) {
      const id = m.getAttribute('data-newsmark');
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id).push(m);
    }
    const normal = (s) => s.replace(/[\n\r]/g, ' ');
    // The marks of each span hold exactly the span's text (minus nested marks' duplicates).
    const spanChecks = handle.spans.map((s, i) => {
      const ms = marks.filter((m) => m.getAttribute('data-newsmark').endsWith(`-${i}`));
      return {
        kind: s.kind,
        type: s.type,
        text: s.text,
        sliced: handle.text.slice(s.start, s.end),
        marked: normal(ms.map((m) => m.textContent).join('')),
        pieces: ms.length,
        parents: [...new Set(ms.map((m) => m.parentElement.localName))],
        kinds: [...new Set(ms.map((m) => m.dataset.kind))],
        types: [...new Set(ms.map((m) => m.dataset.type))],
        title: ms[0]?.title,
        description: ms[0]?.getAttribute('aria-description'),
        speaker: s.speaker?.name,
        markSpeaker: ms[0]?.dataset.speaker,
        entity: s.entity,
        markEntity: ms[0]?.dataset.entity,
        id: ms[0]?.getAttribute('data-newsmark'),
        outer: ms[0]?.parentElement.closest('mark[data-newsmark]')?.getAttribute('data-newsmark'),
      };
    });
    const during = {
      text: story.textContent,
      links: [...story.querySelectorAll('a')].map((a) => [a.href, a.textContent]),
      hostMark: style(hostMark),
      p: style(firstP),
      sheets: document.styleSheets.length,
      styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
      adopted: document.adoptedStyleSheets.length,
      marksInScript: story.querySelectorAll('script mark').length,
      scriptText: story.querySelector('script').textContent,
      tabStops: story.querySelectorAll('[tabindex="0"]').length,
      focusable: story.querySelectorAll('mark[tabindex]').length,
      ourMarkBg: marks.length ? getComputedStyle(marks[0]).backgroundColor : null,
    };
    // Keyboard: one tab stop, arrows move between spans.
    const first = story.querySelector('mark[tabindex="0"]');
    first.focus();
    const firstId = document.activeElement.getAttribute('data-newsmark');
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const secondId = document.activeElement.getAttribute('data-newsmark');
    const roving = story.querySelectorAll('[tabindex="0"]').length;

    handle.undo();
    const afterUndo = {
      same: story.innerHTML === before.html,
      equal: story.isEqualNode(before.clone),
      identity: before.textNodes.every((n) => n.isConnected && story.contains(n)),
      marks: story.querySelectorAll('mark').length,
      tabindex: story.querySelectorAll('[tabindex]').length,
      hostMark: style(hostMark),
    };
    return {
      before: { ...before, clone: undefined, textNodes: before.textNodes.length },
      during,
      spanChecks,
      marks: marks.length,
      ids: byId.size,
      firstId,
      secondId,
      roving,
      afterUndo,
    };
  });

  assert.ok(r.marks > 0, 'highlight made marks');
  // Nothing of the text, links or host styles changed.
  assert.equal(r.during.text, r.before.text);
  assert.deepEqual(r.during.links, r.before.links);
  assert.deepEqual(r.during.hostMark, r.before.hostMark, "the host's own <mark> style is untouched");
  assert.deepEqual(r.during.p, r.before.p, "the host's paragraph style is untouched");
  assert.equal(r.during.sheets, r.before.sheets, 'no stylesheet added');
  assert.equal(r.during.styles, r.before.styles, 'no <style> or <link> added');
  assert.equal(r.during.adopted, 0, 'no document-wide adopted stylesheet');
  assert.equal(r.during.marksInScript, 0);
  assert.match(r.during.scriptText, /Ellen Whitaker said 5/);
  assert.notEqual(r.during.ourMarkBg, r.before.hostMark.bg, 'our marks have their own colours');

  for (const s of r.spanChecks) {
    assert.equal(s.sliced, s.text, `UTF-16 offsets slice the span text: ${s.text}`);
    assert.equal(s.marked, s.text.replace(/[\n\r]/g, ' '), `marks hold the span text: ${s.text}`);
    assert.deepEqual(s.kinds, [s.kind]);
    assert.deepEqual(s.types, [s.type]);
    assert.ok(s.title.startsWith(`${s.kind}, ${s.type}`), s.title);
    assert.equal(s.description, s.title, 'screen readers get the same description');
    assert.equal(s.markSpeaker, s.speaker, 'a quote mark names its speaker');
    assert.equal(s.markEntity, s.entity === undefined ? undefined : String(s.entity));
  }
  // A quote that runs through <em> is one span in several marks sharing an id.
  const quote = r.spanChecks.find((s) => s.kind === 'quote' && s.text.includes('twelve years'));
  assert.ok(quote, 'the quote around <em>twelve years</em> is found');
  assert.ok(quote.pieces >= 3, `quote split around <em>: ${quote.pieces} pieces`);
  assert.ok(quote.parents.includes('em') && quote.parents.includes('p'));
  // The name split by a link and <em> is one person.
  const name = r.spanChecks.find((s) => s.text === 'Ellen Whitaker');
  assert.ok(name, `"Ellen Whitaker" (split by <a> and <em>) is one span; got ${JSON.stringify(r.spanChecks.map((s) => s.text))}`);
  assert.equal(name.kind, 'name');
  assert.equal(name.type, 'person');
  assert.ok(name.pieces >= 2 && name.parents.includes('a') && name.parents.includes('em'));

  // A number inside a name nests in the name's mark: "World War [II]".
  const war = r.spanChecks.find((s) => s.kind === 'name' && s.text === 'World War II');
  const numeral = r.spanChecks.find((s) => s.kind === 'number' && s.text === 'II');
  assert.ok(war && numeral, `"World War II" and its numeral are marked; got ${JSON.stringify(r.spanChecks.map((s) => s.text))}`);
  assert.equal(numeral.pieces, 1);
  assert.equal(numeral.outer, war.id, "the numeral's mark sits inside the name's mark");

  // Keyboard: a single tab stop, arrows rove.
  assert.equal(r.during.tabStops, 1, 'one tab stop for the whole article');
  assert.ok(r.during.focusable >= r.ids - 1);
  assert.ok(r.firstId && r.secondId && r.firstId !== r.secondId, 'ArrowRight moves to the next span');
  assert.equal(r.roving, 1);

  // undo() gives back the same DOM, node for node.
  assert.ok(r.afterUndo.same, 'innerHTML restored');
  assert.ok(r.afterUndo.equal, 'isEqualNode with the clone taken before');
  assert.ok(r.afterUndo.identity, 'the original text nodes are back');
  assert.equal(r.afterUndo.marks, 0);
  assert.equal(r.afterUndo.tabindex, 0);
  assert.deepEqual(r.afterUndo.hostMark, r.before.hostMark);
  assert.deepEqual(problems, []);
  await page.close();
});

test('highlight options choose kinds and types; host CSS can take over the colours', async () => {
  const { page, problems } = await openHost('host-article.html');
  await page.waitForFunction(() => window.__newsmark);
  const r = await page.evaluate(async () => {
    const nm = window.__newsmark;
    const story = document.getElementById('story');
    const html = story.innerHTML;
    const numbers = await nm.highlight(story, { kinds: ['number'] });
    const numberKinds = [...new Set([...story.querySelectorAll('mark[data-newsmark]')].map((m) => m.dataset.kind))];
    // A second highlight of the same element replaces the first.
    const people = await nm.highlight(story, { types: 'person', style: false, keyboard: false });
    const marks = [...story.querySelectorAll('mark[data-newsmark]')];
    const out = {
      numbers: numbers.spans.length,
      numberKinds,
      peopleTypes: [...new Set(marks.map((m) => m.dataset.type))],
      inline: marks.filter((m) => m.getAttribute('style')).length,
      tabindex: story.querySelectorAll('[tabindex]').length,
      // style:false leaves the host's own mark style in charge.
      hostStyled: marks.length ? getComputedStyle(marks[0]).backgroundColor : null,
    };
    people.undo();
    numbers.undo(); // already undone by the second highlight: harmless
    out.restored = story.innerHTML === html;
    let error = null;
    try {
      await nm.highlight(story, { kinds: 'weather' });
    } catch (e) {
      error = e.name;
    }
    out.error = error;
    out.restoredAfterError = story.innerHTML === html;
    return out;
  });
  assert.ok(r.numbers > 0);
  assert.deepEqual(r.numberKinds, ['number']);
  assert.deepEqual(r.peopleTypes, ['person']);
  assert.equal(r.inline, 0);
  assert.equal(r.tabindex, 0);
  assert.equal(r.hostStyled, 'rgb(255, 0, 255)');
  assert.ok(r.restored);
  assert.equal(r.error, 'RangeError');
  assert.ok(r.restoredAfterError);
  assert.deepEqual(problems, []);
  await page.close();
});

test('importing newsmark adds no global but the element name', async () => {
  const { page, problems } = await openHost('blank.html');
  const r = await page.evaluate(async (url) => {
    const names = () => new Set(Object.getOwnPropertyNames(window));
    const before = names();
    const nm = await import(url);
    await nm.ready;
    await nm.annotate('“Yes,” said Jane Doe on 4 May.');
    const h = await nm.highlight(document.getElementById('p'));
    h.undo();
    const added = [...names()].filter((n) => !before.has(n));
    return {
      added,
      element: customElements.get('newsmark-text') === nm.NewsmarkText,
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
    };
  }, `${widget.origin}/newsmark.js`);
  assert.deepEqual(r.added, []);
  assert.ok(r.element, '<newsmark-text> is defined');
  assert.equal(r.sheets, 0);
  assert.equal(r.adopted, 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('<newsmark-text> renders marks in its shadow root, themes, re-renders, fires a composed event', async () => {
  const { page, problems } = await openHost('element.html');
  await page.waitForFunction(() => window.__events.length >= 2);
  const r = await page.evaluate(async () => {
    const themed = document.getElementById('themed');
    const numbers = document.getElementById('numbers');
    const lightText = themed.textContent;
    const marksOf = (el) => [...el.shadowRoot.querySelectorAll('mark')];
    const quote = marksOf(themed).find((m) => m.dataset.kind === 'quote');
    const name = marksOf(themed).find((m) => m.dataset.kind === 'name');
    const out = {
      events: window.__events.slice(),
      marks: marksOf(themed).map((m) => [m.dataset.kind, m.dataset.type, m.getAttribute('part'), m.textContent]),
      paragraphs: themed.shadowRoot.querySelectorAll('[part~="paragraph"]').length,
      quoteBg: quote && getComputedStyle(quote).backgroundColor,
      quoteColor: quote && getComputedStyle(quote).color,
      nameOutline: name && getComputedStyle(name).outlineColor,
      numberKinds: [...new Set(marksOf(numbers).map((m) => m.dataset.kind))],
      slotted: !!themed.shadowRoot.querySelector('slot'),
      lightUnchanged: themed.textContent === lightText,
      tabStops: themed.shadowRoot.querySelectorAll('[tabindex="0"]').length,
    };
    // Text change: re-render.
    const next = new Promise((ok) => themed.addEventListener('newsmark-annotated', (e) => ok(e.detail), { once: true }));
    themed.textContent = 'Ms. Jane Doe paid $40 for 2 tickets.';
    const detail = await next;
    out.rerender = {
      text: detail.text,
      marks: marksOf(themed).map((m) => m.textContent),
      spans: detail.spans.map((s) => detail.text.slice(s.start, s.end)),
    };
    // kinds attribute change: re-render with only numbers.
    const again = new Promise((ok) => themed.addEventListener('newsmark-annotated', () => ok(), { once: true }));
    themed.setAttribute('kinds', 'number');
    await again;
    out.afterKinds = [...new Set(marksOf(themed).map((m) => m.dataset.kind))];
    // highlight() on the whole page leaves the element's light DOM (its fallback) alone.
    const nm = await import(document.querySelector('script[type=module]').textContent.match(/'(.*)'/)[1]);
    const light = numbers.innerHTML;
    const h = await nm.highlight(document.body);
    out.lightMarked = numbers.querySelectorAll('mark').length;
    out.lightSame = numbers.innerHTML === light;
    h.undo();
    return out;
  });
  const ids = r.events.map((e) => e.id).sort();
  assert.deepEqual(ids, ['numbers', 'themed']);
  for (const e of r.events) {
    assert.ok(e.bubbles && e.composed, 'newsmark-annotated bubbles and is composed');
  }
  assert.ok(r.marks.some(([k]) => k === 'quote'), `a quote mark: ${JSON.stringify(r.marks)}`);
  assert.ok(r.marks.some(([k]) => k === 'name'), `a name mark: ${JSON.stringify(r.marks)}`);
  assert.ok(r.marks.some(([k]) => k === 'number'), `a number mark: ${JSON.stringify(r.marks)}`);
  for (const [kind, type, part] of r.marks) assert.equal(part, `mark ${kind} ${type}`);
  assert.equal(r.paragraphs, 2, 'a blank line in the text separates paragraphs');
  assert.equal(r.quoteBg, 'rgb(1, 2, 3)', '--newsmark-quote themes quotes');
  assert.equal(r.quoteColor, 'rgb(250, 250, 250)', '--newsmark-color themes the text');
  assert.equal(r.nameOutline, 'rgb(4, 5, 6)', '::part(name) reaches the marks');
  assert.deepEqual(r.numberKinds, ['number'], 'the kinds attribute limits the kinds');
  assert.equal(r.slotted, false, 'the light-DOM fallback is replaced once rendered');
  assert.ok(r.lightUnchanged, 'the light-DOM text is kept as it was');
  assert.equal(r.tabStops, 1);
  assert.equal(r.rerender.text, 'Ms. Jane Doe paid $40 for 2 tickets.');
  assert.deepEqual(r.rerender.marks.filter((t) => t !== ''), r.rerender.marks);
  assert.ok(r.rerender.spans.includes('$40'), `re-rendered spans: ${JSON.stringify(r.rerender.spans)}`);
  assert.deepEqual(r.afterKinds, ['number']);
  assert.equal(r.lightMarked, 0);
  assert.ok(r.lightSame);
  assert.deepEqual(problems, []);
  await page.close();
});

test('<newsmark-text> keeps showing its light-DOM text when the core cannot load', async () => {
  const { page } = await newPage(browser.context);
  await page.route('**/newsmark_core_bg.wasm', (route) => route.abort());
  await page.goto(`${host.origin}/element.html`);
  await page.waitForFunction(() => window.__errors.length >= 2);
  const r = await page.evaluate(() => {
    const el = document.getElementById('numbers');
    return {
      errors: window.__errors.slice().sort(),
      events: window.__events.length,
      slot: !!el.shadowRoot.querySelector('slot'),
      marks: el.shadowRoot.querySelectorAll('mark').length,
      shown: el.innerText.trim(),
    };
  });
  assert.deepEqual(r.errors, ['numbers', 'themed']);
  assert.equal(r.events, 0);
  assert.ok(r.slot, 'the light DOM is slotted back in');
  assert.equal(r.marks, 0);
  assert.equal(r.shown, 'Carla Mendes said 3,400 cars a day would cross it.');
  await page.close();
});

test("csp.html works under script-src 'self' 'wasm-unsafe-eval'", async () => {
  const { page, problems } = await newPage(browser.context);
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${widget.origin}/csp.html`);
  await page.waitForFunction(() => document.documentElement.dataset.newsmark);
  await page.waitForFunction(() => document.getElementById('element').shadowRoot?.querySelector('mark'));
  const r = await page.evaluate(() => ({
    state: document.documentElement.dataset.newsmark,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
    articleMarks: document.querySelectorAll('#article mark[data-kind]').length,
    elementMarks: document.getElementById('element').shadowRoot.querySelectorAll('mark').length,
  }));
  assert.match(r.csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(r.state, 'highlighted');
  assert.ok(r.articleMarks > 0);
  assert.ok(r.elementMarks > 0);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('embed.html: both ways work and axe-core finds nothing serious or critical', async () => {
  const { page, problems } = await newPage(browser.context);
  await page.goto(`${widget.origin}/embed.html`);
  await page.waitForFunction(() => document.documentElement.dataset.newsmark === 'highlighted');
  await page.waitForFunction(() => document.getElementById('quote-box').shadowRoot?.querySelector('mark'));
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], JSON.stringify(result, null, 2));
  const marks = await page.evaluate(() => document.querySelectorAll('#story mark[data-newsmark]').length);
  assert.ok(marks > 0);
  // The toggle undoes and redoes.
  await page.click('#toggle');
  assert.equal(await page.evaluate(() => document.querySelectorAll('#story mark').length), 0);
  await page.click('#toggle');
  await page.waitForFunction(() => document.querySelectorAll('#story mark').length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});
