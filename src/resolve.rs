//! Resolve: the one place that decides what happens when findings overlap, and that
//! links names into entities.
//!
//! The recognizers propose; this module disposes. Its output holds these promises:
//! every span is non-empty, inside the text and on `char` boundaries; spans are sorted
//! by start, then longest first, then quote before name before number; any two spans
//! are either disjoint or nested, never crossing.
//!
//! # Overlap policy
//!
//! 1. **Quotes first.** Quotes may nest in quotes. Of two quotes that cross, the one
//!    that starts first stays: `“a ‘b” c’` keeps `“a ‘b”`.
//! 2. **Names and numbers may sit inside a quote**, never across one of its ends and
//!    never around one: in `“We paid $5,” Smith said` the money stays inside the quote;
//!    a name proposal `Smith said “We` is dropped.
//! 3. **Names and numbers never cross each other.** Of two that overlap, the longer span
//!    wins, and a number wins a tie: `April 16` (a date) beats a name proposal `April`.
//!    A number wholly inside a longer name stays, nested in it, when it holds a figure:
//!    `World War [II]`, `the [Ninth] Circuit`, `[COVID-19]`'s `19`, `Apollo [11]` (the
//!    name outside, the number inside, as a name sits inside a quote). A calendar word
//!    with no digit inside a name is part of the name, not a date: `Friday Harbor`,
//!    `March of Dimes`, `April Ryan` keep no number. A name never sits inside a number.
//! 4. Identical proposals of one kind collapse into the first.
//!
//! Whatever a recognizer proposes, the output is sound: spans that are empty, out of
//! bounds or off `char` boundaries are dropped, as are such speaker mentions and cues;
//! only quotes keep speakers and cues, only names keep entity ids.
//!
//! ```
//! use newsmark::resolve::resolve;
//! use newsmark::{Annotation, Label, NameType, NumberType, QuoteType};
//!
//! let text = "“We paid $5,” Jo Smith said.";
//! let at = |s: &str| text.find(s).unwrap();
//! let quote = Annotation::new(0..at(" Jo"), Label::Quote(QuoteType::Direct));
//! let money = Annotation::new(at("$")..at(",”"), Label::Number(NumberType::Money));
//! let across = Annotation::new(at("5")..at(" said"), Label::Name(NameType::Person));
//! let name = Annotation::new(at("Jo")..at(" said"), Label::Name(NameType::Person));
//! let found = resolve(text, vec![across, name, money, quote]);
//! let kept: Vec<&str> = found.spans.iter().map(|a| &text[a.span]).collect();
//! // the quote, the money inside it, the name after it; the name across its end is gone
//! assert_eq!(kept, ["“We paid $5,”", "$5", "Jo Smith"]);
//! ```
//!
//! # Linking
//!
//! Entity ids proposed by the name recognizer are renumbered densely in order of first
//! mention. Each entity is named by its longest mention (in characters) that is not titles
//! alone (“Kamala Harris”, not “Vice President”; the longest of all when every mention is)
//! and typed by the type most of its mentions carry. A quote's speaker that points at an entity takes the
//! entity's name; one whose entity lost all its mentions keeps its own name and no id.

use crate::numbers::lexicon::FnvMap;
use crate::span::{Annotation, Annotations, Entity, Kind, Label, NameType, Span};
use std::collections::BTreeMap;

/// Applies the overlap policy and links entities. See the module docs.
///
/// The order of `proposals` matters only among proposals of one kind (the first of
/// identical ones stays); kinds may come in any order.
// Annotations are large (over 200 bytes natively): every sort here runs over compact
// keys that carry the proposal's index, never over the annotations, and the kept ones are
// moved into output order inside the proposals' own buffer, so one document's findings are
// held once, not twice. The index as the last key makes each unstable sort give what a
// stable sort by the other keys would.
pub fn resolve(text: &str, proposals: Vec<Annotation>) -> Annotations {
    use std::cmp::Reverse;
    let valid = |s: Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut proposals = proposals;
    // (start, end first, index) of each quote; (longest first, number first, start, end,
    // index) of each name and number
    let mut quotes: Vec<(usize, Reverse<usize>, usize)> = Vec::new();
    let mut others: Vec<(Reverse<usize>, bool, usize, usize, usize)> =
        Vec::with_capacity(proposals.len());
    for (i, a) in proposals.iter_mut().enumerate() {
        if !valid(a.span) {
            continue;
        }
        // what is attached must be as sound as the span: the renderers slice by it
        if a.kind() != Kind::Quote {
            a.speaker = None;
            a.cue = None;
        }
        if a.kind() != Kind::Name {
            a.entity = None;
        }
        if let Some(sp) = a.speaker.as_mut() {
            sp.mention = sp.mention.filter(|&m| valid(m));
        }
        a.cue = a.cue.filter(|&c| valid(c));
        let s = a.span;
        if a.kind() == Kind::Quote {
            quotes.push((s.start, Reverse(s.end), i));
        } else {
            others.push((
                Reverse(s.len()),
                a.kind() != Kind::Number,
                s.start,
                s.end,
                i,
            ));
        }
    }

    // 1. quotes: a laminar family, earliest start wins
    quotes.sort_unstable();
    quotes.dedup_by_key(|&mut (start, end, _)| (start, end));
    // (start, end first, kind, index) of each kept proposal
    let mut kept: Vec<(usize, Reverse<usize>, Kind, usize)> =
        Vec::with_capacity(quotes.len() + others.len());
    let mut stack: Vec<Span> = Vec::new();
    for (start, Reverse(end), q) in quotes {
        while stack.last().is_some_and(|top| top.end <= start) {
            stack.pop();
        }
        if stack.last().is_some_and(|top| end > top.end) {
            continue; // crosses an earlier quote
        }
        stack.push(Span::new(start, end));
        kept.push((start, Reverse(end), Kind::Quote, q));
    }

    // 2. and 3. names and numbers: longest first, number before name on a tie
    let mut bounds: Vec<usize> = kept
        .iter()
        .flat_map(|&(start, Reverse(end), _, _)| [start, end])
        .collect();
    bounds.sort_unstable();
    let cuts_a_quote = |s: Span| {
        let i = bounds.partition_point(|&b| b <= s.start);
        bounds.get(i).is_some_and(|&b| b < s.end)
    };
    others.sort_unstable();
    // start -> (end, a name?), disjoint; and the numbers nested in those names, disjoint
    let mut taken: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
    let mut nested: BTreeMap<usize, usize> = BTreeMap::new();
    for (_, is_name, start, end, i) in others {
        let s = Span::new(start, end);
        let kind = if is_name { Kind::Name } else { Kind::Number };
        if cuts_a_quote(s) {
            continue;
        }
        // taken spans are disjoint: the last one starting before `s` ends is the only one
        // that can hold it whole
        let before = taken.range(..s.end).next_back();
        if let Some((&start, &(end, name))) = before.filter(|(_, &(end, _))| end > s.start) {
            let inside = start <= s.start && s.end <= end && end - start > s.len();
            let free = nested
                .range(..s.end)
                .next_back()
                .map_or(true, |(_, &e)| e <= s.start);
            if name && inside && free && !is_name && holds_figure(text, &proposals[i]) {
                nested.insert(s.start, s.end);
                kept.push((s.start, Reverse(s.end), kind, i));
            }
            continue;
        }
        taken.insert(s.start, (s.end, is_name));
        kept.push((s.start, Reverse(s.end), kind, i));
    }
    drop((taken, nested, bounds));

    kept.sort_unstable();
    let order: Vec<usize> = kept.into_iter().map(|(.., i)| i).collect();
    let mut spans = select(proposals, &order);
    let entities = link(text, &mut spans);
    Annotations { spans, entities }
}

/// `items[order[0]], items[order[1]], …` (indices distinct and in bounds), moved inside
/// `items`' own buffer: the kept are compacted in place, then put in order by following
/// the cycles of the permutation, a swap per item.
fn select<T>(mut items: Vec<T>, order: &[usize]) -> Vec<T> {
    // rank[i]: where item i lands when the kept are compacted in their old order
    const GONE: usize = usize::MAX;
    let mut rank = vec![GONE; items.len()];
    for &i in order {
        if let Some(r) = rank.get_mut(i) {
            *r = 0;
        }
    }
    for (n, r) in rank.iter_mut().filter(|r| **r != GONE).enumerate() {
        *r = n;
    }
    let mut kept = rank.iter().map(|&r| r != GONE);
    items.retain(|_| kept.next().unwrap_or(false));
    // from[j]: where the item for place j is now
    let from: Vec<usize> = order.iter().filter_map(|&i| rank.get(i).copied()).collect();
    drop(rank);
    let mut done = vec![false; from.len()];
    for first in 0..from.len() {
        let mut j = first;
        while !done[j] {
            done[j] = true;
            let k = from[j];
            if k == first {
                break;
            }
            items.swap(j, k);
            j = k;
        }
    }
    items.truncate(from.len());
    items.shrink_to_fit();
    items
}

/// True for a number that may nest in a name: any but a date or time written without a
/// digit (a month or weekday word inside a name is part of the name).
fn holds_figure(text: &str, a: &Annotation) -> bool {
    use crate::span::NumberType;
    match a.label {
        Label::Number(NumberType::Date | NumberType::Time) => {
            text[a.span.range()].bytes().any(|b| b.is_ascii_digit())
        }
        _ => true,
    }
}

fn link(text: &str, spans: &mut [Annotation]) -> Vec<Entity> {
    // looked up only, never iterated: FNV, no SipHash
    let mut renumber: FnvMap<u32, u32> = FnvMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut type_votes: Vec<[u32; 4]> = Vec::new();
    // whether each entity's name so far is titles alone, its length in chars, and the
    // mention that gave it
    let mut longest: Vec<(bool, usize, Span)> = Vec::new();
    let lists = crate::names::lists::lists();
    let titles_alone = |s: &str| {
        s.split_whitespace()
            .all(|w| lists.word(w) & crate::names::lists::TITLE != 0)
    };
    for a in spans.iter_mut() {
        let (Label::Name(ty), Some(old)) = (a.label, a.entity) else {
            if a.kind() == Kind::Name {
                // a name without a proposed entity is an entity of its own
                let id = entities.len() as u32;
                entities.push(Entity {
                    id,
                    name: text[a.span.range()].to_string(),
                    kind: match a.label {
                        Label::Name(t) => t,
                        _ => NameType::Other,
                    },
                    mentions: 1,
                });
                type_votes.push([0; 4]);
                longest.push((false, 0, a.span));
                a.entity = Some(id);
            }
            continue;
        };
        let next = entities.len() as u32;
        let id = *renumber.entry(old).or_insert(next);
        if id == next {
            entities.push(Entity {
                id,
                name: String::new(),
                kind: ty,
                mentions: 0,
            });
            type_votes.push([0; 4]);
            longest.push((false, 0, a.span));
        }
        entities[id as usize].mentions += 1;
        let mention = &text[a.span.range()];
        let chars = mention.chars().count();
        let best = &mut longest[id as usize];
        // (the lists are asked only when the mention may win: the first, a longer one, or
        // any while the name so far is titles alone)
        if best.1 == 0 || chars > best.1 || best.0 {
            let titled = titles_alone(mention);
            if best.1 == 0 || (best.0 && !titled) || (best.0 == titled && chars > best.1) {
                *best = (titled, chars, a.span);
            }
        }
        type_votes[id as usize][ty as usize] += 1;
        a.entity = Some(id);
    }
    for (e, &(_, chars, span)) in entities.iter_mut().zip(&longest) {
        if chars > 0 {
            e.name = text[span.range()].to_string();
        }
    }
    for (e, votes) in entities.iter_mut().zip(&type_votes) {
        if votes.iter().any(|&v| v > 0) {
            let best = (0..4)
                .max_by_key(|&i| (votes[i], std::cmp::Reverse(i)))
                .unwrap_or(0);
            e.kind = [
                NameType::Person,
                NameType::Organization,
                NameType::Place,
                NameType::Other,
            ][best];
        }
    }
    for a in spans.iter_mut() {
        if let Some(sp) = a.speaker.as_mut() {
            match sp.entity.and_then(|old| renumber.get(&old)) {
                Some(&id) => {
                    sp.entity = Some(id);
                    sp.name = entities[id as usize].name.clone();
                }
                None => sp.entity = None,
            }
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{NumberType, QuoteType};

    fn q(a: usize, b: usize) -> Annotation {
        Annotation::new(a..b, Label::Quote(QuoteType::Direct))
    }
    fn n(a: usize, b: usize) -> Annotation {
        Annotation::new(a..b, Label::Name(NameType::Person))
    }
    fn num(a: usize, b: usize) -> Annotation {
        Annotation::new(a..b, Label::Number(NumberType::Cardinal))
    }
    fn spans(r: &Annotations) -> Vec<(usize, usize, Kind)> {
        r.spans
            .iter()
            .map(|a| (a.span.start, a.span.end, a.kind()))
            .collect()
    }

    #[test]
    fn the_order_of_the_kinds_in_the_proposals_changes_nothing() {
        // annotate_with gathers the kinds in whichever buffer is largest: any order of the
        // three must give the same result, ties and nested numbers included
        let text = "“We paid $5 million to Route 66 Partners in 2024,” said Jane Doe, \
                    the mayor of Springfield. Doe added: “Two of the 3 bids came late.” \
                    Route 66 reopened on April 16 for 18 to 44 hours.";
        let doc = crate::Document::new(text);
        let names = crate::names::recognize(&doc);
        let quotes = crate::quotes::recognize(&doc, &names);
        let numbers = crate::numbers::recognize(&doc);
        assert!(!names.is_empty() && !quotes.is_empty() && !numbers.is_empty());
        let kinds = [names, quotes, numbers];
        let whole = |order: [usize; 3]| {
            let all: Vec<Annotation> = order.iter().flat_map(|&k| kinds[k].clone()).collect();
            resolve(text, all)
        };
        let first = whole([0, 1, 2]);
        assert!(first.spans.len() > 10 && !first.entities.is_empty());
        for order in [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            assert_eq!(whole(order), first, "{order:?}");
        }
    }

    #[test]
    fn crossing_quotes_keep_the_earliest() {
        let r = resolve(&"x".repeat(20), vec![q(5, 15), q(0, 10), q(1, 3)]);
        assert_eq!(spans(&r), [(0, 10, Kind::Quote), (1, 3, Kind::Quote)]);
    }

    #[test]
    fn names_sit_inside_quotes_but_never_across() {
        let r = resolve(
            &"x".repeat(30),
            vec![q(0, 10), n(2, 5), n(8, 14), num(20, 25)],
        );
        assert_eq!(
            spans(&r),
            [
                (0, 10, Kind::Quote),
                (2, 5, Kind::Name),
                (20, 25, Kind::Number)
            ]
        );
    }

    #[test]
    fn longer_wins_and_number_wins_ties() {
        let r = resolve(
            &"x".repeat(30),
            vec![n(0, 5), num(0, 8), n(10, 13), num(10, 13)],
        );
        assert_eq!(spans(&r), [(0, 8, Kind::Number), (10, 13, Kind::Number)]);
    }

    #[test]
    fn numbers_nest_in_names_but_names_never_in_numbers() {
        let text = "World War II and Article III; Friday Harbor; April 16 ended";
        let at = |s: &str| text.find(s).unwrap();
        let name = |s: &str| n(at(s), at(s) + s.len());
        let number =
            |s: &str, ty: NumberType| Annotation::new(at(s)..at(s) + s.len(), Label::Number(ty));
        let r = resolve(
            text,
            vec![
                name("World War II"),
                number("II and", NumberType::Cardinal), // crosses the name's end
                name("Article III"),
                number("III", NumberType::Cardinal),
                name("Friday Harbor"),
                number("Friday", NumberType::Date), // a calendar word: part of the name
                number("April 16", NumberType::Date),
                name("April"), // a name inside a number: gone
            ],
        );
        let kept: Vec<(&str, Kind)> = r.spans.iter().map(|a| (&text[a.span], a.kind())).collect();
        assert_eq!(
            kept,
            [
                ("World War II", Kind::Name),
                ("Article III", Kind::Name),
                ("III", Kind::Number),
                ("Friday Harbor", Kind::Name),
                ("April 16", Kind::Number),
            ]
        );
        let r = resolve(
            text,
            vec![name("World War II"), num(6, 12), num(10, 12), num(0, 5)],
        );
        let inline = crate::render::inline(text, &r, &[Kind::Name, Kind::Number]);
        assert!(
            inline.starts_with("[person [cardinal World] [cardinal War II]]"),
            "{inline}"
        );
        // numbers nested in one name never overlap each other
        assert_eq!(
            spans(&r),
            [
                (0, 12, Kind::Name),
                (0, 5, Kind::Number),
                (6, 12, Kind::Number)
            ]
        );
    }

    #[test]
    fn attachments_are_made_sound() {
        let text = "é said";
        let mut quote = q(0, 2);
        quote.speaker = Some(crate::span::Speaker {
            mention: Some(Span::new(1, 4)), // inside é
            name: "x".into(),
            entity: Some(9),
        });
        quote.cue = Some(Span::new(3, 99));
        let mut number = num(3, 7);
        number.entity = Some(1);
        number.speaker = quote.speaker.clone();
        let r = resolve(text, vec![quote, number]);
        assert_eq!(r.spans[0].speaker.as_ref().and_then(|s| s.mention), None);
        assert_eq!(r.spans[0].speaker.as_ref().and_then(|s| s.entity), None);
        assert_eq!(r.spans[0].cue, None);
        assert_eq!(r.spans[1].entity, None);
        assert!(r.spans[1].speaker.is_none());
    }

    #[test]
    fn select_moves_the_kept_into_order() {
        let items: Vec<u32> = (0..60).map(|i| i * 10).collect();
        // a shuffled subset: every third left out, the rest in an LCG's order
        let mut order: Vec<usize> = (0..60).filter(|i| i % 3 != 0).collect();
        let mut x = 7u64;
        for k in (1..order.len()).rev() {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(k, (x >> 33) as usize % (k + 1));
        }
        let want: Vec<u32> = order.iter().map(|&i| items[i]).collect();
        assert_eq!(select(items, &order), want);
        assert_eq!(select(vec!['a', 'b'], &[1, 0]), ['b', 'a']);
        assert!(select(vec!['a', 'b'], &[]).is_empty());
    }

    #[test]
    fn invalid_spans_are_dropped() {
        let r = resolve("é", vec![n(0, 1), n(1, 1), n(0, 9), n(0, 2)]);
        assert_eq!(spans(&r), [(0, 2, Kind::Name)]);
    }

    #[test]
    fn entities_take_the_longest_mention() {
        let text = "Claudia Sheinbaum said Sheinbaum";
        let mut a = n(0, 17);
        a.entity = Some(7);
        let mut b = n(23, 32);
        b.entity = Some(7);
        let r = resolve(text, vec![b, a]);
        assert_eq!(r.entities.len(), 1);
        assert_eq!(r.entities[0].name, "Claudia Sheinbaum");
        assert_eq!(r.entities[0].mentions, 2);
        assert!(r.spans.iter().all(|s| s.entity == Some(0)));
    }

    #[test]
    fn entities_are_named_by_a_name_before_titles_alone() {
        let text = "Ana Ruiz, the Vice President, and Madam Speaker";
        let mention = |s: &str, e: u32| {
            let start = text.find(s).expect("in text");
            let mut a = n(start, start + s.len());
            a.entity = Some(e);
            a
        };
        let r = resolve(
            text,
            vec![
                mention("Vice President", 1),
                mention("Ana Ruiz", 1),
                mention("Madam Speaker", 2),
            ],
        );
        let names: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
        // “Vice President” is longer, but titles alone; an entity of titles keeps them
        assert_eq!(names, ["Ana Ruiz", "Madam Speaker"]);
    }
}
