//! The speakers screen: everyone quoted in the corpus, most quoted first;
//! `/` filters by name or alias (smart case); `Enter` lists one speaker's
//! quotes.

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::app::search;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakersState {
    pub cursor: ListCursor,
    /// The filter (live while typing in the prompt).
    pub filter: String,
    /// The speaker ids the filter keeps, most quoted first (`None`: all).
    pub shown: Option<Vec<usize>>,
}

impl SpeakersState {
    /// Rows shown, of `total` speakers.
    pub fn len(&self, total: usize) -> usize {
        self.shown.as_ref().map_or(total, Vec::len)
    }

    /// The speaker id on row `row`.
    pub fn speaker(&self, row: usize) -> usize {
        self.shown.as_ref().map_or(row, |s| s[row])
    }
}

pub fn update(list: &mut SpeakersState, ctx: &Ctx, action: Action) -> Outcome {
    let Some(index) = ctx.index else {
        return Outcome::none();
    };
    let len = list.len(index.speakers.speakers.len());
    if list.cursor.apply(&action, len, ctx.list_rows()) || action != Action::Open {
        return Outcome::none();
    }
    if list.cursor.selected < len {
        return Outcome::push(Route::SpeakerQuotes(list.speaker(list.cursor.selected)));
    }
    Outcome::none()
}

/// The filter: `query` (live while typing) over names and aliases.
pub fn set_query(list: &mut SpeakersState, ctx: &Ctx, query: &str) {
    list.filter = query.to_string();
    let Some(index) = ctx.index else {
        return;
    };
    let speakers = &index.speakers.speakers;
    list.shown = (!query.is_empty()).then(|| {
        (0..speakers.len())
            .filter(|&i| {
                let s = &speakers[i];
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .any(|n| search::contains_folded(n, &n.to_lowercase(), query))
            })
            .collect()
    });
    list.cursor = ListCursor::default();
}
