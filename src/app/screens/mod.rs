//! The screens of the app, mirroring `ui/screens/`: each file holds one
//! screen's state, its `open` and its `update`. A screen never uses another
//! screen or the dispatcher: it returns an [`Outcome`] (push, pop, replace,
//! a notice) and `update.rs` carries it out (`imports_tests` keeps it so).

pub mod compare;
pub mod coverage;
pub mod diagnostics;
pub mod help;
pub mod library;
pub mod notes;
pub mod reader;
pub mod related;
pub mod speaker_quotes;
pub mod speakers;
pub mod stories;
pub mod text_search;

#[cfg(test)]
mod imports_tests;

use super::action::{Action, ScreenKind};
use super::context::Ctx;
use super::nav::Outcome;

use compare::CompareState;
use coverage::CoverageState;
use diagnostics::DiagnosticsState;
use help::HelpState;
use library::LibraryState;
use notes::NotesState;
use reader::ReaderState;
use related::RelatedList;
use speaker_quotes::SpeakerQuotes;
use speakers::SpeakersState;
use stories::StoriesState;
use text_search::TextSearch;

/// One screen of the stack, carrying its state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Library(LibraryState),
    Reader(ReaderState),
    Compare(Box<CompareState>),
    Speakers(SpeakersState),
    SpeakerQuotes(SpeakerQuotes),
    Related(RelatedList),
    Stories(StoriesState),
    Coverage(Box<CoverageState>),
    Diagnostics(DiagnosticsState),
    Help(HelpState),
    TextSearch(TextSearch),
    Notes(NotesState),
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Library(_) => ScreenKind::Library,
            Screen::Reader(_) => ScreenKind::Reader,
            Screen::Compare(_) => ScreenKind::Compare,
            Screen::Speakers(_) => ScreenKind::Speakers,
            Screen::SpeakerQuotes(_) => ScreenKind::SpeakerQuotes,
            Screen::Related(_) => ScreenKind::Related,
            Screen::Stories(_) => ScreenKind::Stories,
            Screen::Coverage(_) => ScreenKind::Coverage,
            Screen::Diagnostics(_) => ScreenKind::Diagnostics,
            Screen::Help(_) => ScreenKind::Help,
            Screen::TextSearch(_) => ScreenKind::Search,
            Screen::Notes(_) => ScreenKind::Notes,
        }
    }

    /// Applies a command to this screen.
    pub fn update(&mut self, ctx: &Ctx, action: Action) -> Outcome {
        match self {
            Screen::Library(s) => library::update(s, ctx, action),
            Screen::Reader(s) => reader::update(s, ctx, action),
            Screen::Compare(s) => compare::update(s, ctx, action),
            Screen::Speakers(s) => speakers::update(s, ctx, action),
            Screen::SpeakerQuotes(s) => speaker_quotes::update(s, ctx, action),
            Screen::Related(s) => related::update(s, ctx, action),
            Screen::Stories(s) => stories::update(s, ctx, action),
            Screen::Coverage(s) => coverage::update(s, ctx, action),
            Screen::Diagnostics(s) => diagnostics::update(s, ctx, action),
            Screen::Help(s) => help::update(s, ctx, action),
            Screen::TextSearch(s) => text_search::update(s, ctx, action),
            Screen::Notes(s) => notes::update(s, ctx, action),
        }
    }

    /// Fits the screen to a new terminal size.
    pub fn resize(&mut self, ctx: &Ctx) {
        match self {
            Screen::Library(s) => library::resize(s, ctx),
            Screen::Reader(s) => reader::resize(s, ctx),
            Screen::Compare(s) => compare::resize(s, ctx),
            Screen::Coverage(s) => coverage::resize(s, ctx),
            _ => {}
        }
    }

    /// The search (reader, compare) or filter (library, speakers) is `query`; false when the
    /// screen has none.
    pub fn set_query(&mut self, ctx: &Ctx, query: &str) -> bool {
        match self {
            Screen::Library(s) => library::set_query(s, ctx, query),
            Screen::Reader(s) => reader::set_query(s, ctx, query),
            Screen::Speakers(s) => speakers::set_query(s, ctx, query),
            Screen::Compare(s) => compare::set_query(s, ctx, query),
            _ => return false,
        }
        true
    }

    /// Closes a popup shown over the screen (it has the keys; Esc and q
    /// close only it); false when none is open.
    pub fn close_popup(&mut self) -> bool {
        match self {
            Screen::Compare(c) if c.detail.is_some() => {
                c.detail = None;
                true
            }
            Screen::Compare(s) => compare::close_popup(s),
            Screen::Reader(s) => reader::close_popup(s),
            _ => false,
        }
    }

    /// True when a search or filter is active (Esc clears it first).
    pub fn has_query(&self) -> bool {
        match self {
            Screen::Library(s) => !s.filter.is_empty(),
            Screen::Reader(s) => s.search.is_active(),
            Screen::Speakers(s) => !s.filter.is_empty(),
            Screen::Compare(s) => s.panes.left.search.is_active(),
            _ => false,
        }
    }
}
