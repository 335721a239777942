//! Coreference for speakers: the gender the document gives each person, and the person a
//! pronoun refers to.
//!
//! Gender comes from the document itself: a title before a mention (`Mr.`, `Mrs.`,
//! `Ms.`), and the gendered pronouns (he/his/him, she/her) that follow a mention before
//! any other person is named, in the same or the next sentence. A pronoun speaker is
//! the nearest person named before it outside quotations whose gender matches; when no
//! gender is known, the nearest person.

use super::cues::{gender_word, Gender};
use super::Ctx;
use crate::numbers::lexicon::FnvMap;
use crate::span::NameType;
use std::sync::OnceLock;

/// Common given names of clear gender (lowercase). A name's gender from the text itself
/// (a title, the pronouns after it) outweighs this list.
fn given_name(w: &str) -> Gender {
    const MALE: &[&str] = &[
        "james",
        "john",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "christopher",
        "daniel",
        "matthew",
        "anthony",
        "mark",
        "donald",
        "steven",
        "paul",
        "andrew",
        "joshua",
        "kenneth",
        "kevin",
        "brian",
        "george",
        "timothy",
        "ronald",
        "edward",
        "jason",
        "jeffrey",
        "ryan",
        "jacob",
        "gary",
        "nicholas",
        "eric",
        "jonathan",
        "stephen",
        "larry",
        "justin",
        "scott",
        "brandon",
        "benjamin",
        "samuel",
        "gregory",
        "frank",
        "alexander",
        "raymond",
        "patrick",
        "jack",
        "dennis",
        "jerry",
        "tyler",
        "aaron",
        "jose",
        "adam",
        "henry",
        "nathan",
        "douglas",
        "zachary",
        "peter",
        "kyle",
        "walter",
        "ethan",
        "jeremy",
        "harold",
        "keith",
        "christian",
        "roger",
        "noah",
        "gerald",
        "carl",
        "terry",
        "sean",
        "austin",
        "arthur",
        "lawrence",
        "jesse",
        "dylan",
        "bryan",
        "joe",
        "jordan",
        "billy",
        "bruce",
        "albert",
        "willie",
        "gabriel",
        "logan",
        "alan",
        "juan",
        "wayne",
        "roy",
        "ralph",
        "randy",
        "eugene",
        "vincent",
        "russell",
        "elijah",
        "louis",
        "bobby",
        "philip",
        "johnny",
        "bernie",
        "barack",
        "bill",
        "mike",
        "ted",
        "jeb",
        "marco",
        "rand",
        "chris",
        "ben",
        "tim",
        "mitt",
        "newt",
        "vladimir",
        "emmanuel",
        "xi",
        "narendra",
        "boris",
        "justin",
        "andrés",
        "luiz",
        "recep",
        "benjamin",
        "olaf",
        "pedro",
        "javier",
        "jim",
        "tom",
        "bob",
        "dan",
        "steve",
        "tony",
        "nick",
        "greg",
        "rick",
        "ron",
        "ed",
    ];
    const FEMALE: &[&str] = &[
        "mary",
        "patricia",
        "jennifer",
        "linda",
        "elizabeth",
        "barbara",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "lisa",
        "nancy",
        "betty",
        "margaret",
        "sandra",
        "ashley",
        "kimberly",
        "emily",
        "donna",
        "michelle",
        "carol",
        "amanda",
        "dorothy",
        "melissa",
        "deborah",
        "stephanie",
        "rebecca",
        "sharon",
        "laura",
        "cynthia",
        "kathleen",
        "amy",
        "angela",
        "shirley",
        "anna",
        "brenda",
        "pamela",
        "emma",
        "nicole",
        "helen",
        "samantha",
        "katherine",
        "christine",
        "debra",
        "rachel",
        "carolyn",
        "janet",
        "catherine",
        "maria",
        "heather",
        "diane",
        "ruth",
        "julie",
        "olivia",
        "joyce",
        "virginia",
        "victoria",
        "kelly",
        "lauren",
        "christina",
        "joan",
        "evelyn",
        "judith",
        "megan",
        "andrea",
        "cheryl",
        "hannah",
        "jacqueline",
        "martha",
        "gloria",
        "teresa",
        "ann",
        "sara",
        "madison",
        "frances",
        "kathryn",
        "janice",
        "jean",
        "abigail",
        "alice",
        "judy",
        "sophia",
        "grace",
        "denise",
        "amber",
        "doris",
        "marilyn",
        "danielle",
        "beverly",
        "isabella",
        "theresa",
        "diana",
        "natalie",
        "brittany",
        "charlotte",
        "marie",
        "kayla",
        "alexis",
        "lori",
        "hillary",
        "claudia",
        "angela",
        "theresa",
        "kamala",
        "nikki",
        "sarah",
        "carly",
        "elizabeth",
        "ursula",
        "giorgia",
        "jacinda",
        "marine",
        "christine",
        "nancy",
        "condoleezza",
        "melania",
        "ivanka",
        "michelle",
        "liz",
        "kate",
        "sue",
        "jane",
        "kellyanne",
        "huma",
        "debbie",
    ];
    // the lists as one hash table, built once: a look-up instead of a scan of 262 entries
    // (twice for every person named); a name on both lists is male, as the scans had it
    static TABLE: OnceLock<FnvMap<&'static str, Gender>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = FnvMap::default();
        for &n in FEMALE {
            t.insert(n, Gender::Female);
        }
        for &n in MALE {
            t.insert(n, Gender::Male);
        }
        t
    });
    table.get(w).copied().unwrap_or(Gender::Unknown)
}

/// Per-entity gender votes.
#[derive(Default)]
pub struct Genders {
    votes: FnvMap<u32, (u32, u32)>,
}

impl Genders {
    /// Reads the genders of `ctx`'s person entities.
    pub fn infer(ctx: &Ctx) -> Genders {
        let mut g = Genders::default();
        let doc = ctx.doc;
        // titles before a mention
        for n in &ctx.names {
            let Some(e) = n.entity else { continue };
            if n.ty != NameType::Person {
                continue;
            }
            let i = doc.token_at_or_after(n.span.start);
            let title = i
                .checked_sub(1)
                .map(|j| ctx.lower(j))
                .map(|w| w.trim_end_matches('.'))
                .unwrap_or("");
            // (an ASCII token's lowercase form is at hand; only others are lowercased here)
            let first: std::borrow::Cow<str> = match doc.tokens.get(i) {
                Some(t) if t.span.len() <= 40 && doc.slice(t.span).is_ascii() => {
                    ctx.lower(i).into()
                }
                Some(t) => doc.slice(t.span).to_ascii_lowercase().into(),
                None => "".into(),
            };
            let first = first.trim_end_matches('.');
            for w in [title, first] {
                match w {
                    "mr" => g.vote(e, Gender::Male, 3),
                    "mrs" | "ms" | "miss" => g.vote(e, Gender::Female, 3),
                    _ => {}
                }
            }
            // a common given name opening the name (or just before it)
            let before = i
                .checked_sub(1)
                .filter(|&j| doc.tokens[j].span.end + 1 >= n.span.start)
                .map(|j| ctx.lower(j))
                .unwrap_or("");
            for w in [first, before] {
                match given_name(w) {
                    Gender::Unknown => {}
                    gender => g.vote(e, gender, 2),
                }
            }
        }
        // the next gendered pronoun after a mention, before another person is named
        let mut last: Option<(u32, usize)> = None; // entity, sentence index
        let mut ni = 0;
        for (ti, t) in doc.tokens.iter().enumerate() {
            // (a token opening with an ASCII byte other than h, m or s is no gender word,
            // in either case: turned away before its lowercase form is read)
            if doc
                .text
                .as_bytes()
                .get(t.span.start)
                .is_some_and(|&b| b.is_ascii() && !matches!(b | 0x20, b'h' | b'm' | b's'))
            {
                continue;
            }
            let gw = gender_word(ctx.lower(ti));
            if gw == Gender::Unknown || ctx.lower(ti).ends_with('.') || ctx.lower(ti) == "mr" {
                continue;
            }
            // a pronoun right after a quotation is what is being resolved, not evidence
            let after_quote = ti
                .checked_sub(1)
                .map(|j| doc.token_text(j))
                .is_some_and(|p| p.chars().any(super::marks::is_mark))
                || ti.checked_sub(2).is_some_and(|j| {
                    doc.token_text(j).chars().any(super::marks::is_mark) && ctx.lower(j + 1) == ","
                });
            if after_quote {
                continue;
            }
            // (the names before the token are read only now: `last` is read only here)
            while ni < ctx.names.len() && ctx.names[ni].span.end <= t.span.start {
                let n = &ctx.names[ni];
                if n.ty == NameType::Person && !ctx.in_quote(n.span.start) {
                    if let Some(e) = n.entity {
                        last = Some((e, ctx.sentence_of(n.span.start)));
                    }
                }
                ni += 1;
            }
            if let Some((e, s)) = last {
                let here = ctx.sentence_of(t.span.start);
                // McCaskill scolded him: an object in the name's own sentence is someone else
                let object = here == s && matches!(ctx.lower(ti), "him" | "her");
                if here <= s + 1 && !ctx.in_quote(t.span.start) && !object {
                    g.vote(e, gw, 1);
                    last = None;
                }
            }
        }
        g
    }

    fn vote(&mut self, e: u32, gender: Gender, n: u32) {
        let v = self.votes.entry(e).or_default();
        match gender {
            Gender::Male => v.0 += n,
            Gender::Female => v.1 += n,
            Gender::Unknown => {}
        }
    }

    /// The gender of entity `e`, as far as the document tells.
    pub fn of(&self, e: u32) -> Gender {
        match self.votes.get(&e) {
            Some(&(m, f)) if m > f => Gender::Male,
            Some(&(m, f)) if f > m => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// A party and state tag after a politician's name, taken for a name: `(D-Mo.)`,
/// `(R-Texas)`. No pronoun refers to it.
fn party_tag(ctx: &Ctx, span: crate::span::Span) -> bool {
    let text = ctx.doc.slice(span);
    let before = ctx.doc.text.get(..span.start).unwrap_or("");
    text.len() <= 16 && before.ends_with('(') && matches!(text.get(..2), Some("D-" | "R-" | "I-"))
}

/// The entity a pronoun at byte `pos` with `gender` refers to: the nearest person named
/// before it outside quotations, of matching gender when genders are known.
pub fn resolve_pronoun(ctx: &Ctx, genders: &Genders, pos: usize, gender: Gender) -> Option<u32> {
    if gender == Gender::Unknown {
        return None;
    }
    let end = ctx.names.partition_point(|n| n.span.start < pos);
    let mut fallback: Option<(u32, usize)> = None;
    let here = ctx.sentence_of(pos);
    let mut seen = 0;
    for n in ctx.names[..end].iter().rev() {
        if n.ty != NameType::Person || ctx.in_quote(n.span.start) || party_tag(ctx, n.span) {
            continue;
        }
        let Some(e) = n.entity else { continue };
        seen += 1;
        if seen > 40 {
            break;
        }
        match genders.of(e) {
            g if g == gender => {
                // a person of unknown gender in the pronoun's own sentence is nearer
                // than one of matching gender named in an earlier sentence
                if let Some((f, fs)) = fallback {
                    if fs == here && ctx.sentence_of(n.span.start) < here {
                        return Some(f);
                    }
                }
                return Some(e);
            }
            Gender::Unknown if fallback.is_none() => {
                fallback = Some((e, ctx.sentence_of(n.span.start)));
            }
            _ => {}
        }
    }
    fallback.map(|(f, _)| f)
}
