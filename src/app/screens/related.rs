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
    /// The threshold the list applies (`None` after `a` showed all).
    pub threshold: Option<f32>,
    /// The best article below the threshold, when none reaches it: what
    /// the empty list names.
    pub best_below: Option<(usize, f32)>,
}

/// The list for `article`, with the related threshold of the config.
pub fn open(ctx: &Ctx, index: &CorpusIndex, article: usize) -> RelatedList {
    let threshold = ctx.thresholds.related;
    let related = index.related.top(article, TOP, threshold);
    RelatedList {
        article,
        best_below: if related.is_empty() {
            index.related.best(article)
        } else {
            None
        },
        related,
        cursor: ListCursor::default(),
        threshold: Some(threshold),
    }
}

pub fn update(list: &mut RelatedList, ctx: &Ctx, action: Action) -> Outcome {
    if action == Action::ShowAll {
        let Some(index) = ctx.index else {
            return Outcome::none();
        };
        if list.threshold.is_none() {
            return Outcome::notice("every related article is shown");
        }
        list.related = index.related.top(list.article, TOP, f32::MIN);
        list.threshold = None;
        list.best_below = None;
        return Outcome::notice(match list.related.len() {
            0 => "no other article shares any word with this one".to_string(),
            n => format!(
                "{n} related {} below the threshold too",
                if n == 1 {
                    "article, shown"
                } else {
                    "articles, shown"
                }
            ),
        });
    }
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
