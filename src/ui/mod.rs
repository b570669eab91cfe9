//! Drawing: `(&State, &Theme) -> Frame`, no state changes. A title bar,
//! the screen, a status bar; the help overlay on top; a message when too
//! small. The theme is drawing data: it is passed in, never kept in the
//! state.

pub mod highlight;
pub mod screens;
pub mod text;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::screens::library::LibraryState;
use crate::app::{ScreenKind, State as AppState, layout};
use crate::theme::Theme;

/// What drawing reads: the app state and the theme, borrowed side by side
/// (derefs to the state).
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
}

impl std::ops::Deref for View<'_> {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        self.state
    }
}

impl View<'_> {
    /// The library (an empty one when the stack has none, as in
    /// `parallax compare A B`).
    pub fn lib(&self) -> &LibraryState {
        static EMPTY: LibraryState = LibraryState::EMPTY;
        self.state.library().unwrap_or(&EMPTY)
    }
}

/// Draws the whole interface.
pub fn draw(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let view = View { state, theme };
    let state = &view;
    let area = frame.area();
    if layout::too_small(area.width, area.height) {
        return too_small(frame, area, state);
    }
    let [top, body, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    widgets::title_bar::render(frame, top, state);
    match state.base_screen() {
        ScreenKind::Reader => screens::reader::render(frame, body, state),
        ScreenKind::Compare => screens::compare::render(frame, body, state),
        ScreenKind::Speakers => screens::speakers::render(frame, body, state),
        ScreenKind::Related => screens::related::render(frame, body, state),
        ScreenKind::Search => screens::text_search::render(frame, body, state),
        ScreenKind::Stories => screens::stories::render(frame, body, state),
        ScreenKind::Coverage => screens::coverage::render(frame, body, state),
        ScreenKind::Notes => screens::notes::render(frame, body, state),
        ScreenKind::SpeakerQuotes => screens::speaker_quotes::render(frame, body, state),
        ScreenKind::Diagnostics => screens::diagnostics::render(frame, body, state),
        _ => screens::library::render(frame, body, state),
    }
    widgets::status_bar::render(frame, bottom, state);
    if state.screen() == ScreenKind::Help {
        screens::help::render(frame, body, state);
    }
}

fn too_small(frame: &mut Frame, area: Rect, state: &View) {
    let t = state.theme;
    let lines = vec![
        Line::styled("Terminal too small", t.warning),
        Line::styled(format!("{}×{}", area.width, area.height), t.muted),
        Line::styled(
            format!("need {}×{}", layout::MIN_WIDTH, layout::MIN_HEIGHT),
            t.muted,
        ),
    ];
    let y = area.y + area.height.saturating_sub(3) / 2;
    let rect = Rect {
        y,
        height: 3.min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}
