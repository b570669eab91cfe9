//! The `?` overlay: the keys of the screen beneath, generated from the
//! command table and the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use crate::app::screens::help::HelpLine;
use crate::ui::View as State;

use super::super::text::width;

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = state.theme;
    let entries = state.help_lines();
    let (mut key_width, mut desc_width) = (0, 0);
    for line in &entries {
        if let HelpLine::Entry { keys, description } = line {
            key_width = key_width.max(width(keys));
            desc_width = desc_width.max(width(description));
        }
    }
    let rows = state.help_rows();
    let shown = entries.len().min(rows);
    let w = (key_width + desc_width + 9).min(usize::from(area.width.saturating_sub(4))) as u16;
    let h = (shown + 4) as u16;
    let popup = Rect {
        x: area.x + area.width.saturating_sub(w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w,
        height: h.min(area.height),
    };
    let more = if entries.len() > rows {
        format!(
            " {}-{}/{} ",
            state.help().map_or(0, |h| h.scroll) + 1,
            state.help().map_or(0, |h| h.scroll) + shown,
            entries.len()
        )
    } else {
        String::new()
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border)
        .title(Line::styled(
            format!(" Keys · {} ", title_case(state.base_screen().label())),
            t.accent,
        ))
        .title_bottom(Line::styled(more, t.muted).right_aligned())
        .padding(Padding::new(2, 2, 1, 1));
    let lines: Vec<Line> = entries
        .iter()
        .skip(state.help().map_or(0, |h| h.scroll))
        .take(rows)
        .map(|line| match line {
            HelpLine::Heading(title) => Line::styled(*title, t.heading),
            HelpLine::Entry { keys, description } => Line::from(vec![
                Span::styled(format!("{keys:>key_width$}"), t.key),
                Span::raw("   "),
                Span::styled(*description, t.text),
            ]),
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

fn title_case(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_string() + &chars.as_str().to_lowercase())
        .unwrap_or_default()
}
