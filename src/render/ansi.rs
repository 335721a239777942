//! Terminal colors: the text with ANSI styles for each kind and type, and a legend.
//!
//! Nested spans combine their styles (a name inside a quote is both); a quote's
//! speaker is shown dimmed after it, `⟨Claudia Sheinbaum⟩`. Control characters of the
//! text (other than line breaks and tabs) are shown as visible symbols (`␛`, `␀`), so
//! an article cannot send escape sequences to the terminal.

use super::Event;
use crate::span::{Annotations, Kind, Label, NameType};

const RESET: &str = "\x1b[0m";

/// The SGR parameters of a label.
fn style(label: Label) -> &'static str {
    match label {
        Label::Quote(_) => "3;33",
        Label::Name(NameType::Person) => "1;36",
        Label::Name(NameType::Organization) => "1;35",
        Label::Name(NameType::Place) => "1;32",
        Label::Name(NameType::Other) => "1;34",
        Label::Number(_) => "1;31",
    }
}

fn sgr(out: &mut String, styles: &[&str]) {
    out.push_str(RESET);
    for s in styles {
        out.push_str("\x1b[");
        out.push_str(s);
        out.push('m');
    }
}

/// `text` with the spans of `found` whose kind is in `kinds` colored for a terminal.
pub fn colored(text: &str, found: &Annotations, kinds: &[Kind]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut styles: Vec<&str> = Vec::new();
    super::events(text, found, kinds, |e| match e {
        Event::Open(a) => {
            styles.push(style(a.label));
            sgr(&mut out, &styles);
        }
        Event::Text(t) => push_visible(&mut out, t),
        Event::Close(a) => {
            styles.pop();
            if let Some(sp) = a.speaker.as_ref().filter(|s| !s.name.is_empty()) {
                out.push_str(RESET);
                out.push_str("\x1b[2m⟨");
                push_visible(&mut out, &sp.name);
                out.push('⟩');
            }
            sgr(&mut out, &styles);
            if styles.is_empty() {
                // leave no empty reset behind a plain run
                out.truncate(out.len() - RESET.len());
                out.push_str(RESET);
            }
        }
    });
    out
}

/// Appends `s` with control characters made visible: C0 controls as their Control
/// Pictures (`␛`), DEL as `␡`, C1 controls as `�`; line breaks and tabs stay.
fn push_visible(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(c),
            '\0'..='\x1f' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\x7f' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A one-line legend of the styles of `kinds`.
pub fn legend(kinds: &[Kind]) -> String {
    let mut out = String::new();
    let mut shown: Vec<&str> = Vec::new();
    for label in Label::ALL {
        if !kinds.contains(&label.kind()) {
            continue;
        }
        let name = match label {
            Label::Quote(_) => "quote",
            Label::Number(_) => "number",
            Label::Name(_) => label.type_str(),
        };
        if shown.contains(&name) {
            continue;
        }
        shown.push(name);
        out.push_str(&format!("\x1b[{}m{name}{RESET}  ", style(label)));
    }
    if kinds.contains(&Kind::Quote) {
        out.push_str("\x1b[2m⟨speaker⟩\x1b[0m");
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Annotation, QuoteType};

    #[test]
    fn nested_styles_restore_the_outer_one() {
        let found = Annotations {
            spans: vec![
                Annotation::new(0..12, Label::Quote(QuoteType::Direct)),
                Annotation::new(4..8, Label::Name(NameType::Place)),
            ],
            entities: Vec::new(),
        };
        let s = colored("“ Ohio ”x", &found, &Kind::ALL);
        assert_eq!(
            s,
            "\x1b[0m\x1b[3;33m“ \x1b[0m\x1b[3;33m\x1b[1;32mOhio\x1b[0m\x1b[3;33m ”\x1b[0mx"
        );
        assert!(legend(&[Kind::Name]).contains("place"));
        let plain = colored("a\x1b[2Jb\0c\u{9b}d\n", &Annotations::default(), &Kind::ALL);
        assert_eq!(plain, "a␛[2Jb␀c\u{FFFD}d\n");
        assert!(!legend(&[Kind::Name]).contains("quote"));
    }
}
