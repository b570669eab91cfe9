//! The reader: the visible slice of the wrapped document in a centred
//! column, search matches highlighted, and a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::app::document::LineKind;
use crate::app::reader::ReaderState;
use crate::app::{State, layout};

use super::super::text::highlighted;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let Some(reader) = state.open_reader() else {
        return;
    };
    let Some(article) = state.corpus.articles.get(reader.article()) else {
        return;
    };
    let (margin, measure) = layout::reader_column(area.width);
    let rows = state.reader_rows();
    let text_area = Rect {
        x: area.x + margin,
        y: area.y + 1,
        width: measure,
        height: area.height.saturating_sub(1),
    };
    let lines: Vec<Line> = visible_lines(state, reader, &article.body, rows);
    frame.render_widget(Paragraph::new(lines), text_area);
    let total = reader.doc.lines.len();
    if total > rows {
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .track_style(state.theme.border)
            .thumb_style(state.theme.muted);
        let mut bar_state = ScrollbarState::new(reader.max_scroll(rows) + 1)
            .position(reader.scroll)
            .viewport_content_length(rows);
        let bar_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        frame.render_stateful_widget(bar, bar_area, &mut bar_state);
    }
}

/// The lines in view, styled by kind, with search highlights.
fn visible_lines<'a>(state: &'a State, reader: &'a ReaderState, body: &'a str, rows: usize) -> Vec<Line<'a>> {
    let t = &state.theme;
    let doc = &reader.doc;
    let search = &reader.search;
    let current = search.current_match();
    doc.lines
        .iter()
        .skip(reader.scroll)
        .take(rows)
        .map(|line| {
            let text = doc.text(line, body);
            let style = match line.kind {
                LineKind::Title => t.title,
                LineKind::Byline => t.accent.remove_modifier(ratatui::style::Modifier::BOLD),
                LineKind::Meta => t.muted,
                LineKind::Rule => t.border,
                LineKind::Blank => Style::new(),
                LineKind::Body => t.text,
            };
            if line.kind == LineKind::Body && !search.matches.is_empty() {
                let styles = (t.search_match, t.search_current);
                highlighted(text, line.char_start, &search.matches, current, style, styles)
            } else {
                Line::styled(text, style)
            }
        })
        .collect()
}
