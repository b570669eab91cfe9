//! The article model every later layer reads.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// The file format an article was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `Key: value` header lines, then `Text:` and the body.
    Header,
    /// Body, then `Reference(s):`, a title line and a source line.
    Reference,
    /// Headline on line 1, a blank line, then paragraphs.
    Headline,
    /// Plain text without a recognisable layout: body only.
    Plain,
    /// One JSON object, or an array of them.
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
    /// Markdown with `---` YAML-like or `+++` TOML front matter.
    Markdown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Header => "header",
            Format::Reference => "reference",
            Format::Headline => "headline",
            Format::Plain => "plain",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "markdown",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A publication date: the raw string as written, and its ISO 8601 form
/// (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][offset]`) when it could be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Published {
    pub raw: String,
    pub iso: Option<String>,
    /// The parsed date (a `jiff` value), which sorts across offsets.
    pub when: Option<super::dates::When>,
}

/// One news article. All offsets used by later layers are char (Unicode
/// scalar value) offsets into [`Article::body`], which is the paragraphs
/// joined by `"\n\n"`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The file's path as given, or `path#N` for the N-th (1-based) article
    /// of a multi-article JSON or JSON Lines file.
    pub id: String,
    pub path: PathBuf,
    pub format: Option<Format>,
    pub title: Option<String>,
    /// The outlet (a name or a site).
    pub source: Option<String>,
    pub published: Option<Published>,
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    pub url: Option<String>,
    /// Every other metadata key, kept as written.
    pub extra: BTreeMap<String, String>,
    pub paragraphs: Vec<String>,
    pub body: String,
}

/// The separator between paragraphs in [`Article::body`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// Sets the paragraphs and rebuilds the body from them.
    pub fn set_paragraphs(&mut self, paragraphs: Vec<String>) {
        self.body = paragraphs.join(PARAGRAPH_SEPARATOR);
        self.paragraphs = paragraphs;
    }

    /// The number of whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }

    /// The ISO date when known, else the raw date string.
    pub fn published_display(&self) -> Option<&str> {
        self.published
            .as_ref()
            .map(|p| p.iso.as_deref().unwrap_or(p.raw.as_str()))
    }

    /// The instant to sort by date: a day alone is 00:00 UTC of that day;
    /// `None` (sorted last) when the date is missing or was not understood.
    pub fn published_key(&self) -> Option<jiff::Timestamp> {
        self.published.as_ref()?.when.map(|w| w.sort_key())
    }

    /// The char offset in `body` where each paragraph starts.
    pub fn paragraph_starts(&self) -> Vec<usize> {
        let sep = PARAGRAPH_SEPARATOR.chars().count();
        let mut starts = Vec::with_capacity(self.paragraphs.len());
        let mut at = 0;
        for p in &self.paragraphs {
            starts.push(at);
            at += p.chars().count() + sep;
        }
        starts
    }
}

/// Metadata fields a parser found before the body, in the order the format
/// gives them. Parsers fill this; [`Fields::into_article`] builds the model.
#[derive(Debug, Default)]
pub struct Fields {
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    pub url: Option<String>,
    pub extra: BTreeMap<String, String>,
}

impl Fields {
    pub fn into_article(self, format: Format, paragraphs: Vec<String>) -> Article {
        let published = self.published.map(|raw| {
            let iso = super::dates::to_iso(&raw);
            let when = iso.as_deref().and_then(super::dates::When::from_iso);
            Published { raw, iso, when }
        });
        let mut article = Article {
            format: Some(format),
            title: self.title,
            source: self.source,
            published,
            authors: self.authors,
            categories: self.categories,
            url: self.url,
            extra: self.extra,
            ..Article::default()
        };
        article.set_paragraphs(paragraphs);
        article
    }
}
