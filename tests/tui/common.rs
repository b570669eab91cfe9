//! Helpers: a state on the demo corpus, key sequences driven through the
//! real keymap into `update`, and a buffer dump that includes styles.

use std::fmt::Write as _;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use parallax::app::jobs::{analyse_now, run_inline};
use parallax::app::keymap::KeyChord;
use parallax::app::{Keymap, State, input, update};
use parallax::corpus::{Corpus, Diagnostic, demo_corpus};
use parallax::theme::Theme;
use parallax::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

pub fn state_with(corpus: Corpus, width: u16, height: u16) -> State {
    State::new(corpus, "demo corpus", Keymap::default(), (width, height))
}

/// The demo corpus, analysed (as the background job leaves it).
pub fn demo(width: u16, height: u16) -> State {
    let mut state = state_with(demo_corpus(), width, height);
    let analysed = analyse_now(&state.corpus);
    update(&mut state, analysed);
    state
}

/// The demo corpus with some load problems added.
pub fn with_problems() -> Corpus {
    let mut corpus = demo_corpus();
    corpus.diagnostics.push(Diagnostic::error(
        "inbox/2026-03/broken-export.json",
        "not valid JSON: expected `,` or `]` at line 14 column 3",
    ));
    corpus
        .diagnostics
        .push(Diagnostic::error("inbox/empty.txt", "the file is empty"));
    corpus.diagnostics.push(Diagnostic::warning(
        "inbox/rail-copy.txt",
        "duplicate of demo/rail-northgate-daily.txt",
    ));
    corpus.skipped = 3;
    corpus
}

/// Sends keys written like `"jj/water<Enter>n<C-d><Esc>"` through the
/// keymap (or the prompt) into `update`; work a key asks for (a
/// comparison) runs at once, on this thread.
pub fn keys(state: &mut State, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (chord, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            (KeyChord::parse(&rest[1..end]).expect("a key name"), end + 1)
        } else {
            (KeyChord::new(KeyCode::Char(c), KeyModifiers::NONE), c.len_utf8())
        };
        rest = &rest[len..];
        let event = Event::Key(KeyEvent::new(chord.code, chord.modifiers));
        if let Some(msg) = input::message_for(state, &event) {
            update(state, msg);
            run_inline(state);
        }
    }
}

/// Draws the state and dumps the screen: the text, then every run of
/// non-default style per row.
pub fn render(state: &State) -> String {
    render_with(state, &Theme::default_theme())
}

/// [`render`] in another theme.
pub fn render_with(state: &State, theme: &Theme) -> String {
    let backend = TestBackend::new(state.width, state.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| ui::draw(frame, state, theme)).unwrap();
    dump(terminal.backend().buffer())
}

pub fn dump(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut text = String::new();
    let mut styles = String::new();
    for y in 0..area.height {
        let mut runs: Vec<(u16, u16, Style)> = Vec::new();
        let mut line = String::new();
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            line.push_str(cell.symbol());
            let style = Style::new().fg(cell.fg).bg(cell.bg).add_modifier(cell.modifier);
            match runs.last_mut() {
                Some((_, end, s)) if *s == style => *end = x + 1,
                _ => runs.push((x, x + 1, style)),
            }
        }
        let _ = writeln!(text, "{}", line.trim_end());
        let runs: Vec<String> = runs
            .into_iter()
            .filter(|(_, _, s)| *s != Style::new().fg(Color::Reset).bg(Color::Reset))
            .map(|(a, b, s)| format!("{a}-{b} {}", describe(s)))
            .collect();
        if !runs.is_empty() {
            let _ = writeln!(styles, "{y:>2}: {}", runs.join(" | "));
        }
    }
    format!("{text}--- styles (row: columns fg/bg +modifiers) ---\n{styles}")
}

fn color(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => format!("@{i}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

fn describe(s: Style) -> String {
    let mut out = String::new();
    let fg = s.fg.unwrap_or(Color::Reset);
    let bg = s.bg.unwrap_or(Color::Reset);
    out.push_str(&if fg == Color::Reset { "-".into() } else { color(fg) });
    if bg != Color::Reset {
        let _ = write!(out, "/{}", color(bg));
    }
    let m = s.add_modifier;
    for (flag, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
    ] {
        if m.contains(flag) {
            let _ = write!(out, " +{name}");
        }
    }
    out
}
