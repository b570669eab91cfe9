//! The speakers screen: everyone quoted in the corpus, most quoted first;
//! `Enter` lists one speaker's quotes.

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpeakersState {
    pub cursor: ListCursor,
}

pub fn update(list: &mut SpeakersState, ctx: &Ctx, action: Action) -> Outcome {
    let Some(index) = ctx.index else {
        return Outcome::none();
    };
    let len = index.speakers.speakers.len();
    if list.cursor.apply(&action, len, ctx.list_rows()) || action != Action::Open {
        return Outcome::none();
    }
    let speaker = list.cursor.selected;
    if speaker < len {
        return Outcome::push(Route::SpeakerQuotes(speaker));
    }
    Outcome::none()
}
