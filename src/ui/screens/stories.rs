//! The stories list: per story its outlets, articles, dates and the
//! headline of its most central article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::ui::View as State;

use super::super::text::{fit, truncate};
use super::super::widgets::table;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(list), Some(index)) = (state.theme, state.stories(), state.index.as_deref()) else {
        return;
    };
    let stories = &index.stories.stories;
    let fixed = 3 + 7 + 2 + 8 + 2 + 10 + 2 + 10 + 2;
    let title_w = usize::from(area.width).saturating_sub(fixed);
    let heading = Line::from(Span::styled(
        format!(
            "   {}  {}  {}  {}  TITLE",
            fit("OUTLETS", 7),
            fit("ARTICLES", 8),
            fit("FIRST", 10),
            fit("LAST", 10)
        ),
        t.heading,
    ));
    table::render(
        frame,
        area,
        state,
        heading,
        &list.cursor,
        stories.len(),
        |i, selected| {
            let s = &stories[i];
            Line::from(vec![
                Span::raw(" "),
                Span::raw("  "),
                Span::styled(format!("{:>7}", s.outlets.len()), t.text),
                Span::raw("  "),
                Span::styled(format!("{:>8}", s.articles.len()), t.text),
                Span::raw("  "),
                Span::styled(fit(s.first_published.as_deref().unwrap_or("–"), 10), t.muted),
                Span::raw("  "),
                Span::styled(fit(s.last_published.as_deref().unwrap_or("–"), 10), t.muted),
                Span::raw("  "),
                Span::styled(
                    truncate(&s.title, title_w).into_owned(),
                    if selected { t.title } else { t.text },
                ),
            ])
        },
    );
}
