//! Where a corpus was left: the marks, the screen and position, the sort
//! and the filter. Articles are named by their keys (see [`super::keys`]),
//! so a corpus that gained or lost files still comes back where it was.

/// What is kept of a corpus's last session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    /// Marked articles, oldest first.
    pub marks: Vec<String>,
    /// The screen on top: `library`, `reader` or `compare` (others reopen
    /// on the library).
    pub screen: String,
    /// The library's selected article.
    pub selected: Option<String>,
    /// The article open in the reader (the left one of a comparison), and
    /// the reader's first visible line.
    pub article: Option<String>,
    /// The right article of the comparison on top (`screen` is
    /// `compare`).
    pub other: Option<String>,
    pub scroll: usize,
    /// The library's sort column (`date`, `source`, `title`, `words`,
    /// `quotes`, `speakers`) and direction.
    pub sort: String,
    pub descending: bool,
    pub filter: String,
}
