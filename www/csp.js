// The script of csp.html: highlight() and <newsmark-text> under
// `script-src 'self' 'wasm-unsafe-eval'` (no inline script allowed, so it lives here).
import { highlight } from './newsmark.js';

const status = document.getElementById('status');
try {
  const handle = await highlight(document.getElementById('article'));
  status.textContent = `newsmark marked ${handle.spans.length} spans.`;
  document.documentElement.dataset.newsmark = 'highlighted';
} catch (error) {
  status.textContent = `newsmark failed: ${error}`;
  document.documentElement.dataset.newsmark = 'failed';
}
