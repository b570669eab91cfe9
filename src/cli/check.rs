//! `parallax check`: one line per diagnostic and a summary.

use std::io::Write;

use serde::Serialize;

use super::{EXIT_OK, EXIT_PROBLEMS};
use crate::corpus::{Corpus, Kind, Severity};

/// One row of `check --json`. Field names and kinds are a contract.
#[derive(Debug, Serialize)]
pub struct DiagnosticRow<'a> {
    /// The file's path, or `path#N` for one article of a multi-article file.
    pub path: &'a str,
    pub severity: Severity,
    pub kind: Kind,
    pub message: &'a str,
}

pub fn check(corpus: &Corpus, json: bool, out: &mut dyn Write) -> anyhow::Result<i32> {
    let errors = corpus.diagnostics.iter().filter(|d| d.is_error()).count();
    let status = if errors > 0 { EXIT_PROBLEMS } else { EXIT_OK };
    if json {
        let rows: Vec<DiagnosticRow> = corpus
            .diagnostics
            .iter()
            .map(|d| DiagnosticRow {
                path: &d.location,
                severity: d.severity,
                kind: d.kind,
                message: &d.message,
            })
            .collect();
        crate::escape::write_json(out, &rows)?;
        writeln!(out)?;
        return Ok(status);
    }
    for d in &corpus.diagnostics {
        writeln!(out, "{d}")?;
    }
    let warnings = corpus.diagnostics.len() - errors;
    let mut summary = format!(
        "{} article(s) loaded from {} file(s); {} error(s), {} warning(s)",
        corpus.articles.len(),
        corpus.files,
        errors,
        warnings
    );
    let exact = corpus.duplicates.iter().filter(|d| d.same_title).count();
    if exact > 0 {
        summary.push_str(&format!("; {exact} duplicate pair(s)"));
    }
    let retitled = corpus.duplicates.len() - exact;
    if retitled > 0 {
        summary.push_str(&format!(
            "; {retitled} pair(s) with the same body under another title"
        ));
    }
    if corpus.skipped > 0 {
        summary.push_str(&format!(
            "; {} other file(s) skipped (not articles)",
            corpus.skipped
        ));
    }
    writeln!(out, "{summary}")?;
    Ok(status)
}
