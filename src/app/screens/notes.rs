//! The notes screen (`W` in the library): the worksheet of the open
//! corpus, every flag and note with what it is about; detached notes
//! (their text is gone) after the others. `Enter` reads the note's
//! article at its quote; `f` and `A` change the selected note (the
//! dispatcher does, then refreshes the list).

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::kept::Kept;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::state::worksheet::{self, Item, Status, Worksheet};

/// Rows under the list for the selected note's article and text.
pub const DETAIL_ROWS: usize = 2;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotesState {
    pub cursor: ListCursor,
    /// Attached notes, then detached ones.
    pub items: Vec<Item>,
    pub detached: usize,
}

impl NotesState {
    pub fn selected(&self) -> Option<&Item> {
        self.items.get(self.cursor.selected)
    }
}

/// The worksheet of the open corpus, from what is kept.
pub fn open(ctx: &Ctx, kept: &Kept) -> NotesState {
    let mut list = NotesState::default();
    refresh(&mut list, ctx, kept);
    list
}

/// Rebuilds the list after a change, keeping the selected note selected.
pub fn refresh(list: &mut NotesState, ctx: &Ctx, kept: &Kept) {
    let keep = list.selected().map(|i| i.uid.clone());
    let speakers = ctx.index.map(|i| &i.speakers);
    let Worksheet { mut notes, detached } =
        worksheet::resolve(&kept.notes, ctx.corpus, &kept.corpus, speakers);
    list.detached = detached.len();
    notes.extend(detached);
    list.items = notes;
    if let Some(at) = keep.and_then(|uid| list.items.iter().position(|i| i.uid == uid)) {
        list.cursor.selected = at;
    }
    list.cursor.selected = list.cursor.selected.min(list.items.len().saturating_sub(1));
    list.cursor.scroll_into_view(list.items.len(), rows(ctx));
}

/// List rows in view.
pub fn rows(ctx: &Ctx) -> usize {
    ctx.list_rows().saturating_sub(DETAIL_ROWS).max(1)
}

pub fn update(list: &mut NotesState, ctx: &Ctx, action: Action) -> Outcome {
    if list.cursor.apply(&action, list.items.len(), rows(ctx)) {
        return Outcome::none();
    }
    let Some(item) = list.selected() else {
        return Outcome::none();
    };
    match action {
        Action::Open => match (item.status, item.article.index) {
            (Status::Detached, _) | (_, None) => {
                Outcome::notice("this note is detached: its text or article is gone (it is kept as written)")
            }
            (_, Some(article)) => {
                let quote = item.article.span.and_then(|(s, e)| {
                    let analysis = ctx.index?.speakers.analyses.get(article)?;
                    analysis.quotes.iter().position(|q| q.start < e && s < q.end)
                });
                Outcome::push(Route::Reader { article, quote })
            }
        },
        _ => Outcome::none(),
    }
}
