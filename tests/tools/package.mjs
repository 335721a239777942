#!/usr/bin/env node
// Builds the npm package from www/ (after `make build`): target/npm/newsmark/ with
// package.json (`exports`, ES module, types), the modules, the wasm, TypeScript declarations
// and README; then packs it with `npm pack` into target/npm/. Run by `make package`.
//
// usage: node tests/tools/package.mjs [--out DIR] [--no-pack]

import { cp, mkdir, readFile, rm, writeFile, access } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = join(ROOT, 'www');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = resolve(outIndex >= 0 ? args[outIndex + 1] : join(ROOT, 'target/npm'));
const DIR = join(OUT, 'newsmark');

// What an embedding site or a Node program loads, and nothing else (no page, no tests).
const MODULES = ['newsmark.js', 'newsmark-annotate.js', 'newsmark-packed.js', 'newsmark-highlight.js', 'newsmark-text.js'];
const TYPES = ['newsmark.d.ts', 'newsmark-text.d.ts'];
const CORE = ['pkg/newsmark_core.js', 'pkg/newsmark_core_bg.wasm'];

for (const f of CORE) {
  try {
    await access(join(WWW, f));
  } catch {
    console.error(`package: www/${f} is missing: run \`make build\` first`);
    process.exit(1);
  }
}

const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];

const manifest = {
  name: 'newsmark',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './newsmark.js',
  types: './newsmark.d.ts',
  exports: {
    '.': { types: './newsmark.d.ts', default: './newsmark.js' },
    './element': { types: './newsmark-text.d.ts', default: './newsmark-text.js' },
    './newsmark_core_bg.wasm': './pkg/newsmark_core_bg.wasm',
    './package.json': './package.json',
  },
  // Importing the entry defines <newsmark-text>; the other modules have no side effects.
  sideEffects: ['./newsmark.js'],
  files: [...MODULES, ...TYPES, ...CORE, 'README.md'],
  keywords: ['nlp', 'news', 'quotes', 'named-entities', 'numbers', 'webassembly', 'highlight', 'custom-element'],
  engines: { node: '>=18' },
};

await rm(DIR, { recursive: true, force: true });
await mkdir(join(DIR, 'pkg'), { recursive: true });
for (const f of [...MODULES, ...TYPES, ...CORE]) await cp(join(WWW, f), join(DIR, f));
await cp(join(WWW, 'npm/README.md'), join(DIR, 'README.md'));
await writeFile(join(DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`package: ${DIR}`);

if (!args.includes('--no-pack')) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: DIR, encoding: 'utf8' });
  const [info] = JSON.parse(out);
  console.log(`package: ${join(OUT, info.filename)} (${info.size} bytes packed, ${info.unpackedSize} unpacked, ${info.files.length} files)`);
}
