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
    // The adjunct is skipped: the relative clause's name speaks.
    let q =
        analyze_text("Ana Brill, who in the past described the plan as \"a costly mistake\", now backs it.")
            .quotes;
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].kind, super::QuoteKind::Partial);
    assert_eq!(
        q[0].attribution.as_ref().map(|a| a.speaker.as_str()),
        Some("Ana Brill"),
        "{q:?}"
    );
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

/// The speaker of each direct or partial quote of `body`, in order.
fn quote_speakers(body: &str) -> Vec<Option<String>> {
    analyze_text(body)
        .quotes
        .into_iter()
        .filter(|q| q.kind != super::model::QuoteKind::Indirect)
        .map(|q| q.attribution.map(|a| a.speaker.to_string()))
        .collect()
}

#[test]
fn a_quote_closed_by_a_full_stop_does_not_take_the_next_clause_s_subject() {
    let s = quote_speakers(
        "“It is a sad day,” the harbour master said. “It shows a lack of nerve.” Voss said both rivals were weak.",
    );
    assert_eq!(s[0].as_deref(), Some("the harbour master"), "{s:?}");
    assert_ne!(s[1].as_deref(), Some("Voss"), "{s:?}");
}

#[test]
fn an_adjunct_between_subject_and_cue_is_skipped() {
    let s = quote_speakers("Tamsin Rook in her closing speech called the levy “a tax on bread.”");
    assert_eq!(s, [Some("Tamsin Rook".to_owned())]);
    let s = quote_speakers("Odell Brack, who has in the past described the mill as “a relic,” left early.");
    assert_eq!(s, [Some("Odell Brack".to_owned())]);
}

#[test]
fn a_participle_after_a_determiner_is_an_adjective_in_the_speaker() {
    let s = quote_speakers("“There is no edge for anyone,” said one unaligned county strategist.");
    assert_eq!(s, [Some("one unaligned county strategist".to_owned())]);
}

#[test]
fn a_phrase_before_a_preposition_speaks_and_more_cue_verbs() {
    let s = quote_speakers("“Hello, neighbours!” a welcome banner on the town hall reads.");
    assert_eq!(s, [Some("a welcome banner".to_owned())]);
    let s = quote_speakers("“Back to the mill,” Ferris barked. “What a day!” beamed Dora Hale of Westby.");
    assert_eq!(s, [Some("Ferris".to_owned()), Some("Dora Hale".to_owned())]);
}

#[test]
fn a_possessive_cue_noun_inside_a_reported_clause_gives_the_outer_speaker() {
    let s = quote_speakers("Mira Holt said Kessler’s remarks “amount to a threat against the ferry crews.”");
    assert_eq!(s, [Some("Mira Holt".to_owned())]);
    // With no verb of saying before it, the possessive speaks.
    let s = quote_speakers("The crowd cheered Kessler’s call for “a fair wage.”");
    assert_eq!(s, [Some("Kessler".to_owned())]);
}

#[test]
fn a_verb_and_particle_after_a_quote_name_the_speaker() {
    let s = quote_speakers(
        "“The toll stays,” Mayor Ines Vale said. “Ines wants to look tough tonight,” Odile Marsh shot back. “No!” the crowd cried out.",
    );
    assert_eq!(
        s,
        [
            Some("Ines Vale".to_owned()),
            Some("Odile Marsh".to_owned()),
            Some("the crowd".to_owned())
        ]
    );
    // A particle that does not close the clause is no cue.
    let s = quote_speakers("“Fine,” Odile Marsh went on to win the vote.");
    assert_ne!(s[0].as_deref(), Some("Odile Marsh"), "{s:?}");
}

#[test]
fn always_already_and_ever_sit_between_a_subject_and_its_cue() {
    let a = attributions("The harbour board has always claimed the pier is \"safe for decades\".");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].speaker, "The harbour board", "{a:?}");
    let a = attributions("Mira Olsen already told the council the ferry was \"a lost cause\".");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].name.as_deref(), Some("Mira Olsen"), "{a:?}");
}

#[test]
fn referred_to_x_as_q_names_its_subject() {
    let a =
        attributions("At the quay on Monday, Ines Varga referred to the new ferry as \"a floating shed\".");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].name.as_deref(), Some("Ines Varga"), "{a:?}");
    let a = attributions("The warden often refers to the marsh as \"our quiet lung\" in her talks.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].speaker, "The warden", "{a:?}");
}

#[test]
fn verbs_of_scolding_are_cues() {
    let a = attributions("Pell Oduya chided the planners for their \"paper bridges\" at the hearing.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].name.as_deref(), Some("Pell Oduya"), "{a:?}");
    let a = attributions("The ferry union derided the timetable as \"pure fiction\" on Friday.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].speaker, "The ferry union", "{a:?}");
}
