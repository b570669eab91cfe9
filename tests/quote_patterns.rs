//! Attribution patterns and hard cases, on original sentences.

use parallax::analysis::{Quote, QuoteKind};

#[path = "support/analysed.rs"]
mod analysed;
use analysed::{Analysed, analyze_text};
fn quote<'a>(a: &'a Analysed, words: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text(&a.body).contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}: {:#?}", a.quotes))
}

/// (speaker as written, resolved name, role, cue) of the quote holding `words`.
fn who(body: &str, words: &str) -> (String, Option<String>, Option<String>, Option<String>) {
    let a = analyze_text(body);
    let q = quote(&a, words);
    let at = q
        .attribution
        .clone()
        .unwrap_or_else(|| panic!("{words:?} unattributed: {q:#?}"));
    assert!(at.confidence > 0.0 && at.confidence <= 1.0 && at.confidence == at.evidence.confidence());
    let s = |n: Option<parallax::analysis::Name>| n.map(|n| n.to_string());
    (at.speaker.to_string(), s(at.name), s(at.role), s(at.cue))
}

#[test]
fn quote_comma_speaker_cue() {
    let (s, n, _, c) = who("\"The ferry will run all winter,\" Hana Ostrova said.", "ferry");
    assert_eq!(
        (s.as_str(), n.as_deref(), c.as_deref()),
        ("Hana Ostrova", Some("Hana Ostrova"), Some("said"))
    );
}

#[test]
fn quote_comma_cue_speaker_with_role() {
    let (s, _, r, c) = who(
        "“We counted every vote,” said Piet Amsel, who chairs the election board.",
        "counted",
    );
    assert_eq!(s, "Piet Amsel");
    // The role is a noun phrase: the clause that names a position, as the position.
    assert_eq!(r.as_deref(), Some("chair of the election board"));
    assert_eq!(c.as_deref(), Some("said"));
}

#[test]
fn speaker_colon_quote_and_speaker_quote() {
    assert_eq!(
        who("Mayor Tilde Brack said: \"The tunnel is safe.\"", "tunnel")
            .1
            .as_deref(),
        Some("Tilde Brack")
    );
    assert_eq!(
        who("Tilde Brack said \"nobody was hurt\" in the fire.", "nobody").0,
        "Tilde Brack"
    );
}

#[test]
fn quote_speaker_told_hearer() {
    let (s, _, _, c) = who(
        "\"Prices will fall by spring\" Oskar Lind told the Harbour Ledger.",
        "Prices",
    );
    assert_eq!((s.as_str(), c.as_deref()), ("Oskar Lind", Some("told")));
}

#[test]
fn according_to() {
    let (s, _, _, c) = who(
        "The bridge is \"structurally sound,\" according to engineer Mae Colvin.",
        "structurally",
    );
    assert_eq!(s, "Mae Colvin");
    assert_eq!(c.as_deref(), Some("according to"));
}

#[test]
fn possessive_calls_for_and_called_on() {
    let body = "Officials rejected Foreign Minister Ada Renn's calls for a \"full ceasefire\" on Monday.\n\n\
                Renn has called on neighbouring states to \"open every crossing now.\"";
    let (_, n, r, c) = who(body, "full ceasefire");
    assert_eq!(
        (n.as_deref(), r.as_deref(), c.as_deref()),
        (Some("Ada Renn"), Some("Foreign Minister"), Some("calls"))
    );
    assert_eq!(who(body, "open every crossing").1.as_deref(), Some("Ada Renn"));
}

#[test]
fn appositive_role_is_kept_and_titles_stripped() {
    let body = "\"The data are clear,\" Ivo Marsh, a geologist at the Coastal Survey, told reporters.";
    let (s, _, r, _) = who(body, "data are clear");
    assert_eq!(
        (s.as_str(), r.as_deref()),
        ("Ivo Marsh", Some("a geologist at the Coastal Survey"))
    );
    let body = "\"We will not wait,\" Ivo Marsh, a geologist at the Coastal Survey told reporters.";
    assert_eq!(
        who(body, "not wait").2.as_deref(),
        Some("a geologist at the Coastal Survey")
    );
    let body = "Prime Minister Lea Holm said \"the deal is done.\"";
    let (s, n, r, _) = who(body, "deal is done");
    assert_eq!(
        (s.as_str(), n.as_deref(), r.as_deref()),
        ("Lea Holm", Some("Lea Holm"), Some("Prime Minister"))
    );
}

#[test]
fn pronouns_resolve_to_the_nearest_compatible_person() {
    let body = "Transport spokesperson Rune Vasko met Mrs. Ida Pell on Friday. \"The line reopens Monday,\" he said.\n\n\
                \"I was not consulted,\" she said.";
    assert_eq!(who(body, "line reopens").1.as_deref(), Some("Rune Vasko"));
    assert_eq!(who(body, "not consulted").1.as_deref(), Some("Ida Pell"));
}

#[test]
fn floating_quote_inherits_the_previous_speaker() {
    let body = "\"We are nearly done,\" said Noor Achebe. \"Two more weeks.\"\n\n\"After that, we rest.\"";
    let a = analyze_text(body);
    for words in ["nearly done", "Two more weeks", "we rest"] {
        let q = quote(&a, words);
        assert_eq!(
            q.attribution.as_ref().and_then(|t| t.name.as_deref()),
            Some("Noor Achebe"),
            "{words}"
        );
    }
    let floating = quote(&a, "Two more weeks")
        .attribution
        .as_ref()
        .map(|t| t.evidence.to_string());
    assert!(floating.is_some_and(|e| e.starts_with("floating")));
}

#[test]
fn surname_resolves_to_the_full_name_but_not_across_first_names() {
    let body = "Prime Minister Arvid Tell opened the session. Dora Tell, his cousin, did not attend.\n\n\
                \"We start today,\" Tell said.";
    assert_eq!(who(body, "start today").1.as_deref(), Some("Arvid Tell"));
}

#[test]
fn kinds_direct_partial_scare() {
    let a = analyze_text(
        "\"We will build it,\" Gus Ferro said. Ferro called the plan \"a bridge to the future\" and mocked the so-called \"experts\" in the press.",
    );
    assert_eq!(quote(&a, "We will build").kind, QuoteKind::Direct);
    assert_eq!(quote(&a, "bridge to the future").kind, QuoteKind::Partial);
    let scare = quote(&a, "experts");
    assert_eq!(scare.kind, QuoteKind::Scare);
    assert!(scare.attribution.is_none());
}

#[test]
fn indirect_speech_is_reported() {
    let a = analyze_text(
        "Councillor Mia Sund said that the budget would be cut. According to the auditor, the books balance.",
    );
    let ind: Vec<&Quote> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect();
    assert_eq!(ind.len(), 2, "{ind:#?}");
    assert_eq!(ind[0].text(&a.body), "the budget would be cut");
    assert_eq!(
        ind[0].attribution.as_ref().and_then(|t| t.name.as_deref()),
        Some("Mia Sund")
    );
    assert_eq!(ind[1].text(&a.body), "the books balance");
}

#[test]
fn multi_paragraph_quote_with_reopening_marks_is_one_attributed_quote() {
    let body = "“The first point matters.\n\n“The second point matters more,” Ines Kraal said.";
    let a = analyze_text(body);
    let direct: Vec<&Quote> = a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1);
    assert_eq!(
        direct[0].text(&a.body),
        "The first point matters.\n\nThe second point matters more"
    );
    assert_eq!(
        direct[0].attribution.as_ref().and_then(|t| t.name.as_deref()),
        Some("Ines Kraal")
    );
}

#[test]
fn question_quote_then_name_and_cue() {
    let a = analyze_text("“Who pays for this?” Lotte Brandt asked. “Not us.”");
    assert_eq!(
        quote(&a, "Who pays")
            .attribution
            .as_ref()
            .map(|t| t.speaker.as_str()),
        Some("Lotte Brandt")
    );
    assert_eq!(
        quote(&a, "Not us")
            .attribution
            .as_ref()
            .map(|t| t.speaker.as_str()),
        Some("Lotte Brandt")
    );
}

#[test]
fn dash_attribution_and_party_parenthesis() {
    let body = "“Vote them all out.” ― Rosa Lindqvist\n\n\"It is a scandal,\" Rep. Ola Brun (D-Ore.) said.";
    assert_eq!(who(body, "Vote them").0, "Rosa Lindqvist");
    assert_eq!(who(body, "scandal").1.as_deref(), Some("Ola Brun"));
}

#[test]
fn initials_stay_in_the_name() {
    let (s, n, _, _) = who(
        "\"The trains are late,\" said J. R. Hale, who chairs the riders' forum.",
        "trains",
    );
    assert_eq!((s.as_str(), n.as_deref()), ("J. R. Hale", Some("J. R. Hale")));
}
