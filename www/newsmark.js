// newsmark for any web page: the one module an embedding site imports.
//
//   import { ready, annotate, highlight } from 'https://example.org/newsmark/newsmark.js';
//   const handle = await highlight(document.querySelector('article'));
//   handle.undo();
//
// Importing it also defines <newsmark-text> (when the page has custom elements and the name is
// free); that name is the only global it adds. The WebAssembly core is loaded from beside this
// file, so it works when imported from another origin (the server must send CORS headers).
// Under Node the same module reads the wasm with `fs`, and annotate() works there too.

export { ready, init, annotate, analyze, KINDS, TYPES } from './newsmark-annotate.js';
export { highlight, describe } from './newsmark-highlight.js';
import { NewsmarkText } from './newsmark-text.js';

export { NewsmarkText };

if (globalThis.customElements) NewsmarkText.define();
