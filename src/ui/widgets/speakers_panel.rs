//! The compare speakers panel: who is quoted in both articles, on the left
//! only and on the right only, with quote counts, in speaker colours.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use crate::app::screens::compare::CompareState;
use crate::ui::View as State;

use super::super::highlight::speaker_style;
use super::super::text::fit;

const WIDTH: u16 = 36;

/// A heading and which (left, right) quote counts belong under it.
type Section = (&'static str, fn(usize, usize) -> bool);

pub fn render(frame: &mut Frame, area: Rect, state: &State, cmp: &CompareState) {
    let (t, Some(analysis)) = (state.theme, state.speakers_index()) else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    let sections: [Section; 3] = [
        ("In both", |l, r| l > 0 && r > 0),
        ("Left only", |l, r| l > 0 && r == 0),
        ("Right only", |l, r| l == 0 && r > 0),
    ];
    // Inside the borders and padding: an indent, the name, two counts.
    let name_width = usize::from(WIDTH) - 4 - 2 - 8;
    for (title, keep) in sections {
        let who: Vec<_> = cmp.who.iter().filter(|(_, n)| keep(n.left, n.right)).collect();
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        let title = format!("{title} ({})", who.len());
        let columns = if lines.is_empty() { "   L   R" } else { "" };
        lines.push(Line::from(vec![
            Span::styled(fit(&title, name_width + 2), t.heading),
            Span::styled(columns, t.muted),
        ]));
        if who.is_empty() {
            lines.push(Line::styled("  nobody", t.muted));
        }
        for (id, n) in who {
            let name = &analysis.speakers[*id].name;
            let style = speaker_style(t, analysis.colour(Some(*id)));
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(name, name_width)), style),
                Span::styled(format!("{:>4}{:>4}", count(n.left), count(n.right)), t.muted),
            ]));
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.right().saturating_sub(WIDTH + 1),
        y: area.y + 1,
        width: WIDTH.min(area.width),
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border)
        .title(Span::styled(" Who is quoted ", t.accent))
        .padding(Padding::horizontal(1));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

fn count(n: usize) -> String {
    if n == 0 { "·".into() } else { n.to_string() }
}
