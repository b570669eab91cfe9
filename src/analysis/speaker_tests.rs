//! Speaker phrases that must not become junk names: bare determiners,
//! group nouns, names with "the" inside, titles carried to later mentions.

use super::analyze_text;
use super::model::Attribution;

fn attributions(body: &str) -> Vec<Attribution> {
    analyze_text(body)
        .quotes
        .into_iter()
        .filter_map(|q| q.attribution)
        .collect()
}

#[test]
fn a_determiner_takes_its_noun_and_is_never_a_name() {
    let a = attributions("The union rejects that version and says fees rose only in March.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].speaker, "The union");
    assert_eq!(a[0].name, None);
    for body in [
        "The denies it and says nothing changed.",
        "Monday said the bridge would reopen.",
    ] {
        assert!(
            attributions(body)
                .iter()
                .all(|a| a.speaker != "The" && a.speaker != "Monday"),
            "{body}"
        );
    }
}

#[test]
fn group_nouns_speak_without_a_name() {
    let a = attributions("Residents said the blaze was out by noon. Organizers said the fair would go on.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(a.iter().all(|a| a.name.is_none()), "{a:?}");
    assert_eq!(a[1].speaker, "Organizers");
}

#[test]
fn a_name_with_the_inside_stays_whole() {
    let a = attributions("The tenants' group Mind the Gap said it would appeal the ruling.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].name.as_deref(), Some("Mind the Gap"));
    // A date before "the" is not part of a name.
    let a = attributions("In May the mayor said the pool would close.");
    assert!(a.iter().all(|a| !a.speaker.contains("May")), "{a:?}");
}

#[test]
fn a_pronoun_or_surname_keeps_the_title_the_person_was_introduced_with() {
    let a = attributions(
        "Mayor Tilde Anvik, who oversaw the dredging, met the press.\n\n\
         \"The channel is safe,\" she said.\n\nAnvik said that the buoys would stay.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    for x in &a {
        assert_eq!(x.name.as_deref(), Some("Tilde Anvik"));
        assert_eq!(x.role.as_deref(), Some("Mayor"), "{x:?}");
    }
}

#[test]
fn an_object_before_the_cue_is_no_speaker_but_the_quote_stays_speech() {
    let q =
        analyze_text("Ana Brill, who in the past described the plan as \"a costly mistake\", now backs it.")
            .quotes;
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].kind, super::QuoteKind::Partial);
    assert!(q[0].attribution.is_none(), "{q:?}");
    let q = analyze_text("The rules say that you can't shout \"fire\" in a crowded hall.").quotes;
    assert!(q.iter().all(|q| q.attribution.is_none()), "{q:?}");
}

#[test]
fn a_cue_in_a_when_clause_or_a_time_before_the_cue_gives_no_speaker() {
    for body in [
        "When Ines Alvar announced the plan in May, the crowd roared \"more buses\".",
        "The board less than a week ago said the fare was \"fixed for good\".",
    ] {
        let q = analyze_text(body).quotes;
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].attribution.is_none(), "{q:?}");
    }
    // "As S said," still introduces S's own words.
    let a = attributions("As Ines Alvar said, \"the buses come first.\"");
    assert_eq!(a[0].name.as_deref(), Some("Ines Alvar"));
}

#[test]
fn a_relative_clause_between_commas_leaves_the_name_before_it() {
    let a = attributions("Ola Brisk, who is trusted by farmers, said the dam was \"safe for now\".");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].name.as_deref(), Some("Ola Brisk"));
    assert_eq!(a[0].role, None);
}
