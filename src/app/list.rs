//! A selectable list (speakers, a speaker's quotes, related articles): the
//! selected row and the first visible row.

use super::action::Action;
use super::layout;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
}

impl ListCursor {
    /// Applies a move key to a list of `len` rows showing `rows`; false
    /// when `action` is not a move.
    pub fn apply(&mut self, action: &Action, len: usize, rows: usize) -> bool {
        // A click selects the row under it.
        if let Action::Click(_, y) = *action {
            if let Some(row) = layout::list_row_at(y, self.offset, rows).filter(|&r| r < len) {
                self.selected = row;
            }
            return true;
        }
        let half = layout::half(rows) as isize;
        let delta: isize = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            Action::PageDown => rows as isize,
            Action::PageUp => -(rows as isize),
            Action::Scroll(n) => *n as isize,
            _ => return false,
        };
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.scroll_into_view(len, rows);
        true
    }

    pub fn scroll_into_view(&mut self, len: usize, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

/// j/k/g/G/pages over a plain list of `total` lines showing `rows`.
pub fn scroll_list(offset: &mut usize, total: usize, rows: usize, action: &Action) {
    let max = total.saturating_sub(rows);
    let delta: isize = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::Top => isize::MIN,
        Action::Bottom => isize::MAX,
        Action::HalfPageDown => layout::half(rows) as isize,
        Action::HalfPageUp => -(layout::half(rows) as isize),
        Action::PageDown => rows as isize,
        Action::PageUp => -(rows as isize),
        Action::Scroll(n) => *n as isize,
        _ => return,
    };
    *offset = offset.saturating_add_signed(delta).min(max);
}
