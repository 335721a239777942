//! HTML: the text with nested `<mark>` elements, alone or as a standalone page.
//!
//! Every mark carries `data-kind` and `data-type` (and `data-entity` for names,
//! `data-speaker` for attributed quotes), so a style sheet or a script can pick them out.
//! All text and attribute values are escaped.

use super::Event;
use crate::span::{Annotations, Kind, Label};

/// The text of `found` with its spans of `kinds` as `<mark>` elements (no page around it).
pub fn fragment(text: &str, found: &Annotations, kinds: &[Kind]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    super::events(text, found, kinds, |e| match e {
        Event::Open(a) => {
            out.push_str("<mark class=\"nm-");
            out.push_str(a.kind().as_str());
            out.push_str(" nm-");
            out.push_str(a.label.type_str());
            out.push_str("\" data-kind=\"");
            out.push_str(a.kind().as_str());
            out.push_str("\" data-type=\"");
            out.push_str(a.label.type_str());
            out.push('"');
            let mut title = a.label.type_str().to_string();
            if let Some(e) = a.entity {
                out.push_str(&format!(" data-entity=\"{e}\""));
            }
            if let Some(sp) = a.speaker.as_ref().filter(|s| !s.name.is_empty()) {
                out.push_str(" data-speaker=\"");
                escape_into(&mut out, &sp.name);
                out.push('"');
                title.push_str(" — ");
                title.push_str(&sp.name);
            }
            out.push_str(" title=\"");
            escape_into(&mut out, &title);
            out.push_str("\">");
        }
        Event::Text(t) => escape_into(&mut out, t),
        Event::Close(_) => out.push_str("</mark>"),
    });
    out
}

/// A standalone HTML page showing the text of `found` marked, with a legend.
pub fn page(text: &str, found: &Annotations, kinds: &[Kind]) -> String {
    let mut legend = String::new();
    for label in Label::ALL {
        if kinds.contains(&label.kind()) {
            legend.push_str(&format!(
                "<mark class=\"nm-{k} nm-{t}\" data-kind=\"{k}\" data-type=\"{t}\">{t}</mark> ",
                k = label.kind().as_str(),
                t = label.type_str()
            ));
        }
    }
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>newsmark</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<p class=\"legend\">{legend}</p>\n<div class=\"text\">{}</div>\n\
         </body>\n</html>\n",
        fragment(text, found, kinds)
    )
}

const STYLE: &str = "
body { font: 17px/1.6 Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
.text { white-space: pre-wrap; }
.legend { font: 13px/2 system-ui, sans-serif; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.nm-quote { background: #fde68a; }
mark.nm-quote.nm-scare { background: #fef3c7; }
mark.nm-person { background: #bfdbfe; }
mark.nm-organization { background: #ddd6fe; }
mark.nm-place { background: #bbf7d0; }
mark.nm-other { background: #e5e7eb; }
mark.nm-number { background: #fecaca; }
mark[data-speaker]::after { content: ' — ' attr(data-speaker); font-size: 75%; opacity: .7; }
";

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Annotation, NameType, QuoteType, Speaker};

    #[test]
    fn marks_nest_and_everything_is_escaped() {
        let text = "\"<b>Tom & Jo</b>\"";
        let mut q = Annotation::new(0..text.len(), Label::Quote(QuoteType::Direct));
        q.speaker = Some(Speaker {
            mention: None,
            name: "A \"B\" <C>".into(),
            entity: None,
        });
        let mut n = Annotation::new(4..12, Label::Name(NameType::Person));
        n.entity = Some(2);
        let found = Annotations {
            spans: vec![q, n],
            entities: Vec::new(),
        };
        let html = fragment(text, &found, &Kind::ALL);
        assert_eq!(
            html,
            "<mark class=\"nm-quote nm-direct\" data-kind=\"quote\" data-type=\"direct\" \
             data-speaker=\"A &quot;B&quot; &lt;C&gt;\" title=\"direct — A &quot;B&quot; &lt;C&gt;\">\
             &quot;&lt;b&gt;<mark class=\"nm-name nm-person\" data-kind=\"name\" data-type=\"person\" \
             data-entity=\"2\" title=\"person\">Tom &amp; Jo</mark>&lt;/b&gt;&quot;</mark>"
        );
        let page = page(text, &found, &[Kind::Name]);
        assert!(page.starts_with("<!doctype html>"));
        assert!(!page.contains("data-type=\"direct\""));
        assert!(page.contains("Tom &amp; Jo</mark>"));
    }
}
