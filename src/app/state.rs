//! The whole app state. `update` is the only thing that changes it; the ui
//! only reads it (and gets the theme beside it, not in it).

use std::borrow::{Borrow, BorrowMut};
use std::sync::Arc;

use crate::config::Thresholds;
use crate::corpus::Corpus;
use crate::index::{CorpusIndex, SpeakerIndex};

use super::action::ScreenKind;
use super::cite::{DEFAULT_CITATION, Effect};
use super::context::Ctx;
use super::kept::{Kept, On};
use super::keymap::Keymap;
use super::nav::{Nav, Notice};
use super::screens::Screen;
use super::screens::compare::CompareState;
use super::screens::coverage::CoverageState;
use super::screens::diagnostics::DiagnosticsState;
use super::screens::help::{self, HelpLine, HelpState};
use super::screens::library::LibraryState;
use super::screens::notes::NotesState;
use super::screens::reader::ReaderState;
use super::screens::related::RelatedList;
use super::screens::speaker_quotes::SpeakerQuotes;
use super::screens::speakers::SpeakersState;
use super::screens::stories::StoriesState;
use super::screens::text_search::TextSearch;

/// Loading progress: files done of `total` (0 while still finding files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub done: usize,
    pub total: usize,
}

#[derive(Debug)]
pub struct State {
    pub corpus: Arc<Corpus>,
    /// The corpus index (analyses, speakers, related), once the background
    /// job is done.
    pub index: Option<Arc<CorpusIndex>>,
    /// What was opened ("demo corpus", a folder name).
    pub label: String,
    /// The screen stack, bottom first: the library, or the compare screen
    /// alone (`parallax compare A B`). Never empty.
    pub stack: Vec<Screen>,
    /// The last article read, after its reader was left (reopening it
    /// resumes).
    pub last_read: Option<ReaderState>,
    /// A navigation waiting for background work (a comparison); the job
    /// runner takes it.
    pub pending: Option<Nav>,
    /// The search line being typed, for the top screen.
    pub prompt: Option<String>,
    /// The prompt searches the text of every article (`F`): nothing is
    /// filtered while typing; Enter opens the results.
    pub prompt_text: bool,
    /// The prompt is a note being written on this (`A`).
    pub prompt_note: Option<NoteOn>,
    /// Marks, positions, notes and flags kept between runs.
    pub kept: Kept,
    pub loading: Option<Loading>,
    /// The corpus shown was listed without its text (a warm open reads
    /// the library first): commands that need the text wait in
    /// `deferred` until it is there ([`super::Msg::Completed`]).
    pub text_pending: bool,
    /// Commands given while the text was pending, from the first that
    /// needs it, in order: run when the text is there.
    pub deferred: Vec<super::action::Action>,
    pub width: u16,
    pub height: u16,
    pub keymap: Keymap,
    pub notice: Option<Notice>,
    /// Thresholds from the config file (compare, related list).
    pub thresholds: Thresholds,
    pub quit: bool,
    /// Side effects asked for (copy, open a URL, export), in order; the
    /// terminal layer takes and performs them.
    pub effects: Vec<Effect>,
    /// The citation template for `y`.
    pub citation: String,
}

/// What a note prompt writes on: a place in the corpus, or a kept note
/// (from the notes screen; it may be detached).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteOn {
    On(On),
    Uid(String),
}

/// The topmost screen of one kind, by reference.
macro_rules! topmost {
    ($name:ident, $name_mut:ident, $variant:ident, $ty:ty) => {
        pub fn $name(&self) -> Option<&$ty> {
            self.stack.iter().rev().find_map(|s| match s {
                Screen::$variant(x) => Some(<_ as Borrow<$ty>>::borrow(x)),
                _ => None,
            })
        }

        pub fn $name_mut(&mut self) -> Option<&mut $ty> {
            self.stack.iter_mut().rev().find_map(|s| match s {
                Screen::$variant(x) => Some(<_ as BorrowMut<$ty>>::borrow_mut(x)),
                _ => None,
            })
        }
    };
}

impl State {
    /// A state showing `corpus` in the library, sized `width` x `height`.
    pub fn new(corpus: Corpus, label: &str, keymap: Keymap, size: (u16, u16)) -> State {
        let library = LibraryState::new(&corpus);
        State {
            corpus: Arc::new(corpus),
            index: None,
            label: label.to_string(),
            stack: vec![Screen::Library(library)],
            last_read: None,
            pending: None,
            prompt: None,
            prompt_text: false,
            prompt_note: None,
            kept: Kept::default(),
            loading: None,
            text_pending: false,
            deferred: Vec::new(),
            width: size.0,
            height: size.1,
            keymap,
            notice: None,
            thresholds: Thresholds::default(),
            quit: false,
            effects: Vec::new(),
            citation: DEFAULT_CITATION.to_string(),
        }
    }

    /// An empty state waiting for the loader.
    pub fn loading(label: &str, keymap: Keymap, size: (u16, u16)) -> State {
        let mut state = State::new(Corpus::default(), label, keymap, size);
        state.loading = Some(Loading { done: 0, total: 0 });
        state
    }

    /// The screen stack and what screens may read, borrowed apart.
    pub fn split(&mut self) -> (&mut Vec<Screen>, Ctx<'_>) {
        let ctx = Ctx {
            corpus: &self.corpus,
            index: self.index.as_deref(),
            width: self.width,
            height: self.height,
            thresholds: &self.thresholds,
            keymap: &self.keymap,
            citation: &self.citation,
        };
        (&mut self.stack, ctx)
    }

    /// What screens read, for drawing.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            corpus: &self.corpus,
            index: self.index.as_deref(),
            width: self.width,
            height: self.height,
            thresholds: &self.thresholds,
            keymap: &self.keymap,
            citation: &self.citation,
        }
    }

    /// The speakers index, once analysed.
    pub fn speakers_index(&self) -> Option<&SpeakerIndex> {
        self.index.as_deref().map(|i| &i.speakers)
    }

    /// The kind of the screen on top of the stack.
    pub fn screen(&self) -> ScreenKind {
        self.stack.last().map_or(ScreenKind::Library, Screen::kind)
    }

    /// The kinds of the screens of the stack, bottom first.
    pub fn kinds(&self) -> Vec<ScreenKind> {
        self.stack.iter().map(Screen::kind).collect()
    }

    /// The screen under the help overlay (or the top screen).
    pub fn base(&self) -> Option<&Screen> {
        self.stack.iter().rev().find(|s| s.kind() != ScreenKind::Help)
    }

    /// The kind of [`State::base`].
    pub fn base_screen(&self) -> ScreenKind {
        self.base().map_or(ScreenKind::Library, Screen::kind)
    }

    /// The reader, when it is the screen being shown.
    pub fn open_reader(&self) -> Option<&ReaderState> {
        match self.base() {
            Some(Screen::Reader(r)) => Some(r),
            _ => None,
        }
    }

    /// The topmost reader of the stack, else the last article read.
    pub fn reader(&self) -> Option<&ReaderState> {
        let open = self.stack.iter().rev().find_map(|s| match s {
            Screen::Reader(r) => Some(r),
            _ => None,
        });
        open.or(self.last_read.as_ref())
    }

    pub fn reader_mut(&mut self) -> Option<&mut ReaderState> {
        let open = self.stack.iter_mut().rev().find_map(|s| match s {
            Screen::Reader(r) => Some(r),
            _ => None,
        });
        open.or(self.last_read.as_mut())
    }

    topmost!(library, library_mut, Library, LibraryState);
    topmost!(compare, compare_mut, Compare, CompareState);
    topmost!(related, related_mut, Related, RelatedList);
    topmost!(stories, stories_mut, Stories, StoriesState);
    topmost!(coverage, coverage_mut, Coverage, CoverageState);
    topmost!(speakers, speakers_mut, Speakers, SpeakersState);
    topmost!(speaker_quotes, speaker_quotes_mut, SpeakerQuotes, SpeakerQuotes);
    topmost!(diagnostics, diagnostics_mut, Diagnostics, DiagnosticsState);
    topmost!(help, help_mut, Help, HelpState);
    topmost!(text_search, text_search_mut, TextSearch, TextSearch);
    topmost!(notes, notes_mut, Notes, NotesState);

    /// True when the library shows a line about files with problems.
    pub fn has_problems_line(&self) -> bool {
        self.ctx().has_problems_line()
    }

    pub fn library_rows(&self) -> usize {
        self.ctx().library_rows()
    }

    pub fn reader_rows(&self) -> usize {
        self.ctx().reader_rows()
    }

    pub fn reader_width(&self) -> usize {
        self.ctx().reader_width()
    }

    /// The help lines for the screen under the overlay.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        help::lines(self.base_screen(), &self.keymap)
    }

    /// Lines the help overlay can show at once.
    pub fn help_rows(&self) -> usize {
        help::rows(self.height)
    }
}
