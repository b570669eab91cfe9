//! The coverage matrix of one story: a row per claim or quote, a column per
//! outlet (● carried, ◐ in part, · not), the selected cell highlighted;
//! under it the outlets, the selected cell's sentence and who is quoted by
//! all or by one outlet only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::screens::coverage::{CoverageState, FOOTER_LINES, Filter};
use crate::escape::line;
use crate::index::coverage::{Carried, column_letter as letter};
use crate::theme::Theme;
use crate::ui::View as State;

use super::super::text::truncate;
use super::super::widgets::table;

fn cell_style(t: &Theme, c: Carried) -> Style {
    match c {
        Carried::Full => t.accent,
        Carried::Partial => t.text,
        Carried::None => t.muted,
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(cov)) = (state.theme, state.coverage()) else {
        return;
    };
    let footer = (FOOTER_LINES as u16).min(area.height.saturating_sub(3));
    let matrix = Rect {
        height: area.height - footer,
        ..area
    };
    let c = &cov.coverage;
    let letters: Vec<String> = (0..c.columns.len()).map(letter).collect();
    let cells_w: usize = letters.iter().map(|l| l.len() + 1).sum();
    let text_w = usize::from(area.width).saturating_sub(3 + cells_w + 8);
    let mut heading = vec![Span::raw("   ")];
    for (i, l) in letters.iter().enumerate() {
        let style = if i == cov.column {
            t.selection.add_modifier(Modifier::BOLD)
        } else if cov.picked == Some(i) {
            t.marked
        } else {
            t.heading
        };
        heading.push(Span::styled(l.clone(), style));
        heading.push(Span::raw(" "));
    }
    heading.push(Span::styled(
        format!(" KIND   {}", cov.filter_label().to_uppercase()),
        t.heading,
    ));
    let empty = [match cov.filter {
        Filter::All => "No sentence in this story.",
        _ => "No row passes this filter: press its key again to show every row.",
    }];
    table::render_or_say(
        frame,
        matrix,
        state,
        Line::from(heading),
        &cov.cursor,
        cov.shown.len(),
        |i, selected| {
            let r = &c.rows[cov.shown[i]];
            let mut spans = vec![Span::raw("  ")];
            for (col, (cell, l)) in r.cells.iter().zip(&letters).enumerate() {
                let mut style = cell_style(t, *cell);
                if selected && col == cov.column {
                    style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
                }
                spans.push(Span::styled(format!("{:<w$}", cell.symbol(), w = l.len()), style));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(format!(" {:<5}  ", r.kind.as_str()), t.muted));
            spans.push(Span::styled(
                truncate(&line(&r.text), text_w).into_owned(),
                if selected { t.title } else { t.text },
            ));
            Line::from(spans)
        },
        &empty,
    );
    if footer > 0 {
        let rect = Rect {
            y: area.y + area.height - footer,
            height: footer,
            ..area
        };
        frame.render_widget(
            Paragraph::new(footer_lines(state, cov)).wrap(Wrap { trim: true }),
            rect,
        );
    }
}

/// The outlets, the selected cell's sentence, who is quoted.
fn footer_lines<'a>(state: &State<'a>, cov: &'a CoverageState) -> Vec<Line<'a>> {
    let t = state.theme;
    let c = &cov.coverage;
    let width = usize::from(state.width);
    let mut outlets = Vec::new();
    for (i, col) in c.columns.iter().enumerate() {
        let style = if i == cov.column { t.selection } else { t.muted };
        outlets.push(Span::styled(
            format!("{} {}", letter(i), truncate(&line(&col.label), 28)),
            style,
        ));
        outlets.push(Span::raw("  "));
    }
    let label = c.columns.get(cov.column).map_or("", |col| col.label.as_str());
    let sentence = match cov.row().map(|r| r.cell_member(cov.column)) {
        Some(Some(m)) => {
            let body = &state.corpus.articles[m.article].body;
            let text: String = body.chars().skip(m.start).take(m.end - m.start).collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            Line::from(vec![
                Span::styled(format!("{}: ", letter(cov.column)), t.heading),
                Span::styled(truncate(&line(&text), 2 * width - 8).into_owned(), t.text),
            ])
        }
        Some(None) => Line::styled(format!("{} does not carry this row.", line(label)), t.muted),
        None => Line::raw(""),
    };
    let mut lines = vec![Line::from(outlets), sentence];
    if !matches!(lines[1].width(), w if w > width) {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        truncate(&speakers_line(cov), width).into_owned(),
        t.muted,
    ));
    lines
}

/// "Quoted by all: …  Only B: …" from the story's speakers.
fn speakers_line(cov: &CoverageState) -> String {
    let c = &cov.coverage;
    let all: Vec<&str> = c
        .speakers
        .iter()
        .filter(|s| s.outlets() == c.columns.len())
        .map(|s| s.name.as_str())
        .collect();
    let mut out = format!(
        "Quoted by all: {}",
        if all.is_empty() {
            "no one".to_owned()
        } else {
            all.join(", ")
        }
    );
    for i in 0..c.columns.len() {
        let only: Vec<&str> = c
            .speakers
            .iter()
            .filter(|s| s.outlets() == 1 && s.quotes[i] > 0)
            .map(|s| s.name.as_str())
            .collect();
        if !only.is_empty() && c.columns.len() > 1 {
            out.push_str(&format!("  · only {}: {}", letter(i), only.join(", ")));
        }
    }
    line(&out).into_owned()
}
