//! The related list: the articles most related to one, with their
//! scores (computed on open from the index built in the background).

use super::action::{Action, ScreenKind};
use super::layout;
use super::list::ListCursor;
use super::state::{Notice, State};

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

/// `r` in the library.
pub fn open(state: &mut State) {
    let Some(article) = state.library.selected_article() else {
        return;
    };
    let Some(analysis) = &state.analysis else {
        state.notice = Some(Notice {
            text: "still analysing the corpus: try again in a moment".into(),
            error: false,
        });
        return;
    };
    state.related = Some(RelatedList {
        article,
        related: analysis
            .related
            .related(article, TOP)
            .into_iter()
            .filter(|&(_, score)| score >= state.thresholds.related)
            .collect(),
        cursor: ListCursor::default(),
    });
    state.screens.push(ScreenKind::Related);
}

pub fn update(state: &mut State, action: Action) {
    let rows = layout::list_rows(state.height);
    let Some(list) = &mut state.related else {
        return;
    };
    let len = list.related.len();
    if list.cursor.apply(&action, len, rows) {
        return;
    }
    let Some(&(article, _)) = list.related.get(list.cursor.selected) else {
        return;
    };
    match action {
        Action::Open => super::reader_update::open_article(state, article),
        // `c`: the article beside the one the list is about.
        Action::Compare => {
            let sides = crate::compare::Pair::new(list.article, article);
            super::compare_update::open(state, sides);
        }
        _ => {}
    }
}
