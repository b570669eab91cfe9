//! `update` for the compare screen, and opening it.

use crate::compare::Pair;

use super::action::{Action, ScreenKind};
use super::compare_view::CompareState;
use super::layout;
use super::state::{Notice, State};

/// `c` in the library: compares the two marked articles.
pub fn open_marked(state: &mut State) {
    match state.library.marks[..] {
        [left, right] => open(state, Pair::new(left, right)),
        _ => {
            state.notice = Some(Notice {
                text: "mark two articles with Space, then press c".into(),
                error: false,
            });
        }
    }
}

/// Starts the app on the compare screen alone (`parallax compare A B`):
/// the corpus is the two articles; `q` quits.
pub fn start(state: &mut State) {
    let analysed = super::analyser::analyse_now(&state.corpus);
    super::update(state, analysed);
    open(state, Pair::new(0, 1));
    state.screens.retain(|s| *s == ScreenKind::Compare);
}

/// Opens the compare screen on two articles (corpus indices).
pub fn open(state: &mut State, sides: Pair<usize>) {
    let Some(analysis) = state.analysis.clone() else {
        state.notice = Some(Notice {
            text: "still analysing the corpus: try again in a moment".into(),
            error: false,
        });
        return;
    };
    let width = layout::compare_text_width(state.width);
    state.compare = Some(CompareState::open(
        &state.corpus,
        &analysis,
        sides,
        width,
        state.thresholds.compare_options(),
    ));
    state.screens.push(ScreenKind::Compare);
}

pub fn update(state: &mut State, action: Action) {
    let rows = layout::compare_rows(state.height);
    let Some(cmp) = &mut state.compare else {
        return;
    };
    let half = layout::half(rows) as isize;
    let page = rows.saturating_sub(2).max(1) as isize;
    match action {
        Action::Down => cmp.scroll_by(1),
        Action::Up => cmp.scroll_by(-1),
        Action::Top => cmp.scroll_by(isize::MIN / 2),
        Action::Bottom => {
            // The focused pane's last line at the bottom (the lock moves
            // the other by as much).
            let pane = cmp.panes.get(cmp.focus);
            let end = pane.doc.lines.len().saturating_sub(rows);
            cmp.scroll_by(end as isize - pane.scroll as isize);
        }
        Action::HalfPageDown => cmp.scroll_by(half),
        Action::HalfPageUp => cmp.scroll_by(-half),
        Action::PageDown => cmp.scroll_by(page),
        Action::PageUp => cmp.scroll_by(-page),
        Action::Scroll(n) => cmp.scroll_by(n as isize),
        Action::ScrollPane(side, n) => {
            let focus = std::mem::replace(&mut cmp.focus, side);
            cmp.scroll_by(n as isize);
            cmp.focus = focus;
        }
        Action::NextShared | Action::PrevShared => {
            cmp.step_item(action == Action::NextShared, rows);
            if cmp.marks.items.is_empty() {
                state.notice = Some(Notice {
                    text: "these articles share no quotes or claims".into(),
                    error: false,
                });
            }
        }
        Action::NextSpeaker | Action::PrevSpeaker => cmp.step_speaker(action == Action::NextSpeaker, rows),
        Action::SwitchPane => cmp.switch_focus(),
        Action::LockScroll => {
            cmp.locked = !cmp.locked;
            let text = if cmp.locked {
                "scrolling locked: both panes move together"
            } else {
                "scrolling unlocked"
            };
            state.notice = Some(Notice {
                text: text.into(),
                error: false,
            });
        }
        Action::SpeakersPanel => cmp.speakers_panel = !cmp.speakers_panel,
        Action::SwapSides => {
            if let Some(analysis) = &state.analysis {
                *cmp = cmp.swapped(&state.corpus, analysis, rows);
            }
        }
        _ => {}
    }
}
