//! What a screen asks of the app when it cannot do it alone: navigation
//! (push, pop, replace) as plain data, and a message for the status bar.
//! A screen's `update` returns an [`Outcome`]; the dispatcher
//! (`update.rs`) carries it out. Screens never call each other.

use crate::compare::Pair;

use super::cite::Effect;

/// A message for the user, shown in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: false,
        }
    }
}

/// A screen to open, named by what it shows (the dispatcher builds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Article `article` (a corpus index) in the reader, at quote `quote`
    /// (an index into its `Analysis::quotes`) when given.
    Reader {
        article: usize,
        quote: Option<usize>,
    },
    /// Article `article` in the reader at the char range `start..end` (a
    /// sentence), highlighted.
    ReaderAt {
        article: usize,
        start: usize,
        end: usize,
    },
    /// Two articles side by side.
    Compare(Pair<usize>),
    /// Article `0` beside the article marked in the library (the
    /// dispatcher, which reads the marks, makes it a `Compare`).
    CompareWithMarked(usize),
    Speakers,
    /// The quotes of one speaker (an id of the speakers index).
    SpeakerQuotes(usize),
    /// The articles most related to one.
    Related(usize),
    /// The corpus grouped into stories.
    Stories,
    /// One story's coverage (an index into the index's stories), built in
    /// the background.
    Coverage(usize),
    Diagnostics,
    /// The notes and flags kept for the corpus.
    Notes,
    /// The reader at the selected hit of the full-text results on top,
    /// the hits highlighted.
    SearchHit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Open a screen on top.
    Push(Route),
    /// Open a screen in place of the top one (keeping what of its view
    /// still applies).
    Replace(Route),
    /// Leave the top screen.
    Pop,
}

/// What a screen's `update` asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub nav: Option<Nav>,
    pub notice: Option<Notice>,
    /// A side effect for the terminal layer (copy, open a URL, export).
    pub effect: Option<Effect>,
}

impl Outcome {
    pub fn effect(effect: Effect) -> Outcome {
        Outcome {
            effect: Some(effect),
            ..Outcome::default()
        }
    }

    pub fn none() -> Outcome {
        Outcome::default()
    }

    pub fn push(route: Route) -> Outcome {
        Outcome {
            nav: Some(Nav::Push(route)),
            ..Outcome::default()
        }
    }

    pub fn replace(route: Route) -> Outcome {
        Outcome {
            nav: Some(Nav::Replace(route)),
            ..Outcome::default()
        }
    }

    pub fn notice(text: impl Into<String>) -> Outcome {
        Outcome {
            notice: Some(Notice::info(text)),
            ..Outcome::default()
        }
    }
}
