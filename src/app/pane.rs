//! One side of the compare screen: an article wrapped to the pane width
//! (once per width), its scroll offset and its quotes.

use crate::corpus::Article;

use super::document::Document;
use super::quote_nav::QuoteStop;
use super::search::Search;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pane {
    pub doc: Document,
    /// The first visible line.
    pub scroll: usize,
    /// The article's quotes in text order.
    pub quotes: Vec<QuoteStop>,
    /// Index into `quotes` of the current quote.
    pub quote: Option<usize>,
    /// `/` in compare: the search in this side's body (both sides search
    /// the same query; `n`/`N` step through the focused side's matches).
    pub search: Search,
}

impl Pane {
    pub fn new(index: usize, article: &Article, width: usize, quotes: Vec<QuoteStop>) -> Pane {
        Pane {
            doc: Document::build(index, article, width),
            scroll: 0,
            quotes,
            quote: None,
            search: Search::default(),
        }
    }

    pub fn article(&self) -> usize {
        self.doc.article
    }

    /// Panes may scroll until their last line is at the top, so any line
    /// of either side can be brought level with a line of the other.
    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(1)
    }

    /// The line showing body char `c`.
    pub fn line_of(&self, c: usize) -> usize {
        self.doc.line_of_char(c)
    }

    /// The first body char in view.
    pub fn view_char(&self) -> usize {
        self.doc.char_at_line(self.scroll).unwrap_or(0)
    }

    /// Re-wraps to `width` when it changed, keeping the first visible body
    /// text at the top.
    pub fn rewrap(&mut self, article: &Article, width: usize) {
        if self.doc.width == width {
            return;
        }
        let anchor = (self.scroll >= self.doc.body_start)
            .then(|| self.doc.char_at_line(self.scroll))
            .flatten();
        self.doc = Document::build(self.doc.article, article, width);
        self.scroll = anchor
            .map_or(0, |c| self.doc.line_of_char(c))
            .min(self.max_scroll());
    }
}
