//! The "who is quoted" popup: in compare, who is quoted in both articles,
//! on the left only and on the right only, with quote counts; in the
//! reader, who is quoted in the article. In speaker colours, the picked
//! row highlighted (the popup has the focus).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use crate::app::screens::compare::CompareState;
use crate::app::screens::reader::ReaderState;
use crate::ui::View as State;

use super::super::highlight::speaker_style;
use super::super::text::fit;

const WIDTH: u16 = 36;

/// One section: its heading and its rows (speaker id, count columns).
type Section = (String, Vec<(usize, String)>);

/// The compare popup.
pub fn render(frame: &mut Frame, area: Rect, state: &State, cmp: &CompareState) {
    let sections: Vec<Section> = cmp
        .who_sections()
        .into_iter()
        .map(|(title, rows)| {
            let rows = rows
                .iter()
                .map(|&i| {
                    let (id, n) = cmp.who[i];
                    (id, format!("{:>4}{:>4}", count(n.left), count(n.right)))
                })
                .collect::<Vec<_>>();
            (format!("{title} ({})", rows.len()), rows)
        })
        .collect();
    draw(frame, area, state, &sections, "   L   R", cmp.who_selected);
}

/// The reader's popup: who is quoted in the article.
pub fn render_reader(frame: &mut Frame, area: Rect, state: &State, reader: &ReaderState) {
    let Some(selected) = reader.who else {
        return;
    };
    let rows: Vec<(usize, String)> = reader
        .speakers()
        .into_iter()
        .map(|(id, n)| (id, format!("{:>8}", n)))
        .collect();
    let sections = vec![(format!("Quoted here ({})", rows.len()), rows)];
    draw(frame, area, state, &sections, "  QUOTES", selected);
}

fn draw(frame: &mut Frame, area: Rect, state: &State, sections: &[Section], columns: &str, selected: usize) {
    let (t, Some(analysis)) = (state.theme, state.speakers_index()) else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    // Inside the borders and padding: an indent, the name, two counts.
    let name_width = usize::from(WIDTH) - 4 - 2 - 8;
    let mut row = 0;
    let mut selected_line = 0;
    for (title, who) in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        let columns = if lines.is_empty() { columns } else { "" };
        lines.push(Line::from(vec![
            Span::styled(fit(title, name_width + 2), t.heading),
            Span::styled(columns.to_string(), t.muted),
        ]));
        if who.is_empty() {
            lines.push(Line::styled("  nobody", t.muted));
        }
        for (id, counts) in who {
            let name = &analysis.speakers[*id].name;
            let style = speaker_style(t, analysis.colour(Some(*id)));
            let mut line = Line::from(vec![
                Span::styled(format!("  {}", fit(name, name_width)), style),
                Span::styled(counts.clone(), t.muted),
            ]);
            if row == selected {
                selected_line = lines.len();
                line = line.style(t.selection.add_modifier(Modifier::BOLD));
                line.spans[0].content = format!("▌ {}", fit(name, name_width)).into();
            }
            lines.push(line);
            row += 1;
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.right().saturating_sub(WIDTH + 1),
        y: area.y + 1,
        width: WIDTH.min(area.width),
        height,
    };
    // Long lists scroll so the picked row stays in view.
    let inner = usize::from(height.saturating_sub(2)).max(1);
    let scroll = (selected_line + 1).saturating_sub(inner) as u16;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border)
        .title(Span::styled(" Who is quoted ", t.accent))
        .title_bottom(Span::styled(" Enter quotes · Esc close ", t.muted))
        .padding(Padding::horizontal(1));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), popup);
}

fn count(n: usize) -> String {
    if n == 0 { "·".into() } else { n.to_string() }
}
