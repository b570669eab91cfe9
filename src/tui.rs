//! Running the interactive app: set up the terminal, loop over events and
//! draws, and restore the terminal on quit, error, panic and Ctrl-C.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::jobs::Runner;
use crate::app::{Keymap, Notice, State, input, start_compare, update};
use crate::corpus::{Article, Corpus};
use crate::{config, corpus, theme, ui};

/// What the app opens on.
pub enum Start {
    /// A corpus from files and folders (the demo corpus when empty).
    Paths(Vec<PathBuf>),
    /// The compare screen on two articles (`parallax compare A B`).
    Compare(Vec<Article>),
}

/// Opens the TUI on `start` with theme `theme_name` (else the config's,
/// else the default).
pub fn run(start: Start, theme_name: Option<&str>) -> anyhow::Result<()> {
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
    let errors: Vec<String> = config_error
        .map(|e| e.to_string())
        .into_iter()
        .chain(choice.error.map(|e| format!("{e}; using the default theme")))
        .chain(key_errors.iter().map(ToString::to_string))
        .collect();

    let mut terminal = ratatui::init();
    install_mouse_restore_hook();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = (|| {
        let size = terminal.size()?;
        let size = (size.width, size.height);
        let mut runner = Runner::new();
        let mut state = match start {
            Start::Paths(paths) if paths.is_empty() => {
                State::new(corpus::demo_corpus(), "demo corpus", keymap, size)
            }
            Start::Paths(paths) => {
                let label = label(&paths);
                runner.load(paths);
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
        if !errors.is_empty() {
            state.notice = Some(Notice {
                text: errors.join("  ·  "),
                error: true,
            });
        }
        event_loop(&mut terminal, &mut state, &choice.theme, &mut runner)
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    theme: &theme::Theme,
    runner: &mut Runner,
) -> anyhow::Result<()> {
    loop {
        // Start what the state asks for (analysis of a new corpus, a
        // comparison) and apply what finished.
        runner.tick(state);
        terminal.draw(|frame| ui::draw(frame, state, theme))?;
        if state.quit {
            return Ok(());
        }
        let timeout = Duration::from_millis(if runner.busy() || state.pending.is_some() {
            30
        } else {
            500
        });
        if event::poll(timeout)? {
            // Handle every event already waiting before drawing again, so
            // a burst of keys or wheel ticks costs one frame.
            loop {
                let event = event::read()?;
                if let Some(msg) = input::message_for(state, &event) {
                    update(state, msg);
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
