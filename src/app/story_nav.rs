//! `}` / `{` in compare: the right side steps to the next / previous outlet
//! of the story both articles belong to (opened from the Stories or
//! coverage screen), the left side stays.

use super::context::Ctx;
use super::nav::{Outcome, Route};
use crate::compare::Pair;

/// The outcome of `}` (`forward`) or `{` on the compare of `sides`.
pub fn step_outlet(ctx: &Ctx, sides: Pair<usize>, forward: bool) -> Outcome {
    let Some(index) = ctx.index else {
        return Outcome::notice("still analysing the corpus: try again in a moment");
    };
    let Some(story) = index
        .stories
        .of_article(sides.left)
        .filter(|s| s.articles.contains(&sides.right))
    else {
        return Outcome::notice(
            "these two articles are not one story: } and { step through a story's outlets",
        );
    };
    let outlet = |a: usize| {
        let article = &ctx.corpus.articles[a];
        article.source.clone().unwrap_or_else(|| article.id.clone())
    };
    let n = story.articles.len();
    let at = story.articles.iter().position(|&a| a == sides.right).unwrap_or(0);
    let next = (1..n)
        .map(|k| if forward { (at + k) % n } else { (at + n - k) % n })
        .map(|i| story.articles[i])
        .find(|&a| a != sides.left && outlet(a) != outlet(sides.right));
    match next {
        Some(right) => Outcome::replace(Route::Compare(Pair::new(sides.left, right))),
        None => Outcome::notice("the story has no other outlet"),
    }
}
