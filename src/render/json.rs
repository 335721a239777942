//! JSON: the contract form of spans and entities, offsets in any [`Unit`].
//!
//! Two forms of the same contract: [`spans_json`] / [`entities_json`] build
//! `serde_json` values (the reference, easy to inspect), and [`write_spans`] /
//! [`write_entities`] / [`document_json`] write the same bytes straight into a string,
//! several times faster (what the CLI and the wasm bindings use). Keys are written in
//! sorted order, exactly as `serde_json` serializes its maps.

use crate::offsets::{Table, Unit};
use crate::span::{Annotation, Annotations, Span};
use serde_json::{json, Map, Value};
use std::fmt::Write as _;

/// Every offset the JSON of `found` carries, converted into `unit` in one pass.
pub(crate) fn offset_table<'a>(text: &'a str, found: &Annotations, unit: Unit) -> Table<'a> {
    let mut offsets: Vec<usize> = Vec::with_capacity(found.spans.len() * 2);
    for a in &found.spans {
        offsets.extend([a.span.start, a.span.end]);
        if let Some(m) = a.speaker.as_ref().and_then(|s| s.mention) {
            offsets.extend([m.start, m.end]);
        }
        if let Some(c) = a.cue {
            offsets.extend([c.start, c.end]);
        }
    }
    Table::new(text, unit, offsets)
}

/// The spans of `found` as JSON objects, offsets in `unit`, in the CLI's contract form:
/// `{"start", "end", "kind", "type", "text", ["entity"], ["speaker"], ["cue"], ["value"]}`.
pub fn spans_json(text: &str, found: &Annotations, unit: Unit) -> Vec<Value> {
    let table = offset_table(text, found, unit);
    let span_obj = |s: Span| (table.get(s.start), table.get(s.end));
    found
        .spans
        .iter()
        .map(|a| annotation_json(text, a, &span_obj))
        .collect()
}

fn annotation_json(text: &str, a: &Annotation, conv: &dyn Fn(Span) -> (usize, usize)) -> Value {
    let (start, end) = conv(a.span);
    let mut o = Map::new();
    o.insert("start".into(), json!(start));
    o.insert("end".into(), json!(end));
    o.insert("kind".into(), json!(a.kind().as_str()));
    o.insert("type".into(), json!(a.label.type_str()));
    o.insert("text".into(), json!(&text[a.span.range()]));
    if let Some(e) = a.entity {
        o.insert("entity".into(), json!(e));
    }
    if let Some(sp) = &a.speaker {
        let mut s = Map::new();
        if let Some(m) = sp.mention {
            let (ms, me) = conv(m);
            s.insert("start".into(), json!(ms));
            s.insert("end".into(), json!(me));
            s.insert("text".into(), json!(&text[m.range()]));
        }
        s.insert("name".into(), json!(sp.name));
        if let Some(e) = sp.entity {
            s.insert("entity".into(), json!(e));
        }
        o.insert("speaker".into(), Value::Object(s));
    }
    if let Some(c) = a.cue {
        let (cs, ce) = conv(c);
        o.insert(
            "cue".into(),
            json!({"start": cs, "end": ce, "text": &text[c.range()]}),
        );
    }
    if let Some(v) = &a.value {
        let mut m = Map::new();
        if let Some(x) = v.value {
            m.insert("value".into(), json!(x));
        }
        if let Some(x) = v.high {
            m.insert("high".into(), json!(x));
        }
        if let Some(x) = &v.unit {
            m.insert("unit".into(), json!(x));
        }
        if let Some(x) = &v.currency {
            m.insert("currency".into(), json!(x));
        }
        if let Some(x) = &v.iso {
            m.insert("iso".into(), json!(x));
        }
        o.insert("value".into(), Value::Object(m));
    }
    Value::Object(o)
}

/// The entities of `found` as JSON objects: `{"id", "name", "type", "mentions"}`.
pub fn entities_json(found: &Annotations) -> Vec<Value> {
    found
        .entities
        .iter()
        .map(|e| {
            json!({"id": e.id, "name": e.name,
                   "type": crate::span::Label::Name(e.kind).type_str(), "mentions": e.mentions})
        })
        .collect()
}

/// `{"entities":[...],"spans":[...]}` for `found`, offsets in `unit`: the same bytes as
/// serializing `{"spans": spans_json(..), "entities": entities_json(..)}` with `serde_json`.
pub fn document_json(text: &str, found: &Annotations, unit: Unit) -> String {
    let mut out = String::with_capacity(found.spans.len() * 128 + found.entities.len() * 64);
    out.push_str("{\"entities\":");
    write_entities(&mut out, found);
    out.push_str(",\"spans\":");
    write_spans(&mut out, text, found, unit);
    out.push('}');
    out
}

/// Appends the JSON array of [`spans_json`] to `out`, byte for byte as `serde_json`
/// writes it.
pub fn write_spans(out: &mut String, text: &str, found: &Annotations, unit: Unit) {
    let table = offset_table(text, found, unit);
    out.push('[');
    for (i, a) in found.spans.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_annotation(out, text, a, &table);
    }
    out.push(']');
}

/// Appends the JSON array of [`entities_json`] to `out`, byte for byte as `serde_json`
/// writes it.
pub fn write_entities(out: &mut String, found: &Annotations) {
    out.push('[');
    for (i, e) in found.entities.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"id\":{},\"mentions\":{},\"name\":",
            e.id, e.mentions
        );
        write_str(out, &e.name);
        out.push_str(",\"type\":");
        write_str(out, crate::span::Label::Name(e.kind).type_str());
        out.push('}');
    }
    out.push(']');
}

// Keys in sorted order, as serde_json's (BTreeMap) objects print them.
fn write_annotation(out: &mut String, text: &str, a: &Annotation, table: &Table) {
    out.push('{');
    if let Some(c) = a.cue {
        out.push_str("\"cue\":");
        write_range(out, text, c, table);
        out.push(',');
    }
    let _ = write!(out, "\"end\":{}", table.get(a.span.end));
    if let Some(e) = a.entity {
        let _ = write!(out, ",\"entity\":{e}");
    }
    out.push_str(",\"kind\":");
    write_str(out, a.kind().as_str());
    if let Some(sp) = &a.speaker {
        out.push_str(",\"speaker\":{");
        if let Some(m) = sp.mention {
            let _ = write!(out, "\"end\":{},", table.get(m.end));
        }
        if let Some(e) = sp.entity {
            let _ = write!(out, "\"entity\":{e},");
        }
        out.push_str("\"name\":");
        write_str(out, &sp.name);
        if let Some(m) = sp.mention {
            let _ = write!(out, ",\"start\":{},\"text\":", table.get(m.start));
            write_str(out, &text[m.range()]);
        }
        out.push('}');
    }
    let _ = write!(out, ",\"start\":{},\"text\":", table.get(a.span.start));
    write_str(out, &text[a.span.range()]);
    out.push_str(",\"type\":");
    write_str(out, a.label.type_str());
    if let Some(v) = &a.value {
        out.push_str(",\"value\":{");
        let mut first = true;
        let mut key = |out: &mut String, k: &str| {
            if !std::mem::take(&mut first) {
                out.push(',');
            }
            out.push('"');
            out.push_str(k);
            out.push_str("\":");
        };
        if let Some(x) = &v.currency {
            key(out, "currency");
            write_str(out, x);
        }
        if let Some(x) = v.high {
            key(out, "high");
            write_f64(out, x);
        }
        if let Some(x) = &v.iso {
            key(out, "iso");
            write_str(out, x);
        }
        if let Some(x) = &v.unit {
            key(out, "unit");
            write_str(out, x);
        }
        if let Some(x) = v.value {
            key(out, "value");
            write_f64(out, x);
        }
        out.push('}');
    }
    out.push('}');
}

/// `{"end":..,"start":..,"text":".."}`
fn write_range(out: &mut String, text: &str, s: Span, table: &Table) {
    let _ = write!(
        out,
        "{{\"end\":{},\"start\":{},\"text\":",
        table.get(s.end),
        table.get(s.start)
    );
    write_str(out, &text[s.range()]);
    out.push('}');
}

/// A number as `serde_json` writes an `f64` value: shortest round-trip form, `null` when
/// it is not finite.
fn write_f64(out: &mut String, x: f64) {
    match serde_json::Number::from_f64(x) {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

/// A JSON string as `serde_json` escapes it: `"` and `\`, the control characters
/// (`\b \t \n \f \r` by name, the others as `\u00xx`); everything else as it is.
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0; // start of the bytes not yet written
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0C => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1F => "",
            _ => continue,
        };
        // `i` is an ASCII byte, so both slices end on char boundaries
        out.push_str(&s[run..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        for s in [
            "",
            "plain",
            "“curly” \"straight\" back\\slash",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f} é 😀 \u{2028}",
        ] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn numbers_print_as_serde_json_does() {
        for x in [
            0.0,
            -0.0,
            5.0,
            2.5e9,
            1e21,
            1e-7,
            0.1,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut out = String::new();
            write_f64(&mut out, x);
            assert_eq!(out, json!(x).to_string());
        }
    }

    fn reference(text: &str, found: &Annotations, unit: Unit) -> String {
        json!({"spans": spans_json(text, found, unit), "entities": entities_json(found)})
            .to_string()
    }

    #[test]
    fn every_field_writes_as_the_reference_does() {
        use crate::span::{Label, NameType, NumberType, NumberValue, QuoteType, Speaker};
        let text = "“We paid \"$5\",” said Jo\u{0} 😀 Smith on Jan. 5.";
        let at = |s: &str| text.find(s).unwrap();
        let mut quote = Annotation::new(0..at(" said"), Label::Quote(QuoteType::Direct));
        quote.cue = Some(Span::new(at("said"), at(" Jo")));
        quote.speaker = Some(Speaker {
            mention: Some(Span::new(at("Jo"), at(" on"))),
            name: "Jo \"Smith\"\n".into(),
            entity: Some(0),
        });
        let mut bare = Annotation::new(0..3, Label::Quote(QuoteType::Scare));
        bare.speaker = Some(Speaker::default());
        let mut money = Annotation::new(at("$")..at("\",”"), Label::Number(NumberType::Money));
        money.value = Some(NumberValue {
            value: Some(5.0),
            high: Some(f64::NAN),
            unit: Some("kilo\tgram".into()),
            currency: Some("USD".into()),
            iso: Some("2025-01-05".into()),
        });
        let mut date = Annotation::new(at("Jan")..text.len() - 1, Label::Number(NumberType::Date));
        date.value = Some(NumberValue::default());
        let mut name = Annotation::new(at("Jo")..at(" on"), Label::Name(NameType::Person));
        name.entity = Some(0);
        let found = Annotations {
            spans: vec![quote, bare, money, name, date],
            entities: vec![crate::span::Entity {
                id: 0,
                name: "Jo\u{0} 😀 Smith".into(),
                kind: NameType::Person,
                mentions: 1,
            }],
        };
        for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
            assert_eq!(
                document_json(text, &found, unit),
                reference(text, &found, unit)
            );
        }
        let empty = Annotations::default();
        assert_eq!(
            document_json("", &empty, Unit::Utf16),
            reference("", &empty, Unit::Utf16)
        );
    }

    proptest! {
        #[test]
        fn annotated_text_writes_as_the_reference_does(t in "[A-Z][a-z]{0,8}( [A-Za-z0-9$%.,“”\"é😀]{1,10}){0,30}") {
            let found = crate::annotate(&t);
            for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
                prop_assert_eq!(document_json(&t, &found, unit), reference(&t, &found, unit));
            }
        }

        #[test]
        fn any_string_escapes_as_serde_json_does(s in "\\PC{0,20}|[\\x00-\\x7f]{0,20}") {
            let mut out = String::new();
            write_str(&mut out, &s);
            prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }
    }
}
