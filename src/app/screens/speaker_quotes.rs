//! The speaker quotes screen: one speaker's quotes across the corpus;
//! `Enter` on a quote opens the article there.

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::index::CorpusIndex;

/// One speaker's quotes: `(article, quote)` pairs in corpus order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerQuotes {
    pub speaker: usize,
    pub quotes: Vec<(usize, usize)>,
    pub cursor: ListCursor,
}

pub fn open(index: &CorpusIndex, speaker: usize) -> SpeakerQuotes {
    SpeakerQuotes {
        speaker,
        quotes: index.speakers.quotes_by(speaker),
        cursor: ListCursor::default(),
    }
}

pub fn update(list: &mut SpeakerQuotes, ctx: &Ctx, action: Action) -> Outcome {
    if list.cursor.apply(&action, list.quotes.len(), ctx.list_rows()) || action != Action::Open {
        return Outcome::none();
    }
    match list.quotes.get(list.cursor.selected) {
        Some(&(article, quote)) => Outcome::push(Route::Reader {
            article,
            quote: Some(quote),
        }),
        None => Outcome::none(),
    }
}
