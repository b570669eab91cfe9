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

use crate::app::analyser::Analyser;
use crate::app::compare_update;
use crate::app::loader::Loader;
use crate::app::state::Notice;
use crate::app::{Keymap, State, input, update};
use crate::corpus::{Article, Corpus};
use crate::signals::{self, Request, Signals};
use crate::{config, corpus, theme, ui};

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
pub fn run(start: Start, theme_name: Option<&str>) -> anyhow::Result<Exit> {
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
    let errors: Vec<String> = [config_error, choice.error]
        .into_iter()
        .flatten()
        .chain(key_errors)
        .collect();

    let signals = Signals::install()?;
    let mut terminal = ratatui::init();
    install_mouse_restore_hook();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = (|| {
        let size = terminal.size()?;
        let size = (size.width, size.height);
        let (mut state, loader) = match start {
            Start::Paths(paths) if paths.is_empty() => (
                State::new(corpus::demo_corpus(), "demo corpus", choice.theme, keymap, size),
                None,
            ),
            Start::Paths(paths) => {
                let label = label(&paths);
                let state = State::loading(&label, choice.theme, keymap, size);
                (state, Some(Loader::spawn(paths)))
            }
            Start::Compare(articles) => {
                let corpus = Corpus {
                    files: articles.len(),
                    articles,
                    ..Corpus::default()
                };
                let mut state = State::new(corpus, "compare", choice.theme, keymap, size);
                state.thresholds = config.thresholds;
                compare_update::start(&mut state);
                (state, None)
            }
        };
        state.thresholds = config.thresholds;
        if !errors.is_empty() {
            state.notice = Some(Notice {
                text: errors.join("  ·  "),
                error: true,
            });
        }
        event_loop(&mut terminal, &mut state, loader, &signals)
    })();
    leave_terminal();
    result
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

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    mut loader: Option<Loader>,
    signals: &Signals,
) -> anyhow::Result<Exit> {
    let mut analyser: Option<Analyser> = None;
    loop {
        // Analyse each corpus once it is loaded (a new corpus, a new job).
        if state.loading.is_none()
            && state.analysis.is_none()
            && analyser.as_ref().is_none_or(Analyser::is_finished)
        {
            analyser = Some(Analyser::spawn(std::sync::Arc::clone(&state.corpus)));
        }
        match signals.take() {
            Some(Request::Exit(signal)) => return Ok(Exit::Signal(signal)),
            Some(Request::Suspend) => suspend(terminal)?,
            None => {}
        }
        terminal.draw(|frame| ui::draw(frame, state))?;
        if state.quit {
            return Ok(Exit::Quit);
        }
        let loading = loader.as_ref().is_some_and(|l| !l.is_finished())
            || analyser.as_ref().is_some_and(|a| !a.is_finished());
        let timeout = Duration::from_millis(if loading { 50 } else { 500 });
        if wait_for_event(timeout, signals)? {
            // Handle every event already waiting before drawing again, so
            // a burst of keys or wheel ticks costs one frame.
            loop {
                let event = event::read()?;
                if is_ctrl_z(&event) {
                    suspend(terminal)?;
                    break;
                }
                if let Some(action) = input::action_for(state, &event) {
                    update(state, action);
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if let Some(action) = loader.as_mut().and_then(Loader::poll) {
            update(state, action);
        }
        if let Some(action) = analyser.as_mut().and_then(Analyser::poll) {
            update(state, action);
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
