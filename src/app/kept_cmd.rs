//! The dispatcher's side of kept state: `f` and `A` on the top screen,
//! the note prompt, the notes screen, and the session of a corpus
//! (restored when it loads, taken for the writer as it changes).

use std::collections::HashSet;

use super::action::PromptEdit;
use super::kept::On;
use super::nav::Notice;
use super::screens::Screen;
use super::screens::library::SortKey;
use super::state::{NoteOn, State};
use crate::state::{Flag, Kind, Session};

/// What `f` or `A` acts on: the library's article, the reader's current
/// quote, compare's selected item (else the focused pane's quote), the
/// notes screen's note.
fn target(state: &State) -> Result<NoteOn, Notice> {
    let speaker = |a: usize, q: usize| {
        state
            .speakers_index()
            .and_then(|i| i.speaker_name(a, q))
            .map(str::to_string)
    };
    let quote = |article: usize, start: usize, end: usize, q: usize| {
        NoteOn::On(On {
            kind: Kind::Quote,
            article,
            span: Some((start, end)),
            other: None,
            speaker: speaker(article, q),
        })
    };
    match state.stack.last() {
        Some(Screen::Library(lib)) => match lib.selected_article() {
            Some(article) => Ok(NoteOn::On(On {
                kind: Kind::Article,
                article,
                span: None,
                other: None,
                speaker: None,
            })),
            None => Err(Notice::info("no article selected")),
        },
        Some(Screen::Reader(r)) => match r.current_quote() {
            Some(stop) => Ok(quote(r.article(), stop.start, stop.end, stop.quote)),
            None => Err(Notice::info(
                "n selects a quote to flag or note (in the library, f and A act on the whole article)",
            )),
        },
        Some(Screen::Compare(c)) => {
            let sides = c.articles();
            if let Some(item) = c.selected.and_then(|i| c.marks.items.get(i)) {
                return Ok(NoteOn::On(On {
                    kind: Kind::Pair,
                    article: sides.left,
                    span: Some(item.span.left),
                    other: Some((sides.right, item.span.right)),
                    speaker: item.speakers.left.clone(),
                }));
            }
            let pane = c.panes.get(c.focus);
            match pane.quote.and_then(|i| pane.quotes.get(i)) {
                Some(stop) => Ok(quote(*sides.get(c.focus), stop.start, stop.end, stop.quote)),
                None => Err(Notice::info(
                    "] selects a claim pair or shared quote to flag or note",
                )),
            }
        }
        Some(Screen::Notes(list)) => match list.selected() {
            Some(item) => Ok(NoteOn::Uid(item.uid.clone())),
            None => Err(Notice::info(
                "no notes yet: f flags and A annotates in the library, reader and compare",
            )),
        },
        _ => Err(Notice::info("nothing to flag here")),
    }
}

/// A suffix for notices when nothing is written.
fn unkept(state: &State) -> &'static str {
    if state.kept.on {
        ""
    } else {
        " (until quit: state is off)"
    }
}

/// `f`: the next flag on the target.
pub fn flag(state: &mut State) {
    let on = match target(state) {
        Ok(on) => on,
        Err(notice) => return state.notice = Some(notice),
    };
    let flag = edit(state, &on, |n| n.flag = Flag::cycle(n.flag)).flatten();
    let text = match flag {
        Some(f) => format!("flagged {} {}{}", f.badge(), f.name(), unkept(state)),
        None => format!("flag removed{}", unkept(state)),
    };
    state.notice = Some(Notice::info(text));
}

/// `A`: the note prompt, holding the target's note.
pub fn annotate(state: &mut State) {
    let on = match target(state) {
        Ok(on) => on,
        Err(notice) => return state.notice = Some(notice),
    };
    let text = match &on {
        NoteOn::On(o) => state.kept.note(o).map(|n| n.text.clone()),
        NoteOn::Uid(uid) => state
            .kept
            .notes
            .iter()
            .find(|n| &n.uid == uid)
            .map(|n| n.text.clone()),
    };
    state.prompt = Some(text.unwrap_or_default());
    state.prompt_text = false;
    state.prompt_note = Some(on);
}

/// A key typed into the note prompt; Enter keeps the note, Esc drops the
/// edit.
pub fn note_prompt(state: &mut State, edit_key: PromptEdit, mut text: String) {
    match edit_key {
        PromptEdit::Submit => {
            let Some(on) = state.prompt_note.take() else {
                return;
            };
            let kept = edit(state, &on, |n| n.text = text.trim().to_string()).is_some();
            let text = if kept { "note saved" } else { "note removed" };
            state.notice = Some(Notice::info(format!("{text}{}", unkept(state))));
        }
        PromptEdit::Cancel => state.prompt_note = None,
        edit_key => {
            super::update::edit_text(&mut text, edit_key);
            state.prompt = Some(text);
        }
    }
}

/// Changes the note on `on`; `Some(flag)` when the note remains. The
/// notes screen, when open, is refreshed.
fn edit(
    state: &mut State,
    on: &NoteOn,
    change: impl FnOnce(&mut crate::state::Note),
) -> Option<Option<Flag>> {
    let corpus = state.corpus.clone();
    let flag = match on {
        NoteOn::On(o) => state.kept.edit(&corpus, o, change).map(|n| n.flag),
        NoteOn::Uid(uid) => state.kept.edit_uid(uid, change).map(|n| n.flag),
    };
    refresh_notes(state);
    flag
}

fn refresh_notes(state: &mut State) {
    // The kept notes are read beside the screens they refresh.
    let kept = std::mem::take(&mut state.kept);
    let (stack, ctx) = state.split();
    for screen in stack.iter_mut() {
        if let Screen::Notes(list) = screen {
            super::screens::notes::refresh(list, &ctx, &kept);
        }
    }
    state.kept = kept;
}

const SORTS: [(SortKey, &str); 6] = [
    (SortKey::Date, "date"),
    (SortKey::Source, "source"),
    (SortKey::Title, "title"),
    (SortKey::Words, "words"),
    (SortKey::Quotes, "quotes"),
    (SortKey::Speakers, "speakers"),
];

/// Where the open corpus is now, to keep; `None` while loading, in
/// `parallax compare A B`, or with state off.
pub fn session(state: &mut State) -> Option<Session> {
    if !state.kept.on || state.loading.is_some() || state.kept.restore.is_some() {
        return None;
    }
    let lib = state.library()?;
    let (marks, selected) = (lib.marks.clone(), lib.selected_article());
    let sort = SORTS
        .iter()
        .find(|(k, _)| *k == lib.sort)
        .map_or("date", |(_, n)| n);
    let (descending, filter) = (lib.descending, lib.filter.clone());
    let reader = state.open_reader().map(|r| (r.article(), r.scroll));
    // A comparison on top, or one still to be reopened.
    let compared = match state.base() {
        Some(Screen::Compare(c)) => Some(c.articles()),
        _ => state.kept.reopen,
    };
    let corpus = state.corpus.clone();
    let mut key = |i: usize| state.kept.key(&corpus, i);
    let (screen, article, other) = match (compared, reader) {
        (Some(pair), _) => ("compare", key(pair.left), key(pair.right)),
        (None, Some((a, _))) => ("reader", key(a), None),
        (None, None) => ("library", None, None),
    };
    Some(Session {
        marks: marks.into_iter().filter_map(&mut key).collect(),
        screen: screen.to_string(),
        selected: selected.and_then(&mut key),
        article,
        other,
        scroll: reader.map_or(0, |(_, s)| s),
        sort: sort.to_string(),
        descending,
        filter,
    })
}

/// Finds the kept notes in the corpus just loaded and comes back where
/// the corpus was left.
pub fn restore(state: &mut State) {
    let corpus = state.corpus.clone();
    state.kept.attach(&corpus);
    let Some(session) = state.kept.restore.take() else {
        return;
    };
    let wanted: HashSet<&str> = session
        .marks
        .iter()
        .chain(&session.selected)
        .chain(&session.article)
        .chain(&session.other)
        .map(String::as_str)
        .collect();
    let index = crate::state::keys::find(&corpus.articles, &state.kept.corpus, &wanted);
    let find = |k: &Option<String>| k.as_ref().and_then(|k| index.get(k).copied());
    let text_pending = state.text_pending;
    let (stack, ctx) = state.split();
    let Some(Screen::Library(lib)) = stack.first_mut() else {
        return;
    };
    let shown = (lib.sort, lib.descending, lib.filter.clone());
    if let Some((k, _)) = SORTS.iter().find(|(_, n)| *n == session.sort) {
        lib.sort = *k;
    }
    lib.descending = session.descending;
    lib.marks = session
        .marks
        .iter()
        .filter_map(|k| index.get(k).copied())
        .take(2)
        .collect();
    // One sort for the kept sort and filter (a big corpus's rows take a
    // while to sort; none when the library is sorted so already), then the
    // kept selection.
    lib.filter = session.filter.clone();
    if (lib.sort, lib.descending, &lib.filter) != (shown.0, shown.1, &shown.2) {
        lib.refresh(ctx.corpus);
    }
    if let Some(selected) = find(&session.selected) {
        lib.selected = lib.order.iter().position(|&i| i == selected).unwrap_or(0);
    }
    lib.scroll_into_view(ctx.library_rows());
    match (
        session.screen.as_str(),
        find(&session.article),
        find(&session.other),
    ) {
        // The reader needs the text: reopened when it is read.
        ("reader", Some(article), _) if text_pending => {
            state.kept.reread = Some((article, session.scroll));
        }
        ("reader", Some(article), _) => {
            let mut reader = super::screens::reader::open(&ctx, article, None, None);
            reader.scroll_to(session.scroll, ctx.reader_rows());
            stack.push(Screen::Reader(reader));
        }
        // Comparing needs the analysis: reopened when it is done.
        ("compare", Some(left), Some(right)) if left != right => {
            state.kept.reopen = Some(crate::compare::Pair::new(left, right));
        }
        _ => {}
    }
}

/// Reopens the reader the session ended on, once the text is there (see
/// [`restore`]), over the library.
pub fn reread(state: &mut State) {
    let Some((article, scroll)) = state.kept.reread.take() else {
        return;
    };
    let (stack, ctx) = state.split();
    if article < ctx.corpus.articles.len() && matches!(stack.last(), Some(Screen::Library(_))) {
        let mut reader = super::screens::reader::open(&ctx, article, None, None);
        reader.scroll_to(scroll, ctx.reader_rows());
        stack.push(Screen::Reader(reader));
    }
}
