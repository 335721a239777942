// Shared by the browser tests: a static server on a free port and a headless Debian
// chromium on a fresh temporary profile. Never downloads a browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = join(ROOT, 'www');
export const SHARED = resolve(ROOT, '../shared');
export const OUT = join(ROOT, 'tests/browser/out');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves www/ with tests/tools/serve.py on a free port; resolves to { url, close }. */
export async function startServer(dir = WWW) {
  if (!existsSync(join(dir, 'pkg/newsmark_core_bg.wasm'))) {
    throw new Error('www/pkg is missing: run `make build` first (make test-browser does)');
  }
  const child = spawn('python3', [join(ROOT, 'tests/tools/serve.py'), '--port', '0', '--dir', dir, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/at (http:\/\/\S+\/)/);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`serve.py exited with ${code}: ${seen}`)));
    setTimeout(() => fail(new Error(`serve.py did not start: ${seen}`)), 10000);
  });
  return { url, close: () => child.kill() };
}

/** A headless chromium on a fresh profile; resolves to { context, close }. */
export async function startBrowser(options = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`make setup\``);
  const profile = mkdtempSync(join(tmpdir(), 'newsmark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Text from the shared data folder, or null when it is absent (tests then skip). */
export function sharedText(relative) {
  const path = join(SHARED, relative);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Where screenshots go (git-ignored). */
export function outPath(name) {
  mkdirSync(OUT, { recursive: true });
  return join(OUT, name);
}

/** Runs axe-core (from node_modules) in the page; resolves to its serious and critical violations. */
export async function axeViolations(page) {
  const source = readFileSync(join(ROOT, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8');
  // evaluated through the DevTools protocol, so the page's CSP does not block it
  await page.evaluate(source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}
