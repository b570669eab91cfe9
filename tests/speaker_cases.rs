//! Speaker cases found in the PolNeAR error list, on original sentences.

use parallax::analysis::Quote;

#[path = "support/analysed.rs"]
mod analysed;
use analysed::{Analysed, analyze_text};
fn quote<'a>(a: &'a Analysed, words: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text(&a.body).contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}: {:#?}", a.quotes))
}

/// (speaker as written, resolved name) of the quote holding `words`.
fn who(body: &str, words: &str) -> Option<(String, Option<String>)> {
    let a = analyze_text(body);
    let q = quote(&a, words);
    q.attribution
        .as_ref()
        .map(|at| (at.speaker.to_string(), at.name.as_deref().map(str::to_owned)))
}

fn name(body: &str, words: &str) -> Option<String> {
    who(body, words).and_then(|(_, n)| n)
}

#[test]
fn vox_pop_dash_names_before_the_next_quote() {
    let body = "“The tram fares doubled. We walk now.” ― Odile Sarn “Nobody asked the riders.”― \
                Kemal Aydo “I miss the night buses.” ― Rui Paiva.";
    assert_eq!(name(body, "tram fares").as_deref(), Some("Odile Sarn"));
    assert_eq!(name(body, "Nobody asked").as_deref(), Some("Kemal Aydo"));
    assert_eq!(name(body, "night buses").as_deref(), Some("Rui Paiva"));
}

#[test]
fn age_after_the_name_is_a_tag() {
    let body = "\"The river rose in an hour,\" Tamsin Ores, 42, said as she carried sandbags.";
    assert_eq!(name(body, "river rose").as_deref(), Some("Tamsin Ores"));
}

#[test]
fn a_cue_after_the_quote_stops_floating_inheritance() {
    let body = "\"We reopen Monday,\" said Ivo Lent.\n\n\"Repairs cost more than planned,\" the \
                memo reads.";
    assert_eq!(who(body, "Repairs").map(|w| w.0).as_deref(), Some("the memo"));
}

#[test]
fn pronoun_after_a_cue_goes_to_its_subject() {
    let body = "Ilsa Varn said she admired Petra Lund for what she calls \"a long, honest winter.\"";
    assert_eq!(name(body, "honest winter").as_deref(), Some("Ilsa Varn"));
    let body = "Maren Holt said she recalled thinking, \"This is the moment.\"";
    assert_eq!(name(body, "the moment").as_deref(), Some("Maren Holt"));
}

#[test]
fn it_resolves_to_an_organisation_nearby() {
    let body = "The Harbor Council on Monday rejected the tower plan as what it called \"a \
                reckless gamble with the waterfront.\"";
    let n = name(body, "reckless gamble").unwrap_or_default();
    assert!(n.contains("Harbor Council"), "{n:?}");
}

#[test]
fn participle_after_a_name_has_that_name_as_speaker() {
    let body = "The new ad shows footage of Dora Kell saying, \"We will finish the bridge.\"";
    assert_eq!(name(body, "finish the bridge").as_deref(), Some("Dora Kell"));
}

#[test]
fn a_past_tense_verb_ends_the_subject() {
    let body = "During a rally, Omar Tesk attacked Lia Brand over the budget, saying, \"She \
                gambled with our savings.\"";
    assert_eq!(name(body, "gambled").as_deref(), Some("Omar Tesk"));
}

#[test]
fn naming_participles_name_things_not_speakers() {
    let body = "The farm uses a method called \"slow composting\" for its fields.";
    assert_eq!(who(body, "slow composting"), None);
    let body = "The process is often called \"cold brewing\" by growers.";
    assert_eq!(who(body, "cold brewing"), None);
}

#[test]
fn a_dateline_is_not_a_speaker() {
    let body = "LISBON (AP) — Minister Ana Holt rallied supporters, saying: \"We have to be ready.\"";
    let w = who(body, "ready").map(|w| w.0).unwrap_or_default();
    assert_ne!(w, "LISBON");
}

#[test]
fn a_parenthetical_between_the_name_and_the_cue_keeps_the_name() {
    let body = "Judge Orla Vance, writing for the majority in the 2-1 ruling, said the ferry levy \
                \u{201c}is fair to every island.\u{201d}";
    assert_eq!(name(body, "fair to every").as_deref(), Some("Orla Vance"));
    let body = "Mayor Ilse Brandt, during a town hall in Kettering, Westmoor, said the depot \
                was \u{201c}a scandal from the start.\u{201d}";
    assert_eq!(name(body, "scandal from").as_deref(), Some("Ilse Brandt"));
    let body = "Tobin Marsh, meanwhile, who sits on the harbour board, said the fees were \
                \u{201c}frankly absurd.\u{201d}";
    assert_eq!(name(body, "frankly absurd").as_deref(), Some("Tobin Marsh"));
}

#[test]
fn a_cue_inside_a_reported_clause_gives_the_outer_speaker() {
    let body = "Senator Ada Pell said she was certain Rune Okafor would continue to be \
                \u{201c}a voice for the valley.\u{201d}";
    assert_eq!(name(body, "voice for the valley").as_deref(), Some("Ada Pell"));
    let body = "Councillor Bram Ito said Ada Pell called the tunnel plan \u{201c}a fantasy.\u{201d}";
    assert_eq!(name(body, "a fantasy").as_deref(), Some("Bram Ito"));
    // A relative clause is its own: "which he added" stays with "he".
    let body = "Bram Ito spoke first. Rune Okafor said the vote broke the charter, which he \
                added \u{201c}is deeply regrettable.\u{201d}";
    assert_eq!(
        who(body, "deeply regrettable").map(|w| w.0).as_deref(),
        Some("he")
    );
}

#[test]
fn a_first_person_narrator_speaks_as_i() {
    let body = "The hall went quiet. \u{201c}Okay,\u{201d} I said, trying again. \u{201c}Let me \
                start over.\u{201d}";
    let (written, name) = who(body, "Okay").expect("a speaker");
    assert_eq!((written.as_str(), name), ("I", None));
}

#[test]
fn a_quote_in_a_sentence_whose_subject_is_a_person_goes_to_that_person() {
    let body = "Nadia Koller runs the co-op. She cited the late deliveries as \u{201c}proof that the \
                depot is failing us.\u{201d}";
    assert_eq!(name(body, "proof that the").as_deref(), Some("Nadia Koller"));
    // A capitalised opener is no person.
    let body = "The mill closed. Thirteen years earlier, the town had voted for what it called \
                \u{201c}a future in timber and stone.\u{201d}";
    let a = analyze_text(body);
    let q = quote(&a, "future in timber");
    assert!(
        q.attribution.as_ref().is_none_or(|at| at.speaker != "Thirteen"),
        "{q:?}"
    );
}

#[test]
fn an_adverb_ends_the_subject_and_a_party_tag_precedes_the_aside() {
    let body = "The Labour candidate also outlined her plan and vowed to end \
                \u{201c}the years of neglect at the docks.\u{201d}";
    let (written, _) = who(body, "years of neglect").expect("a speaker");
    assert!(written.ends_with("candidate"), "{written}");
    let body = "But Sen. Ada Pell (D-Wm.), noting the size of the crowd, said, \u{201c}Let me \
                tell you, this is new.\u{201d}";
    assert_eq!(name(body, "Let me tell").as_deref(), Some("Ada Pell"));
}

#[test]
fn a_plural_noun_after_an_adjective_is_no_cue_and_and_inside_a_subject_goes_on() {
    let body = "The Harbour Ledger rated 40% of Labour claims as \u{201c}mostly false\u{201d} last year.";
    assert_eq!(
        who(body, "mostly false").map(|w| w.0).as_deref(),
        Some("Harbour Ledger")
    );
    let body = "Speaker Ada Pell said the spate of floods and closures demands that residents \
                practise \u{201c}more patience\u{201d} this winter.";
    assert_eq!(name(body, "more patience").as_deref(), Some("Ada Pell"));
}

#[test]
fn a_common_noun_phrase_can_be_the_outer_speaker() {
    let body = "The council met in June. The port authority\u{2019}s statement noted they had \
                previously said they would take \u{201c}further significant measures\u{201d} \
                if the dredging went on.";
    let (written, _) = who(body, "further significant").expect("a speaker");
    assert!(written.contains("statement"), "{written}");
}
