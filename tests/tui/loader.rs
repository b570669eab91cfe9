//! Background jobs through the real runner: loading with progress, the
//! analysis filling the library, and comparing without blocking the keys.

use std::time::{Duration, Instant};

use parallax::app::jobs::{Runner, analyse_now};
use parallax::app::{Action, Keymap, ScreenKind, State, update};

use super::common::{keys, render};

/// Ticks the runner until `done` holds (at most 30 s).
fn tick_until(runner: &mut Runner, state: &mut State, done: impl Fn(&State) -> bool) {
    let started = Instant::now();
    while !done(state) {
        assert!(started.elapsed() < Duration::from_secs(30), "a job hangs");
        runner.tick(state);
        std::thread::sleep(Duration::from_millis(2));
    }
}

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

    let mut runner = Runner::new();
    runner.load(vec![dir.path().to_path_buf()]);
    let started = Instant::now();
    let mut seen = Vec::new();
    while let Some(loading) = state.loading {
        assert!(started.elapsed() < Duration::from_secs(20), "the loader hangs");
        assert!(loading.total == 0 || loading.done <= loading.total, "{loading:?}");
        seen.push(loading.total);
        runner.tick(&mut state);
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(seen.iter().all(|&t| t == 0 || t == 10), "{seen:?}");
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
fn progress_is_shown_while_loading() {
    let mut state = State::loading("news", Keymap::default(), (100, 30));
    update(&mut state, parallax::app::Msg::Progress { done: 3, total: 10 });
    assert_eq!(
        state.loading,
        Some(parallax::app::state::Loading { done: 3, total: 10 })
    );
}

#[test]
fn analyses_in_the_background_and_fills_the_columns() {
    let mut state = super::common::state_with(parallax::corpus::demo_corpus(), 120, 40);
    assert!(
        render(&state).contains("       …"),
        "counts wait for the analysis"
    );
    keys(&mut state, "jjk<Enter>n");
    assert_eq!(
        state.reader().unwrap().quote,
        None,
        "the reader works before the analysis, without quotes"
    );
    keys(&mut state, "q");
    let mut runner = Runner::new();
    tick_until(&mut runner, &mut state, |s| s.index.is_some());
    assert!(
        state
            .library()
            .unwrap()
            .rows
            .iter()
            .all(|r| r.quotes.is_some() && r.speakers.is_some())
    );
    assert!(!runner.busy());
    // A stale analysis (of another corpus) is ignored.
    let other = analyse_now(&std::sync::Arc::new(parallax::corpus::demo_corpus()));
    let before = state.index.clone();
    update(&mut state, other);
    assert!(std::sync::Arc::ptr_eq(
        before.as_ref().unwrap(),
        state.index.as_ref().unwrap()
    ));
}

/// `c` and `x` ask for a comparison; the keys go on working while a job
/// compares, and the screen opens when it is done.
#[test]
fn compares_in_the_background() {
    let mut state = super::common::demo(120, 40);
    let mut runner = Runner::new();
    for action in [
        Action::ToggleMark,
        Action::Down,
        Action::ToggleMark,
        Action::Compare,
    ] {
        update(&mut state, action);
    }
    assert_eq!(
        state.screen(),
        ScreenKind::Library,
        "update never waits on compare"
    );
    assert!(state.pending.is_some());
    assert!(render(&state).contains("comparing…"));
    update(&mut state, Action::Down);
    tick_until(&mut runner, &mut state, |s| s.screen() == ScreenKind::Compare);
    assert!(state.pending.is_none() && !runner.busy());
    let sides = state.compare().unwrap().articles();
    update(&mut state, Action::LockScroll);
    update(&mut state, Action::SwapSides);
    assert_eq!(
        state.compare().unwrap().articles(),
        sides,
        "swapping waits for its job"
    );
    tick_until(&mut runner, &mut state, |s| {
        s.compare().unwrap().articles() == sides.swapped()
    });
    assert_eq!(
        state.kinds(),
        [ScreenKind::Library, ScreenKind::Compare],
        "replaced, not pushed"
    );
    assert!(state.compare().unwrap().locked, "the view is kept");
    // Leaving the screen before the swap is done drops the swap.
    update(&mut state, Action::SwapSides);
    update(&mut state, Action::Close);
    runner.tick(&mut state);
    let started = Instant::now();
    while runner.busy() {
        assert!(started.elapsed() < Duration::from_secs(30));
        runner.tick(&mut state);
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(state.kinds(), [ScreenKind::Library]);
}
