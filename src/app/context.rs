//! What a screen may read while it updates: the corpus, its index, the
//! size of the terminal, the thresholds and the keymap. Borrowed from the
//! state beside the screen stack, so a screen changes only itself.

use crate::config::Thresholds;
use crate::corpus::Corpus;
use crate::index::CorpusIndex;

use super::keymap::Keymap;
use super::layout;

#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub corpus: &'a Corpus,
    /// The corpus index, once the background analysis is done.
    pub index: Option<&'a CorpusIndex>,
    pub width: u16,
    pub height: u16,
    pub thresholds: &'a Thresholds,
    pub keymap: &'a Keymap,
    /// The citation template for `y` (the config's `citation`).
    pub citation: &'a str,
}

impl Ctx<'_> {
    /// True when the library shows a line about files with problems.
    pub fn has_problems_line(&self) -> bool {
        !self.corpus.diagnostics.is_empty() || self.corpus.skipped > 0
    }

    pub fn library_rows(&self) -> usize {
        layout::library_rows(self.height, self.has_problems_line())
    }

    pub fn reader_rows(&self) -> usize {
        layout::reader_rows(self.height)
    }

    pub fn reader_width(&self) -> usize {
        usize::from(layout::reader_column(self.width).1)
    }

    pub fn list_rows(&self) -> usize {
        layout::list_rows(self.height)
    }

    pub fn compare_rows(&self) -> usize {
        layout::compare_rows(self.height)
    }

    pub fn compare_width(&self) -> usize {
        layout::compare_text_width(self.width)
    }
}
