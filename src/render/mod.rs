//! Renderers: [`Annotations`] to the forms people and programs read.
//!
//! - [`spans_json`] / [`entities_json`]: the JSON contract of the CLI and the page,
//!   offsets in any [`Unit`](crate::offsets::Unit).
//! - [`packed::packed`]: the same content as flat `u32` words, for the WebAssembly
//!   bindings (JavaScript builds the span objects from them).
//! - [`inline`]: the readable inline notation of the spec files,
//!   `[direct{Jane Doe} “We won,”] said [person Jane Doe].`, and [`parse_inline`], its
//!   inverse.
//! - [`html::page`]: a standalone HTML page with nested `<mark>` elements.
//! - [`ansi::colored`]: the text with terminal colors and a legend, for the CLI.
//!
//! All of them except JSON walk the same stream of [`Event`]s ([`events`]), so a new
//! output form only says how to open, write and close.

pub mod ansi;
pub mod html;
mod json;
pub mod notation;
pub mod packed;

pub use json::{document_json, entities_json, spans_json, write_entities, write_spans};
pub use notation::{inline, parse_inline, Marked, ParseError, Parsed};

use crate::span::{Annotation, Annotations, Kind};

/// One step of walking annotated text in order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event<'a> {
    /// A span starts.
    Open(&'a Annotation),
    /// Text between span boundaries (never empty).
    Text(&'a str),
    /// The span opened last and not yet closed ends.
    Close(&'a Annotation),
}

/// Walks `text` with the spans of `found` whose kind is in `kinds`, calling `f` for each
/// opening, piece of text and closing, in order. Opens and closes are balanced.
///
/// Spans that are empty, out of bounds, off `char` boundaries or crossing an earlier
/// span are left out, so any [`Annotations`] walk without panicking.
pub fn events<'a>(
    text: &'a str,
    found: &'a Annotations,
    kinds: &[Kind],
    mut f: impl FnMut(Event<'a>),
) {
    let mut order: Vec<&Annotation> = found
        .spans
        .iter()
        .filter(|a| {
            let s = a.span;
            kinds.contains(&a.kind())
                && s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .collect();
    order.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end), a.kind()));

    let mut pos = 0;
    let mut open: Vec<&Annotation> = Vec::new(); // innermost last
    for a in order {
        close_until(text, &mut pos, &mut open, a.span.start, &mut f);
        if a.span.start < pos || open.last().is_some_and(|o| a.span.end > o.span.end) {
            continue; // crosses a span already opened
        }
        if pos < a.span.start {
            f(Event::Text(&text[pos..a.span.start]));
            pos = a.span.start;
        }
        f(Event::Open(a));
        open.push(a);
    }
    close_until(text, &mut pos, &mut open, usize::MAX, &mut f);
    if pos < text.len() {
        f(Event::Text(&text[pos..]));
    }
}

/// Closes the open spans that end at or before `at`, writing the text up to each end.
fn close_until<'a>(
    text: &'a str,
    pos: &mut usize,
    open: &mut Vec<&'a Annotation>,
    at: usize,
    f: &mut impl FnMut(Event<'a>),
) {
    while let Some(&a) = open.last() {
        if a.span.end > at {
            break;
        }
        if *pos < a.span.end {
            f(Event::Text(&text[*pos..a.span.end]));
            *pos = a.span.end;
        }
        f(Event::Close(a));
        open.pop();
    }
}
