//! The speaker quotes screen: one speaker's quotes across the corpus;
//! `Enter` on a quote opens the article there.

use crate::app::action::Action;
use crate::app::cite;
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
    if list.cursor.apply(&action, list.quotes.len(), ctx.list_rows()) {
        return Outcome::none();
    }
    let Some(&(article, quote)) = list.quotes.get(list.cursor.selected) else {
        return Outcome::none();
    };
    match action {
        Action::Open => Outcome::push(Route::Reader {
            article,
            quote: Some(quote),
        }),
        Action::Yank => cite::copy_quote(ctx, article, quote),
        Action::OpenUrl => cite::open_url(&ctx.corpus.articles[article]),
        _ => Outcome::none(),
    }
}
