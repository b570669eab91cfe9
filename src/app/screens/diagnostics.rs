//! The problems screen: every diagnostic of the corpus, scrolled.

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::list::scroll_list;
use crate::app::nav::Outcome;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiagnosticsState {
    /// The first line shown.
    pub scroll: usize,
}

pub fn update(list: &mut DiagnosticsState, ctx: &Ctx, action: Action) -> Outcome {
    let total = ctx.corpus.diagnostics.len();
    scroll_list(&mut list.scroll, total, ctx.list_rows(), &action);
    Outcome::none()
}
