//! The screens of the app.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScreenKind {
    Library,
    Reader,
    Compare,
    Speakers,
    /// The quotes of one speaker.
    SpeakerQuotes,
    /// The articles most related to one.
    Related,
    /// The corpus grouped by event.
    Stories,
    /// One story's claims and quotes by outlet.
    Coverage,
    Diagnostics,
    Help,
    /// Full-text search results.
    Search,
    /// The notes and flags of the corpus (the worksheet).
    Notes,
}

impl ScreenKind {
    pub const ALL: &[ScreenKind] = &[
        ScreenKind::Library,
        ScreenKind::Reader,
        ScreenKind::Compare,
        ScreenKind::Speakers,
        ScreenKind::SpeakerQuotes,
        ScreenKind::Related,
        ScreenKind::Stories,
        ScreenKind::Coverage,
        ScreenKind::Diagnostics,
        ScreenKind::Help,
        ScreenKind::Search,
        ScreenKind::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScreenKind::Library => "LIBRARY",
            ScreenKind::Reader => "READER",
            ScreenKind::Compare => "COMPARE",
            ScreenKind::Speakers => "SPEAKERS",
            ScreenKind::SpeakerQuotes => "QUOTES",
            ScreenKind::Related => "RELATED",
            ScreenKind::Stories => "STORIES",
            ScreenKind::Coverage => "COVERAGE",
            ScreenKind::Diagnostics => "PROBLEMS",
            ScreenKind::Help => "HELP",
            ScreenKind::Search => "SEARCH",
            ScreenKind::Notes => "NOTES",
        }
    }
}
