// Helpers of the widget tests and the benchmark: a small static file server for host pages
// (another origin than the widget's), the `make serve` server for the widget, and Chromium.

import { createServer } from 'node:http';
import { readFile, access } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, resolve, sep, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = join(ROOT, 'www');
export const FIXTURES = join(ROOT, 'tests/browser/fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves the files under `root` on `host` (a free port). `cors` adds
 * `Access-Control-Allow-Origin: *`; `replace` substitutes strings in HTML files (so a host page
 * can name the other origin); `headers` are added to every response.
 */
export async function serve(root, { host = '127.0.0.1', cors = false, replace = {}, headers = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = resolve(base, '.' + path);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        let html = body.toString('utf8');
        for (const [from, to] of Object.entries(replace)) html = html.split(from).join(to);
        body = Buffer.from(html);
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, host, ok);
  });
  const { port } = server.address();
  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Fails with a clear message when `make build` has not produced the wasm bindings. */
export async function requireBuild() {
  for (const f of ['pkg/newsmark_core.js', 'pkg/newsmark_core_bg.wasm']) {
    try {
      await access(join(WWW, f));
    } catch {
      throw new Error(`www/${f} is missing: run \`make build\` first (make test does)`);
    }
  }
}

/** Headless Debian Chromium on a fresh profile (the page tests' launcher); close() removes it. */
export async function launch() {
  const { startBrowser } = await import('./helpers.mjs');
  return startBrowser();
}

/**
 * The server of `make serve` (tests/tools/serve.py: CORS, wasm type) on www/, on a free port
 * of 127.0.0.1; resolves to {origin, close}.
 */
export async function serveWidget() {
  const { startServer } = await import('./helpers.mjs');
  const { url, close } = await startServer(WWW);
  return { origin: new URL(url).origin, close: async () => close() };
}

/** A new page that records console errors, page errors and failed requests in `problems`. */
export async function newPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  return { page, problems };
}

/** The files an embedding site downloads: the modules and the core (gzip -9 sizes). */
export const EMBED_FILES = [
  'newsmark.js', 'newsmark-annotate.js', 'newsmark-packed.js', 'newsmark-highlight.js', 'newsmark-text.js',
  'pkg/newsmark_core.js', 'pkg/newsmark_core_bg.wasm',
];

/** What a site that embeds newsmark downloads: `{rows: [[file, raw, gzipped]], raw, gz}`. */
export async function downloadSize() {
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const f of EMBED_FILES) {
    const body = await readFile(join(WWW, f));
    const g = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += g;
    rows.push([f, body.length, g]);
  }
  return { rows, raw, gz };
}
