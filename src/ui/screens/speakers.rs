//! The speakers screen: everyone quoted in the corpus, in their colour,
//! with quote and article counts and their roles.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::screens::speakers::SpeakersState;
use crate::ui::View as State;

use super::super::highlight::speaker_style;
use super::super::text::{fit, truncate};
use super::super::widgets::table;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(analysis)) = (state.theme, state.speakers_index()) else {
        return;
    };
    let list = &analysis.speakers;
    static ALL: SpeakersState = SpeakersState {
        cursor: crate::app::list::ListCursor {
            selected: 0,
            offset: 0,
        },
        filter: String::new(),
        shown: None,
    };
    let screen = state.speakers().unwrap_or(&ALL);
    let name_w = list
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(8, 28);
    let role_w = usize::from(area.width).saturating_sub(name_w + 26);
    let heading = Line::styled(
        format!(
            "   {}  {:>6}  {:>8}  ROLES",
            fit("SPEAKER", name_w),
            "QUOTES",
            "ARTICLES"
        ),
        t.heading,
    );
    table::render(
        frame,
        area,
        state,
        heading,
        &screen.cursor,
        screen.len(list.len()),
        |row, selected| {
            let i = screen.speaker(row);
            let s = &list[i];
            let name_style = if selected {
                t.selection
            } else {
                speaker_style(t, analysis.colour(Some(i)))
            };
            Line::from(vec![
                Span::raw(" "),
                Span::styled("  ", t.text),
                Span::styled(fit(&s.name, name_w), name_style),
                Span::styled(format!("  {:>6}  {:>8}  ", s.quotes, s.articles.len()), t.muted),
                Span::styled(truncate(&s.roles.join(" · "), role_w).into_owned(), t.muted),
            ])
        },
    );
}
