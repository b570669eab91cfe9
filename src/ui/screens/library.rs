//! The library: a table of articles (visible rows only), its heading with
//! the sort column, and a line about files with problems.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::screens::library::{self, Row, SortKey};
use crate::ui::View as State;

use super::super::text::{fit, truncate};
use super::loading;

/// A column: heading, width, right-aligned, the sort key it shows.
struct Column {
    name: &'static str,
    width: usize,
    right: bool,
    sort: Option<SortKey>,
}

const GUTTER: usize = 3;
const GAP: &str = "  ";

fn columns(state: &State, width: usize) -> Vec<Column> {
    let lib = state.lib();
    let source = lib.source_width.clamp(6, 22);
    let col = |name, width, right, sort| Column {
        name,
        width,
        right,
        sort,
    };
    let mut cols = vec![
        col("DATE", 10, false, Some(SortKey::Date)),
        col("SOURCE", source, false, Some(SortKey::Source)),
    ];
    // The folder (a category in BBC's layout), when there is more than one.
    if let Some(section) = lib.section_width {
        cols.push(col("FOLDER", section.clamp(7, 16), false, None));
    }
    cols.extend([
        col("TITLE", 0, false, Some(SortKey::Title)),
        col("WORDS", 7, true, Some(SortKey::Words)),
        col("QUOTES", 8, true, Some(SortKey::Quotes)),
        col("SPEAKERS", 10, true, Some(SortKey::Speakers)),
    ]);
    // Narrow terminals drop columns, least telling first.
    let drop: &[&str] = match width {
        0..60 => &["WORDS", "QUOTES", "SPEAKERS", "FOLDER"],
        60..84 => &["WORDS", "SPEAKERS", "FOLDER"],
        84..100 => &["WORDS"],
        _ => &[],
    };
    cols.retain(|c| !drop.contains(&c.name));
    let fixed: usize = cols.iter().map(|c| c.width + GAP.len()).sum();
    if let Some(title) = cols.iter_mut().find(|c| c.name == "TITLE") {
        title.width = width.saturating_sub(GUTTER + fixed).max(8);
    }
    cols
}

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    if let Some(progress) = state.loading {
        return loading::render(frame, area, state, progress);
    }
    let problems = state.has_problems_line();
    let [head, rule, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(problems)),
    ])
    .areas(area);
    let t = state.theme;
    let cols = columns(state, usize::from(area.width));
    frame.render_widget(Paragraph::new(heading(state, &cols)), head);
    frame.render_widget(
        Paragraph::new("─".repeat(usize::from(area.width))).style(t.border),
        rule,
    );
    if problems {
        frame.render_widget(Paragraph::new(problems_line(state)), foot);
        let hint = Line::from(vec![Span::styled("! ", t.key), Span::styled("details ", t.muted)]);
        frame.render_widget(Paragraph::new(hint).alignment(Alignment::Right), foot);
    }
    let lib = state.lib();
    if lib.order.is_empty() {
        let message = if lib.rows.is_empty() {
            format!("No articles found in {}.", state.label)
        } else {
            format!("No article matches “{}”.  Esc clears the filter.", lib.filter)
        };
        let y = body.y + body.height / 3;
        let line = Rect { y, height: 1, ..body };
        frame.render_widget(
            Paragraph::new(message)
                .style(t.muted)
                .alignment(Alignment::Center),
            line,
        );
        return;
    }
    let visible = lib
        .order
        .iter()
        .enumerate()
        .skip(lib.offset)
        .take(usize::from(body.height));
    for (y, (i, &article)) in (body.y..).zip(visible) {
        let line = row_line(state, &cols, &lib.rows[article], article, i == lib.selected);
        frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..body });
    }
}

fn heading(state: &State, cols: &[Column]) -> Line<'static> {
    let t = state.theme;
    let lib = state.lib();
    let mut spans = vec![Span::raw(" ".repeat(GUTTER))];
    for c in cols {
        let sorted = c.sort == Some(lib.sort);
        let arrow = if lib.descending { "↓" } else { "↑" };
        let name = if sorted {
            format!("{} {arrow}", c.name)
        } else {
            c.name.to_string()
        };
        let style = if sorted { t.accent } else { t.heading };
        spans.push(Span::styled(align(&name, c.width, c.right), style));
        spans.push(Span::raw(GAP));
    }
    Line::from(spans)
}

fn align(s: &str, width: usize, right: bool) -> String {
    if right {
        let s = truncate(s, width);
        format!("{s:>width$}")
    } else {
        fit(s, width)
    }
}

fn row_line(state: &State, cols: &[Column], row: &Row, article: usize, selected: bool) -> Line<'static> {
    let t = state.theme;
    let a = state.corpus.articles.get(article);
    // The selected row is drawn in the selection style throughout (only
    // modifiers are kept), so it reads in every theme.
    let base = if selected { t.selection } else { Style::new() };
    let on = |s: Style| {
        if selected {
            base.add_modifier(s.add_modifier)
        } else {
            s
        }
    };
    let pointer = if selected {
        Span::styled("▌", base.add_modifier(Modifier::BOLD))
    } else {
        Span::raw(" ")
    };
    let mark = match state.lib().mark_of(article) {
        Some(n) => Span::styled(n.to_string(), on(t.marked)),
        None => Span::styled(" ", base),
    };
    // The article's flag, else a dot when a quote or pair in it has a note.
    let flag = match (state.kept.article_flag(article), state.kept.has_notes_in(article)) {
        (Some(f), _) => Span::styled(f.badge(), on(t.flagged)),
        (None, true) => Span::styled("•", on(t.flagged)),
        (None, false) => Span::styled(" ", base),
    };
    let mut spans = vec![pointer, mark, flag];
    let dash = "–".to_string();
    // "…" while the analysis runs in the background.
    let count = |n: Option<usize>| (n.map_or("…".to_string(), |n| n.to_string()), t.muted);
    for c in cols {
        let (text, style) = match c.name {
            "DATE" => match a.and_then(library::date) {
                Some(d) => (d.chars().take(10).collect(), t.muted),
                None => (dash.clone(), t.muted),
            },
            "SOURCE" => (
                a.and_then(library::source)
                    .map_or_else(|| dash.clone(), str::to_string),
                t.text,
            ),
            "FOLDER" => (
                a.and_then(library::section)
                    .map_or_else(|| dash.clone(), |s| s.into_owned()),
                t.muted,
            ),
            // A later copy sits under its first (D); the first says how
            // many copies are folded into it.
            "TITLE" => (
                title_text(row, a.map_or("", library::title), state.lib().show_duplicates),
                if selected { t.title } else { t.text },
            ),
            "WORDS" => (row.words.to_string(), t.muted),
            "QUOTES" => count(row.quotes),
            "SPEAKERS" => count(row.speakers),
            _ => (dash.clone(), t.muted),
        };
        spans.push(Span::styled(align(&text, c.width, c.right), on(style)));
        spans.push(Span::styled(GAP, base));
    }
    Line::from(spans).style(base)
}

fn title_text(row: &Row, title: &str, shown: bool) -> String {
    match (row.duplicate_of, row.copies) {
        (Some(_), _) => format!("↳ copy: {title}"),
        (None, 0) => title.to_string(),
        (None, 1) if !shown => format!("{title}  (+1 copy, D)"),
        (None, n) if !shown => format!("{title}  (+{n} copies, D)"),
        (None, _) => title.to_string(),
    }
}

fn problems_line(state: &State) -> Line<'static> {
    let t = state.theme;
    let corpus = &state.corpus;
    let errors = corpus.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = corpus.diagnostics.len() - errors;
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!(
            "{errors} {} not loaded",
            if errors == 1 { "file" } else { "files" }
        ));
    }
    if warnings > 0 {
        parts.push(format!(
            "{warnings} {}",
            if warnings == 1 { "warning" } else { "warnings" }
        ));
    }
    if corpus.skipped > 0 {
        parts.push(format!("{} skipped", corpus.skipped));
    }
    let style = if errors > 0 { t.error } else { t.warning };
    Line::from(vec![
        Span::styled(" ⚠ ", style),
        Span::styled(parts.join("  ·  "), t.text),
    ])
}
