//! The article model every later layer reads.

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
    /// A saved web page: its main text and metadata.
    Html,
    /// An RSS feed (2.0, 1.0 or 0.9x): one article per item.
    Rss,
    /// An Atom feed: one article per entry.
    Atom,
    /// newsboat's cache (`cache.db`, SQLite): one article per item.
    Newsboat,
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
            Format::Html => "html",
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::Newsboat => "newsboat",
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
    /// Boxed: most articles of a big JSON file have none, and the model
    /// stays small (a file may hold millions of articles).
    pub published: Option<Box<Published>>,
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    pub url: Option<String>,
    /// Every other metadata key, kept as written.
    pub extra: Extra,
    pub paragraphs: Vec<String>,
    pub body: String,
}

/// The separator between paragraphs in [`Article::body`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// Sets the paragraphs and rebuilds the body from them. Spare capacity
    /// is given back: a file may hold millions of small articles, and a
    /// vector grown by pushing holds room for four paragraphs.
    pub fn set_paragraphs(&mut self, mut paragraphs: Vec<String>) {
        self.body = paragraphs.join(PARAGRAPH_SEPARATOR);
        paragraphs.shrink_to_fit();
        for p in &mut paragraphs {
            if p.capacity() - p.len() >= 16 {
                p.shrink_to_fit();
            }
        }
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

/// Metadata keys beyond the usual fields, in key order (a later value for
/// the same key replaces the earlier one). A sorted vector: most articles
/// have none or a few, where a B-tree node costs half a kilobyte even for
/// one key, which a file of millions of small objects multiplies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extra(Vec<(String, String)>);

impl Extra {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key`; returns the value it replaces.
    pub fn insert(&mut self, key: String, value: String) -> Option<String> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// The keys and values in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, String)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(items: I) -> Self {
        let mut pairs: Vec<(String, String)> = items.into_iter().collect();
        // Stable: of equal keys the last stays, as with a map.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut extra: Vec<(String, String)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match extra.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => extra.push(pair),
            }
        }
        extra.shrink_to_fit();
        Extra(extra)
    }
}

impl Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
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
    pub extra: Extra,
}

impl Fields {
    pub fn into_article(self, format: Format, paragraphs: Vec<String>) -> Article {
        let published = self.published.map(|raw| {
            let iso = super::dates::to_iso(&raw);
            let when = iso.as_deref().and_then(super::dates::When::from_iso);
            Box::new(Published { raw, iso, when })
        });
        let (mut authors, mut categories) = (self.authors, self.categories);
        authors.shrink_to_fit();
        categories.shrink_to_fit();
        let mut article = Article {
            format: Some(format),
            title: self.title,
            source: self.source,
            published,
            authors,
            categories,
            url: self.url,
            extra: self.extra,
            ..Article::default()
        };
        article.set_paragraphs(paragraphs);
        article
    }
}

#[cfg(test)]
mod extra_tests {
    use super::Extra;

    #[test]
    fn extra_behaves_like_a_sorted_map() {
        let mut e: Extra = [("b", "1"), ("a", "2"), ("b", "3")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(e.len(), 2);
        assert_eq!(e.get("b").map(String::as_str), Some("3"));
        assert_eq!(e.insert("c".into(), "4".into()), None);
        assert_eq!(e.insert("a".into(), "5".into()), Some("2".into()));
        let keys: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert!(e.contains_key("c") && !e.contains_key("d"));
        assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"a":"5","b":"3","c":"4"}"#);
    }
}
