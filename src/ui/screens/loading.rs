//! The loading view: files done of files found, as a bar.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::state::Loading;
use crate::ui::View as State;

pub fn render(frame: &mut Frame, area: Rect, state: &State, progress: Loading) {
    let t = state.theme;
    let bar_width = usize::from(area.width.saturating_sub(8)).min(48);
    let (status, filled) = match progress.total {
        0 => ("Finding files…".to_string(), 0),
        total => {
            let done = progress.done.min(total);
            let status = format!("Loading {done} of {total} files");
            (status, bar_width * done / total)
        }
    };
    let bar = Line::from(vec![
        Span::styled("━".repeat(filled), t.gauge),
        Span::styled("─".repeat(bar_width - filled), t.border),
    ]);
    let lines = vec![
        Line::styled(format!("Opening {}", state.label), t.title),
        Line::raw(""),
        bar,
        Line::raw(""),
        Line::styled(status, t.muted),
    ];
    let top = area.y + area.height.saturating_sub(5) / 2;
    let block = Rect {
        y: top,
        height: 5.min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), block);
}
