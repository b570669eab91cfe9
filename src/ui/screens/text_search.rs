//! The full-text results: one row per matching sentence, with the
//! article's source and title and the sentence cut around its first match,
//! the matches highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::ui::View as State;

use super::super::text::{fit, truncate};
use super::super::widgets::table;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(list), Some(index)) = (state.theme, state.text_search(), state.index.as_deref()) else {
        return;
    };
    let articles = &state.corpus.articles;
    let text = &index.text;
    let source_w = 14;
    let title_w = (usize::from(area.width) / 4).clamp(12, 32);
    let fixed = 3 + source_w + 2 + title_w + 2;
    let room = usize::from(area.width).saturating_sub(fixed);
    let heading = Line::styled(
        format!(
            "   {}  {}  SENTENCE",
            fit("SOURCE", source_w),
            fit("ARTICLE", title_w)
        ),
        t.heading,
    );
    table::render(
        frame,
        area,
        state,
        heading,
        &list.cursor,
        list.hits.len(),
        |i, selected| {
            let id = list.hits[i];
            let at = text.locate(articles, id);
            let article = &articles[at.article];
            let title = article.title.as_deref().unwrap_or(&article.id);
            let spans = text.spans(articles, id, &list.parsed);
            let mut line = vec![
                Span::raw(" "),
                Span::raw("  "),
                Span::styled(fit(article.source.as_deref().unwrap_or("–"), source_w), t.muted),
                Span::raw("  "),
                Span::styled(fit(title, title_w), if selected { t.title } else { t.text }),
                Span::raw("  "),
            ];
            line.extend(snippet(
                &article.body,
                (at.start, at.end),
                &spans,
                room,
                (t.text, t.search_match),
            ));
            Line::from(line)
        },
    );
}

/// The sentence `range` of `body` on one line of `room` columns, starting
/// a little before the first match when it would not show, matches in
/// `styles.1`.
fn snippet(
    body: &str,
    range: (usize, usize),
    matches: &[(usize, usize)],
    room: usize,
    styles: (Style, Style),
) -> Vec<Span<'static>> {
    let mut start = range.0;
    let lead = room / 4;
    if let Some(&(m, _)) = matches.first()
        && body[start..m].chars().count() > lead
    {
        // Start `lead` chars before the match, at a char boundary.
        let before: Vec<(usize, char)> = body[start..m].char_indices().collect();
        start += before[before.len() - lead].0;
    }
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    if start > range.0 {
        out.push(Span::styled("…", styles.0));
        used += 1;
    }
    let mut at = start;
    let mut push = |text: &str, style: Style, out: &mut Vec<Span<'static>>| {
        let flat: String = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let shown = truncate(&flat, room.saturating_sub(used)).into_owned();
        used += super::super::text::width(&shown);
        if !shown.is_empty() {
            out.push(Span::styled(shown, style));
        }
    };
    for &(s, e) in matches.iter().filter(|m| m.0 >= start) {
        push(&body[at..s], styles.0, &mut out);
        push(&body[s..e], styles.1, &mut out);
        at = e;
    }
    push(&body[at..range.1], styles.0, &mut out);
    out
}
