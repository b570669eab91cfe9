//! A plain table for list screens: a heading, a rule, the visible rows,
//! the selected one in the selection style.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::list::ListCursor;
use crate::ui::View as State;

/// Draws `heading` and the rows `row(i)` for `0..len` in view.
pub fn render<'a>(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    heading: Line<'a>,
    cursor: &ListCursor,
    len: usize,
    row: impl Fn(usize, bool) -> Line<'a>,
) {
    render_or_say(frame, area, state, heading, cursor, len, row, &["Nothing here."]);
}

/// [`render`], with what an empty list says instead of "Nothing here."
/// (why it is empty, and what to press).
#[allow(clippy::too_many_arguments)]
pub fn render_or_say<'a>(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    heading: Line<'a>,
    cursor: &ListCursor,
    len: usize,
    row: impl Fn(usize, bool) -> Line<'a>,
    empty: &[&str],
) {
    let t = state.theme;
    if area.height < 3 {
        return;
    }
    frame.render_widget(Paragraph::new(heading), Rect { height: 1, ..area });
    let rule = "─".repeat(usize::from(area.width));
    frame.render_widget(
        Paragraph::new(rule).style(t.border),
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
    );
    let body = Rect {
        y: area.y + 2,
        height: area.height - 2,
        ..area
    };
    if len == 0 {
        // Long lines wrap (a title in the reason), centred.
        let lines = Rect {
            y: body.y + body.height / 3,
            height: body.height - body.height / 3,
            ..body
        };
        let text: Vec<Line> = empty.iter().map(|l| Line::raw(l.to_string())).collect();
        frame.render_widget(
            Paragraph::new(text)
                .style(t.muted)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            lines,
        );
        return;
    }
    let shown = (cursor.offset..len).take(usize::from(body.height));
    for (y, i) in (body.y..).zip(shown) {
        let selected = i == cursor.selected;
        let mut line = row(i, selected);
        if selected {
            let mut spans = vec![Span::styled("▌", t.selection.add_modifier(Modifier::BOLD))];
            spans.extend(line.spans.into_iter().skip(1));
            line = Line::from(spans).style(t.selection);
        }
        frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..body });
    }
}
