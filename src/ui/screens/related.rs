//! The related list: the articles most related to one, with a score bar,
//! date, source and title; `Enter` reads one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::screens::related::RelatedList;
use crate::app::{Action, ScreenKind};
use crate::ui::View as State;

use super::super::text::{fit, truncate};
use super::super::widgets::table;

/// Cells of the score bar.
const BAR: usize = 10;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(list)) = (state.theme, state.related()) else {
        return;
    };
    let articles = &state.corpus.articles;
    let source_w = list
        .related
        .iter()
        .filter_map(|&(a, _)| articles[a].source.as_deref())
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 22);
    let fixed = 3 + BAR + 6 + 2 + 10 + 2 + source_w + 2;
    let title_w = usize::from(area.width).saturating_sub(fixed);
    let about = &articles[list.article];
    let about = about.title.as_deref().unwrap_or(&about.id);
    let heading = Line::from(vec![
        Span::styled(
            format!(
                "   {}  {}  {}  ",
                fit("RELATED", BAR + 4),
                fit("DATE", 10),
                fit("SOURCE", source_w)
            ),
            t.heading,
        ),
        Span::styled(
            truncate(&format!("TO “{about}”"), title_w).into_owned(),
            t.heading,
        ),
    ]);
    let empty = empty_reason(state, list);
    let empty: Vec<&str> = empty.iter().map(String::as_str).collect();
    table::render_or_say(
        frame,
        area,
        state,
        heading,
        &list.cursor,
        list.related.len(),
        |i, selected| {
            let (a, score) = list.related[i];
            let article = &articles[a];
            let filled = ((score.clamp(0.0, 1.0) * BAR as f32).round() as usize).min(BAR);
            let title = article.title.as_deref().unwrap_or(&article.id);
            Line::from(vec![
                Span::raw(" "),
                Span::raw("  "),
                Span::styled("█".repeat(filled), t.gauge),
                Span::styled("·".repeat(BAR - filled), t.border),
                Span::styled(format!("{:>4.0}%", score * 100.0), t.muted),
                Span::raw("  "),
                Span::styled(fit(article.published_display().unwrap_or("–"), 10), t.muted),
                Span::raw("  "),
                Span::styled(fit(article.source.as_deref().unwrap_or("–"), source_w), t.text),
                Span::raw("  "),
                Span::styled(
                    truncate(title, title_w).into_owned(),
                    if selected { t.title } else { t.text },
                ),
            ])
        },
        &empty,
    );
}

/// Why the list is empty: the best article is below the threshold (its
/// score, and the key that shows it anyway), or none shares a word.
fn empty_reason(state: &State, list: &RelatedList) -> Vec<String> {
    let articles = &state.corpus.articles;
    match (list.best_below, list.threshold) {
        (Some((best, score)), Some(threshold)) => {
            let a = &articles[best];
            let key = state
                .keymap
                .key_for(ScreenKind::Related, &Action::ShowAll)
                .map_or("a".to_string(), |k| k.to_string());
            vec![
                format!(
                    "No article reaches the related threshold ({:.0}%).",
                    threshold * 100.0
                ),
                format!(
                    "The best, “{}”, scores {:.0}%:",
                    a.title.as_deref().unwrap_or(&a.id),
                    score * 100.0
                ),
                format!("press {key} to show it anyway."),
            ]
        }
        _ => vec!["No other article shares a word with this one.".to_string()],
    }
}
