//! The background loader reports progress and hands over the corpus; the
//! state stays usable meanwhile.

use std::time::{Duration, Instant};

use parallax::app::loader::Loader;
use parallax::app::{Keymap, Msg, State, update};

use super::common::{keys, render};

#[test]
fn loads_in_the_background_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in parallax::corpus::DEMO_FILES {
        let name = path.trim_start_matches("demo/");
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("broken.json"), "{\"title\": ").unwrap();
    std::fs::write(dir.path().join("notes.png"), "x").unwrap();

    let mut state = State::loading("news", Keymap::default(), (100, 30));
    assert!(render(&state).contains("Opening news"));
    keys(&mut state, "jjG<Enter>/x<Esc>?q");
    assert_eq!(state.stack.len(), 1, "keys work while loading");

    let mut loader = Loader::spawn(vec![dir.path().to_path_buf()]);
    let started = Instant::now();
    let mut totals = Vec::new();
    while !loader.is_finished() {
        assert!(started.elapsed() < Duration::from_secs(20), "the loader hangs");
        match loader.poll() {
            Some(Msg::Progress { done, total }) => {
                assert!(total == 0 || done <= total);
                totals.push(total);
                update(&mut state, Msg::Progress { done, total });
                std::thread::sleep(Duration::from_millis(1));
            }
            Some(action) => update(&mut state, action),
            None => {}
        }
    }
    assert!(totals.iter().all(|&t| t == 0 || t == 10), "{totals:?}");
    assert_eq!(state.loading, None);
    assert_eq!(state.corpus.articles.len(), 9);
    assert_eq!(state.corpus.skipped, 1);
    let screen = render(&state);
    assert!(
        screen.contains("1 file not loaded") && screen.contains("1 skipped"),
        "{screen}"
    );
    keys(&mut state, "!");
    assert!(render(&state).contains("broken.json"));
}

#[test]
fn analyses_in_the_background_and_fills_the_columns() {
    let mut state = super::common::state_with(parallax::corpus::demo_corpus(), 120, 40);
    assert!(
        render(&state).contains("       …"),
        "counts wait for the analysis"
    );
    let mut analyser = parallax::app::analyser::Analyser::spawn(std::sync::Arc::clone(&state.corpus));
    keys(&mut state, "jjk<Enter>n");
    assert_eq!(
        state.reader().unwrap().quote,
        None,
        "the reader works before the analysis, without quotes"
    );
    keys(&mut state, "q");
    let started = Instant::now();
    let action = loop {
        if let Some(action) = analyser.poll() {
            break action;
        }
        assert!(started.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(5));
    };
    update(&mut state, action);
    assert!(state.index.is_some());
    assert!(
        state
            .library()
            .unwrap()
            .rows
            .iter()
            .all(|r| r.quotes.is_some() && r.speakers.is_some())
    );
    // A stale analysis (of another corpus) is ignored.
    let other = parallax::app::analyser::analyse_now(&std::sync::Arc::new(parallax::corpus::demo_corpus()));
    let before = state.index.clone();
    update(&mut state, other);
    assert!(std::sync::Arc::ptr_eq(
        before.as_ref().unwrap(),
        state.index.as_ref().unwrap()
    ));
}
