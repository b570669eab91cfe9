//! Diagnostics: what went wrong with which file, in words a user can act on.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file (or article) loaded, with something the user should know.
    Warning,
    /// The file (or article) did not load.
    Error,
}

/// What kind of problem a diagnostic reports: a fixed set, part of the
/// `check --json` contract (it only ever grows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The file or folder does not exist.
    NotFound,
    /// It could not be opened or read (permissions, I/O errors).
    Unreadable,
    /// A FIFO, socket or device: skipped.
    NotRegular,
    /// A symlink loop, or a folder reached twice.
    SymlinkLoop,
    /// The file is empty or blank.
    Empty,
    /// The file looks binary.
    Binary,
    /// Not UTF-8: decoded with a fallback encoding.
    Encoding,
    /// Over the size limit.
    TooLarge,
    /// Over the cap on articles per file: the rest were not loaded.
    TooManyArticles,
    /// Malformed JSON or front matter, or an object that is not an article.
    Malformed,
    /// No article text.
    NoBody,
    /// The same body as an earlier article.
    Duplicate,
    /// Anything else.
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NotFound => "not_found",
            Kind::Unreadable => "unreadable",
            Kind::NotRegular => "not_regular",
            Kind::SymlinkLoop => "symlink_loop",
            Kind::Empty => "empty",
            Kind::Binary => "binary",
            Kind::Encoding => "encoding",
            Kind::TooLarge => "too_large",
            Kind::TooManyArticles => "too_many_articles",
            Kind::Malformed => "malformed",
            Kind::NoBody => "no_body",
            Kind::Duplicate => "duplicate",
            Kind::Other => "other",
        }
    }

    /// Every kind, in the order above.
    pub const ALL: [Kind; 13] = [
        Kind::NotFound,
        Kind::Unreadable,
        Kind::NotRegular,
        Kind::SymlinkLoop,
        Kind::Empty,
        Kind::Binary,
        Kind::Encoding,
        Kind::TooLarge,
        Kind::TooManyArticles,
        Kind::Malformed,
        Kind::NoBody,
        Kind::Duplicate,
        Kind::Other,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file's path, or `path#N` for one article of a multi-article file.
    pub location: String,
    #[serde(skip)]
    pub path: PathBuf,
    pub severity: Severity,
    pub kind: Kind,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, Severity::Error, message)
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, Severity::Warning, message)
    }

    fn new(path: impl Into<PathBuf>, severity: Severity, message: impl Into<String>) -> Self {
        let path = path.into();
        Diagnostic {
            location: path.display().to_string(),
            path,
            severity,
            kind: Kind::Other,
            message: message.into(),
        }
    }

    /// Points the diagnostic at one article of a multi-article file
    /// (`path#N`).
    pub fn with_location(mut self, location: &str) -> Self {
        location.clone_into(&mut self.location);
        self
    }

    /// Sets the kind of problem.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        // Paths and messages may quote the file: never print them raw.
        write!(
            f,
            "{level}: {}: {}",
            crate::escape::line(&self.location),
            crate::escape::line(&self.message)
        )
    }
}
