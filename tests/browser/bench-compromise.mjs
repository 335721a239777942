#!/usr/bin/env node
// Benchmark: newsmark's annotate() against compromise on the same 1 MB of news articles, in one
// Chromium page. compromise extracts people, places, organizations, numbers and quotations;
// newsmark finds quotes (with speakers), names and numbers. Also prints what an embedding site
// downloads (gzipped). Not part of `make test` (compromise alone takes several seconds).
//
// usage: make build && cd tests/browser && npm ci && node bench-compromise.mjs [--bytes N]
// Articles: ../shared/data/quotes/polnear_*.jsonl (news of 2016), read at run time.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, serveWidget, launch, requireBuild, downloadSize, ROOT, FIXTURES } from './widget-helpers.mjs';

const args = process.argv.slice(2);
const bytesArg = args.indexOf('--bytes');
const TARGET = bytesArg >= 0 ? Number(args[bytesArg + 1]) : 1_000_000;
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
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${host.origin}/blank.html`);
    // The browser build (UMD: defines window.nlp); the package's exports map does not list it.
    await page.addScriptTag({ path: join(ROOT, 'tests/browser/node_modules/compromise/builds/compromise.js') });
    const result = await page.evaluate(
      async ({ url, docs }) => {
        const nm = await import(url);
        await nm.ready;
        const now = () => performance.now();
        // Warm up both (JIT, first-call setup) on one article.
        await nm.annotate(docs[0]);
        const warm = window.nlp(docs[0]);
        warm.people().out('array');

        const newsmarkRuns = [];
        let spans = 0;
        for (let run = 0; run < 3; run += 1) {
          spans = 0;
          const t0 = now();
          for (const d of docs) spans += (await nm.annotate(d)).length;
          newsmarkRuns.push(now() - t0);
        }
        const t1 = now();
        const whole = (await nm.annotate(docs.join('\n\n'))).length;
        const wholeMs = now() - t1;

        let found = 0;
        const t2 = now();
        for (const d of docs) {
          const doc = window.nlp(d);
          found += doc.people().out('array').length;
          found += doc.places().out('array').length;
          found += doc.organizations().out('array').length;
          found += doc.numbers().out('array').length;
          found += doc.quotations().out('array').length;
        }
        const compromiseMs = now() - t2;
        return { newsmarkRuns, spans, whole, wholeMs, compromiseMs, found };
      },
      { url: `${widget.origin}/newsmark.js`, docs },
    );
    const newsmarkMs = Math.min(...result.newsmarkRuns);
    const mb = bytes / 1e6;
    const f = (ms) => `${ms.toFixed(0)} ms (${(mb / (ms / 1000)).toFixed(2)} MB/s)`;
    console.log(`bench: ${docs.length} articles, ${bytes} bytes (${mb.toFixed(2)} MB), Chromium ${browser.context.browser()?.version() ?? ''}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`bench: newsmark annotate(), one call per article: ${f(newsmarkMs)}, ${result.spans} spans (best of 3: ${result.newsmarkRuns.map((t) => t.toFixed(0)).join(', ')} ms)`);
    console.log(`bench: newsmark annotate(), one call on all of it: ${f(result.wholeMs)}, ${result.whole} spans`);
    console.log(`bench: compromise people/places/organizations/numbers/quotations: ${f(result.compromiseMs)}, ${result.found} found`);
    console.log(`bench: ratio compromise / newsmark: ${(result.compromiseMs / newsmarkMs).toFixed(1)}x`);
  } finally {
    await browser.close();
    await widget.close();
    await host.close();
  }
  const size = await downloadSize();
  for (const [f, raw, gz] of size.rows) console.log(`size: www/${f}: ${raw} bytes, ${gz} gzipped`);
  console.log(`size: an embedding site downloads ${size.raw} bytes, ${size.gz} gzipped (${(size.gz / 1024).toFixed(0)} KiB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
