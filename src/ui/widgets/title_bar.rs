//! The top line: the app name, what is open, and the marks.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::View as State;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = state.theme;
    let corpus = &state.corpus;
    let mut left = vec![Span::styled(" parallax", t.accent), Span::styled("  ", t.muted)];
    left.push(Span::styled(state.label.clone(), t.text));
    if state.loading.is_none() {
        let lib = state.lib();
        // The library counted them once (the same articles).
        let sources = if lib.rows.len() == corpus.articles.len() {
            lib.outlets
        } else {
            let mut s: Vec<&str> = corpus
                .articles
                .iter()
                .filter_map(|a| a.source.as_deref())
                .collect();
            s.sort_unstable();
            s.dedup();
            s.len()
        };
        let summary = format!(
            "  ·  {} {}  ·  {} {}",
            corpus.articles.len(),
            plural(corpus.articles.len(), "article", "articles"),
            sources,
            plural(sources, "outlet", "outlets"),
        );
        left.push(Span::styled(summary, t.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(left)), area);
    let marks = state.lib().marks.len();
    if marks > 0 {
        let right = Line::from(vec![
            Span::styled(format!("{marks} marked"), t.marked),
            Span::styled(" for comparison ", t.muted),
        ]);
        frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), area);
    }
}

pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
