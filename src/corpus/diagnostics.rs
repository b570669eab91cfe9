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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file's path, or `path#N` for one article of a multi-article file.
    pub location: String,
    #[serde(skip)]
    pub path: PathBuf,
    pub severity: Severity,
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
            message: message.into(),
        }
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
        // Paths and messages may quote the file: never print them raw.
        write!(
            f,
            "{level}: {}: {}",
            crate::escape::line(&self.location),
            crate::escape::line(&self.message)
        )
    }
}
