//! Document-level post-rules and linking of the tagger's mentions.
//!
//! In order:
//! 1. **Trim**: a title (“President”, “Sen.”) opening a person's name and a possessive
//!    “’s” closing any name are taken off the span.
//! 2. **Acronyms**: a name followed by its initials in brackets (“Drug Enforcement
//!    Administration (DEA)”) makes the initials a mention of the same entity, here and
//!    wherever else they occur.
//! 3. **Entities**: mentions with the same words are one entity; a bare surname (or any
//!    trailing part of a person's name) joins the nearest preceding person whose full name
//!    ends with it, or else the first such person.
//! 4. **Types**: every mention of an entity takes one type, so a name typed once keeps
//!    that type: the type with the largest sum of the tagger's margins over the mentions
//!    it typed itself (a type carried clearly by a few mentions beats one carried by a
//!    hair by more), else the type most mentions carry (ties go to the longest one's).
//! 5. **Propagation**: a capitalized occurrence of an entity's words that the tagger
//!    missed becomes a mention too.

use super::lists::{
    self, CITY, COUNTRY, DEMONYM, GIVEN, MEDIA, ORG_SUFFIX, ORG_WORD, REGION, SURNAME, TITLE,
};
use super::model::TYPES;
use super::Mention;
use crate::numbers::lexicon::Fnv;
use crate::segment::{Document, TokenKind};
use crate::span::{Annotation, Label, Span};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// Maps and sets of a document's words and entity ids: FNV, no SipHash (nothing here
/// iterates them, so their order cannot show).
type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type Set<K> = HashSet<K, BuildHasherDefault<Fnv>>;

const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Applies the post-rules and returns the names as annotations with entity ids.
pub fn link(doc: &Document, mentions: Vec<Mention>) -> Vec<Annotation> {
    let mut ms: Vec<Mention> = mentions
        .into_iter()
        .filter(|m| !abbreviation(doc, m.tokens.clone()))
        .filter_map(|m| trim(doc, m))
        .collect();
    ms.sort_by_key(|m| m.tokens.start);
    org_words(doc, &mut ms);
    of_names(doc, &mut ms);
    given_names(doc, &mut ms);
    lowercase_places(doc, &mut ms);
    lone_given_names(doc, &mut ms);
    forms_of_address(doc, &mut ms);
    post_nominals(doc, &mut ms);
    storms(doc, &mut ms);
    acronyms(doc, &mut ms);
    propagate(doc, &mut ms);
    // again: the same letters as a place elsewhere (“Baltimore, MD”) propagate to them
    post_nominals(doc, &mut ms);
    designations(doc, &mut ms);
    let (entity, people, word_bits) = entities(doc, &ms);
    retype(doc, &mut ms, &entity, &people, &word_bits);
    ms.iter()
        .zip(&entity)
        .filter_map(|(m, &e)| {
            let first = doc.tokens.get(m.tokens.start)?;
            let last = doc.tokens.get(m.tokens.end.checked_sub(1)?)?;
            let mut a = Annotation::new(
                Span::new(first.span.start, last.span.end),
                Label::Name(TYPES[m.ty.min(3)]),
            );
            a.entity = Some(e);
            Some(a)
        })
        .collect()
}

fn text_of<'a>(doc: &Document<'a>, i: usize) -> &'a str {
    doc.tokens.get(i).map_or("", |t| doc.slice(t.span))
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

fn capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// [`capitalized`] with a lowercase letter after the first character (“Claudia”, not
/// “NATO” or “I”), without decoding characters when the word is ASCII.
fn name_shaped(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii() => {
            c.is_ascii_uppercase()
                && (b[1..].iter().any(u8::is_ascii_lowercase)
                    || w.get(1..).is_some_and(|rest| {
                        !rest.is_ascii() && rest.chars().any(char::is_lowercase)
                    }))
        }
        Some(_) => capitalized(w) && w.chars().skip(1).any(char::is_lowercase),
        None => false,
    }
}

/// A lowercase word that cannot end a name: a contraction (“wasn't”), an abbreviation
/// (“etc.”) or a function word. Other lowercase words may (“Huallaga river” in some
/// guidelines).
fn lowercase_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
        && s.chars()
            .all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '.'))
        && (s.contains(['\'', '’', '.'])
            || FUNCTION_WORDS.contains(&s)
            || matches!(s, "de" | "etc"))
}

/// Articles, conjunctions and prepositions that begin or end no name (the inner ones stay:
/// “Bank of England”).
const FUNCTION_WORDS: [&str; 14] = [
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// A listed title, or the plural of one (“Senators”); `bits` are the word's list
/// categories.
fn is_title(w: &str, bits: u16) -> bool {
    let lists = lists::lists();
    bits & TITLE != 0
        || w.strip_suffix('s')
            .is_some_and(|one| one.chars().count() > 2 && lists.word(one) & TITLE != 0)
}

/// True when token `i` labels a caption's credit or source: “Image”, “Photo” and the like
/// before a colon (“… tweet to Ahmed Mohamed Image: Twitter”).
fn credit_label(doc: &Document, i: usize) -> bool {
    matches!(
        text_of(doc, i),
        "Image"
            | "Images"
            | "Photo"
            | "Photos"
            | "Photograph"
            | "Picture"
            | "Credit"
            | "Source"
            | "Video"
            | "Caption"
            | "File"
    ) && text_of(doc, i + 1) == ":"
}

/// True when `w` is the name of a file (“CrudeStocks.pdf”, “report.docx”): no name of a
/// person, organization or place, whatever its capitals.
fn file_name(w: &str) -> bool {
    const EXTENSIONS: [&str; 18] = [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "rtf", "jpg", "jpeg",
        "png", "gif", "zip", "exe", "mp3", "mp4",
    ];
    // the dot is among the last five bytes (most tokens have none): found from the end
    let b = w.as_bytes();
    let dot = b
        .iter()
        .rev()
        .take(5)
        .position(|&c| c == b'.')
        .map(|k| b.len() - 1 - k);
    dot.is_some_and(|d| {
        d > 0
            && w.get(d + 1..)
                .is_some_and(|ext| EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
    })
}

/// True when token `i` is (part of) a web address ([`Document::urls`]).
fn web_address(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        let at = doc.urls.partition_point(|u| u.end <= t.span.start);
        doc.urls.get(at).is_some_and(|u| u.start < t.span.end)
    })
}

/// True when the tokens `r` are part of an e-mail address, a handle or a file's name:
/// right after an `@` or `_` (“@IanHanchett”), right before an `_` (“Lisa_resume.doc”), or,
/// one word, before an `@` with only dots, hyphens, letters and digits between
/// (“franz371...@gmail”).
fn identifier(doc: &Document, r: Range<usize>) -> bool {
    let last = r.end.checked_sub(1).and_then(|e| doc.tokens.get(e));
    let (Some(first), Some(last)) = (doc.tokens.get(r.start), last) else {
        return false;
    };
    let bytes = doc.text.as_bytes();
    let after = bytes.get(last.span.end..).unwrap_or_default();
    let before = first.span.start.checked_sub(1).and_then(|b| bytes.get(b));
    matches!(before, Some(b'@' | b'_'))
        || after.first() == Some(&b'_')
        // (a name of several words before an @ is a person's in a mail header: “Traci
        // Warner@ENRON”)
        || r.len() == 1
            && after
            .iter()
            .take(32)
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'@'))
            .any(|&c| c == b'@')
}

/// True when `r` is “OK” alone, the interjection: Oklahoma's code only after a town and a
/// comma (“Tulsa, OK”).
fn interjection(doc: &Document, r: Range<usize>) -> bool {
    let s = r.start;
    r.len() == 1
        && doc.tokens.get(s).is_some_and(|t| t.span.len() == 2)
        && matches!(text_of(doc, s), "OK" | "Ok")
        && !(s >= 2 && text_of(doc, s - 1) == "," && capitalized(text_of(doc, s - 2)))
}

/// Abbreviations of common words that name nothing, in capitals: offices, documents,
/// measures, formats and the shorthand of mail and chat. Written for the project; sorted.
/// Left out: those that are also names (“ETA”, “CPA” the Coalition Provisional Authority,
/// “OK” and “ID” the states' codes, “AI”, “TV”).
const ABBREVIATIONS: [&str; 56] = [
    "AKA", "AM", "ASAP", "ASCII", "ATM", "BTW", "CEO", "CFO", "CIO", "COO", "CPU", "CTO", "DIY",
    "DOB", "DVD", "EOD", "EVP", "FAQ", "FWIW", "FYI", "GDP", "GNP", "HDTV", "HR", "HTML", "HTTP",
    "IMHO", "IMO", "IQ", "IRR", "LCD", "LED", "LMAO", "LOL", "MBA", "OMG", "PDF", "PIN", "PM",
    "PS", "RFP", "RFQ", "ROFL", "ROI", "RSVP", "SMS", "SSN", "SVP", "TBA", "TBD", "TBH", "URL",
    "USB", "VHS", "VP", "WTF",
];

/// True when `r` is one word, one of [`ABBREVIATIONS`] or its plural (“CEOs”): the
/// tagger takes a word in capitals it has not seen for an organization (“send the RFP to
/// HR ASAP”). A post-rule, not a feature: the training data hardly has them. Applied to
/// the tagger's mentions only, before the acronym rule, which still links one to the
/// name it abbreviates in the text.
fn abbreviation(doc: &Document, r: Range<usize>) -> bool {
    if r.len() != 1 {
        return false;
    }
    let w = text_of(doc, r.start);
    let one = w.strip_suffix('s').filter(|s| s.len() >= 2).unwrap_or(w);
    ABBREVIATIONS.binary_search(&one).is_ok()
}

/// Takes punctuation at either end, a person's leading titles and any name's trailing
/// possessive off the span, and
/// types a nationality or a people `other`; `None` when nothing of a name is left.
pub fn trim(doc: &Document, mut m: Mention) -> Option<Mention> {
    let lists = lists::lists();
    let punct = |i: usize| {
        doc.tokens
            .get(i)
            .map_or(true, |t| t.kind == TokenKind::Punct)
    };
    while m.tokens.len() > 1 && punct(m.tokens.start) {
        m.tokens.start += 1;
    }
    // a name never ends on a contraction, an abbreviation or a function word (“Kim
    // wasn't”, “BBC etc.”), nor on the label of a caption's credit (“… Mohamed Image:”);
    // inner ones stay (“Bank of England”)
    while m.tokens.len() > 1
        && (is_possessive(text_of(doc, m.tokens.end - 1))
            || punct(m.tokens.end - 1)
            || lowercase_word(text_of(doc, m.tokens.end - 1))
            || credit_label(doc, m.tokens.end - 1))
    {
        m.tokens.end -= 1;
    }
    // the list categories of a token, the last one asked kept: the first word of a
    // person's name is asked up to three times below
    let mut memo: Option<(usize, u16)> = None;
    let mut bits = |i: usize| match memo {
        Some((j, b)) if j == i => b,
        _ => {
            let b = lists.word(text_of(doc, i));
            memo = Some((i, b));
            b
        }
    };
    if m.ty == PERSON {
        // leading titles, the first capitalized and the rest in either case (“Lieutenant
        // colonel Fuad Basya”), when a capitalized word is left after them
        let mut k = m.tokens.start;
        while k + 1 < m.tokens.end
            && (k > m.tokens.start || capitalized(text_of(doc, k)))
            && bits(k) & TITLE != 0
        {
            k += 1;
        }
        if capitalized(text_of(doc, k)) {
            m.tokens.start = k;
        }
    }
    let only = text_of(doc, m.tokens.start);
    if m.tokens.len() == 1 && (is_possessive(only) || !only.chars().any(char::is_alphanumeric)) {
        return None;
    }
    if interjection(doc, m.tokens.clone())
        || identifier(doc, m.tokens.clone())
        || m.tokens
            .clone()
            .any(|i| file_name(text_of(doc, i)) || web_address(doc, i))
    {
        return None;
    }
    // a title alone (“the President”), or titles in the plural (“Senators”), is no name
    if m.ty == PERSON && m.tokens.clone().all(|i| is_title(text_of(doc, i), bits(i))) {
        return None;
    }
    // a nationality or a people, even of people (“Americans”, “Sunni Muslims”), is of
    // type other: every word of the name is one
    let people = |i: usize| {
        // one look-up for the word, a second only when it ends in “s”
        let one = bits(i);
        let without_s = text_of(doc, i)
            .strip_suffix('s')
            .map_or(one, |singular| lists.word(singular));
        (one | without_s) & DEMONYM != 0 && one & COUNTRY == 0
    };
    if m.tokens.clone().all(people) {
        m.ty = OTHER;
    }
    // a place name ending in a word of newspapers and broadcasters is their name
    // (“Jerusalem Post”, “Fox Noticias”)
    if m.ty == PLACE
        && m.tokens.len() > 1
        && lists.word(text_of(doc, m.tokens.end - 1)) & MEDIA != 0
    {
        m.ty = ORGANIZATION;
    }
    // a person's name before a word of plans, laws and treaties names the document (“the
    // Marshall Plan”, “the Monroe Doctrine”): type other
    if m.ty == PERSON
        && m.tokens.len() > 1
        && matches!(
            text_of(doc, m.tokens.end - 1),
            "Plan"
                | "Doctrine"
                | "Act"
                | "Treaty"
                | "Accord"
                | "Accords"
                | "Agreement"
                | "Convention"
                | "Protocol"
        )
    {
        m.ty = OTHER;
    }
    // a part of a law or a document by its number (“Title IV”, “Article 5”, “Chapter
    // 11”) is no person, organization or place: type other, as the plans and treaties
    if m.tokens.len() == 2
        && matches!(
            text_of(doc, m.tokens.start),
            "Title"
                | "Article"
                | "Section"
                | "Chapter"
                | "Part"
                | "Rule"
                | "Amendment"
                | "Paragraph"
                | "Clause"
                | "Schedule"
                | "Annex"
        )
        && numbered(text_of(doc, m.tokens.start + 1))
    {
        m.ty = OTHER;
    }
    (!m.tokens.is_empty() && m.tokens.end <= doc.tokens.len()).then_some(m)
}

/// True when `w` numbers a part of a text: digits, perhaps with a letter after them
/// (“11”, “230”, “5A”), or a Roman numeral up to XXXIX in capitals (“IV”, “I”).
fn numbered(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_uppercase());
    (!digits.is_empty()
        && w.len() - digits.len() <= 1
        && digits.bytes().all(|b| b.is_ascii_digit()))
        || crate::numbers::lexicon::roman(w).is_some_and(|v| v < 40)
}

/// The words of a mention, joined by single spaces: the key that makes two mentions
/// the same entity.
fn key(doc: &Document, r: Range<usize>) -> String {
    let mut s = String::new();
    for i in r {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(text_of(doc, i));
    }
    s
}

/// [`key`] borrowed from the text when the tokens stand one space apart there (most
/// names), built only otherwise.
fn key_of<'a>(doc: &Document<'a>, r: Range<usize>) -> Cow<'a, str> {
    let spaced = r.start < r.end
        && r.end <= doc.tokens.len()
        && doc.tokens[r.start..r.end].windows(2).all(|w| {
            w[1].span.start == w[0].span.end + 1
                && doc.text.as_bytes().get(w[0].span.end) == Some(&b' ')
        });
    let text = doc
        .tokens
        .get(r.start)
        .zip(r.end.checked_sub(1).and_then(|e| doc.tokens.get(e)))
        .and_then(|(first, last)| doc.text.get(first.span.start..last.span.end));
    match text {
        Some(t) if spaced => Cow::Borrowed(t),
        _ => Cow::Owned(key(doc, r)),
    }
}

/// The length of [`key`] of the same tokens, without building it.
fn key_len(doc: &Document, r: Range<usize>) -> usize {
    let mut len = 0;
    for i in r {
        if len != 0 {
            len += 1;
        }
        len += text_of(doc, i).len();
    }
    len
}

fn initials(doc: &Document, r: Range<usize>) -> String {
    r.map(|i| text_of(doc, i))
        .filter(|w| capitalized(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A name followed by capitalized words that mark organizations (“Drug Enforcement”
/// + “Administration”, “Acme” + “Corp.”) takes them in and becomes an organization.
fn org_words(doc: &Document, ms: &mut [Mention]) {
    let lists = lists::lists();
    let starts: Vec<usize> = ms.iter().map(|m| m.tokens.start).collect();
    for (k, m) in ms.iter_mut().enumerate() {
        let next_start = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let mut end = m.tokens.end;
        while end < next_start && end < doc.tokens.len() {
            let w = text_of(doc, end);
            if doc.tokens[end].kind == TokenKind::Word
                && capitalized(w)
                && lists.word(w) & (ORG_WORD | ORG_SUFFIX) != 0
            {
                end += 1;
            } else {
                break;
            }
        }
        if end > m.tokens.end {
            m.tokens.end = end;
            m.ty = ORGANIZATION;
        }
    }
}

/// True when capitalized `w` is a determiner or a function word (“The”, “Its”, “In”),
/// which opens no name of the form “Medical Journal of Australia”.
fn determiner_or_function(w: &str) -> bool {
    const MORE: [&str; 12] = [
        "as", "her", "his", "into", "its", "our", "that", "their", "these", "this", "those", "your",
    ];
    w.len() <= 5
        && FUNCTION_WORDS
            .iter()
            .chain(&MORE)
            .any(|f| f.eq_ignore_ascii_case(w))
}

/// A capitalized organization word, “of” (and “the”) before a place make one organization
/// with it and the capitalized words before it (“University of Michigan”, “Bank of
/// England”, “Medical Journal of Australia”), unless the organization word ends a name
/// already (“Standard Oil Company” of “New York”). A university's campus after a comma
/// joins it (“University of California, Davis”).
fn of_names(doc: &Document, ms: &mut Vec<Mention>) {
    let lists = lists::lists();
    let mut merged = false;
    for k in 0..ms.len() {
        let Some(m) = ms.get(k) else { break };
        if m.ty != PLACE || m.tokens.is_empty() {
            continue;
        }
        let s = m.tokens.start;
        let of = if text_of(doc, s.wrapping_sub(1)) == "the" {
            s.wrapping_sub(2)
        } else {
            s.wrapping_sub(1)
        };
        let Some(word) = of.checked_sub(1) else {
            continue;
        };
        let w = text_of(doc, word);
        if text_of(doc, of) != "of"
            || !capitalized(w)
            || doc.tokens.get(word).map(|t| t.kind) != Some(TokenKind::Word)
            || lists.word(w) & ORG_WORD == 0
        {
            continue;
        }
        // where the name before ends: one that holds the organization word is whole
        // already (“Standard Oil Company” of “New York”)
        let floor = k
            .checked_sub(1)
            .and_then(|j| ms.get(j))
            .map_or(0, |prev| prev.tokens.end);
        if floor > word {
            continue;
        }
        // and the capitalized words before it (“Medical Journal” of “Australia”), back to
        // the name before
        let mut start = word;
        while start > floor
            && doc.tokens.get(start - 1).map(|t| t.kind) == Some(TokenKind::Word)
            && capitalized(text_of(doc, start - 1))
            && !determiner_or_function(text_of(doc, start - 1))
        {
            start -= 1;
        }
        if let Some(m) = ms.get_mut(k) {
            m.tokens.start = start;
            m.ty = ORGANIZATION;
            m.margins = [0.0; 4];
        }
        // a university's campus after a comma is part of its name (“University of
        // California, Davis,”): the name there, a place by the tagger or a listed city,
        // closed by punctuation
        let end = ms.get(k).map_or(0, |m| m.tokens.end);
        if w == "University" && text_of(doc, end) == "," {
            let campus = ms.get(k + 1).filter(|n| {
                n.tokens.start == end + 1
                    && (n.ty == PLACE
                        || n.tokens.len() == 1
                            && lists.word(text_of(doc, n.tokens.start)) & CITY != 0)
                    && doc.tokens.get(n.tokens.end).map(|t| t.kind) == Some(TokenKind::Punct)
            });
            if let Some(campus_end) = campus.map(|n| n.tokens.end) {
                if let Some(m) = ms.get_mut(k) {
                    m.tokens.end = campus_end;
                }
                if let Some(n) = ms.get_mut(k + 1) {
                    n.tokens = campus_end..campus_end;
                }
                merged = true;
            }
        }
    }
    if merged {
        ms.retain(|m| !m.tokens.is_empty());
    }
}

/// A listed given name followed by a capitalized word that the tagger left alone is a
/// person (“… Claudia Sheinbaum paid”), unless either word is in a list of places,
/// organizations or titles. Both words are in one sentence, neither is its first word.
fn given_names(doc: &Document, ms: &mut Vec<Mention>) {
    let lists = lists::lists();
    let not_person = COUNTRY | REGION | CITY | DEMONYM | ORG_WORD | ORG_SUFFIX | TITLE;
    // a capitalized word with a lowercase letter after the first, told from its bytes;
    // the lists are looked up only for two such words in a row (most tokens are not)
    let bytes = doc.text.as_bytes();
    let shaped = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            // an ASCII first byte that is no capital settles it without slicing
            bytes
                .get(t.span.start)
                .map_or(true, |b| !b.is_ascii() || b.is_ascii_uppercase())
                && t.kind == TokenKind::Word
                && name_shaped(doc.slice(t.span))
        })
    };
    let bits = |i: usize| lists.word(text_of(doc, i));
    let word = |i: usize| shaped(i) && bits(i) & not_person == 0;
    let mut added = Vec::new();
    for &s in &doc.sentences {
        let r = doc.tokens_in(s);
        let inside = doc
            .tokens
            .get(r.start + 1..r.end.saturating_sub(1))
            .unwrap_or_default();
        for (i, t) in (r.start + 1..).zip(inside) {
            // (a token opening with an ASCII byte that is no capital, most of them, is
            // turned away before `shaped` reads it again)
            if bytes
                .get(t.span.start)
                .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                continue;
            }
            if shaped(i)
                && shaped(i + 1)
                && {
                    let b = bits(i);
                    b & GIVEN != 0 && b & not_person == 0
                }
                && bits(i + 1) & not_person == 0
                && !(i + 2 < r.end && word(i + 2))
            {
                added.push(Mention::new(i..i + 2, PERSON));
            }
        }
    }
    add_disjoint(ms, added);
}

/// A word or two in lowercase that name a listed country, region or city and nothing
/// else in the lists (one word: a country or region; two: any place), neither of them a
/// common lowercase word (the lexicon): a place written the way informal text writes it
/// (“kerala”, “san francisco”). Only in a text with a sentence opening in lowercase.
fn lowercase_places(doc: &Document, ms: &mut Vec<Mention>) {
    const ONE_WORD_PLACE: u16 = COUNTRY | REGION;
    let lists = lists::lists();
    let lexicon = lists::lexicon();
    let place = COUNTRY | REGION | CITY;
    // a lowercase word of `min` letters or more that is no common word, standing apart
    // (not part of “zoviet*france”)
    let apart = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            let before = doc
                .text
                .get(..t.span.start)
                .and_then(|s| s.chars().next_back());
            let after = doc.text.get(t.span.end..).and_then(|s| s.chars().next());
            before.map_or(true, |c| c.is_whitespace() || "(\"'“‘".contains(c))
                && after.map_or(true, |c| c.is_whitespace() || ".,;:!?)\"'”’".contains(c))
        })
    };
    let rare_lower = |i: usize, min: usize| {
        // an ASCII first byte that is no lowercase letter settles it before `apart`
        doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && doc
                    .text
                    .as_bytes()
                    .get(t.span.start)
                    .map_or(true, |b| !b.is_ascii() || b.is_ascii_lowercase())
        }) && apart(i)
            && {
                let w = text_of(doc, i);
                w.chars().count() >= min
                    && w.chars().all(char::is_lowercase)
                    && !lexicon.contains(lists::token_key(w))
            }
    };
    // only in informal text: some sentence of the document opens in lowercase
    let informal = doc.sentences.iter().any(|&s| {
        let r = doc.tokens_in(s);
        doc.tokens.get(r.start).is_some_and(|t| {
            t.kind == TokenKind::Word && doc.slice(t.span).starts_with(char::is_lowercase)
        })
    });
    if !informal {
        return;
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !rare_lower(i, 2) {
            i += 1;
            continue;
        }
        let one = lists::extend_key(0, lists::token_key(text_of(doc, i)));
        let two = (i + 1 < doc.tokens.len())
            .then(|| lists::extend_key(one, lists::token_key(text_of(doc, i + 1))));
        let n = match two {
            Some(h) if rare_lower(i + 1, 2) && lists.get(h) & place != 0 => 2,
            _ if rare_lower(i, 4)
                && lists.get(one) & ONE_WORD_PLACE != 0
                && lists.get(one) & !(place | GIVEN | SURNAME) == 0 =>
            {
                1
            }
            _ => 0,
        };
        if n > 0 {
            added.push(Mention::new(i..i + n, PLACE));
        }
        i += n.max(1);
    }
    add_disjoint(ms, added);
}

/// Months and weekdays, some of which are given names too.
const CALENDAR: [&str; 19] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A line or sentence that is one listed given name and nothing else in the lists nor
/// a common word (“Vince” signing an e-mail) is a person.
fn lone_given_names(doc: &Document, ms: &mut Vec<Mention>) {
    let lists = lists::lists();
    let lexicon = lists::lexicon();
    let not_given = SURNAME | COUNTRY | REGION | CITY | DEMONYM | ORG_WORD | ORG_SUFFIX | TITLE;
    let mut added = Vec::new();
    for &s in &doc.sentences {
        let r = doc.tokens_in(s);
        let mut words = r.clone().filter(|&i| {
            doc.tokens
                .get(i)
                .is_some_and(|t| t.kind != TokenKind::Punct)
        });
        let (Some(i), None) = (words.next(), words.next()) else {
            continue;
        };
        let w = text_of(doc, i);
        let bits = lists.word(w);
        if capitalized(w)
            && w.chars().skip(1).all(char::is_lowercase)
            && !CALENDAR.contains(&w)
            && bits & GIVEN != 0
            && bits & not_given == 0
            && !lexicon.contains(lists::token_key(w))
        {
            added.push(Mention::new(i..i + 1, PERSON));
        }
    }
    add_disjoint(ms, added);
}

/// An honorific before titles and no name (“Madam Speaker”, “Mr. President”) addresses
/// one person as a name does: the whole of it is a person (a title alone is no name, see
/// [`trim`]). Names the tagger found inside it give way.
fn forms_of_address(doc: &Document, ms: &mut Vec<Mention>) {
    let lists = lists::lists();
    let honorific = |w: &str| {
        matches!(
            w,
            "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Madam" | "Madame" | "Mister"
        )
    };
    // every honorific opens with “M”: other tokens are not read
    let bytes = doc.text.as_bytes();
    let honorifics: Vec<usize> = (0..doc.tokens.len())
        .filter(|&i| {
            doc.tokens
                .get(i)
                .is_some_and(|t| bytes.get(t.span.start) == Some(&b'M'))
                && honorific(text_of(doc, i))
        })
        .collect();
    if honorifics.is_empty() {
        return;
    }
    // “Mr. King” is Larry King's surname
    let surnames = surnames(doc, ms, |_| true);
    // a title that is no surname in the lists nor of a person named in the document
    let title = |i: usize| {
        let w = text_of(doc, i);
        let bits = lists.word(w);
        capitalized(w)
            && bits & TITLE != 0
            && bits & (SURNAME | GIVEN) == 0
            && !surnames.contains(w)
    };
    let mut found: Vec<Mention> = Vec::new();
    for i in honorifics {
        if found.last().is_some_and(|f| f.tokens.end > i) {
            continue;
        }
        // after a first title, an office may be a listed surname too (“Mr. Chief
        // Justice”)
        let mut k = i + 1;
        while k < doc.tokens.len()
            && k - i <= 3
            && (title(k)
                || k > i + 1 && is_office(text_of(doc, k)) && !surnames.contains(text_of(doc, k)))
        {
            k += 1;
        }
        // titles, then no capitalized word: the address names nobody else
        if k > i + 1 && !capitalized(text_of(doc, k)) {
            found.push(Mention::new(i..k, PERSON));
        }
    }
    if found.is_empty() {
        return;
    }
    // the names found inside them give way (`found` is in text order and disjoint: the
    // first one ending after a name's start is the only one it may overlap)
    ms.retain(|m| {
        let at = found.partition_point(|f| f.tokens.end <= m.tokens.start);
        !found.get(at).is_some_and(|f| f.tokens.start < m.tokens.end)
    });
    ms.extend(found);
    ms.sort_by_key(|m| m.tokens.start);
}

/// An office whose capitalized title after “the” designates its holder (“the Secretary”,
/// “the President”, “the Chief Justice”).
fn is_office(w: &str) -> bool {
    matches!(
        w,
        "President"
            | "Secretary"
            | "Speaker"
            | "General"
            | "Chairman"
            | "Chairwoman"
            | "Senator"
            | "Governor"
            | "Minister"
            | "Premier"
            | "Chancellor"
            | "Pope"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Emperor"
            | "Empress"
            | "Mayor"
            | "Justice"
            | "Judge"
            | "Ambassador"
            | "Commissioner"
            | "Sheriff"
            | "Treasurer"
    )
}

/// A word that may come before an office in its title (“the Vice President”, “the
/// Attorney General”, “the Prime Minister”).
fn is_office_qualifier(w: &str) -> bool {
    matches!(
        w,
        "Vice" | "Prime" | "Attorney" | "Solicitor" | "Chief" | "Deputy" | "Foreign" | "Home"
    )
}

/// The end of the title of an office that starts at token `i`: up to two qualifiers, then
/// the office (“President”, “Vice President”, “Chief Justice”).
fn office_title_end(doc: &Document, i: usize) -> Option<usize> {
    let mut k = i;
    while k < i + 2 && is_office_qualifier(text_of(doc, k)) {
        k += 1;
    }
    is_office(text_of(doc, k)).then_some(k + 1)
}

/// The determiners before an office that make it a designation ([`designations`]); the
/// quote stage reads a speaker's phrase with them too.
pub(crate) fn definite(w: &str) -> bool {
    matches!(
        w,
        "the" | "The" | "this" | "This" | "that" | "That" | "our" | "Our" | "your" | "Your"
    )
}

/// A capitalized office after “the” (or “this”, “that”, “our”, “your”), with no name or
/// completing phrase after it (“the Secretary's interpretation”, “as the President said”,
/// “hold this President accountable”), designates one person, who is named by it: a
/// person. Not when the title goes on (“the President of Mexico”, “the Senator from
/// Alaska”, “the President Trump”) or is the surname of someone named in the document. Found where they stand, after [`propagate`], which would otherwise take the
/// title of every “President Trump” for a mention.
fn designations(doc: &Document, ms: &mut Vec<Mention>) {
    let bytes = doc.text.as_bytes();
    let mut found: Vec<Mention> = Vec::new();
    for (i, pair) in doc.tokens.windows(2).enumerate() {
        // every determiner is three or four bytes and opens with “t”, “o” or “y”, and every
        // office and qualifier with an ASCII capital: most tokens are passed over on the
        // first bytes of the two, without reading their text
        let [t, next] = pair else { continue };
        if !(3..=4).contains(&t.span.end.saturating_sub(t.span.start))
            || !matches!(
                bytes.get(t.span.start),
                Some(b't' | b'T' | b'o' | b'O' | b'y' | b'Y')
            )
            || !bytes
                .get(next.span.start)
                .is_some_and(u8::is_ascii_uppercase)
            || !definite(text_of(doc, i))
        {
            continue;
        }
        let Some(end) = office_title_end(doc, i + 1) else {
            continue;
        };
        let next = text_of(doc, end);
        if capitalized(next) || matches!(next, "of" | "from" | "-" | "–" | "(" | "[") {
            continue;
        }
        found.push(Mention::new(i + 1..end, PERSON));
    }
    if found.is_empty() {
        return;
    }
    // the offices found that end a person named in full (“Larry King … the King”)
    let offices: Set<&str> = found
        .iter()
        .map(|f| text_of(doc, f.tokens.end - 1))
        .collect();
    let surnames = surnames(doc, ms, |last| offices.contains(last));
    found.retain(|f| !surnames.contains(text_of(doc, f.tokens.end - 1)));
    add_disjoint(ms, found);
}

/// The last words of the people `ms` names in full, by more than titles (“Larry King”,
/// not “Madam Speaker”), among the words `wanted` lets through: a title that is one of
/// them is that person's surname here. The lists are asked only about the people whose
/// last word is wanted.
fn surnames<'a>(doc: &'a Document, ms: &[Mention], wanted: impl Fn(&str) -> bool) -> Set<&'a str> {
    let lists = lists::lists();
    ms.iter()
        .filter(|m| m.ty == PERSON && m.tokens.len() > 1)
        .map(|m| (m, text_of(doc, m.tokens.end - 1)))
        .filter(|&(m, last)| {
            wanted(last)
                && m.tokens
                    .clone()
                    .any(|i| lists.word(text_of(doc, i)) & TITLE == 0)
        })
        .map(|(_, last)| last)
        .collect()
}

fn is_storm(w: &str) -> bool {
    matches!(w, "Hurricane" | "Typhoon" | "Cyclone" | "Storm")
}

/// A word that may come before a storm word in a storm's name (“Tropical Storm Harvey”,
/// “Super Typhoon Haiyan”, “Severe Cyclonic Storm Fani”).
fn is_storm_qualifier(w: &str) -> bool {
    matches!(
        w,
        "Tropical"
            | "Subtropical"
            | "Extratropical"
            | "Post-Tropical"
            | "Super"
            | "Severe"
            | "Cyclonic"
    )
}

/// The first token of the storm's name that ends at token `end` (exclusive) if tokens
/// `from..end - 1` are storm qualifiers and a storm word and nothing else, the storm word
/// last: `Some(from)` for “Tropical Storm” before “Harvey”.
fn storm_words(doc: &Document, from: usize, end: usize) -> Option<usize> {
    let last = end.checked_sub(1)?;
    let word = last.checked_sub(1)?;
    if word < from || !is_storm(text_of(doc, word)) {
        return None;
    }
    (from..word)
        .all(|i| is_storm_qualifier(text_of(doc, i)))
        .then_some(from)
}

/// Letters after a person's name, set off by commas, for an office, a degree or an honour
/// (“Mark Tedeschi, QC”, “Harry Preuss, MD, PhD”): no name, though some are also a
/// state's code (“Baltimore, MD”: after a place they stay). Written for the project.
const POST_NOMINALS: [&str; 24] = [
    "AM", "AO", "CBE", "CPA", "DBE", "DDS", "Esq", "FRCS", "FRS", "JD", "KBE", "KC", "MBE", "MD",
    "MEP", "MLA", "MP", "MPP", "MSP", "OBE", "PhD", "QC", "RN", "SC",
];

/// Drops the tagger's mentions of [`POST_NOMINALS`] that follow a person's name, each
/// after a comma (and after any others: “Jane Roe, MD, PhD”).
fn post_nominals(doc: &Document, ms: &mut Vec<Mention>) {
    let mut letters: Vec<usize> = Vec::new();
    for m in ms.iter().filter(|m| m.ty == PERSON) {
        let mut i = m.tokens.end;
        while text_of(doc, i) == ","
            && POST_NOMINALS
                .binary_search(&text_of(doc, i + 1).trim_end_matches('.'))
                .is_ok()
        {
            letters.push(i + 1);
            i += 2;
        }
    }
    if !letters.is_empty() {
        // (sorted for a binary search: a long text may hold many)
        letters.sort_unstable();
        ms.retain(|m| !(m.tokens.len() == 1 && letters.binary_search(&m.tokens.start).is_ok()));
    }
}

/// A name after a storm word (“Hurricane Katrina”, “Tropical Storm Harvey”) is the
/// storm's: type other, the storm word and the qualifiers before it included; so are its
/// bare mentions elsewhere (“Katrina”), whatever the tagger thought.
fn storms(doc: &Document, ms: &mut [Mention]) {
    let mut names: Set<&str> = Set::default();
    let mut prev_end = 0;
    for m in ms.iter_mut() {
        let (s, e) = (m.tokens.start, m.tokens.end);
        // the storm words inside the mention, else right before it (and after the last one)
        let words = storm_words(doc, s, e).or_else(|| {
            let before = s
                .checked_sub(1)
                .filter(|&b| b >= prev_end && is_storm(text_of(doc, b)))?;
            Some(before)
        });
        let Some(mut start) = words else {
            prev_end = e;
            continue;
        };
        while start > prev_end && is_storm_qualifier(text_of(doc, start - 1)) {
            start -= 1;
        }
        m.tokens.start = start.min(s);
        m.ty = OTHER;
        prev_end = e;
        names.insert(text_of(doc, e - 1));
    }
    if names.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if m.tokens.len() == 1 && names.contains(text_of(doc, m.tokens.start)) {
            m.ty = OTHER;
        }
    }
}

fn acronyms(doc: &Document, ms: &mut Vec<Mention>) {
    let mut found: Map<String, usize> = Map::default();
    let mut added = Vec::new();
    for m in ms.iter() {
        if m.tokens.len() < 2 {
            continue;
        }
        let e = m.tokens.end;
        if text_of(doc, e) != "(" || text_of(doc, e + 2) != ")" {
            continue;
        }
        let acr = text_of(doc, e + 1);
        let letters: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.chars().count() < 2
            || !letters.chars().all(char::is_uppercase)
            || letters != initials(doc, m.tokens.clone())
        {
            continue;
        }
        found.insert(acr.to_string(), m.ty);
        added.push(Mention::new(e + 1..e + 2, m.ty));
    }
    if found.is_empty() {
        return;
    }
    // the acronym elsewhere in the text, and its own mentions, take the long form's type
    for m in ms.iter_mut() {
        if m.tokens.len() == 1 {
            if let Some(&ty) = found.get(text_of(doc, m.tokens.start)) {
                m.ty = ty;
            }
        }
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind == TokenKind::Word {
            if let Some(&ty) = found.get(doc.slice(t.span)) {
                added.push(Mention::new(i..i + 1, ty));
            }
        }
    }
    add_disjoint(ms, added);
}

/// Adds the mentions of `added` that overlap no mention of `ms` (nor an earlier added
/// one), keeping `ms` sorted. One merge of two sorted lists: inserting one by one
/// would cost the square of the mentions on a long text.
fn add_disjoint(ms: &mut Vec<Mention>, mut added: Vec<Mention>) {
    if added.is_empty() {
        return;
    }
    added.sort_by_key(|m| m.tokens.start);
    let mut old = std::mem::take(ms).into_iter().peekable();
    let mut out: Vec<Mention> = Vec::with_capacity(old.len() + added.len());
    for a in added {
        while let Some(m) = old.next_if(|m| m.tokens.start < a.tokens.start) {
            out.push(m);
        }
        let clash_before = out.last().is_some_and(|m| m.tokens.end > a.tokens.start);
        let clash_after = old.peek().is_some_and(|m| m.tokens.start < a.tokens.end);
        if !clash_before && !clash_after {
            out.push(a);
        }
    }
    out.extend(old);
    *ms = out;
}

fn propagate(doc: &Document, ms: &mut Vec<Mention>) {
    // first word → (tokens of one mention, type) of each distinct name, longest first
    let mut by_first: Map<&str, Vec<(Range<usize>, usize)>> =
        Map::with_capacity_and_hasher(ms.len(), Default::default());
    // bit `len % 64` of entry `b`: some first word opens with byte `b` and is `len` bytes
    // long; a token whose first byte and length match no first word needs no look-up
    let mut shapes = [0u64; 256];
    let same_words = |a: &Range<usize>, b: &Range<usize>| {
        a.len() == b.len()
            && a.clone()
                .zip(b.clone())
                .all(|(i, j)| text_of(doc, i) == text_of(doc, j))
    };
    for m in ms.iter() {
        if m.ty == OTHER || m.tokens.is_empty() {
            continue;
        }
        let first = text_of(doc, m.tokens.start);
        if !capitalized(first)
            || m.tokens
                .clone()
                .all(|i| text_of(doc, i).chars().nth(1).is_none())
        {
            continue;
        }
        let list = by_first.entry(first).or_default();
        if !list.iter().any(|(w, _)| same_words(w, &m.tokens)) && list.len() < 8 {
            // after the names as long or longer: the order a stable sort would give
            let at = list
                .iter()
                .position(|(w, _)| w.len() < m.tokens.len())
                .unwrap_or(list.len());
            list.insert(at, (m.tokens.clone(), m.ty));
            if let Some(&b) = first.as_bytes().first() {
                shapes[usize::from(b)] |= 1 << (first.len() % 64);
            }
        }
    }
    if by_first.is_empty() {
        return;
    }
    let bytes = doc.text.as_bytes();
    let mut added = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let mut step = 1;
        let t = doc.tokens[i];
        let len = t.span.end.saturating_sub(t.span.start);
        let may_open = bytes
            .get(t.span.start)
            .is_some_and(|&b| shapes[usize::from(b)] & (1 << (len % 64)) != 0);
        // every key is capitalized: most tokens need no look-up
        let text = if may_open { text_of(doc, i) } else { "" };
        if let Some(cands) = (may_open && capitalized(text))
            .then(|| by_first.get(text))
            .flatten()
        {
            for (words, ty) in cands {
                let n = words.len();
                if (0..n).all(|k| text_of(doc, i + k) == text_of(doc, words.start + k))
                    && !interjection(doc, i..i + n)
                {
                    added.push(Mention::new(i..i + n, *ty));
                    step = n;
                    break;
                }
            }
        }
        i += step;
    }
    add_disjoint(ms, added);
}

/// The longest trailing part of a person's name that a later bare mention may repeat
/// (“Cruz Martinez” of “Juan Carlos Cruz Martinez”). Bounding it keeps the index linear
/// in the text: every trailing part of a name of n words would cost the square of n.
const MAX_TAIL_WORDS: usize = 3;

/// Entity ids of the mentions (0, 1, 2, … in order of first mention), and which ids are
/// people named in full (a surname joined them): those stay people whatever their bare
/// surnames were tagged. Also the list categories of each mention's key where they were
/// looked up (for a mention of one word, its word's: [`retype`] asks them again).
fn entities(doc: &Document, ms: &[Mention]) -> (Vec<u32>, Vec<bool>, Vec<Option<u16>>) {
    let lists = lists::lists();
    // each mention's key, built once (borrowed from the text, mostly)
    let keys: Vec<Cow<str>> = ms.iter().map(|m| key_of(doc, m.tokens.clone())).collect();
    let mut ids: Map<&str, u32> = Map::with_capacity_and_hasher(ms.len(), Default::default());
    let mut out = Vec::with_capacity(ms.len());
    let mut next = 0u32;
    // trailing part of a person's name of two words or more → (first token, id) of each
    // such person, in text order (the mentions are sorted)
    let mut tails: Map<Cow<str>, Vec<(usize, u32)>> =
        Map::with_capacity_and_hasher(ms.len(), Default::default());
    // first word of a person's name (the given name, mostly) → (first token, id) of each
    // such person
    let mut given: Map<&str, Vec<(usize, u32)>> =
        Map::with_capacity_and_hasher(ms.len(), Default::default());
    for (m, k) in ms.iter().zip(&keys) {
        let id = *ids.entry(k.as_ref()).or_insert_with(|| {
            next += 1;
            next - 1
        });
        if m.ty == PERSON && m.tokens.len() >= 2 {
            let from = (m.tokens.start + 1).max(m.tokens.end.saturating_sub(MAX_TAIL_WORDS));
            for s in from..m.tokens.end {
                tails
                    .entry(key_of(doc, s..m.tokens.end))
                    .or_default()
                    .push((m.tokens.start, id));
            }
            let first = text_of(doc, m.tokens.start);
            if capitalized(first) && first.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                given.entry(first).or_default().push((m.tokens.start, id));
            }
        }
        out.push(id);
    }
    let mut joined = vec![false; next as usize];
    // one-word names the tagger took for a person at least once: their other mentions
    // join the same person (“Isabel” after “Isabel Ruiz”, whatever each was typed)
    let person_words: Set<&str> = ms
        .iter()
        .filter(|m| m.ty == PERSON && m.tokens.len() == 1)
        .map(|m| text_of(doc, m.tokens.start))
        .collect();
    let mut word_bits: Vec<Option<u16>> = vec![None; ms.len()];
    for (((m, id), k), kb) in ms
        .iter()
        .zip(out.iter_mut())
        .zip(&keys)
        .zip(word_bits.iter_mut())
    {
        if m.tokens.len() > MAX_TAIL_WORDS {
            continue;
        }
        // a country, region or nationality keeps its own entity (“Jordan”, “Georgia”)
        // unless the tagger took the word for a person somewhere
        // the key's list categories, looked up once and only when asked
        let mut bits = || *kb.get_or_insert_with(|| lists.word(k));
        if m.ty != PERSON
            && !person_words.contains(k.as_ref())
            && bits() & (COUNTRY | REGION | DEMONYM) != 0
        {
            continue;
        }
        // a surname, or else a given name alone (“Sahar” after “Sahar Khan”) that is
        // not also a city's (“Paris” after “Paris Hilton”) nor a storm's
        let Some(people) = tails.get(k.as_ref()).or_else(|| {
            (m.tokens.len() == 1
                && (m.ty == PERSON
                    || (m.ty != OTHER
                        && (bits() & CITY == 0 || person_words.contains(k.as_ref())))))
            .then(|| given.get(k.as_ref()))
            .flatten()
        }) else {
            continue;
        };
        // the nearest person named before the mention, or else the first one
        let before = people.partition_point(|p| p.0 < m.tokens.start);
        let p = if before > 0 {
            people[before - 1]
        } else {
            people[0]
        };
        *id = p.1;
        if let Some(j) = joined.get_mut(p.1 as usize) {
            *j = true;
        }
    }
    join_designations(doc, ms, &mut out);
    (out, joined, word_bits)
}

/// The office words right before token `at` (“Vice President” before “Mike Pence”),
/// joined by single spaces, when the last one is an office.
fn office_before(doc: &Document, at: usize) -> Option<String> {
    // the longest title ending there: the earliest start, at most two qualifiers back
    let first = (at.saturating_sub(3)..at).find(|&f| office_title_end(doc, f) == Some(at))?;
    Some(key(doc, first..at))
}

/// A designation (“the President”, [`designations`]) joins the person the document titles
/// with the same office (“President Donald Trump … the President”), whose entity it names,
/// when there is one such person: with two (“Mexican President Claudia Sheinbaum …
/// U.S. President Donald Trump … the President underscored her”), which one is meant is
/// not read from the words, and the designation stays an entity of its own. `ids` are the
/// mentions' entity ids, by mention.
fn join_designations(doc: &Document, ms: &[Mention], ids: &mut [u32]) {
    // the shape [`designations`] marks: a determiner, then an office's title alone
    let designation = |m: &Mention| {
        m.ty == PERSON
            && office_title_end(doc, m.tokens.start) == Some(m.tokens.end)
            && m.tokens
                .start
                .checked_sub(1)
                .is_some_and(|d| definite(text_of(doc, d)))
    };
    if !ms.iter().any(designation) {
        return;
    }
    // office → the one person titled with it, or `None` once a second one is
    let mut titled: Map<String, Option<u32>> = Map::default();
    for (m, &id) in ms.iter().zip(ids.iter()) {
        if m.ty == PERSON && !designation(m) {
            if let Some(office) = office_before(doc, m.tokens.start) {
                titled
                    .entry(office)
                    .and_modify(|one| *one = one.filter(|&p| p == id))
                    .or_insert(Some(id));
            }
        }
    }
    for (m, id) in ms.iter().zip(ids.iter_mut()) {
        if designation(m) {
            if let Some(&Some(p)) = titled.get(&key(doc, m.tokens.clone())) {
                *id = p;
            }
        }
    }
}

/// An entity's type counts, its longest mention's length and type, and whether all its
/// mentions are a given name alone.
type Votes = ([u32; 4], usize, usize, bool);

/// `entity` holds ids below `people.len()` (as [`entities`] gives them): the tallies are
/// vectors indexed by id, no maps. `word_bits` are the list categories [`entities`]
/// looked up, by mention.
fn retype(
    doc: &Document,
    ms: &mut [Mention],
    entity: &[u32],
    people: &[bool],
    word_bits: &[Option<u16>],
) {
    let lists = lists::lists();
    // a word that is a given name and nothing else in the lists (not a surname, place,
    // organization word or title): “Gloria”, not “Chase” or “Chelsea”
    let not_given = SURNAME | COUNTRY | REGION | CITY | DEMONYM | ORG_WORD | ORG_SUFFIX | TITLE;
    let only_given = |i: usize, m: &Mention| {
        m.tokens.len() == 1 && {
            let bits = word_bits
                .get(i)
                .copied()
                .flatten()
                .unwrap_or_else(|| lists.word(text_of(doc, m.tokens.start)));
            bits & GIVEN != 0 && bits & not_given == 0
        }
    };
    // type counts, longest mention's length and type, all mentions are a given name alone
    let n = people.len();
    let mut votes: Vec<Option<Votes>> = vec![None; n];
    for (i, (m, &e)) in ms.iter().zip(entity).enumerate() {
        let Some(slot) = votes.get_mut(e as usize) else {
            continue;
        };
        let v = slot.get_or_insert(([0; 4], 0, m.ty, true));
        v.0[m.ty.min(3)] += 1;
        let len = key_len(doc, m.tokens.clone());
        if len > v.1 {
            v.1 = len;
            v.2 = m.ty;
        }
        // (once false, no more look-ups)
        if v.3 {
            v.3 = only_given(i, m);
        }
    }
    // the tagger's margins summed over the mentions it typed itself (a rule that
    // retyped a mention leaves its type off the margins' best): a type some mentions
    // carry by a hair does not outvote one that others carry clearly
    let mut evidence: Vec<Option<[f32; 4]>> = vec![None; n];
    for (m, &e) in ms.iter().zip(entity) {
        if m.scored() && m.margins.get(m.ty).is_some_and(|&x| x == 0.0) {
            let Some(slot) = evidence.get_mut(e as usize) else {
                continue;
            };
            let sum = slot.get_or_insert([0.0; 4]);
            for (s, x) in sum.iter_mut().zip(m.margins) {
                *s += x;
            }
        }
    }
    // people the tagger itself named in full somewhere (a mention of two words or more
    // that its scores, not only its transitions, make a person)
    let mut named = vec![false; n];
    for (m, &e) in ms.iter().zip(entity) {
        if m.ty == PERSON && m.tokens.len() >= 2 && m.scored() && m.margins[PERSON] == 0.0 {
            if let Some(x) = named.get_mut(e as usize) {
                *x = true;
            }
        }
    }
    let best_of = |sum: &[f32; 4], or: usize| {
        (0..4)
            .max_by(|&a, &b| sum[a].total_cmp(&sum[b]).then(b.cmp(&a)))
            .unwrap_or(or)
    };
    for (m, &e) in ms.iter_mut().zip(entity) {
        let e = e as usize;
        if people.get(e).copied().unwrap_or(false) {
            // a bare name joined to a person named in full is that person; joined only
            // to a name the tagger's transitions made a person (“HealthSpace Cleveland”),
            // the evidence of all the mentions decides
            m.ty = match evidence.get(e).copied().flatten() {
                Some(sum) if !named.get(e).copied().unwrap_or(false) => best_of(&sum, PERSON),
                _ => PERSON,
            };
        } else if let Some((counts, _, longest, given)) = votes.get(e).and_then(Option::as_ref) {
            let best = counts.iter().copied().max().unwrap_or(0);
            m.ty = if *given && counts[PERSON] > 0 {
                // a given name the tagger once took for a person is one
                PERSON
            } else if let Some(sum) = evidence.get(e).and_then(Option::as_ref) {
                (0..4)
                    .max_by(|&a, &b| sum[a].total_cmp(&sum[b]).then(b.cmp(&a)))
                    .unwrap_or(m.ty)
            } else if counts[*longest] == best {
                *longest
            } else {
                (0..4).find(|&t| counts[t] == best).unwrap_or(m.ty)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::NameType;

    fn run(text: &str, marks: &[(&str, usize)]) -> Vec<(String, NameType, u32)> {
        let doc = Document::new(text);
        let mut ms = Vec::new();
        let mut from = 0;
        for &(w, ty) in marks {
            let start = from + text[from..].find(w).expect("mark in text");
            from = start + w.len();
            let r = doc.tokens_in(Span::new(start, start + w.len()));
            ms.push(Mention::new(r, ty));
        }
        link(&doc, ms)
            .into_iter()
            .map(|a| {
                let Label::Name(t) = a.label else {
                    panic!("not a name")
                };
                (text[a.span].to_string(), t, a.entity.unwrap_or(99))
            })
            .collect()
    }

    #[test]
    fn titles_and_possessives_leave_the_span() {
        let r = run(
            "Sen. Jane Doe’s bill passed.",
            &[("Sen. Jane Doe’s", PERSON)],
        );
        assert_eq!(r[0].0, "Jane Doe");
    }

    #[test]
    fn bare_surnames_link_and_missed_mentions_are_found() {
        let r = run(
            "Donald Trump spoke. Trump left. Then Trump came back.",
            &[("Donald Trump", PERSON), ("Trump", PERSON)],
        );
        let trumps: Vec<_> = r.iter().filter(|m| m.0.contains("Trump")).collect();
        assert_eq!(trumps.len(), 3, "{r:?}");
        assert!(trumps.iter().all(|m| m.2 == trumps[0].2));
        assert!(trumps.iter().all(|m| m.1 == NameType::Person));
    }

    #[test]
    fn acronyms_link_to_their_long_form() {
        let text = "The Drug Enforcement Administration (DEA) said so. The DEA agreed.";
        let r = run(text, &[("Drug Enforcement Administration", 1)]);
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r.iter().all(|m| m.1 == NameType::Organization));
        assert_eq!(r[1].0, "DEA");
        assert_eq!(r[1].2, r[2].2);
    }

    #[test]
    fn a_name_keeps_its_type_across_mentions() {
        let text = "Jordan won. Jordan lost. Jordan drew.";
        let doc = Document::new(text);
        let ms = vec![
            Mention::new(0..1, 2),
            Mention::new(3..4, 2),
            Mention::new(6..7, 0),
        ];
        let out = link(&doc, ms);
        assert!(out.iter().all(|a| a.label == Label::Name(NameType::Place)));
    }

    #[test]
    fn a_surname_joins_a_person_the_tagger_scored_as_one() {
        // tokens: Ann(0) Brisk(1) spoke(2) .(3) Brisk(4) is(5) cold(6) .(7) Bo(8) Brisk(9) rose(10) .(11)
        let text = "Ann Brisk spoke. Brisk is cold. Bo Brisk rose.";
        let doc = Document::new(text);
        let m = |r: Range<usize>, ty: usize, margins: [f32; 4]| Mention {
            tokens: r,
            ty,
            margins,
        };
        let place = [-9.0, -8.0, 0.0, -9.0];
        // a full name whose own scores make it a person: the bare surname is that person
        let out = link(
            &doc,
            vec![
                m(0..2, PERSON, [0.0, -9.0, -9.0, -9.0]),
                m(4..5, PLACE, place),
            ],
        );
        assert!(out.iter().all(|a| a.label == Label::Name(NameType::Person)));
        // a “full name” only the transitions made a person (its scores say place) does
        // not outweigh the clear evidence of the bare mentions
        let out = link(
            &doc,
            vec![
                m(4..5, PLACE, place),
                m(8..10, PERSON, [-0.5, -9.0, 0.0, -9.0]),
            ],
        );
        assert_eq!(out.len(), 3, "with the repeat in the first sentence");
        assert!(out.iter().all(|a| a.label == Label::Name(NameType::Place)));
    }

    #[test]
    fn clear_evidence_outweighs_more_mentions_typed_by_a_hair() {
        let text = "Coron grew. Coron shrank. People live in Coron.";
        let doc = Document::new(text);
        let at = |i: usize, ty: usize, margins: [f32; 4]| Mention {
            tokens: i..i + 1,
            ty,
            margins,
        };
        // two mentions a hair more a person than a place, one clearly a place
        let ms = vec![
            at(0, PERSON, [0.0, -5.0, -0.5, -6.0]),
            at(3, PERSON, [0.0, -5.0, -0.5, -6.0]),
            at(9, PLACE, [-8.0, -7.0, 0.0, -9.0]),
        ];
        let out = link(&doc, ms);
        assert_eq!(out.len(), 3);
        assert!(out.iter().all(|a| a.label == Label::Name(NameType::Place)));
        // without margins (mentions no tagger typed) the majority decides
        let ms = vec![
            Mention::new(0..1, PERSON),
            Mention::new(3..4, PERSON),
            Mention::new(9..10, PLACE),
        ];
        let out = link(&doc, ms);
        assert!(out.iter().all(|a| a.label == Label::Name(NameType::Person)));
    }

    #[test]
    fn a_given_name_joins_no_word_of_the_next_paragraph() {
        for text in [
            "The vote was held in May\n\nThe talks ended.",
            "The vote was held in May. The talks ended.",
        ] {
            let r = run(text, &[]);
            assert!(r.is_empty(), "{text:?}: {r:?}");
        }
        let r = run("On Monday the aide Maria Lopez left.", &[]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "Maria Lopez");
        assert_eq!(r[0].1, NameType::Person);
    }

    #[test]
    fn names_end_on_no_lowercase_word() {
        let r = run(
            "Kim wasn't there, nor the BBC etc. in Bank of England talks.",
            &[
                ("Kim wasn't", PERSON),
                ("BBC etc.", 1),
                ("Bank of England", 1),
            ],
        );
        let texts: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(texts, ["Kim", "BBC", "Bank of England"]);
    }

    #[test]
    fn titles_in_the_plural_are_no_names() {
        let r = run(
            "Senators met Sen. Ruiz and the Presidents.",
            &[
                ("Senators", PERSON),
                ("Ruiz", PERSON),
                ("Presidents", PERSON),
            ],
        );
        let texts: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(texts, ["Ruiz"]);
    }

    #[test]
    fn a_place_name_ending_in_a_media_word_is_an_organization() {
        let r = run(
            "The Jerusalem Post and Fox Noticias reported from West Bank and Jerusalem.",
            &[
                ("Jerusalem Post", PLACE),
                ("Fox Noticias", PLACE),
                ("West Bank", PLACE),
                ("Jerusalem", PLACE),
            ],
        );
        let types: Vec<NameType> = r.iter().map(|m| m.1).collect();
        assert_eq!(
            types,
            [
                NameType::Organization,
                NameType::Organization,
                NameType::Place,
                NameType::Place
            ],
            "{r:?}"
        );
    }

    #[test]
    fn a_given_name_alone_joins_the_full_name() {
        let r = run(
            "I'm Karen Ortiz. Karen and I met Dallas Smith in Dallas.",
            &[
                ("Karen Ortiz", PERSON),
                ("Karen", ORGANIZATION),
                ("Dallas Smith", PERSON),
                ("Dallas", PLACE),
            ],
        );
        assert_eq!(r.len(), 4, "{r:?}");
        assert_eq!(r[1].1, NameType::Person);
        assert_eq!(r[1].2, r[0].2);
        // a city keeps its own entity
        assert_eq!(r[3].1, NameType::Place);
        assert_ne!(r[3].2, r[2].2);
    }

    #[test]
    fn a_place_word_once_taken_for_a_person_joins_the_person_everywhere() {
        // “Isabel” is also a region's name: each bare mention joins Isabel Ruiz once the
        // tagger took one of them for a person, however it typed the others
        let r = run(
            "Isabel Ruiz spoke. I met Isabel there. Isabel left. Isabel came.",
            &[
                ("Isabel Ruiz", PERSON),
                ("Isabel", PLACE),
                ("Isabel", ORGANIZATION),
                ("Isabel", PERSON),
            ],
        );
        assert_eq!(r.len(), 4, "{r:?}");
        assert!(
            r.iter().all(|m| m.1 == NameType::Person && m.2 == r[0].2),
            "{r:?}"
        );
        // with no mention taken for a person, the region keeps its own entity
        let r = run(
            "Isabel Ruiz spoke. I went to Isabel there.",
            &[("Isabel Ruiz", PERSON), ("Isabel", PLACE)],
        );
        assert_eq!(r[1].1, NameType::Place, "{r:?}");
        assert_ne!(r[1].2, r[0].2);
    }

    #[test]
    fn lowercase_places_are_found_in_informal_text_only() {
        let r = run("we flew to kerala and then san francisco. it was fun.", &[]);
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("kerala", NameType::Place),
                ("san francisco", NameType::Place)
            ]
        );
        // a word glued to others is part of something else; a country that is also a
        // given name is a place here
        let r = run("i like zoviet*france and india.", &[]);
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["india"]);
        // edited text writes its places capitalized: a lowercase word there is a word
        let r = run("We flew to kerala and then san francisco. It was fun.", &[]);
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_given_name_alone_on_its_line_is_a_person() {
        let r = run("Thanks for the data.\nVince\nJune\nParis", &[]);
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        // a month is no one, and a city's name stays the tagger's business
        assert_eq!(got, [("Vince", NameType::Person)]);
    }

    #[test]
    fn storms_are_other_with_their_bare_names() {
        let r = run(
            "Hurricane Rita hit Texas. Rita then weakened, said Rita Moreno.",
            &[
                ("Rita", PERSON),
                ("Texas", PLACE),
                ("Rita", PERSON),
                ("Rita Moreno", PERSON),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("Hurricane Rita", NameType::Other),
                ("Texas", NameType::Place),
                ("Rita", NameType::Other),
                ("Rita Moreno", NameType::Person),
            ]
        );
    }

    #[test]
    fn file_names_are_no_names() {
        let r = run(
            "See CrudeStocks.pdf and Budget.XLSX from Enron Corp.",
            &[
                ("CrudeStocks.pdf", PLACE),
                ("Budget.XLSX", ORGANIZATION),
                ("Enron Corp.", ORGANIZATION),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Enron Corp."]);
    }

    #[test]
    fn web_addresses_are_no_names() {
        let text = "Read http://www.example.org/News or WWW.Example.com at Example Corp.";
        let doc = Document::new(text);
        let spans: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| web_address(&doc, i))
            .map(|i| text_of(&doc, i))
            .collect();
        assert!(!spans.is_empty() && spans.iter().all(|w| !w.contains("Corp")));
        let r = run(
            text,
            &[
                ("http", OTHER),
                ("WWW.Example.com", ORGANIZATION),
                ("Example Corp.", ORGANIZATION),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Example Corp."]);
    }

    #[test]
    fn an_organization_word_of_a_place_is_an_organization() {
        let r = run(
            "The University of Michigan and the Medical Journal of Australia met Standard Oil \
             Company of New York in Texas.",
            &[
                ("Michigan", PLACE),
                ("Australia", PLACE),
                ("Standard Oil Company", ORGANIZATION),
                ("New York", PLACE),
                ("Texas", PLACE),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("University of Michigan", NameType::Organization),
                ("Medical Journal of Australia", NameType::Organization),
                ("Standard Oil Company", NameType::Organization),
                ("New York", NameType::Place),
                ("Texas", NameType::Place),
            ]
        );
    }

    #[test]
    fn a_caption_credit_label_leaves_the_name() {
        let r = run(
            "A tweet to Ahmed Mohamed Image: Barack Obama. Getty Images said so.",
            &[
                ("Ahmed Mohamed Image", PERSON),
                ("Barack Obama", PERSON),
                ("Getty Images", ORGANIZATION),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Ahmed Mohamed", "Barack Obama", "Getty Images"]);
    }

    #[test]
    fn titles_in_either_case_after_a_capital_leave_the_span() {
        let r = run(
            "Lieutenant colonel Fuad Basya spoke. Prime Minister Najib Razak and President Obama met.",
            &[
                ("Lieutenant colonel Fuad Basya", PERSON),
                ("Prime Minister Najib Razak", PERSON),
                ("President Obama", PERSON),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Fuad Basya", "Najib Razak", "Obama"]);
    }

    #[test]
    fn a_campus_after_a_comma_joins_its_university() {
        let r = run(
            "At the University of California, Davis, and the University of Ohio, Smith said.",
            &[
                ("California", PLACE),
                ("Davis", PERSON),
                ("Ohio", PLACE),
                ("Smith", PERSON),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("University of California, Davis", NameType::Organization),
                ("University of Ohio", NameType::Organization),
                ("Smith", NameType::Person),
            ]
        );
    }

    #[test]
    fn an_honorific_before_titles_is_a_person() {
        let r = run(
            "Madam Speaker, we agree. Thank you, Mr. Chairman. Mr. Chief Justice. Mr. Smith left. Mrs. May spoke. \
             Larry King said so, Mr. King said.",
            &[
                ("Speaker", ORGANIZATION),
                ("Smith", PERSON),
                ("May", PERSON),
                ("Larry King", PERSON),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("Madam Speaker", NameType::Person),
                ("Mr. Chairman", NameType::Person),
                ("Mr. Chief Justice", NameType::Person),
                ("Smith", NameType::Person),
                ("May", NameType::Person),
                // “Mr. King” is Larry King's surname, no form of address
                ("Larry King", NameType::Person),
            ]
        );
    }

    #[test]
    fn a_persons_plan_or_doctrine_is_other() {
        let r = run(
            "The Marshall Plan and the Monroe Doctrine outlived George Marshall.",
            &[
                ("Marshall Plan", PERSON),
                ("Monroe Doctrine", PERSON),
                ("George Marshall", PERSON),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("Marshall Plan", NameType::Other),
                ("Monroe Doctrine", NameType::Other),
                ("George Marshall", NameType::Person),
            ]
        );
    }

    #[test]
    fn names_glued_to_an_at_or_underscore_are_identifiers() {
        let r = run(
            "See Lisa_resume.doc, mail franz371...@gmail.com or @Trump, said Lisa Smith.",
            &[
                ("Lisa", PERSON),
                ("franz371", PLACE),
                ("Trump", PERSON),
                ("Lisa Smith", PERSON),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Lisa Smith"]);
    }

    #[test]
    fn common_abbreviations_are_no_names() {
        let sorted = ABBREVIATIONS.windows(2).all(|p| p[0] < p[1]);
        assert!(sorted, "ABBREVIATIONS must be sorted for the binary search");
        let r = run(
            "Send the RFP to HR ASAP. The CEOs of Acme met ROIs. Ask the IRS.",
            &[
                ("RFP", ORGANIZATION),
                ("HR", ORGANIZATION),
                ("ASAP", ORGANIZATION),
                ("CEOs", ORGANIZATION),
                ("Acme", ORGANIZATION),
                ("ROIs", OTHER),
                ("IRS", ORGANIZATION),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Acme", "IRS"]);
    }

    #[test]
    fn an_abbreviation_the_text_defines_as_a_name_stays_one() {
        // the tagger's lone “IRR”s are dropped, and the acronym rule gives them back
        let text = "The Investor Relations Review (IRR) said so. The IRR agreed.";
        let r = run(
            text,
            &[
                ("Investor Relations Review", ORGANIZATION),
                ("IRR", ORGANIZATION),
                ("IRR", ORGANIZATION),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Investor Relations Review", "IRR", "IRR"]);
        assert!(r.iter().all(|m| m.1 == NameType::Organization));
        assert_eq!(r[1].2, r[2].2);
    }

    #[test]
    fn a_part_of_a_law_by_its_number_is_of_type_other() {
        let r = run(
            "Any Title IV provision, Section 230 and Article 5A apply, but Title Nine and Article Smith do not.",
            &[
                ("Title IV", ORGANIZATION),
                ("Section 230", PERSON),
                ("Article 5A", PLACE),
                ("Title Nine", ORGANIZATION),
                ("Article Smith", PERSON),
            ],
        );
        let types: Vec<NameType> = r.iter().map(|m| m.1).collect();
        use NameType::{Organization, Other, Person};
        assert_eq!(types, [Other, Other, Other, Organization, Person]);
        for (w, want) in [
            ("IV", true),
            ("I", true),
            ("XXXIX", true),
            ("11", true),
            ("5A", true),
            ("5AB", false),
            ("A", false),
            ("XL", false),
            ("Nine", false),
            ("", false),
        ] {
            assert_eq!(numbered(w), want, "{w}");
        }
    }

    #[test]
    fn letters_after_a_persons_name_are_no_name() {
        assert!(POST_NOMINALS.windows(2).all(|p| p[0] < p[1]), "sorted");
        let r = run(
            "Said Mark Tedeschi, QC, and Jane Roe, MD, PhD, in Baltimore, MD, today.",
            &[
                ("Mark Tedeschi", PERSON),
                ("QC", PLACE),
                ("Jane Roe", PERSON),
                ("MD", PLACE),
                ("PhD", ORGANIZATION),
                ("Baltimore", PLACE),
                ("MD", PLACE),
            ],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Mark Tedeschi", "Jane Roe", "Baltimore", "MD"]);
    }

    #[test]
    fn ok_alone_is_no_place_but_after_a_town_it_is() {
        let r = run(
            "OK, it was fine. Take US-75 from Tulsa, OK, then go on.",
            &[("OK", PLACE), ("Tulsa", PLACE), ("OK", PLACE)],
        );
        let got: Vec<&str> = r.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(got, ["Tulsa", "OK"]);
        assert_eq!(r[1].1, NameType::Place);
    }

    #[test]
    fn storm_qualifiers_join_the_storm() {
        // the tagger's span may hold the qualifiers and storm word, or start after them
        let r = run(
            "Tropical Storm Harvey hit Houston. Super Typhoon Haiyan hit Tacloban. \
             Harvey stalled. Severe Cyclonic Storm Fani grew, Tropical ministers said.",
            &[
                ("Tropical Storm Harvey", ORGANIZATION),
                ("Houston", PLACE),
                ("Haiyan", PERSON),
                ("Tacloban", PLACE),
                ("Harvey", PERSON),
                ("Storm Fani", PERSON),
                ("Tropical", PERSON),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("Tropical Storm Harvey", NameType::Other),
                ("Houston", NameType::Place),
                ("Super Typhoon Haiyan", NameType::Other),
                ("Tacloban", NameType::Place),
                ("Harvey", NameType::Other),
                ("Severe Cyclonic Storm Fani", NameType::Other),
                ("Tropical", NameType::Person),
            ]
        );
    }

    #[test]
    fn a_given_name_once_taken_for_a_person_is_one() {
        let text = "Gloria cried. Gloria slept. Gloria ate. Chase won. Chase lost. Chase drew.";
        let doc = Document::new(text);
        let at = |i: usize, ty: usize| Mention::new(i..i + 1, ty);
        // three mentions each; the tagger took each name for a person once
        let ms = vec![
            at(0, PERSON),
            at(3, ORGANIZATION),
            at(6, ORGANIZATION),
            at(9, PERSON),
            at(12, ORGANIZATION),
            at(15, ORGANIZATION),
        ];
        let types: Vec<Label> = link(&doc, ms).into_iter().map(|a| a.label).collect();
        let person = Label::Name(NameType::Person);
        let org = Label::Name(NameType::Organization);
        // “Chase” is a surname too: the majority keeps it an organization
        assert_eq!(types, [person, person, person, org, org, org]);
    }

    #[test]
    fn an_office_after_a_determiner_designates_its_holder() {
        let r = run(
            "Madam Speaker, the Secretary's order stands, and President Joe Biden agreed; the \
             Speaker nor the Vice President objected. The President of Mexico, the President \
             (Biden) and the Senator from Ohio did not. Larry King met the King. We hold this \
             President accountable.",
            &[
                ("Joe Biden", PERSON),
                ("Mexico", PLACE),
                ("Biden", PERSON),
                ("Larry King", PERSON),
            ],
        );
        let got: Vec<(&str, NameType)> = r.iter().map(|m| (m.0.as_str(), m.1)).collect();
        assert_eq!(
            got,
            [
                ("Madam Speaker", NameType::Person),
                ("Secretary", NameType::Person),
                ("Joe Biden", NameType::Person),
                ("Speaker", NameType::Person),
                ("Vice President", NameType::Person),
                ("Mexico", NameType::Place),
                ("Biden", NameType::Person),
                ("Larry King", NameType::Person),
                ("President", NameType::Person),
            ]
        );
    }

    #[test]
    fn a_designation_names_the_one_person_titled_with_its_office() {
        let r = run(
            "President Joe Biden spoke. The President left. Vice President Kamala Harris \
             stayed, and the Vice President smiled. Later Governor Ana Ruiz came, Governor \
             Tom Hale too; the Governor waved.",
            &[
                ("Joe Biden", PERSON),
                ("Kamala Harris", PERSON),
                ("Ana Ruiz", PERSON),
                ("Tom Hale", PERSON),
            ],
        );
        let got: Vec<(&str, u32)> = r.iter().map(|m| (m.0.as_str(), m.2)).collect();
        assert_eq!(
            got.iter().map(|m| m.0).collect::<Vec<_>>(),
            [
                "Joe Biden",
                "President",
                "Kamala Harris",
                "Vice President",
                "Ana Ruiz",
                "Tom Hale",
                "Governor"
            ]
        );
        assert_eq!(got[1].1, got[0].1);
        assert_eq!(got[3].1, got[2].1);
        // two governors: the designation names neither
        assert!(got[6].1 != got[4].1 && got[6].1 != got[5].1);
    }

    #[test]
    fn a_long_run_of_initials_stays_linear() {
        // one person mention of 60,000 words: every trailing part of it as a key would
        // take about 20 GB
        let text = "J. ".repeat(60_000);
        let doc = Document::new(&text);
        let ms = vec![Mention::new(0..doc.tokens.len(), PERSON)];
        let out = link(&doc, ms);
        assert_eq!(out.len(), 1);
    }
}
