//! The compare screen: two panes side by side with a rule between them,
//! the detail strip below, and the speakers panel on top when asked for.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::layout::compare_halves;
use crate::compare::Side;
use crate::ui::View as State;

use super::super::widgets::{article_pane, detail_strip, pair_detail, speakers_panel};

pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let Some(cmp) = state.compare() else {
        return;
    };
    let [panes, strip] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
    let ((lx, lw), (rx, rw)) = compare_halves(area.width);
    let half = |x: u16, w: u16| Rect {
        x: panes.x + x,
        width: w,
        ..panes
    };
    article_pane::render(frame, half(lx, lw), state, cmp, Side::Left);
    article_pane::render(frame, half(rx, rw), state, cmp, Side::Right);
    let rule = Rect {
        x: panes.x + lw,
        width: 1,
        ..panes
    };
    let bar = vec!["│"; usize::from(panes.height)].join("\n");
    frame.render_widget(Paragraph::new(bar).style(state.theme.border), rule);
    detail_strip::render(frame, strip, state, cmp);
    if cmp.speakers_panel {
        speakers_panel::render(frame, panes, state, cmp);
    }
    if cmp.detail.is_some() {
        pair_detail::render(frame, area, state, cmp);
    }
}
