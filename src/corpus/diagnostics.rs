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

/// What kind of problem a diagnostic reports (the message says it in
/// words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// Cannot be opened or read (permissions, gone, an I/O error).
    Unreadable,
    /// A FIFO, socket or device.
    NotRegular,
    /// A folder reached twice (a symlink loop).
    FolderLoop,
    /// Over the size limit.
    TooLarge,
    Empty,
    Binary,
    /// Not UTF-8: decoded with a fallback encoding.
    Encoding,
    /// Malformed content (bad JSON, an object without a body).
    Malformed,
    /// The same body as another article.
    Duplicate,
    #[default]
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file's path, or `path#N` for one article of a multi-article file.
    pub location: String,
    #[serde(skip)]
    pub path: PathBuf,
    pub severity: Severity,
    pub kind: DiagnosticKind,
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
            kind: DiagnosticKind::Other,
            message: message.into(),
        }
    }

    pub fn with_kind(mut self, kind: DiagnosticKind) -> Self {
        self.kind = kind;
        self
    }

    /// Points the diagnostic at one article of a multi-article file
    /// (`path#N`).
    pub fn with_location(mut self, location: &str) -> Self {
        location.clone_into(&mut self.location);
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
        write!(f, "{level}: {}: {}", self.location, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load_file};

    #[test]
    fn each_problem_has_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        let kind = |path: &std::path::Path, options: LoadOptions| {
            let result = load_file(path, options);
            result.diagnostics.first().map(|d| d.kind)
        };
        let options = LoadOptions::default();
        assert_eq!(
            kind(&write("empty.txt", b""), options),
            Some(DiagnosticKind::Empty)
        );
        assert_eq!(
            kind(&write("b.txt", b"\0\x01\x02\0\0"), options),
            Some(DiagnosticKind::Binary)
        );
        assert_eq!(
            kind(&write("bad.json", b"{\"title\": "), options),
            Some(DiagnosticKind::Malformed)
        );
        assert_eq!(
            kind(&write("l.txt", b"caf\xe9 au lait"), options),
            Some(DiagnosticKind::Encoding)
        );
        assert_eq!(
            kind(&dir.path().join("gone.txt"), options),
            Some(DiagnosticKind::Unreadable)
        );
        let small = LoadOptions {
            max_text_bytes: 4,
            ..options
        };
        let big = write("big.txt", b"more than four bytes");
        assert_eq!(kind(&big, small), Some(DiagnosticKind::TooLarge));
        assert_eq!(kind(&write("ok.txt", b"Fine text."), options), None);
    }
}
