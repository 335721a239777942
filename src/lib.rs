//! newsmark marks **quotes** (and who said them), **names** (people, organizations,
//! places) and **numbers** (counts, money, percentages, quantities, dates, ranges) in
//! news text.
//!
//! ```
//! let text = "“We will never accept it,” said Claudia Sheinbaum on April 16.";
//! let found = newsmark::annotate(text);
//! for a in &found.spans {
//!     println!("{:?} {} {:?}", a.label, &text[a.span], a.span);
//! }
//! ```
//!
//! The pipeline is `text → segment → recognize (quotes, names, numbers) → resolve`;
//! each stage hands plain data to the next, and the one overlap policy lives in
//! [`resolve`].
//!
//! # Offsets
//!
//! Every [`Span`] holds UTF-8 **byte** offsets, half-open, on `char` boundaries, so
//! `&text[span]` is the marked text. [`offsets::Converter`] turns them into UTF-16 code
//! units (JavaScript) or code points (Python, the CLI's `--offsets chars`) in one
//! forward pass.
//!
//! # Untrusted input
//!
//! Any `&str` is accepted: no input panics, and the cost grows linearly with the text.
//! So does the memory a call works in: about 15 bytes a byte of prose, and up to about
//! 100 for a text made of nothing but figures. The WebAssembly build has 4 GiB of memory
//! in all, so its functions, the page and the CLI refuse a text longer than
//! [`MAX_TEXT_BYTES`] with an error ([`check_length`]) instead of running out of it;
//! [`annotate`] itself reads any length.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod jsonl;
mod lower;
pub mod names;
pub mod numbers;
pub mod offsets;
pub mod quotes;
pub mod render;
pub mod resolve;
mod scan;
pub mod segment;
pub mod span;
pub mod wasm;
mod web;

pub use segment::Document;
pub use span::{
    Annotation, Annotations, Entity, Kind, Label, NameType, NumberType, NumberValue, QuoteType,
    Span, Speaker,
};

/// Which kinds to report. All are on by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Report quotes.
    pub quotes: bool,
    /// Report names.
    pub names: bool,
    /// Report numbers.
    pub numbers: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            quotes: true,
            names: true,
            numbers: true,
        }
    }
}

impl Options {
    /// True when `kind` is to be reported.
    pub fn wants(&self, kind: Kind) -> bool {
        match kind {
            Kind::Quote => self.quotes,
            Kind::Name => self.names,
            Kind::Number => self.numbers,
        }
    }
}

/// The longest text that the WebAssembly functions, the page and the CLI read in one
/// call, in bytes of UTF-8: 4 MiB, a long book (a news article is a few kilobytes). At
/// the worst found, a text of nothing but figures (`1 1 1 …`), a call of that length
/// takes about 420 MB of WebAssembly memory, well inside its 4 GiB.
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// A text longer than [`MAX_TEXT_BYTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// The text's length in bytes of UTF-8.
    pub bytes: usize,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the text is too long: {} bytes of UTF-8, and newsmark reads at most {MAX_TEXT_BYTES} \
             ({} MiB) at a time; split it, by chapters or articles",
            self.bytes,
            MAX_TEXT_BYTES >> 20
        )
    }
}

impl std::error::Error for TooLong {}

/// `Err` when `text` is longer than [`MAX_TEXT_BYTES`].
pub fn check_length(text: &str) -> Result<(), TooLong> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(TooLong { bytes: text.len() });
    }
    Ok(())
}

/// Annotates `text` with every kind.
pub fn annotate(text: &str) -> Annotations {
    annotate_with(text, &Options::default())
}

/// Annotates `text`, reporting the kinds `options` asks for.
///
/// The kinds only filter what is reported: every recognizer runs, because each kind's
/// result depends on the others (a quote's speaker is named through the names; a name and a
/// number that cross are settled by length), so a kind's spans are the same whatever else
/// is asked. Entities are always listed, since speakers refer to them.
pub fn annotate_with(text: &str, options: &Options) -> Annotations {
    // The order keeps the working set small on a long text: the numbers' tables are freed
    // before the tagger's are built, the document before resolve, and the findings are
    // gathered in the largest buffer (the names' in news, the numbers' in a table of
    // figures), so that only the smaller ones are copied: resolve needs no order between
    // kinds.
    let doc = Document::new(text);
    let mut numbers = numbers::recognize(&doc);
    numbers.shrink_to_fit();
    let names = names::recognize(&doc);
    let quotes = quotes::recognize(&doc, &names);
    drop(doc);
    let mut parts = [names, quotes, numbers];
    parts.sort_unstable_by_key(|p| std::cmp::Reverse(p.len()));
    let [mut proposals, b, c] = parts;
    proposals.reserve_exact(b.len() + c.len());
    proposals.extend(b);
    proposals.extend(c);
    let mut result = resolve::resolve(text, proposals);
    result.spans.retain(|a| options.wants(a.kind()));
    result
}
