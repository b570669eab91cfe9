//! The problems list: every diagnostic of the load, one per line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::corpus::Severity;
use crate::ui::View as State;

use super::super::text::{fit, truncate, truncate_left, width};

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = state.theme;
    let corpus = &state.corpus;
    let errors = corpus.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = corpus.diagnostics.len() - errors;
    let summary = format!(
        " {errors} not loaded  ·  {warnings} {}  ·  {} skipped (not articles)  ·  {} files read",
        if warnings == 1 { "warning" } else { "warnings" },
        corpus.skipped,
        corpus.files
    );
    let line = |y: u16| Rect {
        y: area.y + y,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(summary).style(t.heading), line(0));
    frame.render_widget(
        Paragraph::new("─".repeat(usize::from(area.width))).style(t.border),
        line(1),
    );
    if corpus.diagnostics.is_empty() {
        let message = Line::styled("   No problems: every file loaded.", t.muted);
        frame.render_widget(
            Paragraph::new(message),
            line(3.min(area.height.saturating_sub(1))),
        );
        return;
    }
    let longest = corpus
        .diagnostics
        .iter()
        .map(|d| width(&d.location))
        .max()
        .unwrap_or(0);
    let loc_width = longest.min(usize::from(area.width) / 3).max(8);
    let msg_width = usize::from(area.width).saturating_sub(loc_width + 14);
    let rows = area.height.saturating_sub(2);
    let visible = corpus
        .diagnostics
        .iter()
        .skip(state.diagnostics().map_or(0, |d| d.scroll))
        .take(usize::from(rows));
    let lines: Vec<Line> = visible
        .map(|d| {
            let (label, style) = match d.severity {
                Severity::Error => ("error", t.error),
                Severity::Warning => ("warning", t.warning),
            };
            Line::from(vec![
                Span::raw(" "),
                Span::styled(fit(label, 9), style),
                Span::styled(fit(&truncate_left(&d.location, loc_width), loc_width), t.text),
                Span::raw("   "),
                Span::styled(truncate(&d.message, msg_width).into_owned(), t.muted),
            ])
        })
        .collect();
    let list = Rect {
        y: area.y + 2,
        height: rows,
        ..area
    };
    frame.render_widget(Paragraph::new(lines), list);
}
