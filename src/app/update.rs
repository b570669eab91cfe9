//! `update`: the one place the state changes. No drawing here.

use std::sync::Arc;

use super::action::{Action, PromptEdit, ScreenKind};
use super::compare_update;
use super::layout;
use super::library::LibraryState;
use super::reader_update;
use super::related_view;
use super::speakers_view;
use super::state::{Loading, State};

/// Applies one action to the state.
pub fn update(state: &mut State, action: Action) {
    if !matches!(
        action,
        Action::Resize(..) | Action::Progress { .. } | Action::Loaded(_) | Action::Analysed(_)
    ) {
        state.notice = None;
    }
    match action {
        Action::Resize(width, height) => resize(state, width, height),
        Action::Progress { done, total } => state.loading = Some(Loading { done, total }),
        Action::Loaded(corpus) => {
            state.library = LibraryState::new(&corpus.0);
            state.corpus = corpus.0;
            state.analysis = None;
            state.loading = None;
            state.reader = None;
            state.compare = None;
            state.speaker_quotes = None;
            state.related = None;
            state.speakers = Default::default();
            state.screens.truncate(1);
        }
        Action::Analysed(done) => {
            if Arc::ptr_eq(&done.corpus, &state.corpus) {
                state.library.set_counts(&done.analysis);
                if let Some(reader) = &mut state.reader {
                    reader.quotes = done.analysis.stops(reader.article());
                }
                state.analysis = Some(done.analysis);
            }
        }
        Action::Quit => state.quit = true,
        Action::Prompt(edit) => prompt(state, edit),
        Action::Help if state.screen() == ScreenKind::Help => {
            state.screens.pop();
        }
        Action::Help => {
            state.help_scroll = 0;
            state.screens.push(ScreenKind::Help);
        }
        Action::Close if state.screens.len() == 1 => state.quit = true,
        Action::Close => pop(state),
        Action::Back => back(state),
        Action::SearchStart => {
            state.prompt = Some(String::new());
            apply_query(state, "");
        }
        action => match state.screen() {
            ScreenKind::Library => library(state, action),
            ScreenKind::Reader => reader_update::update(state, action),
            ScreenKind::Diagnostics => {
                let total = state.corpus.diagnostics.len();
                let rows = layout::list_rows(state.height);
                scroll_list(&mut state.diagnostics_scroll, total, rows, &action);
            }
            ScreenKind::Help => {
                let (total, rows) = (state.help_lines().len(), state.help_rows());
                scroll_list(&mut state.help_scroll, total, rows, &action);
            }
            ScreenKind::Compare => compare_update::update(state, action),
            ScreenKind::Speakers => speakers_view::update_speakers(state, action),
            ScreenKind::SpeakerQuotes => speakers_view::update_quotes(state, action),
            ScreenKind::Related => related_view::update(state, action),
        },
    }
}

fn resize(state: &mut State, width: u16, height: u16) {
    state.width = width;
    state.height = height;
    let rows = state.library_rows();
    state.library.scroll_into_view(rows);
    let (w, rows) = (state.reader_width(), state.reader_rows());
    if let Some(reader) = &mut state.reader {
        reader.rewrap(&state.corpus.articles[reader.article()], w, rows);
    }
    if let Some(cmp) = &mut state.compare {
        cmp.rewrap(&state.corpus, layout::compare_text_width(width));
        cmp.align_selected(layout::compare_rows(height));
    }
}

/// Leaves the top screen (the bottom one stays).
fn pop(state: &mut State) {
    state.prompt = None;
    if state.screens.len() > 1 {
        state.screens.pop();
    }
}

/// Esc: leave the help, clear a search or filter, else go back.
fn back(state: &mut State) {
    match state.screen() {
        ScreenKind::Library if !state.library.filter.is_empty() => apply_query(state, ""),
        ScreenKind::Library => {}
        ScreenKind::Reader if state.reader.as_ref().is_some_and(|r| r.search.is_active()) => {
            apply_query(state, "");
        }
        _ => pop(state),
    }
}

fn prompt(state: &mut State, edit: PromptEdit) {
    let Some(mut text) = state.prompt.take() else {
        return;
    };
    match edit {
        PromptEdit::Insert(c) => text.push(c),
        PromptEdit::Backspace => {
            text.pop();
        }
        PromptEdit::Clear => text.clear(),
        PromptEdit::Submit => {
            if text.is_empty() {
                apply_query(state, "");
            }
            return;
        }
        PromptEdit::Cancel => {
            apply_query(state, "");
            return;
        }
    }
    apply_query(state, &text);
    state.prompt = Some(text);
}

/// Sets the library filter or the reader search to `query`.
fn apply_query(state: &mut State, query: &str) {
    match state.screen() {
        ScreenKind::Library => {
            state.library.filter = query.to_string();
            state.library.refresh();
            let rows = state.library_rows();
            state.library.scroll_into_view(rows);
        }
        ScreenKind::Reader => {
            let rows = state.reader_rows();
            if let Some(reader) = &mut state.reader {
                reader.search(query, &state.corpus.articles[reader.article()].body, rows);
            }
        }
        _ => {}
    }
}

fn library(state: &mut State, action: Action) {
    let rows = state.library_rows();
    let lib = &mut state.library;
    let page = rows as isize;
    match action {
        Action::Down => lib.move_by(1),
        Action::Up => lib.move_by(-1),
        Action::SearchNext if !lib.order.is_empty() => lib.select((lib.selected + 1) % lib.order.len()),
        Action::SearchPrev if !lib.order.is_empty() => {
            lib.select((lib.selected + lib.order.len() - 1) % lib.order.len());
        }
        Action::Top => lib.select(0),
        Action::Bottom => lib.select(usize::MAX),
        Action::HalfPageDown => lib.move_by(layout::half(rows) as isize),
        Action::HalfPageUp => lib.move_by(-(layout::half(rows) as isize)),
        Action::PageDown => lib.move_by(page),
        Action::PageUp => lib.move_by(-page),
        Action::Scroll(n) => lib.move_by(n as isize),
        Action::ToggleMark => lib.toggle_mark(),
        Action::SortNext => {
            lib.sort = lib.sort.next();
            lib.descending = false;
            lib.refresh();
        }
        Action::SortReverse => {
            lib.descending = !lib.descending;
            lib.refresh();
        }
        Action::Diagnostics => {
            state.diagnostics_scroll = 0;
            state.screens.push(ScreenKind::Diagnostics);
        }
        Action::Open => {
            if let Some(index) = state.library.selected_article() {
                reader_update::open_article(state, index);
            }
        }
        Action::Compare => compare_update::open_marked(state),
        Action::Speakers => speakers_view::open(state),
        Action::Related => related_view::open(state),
        _ => {}
    }
    let rows = state.library_rows();
    state.library.scroll_into_view(rows);
}

/// j/k/g/G/pages over a plain list of `total` lines showing `rows`.
fn scroll_list(offset: &mut usize, total: usize, rows: usize, action: &Action) {
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
