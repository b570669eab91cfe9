//! The whole app state. `update` is the only thing that changes it; the ui
//! only reads it.

use crate::config::Thresholds;
use std::sync::Arc;

use crate::corpus::Corpus;
use crate::theme::Theme;

use super::action::ScreenKind;
use super::analysed::CorpusAnalysis;
use super::compare_view::CompareState;
use super::help::{self, HelpLine};
use super::keymap::Keymap;
use super::layout;
use super::library::LibraryState;
use super::list::ListCursor;
use super::reader::ReaderState;
use super::related_view::RelatedList;
use super::speakers_view::SpeakerQuotes;

/// A message for the user, shown in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// Loading progress: files done of `total` (0 while still finding files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub done: usize,
    pub total: usize,
}

#[derive(Debug)]
pub struct State {
    pub corpus: Arc<Corpus>,
    /// The corpus analysed (quotes, speakers), once the background job is
    /// done.
    pub analysis: Option<Arc<CorpusAnalysis>>,
    /// What was opened ("demo corpus", a folder name).
    pub label: String,
    /// The screen stack; the library is always at the bottom.
    pub screens: Vec<ScreenKind>,
    pub library: LibraryState,
    /// The last article read (kept, so reopening it resumes).
    pub reader: Option<ReaderState>,
    /// The speakers screen's cursor.
    pub speakers: ListCursor,
    /// The speaker whose quotes are listed.
    pub speaker_quotes: Option<SpeakerQuotes>,
    /// The related list being shown.
    pub related: Option<RelatedList>,
    /// The comparison being shown.
    pub compare: Option<CompareState>,
    pub diagnostics_scroll: usize,
    pub help_scroll: usize,
    /// The search line being typed, for the top screen.
    pub prompt: Option<String>,
    pub loading: Option<Loading>,
    pub width: u16,
    pub height: u16,
    pub theme: Theme,
    pub keymap: Keymap,
    pub notice: Option<Notice>,
    /// Thresholds from the config file (compare, related list).
    pub thresholds: Thresholds,
    pub quit: bool,
}

impl State {
    /// A state showing `corpus`, sized `width` x `height`.
    pub fn new(corpus: Corpus, label: &str, theme: Theme, keymap: Keymap, size: (u16, u16)) -> State {
        let library = LibraryState::new(&corpus);
        State {
            corpus: Arc::new(corpus),
            analysis: None,
            label: label.to_string(),
            screens: vec![ScreenKind::Library],
            library,
            reader: None,
            compare: None,
            related: None,
            speakers: ListCursor::default(),
            speaker_quotes: None,
            diagnostics_scroll: 0,
            help_scroll: 0,
            prompt: None,
            loading: None,
            width: size.0,
            height: size.1,
            theme,
            keymap,
            notice: None,
            thresholds: Thresholds::default(),
            quit: false,
        }
    }

    /// An empty state waiting for the loader.
    pub fn loading(label: &str, theme: Theme, keymap: Keymap, size: (u16, u16)) -> State {
        let mut state = State::new(Corpus::default(), label, theme, keymap, size);
        state.loading = Some(Loading { done: 0, total: 0 });
        state
    }

    /// The screen on top of the stack.
    pub fn screen(&self) -> ScreenKind {
        *self.screens.last().expect("the library is always there")
    }

    /// The screen under the help overlay (or the top screen).
    pub fn base_screen(&self) -> ScreenKind {
        self.screens
            .iter()
            .rev()
            .copied()
            .find(|s| *s != ScreenKind::Help)
            .unwrap_or(ScreenKind::Library)
    }

    /// The reader, when it is the screen being shown.
    pub fn open_reader(&self) -> Option<&ReaderState> {
        self.reader
            .as_ref()
            .filter(|_| self.base_screen() == ScreenKind::Reader)
    }

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

    /// The help lines for the screen under the overlay.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        help::lines(self.base_screen(), &self.keymap)
    }

    /// Lines the help overlay can show at once.
    pub fn help_rows(&self) -> usize {
        layout::list_rows(self.height).saturating_sub(4).max(1)
    }
}
