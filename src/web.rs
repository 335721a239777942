//! Web addresses in a text, found once for every stage ([`crate::segment::Document::urls`]):
//! the numbers stage reads no figures in them and the names stage no names.

use crate::scan::bytes_equal;
use crate::span::Span;

/// The longest scheme read before `://` (“https”, “ftp”, “svn+ssh”).
const MAX_SCHEME: usize = 16;

/// The web addresses of `text` (bytes), in order and disjoint: a scheme and `://`
/// (`https://…`, `FTP://…`), or `www.` after no letter or digit, in any case, up to a
/// space, a quote or a bracket, without the punctuation that ends a sentence.
pub fn addresses(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut k = 0;
    for p in starts(text) {
        if p < k {
            continue;
        }
        let (url, len) = extent(text, p);
        out.push(url);
        k = p + len.max(1);
    }
    out
}

/// The address starting at byte `p` of `text` (up to a space, a quote or a bracket,
/// without the punctuation that ends a sentence), and the length of the run before that
/// trim, where the search for the next address resumes. `p` is the start of an ASCII
/// scheme or `www`, so a character boundary.
fn extent(text: &str, p: usize) -> (Span, usize) {
    let rest = text.get(p..).unwrap_or_default();
    let len = rest
        .find(|c: char| c.is_whitespace() || "\"<>“”‘’«»[]{}|".contains(c))
        .unwrap_or(rest.len());
    let url = rest
        .get(..len)
        .unwrap_or_default()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    (Span::new(p, p + url.len()), len)
}

/// True for the bytes of a scheme (RFC 3986: letters, digits, `+`, `-`; a dot is left out,
/// so that “e.g.http://” starts at “http”).
fn scheme_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-')
}

/// Every byte where a web address may start, in order: a scheme before `://` (found by
/// its colon: a letter, then scheme bytes, with no scheme byte before it), and `www.`
/// after no letter or digit (found by its period). Colons and periods are found eight
/// bytes at a time in one pass instead of a test of every byte.
fn starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut at = |p: usize| {
        let before = b.get(..p).unwrap_or_default();
        if b.get(p) == Some(&b':') {
            if !b.get(p..).is_some_and(|r| r.starts_with(b"://")) {
                return;
            }
            let len = before
                .iter()
                .rev()
                .take(MAX_SCHEME + 1)
                .take_while(|&&c| scheme_byte(c))
                .count();
            let s = p - len;
            if (1..=MAX_SCHEME).contains(&len) && b.get(s).is_some_and(u8::is_ascii_alphabetic) {
                out.push(s);
            }
        } else if let Some(www) = before.len().checked_sub(3).and_then(|s| b.get(s..p)) {
            // every `www.` has its period three bytes on
            let s = p - 3;
            if www.eq_ignore_ascii_case(b"www")
                && !s
                    .checked_sub(1)
                    .and_then(|q| b.get(q))
                    .is_some_and(u8::is_ascii_alphanumeric)
            {
                out.push(s);
            }
        }
    };
    let chunks = b.chunks_exact(8);
    let tail = b.len() - chunks.remainder().len();
    for (k, c) in chunks.enumerate() {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        let mut m = bytes_equal(x, b':') | bytes_equal(x, b'.');
        while m != 0 {
            at(k * 8 + (m.trailing_zeros() / 8) as usize);
            m &= m - 1;
        }
    }
    for (p, &c) in b.iter().enumerate().skip(tail) {
        if matches!(c, b':' | b'.') {
            at(p);
        }
    }
    // in order: a scheme holds no colon or period, and `www` none of `://`, so no start
    // found at a later mark lies before one found at an earlier one
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The addresses found by testing every byte for a start: the reference the search
    /// by colons and periods must match (an address's extent is the same [`extent`] in
    /// both).
    fn byte_by_byte(text: &str) -> Vec<Span> {
        let b = text.as_bytes();
        let mut out: Vec<Span> = Vec::new();
        let mut k = 0;
        let alnum_before = |p: usize| p > 0 && b[p - 1].is_ascii_alphanumeric();
        let scheme_before = |p: usize| p > 0 && scheme_byte(b[p - 1]);
        while let Some(p) = (k..b.len()).find(|&p| {
            let rest = &b[p..];
            let scheme = rest.iter().take_while(|&&c| scheme_byte(c)).count();
            let is_scheme = b[p].is_ascii_alphabetic()
                && !scheme_before(p)
                && (1..=MAX_SCHEME).contains(&scheme)
                && rest[scheme..].starts_with(b"://");
            let is_www =
                rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"www.") && !alnum_before(p);
            is_scheme || is_www
        }) {
            let (url, len) = extent(text, p);
            out.push(url);
            k = p + len.max(1);
        }
        out
    }

    fn found(text: &str) -> Vec<&str> {
        addresses(text)
            .into_iter()
            .map(|u| &text[u.range()])
            .collect()
    }

    #[test]
    fn addresses_are_found_in_any_case_and_scheme() {
        assert_eq!(
            found("See https://example.org/a?b=1. Then WWW.Example.com/2019/05, (ftp://x.y/z)"),
            [
                "https://example.org/a?b=1",
                "WWW.Example.com/2019/05",
                "ftp://x.y/z"
            ]
        );
        assert_eq!(
            found("e.g.http://a.b/c and svn+ssh://d.e"),
            ["http://a.b/c", "svn+ssh://d.e"]
        );
        // no address: a colon without slashes, “www” inside a word, a scheme too long
        assert!(found("Note: www is wwww.a.b and twww.c.d; abcdefghijklmnopq://x").is_empty());
    }

    #[test]
    fn addresses_are_found_as_byte_by_byte() {
        for text in [
            "",
            "see https://example.org/a?b=1. Then www.example.org, and http://x.y/z)",
            "xhttp://a.b nohttps://c.d awww.e.f (www.g.h) www.www.i https://www.j.k",
            "http://a.b/c,http://d.e\u{a0}www.f.g “https://h.i” ß:// é www.x",
            "http:// https:/ www. wwww.a.b http://http:// WWW.http://a",
        ] {
            assert_eq!(addresses(text), byte_by_byte(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        #[test]
        fn addresses_match_the_byte_by_byte_search(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "http", "HTTPS", "ftp", "://", ":", "/", "www", "WwW", ".", "w", "h", "s",
                    "a", "1", "+", "-", " ", ",", ")", "“", "é", "\n", "x.y",
                ]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(addresses(&text), byte_by_byte(&text));
        }
    }
}
