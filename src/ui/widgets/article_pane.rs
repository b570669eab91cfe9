//! One compare pane: a heading, then the visible slice of the wrapped
//! article with a gutter (claim numbers, shared-quote and only-here
//! markers) and its marks painted in theme styles.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::document::{DocLine, LineKind};
use crate::app::screens::compare::CompareState;
use crate::compare::Side;
use crate::compare::marks::{ItemKind, Layers, Mark, MarkSpan};
use crate::ui::View as State;

use super::super::highlight::{Styled, mark_style, paint};
use super::super::text::{truncate, width};

pub fn render(frame: &mut Frame, area: Rect, state: &State, cmp: &CompareState, side: Side) {
    if area.height == 0 {
        return;
    }
    let heading = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(heading_line(state, cmp, side, area.width, area.height - 1)),
        heading,
    );
    let rows = usize::from(area.height - 1);
    let pane = cmp.panes.get(side);
    let body = &state.corpus.articles[pane.article()].body;
    let shown = &pane.doc.lines[pane.scroll.min(pane.doc.lines.len())..];
    let shown = &shown[..rows.min(shown.len())];
    let from = shown.iter().map(|l| l.char_start).min().unwrap_or(0);
    let to = shown.iter().map(|l| l.char_start + l.chars).max().unwrap_or(0);
    let layers = &cmp.marks.layers.get(side);
    // The marks in view, cut once from the whole-article layers, so the
    // per-line gutter lookups stay small.
    let seen = Layers {
        items: window(&layers.items, from, to).to_vec(),
        unique: window(&layers.unique, from, to).to_vec(),
        ..Layers::default()
    };
    // The current quote (after s/S) is drawn like the reader's.
    let current = pane
        .quote
        .filter(|_| cmp.quote_detail && cmp.focus == side)
        .map(|q| (pane.quotes[q].start, pane.quotes[q].end));
    let flagged = state.kept.flagged_spans(pane.article());
    let styled = |spans: &[MarkSpan]| -> Vec<Styled> {
        window(spans, from, to)
            .iter()
            .filter(|m| m.end > from)
            .map(|m| {
                let style = mark_style(state.theme, m.mark, cmp.selected);
                let style = if flagged.iter().any(|&(s, e, _)| (s, e) == (m.start, m.end)) {
                    style.patch(state.theme.flagged)
                } else {
                    style
                };
                let is_current =
                    current == Some((m.start, m.end)) && matches!(m.mark, Mark::Quote(_) | Mark::Reported(_));
                (
                    m.start,
                    m.end,
                    if is_current {
                        style.patch(state.theme.current)
                    } else {
                        style
                    },
                )
            })
            .collect()
    };
    let (quotes, items, emphasis) = (
        styled(&layers.quotes),
        styled(&layers.items),
        styled(&layers.emphasis),
    );
    let t = state.theme;
    // Search matches over the marks; the current one only in the focused pane.
    let search = &pane.search;
    let current_match = search.current_match().filter(|_| cmp.focus == side);
    let first = search.matches.partition_point(|m| m.1 <= from);
    let matches: Vec<Styled> = search.matches[first..]
        .iter()
        .take_while(|m| m.0 < to)
        .map(|&m| {
            let style = if Some(m) == current_match {
                t.search_current
            } else {
                t.search_match
            };
            (m.0, m.1, style)
        })
        .collect();
    let lines: Vec<Line> = shown
        .iter()
        .map(|line| {
            let text = pane.doc.text(line, body);
            let style = match line.kind {
                LineKind::Title => t.title,
                LineKind::Byline => t.accent.remove_modifier(Modifier::BOLD),
                LineKind::Meta => t.muted,
                LineKind::Rule => t.border,
                LineKind::Blank => Style::new(),
                LineKind::Body => t.text,
            };
            let mut spans = vec![gutter(state, cmp, side, &seen, line)];
            if line.kind == LineKind::Body {
                spans.extend(
                    paint(
                        text,
                        line.char_start,
                        style,
                        &[&quotes, &items, &emphasis, &matches],
                    )
                    .spans,
                );
            } else {
                spans.push(Span::styled(text, style));
            }
            Line::from(spans)
        })
        .collect();
    let text_area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// The pane heading: source and date, the focus, and the position (the
/// share read to the last line in view: 100% at the end, as the reader).
fn heading_line(state: &State, cmp: &CompareState, side: Side, w: u16, rows: u16) -> Line<'static> {
    let t = state.theme;
    let pane = cmp.panes.get(side);
    let article = &state.corpus.articles[pane.article()];
    let focused = cmp.focus == side;
    let mut label: Vec<&str> = Vec::new();
    label.extend(article.source.as_deref());
    label.extend(article.published_display());
    // Without a source or date, the file name (ids are whole paths).
    let file = || article.path.file_name().map(|n| n.to_string_lossy().into_owned());
    let label = if label.is_empty() {
        file().unwrap_or_else(|| article.id.clone())
    } else {
        label.join(" · ")
    };
    let total = pane.doc.lines.len().max(1);
    let last = (pane.scroll + usize::from(rows)).min(total);
    let pct = (last * 100 / total).min(100);
    let position = format!("{pct:>3}% ");
    let room = usize::from(w).saturating_sub(width(&position) + 4);
    let (marker, style) = if focused {
        ("▍", t.accent)
    } else {
        (" ", t.muted)
    };
    let label = truncate(&label, room).into_owned();
    let gap = usize::from(w).saturating_sub(width(&label) + width(&position) + 3);
    Line::from(vec![
        Span::styled(format!("{marker}  "), t.accent),
        Span::styled(label, style),
        Span::raw(" ".repeat(gap)),
        Span::styled(position, t.muted),
    ])
}

/// Three columns before a line: a pair's number where it starts, a bar
/// along the selected pair, a dim bar along sentences only this side has.
fn gutter(state: &State, cmp: &CompareState, side: Side, layers: &Layers, line: &DocLine) -> Span<'static> {
    let t = state.theme;
    if line.kind != LineKind::Body || line.chars == 0 {
        return Span::raw("   ");
    }
    let (start, end) = (line.char_start, line.char_start + line.chars);
    let selected = cmp
        .selected
        .and_then(|i| cmp.marks.items.get(i).map(|item| (i, item)));
    let starting = layers.items.iter().filter(|m| (start..end).contains(&m.start));
    // The selected item's marker wins over others starting on the line.
    let id = starting
        .filter_map(|m| match m.mark {
            Mark::Claim(id) | Mark::PossibleClaim(id) | Mark::SharedQuote(id) | Mark::AlteredQuote(id) => {
                Some(id)
            }
            _ => None,
        })
        .min_by_key(|&id| (cmp.selected != Some(id), id));
    if let Some(id) = id {
        let item = &cmp.marks.items[id];
        let style = if cmp.selected == Some(id) {
            t.claim_number.patch(t.current)
        } else {
            t.claim_number
        };
        // A claim pair that holds a shared quote is marked as the quote.
        return match item.kind {
            ItemKind::Claim if item.quote.is_none() => Span::styled(format!("{:>2} ", item.number), style),
            ItemKind::Claim | ItemKind::Quote(_) => Span::styled(" ❝ ", style),
        };
    }
    if let Some((_, item)) = selected {
        let (s, e) = *item.span.get(side);
        if s < end && start < e {
            return Span::styled(" ┃ ", t.claim_number);
        }
    }
    let u = &layers.unique;
    let i = u.partition_point(|m| m.end <= start);
    if u.get(i).is_some_and(|m| m.start < end) {
        return Span::styled(" ╎ ", t.unique);
    }
    Span::raw("   ")
}

/// The spans of a sorted layer from a little before `from` (spans that
/// start earlier may reach into view) to the last starting before `to`.
fn window(spans: &[MarkSpan], from: usize, to: usize) -> &[MarkSpan] {
    let first = spans.partition_point(|m| m.start < from).saturating_sub(8);
    let last = first + spans[first..].partition_point(|m| m.start < to);
    &spans[first..last]
}
