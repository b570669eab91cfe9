//! Messages to `update`: a key command ([`Action`], plain data) or a
//! runtime event (the terminal resized, a background job reporting).

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::index::CorpusIndex;

use super::action::Action;
use super::nav::Nav;
use super::screens::compare::CompareState;
use super::screens::coverage::CoverageState;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A command from a key or the mouse wheel.
    Action(Action),
    Resize(u16, u16),
    /// Files loaded so far, of `total` (0 while still discovering).
    Progress {
        done: usize,
        total: usize,
    },
    Loaded(LoadedCorpus),
    /// A corpus read from the cache without its text (a warm open): the
    /// library shows it at once; what needs the text waits for
    /// [`Msg::Completed`].
    Listed(LoadedCorpus),
    /// The corpus listed, now with its text: it replaces the one shown
    /// under the screens (the stack is kept) and the commands that waited
    /// for it run.
    Completed(LoadedCorpus),
    /// The corpus shown, checked against its files, changed: the new one
    /// replaces it under the screens (the stack is kept).
    Refreshed(LoadedCorpus),
    /// The background analysis of a corpus finished.
    Analysed(AnalysedCorpus),
    /// A comparison asked for by `nav` is ready.
    Compared(Compared),
    /// A story's coverage asked for by `nav` is ready.
    Covered(Covered),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// A finished corpus, shared cheaply (equality is identity).
#[derive(Debug, Clone)]
pub struct LoadedCorpus(pub Arc<Corpus>);

impl PartialEq for LoadedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A corpus and its index (equality is identity).
#[derive(Debug, Clone)]
pub struct AnalysedCorpus {
    pub corpus: Arc<Corpus>,
    pub index: Arc<CorpusIndex>,
}

impl PartialEq for AnalysedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.index, &other.index)
    }
}

/// A finished comparison, for the navigation that asked for it.
#[derive(Debug, Clone)]
pub struct Compared {
    pub nav: Nav,
    pub corpus: Arc<Corpus>,
    pub screen: Box<CompareState>,
}

impl PartialEq for Compared {
    fn eq(&self, other: &Self) -> bool {
        self.nav == other.nav && Arc::ptr_eq(&self.corpus, &other.corpus) && self.screen == other.screen
    }
}

/// A finished coverage of one story, for the navigation that asked for it.
#[derive(Debug, Clone)]
pub struct Covered {
    pub nav: Nav,
    pub corpus: Arc<Corpus>,
    pub screen: Box<CoverageState>,
}

impl PartialEq for Covered {
    fn eq(&self, other: &Self) -> bool {
        self.nav == other.nav && Arc::ptr_eq(&self.corpus, &other.corpus) && self.screen == other.screen
    }
}
