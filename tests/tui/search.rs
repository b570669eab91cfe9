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

/// The text of the current match in the compare screen's focused pane.
fn compare_hit(state: &parallax::app::State) -> String {
    let cmp = state.compare().unwrap();
    let pane = cmp.panes.get(cmp.focus);
    let (s, e) = pane.search.current_match().unwrap();
    let body = &state.corpus.articles[pane.article()].body;
    body.chars().skip(s).take(e - s).collect()
}

#[test]
fn slash_searches_both_compare_panes() {
    use parallax::compare::Side;
    let mut state = super::compare::comparing(120, 40);
    keys(&mut state, "/council");
    assert!(state.prompt.is_some(), "the prompt is open while typing");
    let cmp = state.compare().unwrap();
    let (left, right) = (
        cmp.panes.left.search.matches.len(),
        cmp.panes.right.search.matches.len(),
    );
    assert!(left >= 2 && right >= 2, "both sides searched: {left} / {right}");
    assert_eq!(compare_hit(&state).to_lowercase(), "council");
    keys(&mut state, "<Enter>");
    assert_eq!(state.prompt, None);
    assert_eq!(state.screen(), ScreenKind::Compare);
    // n steps through the focused (left) pane's matches, in view.
    let before = state.compare().unwrap().panes.left.search.current;
    keys(&mut state, "n");
    let cmp = state.compare().unwrap();
    assert_ne!(cmp.panes.left.search.current, before);
    let pane = &cmp.panes.left;
    let line = pane.line_of(pane.search.current_match().unwrap().0);
    assert!(
        (pane.scroll..pane.scroll + cmp.rows).contains(&line),
        "the match is in view"
    );
    // The status line shows the query and both counts.
    let screen = render(&state);
    let status = screen.lines().nth(39).unwrap();
    assert!(status.contains("/council"), "{status}");
    assert!(status.contains(&format!("other side {right}")), "{status}");
    // Tab: n now steps the right pane.
    keys(&mut state, "<Tab>n");
    assert_eq!(state.compare().unwrap().focus, Side::Right);
    assert_eq!(compare_hit(&state).to_lowercase(), "council");
    // Going past the last match wraps, as vim says.
    let wrapped = (0..=right).any(|_| {
        keys(&mut state, "n");
        let said = state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        said == "search hit BOTTOM, continuing at TOP"
    });
    assert!(wrapped, "n past the last match says it wraps");
    // Esc clears the search first, then leaves.
    keys(&mut state, "<Esc>");
    assert_eq!(state.screen(), ScreenKind::Compare);
    assert!(!state.compare().unwrap().panes.left.search.is_active());
    keys(&mut state, "<Esc>");
    assert_ne!(state.screen(), ScreenKind::Compare);
}

#[test]
fn compare_search_without_a_match_says_so() {
    let mut state = super::compare::comparing(120, 40);
    keys(&mut state, "n");
    let said = state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
    assert!(said.starts_with("no search: / searches both texts"), "{said}");
    keys(&mut state, "/zqxwv<Enter>n");
    let said = state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
    assert_eq!(said, "no match on either side");
}

#[test]
fn compare_search_snapshot() {
    let mut state = super::compare::comparing(120, 40);
    keys(&mut state, "/brine<Enter>");
    assert_snapshot!("compare_search_120x40", render(&state));
}
