//! One speaker's quotes across the corpus, with source and date; `Enter`
//! opens the article at the quote.

use crate::analysis::QuoteKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::ui::View as State;

use super::super::highlight::speaker_style;
use super::super::text::{fit, truncate};
use super::super::widgets::table;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(analysis), Some(list)) = (state.theme, state.speakers_index(), state.speaker_quotes())
    else {
        return;
    };
    let speaker = &analysis.speakers[list.speaker];
    let style = speaker_style(t, analysis.colour(Some(list.speaker)));
    let source_w = list
        .quotes
        .iter()
        .filter_map(|&(a, _)| state.corpus.articles[a].source.as_deref())
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 22);
    let quote_w = usize::from(area.width).saturating_sub(source_w + 20);
    let heading = Line::from(vec![
        Span::styled(
            format!("   {}  {}  ", fit("DATE", 10), fit("SOURCE", source_w)),
            t.heading,
        ),
        Span::styled(
            format!("QUOTES BY {}", speaker.name.to_uppercase()),
            t.heading.patch(style),
        ),
    ]);
    table::render(
        frame,
        area,
        state,
        heading,
        &list.cursor,
        list.quotes.len(),
        |i, selected| {
            let (a, q) = list.quotes[i];
            let article = &state.corpus.articles[a];
            let quote = &analysis.analyses[a].quotes[q];
            let date = article.published_display().unwrap_or("–");
            let words = quote
                .text(&article.body)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // Reported speech is not the speaker's words: never show it
            // between quote marks.
            let text = if quote.kind == QuoteKind::Indirect {
                format!("(reported) {words}")
            } else {
                format!("“{words}”")
            };
            Line::from(vec![
                Span::raw(" "),
                Span::raw("  "),
                Span::styled(fit(date, 10), t.muted),
                Span::raw("  "),
                Span::styled(fit(article.source.as_deref().unwrap_or("–"), source_w), t.text),
                Span::raw("  "),
                Span::styled(
                    truncate(&text, quote_w).into_owned(),
                    if selected { t.selection } else { style },
                ),
            ])
        },
    );
}
