// The page's annotator: runs the WebAssembly core off the main thread, so typing and
// scrolling stay smooth on long articles. The page compiles the module once and hands
// it over; a newer edit cancels older work by terminating this worker and starting a
// fresh one (instantiating a compiled module takes a few milliseconds).
import { initSync, annotate_packed as annotatePacked, max_text_bytes as maxTextBytes, version } from './pkg/newsmark_core.js';
import { checkLength, decodePacked } from './newsmark-packed.js';

let ready = false;
let maxBytes = 0;
// the instance's exports: its memory, whose size each result reports (it never shrinks)
let core = null;

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    try {
      core = initSync({ module: msg.module });
      maxBytes = maxTextBytes();
      ready = true;
      self.postMessage({ type: 'ready', version: version() });
    } catch (err) {
      self.postMessage({ type: 'error', id: null, message: `cannot start the annotator: ${err}` });
    }
    return;
  }
  if (msg.type === 'annotate') {
    if (!ready) {
      self.postMessage({ type: 'error', id: msg.id, message: 'the annotator is not ready' });
      return;
    }
    const t0 = performance.now();
    try {
      // a text over the limit is refused before it is copied in; the instance is unharmed
      checkLength(msg.text, maxBytes);
    } catch (err) {
      self.postMessage({ type: 'error', id: msg.id, message: err.message.replace(/^newsmark: /, ''), fatal: false });
      return;
    }
    try {
      // the packed words, decoded here: the same objects as JSON.parse of the core's JSON,
      // without writing, copying and parsing that JSON
      const result = decodePacked(annotatePacked(msg.text, msg.kinds ?? ''), msg.text);
      const memory = core.memory.buffer.byteLength;
      self.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0, memory });
    } catch (err) {
      // a trap leaves the instance unusable: say so, the page starts a new worker
      ready = false;
      self.postMessage({ type: 'error', id: msg.id, message: String(err), fatal: true });
    }
  }
};
