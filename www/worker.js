// The page's annotator: runs the WebAssembly core off the main thread, so typing and
// scrolling stay smooth on long articles. The page compiles the module once and hands
// it over; a newer edit cancels older work by terminating this worker and starting a
// fresh one (instantiating a compiled module takes a few milliseconds).
import { initSync, annotate_packed as annotatePacked, version } from './pkg/newsmark_core.js';
import { decodePacked } from './newsmark-packed.js';

let ready = false;

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    try {
      initSync({ module: msg.module });
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
      // the packed words, decoded here: the same objects as JSON.parse of the core's JSON,
      // without writing, copying and parsing that JSON
      const result = decodePacked(annotatePacked(msg.text, msg.kinds ?? ''), msg.text);
      self.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0 });
    } catch (err) {
      // a trap leaves the instance unusable: say so, the page starts a new worker
      ready = false;
      self.postMessage({ type: 'error', id: msg.id, message: String(err), fatal: true });
    }
  }
};
