//! Reported speech without quote marks (issue 10, patterns 1–6), on
//! original sentences with invented names.

use parallax::analysis::{Quote, QuoteKind, analyze_text};

/// The reported statements of `body`: (text, speaker as written, resolved name).
fn reported(body: &str) -> Vec<(String, String, Option<String>)> {
    analyze_text(body)
        .quotes
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q: Quote| {
            let text = q.text(body).to_owned();
            let a = q.attribution.expect("reported speech always has a speaker");
            (text, a.speaker.to_string(), a.name.map(|n| n.to_string()))
        })
        .collect()
}

fn one(body: &str) -> (String, String, Option<String>) {
    let r = reported(body);
    assert_eq!(r.len(), 1, "{body}: {r:?}");
    r.into_iter().next().unwrap_or_default()
}

#[test]
fn a_trailing_cue_ends_the_sentence() {
    // Pattern 1: the branch that could never run.
    let (text, speaker, _) = one("Forty homes were dark, the utility said.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("Forty homes were dark", "the utility")
    );
    let (text, speaker, _) =
        one("The ferry will not sail before noon, Okafor said, adding that the crew was safe.");
    assert_eq!(text, "The ferry will not sail before noon");
    assert_eq!(speaker, "Okafor");
}

#[test]
fn inverted_cue_with_a_role_after_the_name() {
    let body = "The pier will reopen in May, said Lina Brask, a port spokeswoman.";
    let a = analyze_text(body);
    let q = &a.quotes[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.text(body), "The pier will reopen in May");
    let at = q.attribution.as_ref().expect("attributed");
    assert_eq!(at.speaker, "Lina Brask");
    assert_eq!(at.role.as_deref(), Some("a port spokeswoman"));
}

#[test]
fn a_parenthetical_cue_splits_one_clause() {
    let (text, speaker, _) = one("In the end, Mr. Tovey said, most tenants stayed.");
    assert_eq!(speaker, "Tovey");
    assert!(
        text.starts_with("In the end") && text.ends_with("most tenants stayed"),
        "{text}"
    );
    // A quote after the cue is the speech: no reported clause.
    assert!(reported("Asked about the fare, Okafor said, \"It stays.\"").is_empty());
}

#[test]
fn plural_say_and_a_capitalised_clause() {
    let (text, speaker, _) = one("Critics say Halvorsen will cut the grant.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("Halvorsen will cut the grant", "Critics")
    );
    let (text, speaker, _) = one("Pell Orrin says she'll stay on the board.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("she'll stay on the board", "Pell Orrin")
    );
}

#[test]
fn an_aside_or_a_time_between_subject_and_cue() {
    let (text, speaker, _) = one("The mayor, however, said the tunnel was safe.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("the tunnel was safe", "The mayor")
    );
    let (text, speaker, _) = one("The union late Friday said the strike would end.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("the strike would end", "The union")
    );
    let (text, _, _) = one("Dara Quill said Tuesday in a statement that the depot would move.");
    assert_eq!(text, "the depot would move");
    let (text, _, _) = one("Dara Quill says at a rally in Harwick, Lowland, that the depot will move.");
    assert_eq!(text, "the depot will move");
}

#[test]
fn told_a_hearer_with_or_without_that() {
    let (text, speaker, _) = one("Brenner told reporters the shipment never left the dock.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("the shipment never left the dock", "Brenner")
    );
    let (text, _, _) = one("Brenner told the Coastal Ledger that the shipment was late.");
    assert_eq!(text, "the shipment was late");
}

#[test]
fn verbs_without_that() {
    let (text, speaker, _) = one("Okafor claimed he had never seen the ledger.");
    assert_eq!(
        (text.as_str(), speaker.as_str()),
        ("he had never seen the ledger", "Okafor")
    );
    // "claimed a victory" is an object, not speech.
    assert!(reported("Okafor claimed a narrow victory in the ward.").is_empty());
}

#[test]
fn reported_speech_beside_a_quote_and_two_in_one_sentence() {
    let body = "Mara Lind said the vote was fair, adding: \"We counted twice.\"";
    let a = analyze_text(body);
    let kinds: Vec<(QuoteKind, &str)> = a.quotes.iter().map(|q| (q.kind, q.text(body))).collect();
    assert_eq!(
        kinds,
        [
            (QuoteKind::Indirect, "the vote was fair"),
            (QuoteKind::Direct, "We counted twice.")
        ]
    );
    let r = reported("Tove Rask, who said the pier was safe, said the ferry would run.");
    let texts: Vec<&str> = r.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(texts, ["the pier was safe", "the ferry would run"]);
    assert!(r.iter().all(|r| r.1 == "Tove Rask"), "{r:?}");
    // "X and said Y": two statements.
    let r = reported("Ulla Brein said the bus was full and said the driver had left.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].0, "the bus was full");
}

#[test]
fn uncommon_speech_verbs_and_verb_phrases() {
    for (body, speaker) in [
        ("Ina Vell pleaded that the shelter stay open.", "Ina Vell"),
        ("Dorn fumed that the audit was a farce.", "Dorn"),
        (
            "The council released a statement saying the budget was balanced.",
            "The council",
        ),
    ] {
        assert_eq!(one(body).1, speaker, "{body}");
    }
}

#[test]
fn outlets_and_documents_are_sources() {
    assert_eq!(
        one("The regional weekly wrote that the dam had cracked.").1,
        "The regional weekly"
    );
    assert_eq!(
        one("According to the survey, most tenants pay too much.").1,
        "the survey"
    );
}

#[test]
fn an_opening_adverb_or_phrase_is_no_speaker() {
    assert_eq!(
        one("Already, Tomas Brill said the count was done.").1,
        "Tomas Brill"
    );
    assert_eq!(
        one("Between Friday and Sunday, the candidate said the race was close.").1,
        "the candidate"
    );
    let a = analyze_text("Reacting to the ruling, \"We will appeal,\" said Kora Vint.");
    for q in &a.quotes {
        assert!(
            q.attribution.as_ref().is_none_or(|a| a.speaker != "Reacting"),
            "{q:?}"
        );
    }
}

#[test]
fn pronouns_never_go_to_a_business_or_a_law() {
    let r = reported(
        "Ilse Marrow spoke after Peter Holm at the hearing. She said the deal was done.\n\n\
         Harbour Bakery said it would close on Friday. Peter Holm left early. He said the lease had ended.\n\n\
         The Tidewater Act passed on Monday. He said the vote was close.",
    );
    let names: Vec<Option<&str>> = r.iter().map(|r| r.2.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Ilse Marrow"),
            Some("Harbour Bakery"),
            Some("Peter Holm"),
            Some("Peter Holm")
        ]
    );
}
