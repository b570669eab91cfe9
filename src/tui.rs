//! Running the interactive app: set up the terminal, loop over events and
//! draws, and restore the terminal on quit, error, panic and Ctrl-C.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::analyser::Analyser;
use crate::app::loader::Loader;
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
    let errors: Vec<String> = [config_error, choice.error]
        .into_iter()
        .flatten()
        .chain(key_errors)
        .collect();

    let mut terminal = ratatui::init();
    install_mouse_restore_hook();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = (|| {
        let size = terminal.size()?;
        let size = (size.width, size.height);
        let (mut state, loader) = match start {
            Start::Paths(paths) if paths.is_empty() => (
                State::new(corpus::demo_corpus(), "demo corpus", keymap, size),
                None,
            ),
            Start::Paths(paths) => {
                let label = label(&paths);
                let state = State::loading(&label, keymap, size);
                (state, Some(Loader::spawn(paths)))
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
        event_loop(&mut terminal, &mut state, &choice.theme, loader)
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    theme: &theme::Theme,
    mut loader: Option<Loader>,
) -> anyhow::Result<()> {
    let mut analyser: Option<Analyser> = None;
    loop {
        // Analyse each corpus once it is loaded (a new corpus, a new job).
        if state.loading.is_none()
            && state.index.is_none()
            && analyser.as_ref().is_none_or(Analyser::is_finished)
        {
            analyser = Some(Analyser::spawn(std::sync::Arc::clone(&state.corpus)));
        }
        terminal.draw(|frame| ui::draw(frame, state, theme))?;
        if state.quit {
            return Ok(());
        }
        let loading = loader.as_ref().is_some_and(|l| !l.is_finished())
            || analyser.as_ref().is_some_and(|a| !a.is_finished());
        let timeout = Duration::from_millis(if loading { 50 } else { 500 });
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
