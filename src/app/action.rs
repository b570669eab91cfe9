//! Actions are data: every user command is registered once in [`COMMANDS`]
//! with a name, a description, default keys, the screens it works on and
//! its status-bar hints. That one table feeds the keymap, the config file,
//! the `?` help and the hints. Runtime events (resize, loaded, analysed)
//! are not commands: they are [`super::event::Msg`]s.

use crate::compare::Side;

pub use super::screen_kind::ScreenKind;

/// What a key (or the mouse wheel) asks for: plain data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Show or hide possible claim pairs (compare).
    TogglePossible,
    SwapSides,
    SpeakersPanel,
    Compare,
    Speakers,
    Related,
    /// The corpus grouped into stories.
    Stories,
    /// Coverage: the next / previous outlet column.
    NextColumn,
    PrevColumn,
    /// Coverage: show only the rows every outlet carries (again: all rows).
    FilterCarriedByAll,
    /// Coverage: show only what the selected outlet alone reports.
    FilterOnlyOne,
    /// Coverage: show only quotes.
    FilterQuotes,
    /// Compare opened from a story: the next / previous outlet of the
    /// story on the right.
    NextOutlet,
    PrevOutlet,
    /// Scroll by lines (mouse wheel); negative is up.
    Scroll(i32),
    /// The wheel over one compare pane.
    ScrollPane(Side, i32),
    /// A left click at (column, row) of the terminal: selects the row
    /// under it, focuses the pane, picks the pair.
    Click(u16, u16),
    /// Show what a threshold hides (the related list below its score).
    ShowAll,
    /// Library: show or hide the duplicates under their first copy.
    ToggleDuplicates,
    /// Library: say where the selected article's file is.
    ShowPath,
    /// Copy the selected quote, pair or article with its citation.
    Yank,
    /// Open the article's web address in the browser.
    OpenUrl,
    /// Export the comparison to Markdown.
    Export,
    /// Show the selected claim pair in full (compare).
    PairDetail,
    /// Full-text search over the bodies (a prompt, then the results).
    SearchText,
    /// Cycle the flag of the selected quote, claim pair or article
    /// (verified, disputed, altered, none).
    Flag,
    /// Write a note on the selected quote, claim pair or article.
    Annotate,
    /// The notes and flags kept for this corpus (the worksheet).
    Notes,
    /// Editing the search prompt.
    Prompt(PromptEdit),
    /// A key bound to nothing on this screen (the status line says so).
    Unbound(super::keymap::KeyChord),
}

/// Keys typed into the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromptEdit {
    Insert(char),
    Backspace,
    /// Clear the whole line (Ctrl-U).
    Clear,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Keep the search and leave the prompt.
    Submit,
    /// Drop the search and leave the prompt.
    Cancel,
}

/// Sections of the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Move,
    Articles,
    Quotes,
    Compare,
    Search,
    Notes,
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
            Group::Notes => "Notes and flags",
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
    /// Where the status bar hints at this command, and the word it uses
    /// there (hints show in table order; the help key always closes them).
    pub hints: &'static [(ScreenKind, &'static str)],
}

use ScreenKind::{
    Compare as Cmp, Coverage as Cov, Diagnostics as Diag, Help as HelpS, Library as Lib, Notes as NotesS,
    Reader as Read, Related as Rel, Search as Srch, SpeakerQuotes as SpQ, Speakers as Sp, Stories as Sto,
};

const LISTS: &[ScreenKind] = &[Lib, Read, Cmp, Sp, SpQ, Rel, Sto, Cov, Diag, HelpS, Srch, NotesS];
const SEARCHABLE: &[ScreenKind] = &[Lib, Read, Sp, Cmp];
/// `Enter` picks in a list, or in a popup over the reader or compare.
const OPENERS: &[ScreenKind] = &[Lib, Sp, SpQ, Rel, Read, Cmp, Srch, Sto, Cov, NotesS];

macro_rules! command {
    ($group:ident, $action:expr, $name:literal, $desc:literal, [$($key:literal),*], $screens:expr) => {
        command!($group, $action, $name, $desc, [$($key),*], $screens, hints: [])
    };
    ($group:ident, $action:expr, $name:literal, $desc:literal, [$($key:literal),*], $screens:expr,
     hints: [$(($screen:expr, $label:literal)),*]) => {
        Command {
            action: $action,
            group: Group::$group,
            name: $name,
            description: $desc,
            keys: &[$($key),*],
            screens: $screens,
            hints: &[$(($screen, $label)),*],
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
    command!(Articles, Action::Open,         "open",           "Open the selected item",          ["Enter", "l"],               OPENERS, hints: [(Lib, "open"), (Sp, "quotes"), (SpQ, "read"), (Rel, "read"), (Srch, "read"), (Sto, "coverage"), (Cov, "read"), (NotesS, "read")]),
    command!(Articles, Action::ToggleMark,   "mark",           "Mark for comparison (up to two)", ["Space"],                    &[Lib], hints: [(Lib, "mark")]),
    command!(Articles, Action::SortNext,     "sort",           "Sort by the next column",         ["s"],                        &[Lib]),
    command!(Articles, Action::SortReverse,  "sort_reverse",   "Reverse the sort order",          ["S"],                        &[Lib]),
    command!(Articles, Action::Diagnostics,  "problems",       "List files with problems",        ["!"],                        &[Lib]),
    command!(Articles, Action::Compare,      "compare",        "Compare two articles side by side", ["c"],                     &[Lib, Rel, Read, Sto, Cov], hints: [(Lib, "compare"), (Rel, "compare"), (Sto, "compare"), (Cov, "compare")]),
    command!(Articles, Action::Related,      "related",        "Articles related to this one",    ["r"],                        &[Lib, Read]),
    command!(Articles, Action::Stories,      "stories",        "The corpus grouped into stories", ["t"],                        &[Lib]),
    command!(Articles, Action::NextColumn,   "next_column",    "Next outlet column",              ["Right", "Tab"],             &[Cov]),
    command!(Articles, Action::PrevColumn,   "prev_column",    "Previous outlet column",          ["Left", "S-Tab"],            &[Cov]),
    command!(Articles, Action::FilterCarriedByAll, "filter_carried_by_all", "Only what every outlet carries (again: all rows)", ["a"], &[Cov], hints: [(Cov, "by all")]),
    command!(Articles, Action::FilterOnlyOne, "filter_only_one", "Only what the selected outlet alone reports (again: all rows)", ["1"], &[Cov], hints: [(Cov, "only this")]),
    command!(Articles, Action::FilterQuotes, "filter_quotes",  "Only quotes (again: all rows)",   ["\""],                       &[Cov], hints: [(Cov, "quotes")]),
    command!(Articles, Action::Speakers,     "speakers",       "Everyone quoted in the corpus",   ["p"],                        &[Lib], hints: [(Lib, "speakers")]),
    command!(Articles, Action::ToggleDuplicates, "duplicates",   "Show or hide duplicates under their first copy", ["D"],       &[Lib]),
    command!(Articles, Action::ShowPath,     "path",           "Show the selected article's file", ["i"],                       &[Lib]),
    command!(Articles, Action::ShowAll,      "show_all",       "Show articles below the related threshold too", ["a"],        &[Rel]),
    command!(Quotes,   Action::NextSpeaker,  "next_speaker",   "Next quote by another speaker",   ["s"],                        &[Read, Cmp]),
    command!(Quotes,   Action::PrevSpeaker,  "prev_speaker",   "Previous quote by another speaker", ["S"],                      &[Read, Cmp]),
    command!(Compare,  Action::NextShared,   "next_shared",    "Next shared quote or claim pair", ["]"],                        &[Cmp], hints: [(Cmp, "next pair")]),
    command!(Compare,  Action::NextOutlet,   "next_outlet",    "Compare with the story's next outlet", ["}"],                   &[Cmp]),
    command!(Compare,  Action::PrevOutlet,   "prev_outlet",    "Compare with the story's previous outlet", ["{"],               &[Cmp]),
    command!(Compare,  Action::PrevShared,   "prev_shared",    "Previous shared item",            ["["],                        &[Cmp]),
    command!(Compare,  Action::SwitchPane,   "switch_pane",    "Switch the focused pane",         ["Tab", "S-Tab"],             &[Cmp]),
    command!(Compare,  Action::LockScroll,   "lock_scroll",    "Lock scrolling of both panes",    ["L"],                        &[Cmp]),
    command!(Compare,  Action::TogglePossible, "possible_pairs", "Show or hide possible claim pairs", ["v"],                      &[Cmp]),
    command!(Compare,  Action::SwapSides,    "swap",           "Swap the two sides",              ["x"],                        &[Cmp]),
    command!(Compare,  Action::SpeakersPanel, "speakers_panel", "Show or hide who is quoted",     ["p"],                        &[Cmp, Read]),
    command!(Search,   Action::SearchStart,  "search",         "Search (filter in the library)",  ["/"],                        SEARCHABLE, hints: [(Read, "search")]),
    command!(Search,   Action::SearchText,   "search_text",    "Search the text of every article", ["F"],                        &[Lib, Srch]),
    command!(Search,   Action::SearchNext,   "search_next",    "Next match; in the reader, next quote when not searching", ["n"],                 SEARCHABLE),
    command!(Search,   Action::SearchPrev,   "search_prev",    "Previous match, or previous quote", ["N"],                        SEARCHABLE),
    command!(Articles, Action::Yank,         "copy",           "Copy the quote, pair or article with its citation", ["y"],    &[Lib, Read, Cmp, SpQ, Srch]),
    command!(Articles, Action::OpenUrl,      "open_url",       "Open the article's web address",  ["o"],                        &[Lib, Read, Cmp, SpQ, Rel, Srch]),
    command!(Compare,  Action::Export,       "export",         "Export the comparison to Markdown", ["e"],                      &[Cmp]),
    command!(Compare,  Action::PairDetail,   "pair_detail",    "Show the selected pair in full",  ["d"],                        &[Cmp]),
    command!(Notes,    Action::Flag,         "flag",           "Flag: verified, disputed, altered, none", ["f"],               &[Lib, Read, Cmp, NotesS], hints: [(NotesS, "flag")]),
    command!(Notes,    Action::Annotate,     "note",           "Write a note on it",              ["A"],                        &[Lib, Read, Cmp, NotesS], hints: [(NotesS, "note")]),
    command!(Notes,    Action::Notes,        "notes",          "The notes and flags kept for this corpus", ["W"],               &[Lib]),
    command!(General,  Action::Help,         "help",           "Show or hide this help",          ["?"],                        ScreenKind::ALL),
    command!(General,  Action::Back,         "back",           "Clear the search, or go back",    ["Esc", "h"],                 ScreenKind::ALL),
    command!(General,  Action::Close,        "close",          "Go back; quit on the top screen", ["q"],                        ScreenKind::ALL,
             hints: [(Read, "back"), (Diag, "back"), (Sp, "back"), (SpQ, "back"), (Rel, "back"), (Cmp, "back"), (Srch, "back"), (Cov, "back"), (NotesS, "back")]),
    command!(General,  Action::Quit,         "quit",           "Quit parallax",                   ["Q", "C-c"],                 ScreenKind::ALL),
];

/// The command table as the default config documents it.
pub fn key_docs() -> Vec<crate::config::KeyDoc> {
    COMMANDS
        .iter()
        .map(|c| crate::config::KeyDoc {
            name: c.name,
            keys: c.keys,
            description: c.description,
        })
        .collect()
}

/// The hints of `screen` in table order: `(command index, label)`.
pub fn hints(screen: ScreenKind) -> impl Iterator<Item = (usize, &'static str)> {
    COMMANDS.iter().enumerate().flat_map(move |(i, c)| {
        c.hints
            .iter()
            .filter(move |(s, _)| *s == screen)
            .map(move |&(_, label)| (i, label))
    })
}

/// What command `c` does on `screen`: the help shows this, so it matches
/// what the screen does (no "clear the search" where there is none).
pub fn description_on(c: &Command, screen: ScreenKind) -> &'static str {
    match (c.action, screen) {
        (Action::Back, Lib) => "Clear the filter",
        (Action::Back, Read) => "Clear the search, close the popup, or go back",
        (Action::Back, Cmp) => "Clear the search, close the popup, or go back",
        (Action::Back, HelpS) => "Close the help",
        (Action::Back, _) => "Go back",
        (Action::Close, Lib) => "Quit (the library is the top screen)",
        (Action::Close, Read | Cmp) => "Close the popup, or go back",
        (Action::Close, HelpS) => "Close the help",
        (Action::Close, _) => "Go back",
        (Action::SearchStart, Lib) => "Filter the list by title, source or date",
        (Action::SearchStart, Read) => "Search the text",
        (Action::SearchStart, Cmp) => "Search both texts",
        (Action::SearchStart, Sp) => "Filter the speakers by name",
        (Action::SearchNext, Cmp) => "Next match in the focused pane",
        (Action::SearchPrev, Cmp) => "Previous match in the focused pane",
        (Action::SearchNext | Action::SearchPrev, Sp) => "Next or previous speaker (wraps)",
        (Action::SearchNext, Lib) => "Next row (wraps)",
        (Action::SearchPrev, Lib) => "Previous row (wraps)",
        (Action::SearchNext, Read) => "Next match, or the next quote when not searching",
        (Action::Open, Read | Cmp) => "Open the quotes of the speaker picked in the who-is-quoted popup",
        (Action::Open, Sp) => "The selected speaker's quotes",
        (Action::Open, SpQ | Rel) => "Read the selected article",
        (Action::Compare, Lib) => "Compare the two marked articles, or the marked one with this row",
        (Action::Compare, Read) => "Compare with the article marked in the library",
        (Action::Compare, Rel) => "Compare the selected article with the one the list is about",
        (Action::Compare, Sto) => "Compare the story's first two articles",
        (Action::Compare, Cov) => "Pick an outlet, then another: compare their articles",
        (Action::Open, Sto) => "The story's coverage: which outlet carries which claim",
        (Action::Open, Cov) => "Read the selected cell's article at that sentence",
        (Action::Related, Read) => "Articles related to this one",
        (Action::Flag, Lib) => "Flag the article: verified, disputed, altered, none",
        (Action::Flag, Read) => "Flag the current quote (n selects one): verified, disputed, altered, none",
        (Action::Flag, Cmp) => "Flag the selected claim pair or shared quote (] selects one)",
        (Action::Flag, NotesS) => "Change the selected note's flag",
        (Action::Annotate, Lib) => "Write a note on the article",
        (Action::Annotate, Read) => "Write a note on the current quote",
        (Action::Annotate, Cmp) => "Write a note on the selected claim pair or shared quote",
        (Action::Annotate, NotesS) => "Edit the selected note",
        (Action::Open, NotesS) => "Read the note's article at its quote",
        (Action::SpeakersPanel, Read) => "Show or hide who is quoted in this article",
        _ => c.description,
    }
}

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

    #[test]
    fn hints_name_commands_of_their_screen() {
        for c in COMMANDS {
            for (screen, _) in c.hints {
                assert!(c.screens.contains(screen), "{} hinted off its screens", c.name);
            }
        }
        let library: Vec<&str> = hints(ScreenKind::Library).map(|(_, l)| l).collect();
        assert_eq!(library, ["open", "mark", "compare", "speakers"]);
    }
}
