//! The coverage screen: one story's claims and quotes (rows) by outlet
//! (columns), built in the background (`jobs/`) when the Stories screen
//! opens it. Filters (carried by all, by the selected outlet only, quotes
//! only), `Enter` on a cell reads that article at that sentence, `c` on
//! two columns compares those two articles.

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::compare::Pair;
use crate::index::coverage::{Carried, Coverage, RowKind};

/// Lines under the matrix: the outlets, the selected cell's sentence (two
/// lines) and who is quoted.
pub const FOOTER_LINES: usize = 4;

/// Which rows show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    /// Carried (fully or in part) by every outlet.
    CarriedByAll,
    /// Carried by the selected outlet alone ("only X reports").
    OnlyOne(usize),
    /// Quotes only.
    Quotes,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageState {
    /// The story (an index into the corpus index's stories).
    pub story: usize,
    pub coverage: Coverage,
    /// Over the filtered rows.
    pub cursor: ListCursor,
    /// The selected column.
    pub column: usize,
    /// The column `c` picked first, waiting for a second.
    pub picked: Option<usize>,
    pub filter: Filter,
    /// Indices into `coverage.rows` that pass the filter.
    pub shown: Vec<usize>,
}

impl CoverageState {
    pub fn new(story: usize, coverage: Coverage) -> CoverageState {
        let mut state = CoverageState {
            story,
            coverage,
            cursor: ListCursor::default(),
            column: 0,
            picked: None,
            filter: Filter::All,
            shown: Vec::new(),
        };
        state.refilter();
        state
    }

    fn refilter(&mut self) {
        let all = self.coverage.columns.len();
        self.shown = (0..self.coverage.rows.len())
            .filter(|&i| {
                let r = &self.coverage.rows[i];
                match self.filter {
                    Filter::All => true,
                    Filter::CarriedByAll => r.outlets() == all,
                    Filter::OnlyOne(c) => {
                        r.outlets() == 1 && r.cells.get(c).is_some_and(|&x| x != Carried::None)
                    }
                    Filter::Quotes => r.kind == RowKind::Quote,
                }
            })
            .collect();
        self.cursor = ListCursor::default();
    }

    /// The selected row, if the filter leaves any.
    pub fn row(&self) -> Option<&crate::index::coverage::Row> {
        self.shown
            .get(self.cursor.selected)
            .map(|&i| &self.coverage.rows[i])
    }

    fn toggle(&mut self, filter: Filter) {
        self.filter = if self.filter == filter {
            Filter::All
        } else {
            filter
        };
        self.refilter();
    }

    /// The article column `c` shows on the selected row, else its first.
    fn article_of(&self, c: usize) -> Option<usize> {
        let on_row = self.row().and_then(|r| r.cell_member(c)).map(|m| m.article);
        on_row.or_else(|| self.coverage.columns.get(c)?.articles.first().copied())
    }

    /// A short description of the filter for the title line.
    pub fn filter_label(&self) -> String {
        match self.filter {
            Filter::All => "all rows".into(),
            Filter::CarriedByAll => "carried by every outlet".into(),
            Filter::OnlyOne(c) => format!(
                "only {} reports",
                self.coverage.columns.get(c).map_or("?", |c| c.label.as_str())
            ),
            Filter::Quotes => "quotes only".into(),
        }
    }
}

/// Keeps the selected row in view at a new size.
pub fn resize(s: &mut CoverageState, ctx: &Ctx) {
    s.cursor.scroll_into_view(s.shown.len(), rows(ctx));
}

/// Matrix rows in view: the list's, less the footer.
pub fn rows(ctx: &Ctx) -> usize {
    ctx.list_rows().saturating_sub(FOOTER_LINES).max(1)
}

pub fn update(s: &mut CoverageState, ctx: &Ctx, action: Action) -> Outcome {
    let columns = s.coverage.columns.len();
    if s.cursor.apply(&action, s.shown.len(), rows(ctx)) {
        return Outcome::none();
    }
    match action {
        Action::NextColumn | Action::PrevColumn => {
            let n = columns.max(1);
            let step = if action == Action::NextColumn { 1 } else { n - 1 };
            s.column = (s.column + step) % n;
            // "Only X reports" follows the selected outlet.
            if let Filter::OnlyOne(_) = s.filter {
                s.filter = Filter::OnlyOne(s.column);
                s.refilter();
            }
        }
        Action::FilterCarriedByAll => s.toggle(Filter::CarriedByAll),
        Action::FilterOnlyOne => s.toggle(Filter::OnlyOne(s.column)),
        Action::FilterQuotes => s.toggle(Filter::Quotes),
        Action::Open => {
            let Some(row) = s.row() else {
                return Outcome::notice("no row here: press the filter key again to show every row");
            };
            let Some(m) = row.cell_member(s.column) else {
                let label = &s.coverage.columns[s.column].label;
                return Outcome::notice(format!(
                    "{label} does not carry this: move to a ● or ◐ cell (←/→) and press Enter"
                ));
            };
            return Outcome::push(Route::ReaderAt {
                article: m.article,
                start: m.start,
                end: m.end,
            });
        }
        Action::Compare => match s.picked.take() {
            None => {
                s.picked = Some(s.column);
                return Outcome::notice(format!(
                    "comparing {}: move to another outlet (←/→) and press c again",
                    s.coverage.columns[s.column].label
                ));
            }
            Some(first) if first == s.column => {
                return Outcome::notice("pick another outlet (←/→), then press c");
            }
            Some(first) => {
                if let (Some(a), Some(b)) = (s.article_of(first), s.article_of(s.column)) {
                    return Outcome::push(Route::Compare(Pair::new(a, b)));
                }
            }
        },
        _ => {}
    }
    Outcome::none()
}
