//! The JSON shapes of the CLI. Field names are a contract: scripts depend
//! on them, so they only ever grow.

use serde::Serialize;

use crate::analysis::{Analysis, AnalysisJson};
use crate::corpus::{Article, Extra, Format};

/// One article in `list --json` (and the head of `show --json`).
#[derive(Debug, Serialize)]
pub struct ArticleSummary<'a> {
    pub id: &'a str,
    pub path: String,
    pub format: Option<Format>,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    /// ISO 8601 when the date could be parsed, else the raw string.
    pub published: Option<&'a str>,
    /// The date as written in the file.
    pub published_raw: Option<&'a str>,
    pub authors: &'a [String],
    pub categories: &'a [String],
    pub words: usize,
}

impl<'a> ArticleSummary<'a> {
    pub fn of(article: &'a Article) -> Self {
        ArticleSummary {
            id: &article.id,
            path: article.path.display().to_string(),
            format: article.format,
            title: article.title.as_deref(),
            source: article.source.as_deref(),
            published: article.published_display(),
            published_raw: article.published.as_ref().map(|p| p.raw.as_str()),
            authors: &article.authors,
            categories: &article.categories,
            words: article.word_count(),
        }
    }
}

/// `show --json`: the summary plus everything else the file held.
#[derive(Debug, Serialize)]
pub struct ArticleDetail<'a> {
    #[serde(flatten)]
    pub summary: ArticleSummary<'a>,
    pub url: Option<&'a str>,
    pub extra: &'a Extra,
    pub paragraphs: Vec<&'a str>,
    pub body: &'a str,
    /// `sentences` and `quotes` (with attributions), offsets into `body`.
    #[serde(flatten)]
    pub analysis: AnalysisJson<'a>,
}

impl<'a> ArticleDetail<'a> {
    /// `analysis` is the article's (`analyze(article)`).
    pub fn of(article: &'a Article, analysis: &'a Analysis) -> Self {
        ArticleDetail {
            summary: ArticleSummary::of(article),
            url: article.url.as_deref(),
            extra: &article.extra,
            paragraphs: article.paragraphs().collect(),
            body: &article.body,
            analysis: analysis.json(&article.body),
        }
    }
}
