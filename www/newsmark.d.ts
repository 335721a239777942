// Type declarations of newsmark.js (the npm package's entry and the module an embedding site
// imports). Offsets are UTF-16 code units: `text.slice(span.start, span.end)` is the span's text.

/** What is marked. */
export type Kind = 'quote' | 'name' | 'number';

export type QuoteType = 'direct' | 'partial' | 'scare';
export type NameType = 'person' | 'organization' | 'place' | 'other';
export type NumberType =
  | 'cardinal' | 'ordinal' | 'percent' | 'money' | 'quantity' | 'date' | 'time' | 'duration' | 'range';
export type SpanType = QuoteType | NameType | NumberType;

/** Who said a quote: the mention in the text (when there is one) and the resolved name. */
export interface Speaker {
  /** UTF-16 offset of the mention (`she`, `Jane Doe`, `the mayor`). */
  start?: number;
  end?: number;
  text?: string;
  /** The resolved name (`she` → `Jane Doe`). */
  name: string;
  /** Entity id of the speaker, when resolved to a name in the text. */
  entity?: number;
}

/** A numeric value read from a number span. */
export interface NumberValue {
  value?: number;
  high?: number;
  unit?: string;
  currency?: string;
  iso?: string;
  [key: string]: unknown;
}

/** One quote, name or number. Offsets in UTF-16 code units, end exclusive. */
export interface Span {
  start: number;
  end: number;
  kind: Kind;
  type: SpanType;
  /** The span's text: `text.slice(start, end)`. */
  text: string;
  /** Names: the entity shared by every mention of the same person, place, organization. */
  entity?: number;
  /** Quotes: who said it. */
  speaker?: Speaker;
  /** Quotes: the cue (`said`, `according to`). */
  cue?: { start: number; end: number; text: string };
  /** Numbers: the value read. */
  value?: NumberValue;
}

/** An entity of the document: every mention of one person, place or organization. */
export interface Entity {
  id: number;
  name: string;
  type: NameType;
  mentions: number;
}

export interface AnnotateOptions {
  /** Which kinds to find (default: all): an array or a comma list. */
  kinds?: Kind[] | string;
  /** Keep only these types: an array or a comma list. */
  types?: SpanType[] | string;
}

export interface HighlightOptions extends AnnotateOptions {
  /** `false`: no inline colours, the host's CSS (`mark[data-kind=name]`) styles the marks. */
  style?: boolean;
  /** `false`: no tab stop (by default one, with arrow keys moving between marks). */
  keyboard?: boolean;
}

/** What highlight() did; undo() restores the element node for node. */
export interface Highlight {
  element: Element;
  /** The text read from the element (blocks separated by a line break); spans index into it. */
  text: string;
  spans: Span[];
  entities: Entity[];
  /** Every <mark> added, in document order; a span crossing elements has several. */
  marks: HTMLElement[];
  undo(): void;
}

/** Resolves once the WebAssembly core is loaded. */
export const ready: Promise<void>;

/**
 * Loads the core from `source` instead of `pkg/newsmark_core_bg.wasm` beside the module
 * (a URL, a Response, bytes or a compiled module). Call it right after importing, before
 * anything awaits `ready`; later calls return the first load.
 */
export function init(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/**
 * Finds the quotes, names and numbers in `text`; spans sorted by start, UTF-16 offsets.
 * Rejects with a RangeError a text longer than 4 MiB of UTF-8 (4,194,304 bytes), which the
 * core does not read (split it); so do analyze() and highlight(). If the core traps (out of
 * memory), the call rejects with an Error whose `cause` is the trap, and the next call runs
 * in a fresh instance.
 */
export function annotate(text: string, options?: AnnotateOptions): Promise<Span[]>;

/** Like annotate(), with the document's entities. */
export function analyze(
  text: string,
  options?: AnnotateOptions,
): Promise<{ spans: Span[]; entities: Entity[] }>;

/** Marks the quotes, names and numbers inside `element` (browser only). */
export function highlight(element: Element, options?: HighlightOptions): Promise<Highlight>;

/** What a mark's title says: "quote, direct, said by Jane Doe". */
export function describe(span: Span): string;

export const KINDS: readonly Kind[];
export const TYPES: Readonly<{
  quote: readonly QuoteType[];
  name: readonly NameType[];
  number: readonly NumberType[];
}>;

/**
 * `<newsmark-text kinds="quote,name" types="person">…</newsmark-text>`: its text, highlighted
 * in a shadow root. Fires `newsmark-annotated` (bubbles, composed) after each render.
 */
export class NewsmarkText extends HTMLElement {
  /** Registers the element (default `newsmark-text` in `customElements`); returns the class used. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof NewsmarkText;
  static observedAttributes: string[];
  /** The text last rendered, its spans and entities. */
  text: string;
  spans: Span[];
  entities: Entity[];
  /** Renders now (normally automatic on text and attribute changes). */
  render(): Promise<void>;
}

export interface NewsmarkAnnotatedDetail {
  text: string;
  spans: Span[];
  entities: Entity[];
}

declare global {
  interface HTMLElementTagNameMap {
    'newsmark-text': NewsmarkText;
  }
  interface HTMLElementEventMap {
    'newsmark-annotated': CustomEvent<NewsmarkAnnotatedDetail>;
    'newsmark-error': CustomEvent<{ error: unknown }>;
  }
}
