//! Flags and notes in the TUI (state kept in memory here: the tests'
//! state has no store): `f` cycles, `A` writes, the notes screen (`W`)
//! lists them, detached ones after the others; snapshots at 80x24.

use insta::assert_snapshot;
use parallax::app::kept::Kept;
use parallax::app::kept_cmd;
use parallax::app::{ScreenKind, State};
use parallax::state::{Anchor, Flag, Kind, Note, Target};

use super::common::{demo, keys, render};

/// The demo corpus with a flagged article, a disputed quote with a note
/// and a note on the second article.
fn worked(w: u16, h: u16) -> State {
    let mut state = demo(w, h);
    keys(&mut state, "f");
    keys(&mut state, "j<Enter>nffAcall the press office<Enter>q");
    keys(&mut state, "jAcheck the date<Enter>");
    state
}

#[test]
fn f_cycles_the_flag_and_a_writes_a_note() {
    let mut state = demo(120, 40);
    let first = state.library().unwrap().selected_article().unwrap();
    let flags = |s: &State| s.kept.article_flag(first).map(Flag::name);
    keys(&mut state, "f");
    assert_eq!(flags(&state), Some("verified"));
    assert!(state.notice.as_ref().unwrap().text.contains("flagged ✓ verified"));
    keys(&mut state, "f");
    assert_eq!(flags(&state), Some("disputed"));
    keys(&mut state, "ff");
    assert_eq!(flags(&state), None, "after altered: none");
    assert!(state.kept.notes.is_empty(), "an empty note is dropped");
    keys(&mut state, "Aa note<Esc>");
    assert!(state.kept.notes.is_empty(), "Esc drops the edit");
    keys(&mut state, "Aa note<C-w>first words<Enter>");
    assert_eq!(state.kept.notes.len(), 1);
    assert_eq!(
        state.kept.notes[0].text, "a first words",
        "Ctrl-W took the last word"
    );
    assert_eq!(state.kept.notes[0].kind, Kind::Article);
    // The prompt holds the note; clearing it removes the note.
    keys(&mut state, "A<C-u><Enter>");
    assert!(state.kept.notes.is_empty());
    assert!(state.kept.writes.is_empty(), "nothing queued while state is off");
}

#[test]
fn a_quote_flag_in_the_reader_and_a_pair_flag_in_compare() {
    let mut state = demo(120, 40);
    keys(&mut state, "<Enter>f");
    assert!(state.notice.as_ref().unwrap().text.contains("n selects a quote"));
    keys(&mut state, "nf");
    let note = &state.kept.notes[0];
    assert_eq!((note.kind, note.flag), (Kind::Quote, Some(Flag::Verified)));
    assert!(note.speaker.is_some(), "the speaker is kept with the note");
    let anchor = note.target.anchor.as_ref().unwrap();
    let body = &state.corpus.articles[state.open_reader().unwrap().article()].body;
    assert_eq!(Anchor::of(body, anchor.start, anchor.end).text, anchor.text);
    assert!(render(&state).contains("✓ verified"));
    // Compare: the selected claim pair, either way round after x.
    keys(&mut state, "q<Space>j<Space>c");
    assert_eq!(state.screen(), ScreenKind::Compare);
    keys(&mut state, "]f");
    let pair = state
        .kept
        .notes
        .iter()
        .find(|n| n.kind == Kind::Pair)
        .expect("a pair note");
    assert_eq!(pair.flag, Some(Flag::Verified));
    assert!(pair.other.is_some());
    assert!(
        render(&state).contains("✓ verified pair 1/"),
        "{}",
        render(&state)
    );
    keys(&mut state, "x");
    assert!(
        render(&state).contains("✓ verified pair 1/"),
        "{}",
        render(&state)
    );
}

#[test]
fn notes_screen_80x24() {
    let mut state = worked(80, 24);
    keys(&mut state, "W");
    assert_eq!(state.screen(), ScreenKind::Notes);
    assert_eq!(state.notes().unwrap().items.len(), 3);
    assert_snapshot!("notes_80x24", render(&state));
    // Enter reads the quote's article at the quote.
    keys(&mut state, "gj");
    let item = state.notes().unwrap().selected().unwrap().clone();
    keys(&mut state, "<Enter>");
    assert_eq!(state.screen(), ScreenKind::Reader);
    let reader = state.open_reader().unwrap();
    assert_eq!(Some(reader.article()), item.article.index);
    assert!(reader.current_quote().is_some(), "at the quote");
}

#[test]
fn notes_screen_empty_80x24() {
    let mut state = demo(80, 24);
    keys(&mut state, "W");
    assert_snapshot!("notes_empty_80x24", render(&state));
}

#[test]
fn library_and_reader_show_flags_80x24() {
    let mut state = worked(80, 24);
    assert_snapshot!("library_flags_80x24", render(&state));
    keys(&mut state, "k<Enter>");
    assert_snapshot!("reader_flags_80x24", render(&state));
}

/// A note whose quote is gone from the article is listed as detached,
/// never dropped; `f` still changes it.
#[test]
fn a_detached_note_is_listed_apart_80x24() {
    let mut state = demo(80, 24);
    let article = state.corpus.articles[0].id.clone();
    let mut gone = Note::new(
        "demo",
        Kind::Quote,
        Target {
            article,
            anchor: Some(Anchor {
                text: "words this article never held".into(),
                start: 10,
                end: 39,
            }),
        },
    );
    gone.flag = Some(Flag::Altered);
    gone.text = "quote was removed after publication".into();
    gone.title = Some("an old title".into());
    let mut kept = Kept::new("demo", vec![gone], None);
    kept.on = false;
    state.kept = kept;
    kept_cmd::restore(&mut state);
    keys(&mut state, "W");
    let list = state.notes().unwrap();
    assert_eq!((list.items.len(), list.detached), (1, 1));
    assert_snapshot!("notes_detached_80x24", render(&state));
    keys(&mut state, "<Enter>");
    assert!(state.notice.as_ref().unwrap().text.contains("detached"));
    keys(&mut state, "f");
    assert_eq!(state.kept.notes[0].flag, None, "altered → none");
    assert_eq!(
        state.notes().unwrap().items.len(),
        1,
        "the note stays: it has text"
    );
}

/// What is kept of a session is what restoring it brings back: marks,
/// sort, filter, the selected row, the reader and its line.
#[test]
fn a_session_round_trips_through_restore() {
    let mut state = demo(120, 40);
    state.kept = Kept::new("demo", Vec::new(), None);
    keys(&mut state, "<Space>j<Space>ss/a<Enter>j<Enter><C-d>");
    let session = kept_cmd::session(&mut state).expect("a session");
    assert_eq!(session.marks.len(), 2);
    assert_eq!(session.screen, "reader");
    assert_eq!(session.sort, "title");
    assert_eq!(session.filter, "a");
    assert!(session.scroll > 0);
    assert!(
        state.kept.writes.is_empty(),
        "sessions are written by the terminal layer"
    );
    let lib = state.library().unwrap().clone();
    let scroll = state.open_reader().unwrap().scroll;

    let mut again = demo(120, 40);
    again.kept = Kept::new("demo", Vec::new(), Some(session.clone()));
    kept_cmd::restore(&mut again);
    assert_eq!(again.screen(), ScreenKind::Reader);
    assert_eq!(again.open_reader().unwrap().scroll, scroll);
    let restored = again.library().unwrap();
    assert_eq!(
        (
            &restored.marks,
            restored.sort,
            &restored.filter,
            restored.selected_article()
        ),
        (&lib.marks, lib.sort, &lib.filter, lib.selected_article())
    );
    assert_eq!(kept_cmd::session(&mut again), Some(session));
}

/// A corpus left on a comparison reopens it once the analysis is done.
#[test]
fn a_comparison_left_open_comes_back_after_the_analysis() {
    let mut state = demo(120, 40);
    state.kept = Kept::new("demo", Vec::new(), None);
    keys(&mut state, "<Space>j<Space>c");
    assert_eq!(state.screen(), ScreenKind::Compare);
    let pair = state.compare().unwrap().articles();
    let session = kept_cmd::session(&mut state).unwrap();
    assert_eq!(session.screen, "compare");

    // Reopened before the analysis (as the reader starts): the library
    // first, the comparison when the analysis arrives.
    let mut again = super::common::state_with(parallax::corpus::demo_corpus(), 120, 40);
    again.kept = Kept::new("demo", Vec::new(), Some(session.clone()));
    kept_cmd::restore(&mut again);
    assert_eq!(again.screen(), ScreenKind::Library);
    assert_eq!(
        kept_cmd::session(&mut again).unwrap().screen,
        "compare",
        "kept while pending"
    );
    let analysed = parallax::app::jobs::analyse_now(&again.corpus);
    parallax::app::update(&mut again, analysed);
    parallax::app::jobs::run_inline(&mut again);
    assert_eq!(again.screen(), ScreenKind::Compare);
    assert_eq!(again.compare().unwrap().articles(), pair);
    assert_eq!(kept_cmd::session(&mut again), Some(session));
}
