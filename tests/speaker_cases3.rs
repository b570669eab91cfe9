//! Speaker cases of the third speakers round (PolNeAR train error list),
//! each on an original sentence with fictional people.

use parallax::analysis::{Analysis, Quote, analyze_text};

fn quote<'a>(a: &'a Analysis, body: &str, words: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text(body).contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}: {:#?}", a.quotes))
}

/// (speaker as written, resolved name) of the quote holding `words`.
fn who(body: &str, words: &str) -> Option<(String, Option<String>)> {
    let a = analyze_text(body);
    let q = quote(&a, body, words);
    q.attribution
        .as_ref()
        .map(|at| (at.speaker.to_string(), at.name.as_ref().map(|n| n.to_string())))
}

fn name(body: &str, words: &str) -> Option<String> {
    who(body, words).and_then(|(_, n)| n)
}

#[test]
fn a_quote_left_open_before_the_next_one_inherits_the_speaker_before_it() {
    // The second quote never closes; the next quote's cue is its own.
    let body = "“The first kind is quiet,” Tova Lind said. “The meetings are where people vent — and they like it.\n\
                “The second kind is louder,” Tova Lind said.";
    assert_eq!(name(body, "people vent").as_deref(), Some("Tova Lind"));
    assert_eq!(name(body, "second kind").as_deref(), Some("Tova Lind"));
}

#[test]
fn remembered_and_reacted_are_cues() {
    let body =
        "\"The board said no, and she did it anyway,\" remembered Roy Vell, the mill's former spokesman.";
    assert_eq!(name(body, "board said no").as_deref(), Some("Roy Vell"));
    let body = "“Which sport does he mean?” reacted Ilse Varga.";
    assert_eq!(name(body, "Which sport").as_deref(), Some("Ilse Varga"));
}

#[test]
fn a_party_tag_after_the_name_keeps_the_name() {
    let body =
        "Sen. Rob Tanner, R-Wis., said in an op-ed before the hearing, “The agency ignored the requests.”";
    assert_eq!(name(body, "agency ignored").as_deref(), Some("Rob Tanner"));
}

#[test]
fn an_age_or_a_relative_clause_after_the_name_keeps_the_name() {
    let body = "“Both of them scare me,” Hal Boden, 30, of Tarrow, who was among those polled, said later.";
    assert_eq!(name(body, "scare me").as_deref(), Some("Hal Boden"));
    let body =
        "“The answer you want is yes,” Mira Pell, who has proposed cutting the levy, said at the time.";
    assert_eq!(name(body, "answer you want").as_deref(), Some("Mira Pell"));
}

#[test]
fn a_cue_before_the_speaker_and_a_comma_before_the_quote() {
    let body =
        "The harbor was quiet. Said Odile Marsh, who grew up near the docks, “We were proud of the boats.”";
    assert_eq!(name(body, "proud of the boats").as_deref(), Some("Odile Marsh"));
    let body = "Because of the calendar, explained Ivo Rosen, “with this over by March, the race is done.”";
    assert_eq!(name(body, "race is done").as_deref(), Some("Ivo Rosen"));
    // A hearer after `telling` is no speaker.
    let body =
        "Hours later, Tomas Arne returned the compliment, telling the Ledger, “Sela and I go back years.”";
    assert_eq!(name(body, "go back years").as_deref(), Some("Tomas Arne"));
}

#[test]
fn a_dateline_and_long_introductory_phrases_are_skipped_before_the_subject() {
    let body = "Carrowby (Wire) – Mayor Ilse Warrick has taken a swipe at her rival's budget, saying that “loud promises” cost the town.";
    assert_eq!(name(body, "loud promises").as_deref(), Some("Ilse Warrick"));
    let body = "On Thursday, after staying neutral through the whole of the long primary season, Ilse Warrick \
                endorsed Brann, saying, “A fighter in the lead is what this town needs.”";
    assert_eq!(name(body, "fighter in the lead").as_deref(), Some("Ilse Warrick"));
    let body = "Outside the arena in downtown Harwick, the tenants gathered, holding signs and chanting \"Dump the levy now.\"";
    let (speaker, _) = who(body, "Dump the levy").expect("a speaker");
    assert_eq!(speaker, "the tenants");
}

#[test]
fn upon_saying_and_only_before_the_cue_keep_the_subject() {
    let body = "Marra Holm, herself a Brann supporter, drew boos upon saying, “Brann heard the people.”";
    assert_eq!(name(body, "heard the people").as_deref(), Some("Marra Holm"));
    let body = "The timing was so odd that a spokesman for Ivo Rask could only quip: \"I guess the fair was booked.\"";
    // The spokesman speaks for Rask (the role says so), never "only".
    assert_eq!(name(body, "fair was booked").as_deref(), Some("Ivo Rask"));
}

#[test]
fn an_aside_between_dashes_keeps_the_name_before_it() {
    let body = "On Friday, Gorin — named by the Ledger as the likely running mate — told Bea Tull of Radio Nord \
                that “you have to look at it seriously.”";
    assert_eq!(name(body, "look at it seriously").as_deref(), Some("Gorin"));
}

#[test]
fn a_participle_after_a_preposition_is_no_cue() {
    // "noted" describes the scholars; nobody in the phrase says the words.
    let body = "Pell's lawyers cited case law and articles from noted scholars to defend the view that she is \"a resident.\"";
    let speaker = who(body, "a resident").map(|(s, _)| s);
    assert_ne!(speaker.as_deref(), Some("articles from"));
}

#[test]
fn a_passive_asked_or_told_gives_the_agent_or_no_speaker() {
    let body = "Tova Lind was asked by host Bram Oster, who backs her, “Is the ferry plan dead?”";
    assert_eq!(name(body, "ferry plan dead").as_deref(), Some("Bram Oster"));
    // The subject heard the words: it is not the speaker.
    let body = "Ivo Rask met the crew. The new hires were told, \"You sell trust, not tickets.\"";
    let speaker = who(body, "sell trust").map(|(s, _)| s);
    assert_ne!(speaker.as_deref(), Some("The new hires"));
    let body = "According to the training manual, the new hires were told, \"You sell trust, not tickets.\"";
    let (speaker, _) = who(body, "sell trust").expect("a speaker");
    assert!(speaker.contains("manual"), "{speaker}");
}

#[test]
fn a_phrase_that_names_no_one_gives_way_to_the_sentences_person() {
    // "at last" is no speaker; the sentence's subject is.
    let body = "Tova Lind met the press. She expressed amusement that the mayor had at last described the levy \
                “not only in the paper but on the radio,” and left.";
    let (speaker, _) = who(body, "not only in the paper").expect("a speaker");
    assert_eq!(speaker, "She");
    let body = "Ivo Rask, with open delight, chided Mira Pell for raising doubts about whether she met the town's \
                \"resident\" rule.";
    assert_eq!(name(body, "resident").as_deref(), Some("Ivo Rask"));
    // A time is no speaker, and no person opens the sentence: none.
    let body = "An appeal sent out by the campaign on Tuesday night warned of the fight ahead: \"There are ten \
                hearings over the next three weeks.\"";
    let speaker = who(body, "ten hearings").map(|(s, _)| s);
    assert_ne!(speaker.as_deref(), Some("Tuesday night"));
}

#[test]
fn an_auxiliary_after_a_capitalised_subject_ends_it() {
    let body =
        "Beck has also criticized the voters for not backing Pell, declaring that “real believers” back her.";
    assert_eq!(
        who(body, "real believers").map(|(s, _)| s).as_deref(),
        Some("Beck")
    );
}

#[test]
fn a_name_between_a_dash_and_a_colon_speaks() {
    // The heading before the dash holds a verb ("agree"); the name speaks.
    let body = "Pollsters agree - Tilde Brack: “Keep calling voters as late as possible.”";
    assert_eq!(name(body, "as late as possible").as_deref(), Some("Tilde Brack"));
}
