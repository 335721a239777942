#!/usr/bin/env node
// Benchmark: newsmark's annotate() against compromise on the same 1 MB of news articles, in one
// Chromium page. compromise extracts people, places, organizations, numbers and quotations;
// newsmark finds quotes (with speakers), names and numbers. Also prints what an embedding site
// downloads (gzipped). Not part of `make test` (compromise alone takes several seconds).
//
// usage: make build && cd tests/browser && npm ci && node bench-compromise.mjs [--bytes N] [--runs N]
//          [--against DIR]
// `--against DIR` also times the build in DIR's `www/` (another checkout after `make build`) in
// the same page, a pass of it after each pass of this one, so two commits can be compared when
// the machine's speed drifts between separate runs.
// Each library gets the same warm-up and the same number of passes (default 3, alternating);
// the best pass of each counts. Wall-clock time is the figure; main-thread CPU time is printed
// beside it because on a busy machine the wall clock also counts waiting for a core.
// Articles: ../shared/data/quotes/polnear_*.jsonl (news of 2016), read at run time.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, serveWidget, launch, requireBuild, downloadSize, ROOT, FIXTURES } from './widget-helpers.mjs';

const args = process.argv.slice(2);
const bytesArg = args.indexOf('--bytes');
const TARGET = bytesArg >= 0 ? Number(args[bytesArg + 1]) : 1_000_000;
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1])) : 3;
const againstArg = args.indexOf('--against');
const AGAINST = againstArg >= 0 ? resolve(args[againstArg + 1]) : null;
const SHARED = resolve(ROOT, '../shared/data/quotes');
const SETS = ['polnear_dev.jsonl', 'polnear_train.jsonl'];

/** Whole articles, in file order, until their UTF-8 size reaches `target` bytes. */
async function articles(target) {
  const docs = [];
  let bytes = 0;
  for (const set of SETS) {
    const path = join(SHARED, set);
    if (!existsSync(path)) continue;
    for (const line of (await readFile(path, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line);
      docs.push(text);
      bytes += Buffer.byteLength(text);
      if (bytes >= target) return { docs, bytes };
    }
  }
  return { docs, bytes };
}

async function main() {
  await requireBuild();
  const { docs, bytes } = await articles(TARGET);
  if (bytes < TARGET) {
    console.log(`bench: skipped: ${SHARED} has ${bytes} bytes of articles, ${TARGET} needed`);
    return;
  }
  const widget = await serveWidget();
  const host = await serve(FIXTURES, { host: 'localhost' });
  const other = AGAINST ? await serve(join(AGAINST, 'www'), { cors: true }) : null;
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    // Main-thread CPU time (Chrome's ThreadTime metric) besides wall-clock time: on a shared
    // machine the wall clock also counts time spent waiting for a core, the CPU time does not.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    };
    await page.goto(`${host.origin}/blank.html`);
    // The browser build (UMD: defines window.nlp); the package's exports map does not list it.
    await page.addScriptTag({ path: join(ROOT, 'tests/browser/node_modules/compromise/builds/compromise.js') });
    await page.evaluate(
      async ({ url, otherUrl, docs }) => {
        window.nm = await import(url);
        await window.nm.ready;
        window.docs = docs;
        if (otherUrl) {
          window.other = await import(otherUrl);
          await window.other.ready;
          await window.other.annotate(docs[0]);
        }
        // Warm up both (JIT, first-call setup) on one article, each doing its whole task.
        await window.nm.annotate(docs[0]);
        const warm = window.nlp(docs[0]);
        for (const f of ['people', 'places', 'organizations', 'numbers', 'quotations']) warm[f]().out('array');
      },
      { url: `${widget.origin}/newsmark.js`, otherUrl: other && `${other.origin}/newsmark.js`, docs },
    );
    // One timed pass over every article: wall-clock ms in the page, CPU ms of its main thread.
    const pass = async (fn, arg) => {
      const cpu0 = await threadMs();
      const { ms, found } = await page.evaluate(fn, arg);
      return { ms, cpu: (await threadMs()) - cpu0, found };
    };
    const newsmarkPass = async (which = 'nm') => {
      const t0 = performance.now();
      let found = 0;
      for (const d of window.docs) found += (await window[which].annotate(d)).length;
      return { ms: performance.now() - t0, found };
    };
    const compromisePass = async () => {
      const t0 = performance.now();
      let found = 0;
      for (const d of window.docs) {
        const doc = window.nlp(d);
        found += doc.people().out('array').length;
        found += doc.places().out('array').length;
        found += doc.organizations().out('array').length;
        found += doc.numbers().out('array').length;
        found += doc.quotations().out('array').length;
      }
      return { ms: performance.now() - t0, found };
    };
    // Both get the same number of passes, alternating, and are judged by their best pass.
    const ours = [];
    const theirs = [];
    const others = [];
    for (let run = 0; run < RUNS; run += 1) {
      ours.push(await pass(newsmarkPass));
      if (other) others.push(await pass(newsmarkPass, 'other'));
      theirs.push(await pass(compromisePass));
    }
    const whole = await pass(async () => {
      const t0 = performance.now();
      const found = (await window.nm.annotate(window.docs.join('\n\n'))).length;
      return { ms: performance.now() - t0, found };
    });
    const best = (runs, key) => Math.min(...runs.map((r) => r[key]));
    const list = (runs, key) => runs.map((r) => r[key].toFixed(0)).join(', ');
    const mb = bytes / 1e6;
    const f = (ms) => `${ms.toFixed(0)} ms (${(mb / (ms / 1000)).toFixed(2)} MB/s)`;
    const [nMs, cMs, nCpu, cCpu] = [best(ours, 'ms'), best(theirs, 'ms'), best(ours, 'cpu'), best(theirs, 'cpu')];
    console.log(`bench: ${docs.length} articles, ${bytes} bytes (${mb.toFixed(2)} MB), Chromium ${browser.context.browser()?.version() ?? ''}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`bench: newsmark annotate(), one call per article: ${f(nMs)}, ${ours[0].found} spans (best of ${RUNS}: ${list(ours, 'ms')} ms; main-thread CPU ${list(ours, 'cpu')} ms)`);
    console.log(`bench: newsmark annotate(), one call on all of it: ${f(whole.ms)}, ${whole.found} spans`);
    console.log(`bench: compromise people/places/organizations/numbers/quotations: ${f(cMs)}, ${theirs[0].found} found (best of ${RUNS}: ${list(theirs, 'ms')} ms; main-thread CPU ${list(theirs, 'cpu')} ms)`);
    console.log(`bench: ratio compromise / newsmark: ${(cMs / nMs).toFixed(1)}x wall-clock, ${(cCpu / nCpu).toFixed(1)}x main-thread CPU time`);
    if (other) {
      const [oMs, oCpu] = [best(others, 'ms'), best(others, 'cpu')];
      console.log(`bench: against ${AGAINST}: annotate() ${f(oMs)}, ${others[0].found} spans (best of ${RUNS}: ${list(others, 'ms')} ms; main-thread CPU ${list(others, 'cpu')} ms)`);
      console.log(`bench: this build / that build: ${(nMs / oMs).toFixed(3)} wall-clock, ${(nCpu / oCpu).toFixed(3)} main-thread CPU time`);
    }
  } finally {
    await browser.close();
    await widget.close();
    await host.close();
    await other?.close();
  }
  const size = await downloadSize();
  for (const [f, raw, gz] of size.rows) console.log(`size: www/${f}: ${raw} bytes, ${gz} gzipped`);
  console.log(`size: an embedding site downloads ${size.raw} bytes, ${size.gz} gzipped (${(size.gz / 1024).toFixed(0)} KiB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
