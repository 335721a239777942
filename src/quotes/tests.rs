//! Unit tests of the whole quote recognizer.

use super::*;

fn run(text: &str) -> Vec<(String, QuoteType, Option<String>)> {
    let doc = Document::new(text);
    let names = crate::names::recognize(&doc);
    recognize(&doc, &names)
        .into_iter()
        .map(|a| {
            let ty = match a.label {
                Label::Quote(t) => t,
                _ => QuoteType::Scare,
            };
            let sp = a
                .speaker
                .and_then(|s| s.mention)
                .map(|m| text[m].to_string());
            (text[a.span].to_string(), ty, sp)
        })
        .collect()
}

#[test]
fn said_after_the_quote() {
    let r = run("“We will win,” Jane Doe said on Monday.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].1, QuoteType::Direct);
    assert_eq!(r[0].2.as_deref(), Some("Jane Doe"));
}

#[test]
fn the_person_told_is_not_the_speaker() {
    let r = run("“We are ready,” Ana Ruiz told Harbor Radio.");
    assert_eq!(r[0].2.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn pronoun_gender_picks_the_matching_person() {
    let text = "Ana Ruiz met Tom Hale. Mr. Hale left early and his car was gone. \
                “It holds,” she said.";
    let doc = Document::new(text);
    let names = crate::names::recognize(&doc);
    let q = recognize(&doc, &names);
    let sp = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(&text[sp.mention.expect("a mention").range()], "she");
    let e = sp.entity.expect("resolved");
    let named: Vec<&str> = names
        .iter()
        .filter(|n| n.entity == Some(e))
        .map(|n| &text[n.span])
        .collect();
    assert!(named.iter().any(|n| n.contains("Ruiz")), "{named:?}");
}

#[test]
fn an_office_named_as_speaker_is_its_holder() {
    let text = "President Ana Ruiz visited Ohio on Monday.\n\n“We will win this state,” the \
                President said.";
    let doc = Document::new(text);
    let names = crate::names::recognize(&doc);
    let q = recognize(&doc, &names);
    let sp = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(
        &text[sp.mention.expect("a mention").range()],
        "the President"
    );
    let e = sp.entity.expect("resolved");
    assert!(names
        .iter()
        .any(|n| n.entity == Some(e) && &text[n.span] == "Ana Ruiz"));
    // and the whole pipeline names the speaker by the entity
    let found = crate::annotate(text);
    let quote = found.spans.iter().find(|a| a.kind() == Kind::Quote);
    let speaker = quote.and_then(|q| q.speaker.as_ref()).expect("a speaker");
    assert_eq!(speaker.name, "Ana Ruiz");
}

#[test]
fn scare_and_partial_types() {
    let r = run("The so-called “temporary” bridge stood. Ruiz called it “a disgrace” today.");
    assert_eq!(r[0].1, QuoteType::Scare);
    assert_eq!(r[1].1, QuoteType::Partial);
}

#[test]
fn hostile_marks_stay_linear_and_safe() {
    for text in [
        "“".repeat(30_000),
        "\"".repeat(50_000),
        "‘a’ ’".repeat(10_000),
        format!("{}{}", "said “".repeat(5_000), "x".repeat(300_000)),
    ] {
        let doc = Document::new(&text);
        let names = crate::names::recognize(&doc);
        let q = recognize(&doc, &names);
        assert!(q.iter().all(|a| a.span.end <= text.len()));
    }
}

/// The project's sample: its one quote is Claudia Sheinbaum's, through “she”.
#[test]
fn sheinbaum_sample_is_attributed_through_she() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/samples/sheinbaum-troops.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let found = crate::annotate(&text);
    let quotes: Vec<&Annotation> = found
        .spans
        .iter()
        .filter(|a| a.kind() == Kind::Quote && a.label != Label::Quote(QuoteType::Scare))
        .collect();
    assert_eq!(quotes.len(), 1);
    let sp = quotes[0].speaker.as_ref().expect("attributed");
    assert_eq!(&text[sp.mention.expect("a mention").range()], "she");
    // the name is the entity's fullest name, so it is as full as the names recognizer
    // links it: "Claudia Sheinbaum" once the surname is linked to the full name
    assert!(sp.name.ends_with("Sheinbaum"), "{}", sp.name);
    let full_name_found = found.entities.iter().any(|e| e.name == "Claudia Sheinbaum");
    if full_name_found {
        assert_eq!(sp.name, "Claudia Sheinbaum");
    }
}

#[test]
fn a_relative_pronoun_is_the_mention_and_names_its_antecedent() {
    let text = "Support came from Ana Ruiz, who called it “a bridge to somewhere.”";
    let doc = Document::new(text);
    let names = crate::names::recognize(&doc);
    let q = recognize(&doc, &names);
    let sp = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(&text[sp.mention.expect("a mention").range()], "who");
    assert!(sp.name.contains("Ruiz"), "{}", sp.name);
}

#[test]
fn a_description_subject_is_the_source_of_an_uncued_fragment() {
    let r = run("The harbor board has warned of “a slow and costly repair” for years.");
    assert_eq!(r[0].2.as_deref(), Some("The harbor board"));
}

#[test]
fn each_token_reads_as_its_lowercase_form() {
    // ASCII, letters that lowercase outside ASCII (a final sigma by context), caseless
    // ones, and a word over 40 bytes (no form)
    let long = "Ä".repeat(30);
    let text = format!("“Über ΣΟΦΟΣ,” SAID Ölwerk’s CEO — {long} and É. Then “x” ÉCOLE.");
    let doc = Document::new(&text);
    let lowered = Lowered::new(&doc, super::LONGEST_WORD);
    let ctx = Ctx::new(&doc, &lowered, &[], &marks::find(&doc));
    for (i, t) in doc.tokens.iter().enumerate() {
        let word = doc.slice(t.span);
        let expected = if word.len() > 40 {
            String::new()
        } else {
            word.to_lowercase()
        };
        assert_eq!(ctx.lower(i), expected, "token {i}: {word}");
    }
    assert_eq!(ctx.lower(doc.tokens.len()), "");
}
