//! Full-text search: `F` (or a library filter that matches no title) lists
//! the matching sentences; Enter opens the article at the hit, `n`/`N`
//! step through its hits; `/` filters the speakers list.

use insta::assert_snapshot;
use parallax::app::ScreenKind;

use super::common::{demo, keys, render};

fn hit_text(state: &parallax::app::State) -> String {
    let reader = state.reader().unwrap();
    let (s, e) = reader.search.current_match().unwrap();
    let body = &state.corpus.articles[reader.article()].body;
    body.chars().skip(s).take(e - s).collect()
}

#[test]
fn f_searches_the_text_and_enter_opens_the_hit() {
    let mut state = demo(120, 40);
    keys(&mut state, "FOkafor");
    // Nothing is filtered while typing.
    assert_eq!(state.library().unwrap().order.len(), state.corpus.articles.len());
    keys(&mut state, "<Enter>");
    assert_eq!(state.screen(), ScreenKind::Search);
    let list = state.text_search().unwrap().clone();
    assert_eq!(list.articles, 3, "three rail articles quote Okafor-Lind");
    assert!(list.hits.len() >= 5, "{}", list.hits.len());
    keys(&mut state, "j<Enter>");
    assert_eq!(state.screen(), ScreenKind::Reader);
    let reader = state.reader().unwrap();
    assert_eq!(reader.search.query, "Okafor");
    assert_eq!(hit_text(&state), "Okafor");
    let at = state.reader().unwrap().search.current.unwrap();
    assert_eq!(at, 1, "the second row is the article's second hit");
    let (start, _) = state.reader().unwrap().search.current_match().unwrap();
    let line = reader.doc.line_of_char(start);
    let rows = state.reader_rows();
    assert!(
        (reader.scroll..reader.scroll + rows).contains(&line),
        "the hit is in view"
    );
    let n = state.reader().unwrap().search.matches.len();
    assert!(n >= 2, "{n}");
    keys(&mut state, "n");
    assert_eq!(state.reader().unwrap().search.current, Some(2 % n));
    assert_eq!(hit_text(&state), "Okafor");
    keys(&mut state, "NN");
    assert_eq!(state.reader().unwrap().search.current, Some(0));
    // Back to the results, then the library.
    keys(&mut state, "<Esc><Esc>");
    assert_eq!(state.screen(), ScreenKind::Search);
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Library);
}

#[test]
fn smart_case_and_phrases() {
    let mut state = demo(120, 40);
    keys(&mut state, "Fokafor<Enter>");
    let any_case = state.text_search().unwrap().hits.len();
    keys(&mut state, "q");
    keys(&mut state, "FOKAFOR<Enter>");
    assert!(
        state.text_search().unwrap().hits.is_empty(),
        "a capital makes it exact"
    );
    assert!(
        state
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("nothing in the text matches")
    );
    keys(&mut state, "q");
    keys(&mut state, "F\"general secretary\"<Enter>");
    let phrase = state.text_search().unwrap();
    assert!(!phrase.hits.is_empty() && phrase.hits.len() < any_case + 10);
    keys(&mut state, "q");
    keys(&mut state, "F\"secretary general\"<Enter>");
    assert!(state.text_search().unwrap().hits.is_empty());
}

#[test]
fn a_library_filter_matching_no_title_falls_through_to_the_text() {
    let mut state = demo(120, 40);
    keys(&mut state, "/Okafor");
    assert!(state.library().unwrap().order.is_empty(), "no title has Okafor");
    keys(&mut state, "<Enter>");
    assert_eq!(state.screen(), ScreenKind::Search);
    assert_eq!(state.text_search().unwrap().articles, 3);
    keys(&mut state, "q");
    assert!(
        state.library().unwrap().filter.is_empty(),
        "the filter is cleared"
    );
    // A filter that matches titles stays a filter.
    keys(&mut state, "/water<Enter>");
    assert_eq!(state.screen(), ScreenKind::Library);
    assert!(!state.library().unwrap().order.is_empty());
}

#[test]
fn slash_filters_the_speakers() {
    let mut state = demo(120, 40);
    keys(&mut state, "p");
    let all = state.speakers_index().unwrap().speakers.len();
    keys(&mut state, "/okafor");
    let list = state.speakers().unwrap();
    let shown = list.shown.clone().unwrap();
    assert!(!shown.is_empty() && shown.len() < all, "{shown:?}");
    let names = &state.speakers_index().unwrap().speakers;
    assert!(shown.iter().all(|&i| {
        names[i].name.to_lowercase().contains("okafor")
            || names[i]
                .aliases
                .iter()
                .any(|a| a.to_lowercase().contains("okafor"))
    }));
    keys(&mut state, "<Enter><Enter>");
    assert_eq!(state.screen(), ScreenKind::SpeakerQuotes);
    assert_eq!(state.speaker_quotes().unwrap().speaker, shown[0]);
    keys(&mut state, "q<Esc>");
    assert_eq!(state.screen(), ScreenKind::Speakers);
    assert!(state.speakers().unwrap().shown.is_none(), "Esc clears the filter");
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = demo(w, h);
        keys(&mut state, "Fokafor<Enter>j");
        assert_snapshot!(format!("text_search_{w}x{h}"), render(&state));
        keys(&mut state, "<Enter>");
        assert_snapshot!(format!("text_search_hit_{w}x{h}"), render(&state));
    }
}
