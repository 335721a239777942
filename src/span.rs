//! The data every stage hands to the next: byte spans, kinds and types, annotations.
//!
//! All offsets here are UTF-8 **byte** offsets into the annotated text, half-open
//! (`start..end`) and always on `char` boundaries. Conversion to other units happens
//! only at the edges (see [`crate::offsets`]).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Index, Range};

/// A half-open range of UTF-8 byte offsets, `start..end`, on `char` boundaries.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is expected.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range<usize>` of bytes.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely within `self`.
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when the spans overlap and neither contains the other.
    #[inline]
    pub const fn crosses(self, other: Span) -> bool {
        self.overlaps(other) && !self.contains(other) && !other.contains(self)
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// What was found: the three kinds newsmark marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quotation.
    Quote,
    /// A name of a person, organization, place or other entity.
    Name,
    /// A figure: count, amount, percentage, quantity, date, time, range.
    Number,
}

impl Kind {
    /// All kinds, in output order of precedence.
    pub const ALL: [Kind; 3] = [Kind::Quote, Kind::Name, Kind::Number];

    /// The lowercase name used in JSON and the page (`"quote"`, `"name"`, `"number"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Name => "name",
            Kind::Number => "number",
        }
    }
}

/// The type of a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteType {
    /// Quoted speech or writing attributed (or attributable) to someone.
    Direct,
    /// A quoted fragment inside reported speech (`called the plan “a disaster”`).
    Partial,
    /// A quoted term nobody is reported to have said (a scare quote, a title).
    Scare,
}

/// The type of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameType {
    /// A person.
    Person,
    /// A company, agency, party, team, newspaper, …
    Organization,
    /// A country, region, city, landmark, …
    Place,
    /// Nationalities, events, products and other named things.
    Other,
}

/// The type of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberType {
    /// A count or plain figure: “two”, “119 million”.
    Cardinal,
    /// “first”, “21st”.
    Ordinal,
    /// “25%”, “25 percent”.
    Percent,
    /// “$40 billion”, “€4.5bn”.
    Money,
    /// A figure with a unit: “thousands of kilograms”, “5 km”.
    Quantity,
    /// “April 16”, “2025-04-16”, “the 1990s”.
    Date,
    /// “3:30 p.m.”.
    Time,
    /// “five years”.
    Duration,
    /// “18 to 44”, “2010–2012”.
    Range,
}

/// Kind and type together: what an annotation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// A quote and its type.
    Quote(QuoteType),
    /// A name and its type.
    Name(NameType),
    /// A number and its type.
    Number(NumberType),
}

impl Label {
    /// The kind of this label.
    pub const fn kind(self) -> Kind {
        match self {
            Label::Quote(_) => Kind::Quote,
            Label::Name(_) => Kind::Name,
            Label::Number(_) => Kind::Number,
        }
    }

    /// The lowercase type name used in JSON and the page (`"person"`, `"date"`, …).
    pub const fn type_str(self) -> &'static str {
        match self {
            Label::Quote(QuoteType::Direct) => "direct",
            Label::Quote(QuoteType::Partial) => "partial",
            Label::Quote(QuoteType::Scare) => "scare",
            Label::Name(NameType::Person) => "person",
            Label::Name(NameType::Organization) => "organization",
            Label::Name(NameType::Place) => "place",
            Label::Name(NameType::Other) => "other",
            Label::Number(NumberType::Cardinal) => "cardinal",
            Label::Number(NumberType::Ordinal) => "ordinal",
            Label::Number(NumberType::Percent) => "percent",
            Label::Number(NumberType::Money) => "money",
            Label::Number(NumberType::Quantity) => "quantity",
            Label::Number(NumberType::Date) => "date",
            Label::Number(NumberType::Time) => "time",
            Label::Number(NumberType::Duration) => "duration",
            Label::Number(NumberType::Range) => "range",
        }
    }

    /// Every label, for legends and parsers.
    pub const ALL: [Label; 16] = [
        Label::Quote(QuoteType::Direct),
        Label::Quote(QuoteType::Partial),
        Label::Quote(QuoteType::Scare),
        Label::Name(NameType::Person),
        Label::Name(NameType::Organization),
        Label::Name(NameType::Place),
        Label::Name(NameType::Other),
        Label::Number(NumberType::Cardinal),
        Label::Number(NumberType::Ordinal),
        Label::Number(NumberType::Percent),
        Label::Number(NumberType::Money),
        Label::Number(NumberType::Quantity),
        Label::Number(NumberType::Date),
        Label::Number(NumberType::Time),
        Label::Number(NumberType::Duration),
        Label::Number(NumberType::Range),
    ];

    /// The label whose type name is `name` (type names are unique across kinds).
    pub fn from_type_str(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.type_str() == name)
    }
}

/// Who said a quote: the mention in the text and the entity it resolves to.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Speaker {
    /// The mention that names or refers to the speaker (“she”, “the minister”,
    /// “Sheinbaum”), when there is one in the text.
    pub mention: Option<Span>,
    /// The resolved name of the speaker (“Claudia Sheinbaum”), or the mention's own
    /// text when it resolves to no named entity.
    pub name: String,
    /// The entity id of the speaker, when the speaker is a named entity of the document.
    pub entity: Option<u32>,
}

/// The normalized value of a number.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NumberValue {
    /// The figure (for a range, its low end). `119 million` → `119000000.0`.
    pub value: Option<f64>,
    /// The high end of a range.
    pub high: Option<f64>,
    /// The unit of a quantity, duration or percentage (`"kg"`, `"year"`, `"%"`).
    pub unit: Option<String>,
    /// ISO 4217 code of an amount of money (`"USD"`).
    pub currency: Option<String>,
    /// A date or time in ISO 8601 form, with `X` for unknown digits (`"XXXX-04-16"`).
    pub iso: Option<String>,
}

/// One finding: a span of the text, what it is, and what belongs to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// Where it is (bytes).
    pub span: Span,
    /// What it is.
    pub label: Label,
    /// For names: the entity id shared by every mention of one entity in the document.
    pub entity: Option<u32>,
    /// For quotes: who said it.
    pub speaker: Option<Speaker>,
    /// For quotes: the cue (“said”, “according to”) that attributes it.
    pub cue: Option<Span>,
    /// For numbers: the normalized value.
    pub value: Option<NumberValue>,
}

impl Annotation {
    /// A bare annotation with nothing attached.
    pub fn new(span: impl Into<Span>, label: Label) -> Annotation {
        Annotation {
            span: span.into(),
            label,
            entity: None,
            speaker: None,
            cue: None,
            value: None,
        }
    }

    /// The kind of this annotation.
    pub fn kind(&self) -> Kind {
        self.label.kind()
    }
}

/// An entity of the document: the mentions that refer to one person, organization,
/// place or other named thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its id, as found in [`Annotation::entity`].
    pub id: u32,
    /// Its fullest name in the document (“Claudia Sheinbaum”).
    pub name: String,
    /// Its type.
    pub kind: NameType,
    /// How many mentions it has.
    pub mentions: u32,
}

/// The result of annotating one text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Annotations {
    /// Every finding, sorted by start then by longest first; spans nest or are disjoint,
    /// never cross.
    pub spans: Vec<Annotation>,
    /// The named entities, by id.
    pub entities: Vec<Entity>,
}
