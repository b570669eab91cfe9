//! Actions are data: every user command is registered once in [`COMMANDS`]
//! with a name, a description, default keys and the screens it works on.
//! That one table feeds the keymap, the config file and the `?` help.

use std::sync::Arc;

use crate::compare::Side;
use crate::corpus::Corpus;

use super::analysed::CorpusAnalysis;
pub use super::screen::ScreenKind;

/// Everything that can change the state. Commands come from keys; the rest
/// from the terminal (resize, mouse) and the loader.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Go back one screen; quit on the top screen.
    Close,
    /// Clear the search, or go back (never quits).
    Back,
    Quit,
    Help,
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Open,
    ToggleMark,
    SortNext,
    SortReverse,
    Diagnostics,
    SearchStart,
    SearchNext,
    SearchPrev,
    /// The next / previous quote by another speaker.
    NextSpeaker,
    PrevSpeaker,
    /// The next / previous shared quote or claim pair (compare).
    NextShared,
    PrevShared,
    SwitchPane,
    LockScroll,
    SwapSides,
    SpeakersPanel,
    Compare,
    Speakers,
    Related,
    /// Scroll by lines (mouse wheel); negative is up.
    Scroll(i32),
    /// The wheel over one compare pane.
    ScrollPane(Side, i32),
    Resize(u16, u16),
    /// Editing the search prompt.
    Prompt(PromptEdit),
    /// Files loaded so far, of `total` (0 while still discovering).
    Progress {
        done: usize,
        total: usize,
    },
    Loaded(LoadedCorpus),
    /// The background analysis of a corpus finished.
    Analysed(AnalysedCorpus),
}

/// Keys typed into the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptEdit {
    Insert(char),
    Backspace,
    /// Clear the whole line (Ctrl-U).
    Clear,
    /// Keep the search and leave the prompt.
    Submit,
    /// Drop the search and leave the prompt.
    Cancel,
}

/// A finished corpus, shared cheaply (equality is identity).
#[derive(Debug, Clone)]
pub struct LoadedCorpus(pub Arc<Corpus>);

impl PartialEq for LoadedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A corpus and its analysis (equality is identity).
#[derive(Debug, Clone)]
pub struct AnalysedCorpus {
    pub corpus: Arc<Corpus>,
    pub analysis: Arc<CorpusAnalysis>,
}

impl PartialEq for AnalysedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.analysis, &other.analysis)
    }
}

/// Sections of the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Move,
    Articles,
    Quotes,
    Compare,
    Search,
    General,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move",
            Group::Articles => "Articles",
            Group::Quotes => "Quotes and speakers",
            Group::Compare => "Compare",
            Group::Search => "Search",
            Group::General => "General",
        }
    }
}

/// One registered command.
#[derive(Debug)]
pub struct Command {
    pub action: Action,
    pub group: Group,
    /// The name used in the config file.
    pub name: &'static str,
    pub description: &'static str,
    pub keys: &'static [&'static str],
    pub screens: &'static [ScreenKind],
}

use ScreenKind::{
    Compare as Cmp, Diagnostics as Diag, Help as HelpS, Library as Lib, Reader as Read, Related as Rel,
    SpeakerQuotes as SpQ, Speakers as Sp,
};

const LISTS: &[ScreenKind] = &[Lib, Read, Cmp, Sp, SpQ, Rel, Diag, HelpS];
const SEARCHABLE: &[ScreenKind] = &[Lib, Read];
const PICKERS: &[ScreenKind] = &[Lib, Sp, SpQ, Rel];

macro_rules! command {
    ($group:ident, $action:expr, $name:literal, $desc:literal, [$($key:literal),*], $screens:expr) => {
        Command {
            action: $action,
            group: Group::$group,
            name: $name,
            description: $desc,
            keys: &[$($key),*],
            screens: $screens,
        }
    };
}

/// Every command. When two commands of one screen share a key, the one
/// registered for fewer screens wins (Space marks in the library and pages
/// down in the reader).
#[rustfmt::skip]
pub const COMMANDS: &[Command] = &[
    command!(Move,     Action::Down,         "down",           "Move down one line",              ["j", "Down"],                LISTS),
    command!(Move,     Action::Up,           "up",             "Move up one line",                ["k", "Up"],                  LISTS),
    command!(Move,     Action::Top,          "top",            "Go to the top",                   ["g", "Home"],                LISTS),
    command!(Move,     Action::Bottom,       "bottom",         "Go to the bottom",                ["G", "End"],                 LISTS),
    command!(Move,     Action::HalfPageDown, "half_page_down", "Half a page down",                ["C-d"],                      LISTS),
    command!(Move,     Action::HalfPageUp,   "half_page_up",   "Half a page up",                  ["C-u"],                      LISTS),
    command!(Move,     Action::PageDown,     "page_down",      "One page down",                   ["PageDown", "Space", "C-f"], LISTS),
    command!(Move,     Action::PageUp,       "page_up",        "One page up",                     ["PageUp", "b", "C-b"],       LISTS),
    command!(Articles, Action::Open,         "open",           "Open the selected item",          ["Enter", "l"],               PICKERS),
    command!(Articles, Action::ToggleMark,   "mark",           "Mark for comparison (up to two)", ["Space"],                    &[Lib]),
    command!(Articles, Action::SortNext,     "sort",           "Sort by the next column",         ["s"],                        &[Lib]),
    command!(Articles, Action::SortReverse,  "sort_reverse",   "Reverse the sort order",          ["S"],                        &[Lib]),
    command!(Articles, Action::Diagnostics,  "problems",       "List files with problems",        ["!"],                        &[Lib]),
    command!(Articles, Action::Compare,      "compare",        "Compare two articles side by side", ["c"],                     &[Lib, Rel]),
    command!(Articles, Action::Related,      "related",        "Articles related to this one",    ["r"],                        &[Lib]),
    command!(Articles, Action::Speakers,     "speakers",       "Everyone quoted in the corpus",   ["p"],                        &[Lib]),
    command!(Quotes,   Action::NextSpeaker,  "next_speaker",   "Next quote by another speaker",   ["s"],                        &[Read, Cmp]),
    command!(Quotes,   Action::PrevSpeaker,  "prev_speaker",   "Previous quote by another speaker", ["S"],                      &[Read, Cmp]),
    command!(Compare,  Action::NextShared,   "next_shared",    "Next shared quote or claim pair", ["]"],                        &[Cmp]),
    command!(Compare,  Action::PrevShared,   "prev_shared",    "Previous shared item",            ["["],                        &[Cmp]),
    command!(Compare,  Action::SwitchPane,   "switch_pane",    "Switch the focused pane",         ["Tab", "S-Tab"],             &[Cmp]),
    command!(Compare,  Action::LockScroll,   "lock_scroll",    "Lock scrolling of both panes",    ["L"],                        &[Cmp]),
    command!(Compare,  Action::SwapSides,    "swap",           "Swap the two sides",              ["x"],                        &[Cmp]),
    command!(Compare,  Action::SpeakersPanel, "speakers_panel", "Show or hide who is quoted",     ["p"],                        &[Cmp]),
    command!(Search,   Action::SearchStart,  "search",         "Search (filter in the library)",  ["/"],                        SEARCHABLE),
    command!(Search,   Action::SearchNext,   "search_next",    "Next match; in the reader, next quote when not searching", ["n"],                 SEARCHABLE),
    command!(Search,   Action::SearchPrev,   "search_prev",    "Previous match, or previous quote", ["N"],                        SEARCHABLE),
    command!(General,  Action::Help,         "help",           "Show or hide this help",          ["?"],                        ScreenKind::ALL),
    command!(General,  Action::Back,         "back",           "Clear the search, or go back",    ["Esc", "h"],                 ScreenKind::ALL),
    command!(General,  Action::Close,        "close",          "Go back; quit on the top screen", ["q"],                        ScreenKind::ALL),
    command!(General,  Action::Quit,         "quit",           "Quit parallax",                   ["Q", "C-c"],                 ScreenKind::ALL),
];

/// The command registered for `action`, if it is one.
pub fn command_for(action: &Action) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| &c.action == action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = COMMANDS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COMMANDS.len());
    }
}
