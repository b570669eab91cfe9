//! The notes screen: one row per note (flag, what, the quote or sentence,
//! the note), detached notes after the others in a muted style; under the
//! list, the selected note's article and its whole note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::screens::notes::DETAIL_ROWS;
use crate::escape;
use crate::state::worksheet::{Item, Status};
use crate::ui::View as State;

use super::super::text::{fit, truncate};
use super::super::widgets::table;

/// The words of `s` on one line, escaped.
fn flat(s: &str) -> String {
    escape::line(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// What the note is about, in a few words.
fn about(item: &Item) -> String {
    let text = item.article.text.as_deref().map(|t| format!("“{}”", flat(t)));
    let title = item
        .article
        .title
        .as_deref()
        .map(flat)
        .unwrap_or_else(|| flat(&item.article.key));
    match (text, &item.speaker) {
        (Some(t), Some(s)) => format!("{t} — {}", flat(s)),
        (Some(t), None) => t,
        (None, _) => title,
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let (t, Some(list)) = (state.theme, state.notes()) else {
        return;
    };
    let detail_h = DETAIL_ROWS as u16;
    let list_area = Rect {
        height: area.height.saturating_sub(detail_h),
        ..area
    };
    let width = usize::from(area.width);
    let flag_w = 10;
    let kind_w = 8;
    let rest = width.saturating_sub(3 + flag_w + 2 + kind_w + 2 + 2);
    let about_w = rest * 3 / 5;
    let note_w = rest.saturating_sub(about_w);
    let heading = Line::from(Span::styled(
        format!(
            "   {}  {}  {}  NOTE",
            fit("FLAG", flag_w),
            fit("ON", kind_w),
            fit("ABOUT", about_w)
        ),
        t.heading,
    ));
    let items = &list.items;
    table::render_or_say(
        frame,
        list_area,
        state,
        heading,
        &list.cursor,
        items.len(),
        |i, selected| {
            let item = &items[i];
            let detached = item.status == Status::Detached;
            let text = if detached { t.muted } else { t.text };
            let flag = match item.flag {
                Some(f) => Span::styled(fit(&format!("{} {}", f.badge(), f.name()), flag_w), t.flagged),
                None => Span::styled(fit("· note", flag_w), t.muted),
            };
            let kind = if detached { "detached" } else { item.kind.name() };
            Line::from(vec![
                Span::raw(" "),
                Span::raw("  "),
                flag,
                Span::raw("  "),
                Span::styled(fit(kind, kind_w), t.muted),
                Span::raw("  "),
                Span::styled(fit(&about(item), about_w), if selected { t.title } else { text }),
                Span::raw("  "),
                Span::styled(truncate(&flat(&item.note), note_w).into_owned(), text),
            ])
        },
        &[
            "No notes or flags kept for this corpus yet.",
            "f flags and A writes a note: on an article here, on a quote in the reader, on a claim pair in compare.",
        ],
    );
    let Some(item) = list.selected() else {
        return;
    };
    let a = &item.article;
    let mut source = a
        .title
        .as_deref()
        .map(flat)
        .unwrap_or_else(|| "(untitled)".into());
    if let Some(outlet) = &a.outlet {
        source.push_str(&format!(" — {}", flat(outlet)));
    }
    source.push_str(&format!("  ·  {}", flat(a.id.as_deref().unwrap_or(&a.key))));
    let second = match (item.status, item.note.is_empty()) {
        (Status::Detached, _) => "detached: its text or article is gone; kept as written".to_string(),
        (_, true) => "no note: A writes one".to_string(),
        (_, false) => format!("note: {}", flat(&item.note)),
    };
    let lines = vec![
        Line::styled(truncate(&source, width).into_owned(), t.muted),
        Line::styled(truncate(&second, width).into_owned(), t.text),
    ];
    let y = area.y + area.height.saturating_sub(detail_h);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y,
            height: detail_h.min(area.height),
            ..area
        },
    );
}
