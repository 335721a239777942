// The npm package: built as `make package` builds it, packed by `npm pack`, installed from the
// tarball into a scratch project and used from Node (annotate, analyze, the element entry).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, requireBuild, downloadSize } from './widget-helpers.mjs';

let work;
let tarball;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(async () => {
  await requireBuild();
  work = await mkdtemp(join(tmpdir(), 'newsmark-package-'));
  run('node', [join(ROOT, 'tests/tools/package.mjs'), '--out', join(work, 'out')], ROOT);
  const tgz = (await readdir(join(work, 'out'))).filter((f) => f.endsWith('.tgz'));
  assert.equal(tgz.length, 1, `one tarball: ${tgz}`);
  tarball = join(work, 'out', tgz[0]);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('the tarball holds the modules, the wasm, type declarations and a README', () => {
  const files = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean).sort();
  for (const f of [
    'package/package.json', 'package/README.md', 'package/newsmark.js', 'package/newsmark.d.ts',
    'package/newsmark-text.js', 'package/pkg/newsmark_core.js', 'package/pkg/newsmark_core_bg.wasm',
  ]) {
    assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => /\.html$|test|app\.js/.test(f)), `no page or tests: ${files}`);
});

test('installed from the tarball into a scratch project, annotate works in Node', async () => {
  const project = join(work, 'project');
  run('mkdir', ['-p', project], work);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
  const manifest = JSON.parse(await readFile(join(project, 'node_modules/newsmark/package.json'), 'utf8'));
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'].default, './newsmark.js');
  assert.equal(manifest.exports['.'].types, './newsmark.d.ts');

  await writeFile(
    join(project, 'use.mjs'),
    `import { ready, annotate, analyze, KINDS, NewsmarkText } from 'newsmark';
import { NewsmarkText as Element } from 'newsmark/element';
import * as api from 'newsmark';
await ready;
const text = '😀 “We will open the bridge in June,” said Carla Mendes. It cost $12 million, 5% more.';
const spans = await annotate(text);
const numbers = await annotate(text, { kinds: 'number' });
const { entities } = await analyze(text);
console.log(JSON.stringify({
  spans: spans.map((s) => ({ ...s, sliced: text.slice(s.start, s.end) })),
  numberKinds: [...new Set(numbers.map((s) => s.kind))],
  entities: Array.isArray(entities),
  kinds: KINDS,
  sameElement: Element === NewsmarkText,
  exports: Object.keys(api).sort(),
}));
`,
  );
  const out = JSON.parse(run('node', ['use.mjs'], project));
  assert.ok(out.spans.length > 0, 'annotate found spans');
  for (const s of out.spans) assert.equal(s.sliced, s.text, 'UTF-16 offsets slice the text in Node too');
  assert.ok(out.spans.some((s) => s.kind === 'quote' && s.sliced.startsWith('“We will')), JSON.stringify(out.spans));
  assert.ok(out.spans.some((s) => s.kind === 'number'));
  assert.deepEqual(out.numberKinds, ['number']);
  assert.ok(out.entities);
  assert.deepEqual(out.kinds, ['quote', 'name', 'number']);
  assert.ok(out.sameElement);

  // Every runtime export is declared in the TypeScript declarations.
  const dts = await readFile(join(project, 'node_modules/newsmark/newsmark.d.ts'), 'utf8');
  for (const name of out.exports) {
    assert.match(dts, new RegExp(`export (declare )?(const|function|class) ${name}\\b`), `${name} declared in newsmark.d.ts`);
  }
});

test('what an embedding site downloads (modules and wasm, gzipped) is at most 1 MB', async () => {
  const { gz, rows } = await downloadSize();
  assert.ok(gz <= 1_000_000, `${gz} bytes gzipped: ${JSON.stringify(rows)}`);
});
