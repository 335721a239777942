// The newsmark page: paste an article, see its quotes, names and numbers.
//
// The WebAssembly core runs in a Web Worker (worker.js); this module owns the DOM.
// Text from the reader only ever reaches the DOM as text nodes or textContent.
// Offsets from the core are UTF-16 code units, so text.slice(start, end) is a span.

const KINDS = {
  quote: ['direct', 'partial', 'scare'],
  name: ['person', 'organization', 'place', 'other'],
  number: ['cardinal', 'ordinal', 'percent', 'money', 'quantity', 'date', 'time', 'duration', 'range'],
};
const KIND_LABEL = { quote: 'Quotes', name: 'Names', number: 'Numbers' };
const NAME_GROUPS = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['other', 'Other names'],
];
const SAMPLE_URL = 'samples/harbor-ferry.txt';
const WASM_URL = new URL('./pkg/newsmark_core_bg.wasm', import.meta.url);
const WORKER_URL = new URL('./worker.js', import.meta.url);
// show the progress bar only for work that takes longer than this
const PROGRESS_AFTER_MS = 150;
// A worker whose WebAssembly memory grew past this is replaced once its result is in: the
// memory of an instance never shrinks, and a text of figures near the 4 MiB limit takes
// 420 MB. Four MiB of news takes about 60 MB, so an article never gets here.
const KEEP_MEMORY_BYTES = 128 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const statusLine = $('status');
const progress = $('progress');
const tip = $('tip');

const state = {
  text: '',
  result: null, // { spans, entities } for state.text
  hidden: new Set(), // hidden types
  selected: null, // selected entity id
  version: '',
};

// --- the annotator ---------------------------------------------------------------

const annotator = {
  module: null, // the compiled WebAssembly.Module, shared by every worker
  worker: null,
  ready: null, // Promise<void> for the current worker
  busy: null, // { id, resolve, reject, chars, t0 } of the job in flight
  nextId: 1,
  charsPerMs: null, // measured speed, for the progress estimate
};

async function compileModule() {
  try {
    return await WebAssembly.compileStreaming(fetch(WASM_URL));
  } catch {
    // a server without application/wasm: compile from bytes instead
    const response = await fetch(WASM_URL);
    if (!response.ok) throw new Error(`cannot load ${WASM_URL.pathname}: HTTP ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

function startWorker() {
  const worker = new Worker(WORKER_URL, { type: 'module' });
  annotator.worker = worker;
  annotator.ready = new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.type === 'ready') {
        state.version = msg.version;
        resolve();
      } else if (msg.type === 'result' || msg.type === 'error') {
        if (msg.id === null) reject(new Error(msg.message));
        finishJob(worker, msg);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'the annotator failed to start'));
      finishJob(worker, { type: 'error', id: annotator.busy?.id, message: event.message, fatal: true });
    };
  });
  worker.postMessage({ type: 'init', module: annotator.module });
  return annotator.ready;
}

function finishJob(worker, msg) {
  const job = annotator.busy;
  if (worker !== annotator.worker || !job || job.id !== msg.id) return;
  annotator.busy = null;
  if (msg.type === 'result') {
    if (msg.ms > 5 && job.chars > 0) annotator.charsPerMs = job.chars / msg.ms;
    job.resolve(msg.result);
    if (msg.memory > KEEP_MEMORY_BYTES) restartWorker();
  } else {
    if (msg.fatal) restartWorker();
    job.reject(new Error(msg.message));
  }
}

function restartWorker() {
  annotator.worker?.terminate();
  startWorker().catch(() => {});
}

class Cancelled extends Error {}

// Stops the work in flight, if any (its promise rejects with Cancelled).
function cancel() {
  if (!annotator.busy) return;
  annotator.busy.reject(new Cancelled());
  annotator.busy = null;
  restartWorker();
}

// Annotates `text` in the worker. A call made while another is in flight cancels it:
// the old worker is terminated (it cannot be interrupted) and a fresh one starts.
async function annotate(text) {
  cancel();
  const id = annotator.nextId++;
  await annotator.ready;
  // a newer call came while this one waited for a (re)starting worker
  if (id !== annotator.nextId - 1) throw new Cancelled();
  return new Promise((resolve, reject) => {
    annotator.busy = { id, resolve, reject, chars: text.length, t0: performance.now() };
    annotator.worker.postMessage({ type: 'annotate', id, text, kinds: '' });
  });
}

// --- running a job: status and progress ---------------------------------------------

let generation = 0;

async function update() {
  const text = input.value;
  const mine = ++generation;
  if (!annotator.ready) return; // still loading: the start-up runs update() when ready
  if (!text.trim()) {
    cancel();
    progress.hidden = true;
    state.text = text;
    state.result = { spans: [], entities: [] };
    render();
    setStatus('Paste an article, or try the sample.');
    document.body.dataset.state = 'done';
    return;
  }
  document.body.dataset.state = 'busy';
  const t0 = performance.now();
  const timer = setInterval(() => mine === generation && showProgress(text.length, performance.now() - t0), 100);
  try {
    const result = await annotate(text);
    if (mine !== generation) return;
    state.text = text;
    state.result = result;
    state.selected = null;
    render();
    const ms = performance.now() - t0;
    setStatus(summary(result.spans, ms));
    document.body.dataset.state = 'done';
  } catch (err) {
    if (err instanceof Cancelled || mine !== generation) return;
    setStatus(`Could not annotate this text: ${err.message}`);
    document.body.dataset.state = 'error';
  } finally {
    clearInterval(timer);
    if (mine === generation) progress.hidden = true;
  }
}

function showProgress(chars, elapsed) {
  if (elapsed < PROGRESS_AFTER_MS) return;
  progress.hidden = false;
  const rate = annotator.charsPerMs;
  if (rate) {
    // an estimate from the measured speed; never claims to be done before it is
    progress.value = Math.min(0.95, elapsed / (chars / rate));
  } else {
    progress.removeAttribute('value'); // indeterminate
  }
  setStatus(`Annotating ${chars.toLocaleString('en')} characters… ${(elapsed / 1000).toFixed(1)} s`);
}

function summary(spans, ms) {
  const counts = { quote: 0, name: 0, number: 0 };
  for (const s of spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return `Found ${plural(counts.quote, 'quote', 'quotes')}, ${plural(counts.name, 'name', 'names')} and ${plural(counts.number, 'number', 'numbers')} in ${Math.max(1, Math.round(ms))} ms.`;
}

function setStatus(message) {
  statusLine.textContent = message;
}

let debounce = 0;
input.addEventListener('input', () => {
  clearTimeout(debounce);
  // short texts update at once; long ones wait until typing pauses
  debounce = setTimeout(update, input.value.length > 50000 ? 300 : 80);
});

// --- rendering the article ---------------------------------------------------------

// Spans sorted by start, longest first: the order in which they open.
function ordered(spans, length) {
  return spans
    .map((span, i) => ({ span, i }))
    .filter(({ span }) => Number.isInteger(span.start) && Number.isInteger(span.end)
      && span.start >= 0 && span.start < span.end && span.end <= length)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

// name marks by "start:end" (UTF-16), to find a quote's speaker mention
let nameMarks = new Map();

// Builds the marked-up article: text nodes and nested <mark> elements.
function buildArticle(text, spans) {
  nameMarks = new Map();
  const fragment = document.createDocumentFragment();
  const stack = [{ node: fragment, end: text.length }];
  let pos = 0;
  const emit = (node, to) => {
    if (to > pos) node.append(document.createTextNode(text.slice(pos, to)));
    pos = Math.max(pos, to);
  };
  const close = () => {
    const top = stack.pop();
    emit(top.node, top.end);
  };
  for (const { span, i } of ordered(spans, text.length)) {
    while (stack.length > 1 && stack.at(-1).end <= span.start) close();
    const parent = stack.at(-1);
    if (span.start < pos || span.end > parent.end) continue; // crossing: never sent, never drawn
    emit(parent.node, span.start);
    const mark = document.createElement('mark');
    mark.dataset.kind = span.kind;
    mark.dataset.type = span.type;
    mark.dataset.i = String(i);
    if (span.entity !== undefined) mark.dataset.entity = String(span.entity);
    if (span.speaker?.entity !== undefined) mark.dataset.speakerEntity = String(span.speaker.entity);
    mark.tabIndex = 0;
    if (span.kind === 'name') nameMarks.set(`${span.start}:${span.end}`, mark);
    parent.node.append(mark);
    stack.push({ node: mark, end: span.end });
  }
  while (stack.length > 1) close();
  emit(fragment, text.length);
  return fragment;
}

function render() {
  hideTip();
  const { spans } = state.result;
  if (!state.text) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'The highlighted article appears here.';
    output.replaceChildren(p);
  } else {
    output.replaceChildren(buildArticle(state.text, spans));
  }
  $('copy').disabled = !state.text;
  $('download').disabled = !state.text;
  renderLegend();
  renderEntities();
  renderQuotes();
  applyVisibility();
  applySelection();
}

// --- describing a mark (tooltip, exported titles) ------------------------------------

function entityOf(id) {
  return state.result?.entities?.find((e) => e.id === id);
}

function describe(span) {
  const lines = [`${span.kind} · ${span.type}`];
  if (span.kind === 'name' && span.entity !== undefined) {
    const e = entityOf(span.entity);
    if (e) lines.push(`entity: ${e.name} (${plural(mentionCount(e), 'mention')})`);
  }
  if (span.kind === 'quote') {
    const who = span.speaker;
    const via = who?.text && who.text !== who.name ? ` (“${who.text}”)` : '';
    lines.push(who ? `speaker: ${who.name}${via}` : 'speaker: not found');
    if (span.cue?.text) lines.push(`cue: ${span.cue.text}`);
  }
  if (span.kind === 'number' && span.value) {
    const v = span.value;
    const parts = [];
    if (v.iso) parts.push(v.iso);
    else if (v.value !== undefined) {
      const fmt = (x) => (typeof x === 'number' ? x.toLocaleString('en', { maximumFractionDigits: 6 }) : String(x));
      parts.push(v.high !== undefined ? `${fmt(v.value)}–${fmt(v.high)}` : fmt(v.value));
    }
    if (v.currency) parts.push(v.currency);
    if (v.unit) parts.push(v.unit);
    if (parts.length) lines.push(`value: ${parts.join(' ')}`);
  }
  return lines.join('\n');
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function spanOf(mark) {
  return state.result?.spans[Number(mark.dataset.i)];
}

// --- the tooltip: on hover and on keyboard focus --------------------------------------

let tipFor = null;

// the name mark that is a quote's speaker mention, when the speaker is marked
function speakerMark(span) {
  const who = span?.speaker;
  if (who?.start === undefined) return null;
  return nameMarks.get(`${who.start}:${who.end}`) ?? null;
}

let speakerShown = null;

function markSpeaker(mark) {
  speakerShown?.classList.remove('speaker-of');
  speakerShown = mark;
  mark?.classList.add('speaker-of');
}

function showTip(mark, x, y) {
  const span = spanOf(mark);
  if (!span) return;
  if (tipFor !== mark) markSpeaker(span.kind === 'quote' ? speakerMark(span) : null);
  tipFor = mark;
  tip.textContent = describe(span);
  tip.hidden = false;
  const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  const left = x ?? rect.left;
  const top = (y ?? rect.bottom) + 8;
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const maxLeft = document.documentElement.clientWidth - width - 8;
  tip.style.left = `${Math.max(8, Math.min(left, maxLeft))}px`;
  const below = top + height < window.innerHeight;
  tip.style.top = `${below ? top : Math.max(8, (y ?? rect.top) - height - 8)}px`;
}

function hideTip() {
  markSpeaker(null);
  tipFor = null;
  tip.hidden = true;
}

output.addEventListener('mouseover', (event) => {
  const mark = event.target.closest?.('mark');
  if (mark && output.contains(mark)) showTip(mark, event.clientX, event.clientY);
});
output.addEventListener('mouseleave', () => {
  if (tipFor && tipFor !== document.activeElement) hideTip();
});
output.addEventListener('mouseout', (event) => {
  if (!event.relatedTarget?.closest?.('mark') && tipFor !== document.activeElement) hideTip();
});
output.addEventListener('focusin', (event) => {
  const mark = event.target.closest?.('mark');
  if (!mark) return;
  mark.setAttribute('aria-describedby', 'tip');
  showTip(mark);
});
output.addEventListener('focusout', (event) => {
  event.target.removeAttribute?.('aria-describedby');
  hideTip();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTip();
});
window.addEventListener('scroll', () => tipFor && tipFor === document.activeElement ? showTip(tipFor) : hideTip(), { passive: true });

// --- the legend: toggles per kind and type, with counts ------------------------------

function countTypes() {
  const counts = new Map();
  for (const s of state.result?.spans ?? []) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  return counts;
}

function buildLegend() {
  const legend = $('legend');
  for (const [kind, types] of Object.entries(KINDS)) {
    const group = document.createElement('fieldset');
    group.className = `legend-kind kind-${kind}`;
    const head = document.createElement('legend');
    const kindBox = checkbox(`toggle-${kind}`, { kind });
    const kindLabel = document.createElement('label');
    kindLabel.htmlFor = kindBox.id;
    kindLabel.append(KIND_LABEL[kind], ' ', counter(`count-${kind}`));
    head.append(kindBox, kindLabel);
    group.append(head);
    const list = document.createElement('ul');
    for (const type of types) {
      const item = document.createElement('li');
      const box = checkbox(`toggle-${type}`, { type });
      const label = document.createElement('label');
      label.htmlFor = box.id;
      const swatch = document.createElement('span');
      swatch.className = `swatch sw-${kind} sw-${type}`;
      swatch.setAttribute('aria-hidden', 'true');
      swatch.textContent = 'Ab';
      label.append(swatch, ` ${type} `, counter(`count-${type}`));
      item.append(box, label);
      list.append(item);
    }
    group.append(list);
    legend.append(group);
  }
  legend.addEventListener('change', (event) => {
    const box = event.target;
    const types = box.dataset.kind ? KINDS[box.dataset.kind] : [box.dataset.type];
    for (const type of types) {
      if (box.checked) state.hidden.delete(type);
      else state.hidden.add(type);
    }
    applyVisibility();
  });
}

function checkbox(id, data) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.checked = true;
  Object.assign(box.dataset, data);
  return box;
}

function counter(id) {
  const span = document.createElement('span');
  span.className = 'count';
  span.id = id;
  span.textContent = '0';
  return span;
}

function renderLegend() {
  const counts = countTypes();
  for (const [kind, types] of Object.entries(KINDS)) {
    let total = 0;
    for (const type of types) {
      const n = counts.get(type) ?? 0;
      total += n;
      $(`count-${type}`).textContent = String(n);
      $(`toggle-${type}`).closest('li').classList.toggle('none', n === 0);
    }
    $(`count-${kind}`).textContent = String(total);
  }
}

function applyVisibility() {
  for (const [kind, types] of Object.entries(KINDS)) {
    const shown = types.filter((t) => !state.hidden.has(t)).length;
    const kindBox = $(`toggle-${kind}`);
    kindBox.checked = shown > 0;
    kindBox.indeterminate = shown > 0 && shown < types.length;
    for (const type of types) $(`toggle-${type}`).checked = !state.hidden.has(type);
  }
  for (const mark of output.querySelectorAll('mark')) {
    mark.classList.toggle('off', state.hidden.has(mark.dataset.type));
  }
}

// --- the panel: names with mention counts, quotes with speakers ----------------------

function mentionCount(entity) {
  let n = 0;
  for (const s of state.result?.spans ?? []) if (s.kind === 'name' && s.entity === entity.id) n += 1;
  return n || entity.mentions || 0;
}

function renderEntities() {
  const box = $('entities');
  box.replaceChildren();
  const entities = [...(state.result?.entities ?? [])];
  if (!entities.length) {
    box.append(emptyNote('No names found yet.'));
    return;
  }
  for (const [type, title] of NAME_GROUPS) {
    const group = entities
      .filter((e) => e.type === type)
      .map((e) => ({ e, n: mentionCount(e) }))
      .filter(({ n }) => n > 0)
      .sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name));
    if (!group.length) continue;
    const heading = document.createElement('h3');
    heading.textContent = `${title} (${group.length})`;
    const list = document.createElement('ul');
    list.className = `entities sw-${type}-list`;
    for (const { e, n } of group) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'entity';
      button.dataset.entity = String(e.id);
      button.setAttribute('aria-pressed', 'false');
      const swatch = document.createElement('span');
      swatch.className = `swatch sw-name sw-${type}`;
      swatch.setAttribute('aria-hidden', 'true');
      const name = document.createElement('span');
      name.className = 'entity-name';
      name.textContent = e.name;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(n);
      const unit = document.createElement('span');
      unit.className = 'visually-hidden';
      unit.textContent = n === 1 ? ' mention' : ' mentions';
      count.append(unit);
      button.append(swatch, name, count);
      item.append(button);
      list.append(item);
    }
    box.append(heading, list);
  }
}

$('entities').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-entity]');
  if (!button) return;
  const id = Number(button.dataset.entity);
  state.selected = state.selected === id ? null : id;
  applySelection();
  if (state.selected !== null) {
    output.querySelector(`mark[data-entity="${id}"]`)?.scrollIntoView({ block: 'nearest', behavior: smooth() });
  }
});

function applySelection() {
  const id = state.selected === null ? null : String(state.selected);
  output.classList.toggle('has-selection', id !== null);
  for (const mark of output.querySelectorAll('mark')) {
    mark.classList.toggle('emph', id !== null && mark.dataset.entity === id);
    mark.classList.toggle('said', id !== null && mark.dataset.speakerEntity === id);
  }
  for (const button of $('entities').querySelectorAll('button[data-entity]')) {
    button.setAttribute('aria-pressed', String(button.dataset.entity === id));
  }
}

function renderQuotes() {
  const list = $('quotes');
  list.replaceChildren();
  const quotes = ordered(state.result?.spans ?? [], state.text.length).filter(({ span }) => span.kind === 'quote');
  if (!quotes.length) {
    const item = document.createElement('li');
    item.append(emptyNote('No quotes found yet.'));
    list.append(item);
    return;
  }
  for (const { span, i } of quotes) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quote';
    button.dataset.i = String(i);
    const who = document.createElement('span');
    who.className = 'speaker';
    who.textContent = span.speaker?.name ?? 'no speaker found';
    if (!span.speaker) who.classList.add('unknown');
    const type = document.createElement('span');
    type.className = `tag sw-quote sw-${span.type}`;
    type.textContent = span.type;
    const words = document.createElement('span');
    words.className = 'words';
    const quoted = state.text.slice(span.start, span.end);
    words.textContent = quoted.length > 140 ? `${quoted.slice(0, 137).trimEnd()}…` : quoted;
    button.append(who, ' ', type, words);
    item.append(button);
    list.append(item);
  }
}

$('quotes').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-i]');
  if (!button) return;
  const mark = output.querySelector(`mark[data-i="${button.dataset.i}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: smooth() });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
});

function emptyNote(text) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = text;
  return p;
}

function smooth() {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

// --- buttons: sample, clear, copy, download ------------------------------------------

$('sample').addEventListener('click', async () => {
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    input.value = await response.text();
    input.focus();
    update();
  } catch (err) {
    setStatus(`Could not load the sample: ${err.message}`);
  }
});

$('clear').addEventListener('click', () => {
  input.value = '';
  input.focus();
  update();
});

function annotationsJson() {
  const { spans, entities } = state.result ?? { spans: [], entities: [] };
  return JSON.stringify({ version: state.version, offsets: 'utf16', text: state.text, spans, entities }, null, 2);
}

$('copy').addEventListener('click', async () => {
  const json = annotationsJson();
  try {
    await navigator.clipboard.writeText(json);
    setStatus(`Copied ${plural(state.result.spans.length, 'annotation')} as JSON.`);
  } catch {
    // no clipboard permission (or an old browser): fall back to a selection copy
    const area = document.createElement('textarea');
    area.value = json;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    setStatus(ok ? `Copied ${plural(state.result.spans.length, 'annotation')} as JSON.` : 'Copying was refused by the browser.');
  }
});

$('download').addEventListener('click', async () => {
  let css = '';
  try {
    css = await (await fetch('app.css')).text();
  } catch {
    css = 'mark { background: #ffe79a; }';
  }
  const html = standaloneHtml(css);
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'newsmark-article.html';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  setStatus('Downloaded the highlighted article as newsmark-article.html.');
});

// A self-contained HTML file: the article with its marks (each titled with what it is)
// and the page's styles. Serializing the DOM escapes all text.
function standaloneHtml(css) {
  const article = output.cloneNode(true);
  article.removeAttribute('tabindex');
  article.removeAttribute('aria-describedby');
  article.classList.remove('has-selection');
  for (const mark of article.querySelectorAll('mark')) {
    const span = spanOf(mark);
    if (span) mark.title = describe(span).replace('\n', ' — ').replaceAll('\n', '; ');
    mark.removeAttribute('tabindex');
    mark.classList.remove('emph', 'said', 'flash', 'off');
  }
  const note = document.createElement('p');
  note.className = 'help';
  note.textContent = 'Marked by newsmark: quotes, names and numbers. Hover a mark to see what it is.';
  // built as a string (not a DOM document: the page's CSP would refuse its <style>);
  // outerHTML escapes the article's text, and the CSS is the page's own
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>newsmark: highlighted article</title>',
    `<style>\n${css.replaceAll('</', '<\\/')}\n</style>`,
    '</head>',
    '<body>',
    '<main class="standalone">',
    note.outerHTML,
    article.outerHTML,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// --- start -----------------------------------------------------------------------------

buildLegend();
state.result = { spans: [], entities: [] };
renderLegend();
renderEntities();
renderQuotes();

(async () => {
  try {
    annotator.module = await compileModule();
    await startWorker();
    $('version').textContent = state.version;
    setStatus('Ready. Paste an article, or try the sample.');
    document.body.dataset.state = 'ready';
    if (input.value) update();
  } catch (err) {
    setStatus(`The annotator could not be loaded: ${err.message}. Run \`make build\`, then reload.`);
    document.body.dataset.state = 'error';
  }
})();
