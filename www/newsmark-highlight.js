// highlight(element): marks quotes, names and numbers inside any element of a host page.
//
// The element's text nodes are read in document order into one string (a line break between
// blocks, so paragraphs stay apart for the core), the string is annotated, and every span is
// mapped back onto the text nodes it covers. Each covered text node is replaced by a fragment
// of new text nodes and <mark>s holding exactly its text; a span that crosses element
// boundaries (a name split by a link or <em>) becomes several marks sharing one
// data-newsmark id. The original text nodes are kept, and undo() puts those very nodes back,
// so the element is restored node for node (links, markup, listeners and references intact).
// Text only ever goes into the DOM as text nodes; nothing is parsed as HTML.

import { init, annotateLoaded, TYPES } from './newsmark-annotate.js';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

// Elements whose text is not prose of the article: never read, never wrapped.
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'input',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title',
]);

// Elements that start a new line: their text must not run into the text around them.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

// The core ends a paragraph at these; inside one text node they are only soft wraps of the
// HTML source, so they are read as spaces (same length: offsets still map one to one).
const LINE_BREAKS = /[\n\r\u2028\u2029]/g;

/** Default colours, overridable per type (`--newsmark-person`) or per kind (`--newsmark-name`). */
export const COLORS = Object.freeze({ quote: '#fde68a', name: '#bfdbfe', number: '#bbf7d0' });

/**
 * Elements highlight() leaves alone, whole: a <newsmark-text> adds itself, since it shows its
 * own highlighted copy and its light-DOM text is only the fallback.
 */
export const selfRendering = new WeakSet();

function skipped(el) {
  if (el.namespaceURI !== HTML_NS) return true; // svg, math
  if (selfRendering.has(el)) return true;
  if (SKIP.has(el.localName)) return true;
  if (el.hasAttribute('data-newsmark-skip')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Reads the text of `root` (an element, shadow root or fragment): `{text, parts}`, where each
 * part `{node, start}` is a text node and its UTF-16 offset in `text`. Blocks and <br> are
 * separated by `separator`, which belongs to no part. With `raw`, line breaks inside text
 * nodes are kept as they are.
 */
export function collectText(root, { separator = '\n', raw = false } = {}) {
  const doc = root.ownerDocument ?? root;
  const NF = doc.defaultView?.NodeFilter ?? globalThis.NodeFilter;
  const walker = doc.createTreeWalker(root, NF.SHOW_ELEMENT | NF.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && skipped(n) ? NF.FILTER_REJECT : NF.FILTER_ACCEPT),
  });
  const blockCache = new Map();
  const blockOf = (node) => {
    const seen = [];
    let el = node.parentNode;
    let block = root;
    while (el && el !== root) {
      if (blockCache.has(el)) {
        block = blockCache.get(el);
        break;
      }
      seen.push(el);
      if (el.nodeType === 1 && BLOCK.has(el.localName)) {
        block = el;
        break;
      }
      el = el.parentNode;
    }
    for (const s of seen) blockCache.set(s, block);
    return block;
  };
  const parts = [];
  let text = '';
  let prevBlock = null;
  let pendingBreak = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      if (n.localName === 'br') pendingBreak = true;
      continue;
    }
    const data = n.data;
    if (!data) continue;
    const block = blockOf(n);
    if (text && (pendingBreak || block !== prevBlock)) text += separator;
    pendingBreak = false;
    prevBlock = block;
    parts.push({ node: n, start: text.length });
    text += raw ? data : data.replace(LINE_BREAKS, ' ');
  }
  return { text, parts };
}

/** What a mark says to a screen reader or in a tooltip: "quote, direct, said by Jane Doe". */
export function describe(span) {
  let words = `${span.kind}, ${span.type}`;
  if (span.kind === 'quote' && span.speaker && span.speaker.name) words += `, said by ${span.speaker.name}`;
  return words;
}

function colorOf(span) {
  const fallback = COLORS[span.kind] ?? 'transparent';
  const known = TYPES[span.kind]?.includes(span.type);
  const kindVar = `var(--newsmark-${span.kind}, ${fallback})`;
  return known ? `var(--newsmark-${span.type}, ${kindVar})` : kindVar;
}

function makeMark(doc, span, id, options) {
  const mark = doc.createElement('mark');
  mark.setAttribute('data-newsmark', id);
  mark.setAttribute('data-kind', span.kind);
  mark.setAttribute('data-type', span.type);
  if (span.entity !== undefined) mark.setAttribute('data-entity', String(span.entity));
  if (span.speaker && span.speaker.name) mark.setAttribute('data-speaker', span.speaker.name);
  // Screen readers: a mark may not be named (ARIA prohibits it), but it may be described.
  const description = describe(span);
  mark.title = description;
  mark.setAttribute('aria-description', description);
  if (options.part) mark.setAttribute('part', `mark ${span.kind} ${span.type}`);
  if (options.style) {
    // CSSOM, not a style attribute: allowed under a style-src CSP too.
    mark.style.setProperty('background-color', colorOf(span));
    mark.style.setProperty('color', 'var(--newsmark-color, inherit)');
  }
  return mark;
}

/** Replaces `node` by a fragment with its text, `covering` spans (nested order) as marks. */
function wrapTextNode(node, base, covering, mark) {
  const data = node.data;
  const len = data.length;
  const doc = node.ownerDocument;
  const frag = doc.createDocumentFragment();
  const stack = [{ el: frag, end: len }];
  let pos = 0;
  const put = (parent, from, to) => {
    if (to > from) parent.appendChild(doc.createTextNode(data.slice(from, to)));
  };
  for (const span of covering) {
    const a = Math.max(0, span.start - base);
    while (stack.length > 1 && stack[stack.length - 1].end <= a) {
      const top = stack.pop();
      put(top.el, pos, top.end);
      pos = top.end;
    }
    const top = stack[stack.length - 1];
    // Spans never cross; should one do so anyway, it is cut at its parent's end.
    const b = Math.min(len, span.end - base, top.end);
    if (b <= a || a < pos) continue;
    put(top.el, pos, a);
    pos = a;
    const m = mark(span);
    top.el.appendChild(m);
    stack.push({ el: m, end: b });
  }
  while (stack.length > 1) {
    const top = stack.pop();
    put(top.el, pos, top.end);
    pos = top.end;
  }
  put(frag, pos, len);
  const inserted = Array.from(frag.childNodes);
  node.parentNode.replaceChild(frag, node);
  return { node, inserted };
}

let highlights = 0;

/**
 * Wraps `spans` (UTF-16 offsets into the text of `parts`, see collectText) in marks. Returns
 * `{marks, restore}`; restore() puts the original text nodes back.
 */
export function markSpans(parts, spans, { style = true, part = false, prefix } = {}) {
  const id = prefix ?? `nm${++highlights}`;
  const sorted = spans
    .map((span, index) => ({ span, index, start: span.start, end: span.end }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const marks = [];
  const records = [];
  let next = 0;
  let active = [];
  for (const { node, start } of parts) {
    const end = start + node.data.length;
    if (active.length) active = active.filter((s) => s.end > start);
    while (next < sorted.length && sorted[next].start < end) {
      if (sorted[next].end > start) active.push(sorted[next]);
      next += 1;
    }
    if (!active.length || !node.parentNode) continue;
    const doc = node.ownerDocument;
    records.push(
      wrapTextNode(node, start, active, (s) => {
        const m = makeMark(doc, s.span, `${id}-${s.index}`, { style, part });
        marks.push(m);
        return m;
      }),
    );
  }
  const restore = () => {
    for (let i = records.length - 1; i >= 0; i -= 1) {
      const { node, inserted } = records[i];
      const parent = inserted[0] && inserted[0].parentNode;
      if (!parent) continue; // the host removed this part meanwhile
      parent.insertBefore(node, inserted[0]);
      for (const n of inserted) n.remove();
    }
    records.length = 0;
  };
  return { marks, restore };
}

/**
 * Keyboard access without flooding the tab order: the marked element gets one tab stop (the
 * first span), and the arrow keys, Home and End move between spans from there.
 */
export function enableKeyboard(root, marks) {
  const seen = new Set();
  const stops = marks.filter((m) => {
    const id = m.getAttribute('data-newsmark');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (!stops.length) return () => {};
  stops.forEach((m, i) => { m.tabIndex = i === 0 ? 0 : -1; });
  let current = stops[0];
  const moveTo = (m) => {
    current.tabIndex = -1;
    m.tabIndex = 0;
    current = m;
    m.focus();
  };
  const onFocus = (event) => {
    const i = stops.indexOf(event.target);
    if (i >= 0 && event.target !== current) {
      current.tabIndex = -1;
      event.target.tabIndex = 0;
      current = event.target;
    }
  };
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const i = stops.indexOf(event.target);
    if (i < 0) return;
    const to = {
      ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1,
      Home: 0, End: stops.length - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    moveTo(stops[Math.max(0, Math.min(stops.length - 1, to))]);
  };
  root.addEventListener('focusin', onFocus);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('focusin', onFocus);
    root.removeEventListener('keydown', onKey);
    for (const m of stops) m.removeAttribute('tabindex');
  };
}

const live = new Set();

/**
 * Marks the quotes, names and numbers inside `element`; the core must be loaded.
 * See highlight().
 */
export function highlightLoaded(element, options = {}) {
  if (!element || typeof element.nodeType !== 'number') {
    throw new TypeError('newsmark: highlight() takes a DOM element');
  }
  // One highlight per stretch of the page: marks inside marks would not undo cleanly.
  for (const h of Array.from(live)) {
    if (h.element === element || h.element.contains(element) || element.contains(h.element)) h.undo();
  }
  const { text, parts } = collectText(element);
  const { spans, entities } = annotateLoaded(text, options);
  const { marks, restore } = markSpans(parts, spans, { style: options.style !== false });
  const unkey = options.keyboard === false ? () => {} : enableKeyboard(element, marks);
  let done = false;
  const handle = {
    element,
    text,
    spans,
    entities,
    marks,
    undo() {
      if (done) return;
      done = true;
      live.delete(handle);
      unkey();
      restore();
    },
  };
  live.add(handle);
  return handle;
}

/**
 * Marks the quotes, names and numbers inside `element` of the host page, across element
 * boundaries, without changing its text or losing its markup.
 *
 * @param {Element} element
 * @param {{kinds?: string|string[], types?: string|string[], style?: boolean, keyboard?: boolean}} [options]
 *   `kinds`/`types` choose what is marked; `style: false` leaves the marks' colours to the
 *   host's CSS (`mark[data-kind=name]`); `keyboard: false` adds no tab stop.
 * @returns {Promise<{element, text, spans, entities, marks, undo: () => void}>}
 */
export async function highlight(element, options = {}) {
  await init();
  return highlightLoaded(element, options);
}
