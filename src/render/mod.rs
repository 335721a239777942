//! Renderers: [`Annotations`](crate::Annotations) to the forms people and programs read.
//!
//! - [`spans_json`] / [`entities_json`]: the JSON contract of the CLI and the page,
//!   offsets in any [`Unit`](crate::offsets::Unit).
//! - [`inline`]: the readable inline notation of the spec files,
//!   `[direct{Jane Doe} “We won,”] said [person Jane Doe].`, and [`parse_inline`], its
//!   inverse.

mod json;
mod notation;

pub use json::{entities_json, spans_json};
pub use notation::{inline, parse_inline, Marked, ParseError, Parsed};
