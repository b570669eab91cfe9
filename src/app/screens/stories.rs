//! The stories screen: the corpus grouped by event (built with the corpus
//! index in the background), largest story first. `Enter` opens the
//! story's coverage (built in the background); `c` compares its first two
//! articles side by side.

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::compare::Pair;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoriesState {
    pub cursor: ListCursor,
}

pub fn update(list: &mut StoriesState, ctx: &Ctx, action: Action) -> Outcome {
    let Some(index) = ctx.index else {
        return Outcome::none();
    };
    let stories = &index.stories.stories;
    if list.cursor.apply(&action, stories.len(), ctx.list_rows()) {
        return Outcome::none();
    }
    let Some(story) = stories.get(list.cursor.selected) else {
        return Outcome::none();
    };
    match (action, &story.articles[..]) {
        (Action::Open, _) => Outcome::push(Route::Coverage(list.cursor.selected)),
        (Action::Compare, [first, second, ..]) => Outcome::push(Route::Compare(Pair::new(*first, *second))),
        _ => Outcome::none(),
    }
}
