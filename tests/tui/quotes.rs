//! Quotes in the reader and the speakers screens: jumps, counters and
//! snapshots.

use insta::assert_snapshot;
use parallax::app::ScreenKind;

use super::common::{demo, keys, render};

#[test]
fn reader_n_steps_quotes_without_a_search_and_matches_with_one() {
    let mut state = demo(120, 40);
    keys(&mut state, "<Enter>n");
    let reader = state.reader().unwrap();
    assert_eq!(reader.quote, Some(0));
    keys(&mut state, "nnN");
    assert_eq!(state.reader().unwrap().quote, Some(1));
    keys(&mut state, "/water<Enter>");
    let counter = state.reader().unwrap().search.counter();
    keys(&mut state, "n");
    let reader = state.reader().unwrap();
    assert_ne!(reader.search.counter(), counter, "n follows the search");
    assert_eq!(reader.quote, Some(1), "and leaves the quote alone");
    let n = reader.search.matches.len();
    assert!(n > 1);
    keys(&mut state, &"n".repeat(n));
    assert_eq!(
        state.reader().unwrap().search.counter().split('/').nth(1),
        Some(&*n.to_string())
    );
}

#[test]
fn reader_s_lands_on_the_next_quote_by_another_speaker() {
    let mut state = demo(120, 40);
    keys(&mut state, "<Enter>");
    let mut last = None;
    for _ in 0..5 {
        keys(&mut state, "s");
        let reader = state.reader().unwrap();
        let current = *reader.current_quote().expect("a quote");
        assert!(current.speaker.is_some());
        assert_ne!(Some(current.speaker), last);
        // No quote between the two is by yet another speaker.
        last = Some(current.speaker);
    }
    keys(&mut state, "S");
    let back = *state.reader().unwrap().current_quote().unwrap();
    assert_ne!(Some(back.speaker), last);
}

#[test]
fn speakers_list_their_quotes_and_open_the_reader_at_one() {
    let mut state = demo(120, 40);
    keys(&mut state, "pj<Enter>");
    assert_eq!(state.screen(), ScreenKind::SpeakerQuotes);
    let index = state.index.clone().unwrap();
    let analysis = &index.speakers;
    let list = state.speaker_quotes().cloned().unwrap();
    assert_eq!(list.speaker, 1);
    assert_eq!(list.quotes.len(), analysis.speakers[1].quotes);
    assert!(
        list.quotes
            .iter()
            .all(|&(a, q)| analysis.speaker(a, q) == Some(1))
    );
    keys(&mut state, "jj<Enter>");
    assert_eq!(state.screen(), ScreenKind::Reader);
    let (article, quote) = list.quotes[2];
    let reader = state.reader().unwrap();
    assert_eq!(reader.article(), article);
    assert_eq!(reader.current_quote().map(|q| q.quote), Some(quote));
    keys(&mut state, "qq");
    assert_eq!(state.screen(), ScreenKind::Speakers);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = demo(w, h);
        keys(&mut state, "<Enter>jss");
        assert_snapshot!(format!("reader_quotes_{w}x{h}"), render(&state));
        let mut state = demo(w, h);
        keys(&mut state, "p");
        assert_snapshot!(format!("speakers_{w}x{h}"), render(&state));
        keys(&mut state, "<Enter>");
        assert_snapshot!(format!("speaker_quotes_{w}x{h}"), render(&state));
    }
}

/// `parallax quotes --speaker NAME` and the TUI's speaker screen list the
/// same quotes: both resolve names through the corpus index.
#[test]
fn the_cli_speaker_filter_and_the_speaker_screen_agree() {
    for row in 0..4 {
        let mut state = demo(120, 40);
        keys(&mut state, &format!("p{}<Enter>", "j".repeat(row)));
        assert_eq!(state.screen(), ScreenKind::SpeakerQuotes);
        let index = state.index.clone().unwrap();
        let list = state.speaker_quotes().cloned().unwrap();
        let name = index.speakers.speakers[list.speaker].name.clone();
        let mut tui: Vec<(String, String)> = list
            .quotes
            .iter()
            .map(|&(a, q)| {
                let article = &state.corpus.articles[a];
                let text = index.speakers.analyses[a].quotes[q].text(&article.body);
                (article.id.clone(), text.to_owned())
            })
            .collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["quotes", "--speaker", &name, "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let mut cli: Vec<(String, String)> = rows
            .iter()
            .map(|r| {
                (
                    r["article"].as_str().unwrap().to_owned(),
                    r["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        tui.sort();
        cli.sort();
        assert!(!cli.is_empty(), "{name}");
        assert_eq!(cli, tui, "{name}");
    }
}
