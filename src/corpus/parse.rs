//! From a document's text to articles: format detection dispatch and the
//! errors a parser can report.

use super::article::{Article, Format};
use super::clean::Body;
use super::diagnostics::Kind;
use super::{clean, detect, feed, header, headline, html, json, markdown, reference};

/// Why a document (or one article inside it) could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("no article text (the body is empty)")]
    NoBody,
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("{0}")]
    Malformed(String),
}

/// The articles of one document, each an article or the reason it failed.
pub type Entries = Vec<Result<Article, ParseError>>;

/// Cleans body text into paragraphs; an empty body is an error.
pub fn body_paragraphs(text: &str) -> Result<Body, ParseError> {
    nonempty(clean::paragraph_body(text))
}

/// The body, or [`ParseError::NoBody`] when it has no paragraph.
pub fn nonempty(body: Body) -> Result<Body, ParseError> {
    if body.is_empty() {
        Err(ParseError::NoBody)
    } else {
        Ok(body)
    }
}

/// The articles of a document, the entries that failed, and how many past
/// the cap were left out. Articles and failures are kept apart so that a
/// file of millions of articles builds its article list once, in place.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    /// `(n, why)`: the n-th entry (0-based, counting articles and
    /// failures) could not be made into an article.
    pub failures: Vec<(usize, ParseError)>,
    /// Articles (or JSON values) past the cap, not parsed.
    pub dropped: usize,
    /// Problems that did not stop an article from loading (a feed's
    /// duplicate guids, a page's charset that does not match its bytes).
    pub warnings: Vec<Warning>,
    /// For parsers that key their articles (feeds): the key of the n-th
    /// entry when it failed, so the diagnostic names the item, not a place.
    pub failure_keys: std::collections::HashMap<usize, String>,
}

/// A warning from a parser, about the file or about one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The article's key (as in `path#key`), or `None` for the file.
    pub key: Option<String>,
    pub kind: Kind,
    pub message: String,
}

impl Parsed {
    /// Adds the next entry.
    pub fn push(&mut self, entry: Result<Article, ParseError>) {
        let n = self.len();
        match entry {
            Ok(article) => self.articles.push(article),
            Err(e) => self.failures.push((n, e)),
        }
    }

    /// How many entries were parsed (articles and failures).
    pub fn len(&self) -> usize {
        self.articles.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries in document order.
    pub fn into_entries(self) -> Entries {
        let mut entries = Vec::with_capacity(self.len());
        let mut failures = self.failures.into_iter().peekable();
        for article in self.articles {
            while let Some((_, e)) = failures.next_if(|(n, _)| *n == entries.len()) {
                entries.push(Err(e));
            }
            entries.push(Ok(article));
        }
        entries.extend(failures.map(|(_, e)| Err(e)));
        entries
    }
}

/// Detects the format of `text` (the extension is only a hint) and parses it.
pub fn parse_document(text: &str, extension: Option<&str>) -> Result<Entries, ParseError> {
    let text = clean::normalize_newlines(text);
    let format = detect::detect(&text, extension);
    parse_detected(&text, format, usize::MAX).map(Parsed::into_entries)
}

/// Parses newline-normalised `text` as `format`, keeping at most
/// `max_articles` articles (a JSON or JSON Lines file may hold millions).
pub fn parse_detected(text: &str, format: Format, max_articles: usize) -> Result<Parsed, ParseError> {
    let one = |r: Result<Article, ParseError>| {
        r.map(|a| Parsed {
            articles: vec![a],
            ..Parsed::default()
        })
    };
    match format {
        Format::Json => json::parse_capped(text, max_articles),
        Format::Jsonl => json::parse_lines_capped(text, max_articles),
        Format::Markdown => one(markdown::parse(text)),
        Format::Header => one(header::parse(text)),
        Format::Reference => one(reference::parse(text)),
        Format::Headline | Format::Plain => one(headline::parse(text)),
        Format::Rss | Format::Atom => feed::parse(text, max_articles),
        Format::Html => html::parse(text),
        Format::Newsboat => Err(ParseError::Malformed(
            "a newsboat cache is an SQLite file, not text".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formats(text: &str, ext: Option<&str>) -> Vec<Format> {
        parse_document(text, ext)
            .unwrap()
            .into_iter()
            .map(|a| a.unwrap().format.unwrap())
            .collect()
    }

    #[test]
    fn dispatches_on_content_not_extension() {
        assert_eq!(
            formats("{\"title\": \"T\", \"text\": \"b\"}", Some("txt")),
            [Format::Json]
        );
        assert_eq!(formats("Title: T\nText:\nBody.", Some("json")), [Format::Header]);
        assert_eq!(formats("Body.\nReference(s):\nT\nS", None), [Format::Reference]);
        assert_eq!(formats("Head\n\nBody.", Some("md")), [Format::Markdown]);
        assert_eq!(formats("Head\n\nBody.", None), [Format::Headline]);
    }

    #[test]
    fn crlf_files_parse_like_lf_files() {
        let lf = parse_document("Head\n\nOne.\n\nTwo.\n", None).unwrap();
        let crlf = parse_document("Head\r\n\r\nOne.\r\n\r\nTwo.\r\n", None).unwrap();
        assert_eq!(lf, crlf);
    }
}
