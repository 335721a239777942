// <newsmark-text>: shows its own text content with quotes, names and numbers marked.
//
//   <newsmark-text kinds="quote,name">“We will stay,” said Jane Doe.</newsmark-text>
//
// The highlighted copy lives in an open shadow root; the light-DOM text stays untouched as the
// fallback (shown until the core has loaded, and if it cannot load). Re-renders when the text
// or the `kinds`/`types` attributes change. Themed with CSS custom properties
// (`--newsmark-quote`, `--newsmark-name`, `--newsmark-number`, `--newsmark-person`, …,
// `--newsmark-color`, `--newsmark-focus`, `--newsmark-paragraph-gap`) and parts
// (`::part(text)`, `::part(paragraph)`, `::part(mark)`, `::part(name)`, `::part(person)`, …).
// Fires `newsmark-annotated` (bubbles, composed; detail: {text, spans, entities}) after each
// render, `newsmark-error` (detail: {error}) when it cannot render.

import { init, annotateLoaded, TYPES } from './newsmark-annotate.js';
import { collectText, markSpans, enableKeyboard, selfRendering, COLORS } from './newsmark-highlight.js';

// In Node (the npm package) there is no DOM: the class must still be definable.
const Base = globalThis.HTMLElement ?? class {};

const CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
p { margin: 0 0 var(--newsmark-paragraph-gap, 1em); }
p:last-child { margin-bottom: 0; }
mark { color: var(--newsmark-color, inherit); border-radius: 0.15em; }
mark:focus-visible { outline: 2px solid var(--newsmark-focus, #1d4ed8); outline-offset: 1px; }
${Object.entries(TYPES)
    .map(([kind, types]) => [
      `mark[data-kind="${kind}"] { background-color: var(--newsmark-${kind}, ${COLORS[kind]}); }`,
      ...types.map(
        (t) => `mark[data-kind="${kind}"][data-type="${t}"] { background-color: var(--newsmark-${t}, var(--newsmark-${kind}, ${COLORS[kind]})); }`,
      ),
    ].join('\n'))
    .join('\n')}
`;

let sheet = null;
function styleShadow(root) {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets: a <style> inside the shadow root still styles only it.
    const style = root.ownerDocument.createElement('style');
    style.textContent = CSS;
    root.prepend(style);
  }
}

/** The paragraphs of an element's text: blank lines and blocks separate, other white space is one space. */
function paragraphsOf(el) {
  const { text } = collectText(el, { separator: '\n\n', raw: true });
  return text
    .split(/\n[^\S\n]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export class NewsmarkText extends Base {
  static observedAttributes = ['kinds', 'types'];

  /**
   * Registers the element as `tag` in `registry` (once; a second tag gets a subclass, since
   * one class can be registered only once). Returns the registered class.
   */
  static define(tag = 'newsmark-text', registry = globalThis.customElements) {
    if (!registry) return this;
    const existing = registry.get(tag);
    if (existing) return existing;
    const taken = typeof registry.getName === 'function' && registry.getName(this);
    const cls = taken ? class extends this {} : this;
    registry.define(tag, cls);
    return cls;
  }

  #observer = null;
  #queued = false;
  #generation = 0;

  /** The text last rendered, and its spans (UTF-16 offsets into it). */
  text = '';
  spans = [];
  entities = [];

  connectedCallback() {
    selfRendering.add(this);
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      styleShadow(root);
      root.append(this.ownerDocument.createElement('slot'));
    }
    if (!this.#observer) this.#observer = new MutationObserver(() => this.#schedule());
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.render();
    });
  }

  /** Renders now (normally automatic). Resolves once rendered. */
  async render() {
    const generation = ++this.#generation;
    try {
      await init();
      if (generation !== this.#generation || !this.isConnected) return;
      const doc = this.ownerDocument;
      const container = doc.createElement('div');
      container.setAttribute('part', 'text');
      for (const paragraph of paragraphsOf(this)) {
        const p = doc.createElement('p');
        p.setAttribute('part', 'paragraph');
        p.textContent = paragraph;
        container.append(p);
      }
      const { text, parts } = collectText(container);
      const { spans, entities } = annotateLoaded(text, {
        kinds: this.getAttribute('kinds'),
        types: this.getAttribute('types'),
      });
      const { marks } = markSpans(parts, spans, { style: false, part: true });
      enableKeyboard(container, marks);
      const slot = this.shadowRoot.querySelector('slot');
      if (slot) slot.remove();
      this.shadowRoot.querySelector('div[part="text"]')?.remove();
      this.shadowRoot.append(container);
      this.text = text;
      this.spans = spans;
      this.entities = entities;
      this.dispatchEvent(
        new CustomEvent('newsmark-annotated', {
          bubbles: true,
          composed: true,
          detail: { text, spans, entities },
        }),
      );
    } catch (error) {
      if (generation !== this.#generation) return;
      // Keep (or bring back) the light-DOM text.
      this.shadowRoot?.querySelector('div[part="text"]')?.remove();
      if (this.shadowRoot && !this.shadowRoot.querySelector('slot')) {
        this.shadowRoot.append(this.ownerDocument.createElement('slot'));
      }
      this.dispatchEvent(
        new CustomEvent('newsmark-error', { bubbles: true, composed: true, detail: { error } }),
      );
    }
  }
}
