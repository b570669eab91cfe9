//! `update`: the dispatcher, the one place the state changes. Commands
//! every screen shares (quit, help, back, the search prompt) and runtime
//! events are handled here; the rest goes to the top screen, whose
//! [`Outcome`] (push, pop, replace, a notice) is carried out here. No
//! drawing here.

use std::sync::Arc;

use super::action::{Action, PromptEdit, ScreenKind};
use super::event::{Compared, Covered, Msg};
use super::nav::{Nav, Notice, Outcome, Route};
use super::screens::{self, Screen};
use super::state::{Loading, State};
use crate::index::Query;

/// Applies one message (a command or an event) to the state.
pub fn update(state: &mut State, msg: impl Into<Msg>) {
    match msg.into() {
        Msg::Action(action) => command(state, action),
        Msg::Resize(width, height) => resize(state, width, height),
        Msg::Progress { done, total } => state.loading = Some(Loading { done, total }),
        Msg::Loaded(corpus) => loaded(state, corpus.0, false),
        Msg::Listed(corpus) => loaded(state, corpus.0, true),
        Msg::Completed(corpus) => {
            super::refresh::completed(state, corpus.0);
            if state.notice.as_ref().is_some_and(|n| n.text == READING_TEXT) {
                state.notice = None;
            }
            for action in std::mem::take(&mut state.deferred) {
                command(state, action);
            }
        }
        Msg::Refreshed(corpus) => super::refresh::refreshed(state, corpus.0),
        Msg::Analysed(done) => {
            if !Arc::ptr_eq(&done.corpus, &state.corpus) {
                return;
            }
            let speakers = &done.index.speakers;
            let readers = state.stack.iter_mut().filter_map(|s| match s {
                Screen::Reader(r) => Some(r),
                _ => None,
            });
            for reader in readers.chain(state.last_read.as_mut()) {
                reader.quotes = speakers.stops(reader.article());
            }
            for screen in &mut state.stack {
                if let Screen::Library(library) = screen {
                    library.set_counts(speakers, &state.corpus);
                }
            }
            state.index = Some(done.index);
            // The comparison the corpus was left on (kept state).
            if let Some(pair) = state.kept.reopen.take() {
                apply(state, Outcome::push(Route::Compare(pair)));
            }
            // "try again in a moment": the moment has come.
            if state
                .notice
                .as_ref()
                .is_some_and(|n| n.text == still_analysing().text)
            {
                state.notice = None;
            }
        }
        Msg::Compared(done) => compared(state, done),
        Msg::Covered(done) => covered(state, done),
    }
}

/// Shows a corpus just opened in a new library; `partial`: listed
/// without its text, which [`Msg::Completed`] brings.
fn loaded(state: &mut State, corpus: Arc<crate::corpus::Corpus>, partial: bool) {
    let started = std::time::Instant::now();
    state.stack = vec![Screen::Library(screens::library::LibraryState::new(&corpus))];
    tracing::debug!(ms = started.elapsed().as_millis(), "library rows built");
    state.corpus = corpus;
    state.index = None;
    state.loading = None;
    state.last_read = None;
    state.text_pending = partial;
    state.deferred.clear();
    super::kept_cmd::restore(state);
    tracing::debug!(
        ms = started.elapsed().as_millis(),
        "library shown with the kept state"
    );
}

/// The notice while a command waits for the text of a corpus listed
/// without it.
pub const READING_TEXT: &str = "reading the articles' text…";

/// True for the commands that never read an article's text: they run at
/// once while the text of a listed corpus is still being read (moving
/// through the library, sorting, filtering it, marking, help, the files'
/// problems); every other command waits for the text.
fn without_text(state: &State, action: Action) -> bool {
    use Action::*;
    match action {
        Quit | Help | Close | Back | Down | Up | Top | Bottom | HalfPageDown | HalfPageUp | PageDown
        | PageUp | ToggleMark | SortNext | SortReverse | Diagnostics | SearchStart | Scroll(_)
        | ToggleDuplicates | ShowPath | Unbound(_) => true,
        // The library's filter (over titles, outlets, dates and ids).
        Prompt(_) => !state.prompt_text && state.prompt_note.is_none(),
        _ => false,
    }
}

pub const COVERING: &str = "building the story's coverage…";

fn covered(state: &mut State, done: Covered) {
    if !Arc::ptr_eq(&done.corpus, &state.corpus) {
        return;
    }
    if state.notice.as_ref().is_some_and(|n| n.text == COVERING) {
        state.notice = None;
    }
    state.stack.push(Screen::Coverage(done.screen));
}

/// The message shown while a comparison runs in the background.
pub const COMPARING: &str = "comparing…";

/// Opens a finished comparison the way its navigation asked.
fn compared(state: &mut State, done: Compared) {
    if !Arc::ptr_eq(&done.corpus, &state.corpus) {
        return;
    }
    if state.notice.as_ref().is_some_and(|n| n.text == COMPARING) {
        state.notice = None;
    }
    let (stack, ctx) = state.split();
    let mut next = done.screen;
    // The terminal may have changed size while it ran.
    screens::compare::resize(&mut next, &ctx);
    match done.nav {
        // `x`: only while the comparison being swapped is still on top
        // (left meanwhile, the result is dropped).
        Nav::Replace(_) => {
            if let Some(Screen::Compare(old)) = stack.last_mut()
                && old.articles() == next.articles().swapped()
            {
                next.keep_view_of_swapped(old, ctx.compare_rows());
                *old = next;
            } else if let Some(Screen::Compare(old)) = stack.last_mut() {
                // Another article on one side (`}` in a story's compare).
                *old = next;
            }
        }
        _ => stack.push(Screen::Compare(next)),
    }
}

fn command(state: &mut State, action: Action) {
    // Once one command waits for the text, those after it wait too, so
    // they run in the order given.
    if state.text_pending
        && action != Action::Quit
        && (!state.deferred.is_empty() || !without_text(state, action))
    {
        state.deferred.push(action);
        state.notice = Some(Notice::info(READING_TEXT));
        return;
    }
    state.notice = None;
    match action {
        Action::Quit => state.quit = true,
        Action::Prompt(edit) => prompt(state, edit),
        Action::Unbound(chord) => state.notice = Some(unbound(state, chord)),
        Action::Help if state.screen() == ScreenKind::Help => pop(state),
        Action::Help => {
            let under = state.base_screen();
            state.stack.push(Screen::Help(screens::help::open(under)));
        }
        // A popup has the focus: Esc and q close only it.
        Action::Close | Action::Back if state.stack.last_mut().is_some_and(Screen::close_popup) => {}
        Action::Close if state.stack.len() <= 1 => state.quit = true,
        Action::Close => pop(state),
        Action::Back => match state.stack.last() {
            Some(top) if top.has_query() => apply_query(state, ""),
            Some(Screen::Library(_)) => {}
            _ => pop(state),
        },
        Action::Flag => super::kept_cmd::flag(state),
        Action::Annotate => super::kept_cmd::annotate(state),
        Action::SearchStart => {
            state.prompt = Some(String::new());
            state.prompt_text = false;
            state.prompt_note = None;
            apply_query(state, "");
        }
        Action::SearchText if state.index.is_none() => state.notice = Some(still_analysing()),
        Action::SearchText => {
            state.prompt = Some(String::new());
            state.prompt_text = true;
            state.prompt_note = None;
        }
        action => {
            let (stack, ctx) = state.split();
            let outcome = match stack.last_mut() {
                Some(top) => top.update(&ctx, action),
                None => Outcome::none(),
            };
            apply(state, outcome);
        }
    }
}

/// Carries out what a screen asked for.
fn apply(state: &mut State, outcome: Outcome) {
    if let Some(notice) = outcome.notice {
        state.notice = Some(notice);
    }
    state.effects.extend(outcome.effect);
    let Some(nav) = outcome.nav else {
        return;
    };
    let route = match nav {
        Nav::Pop => return pop(state),
        Nav::Push(route) | Nav::Replace(route) => route,
    };
    let (nav, route) = match route {
        Route::CompareWithMarked(article) => match with_marked(state, article) {
            Ok(route) => (Nav::Push(route), route),
            Err(notice) => return state.notice = Some(notice),
        },
        route => (nav, route),
    };
    match open(state, route) {
        Ok(Some(screen)) => {
            if matches!(nav, Nav::Replace(_)) {
                state.stack.pop();
            }
            state.stack.push(screen);
        }
        // Comparing takes up to a few hundred ms on long articles: the job
        // runner does it in the background and sends `Msg::Compared`.
        Ok(None) => {
            state.pending = Some(nav);
            let working = if matches!(route, Route::Coverage(_)) {
                COVERING
            } else {
                COMPARING
            };
            state.notice = Some(Notice::info(working));
        }
        Err(notice) => state.notice = Some(notice),
    }
}

/// `c` outside the library: this article beside the one marked there.
fn with_marked(state: &State, article: usize) -> Result<Route, Notice> {
    let marks = state.library().map(|l| l.marks.as_slice()).unwrap_or_default();
    match marks.iter().rev().find(|&&m| m != article) {
        Some(&marked) => Ok(Route::Compare(crate::compare::Pair::new(marked, article))),
        None => Err(Notice::info(
            "mark an article in the library with Space, then press c here to compare it with this one",
        )),
    }
}

fn still_analysing() -> Notice {
    Notice::info("still analysing the corpus: try again in a moment")
}

/// Builds the screen a route names; `None` for a comparison, which a job
/// builds.
fn open(state: &mut State, route: Route) -> Result<Option<Screen>, Notice> {
    let last_read = match route {
        Route::Reader { .. } | Route::ReaderAt { .. } | Route::SearchHit => state.last_read.take(),
        _ => None,
    };
    // The notes screen reads the kept notes, beside the screens.
    let notes = (route == Route::Notes).then(|| screens::notes::open(&state.ctx(), &state.kept));
    let (stack, ctx) = state.split();
    Ok(Some(match route {
        Route::Notes => Screen::Notes(notes.unwrap_or_default()),
        Route::Reader { article, quote } => {
            Screen::Reader(screens::reader::open(&ctx, article, quote, last_read))
        }
        Route::ReaderAt { article, start, end } => {
            let mut reader = screens::reader::open(&ctx, article, None, last_read);
            reader.show_hits("", vec![(start, end)], 0, ctx.reader_rows());
            Screen::Reader(reader)
        }
        Route::Diagnostics => Screen::Diagnostics(Default::default()),
        Route::SearchHit => {
            let index = ctx.index.ok_or_else(still_analysing)?;
            let Some(Screen::TextSearch(list)) = stack.last() else {
                return Err(Notice::info("no search results to open"));
            };
            let hits = list
                .article_hits(&index.text, &ctx.corpus.articles)
                .ok_or_else(|| Notice::info("no hit selected"))?;
            let mut reader = screens::reader::open(&ctx, hits.article, None, last_read);
            reader.show_hits(&list.query, hits.matches, hits.current, ctx.reader_rows());
            Screen::Reader(reader)
        }
        Route::Speakers => {
            ctx.index.ok_or_else(still_analysing)?;
            Screen::Speakers(Default::default())
        }
        Route::SpeakerQuotes(speaker) => {
            let index = ctx.index.ok_or_else(still_analysing)?;
            Screen::SpeakerQuotes(screens::speaker_quotes::open(index, speaker))
        }
        Route::Related(article) => {
            let index = ctx.index.ok_or_else(still_analysing)?;
            Screen::Related(screens::related::open(&ctx, index, article))
        }
        Route::Stories => {
            ctx.index.ok_or_else(still_analysing)?;
            Screen::Stories(Default::default())
        }
        Route::Compare(_) | Route::CompareWithMarked(_) | Route::Coverage(_) => {
            ctx.index.ok_or_else(still_analysing)?;
            return Ok(None);
        }
    }))
}

fn resize(state: &mut State, width: u16, height: u16) {
    state.width = width;
    state.height = height;
    let (stack, ctx) = state.split();
    for screen in stack.iter_mut() {
        screen.resize(&ctx);
    }
}

/// Leaves the top screen (the bottom one stays); the reader is kept, so
/// reopening the same article resumes it.
fn pop(state: &mut State) {
    state.prompt = None;
    state.prompt_text = false;
    state.prompt_note = None;
    if state.stack.len() > 1
        && let Some(Screen::Reader(reader)) = state.stack.pop()
    {
        state.last_read = Some(reader);
    }
}

fn prompt(state: &mut State, edit: PromptEdit) {
    let Some(mut text) = state.prompt.take() else {
        return;
    };
    if state.prompt_note.is_some() {
        return super::kept_cmd::note_prompt(state, edit, text);
    }
    if state.prompt_text {
        return text_prompt(state, edit, text);
    }
    match edit {
        PromptEdit::Insert(_) | PromptEdit::Backspace | PromptEdit::Clear | PromptEdit::DeleteWord => {
            edit_text(&mut text, edit);
        }
        PromptEdit::Submit => {
            if text.is_empty() {
                apply_query(state, "");
            } else if let Some(Screen::Library(lib)) = state.stack.last()
                && lib.order.is_empty()
            {
                // No title matches: the library's filter falls through to
                // the full-text search when the text has hits.
                let (_, ctx) = state.split();
                let hits = ctx
                    .index
                    .map(|i| i.text.search(&ctx.corpus.articles, &Query::parse(&text)));
                if hits.is_some_and(|h| !h.is_empty()) {
                    apply_query(state, "");
                    search_text(state, &text);
                }
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

/// The edits of a prompt's text, the same in every prompt.
pub(super) fn edit_text(text: &mut String, edit: PromptEdit) {
    match edit {
        PromptEdit::Insert(c) => text.push(c),
        PromptEdit::Backspace => {
            text.pop();
        }
        PromptEdit::Clear => text.clear(),
        PromptEdit::DeleteWord => delete_word(text),
        PromptEdit::Submit | PromptEdit::Cancel => {}
    }
}

/// Ctrl-W: deletes the word before the end (and the spaces after it), as
/// shells and vim do.
pub fn delete_word(text: &mut String) {
    let trimmed = text.trim_end().len();
    let start = text[..trimmed]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    text.truncate(start);
}

/// A key bound to nothing here: says so, and where it does something.
fn unbound(state: &State, chord: super::keymap::KeyChord) -> Notice {
    let screen = state.screen();
    let elsewhere = ScreenKind::ALL.iter().find_map(|&other| {
        let action = state.keymap.action(other, chord)?;
        super::action::command_for(&action).map(|c| (other, c))
    });
    Notice::info(match elsewhere {
        Some((other, c)) => format!(
            "{chord} does nothing on the {} screen ({} on {}); ? lists the keys here",
            screen.label(),
            super::action::description_on(c, other).to_lowercase(),
            other.label()
        ),
        None => format!("{chord} does nothing here; ? lists the keys"),
    })
}

/// The full-text prompt (`F`): nothing changes while typing; Enter opens
/// the results.
fn text_prompt(state: &mut State, edit: PromptEdit, mut text: String) {
    match edit {
        PromptEdit::Insert(_) | PromptEdit::Backspace | PromptEdit::Clear | PromptEdit::DeleteWord => {
            edit_text(&mut text, edit);
        }
        PromptEdit::Submit => {
            state.prompt_text = false;
            if !text.trim().is_empty() {
                search_text(state, &text);
            }
            return;
        }
        PromptEdit::Cancel => {
            state.prompt_text = false;
            return;
        }
    }
    state.prompt = Some(text);
}

/// Opens the full-text results for `query` (in place of results on top).
fn search_text(state: &mut State, query: &str) {
    let (stack, ctx) = state.split();
    let Some(index) = ctx.index else {
        state.notice = Some(still_analysing());
        return;
    };
    let results = screens::text_search::open(&ctx, &index.text, query);
    let notice = results
        .hits
        .is_empty()
        .then(|| Notice::info(format!("nothing in the text matches {query}")));
    if matches!(stack.last(), Some(Screen::TextSearch(_))) {
        stack.pop();
    }
    stack.push(Screen::TextSearch(results));
    state.notice = notice;
}

/// Sets the library filter or the reader search to `query`.
fn apply_query(state: &mut State, query: &str) {
    let (stack, ctx) = state.split();
    if let Some(top) = stack.last_mut() {
        top.set_query(&ctx, query);
    }
}
