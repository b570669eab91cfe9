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

/// The cache's background check after a warm open finds a new file (one
/// that sorts first, so every article moves down one place): the library
/// is updated underneath and the reader the user opened stays open on the
/// same article, at the same place.
#[test]
fn a_refresh_after_a_warm_open_keeps_the_screens() {
    let corpus = tempfile::tempdir().unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    // Files older than the open, so the cache vouches for them.
    let past = std::time::SystemTime::now() - Duration::from_secs(3600);
    let write_old = |name: &str, bytes: &[u8]| {
        let path = corpus.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(past).unwrap();
    };
    for (path, bytes) in parallax::corpus::DEMO_FILES {
        write_old(path.trim_start_matches("demo/"), bytes);
    }
    let cache = parallax::cache::Cache {
        dir: cache_dir.path().to_path_buf(),
        limit: parallax::cache::DEFAULT_LIMIT,
    };
    let open = || {
        let mut state = State::loading("news", Keymap::default(), (120, 40));
        let mut runner = Runner::new();
        runner.load_cached(vec![corpus.path().to_path_buf()], cache.clone());
        tick_until(&mut runner, &mut state, |s| {
            s.loading.is_none() && s.index.is_some()
        });
        (state, runner)
    };
    // The first open writes the cache once the analysis is done.
    let (mut state, mut runner) = open();
    let written = |ext: &str| {
        std::fs::read_dir(cache_dir.path())
            .unwrap()
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == ext))
    };
    tick_until(&mut runner, &mut state, |_| written("pxa"));
    drop((state, runner));

    write_old(
        "aaa-new.txt",
        b"Title: Harbour ferries return\nSource: Harbour Ledger\n\nThe ferries came back on Monday, the port said.\n",
    );
    let (mut state, mut runner) = open();
    assert_eq!(
        state.corpus.articles.len(),
        9,
        "the warm open shows the cached corpus"
    );
    keys(&mut state, "jj<Enter>jjj");
    assert_eq!(state.screen(), ScreenKind::Reader);
    let reader = state.reader().unwrap();
    let (id, scroll) = (state.corpus.articles[reader.article()].id.clone(), reader.scroll);
    let marked = state.library().unwrap().selected_article().unwrap();
    let marked_id = state.corpus.articles[marked].id.clone();
    tick_until(&mut runner, &mut state, |s| {
        s.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("changed or new"))
    });
    assert_eq!(state.corpus.articles.len(), 10, "the new file is in the corpus");
    assert_eq!(
        state.kinds(),
        [ScreenKind::Library, ScreenKind::Reader],
        "the screen stack is kept"
    );
    let reader = state.reader().unwrap();
    assert_eq!(state.corpus.articles[reader.article()].id, id, "the same article");
    assert_ne!(reader.article(), 0, "it moved, and the reader followed it");
    assert_eq!(reader.scroll, scroll, "at the same place");
    let lib = state.library().unwrap();
    assert_eq!(lib.rows.len(), 10, "the library shows the new corpus");
    let selected = lib.selected_article().unwrap();
    assert_eq!(
        state.corpus.articles[selected].id, marked_id,
        "the selection follows its article"
    );
    // The new corpus is analysed in turn; the reader gets its quotes.
    tick_until(&mut runner, &mut state, |s| s.index.is_some());
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Library);
}

/// A warm open lists the library from the cache before the articles' text
/// and the analyses are read: the titles and the count show at once, a
/// command that needs the text (opening the reader) waits for it, and once
/// the text and the analyses are read the reader, its quotes and the
/// index are those of the cold open, never an empty body.
#[test]
fn a_warm_open_lists_the_library_before_the_text_and_the_analyses() {
    let corpus = tempfile::tempdir().unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let past = std::time::SystemTime::now() - Duration::from_secs(3600);
    for (path, bytes) in parallax::corpus::DEMO_FILES {
        let path = corpus.path().join(path.trim_start_matches("demo/"));
        std::fs::write(&path, bytes).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(past).unwrap();
    }
    let cache = parallax::cache::Cache {
        dir: cache_dir.path().to_path_buf(),
        limit: parallax::cache::DEFAULT_LIMIT,
    };
    let start = || {
        let state = State::loading("news", Keymap::default(), (120, 40));
        let mut runner = Runner::new();
        runner.load_cached(vec![corpus.path().to_path_buf()], cache.clone());
        (state, runner)
    };
    // The cold open: loaded from the files, analysed, the cache written.
    let (mut state, mut runner) = start();
    tick_until(&mut runner, &mut state, |s| s.index.is_some());
    assert!(!state.text_pending, "a cold open has its text");
    let cold_corpus = std::sync::Arc::clone(&state.corpus);
    let cold_index = std::sync::Arc::clone(state.index.as_ref().unwrap());
    tick_until(&mut runner, &mut state, |_| {
        std::fs::read_dir(cache_dir.path())
            .unwrap()
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "pxa"))
    });
    drop((state, runner));

    // The warm open: the first screen is the library, without text or
    // analyses yet.
    let (mut state, mut runner) = start();
    tick_until(&mut runner, &mut state, |s| s.loading.is_none());
    assert!(state.text_pending, "the library is listed before the text");
    assert!(state.index.is_none(), "and before the analyses");
    let screen = render(&state);
    assert!(screen.contains("9 articles"), "{screen}");
    // Every title shows (as far as its column goes).
    for a in &cold_corpus.articles {
        let title: String = a.title.as_deref().unwrap_or(&a.id).chars().take(30).collect();
        assert!(screen.contains(&title), "{title}\n{screen}");
    }
    // Moving in the library works at once; opening the reader waits.
    keys(&mut state, "j<Enter>");
    assert_eq!(
        state.screen(),
        ScreenKind::Library,
        "the reader waits for the text"
    );
    assert!(render(&state).contains("reading the articles' text"));
    let article = state.library().unwrap().selected_article().unwrap();

    tick_until(&mut runner, &mut state, |s| s.index.is_some());
    assert!(!state.text_pending && state.deferred.is_empty());
    assert_eq!(
        state.screen(),
        ScreenKind::Reader,
        "the reader opened once the text was read"
    );
    let reader = state.reader().unwrap();
    assert_eq!(reader.article(), article);
    assert_eq!(
        state.corpus.articles, cold_corpus.articles,
        "the cold open's articles, text included"
    );
    let body = &state.corpus.articles[article].body;
    assert!(!body.is_empty());
    let opening: String = body.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(render(&state).contains(&opening), "{opening}");
    let index = state.index.as_ref().unwrap();
    assert_eq!(index.speakers.analyses, cold_index.speakers.analyses);
    assert_eq!(index.speakers.speakers, cold_index.speakers.speakers);
    assert_eq!(
        reader.quotes,
        cold_index.speakers.stops(article),
        "the reader's quotes are the cold open's"
    );
    assert!(!reader.quotes.is_empty(), "the article read has quotes");
}
