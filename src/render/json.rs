//! JSON: the contract form of spans and entities, offsets in any [`Unit`].

use crate::offsets::{Converter, Unit};
use crate::span::{Annotation, Annotations, Span};
use serde_json::{json, Map, Value};

/// The spans of `found` as JSON objects, offsets in `unit`, in the CLI's contract form:
/// `{"start", "end", "kind", "type", "text", ["entity"], ["speaker"], ["cue"], ["value"]}`.
pub fn spans_json(text: &str, found: &Annotations, unit: Unit) -> Vec<Value> {
    // one forward pass: collect every offset, convert in ascending order
    let mut offsets: Vec<usize> = Vec::new();
    for a in &found.spans {
        offsets.extend([a.span.start, a.span.end]);
        if let Some(m) = a.speaker.as_ref().and_then(|s| s.mention) {
            offsets.extend([m.start, m.end]);
        }
        if let Some(c) = a.cue {
            offsets.extend([c.start, c.end]);
        }
    }
    offsets.sort_unstable();
    offsets.dedup();
    let mut conv = Converter::new(text, unit);
    let converted: Vec<usize> = offsets.iter().map(|&b| conv.convert(b)).collect();
    let at = |b: usize| converted[offsets.partition_point(|&o| o < b)];
    let span_obj = |s: Span| (at(s.start), at(s.end));
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
