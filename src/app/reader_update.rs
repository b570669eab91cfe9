//! `update` for the reader, and opening an article in it.

use super::action::{Action, ScreenKind};
use super::layout;
use super::reader::ReaderState;
use super::state::{Notice, State};

/// Opens article `index` in the reader (resuming it when it was the last
/// one read).
pub fn open_article(state: &mut State, index: usize) {
    let (width, rows) = (state.reader_width(), state.reader_rows());
    let article = &state.corpus.articles[index];
    match &mut state.reader {
        Some(reader) if reader.article() == index => reader.rewrap(article, width, rows),
        reader => {
            let mut open = ReaderState::open(index, article, width);
            if let Some(analysis) = &state.analysis {
                open.quotes = analysis.stops(index);
            }
            *reader = Some(open);
        }
    }
    state.screens.push(ScreenKind::Reader);
}

pub fn update(state: &mut State, action: Action) {
    let rows = state.reader_rows();
    let Some(reader) = &mut state.reader else {
        return;
    };
    let half = layout::half(rows) as isize;
    let page = rows.saturating_sub(2).max(1) as isize;
    match action {
        Action::Down => reader.scroll_by(1, rows),
        Action::Up => reader.scroll_by(-1, rows),
        Action::Top => reader.scroll_to(0, rows),
        Action::Bottom => reader.scroll_to(usize::MAX, rows),
        Action::HalfPageDown => reader.scroll_by(half, rows),
        Action::HalfPageUp => reader.scroll_by(-half, rows),
        Action::PageDown => reader.scroll_by(page, rows),
        Action::PageUp => reader.scroll_by(-page, rows),
        Action::Scroll(n) => reader.scroll_by(n as isize, rows),
        // n/N follow the search when there is one, else the quotes.
        Action::SearchNext | Action::SearchPrev if reader.search.is_active() => {
            reader.search.step(action == Action::SearchNext);
            reader.reveal_current(rows);
        }
        Action::SearchNext | Action::SearchPrev => {
            reader.step_quote(action == Action::SearchNext, rows);
            if reader.quotes.is_empty() {
                state.notice = Some(Notice {
                    text: "no quotes here: press / to search".into(),
                    error: false,
                });
            }
        }
        Action::NextSpeaker | Action::PrevSpeaker => {
            reader.step_speaker(action == Action::NextSpeaker, rows);
        }
        _ => {}
    }
}
