//! The corpus under the screens is replaced by an up-to-date one (the
//! cache's background check found changed, new or removed files): the
//! screen stack is kept, its data updated underneath. The library is
//! rebuilt with its sort, filter, marks and selection (articles are
//! followed by id); a reader follows its article by id and keeps its
//! place; screens built from the old corpus index are kept while every
//! article still has its index and its text, else the stack is cut back to
//! the last screen that still holds.

use std::collections::HashMap;
use std::sync::Arc;

use super::screens::Screen;
use super::screens::library::LibraryState;
use super::screens::reader::ReaderState;
use super::state::State;
use crate::corpus::Corpus;

/// Where each article of `old` is in `new` (by id), by old index.
fn moves(old: &Corpus, new: &Corpus) -> Vec<Option<usize>> {
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(new.articles.len());
    for (i, a) in new.articles.iter().enumerate() {
        at.entry(a.id.as_str()).or_insert(i);
    }
    old.articles
        .iter()
        .map(|a| at.get(a.id.as_str()).copied())
        .collect()
}

/// Replaces the state's corpus by `new`, keeping the screens (see the
/// module's note). The analysis of `new` starts again (`index` is unset).
pub fn refreshed(state: &mut State, new: Arc<Corpus>) {
    let old = Arc::clone(&state.corpus);
    let moved = moves(&old, &new);
    let follow = |i: usize| moved.get(i).copied().flatten();
    // Every article kept its index and its text: screens built from the
    // old index (quote offsets, sentences) still point at the right text.
    let aligned = old.articles.len() == new.articles.len()
        && moved.iter().enumerate().all(|(i, m)| *m == Some(i))
        && old
            .articles
            .iter()
            .zip(&new.articles)
            .all(|(a, b)| a.body == b.body);
    state.corpus = Arc::clone(&new);
    state.index = None;
    state.loading = None;
    let ctx_width = state.ctx().reader_width();
    let rows = state.ctx().reader_rows();
    let mut kept = Vec::with_capacity(state.stack.len());
    for screen in std::mem::take(&mut state.stack) {
        let next = match screen {
            Screen::Library(lib) => Some(Screen::Library(rebuilt_library(&lib, &new, &follow))),
            Screen::Reader(reader) => {
                follow(reader.article()).map(|j| Screen::Reader(reopened(&reader, j, &new, ctx_width, rows)))
            }
            other if aligned => Some(other),
            _ => None,
        };
        match next {
            Some(s) => kept.push(s),
            // The screens above one that no longer holds were opened from it.
            None => break,
        }
    }
    if kept.is_empty() {
        kept.push(Screen::Library(LibraryState::new(&new)));
    }
    state.stack = kept;
    state.last_read = state
        .last_read
        .take()
        .and_then(|r| follow(r.article()).map(|j| reopened(&r, j, &new, ctx_width, rows)));
    state.kept.attach(&new);
}

/// The library of `new` as `old` showed it: sort, filter, duplicates shown
/// or not, marks and the selected article (followed by id).
fn rebuilt_library(
    old: &LibraryState,
    new: &Corpus,
    follow: &dyn Fn(usize) -> Option<usize>,
) -> LibraryState {
    let mut lib = LibraryState::viewed_as(new, old);
    lib.marks = old.marks.iter().filter_map(|&m| follow(m)).collect();
    if let Some(j) = old.selected_article().and_then(follow) {
        lib.selected = lib.order.iter().position(|&i| i == j).unwrap_or(0);
    }
    lib.offset = old.offset.min(lib.selected);
    lib
}

/// The reader of article `j` of `new`, at the line `old` showed.
fn reopened(old: &ReaderState, j: usize, new: &Corpus, width: usize, rows: usize) -> ReaderState {
    let mut reader = ReaderState::open(j, &new.articles[j], width);
    reader.scroll_to(old.scroll, rows);
    reader
}

/// The text of the corpus shown arrived (a warm open listed the library
/// first): `full` is the same corpus with its text. Every screen is kept
/// as it is (none could read the text: the commands that need it waited,
/// `State::deferred`), the kept notes are found in the text, and the
/// reader the session ended on reopens. When `full` holds other articles
/// (the cache file was damaged and the files were loaded instead), it is
/// a refresh ([`refreshed`]).
pub fn completed(state: &mut State, full: Arc<Corpus>) {
    let same = state.corpus.articles.len() == full.articles.len()
        && state
            .corpus
            .articles
            .iter()
            .zip(&full.articles)
            .all(|(a, b)| a.id == b.id);
    if same {
        state.corpus = Arc::clone(&full);
        state.index = None;
        state.loading = None;
        state.kept.attach(&full);
    } else {
        refreshed(state, full);
        state.kept.reread = None;
    }
    state.text_pending = false;
    super::kept_cmd::reread(state);
}
