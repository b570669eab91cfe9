//! `parallax list` and `parallax show`.

use std::io::Write;
use std::path::Path;

use super::summary::{ArticleDetail, ArticleSummary};
use super::{EXIT_OK, EXIT_PROBLEMS};
use crate::corpus::{self, Article, Corpus, Diagnostic, Kind, LoadOptions};
use crate::escape::{line, text};

pub fn list(corpus: &Corpus, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    if json {
        let rows: Vec<ArticleSummary> = corpus.articles.iter().map(ArticleSummary::of).collect();
        crate::escape::write_json(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        write_table(corpus, out)?;
    }
    report_problems(corpus, err)
}

/// Problems go to stderr so they never corrupt the output; a summary line
/// points to `parallax check` for the details. Errors are shown, and the
/// warnings about files that were not read at all (a FIFO, a socket, a
/// device), as `check` shows them.
pub(super) fn report_problems(corpus: &Corpus, err: &mut dyn Write) -> anyhow::Result<i32> {
    const SHOWN: usize = 5;
    let unread = |d: &&Diagnostic| d.kind == Kind::NotRegular;
    for d in corpus
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .filter(unread)
        .take(SHOWN)
    {
        writeln!(err, "parallax: {d}")?;
    }
    let errors: Vec<_> = corpus.diagnostics.iter().filter(|d| d.is_error()).collect();
    for d in errors.iter().take(SHOWN) {
        writeln!(err, "parallax: {d}")?;
    }
    if errors.len() > SHOWN {
        writeln!(
            err,
            "parallax: {} more file(s) could not be loaded; `parallax check` lists them all",
            errors.len() - SHOWN
        )?;
    }
    Ok(if errors.is_empty() { EXIT_OK } else { EXIT_PROBLEMS })
}

/// The table: the id first (what `show` and `compare` take, never cut),
/// then date, source, words and title.
fn write_table(corpus: &Corpus, out: &mut dyn Write) -> std::io::Result<()> {
    let source_width = corpus
        .articles
        .iter()
        .map(|a| line(a.source.as_deref().unwrap_or("-")).chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 24);
    let id_width = corpus
        .articles
        .iter()
        .map(|a| line(&a.id).chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    writeln!(
        out,
        "{:<id_width$}  {:<10}  {:<source_width$}  {:>6}  TITLE",
        "ID", "DATE", "SOURCE", "WORDS"
    )?;
    for a in &corpus.articles {
        let date = line(a.published_display().unwrap_or("-"));
        let date: String = date.chars().take(10).collect();
        let source = truncate(&line(a.source.as_deref().unwrap_or("-")), source_width);
        let title = line(a.title.as_deref().unwrap_or(&a.id));
        let id = line(&a.id);
        writeln!(
            out,
            "{id:<id_width$}  {date:<10}  {source:<source_width$}  {:>6}  {}",
            a.word_count(),
            truncate(&title, 90)
        )?;
    }
    Ok(())
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn show(file: &str, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let article = match find_article(file) {
        Ok(article) => article,
        Err(unreadable) => return Ok(unreadable.report(err)?),
    };
    if json {
        let analysis = crate::analysis::analyze(&article);
        crate::escape::write_json(&mut *out, &ArticleDetail::of(&article, &analysis))?;
        writeln!(out)?;
    } else {
        write_article(&article, out)?;
    }
    Ok(EXIT_OK)
}

/// Why the article a command names could not be read: one line per
/// problem, already escaped for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub Vec<String>);

impl Unreadable {
    /// Writes the problems to `err`; the exit status to return.
    pub fn report(&self, err: &mut dyn Write) -> std::io::Result<i32> {
        for p in &self.0 {
            writeln!(err, "parallax: {p}")?;
        }
        Ok(EXIT_PROBLEMS)
    }
}

/// Loads `FILE` or `FILE#N`; demo articles can be named `demo/<file>`.
pub(super) fn find_article(spec: &str) -> Result<Article, Unreadable> {
    let (path, entry) = match spec.rsplit_once('#') {
        Some((p, n)) if n.parse::<usize>().is_ok() && !Path::new(spec).exists() => (p, Some(spec)),
        _ => keyed_entry(spec).unwrap_or((spec, None)),
    };
    let demo = (!Path::new(path).exists())
        .then(|| corpus::DEMO_FILES.iter().find(|(p, _)| *p == path))
        .flatten();
    let result = match demo {
        Some((name, bytes)) => corpus::parse_bytes(Path::new(name), bytes),
        None => corpus::load_file(Path::new(path), LoadOptions::default()),
    };
    let problems: Vec<String> = result.diagnostics.iter().map(ToString::to_string).collect();
    let wanted = entry.unwrap_or(path);
    let found = result
        .articles
        .into_iter()
        .find(|a| a.id == wanted || entry.is_none());
    match found {
        Some(article) => Ok(article),
        None if problems.is_empty() => Err(Unreadable(vec![format!(
            "{}: no such article in {}",
            line(wanted),
            line(path)
        )])),
        None => Err(Unreadable(problems)),
    }
}

/// `FILE#KEY` where the key is a feed item's guid or link (which may hold
/// `#` itself): the file is the shortest prefix before a `#` that exists.
fn keyed_entry(spec: &str) -> Option<(&str, Option<&str>)> {
    if Path::new(spec).exists() {
        return None;
    }
    spec.match_indices('#')
        .map(|(i, _)| &spec[..i])
        .find(|p| Path::new(p).is_file())
        .map(|p| (p, Some(spec)))
}

fn write_article(a: &Article, out: &mut dyn Write) -> std::io::Result<()> {
    let width = 80;
    if let Some(title) = &a.title {
        let title = line(title);
        writeln!(out, "{title}")?;
        writeln!(out, "{}", "=".repeat(title.chars().count().min(width)))?;
    }
    let meta = [
        ("Source", a.source.clone()),
        ("Published", a.published_display().map(str::to_owned)),
        ("Authors", (!a.authors.is_empty()).then(|| a.authors.join(", "))),
        (
            "Categories",
            (!a.categories.is_empty()).then(|| a.categories.join(", ")),
        ),
        ("URL", a.url.clone()),
        (
            "File",
            Some(format!("{} ({})", a.id, a.format.map_or("?", |f| f.as_str()))),
        ),
    ];
    for (label, value) in meta {
        if let Some(value) = value {
            writeln!(out, "{label:>10}: {}", line(&value))?;
        }
    }
    for p in a.paragraphs() {
        writeln!(out)?;
        for wrapped in textwrap::wrap(&text(p), width) {
            writeln!(out, "{wrapped}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_article_is_reported_by_name_with_the_problems_status() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("one.md");
        std::fs::write(&file, "# Quay works stop\n\nThe quay closed on Monday.\n").unwrap();
        let path = file.to_str().unwrap();
        assert_eq!(
            find_article(path).unwrap().title.as_deref(),
            Some("Quay works stop")
        );

        let missing = format!("{path}#7");
        let unreadable = find_article(&missing).unwrap_err();
        assert_eq!(unreadable.0.len(), 1);
        assert!(
            unreadable.0[0].contains("#7: no such article in"),
            "{unreadable:?}"
        );
        let mut err = Vec::new();
        assert_eq!(unreadable.report(&mut err).unwrap(), EXIT_PROBLEMS);
        assert!(String::from_utf8(err).unwrap().starts_with("parallax: "));

        let gone = dir.path().join("gone.txt");
        assert!(find_article(gone.to_str().unwrap()).is_err());
        assert_eq!(find_article("demo/nothing-here.txt").map(|a| a.id).ok(), None);
    }
}
