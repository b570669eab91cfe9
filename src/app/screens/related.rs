//! The related screen: the articles most related to one, with their
//! scores (read on open from the corpus index built in the background).

use crate::app::action::Action;
use crate::app::cite;
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::compare::Pair;
use crate::index::CorpusIndex;

/// How many related articles the list shows.
pub const TOP: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct RelatedList {
    /// The article the list is about.
    pub article: usize,
    /// `(article, overlap 0–1)`, most related first.
    pub related: Vec<(usize, f32)>,
    pub cursor: ListCursor,
}

/// The list for `article`, with the related threshold of the config.
pub fn open(ctx: &Ctx, index: &CorpusIndex, article: usize) -> RelatedList {
    RelatedList {
        article,
        related: index.related.top(article, TOP, ctx.thresholds.related),
        cursor: ListCursor::default(),
    }
}

pub fn update(list: &mut RelatedList, ctx: &Ctx, action: Action) -> Outcome {
    if list.cursor.apply(&action, list.related.len(), ctx.list_rows()) {
        return Outcome::none();
    }
    let Some(&(article, _)) = list.related.get(list.cursor.selected) else {
        return Outcome::none();
    };
    match action {
        Action::Open => Outcome::push(Route::Reader { article, quote: None }),
        // `c`: the article beside the one the list is about.
        Action::Compare => Outcome::push(Route::Compare(Pair::new(list.article, article))),
        Action::OpenUrl => cite::open_url(&ctx.corpus.articles[article]),
        _ => Outcome::none(),
    }
}
