//! Running the interactive app: set up the terminal, loop over events and
//! draws, and restore the terminal on quit, error, panic, Ctrl-C and the
//! signals of [`crate::signals`] (Ctrl-Z suspends; `fg` redraws).

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::{cursor, execute, terminal};
use ratatui::DefaultTerminal;

use crate::app::cite::Effect;
use crate::app::jobs::Runner;
use crate::app::{Keymap, Notice, State, input, start_compare, update};
use crate::corpus::{Article, Corpus};
use crate::signals::{self, Request, Signals};
use crate::{config, corpus, effects, theme, ui};

/// What the app opens on.
pub enum Start {
    /// A corpus from files and folders (the demo corpus when empty).
    Paths(Vec<PathBuf>),
    /// The compare screen on two articles (`parallax compare A B`).
    Compare(Vec<Article>),
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal ended it: exit with status 128 + the signal number.
    Signal(i32),
}

/// Opens the TUI on `start` with theme `theme_name` (else the config's,
/// else the default).
/// `no_state` (`--no-state`) keeps nothing between runs, as `state = false`
/// in the config does; `no_cache` (`--no-cache`) opens without the cache, as
/// `[cache] enabled = false` does.
pub fn run(start: Start, theme_name: Option<&str>, no_state: bool, no_cache: bool) -> anyhow::Result<Exit> {
    if !io::stdout().is_terminal() {
        anyhow::bail!("the interactive reader needs a terminal; try `parallax list`");
    }
    let (config, config_error) = config::load(config::config_path().as_deref());
    let (keymap, key_errors) = Keymap::new(&config.keys);
    let name = theme_name.or(config.theme.as_deref()).unwrap_or("default");
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let themes_dir = theme::user_themes_dir();
    let choice = theme::load(
        name,
        themes_dir.as_deref(),
        no_color,
        theme::style::truecolor_terminal(),
    );
    let corpus_key = match &start {
        Start::Paths(paths) => crate::state::corpus_key(paths),
        Start::Compare(articles) => {
            let paths: Vec<PathBuf> = articles.iter().map(|a| a.path.clone()).collect();
            crate::state::corpus_key(&paths)
        }
    };
    let (kept, mut kept_io, kept_warning) =
        crate::tui_kept::open(&corpus_key, !no_state && config.state != Some(false));
    let errors: Vec<String> = config_error
        .map(|e| e.to_string())
        .into_iter()
        .chain(choice.error.map(|e| format!("{e}; using the default theme")))
        .chain(key_errors.iter().map(ToString::to_string))
        .chain(kept_warning.map(|w| w.0))
        .collect();

    let signals = Signals::install()?;
    signals.watchdog(signals::WATCHDOG_GRACE, leave_terminal)?;
    let mut terminal = ratatui::init();
    install_mouse_restore_hook();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let mut setup = effects::Setup {
        clipboard_command: config.clipboard_command.clone(),
        export_dir: config.export_dir.clone(),
        corpus_dirs: Vec::new(),
    };
    let result: anyhow::Result<(Exit, Option<crate::state::StateWarning>)> = (|| {
        let size = terminal.size()?;
        let size = (size.width, size.height);
        let mut runner = Runner::new();
        runner.outlets = config::outlet_aliases(&config);
        let mut state = match start {
            Start::Paths(paths) if paths.is_empty() => {
                State::new(corpus::demo_corpus(), "demo corpus", keymap, size)
            }
            Start::Paths(paths) => {
                let label = label(&paths);
                setup.corpus_dirs = paths.clone();
                let cache = (config.cache.enabled && !no_cache)
                    .then(|| crate::cache::Cache::user(config.cache.limit_bytes()))
                    .flatten();
                match cache {
                    Some(cache) => runner.load_cached(paths, cache),
                    None => {
                        tracing::info!("cache off");
                        runner.load(paths);
                    }
                }
                State::loading(&label, keymap, size)
            }
            Start::Compare(articles) => {
                let corpus = Corpus {
                    files: articles.len(),
                    articles,
                    ..Corpus::default()
                };
                let mut state = State::new(corpus, "compare", keymap, size);
                state.thresholds = config.thresholds;
                start_compare(&mut state);
                state
            }
        };
        state.thresholds = config.thresholds;
        state.kept = kept;
        // The demo corpus is here already; a loaded one is restored when
        // it arrives.
        if state.loading.is_none() {
            crate::app::kept_cmd::restore(&mut state);
        }
        if let Some(citation) = &config.citation {
            state.citation = citation.clone();
        }
        if !errors.is_empty() {
            state.notice = Some(Notice {
                text: errors.join("  ·  "),
                error: true,
            });
        }
        let mut run = Run {
            theme: &choice.theme,
            runner: &mut runner,
            signals: &signals,
            setup: &setup,
            kept: &mut kept_io,
        };
        let exit = event_loop(&mut terminal, &mut state, &mut run);
        // What is kept is written before the terminal is given back.
        let warning = std::mem::take(&mut kept_io).finish(&mut state);
        Ok((exit?, warning))
    })();
    leave_terminal();
    let (exit, warning) = result?;
    if let Some(warning) = warning {
        eprintln!("parallax: {warning}");
    }
    Ok(exit)
}

/// Gives the terminal back: no mouse reporting, the main screen, the
/// cursor shown, cooked mode.
fn leave_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, cursor::Show);
    ratatui::restore();
}

/// Takes the terminal again after `fg`.
fn enter_terminal(terminal: &mut DefaultTerminal) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    // Forget what was on screen so the next frame is drawn whole.
    terminal.clear()
}

/// Ctrl-Z: restore the terminal, stop; on `fg`, take it back.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    leave_terminal();
    signals::stop_self()?;
    enter_terminal(terminal)
}

/// Waits up to `timeout` for a terminal event, in short slices so that a
/// signal is answered within about 50 ms. False on timeout or a signal.
fn wait_for_event(timeout: Duration, signals: &Signals) -> io::Result<bool> {
    let deadline = Instant::now() + timeout;
    loop {
        if signals.is_pending() {
            return Ok(false);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if event::poll(left.min(Duration::from_millis(50)))? {
            return Ok(true);
        }
        if left.is_zero() {
            return Ok(false);
        }
    }
}

fn is_ctrl_z(event: &Event) -> bool {
    matches!(event, Event::Key(key) if key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && key.code == KeyCode::Char('z'))
}

/// What the event loop works with besides the terminal and the state.
struct Run<'a> {
    theme: &'a theme::Theme,
    runner: &'a mut Runner,
    signals: &'a Signals,
    setup: &'a effects::Setup,
    kept: &'a mut crate::tui_kept::KeptIo,
}

/// Carries out the effects the app asked for (copy, open, export); the
/// last one's message goes to the status line.
fn perform(terminal: &mut DefaultTerminal, state: &mut State, setup: &effects::Setup) -> io::Result<()> {
    for effect in std::mem::take(&mut state.effects) {
        let notice = match effect {
            Effect::Copy { text, what } => effects::copy(&text, &what, setup, &mut io::stdout()),
            Effect::OpenUrl(url) => {
                // A terminal browser gets the terminal; the TUI comes back.
                let browser = std::env::var("BROWSER").ok();
                leave_terminal();
                let notice = effects::open_url(&url, &effects::opener(browser.as_deref()));
                enter_terminal(terminal)?;
                notice
            }
            Effect::Export { stem, text } => {
                let mut setup = setup.clone();
                let articles = state.corpus.articles.iter().map(|a| a.path.as_path());
                setup.corpus_dirs = effects::corpus_dirs(&setup.corpus_dirs, articles);
                effects::export(&stem, &text, &setup)
            }
        };
        state.notice = Some(notice);
    }
    Ok(())
}

fn event_loop(terminal: &mut DefaultTerminal, state: &mut State, run: &mut Run) -> anyhow::Result<Exit> {
    let (theme, signals) = (run.theme, run.signals);
    let runner = &mut *run.runner;
    // When the screen was last drawn, and whether an event came since.
    let (mut drawn_at, mut events): (Option<Instant>, bool) = (None, true);
    loop {
        match signals.take() {
            Some(Request::Exit(signal)) => return Ok(Exit::Signal(signal)),
            Some(Request::Suspend) => suspend(terminal)?,
            None => {}
        }
        // Start what the state asks for (analysis of a new corpus, a
        // comparison) and apply what finished.
        runner.tick(state);
        run.kept.sync(state);
        // While the corpus opens, the loop wakes every 5 ms to show the
        // library the moment it is there, but redraws the progress alone
        // at most every 50 ms: drawing takes CPU the loading wants.
        let progress_only = state.loading.is_some()
            && !events
            && drawn_at.is_some_and(|at| at.elapsed() < Duration::from_millis(50));
        if !progress_only {
            terminal.draw(|frame| ui::draw(frame, state, theme))?;
            drawn_at = Some(Instant::now());
        }
        events = false;
        if state.quit {
            return Ok(Exit::Quit);
        }
        // While the corpus opens, the first screen waits on this poll:
        // look again soon.
        let timeout = Duration::from_millis(if state.loading.is_some() {
            5
        } else if runner.busy() || state.pending.is_some() {
            30
        } else {
            500
        });
        if wait_for_event(timeout, signals)? {
            events = true;
            // Handle every event already waiting before drawing again, so
            // a burst of keys or wheel ticks costs one frame.
            loop {
                let event = event::read()?;
                if is_ctrl_z(&event) {
                    suspend(terminal)?;
                    break;
                }
                if let Some(msg) = input::message_for(state, &event) {
                    update(state, msg);
                    perform(terminal, state, run.setup)?;
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
}

/// ratatui's panic hook restores the screen; this one also stops mouse
/// reporting, then hands over to it.
fn install_mouse_restore_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

fn label(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        many => format!("{} paths", many.len()),
    }
}
