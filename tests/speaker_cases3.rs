//! Speaker cases of the third speakers round (PolNeAR train error list),
//! each on an original sentence with fictional people.

use parallax::analysis::{Analysis, Quote, analyze_text};

fn quote<'a>(a: &'a Analysis, words: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}: {:#?}", a.quotes))
}

/// (speaker as written, resolved name) of the quote holding `words`.
fn who(body: &str, words: &str) -> Option<(String, Option<String>)> {
    let a = analyze_text(body);
    let q = quote(&a, words);
    q.attribution
        .as_ref()
        .map(|at| (at.speaker.clone(), at.name.clone()))
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
