//! `parallax check`: one line per diagnostic and a summary.

use std::io::Write;

use super::{EXIT_OK, EXIT_PROBLEMS};
use crate::corpus::Corpus;

pub fn check(corpus: &Corpus, out: &mut dyn Write) -> anyhow::Result<i32> {
    for d in &corpus.diagnostics {
        writeln!(out, "{d}")?;
    }
    let errors = corpus.diagnostics.iter().filter(|d| d.is_error()).count();
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
    Ok(if errors > 0 { EXIT_PROBLEMS } else { EXIT_OK })
}
