//! The bottom line: the screen, what it shows, the search or its prompt
//! with an "i/N" counter, the position, and key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{ScreenKind, layout};
use crate::ui::View as State;

use super::super::text::{truncate, width};

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = state.theme;
    let screen = state.base_screen();
    let mode = format!(" {} ", screen.label());
    let position = format!("{}   ", position(state, screen));
    // The middle keeps at least 40 columns before hints are dropped.
    let spare = usize::from(area.width).saturating_sub(width(&mode) + width(&position) + 43);
    // A message is worth more than the hints: they make room for it.
    let wanted = state.notice.as_ref().map_or(0, |n| width(&n.text));
    let spare =
        spare.min(usize::from(area.width).saturating_sub(width(&mode) + width(&position) + wanted + 4));
    let hints = super::hints::spans(state, screen, spare);
    let right = width(&position) + hints.iter().map(|s| width(&s.content)).sum::<usize>();
    let room = usize::from(area.width).saturating_sub(width(&mode) + right + 3);
    let mut spans = vec![Span::styled(mode, t.status_mode), Span::raw(" ")];
    spans.extend(middle(state, screen, room));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let gap = usize::from(area.width).saturating_sub(used + right);
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::raw(position));
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status), area);
}

/// The part between the mode and the position, cut to `room` columns.
fn middle(state: &State, screen: ScreenKind, room: usize) -> Vec<Span<'static>> {
    let t = state.theme;
    if let Some(text) = &state.prompt {
        let counter = format!("  {}", counter(state, screen));
        let query = truncate(text, room.saturating_sub(width(&counter) + 2)).into_owned();
        let sigil = if state.prompt_note.is_some() {
            "note: "
        } else if state.prompt_text {
            "text/"
        } else {
            "/"
        };
        return vec![
            Span::styled(sigil, t.accent),
            Span::raw(query),
            Span::styled("▏", t.accent),
            Span::styled(counter, t.muted),
        ];
    }
    if let Some(notice) = &state.notice {
        let style = if notice.error { t.error } else { t.warning };
        return vec![Span::styled(truncate(&notice.text, room).into_owned(), style)];
    }
    let query = match screen {
        ScreenKind::Library => Some(state.lib().filter.as_str()),
        ScreenKind::Reader => state.open_reader().map(|r| r.search.query.as_str()),
        ScreenKind::Compare => state
            .compare()
            .map(|c| c.panes.get(c.focus).search.query.as_str()),
        ScreenKind::Speakers => state.speakers().map(|s| s.filter.as_str()),
        _ => None,
    }
    .filter(|q| !q.is_empty());
    let mut spans = Vec::new();
    let mut room = room;
    if let Some(q) = query {
        let search = format!("/{q} {}", counter(state, screen));
        room = room.saturating_sub(width(&search) + 4);
        spans.push(Span::styled(search, t.accent));
        spans.push(Span::styled("  │ ", Style::new()));
    }
    let context = match screen {
        ScreenKind::Compare => compare_context(state, room),
        _ => truncate(&context(state, screen), room).into_owned(),
    };
    spans.push(Span::raw(context));
    spans
}

/// The "i/N" counter of the top screen's search.
fn counter(state: &State, screen: ScreenKind) -> String {
    match screen {
        ScreenKind::Reader => state
            .open_reader()
            .map(|r| r.search.counter())
            .unwrap_or_default(),
        // The focused pane's counter, and how many the other side has.
        ScreenKind::Compare => state
            .compare()
            .map(|c| {
                let other = c.panes.get(c.focus.other()).search.matches.len();
                format!("{} · other side {other}", c.panes.get(c.focus).search.counter())
            })
            .unwrap_or_default(),
        ScreenKind::Speakers => {
            let n = state.speakers_index().map_or(0, |a| a.speakers.len());
            match state.speakers().map_or(n, |s| s.len(n)) {
                0 => "0/0".to_string(),
                n => format!("{}/{n}", state.speakers().map_or(0, |s| s.cursor.selected) + 1),
            }
        }
        _ if state.prompt_note.is_some() => "Enter keeps  Esc drops the edit".to_string(),
        ScreenKind::Library if state.prompt_text => "Enter searches the text".to_string(),
        _ => {
            let lib = state.lib();
            match lib.order.len() {
                0 => "0/0".to_string(),
                n => format!("{}/{n}", lib.selected + 1),
            }
        }
    }
}

/// What the screen shows.
fn context(state: &State, screen: ScreenKind) -> String {
    match screen {
        ScreenKind::Reader => state
            .open_reader()
            .and_then(|r| state.corpus.articles.get(r.article()))
            .map(|a| a.title.clone().unwrap_or_else(|| a.id.clone()))
            .unwrap_or_default(),
        ScreenKind::Compare => compare_context(state, usize::MAX),
        ScreenKind::Speakers => {
            let n = state.speakers_index().map_or(0, |a| a.speakers.len());
            format!(
                "{n} {} quoted in {}",
                super::title_bar::plural(n, "speaker", "speakers"),
                state.label
            )
        }
        ScreenKind::Related => match state.related() {
            Some(l) => {
                let a = &state.corpus.articles[l.article];
                format!("related to {}", a.title.as_deref().unwrap_or(&a.id))
            }
            None => String::new(),
        },
        ScreenKind::Stories => {
            let n = state.index.as_deref().map_or(0, |i| i.stories.len());
            format!(
                "{n} {} in {}",
                super::title_bar::plural(n, "story", "stories"),
                state.label
            )
        }
        ScreenKind::Coverage => state
            .coverage()
            .map(|c| format!("{} · {}", c.coverage.title, c.filter_label()))
            .unwrap_or_default(),
        ScreenKind::SpeakerQuotes => match (state.speakers_index(), state.speaker_quotes()) {
            (Some(a), Some(l)) => a.speakers[l.speaker].name.clone(),
            _ => String::new(),
        },
        ScreenKind::Search => state
            .text_search()
            .map(|s| format!("“{}”: {}", s.query, s.summary()))
            .unwrap_or_default(),
        ScreenKind::Notes => match state.notes() {
            Some(l) => format!(
                "{} {} kept for {}{}",
                l.items.len() - l.detached,
                super::title_bar::plural(l.items.len() - l.detached, "note", "notes"),
                state.label,
                if l.detached > 0 {
                    format!(", {} detached", l.detached)
                } else {
                    String::new()
                }
            ),
            None => String::new(),
        },
        ScreenKind::Library if state.loading.is_some() => "loading…".to_string(),
        ScreenKind::Library => {
            let lib = state.lib();
            let dir = if lib.descending { "↓" } else { "↑" };
            format!("sorted by {:?} {dir}", lib.sort).to_lowercase()
        }
        _ => {
            let n = state.corpus.diagnostics.len();
            format!("{n} {}", super::title_bar::plural(n, "problem", "problems"))
        }
    }
}

/// Where the view is: the row, or lines and a percentage.
fn position(state: &State, screen: ScreenKind) -> String {
    match screen {
        ScreenKind::Reader => match state.open_reader() {
            Some(r) => {
                let (first, last, total) = r.position(state.reader_rows());
                let pct = (last * 100).checked_div(total).unwrap_or(100);
                format!("{first}-{last}/{total}  {pct:>3}%")
            }
            None => String::new(),
        },
        ScreenKind::Speakers => {
            let n = state.speakers_index().map_or(0, |a| a.speakers.len());
            let n = state.speakers().map_or(n, |s| s.len(n));
            format!(
                "{}/{n}",
                (state.speakers().map_or(0, |s| s.cursor.selected) + 1).min(n)
            )
        }
        ScreenKind::Search => match state.text_search() {
            Some(l) => format!("{}/{}", (l.cursor.selected + 1).min(l.hits.len()), l.hits.len()),
            None => String::new(),
        },
        ScreenKind::Related => match state.related() {
            Some(l) => format!(
                "{}/{}",
                (l.cursor.selected + 1).min(l.related.len()),
                l.related.len()
            ),
            None => String::new(),
        },
        ScreenKind::Stories => {
            let n = state.index.as_deref().map_or(0, |i| i.stories.len());
            format!(
                "{}/{n}",
                (state.stories().map_or(0, |s| s.cursor.selected) + 1).min(n)
            )
        }
        ScreenKind::Coverage => match state.coverage() {
            Some(c) => format!(
                "row {}/{}",
                (c.cursor.selected + 1).min(c.shown.len()),
                c.shown.len()
            ),
            None => String::new(),
        },
        ScreenKind::SpeakerQuotes => match state.speaker_quotes() {
            Some(l) => format!(
                "{}/{}",
                (l.cursor.selected + 1).min(l.quotes.len()),
                l.quotes.len()
            ),
            None => String::new(),
        },
        ScreenKind::Compare => match state.compare() {
            Some(c) => {
                let n = c.marks.items.len();
                let lock = if c.locked { "locked  " } else { "" };
                match c.selected {
                    Some(i) => {
                        let flag = c
                            .marks
                            .items
                            .get(i)
                            .and_then(|item| state.kept.pair_note(c.articles(), item.span))
                            .map(|note| {
                                let flag = note
                                    .flag
                                    .map_or(String::new(), |f| format!("{} {} ", f.badge(), f.name()));
                                let noted = if note.text.is_empty() { "" } else { "✎ " };
                                format!("{flag}{noted}")
                            })
                            .unwrap_or_default();
                        format!("{flag}{lock}pair {}/{n}", i + 1)
                    }
                    None => format!("{lock}{n} {}", super::title_bar::plural(n, "pair", "pairs")),
                }
            }
            None => String::new(),
        },
        ScreenKind::Notes => match state.notes() {
            Some(l) => format!("{}/{}", (l.cursor.selected + 1).min(l.items.len()), l.items.len()),
            None => String::new(),
        },
        ScreenKind::Library => match state.lib().order.len() {
            0 => "0/0".to_string(),
            n => format!("{}/{n}", state.lib().selected + 1),
        },
        _ => {
            let total = state.corpus.diagnostics.len();
            let rows = layout::list_rows(state.height);
            let first = (state.diagnostics().map_or(0, |d| d.scroll) + 1).min(total);
            format!(
                "{first}-{}/{total}",
                (state.diagnostics().map_or(0, |d| d.scroll) + rows).min(total)
            )
        }
    }
}

/// "Left title ⇄ right title" (sources when there are titles to spare),
/// in `room` columns: when it does not fit, each side is cut to its share,
/// so the right one never shrinks to "…" alone.
fn compare_context(state: &State, room: usize) -> String {
    let Some(c) = state.compare() else {
        return String::new();
    };
    let name = |i: usize| {
        let a = &state.corpus.articles[i];
        a.source
            .clone()
            .or_else(|| a.title.clone())
            .unwrap_or_else(|| a.id.clone())
    };
    let sides = c.articles();
    let (left, right) = (name(sides.left), name(sides.right));
    let spare = room.saturating_sub(5);
    if width(&left) + width(&right) <= spare {
        return format!("{left}  ⇄  {right}");
    }
    // The shorter side keeps its length when it fits in half.
    let half = spare / 2;
    let (lw, rw) = if width(&left) <= half {
        (width(&left), spare - width(&left))
    } else if width(&right) <= half {
        (spare - width(&right), width(&right))
    } else {
        (half, spare - half)
    };
    format!("{}  ⇄  {}", truncate(&left, lw), truncate(&right, rw))
}
