//! The reader: the visible slice of the wrapped document in a centred
//! column, search matches highlighted, and a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::app::document::LineKind;
use crate::app::layout;
use crate::app::screens::reader::ReaderState;
use crate::ui::View as State;

use crate::app::quote_nav::QuoteStop;

use super::super::highlight::{self, Styled};
use super::super::widgets::quote_line;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let Some(reader) = state.open_reader() else {
        return;
    };
    let Some(article) = state.corpus.articles.get(reader.article()) else {
        return;
    };
    let (margin, measure) = layout::reader_column(area.width);
    let rows = state.reader_rows();
    // A long quote line wraps onto a second line: the text moves up into
    // the padding line, so as many text lines show.
    let quote = quote_line::lines(state, reader, usize::from(measure));
    let wrapped = u16::from(quote.len() > 1);
    let text_area = Rect {
        x: area.x + margin,
        y: area.y + 1 - wrapped.min(1),
        width: measure,
        height: area.height.saturating_sub(2),
    };
    let lines: Vec<Line> = visible_lines(state, reader, &article.body, rows);
    frame.render_widget(Paragraph::new(lines), text_area);
    let quote_area = Rect {
        y: area.bottom().saturating_sub(1 + wrapped),
        height: (1 + wrapped).min(area.height),
        ..text_area
    };
    frame.render_widget(Paragraph::new(quote), quote_area);
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
            height: area.height.saturating_sub(2),
            ..area
        };
        frame.render_stateful_widget(bar, bar_area, &mut bar_state);
    }
    super::super::widgets::speakers_panel::render_reader(frame, area, state, reader);
}

/// The lines in view, styled by kind, with quotes in their speaker's
/// colour and search matches over them.
fn visible_lines<'a>(state: &'a State, reader: &'a ReaderState, body: &'a str, rows: usize) -> Vec<Line<'a>> {
    let t = state.theme;
    let doc = &reader.doc;
    let shown = doc.lines.iter().skip(reader.scroll).take(rows);
    let (from, to) = shown.clone().fold((usize::MAX, 0), |(a, b), l| {
        (a.min(l.char_start), b.max(l.char_start + l.chars))
    });
    let flagged = state.kept.flagged_spans(reader.article());
    let quotes: Vec<Styled> = quote_ranges(reader, from, to)
        .map(|(i, q)| {
            let is_flagged = flagged.iter().any(|&(s, e, _)| (s, e) == (q.start, q.end));
            let colour = state.speakers_index().and_then(|a| a.colour(q.speaker));
            let style = if q.reported {
                highlight::reported_style(t, colour)
            } else {
                highlight::speaker_style(t, colour)
            };
            let current = reader.quote == Some(i);
            let style = if is_flagged { style.patch(t.flagged) } else { style };
            (
                q.start,
                q.end,
                if current { style.patch(t.current) } else { style },
            )
        })
        .collect();
    let search = &reader.search;
    let current = search.current_match();
    let first = search.matches.partition_point(|m| m.1 <= from);
    let matches: Vec<Styled> = search.matches[first..]
        .iter()
        .take_while(|m| m.0 < to)
        .map(|&m| {
            (
                m.0,
                m.1,
                if Some(m) == current {
                    t.search_current
                } else {
                    t.search_match
                },
            )
        })
        .collect();
    shown
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
            if line.kind == LineKind::Body {
                highlight::paint(text, line.char_start, style, &[&quotes, &matches])
            } else {
                Line::styled(text, style)
            }
        })
        .collect()
}

/// The quotes (with their index) touching body chars `[from, to)`.
fn quote_ranges(reader: &ReaderState, from: usize, to: usize) -> impl Iterator<Item = (usize, &QuoteStop)> {
    let first = reader
        .quotes
        .partition_point(|q| q.start < from)
        .saturating_sub(4);
    reader.quotes[first..]
        .iter()
        .enumerate()
        .map(move |(i, q)| (first + i, q))
        .take_while(move |(_, q)| q.start < to)
        .filter(move |(_, q)| q.end > from)
}
