//! The article model every later layer reads.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use super::clean::Body;

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
/// joined by `"\n\n"`. The text is held once: the paragraphs are a view
/// of the body ([`Article::paragraphs`]), cut where each one ends.
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
    /// The paragraphs joined by [`PARAGRAPH_SEPARATOR`]; set it with
    /// [`Article::set_paragraphs`], which keeps the paragraph view in step.
    pub body: String,
    /// The byte offset in `body` where each paragraph ends (set with the
    /// body by [`Article::set_paragraphs`]; public only so that
    /// `Article { .., ..Article::default() }` literals keep working).
    /// 32 bits: a body is far below 4 GB (the largest file is 256 MB).
    pub paragraph_ends: Box<[u32]>,
    /// [`Article::word_count`], counted once (the cache stores it, so a
    /// warm open does not count again).
    pub words: WordCount,
}

/// A word count computed at most once; it never makes two articles differ.
#[derive(Debug, Clone, Default)]
pub struct WordCount(std::sync::OnceLock<u32>);

impl WordCount {
    /// A count known already (from the cache).
    pub fn known(n: usize) -> WordCount {
        WordCount(std::sync::OnceLock::from(to_u32(n)))
    }
}

/// A length or count of one body in 32 bits (a body is far below 4 GB).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl PartialEq for WordCount {
    fn eq(&self, _: &WordCount) -> bool {
        true
    }
}

/// The separator between paragraphs in [`Article::body`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// Sets the paragraphs and rebuilds the body from them. Spare capacity
    /// is given back: a file may hold millions of small articles, and a
    /// vector grown by pushing holds room for four paragraphs.
    pub fn set_paragraphs(&mut self, paragraphs: Vec<String>) {
        self.set_paragraph_strs(&paragraphs);
    }

    /// Sets the paragraphs from borrowed text: the body is built with its
    /// exact size, and the paragraphs are its slices.
    pub fn set_paragraph_strs<S: AsRef<str>>(&mut self, paragraphs: &[S]) {
        self.set_body(Body::from(paragraphs));
    }

    /// Sets the body (its paragraphs); spare capacity is given back.
    pub fn set_body(&mut self, body: Body) {
        let Body { mut text, ends } = body;
        text.shrink_to_fit();
        self.body = text;
        self.paragraph_ends = ends.into_boxed_slice();
        self.words = WordCount::default();
    }

    /// The paragraphs, in order: slices of the body.
    pub fn paragraphs(&self) -> Paragraphs<'_> {
        Paragraphs {
            article: self,
            next: 0,
        }
    }

    /// How many paragraphs the body has.
    pub fn paragraph_count(&self) -> usize {
        self.paragraph_ends.len()
    }

    /// The `i`-th paragraph (0-based).
    pub fn paragraph(&self, i: usize) -> Option<&str> {
        let end = *self.paragraph_ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.paragraph_ends[i - 1] as usize + PARAGRAPH_SEPARATOR.len(),
        };
        self.body.get(start..end)
    }

    /// The paragraphs as owned strings (for code that needs a `Vec`).
    pub fn paragraph_vec(&self) -> Vec<String> {
        self.paragraphs().map(str::to_owned).collect()
    }

    /// The number of whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        *self.words.0.get_or_init(|| to_u32(count_words(&self.body))) as usize
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
        let mut starts = Vec::with_capacity(self.paragraph_count());
        let mut at = 0;
        for p in self.paragraphs() {
            starts.push(at);
            at += p.chars().count() + sep;
        }
        starts
    }
}

/// `s.split_whitespace().count()`, fast: the library counts the words of
/// every article before its first screen. Eight ASCII bytes at a time
/// (a byte is a space when it is 0x20 or 0x09..=0x0D, found with word
/// arithmetic), a byte at a time where a chunk holds a non-ASCII char.
fn count_words(s: &str) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = LO * 0x80;
    let bytes = s.as_bytes();
    let (mut count, mut in_word) = (0, false);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if w & HI == 0 {
                // Per byte (all below 0x80, so no carry crosses bytes):
                // the high bit of `not_blank` is set unless the byte is
                // 0x20; that of `ctl` when it is in 0x09..=0x0D.
                let y = w ^ (LO * 0x20);
                let not_blank = (((y & !HI) + !HI) | y) & HI;
                let ctl = (w + LO * (0x80 - 0x09)) & !(w + LO * (0x80 - 0x0E)) & HI;
                let word = !((!not_blank & HI) | ctl) & HI;
                let before = (word << 8) | if in_word { 0x80 } else { 0 };
                count += (word & !before).count_ones() as usize;
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let space = match b {
            0..0x80 => matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C),
            // A continuation byte: part of the char its lead byte began.
            0x80..0xC0 => {
                i += 1;
                continue;
            }
            _ => s[i..].chars().next().is_some_and(char::is_whitespace),
        };
        count += usize::from(!space && !in_word);
        in_word = !space;
        i += 1;
    }
    count
}

/// The paragraphs of an article, as slices of its body.
#[derive(Debug, Clone)]
pub struct Paragraphs<'a> {
    article: &'a Article,
    next: usize,
}

impl<'a> Iterator for Paragraphs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let p = self.article.paragraph(self.next)?;
        self.next += 1;
        Some(p)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.article.paragraph_count().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Paragraphs<'_> {}

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
    pub fn into_article(self, format: Format, body: impl Into<Body>) -> Article {
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
        article.set_body(body.into());
        article
    }
}

#[cfg(test)]
mod paragraph_tests {
    use super::Article;

    #[test]
    fn the_paragraphs_are_slices_of_the_one_body() {
        let mut a = Article::default();
        assert_eq!(a.paragraphs().count(), 0);
        a.set_paragraphs(vec!["One é.".into(), "Two.".into(), "Three".into()]);
        assert_eq!(a.body, "One é.\n\nTwo.\n\nThree");
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), ["One é.", "Two.", "Three"]);
        assert_eq!(a.paragraphs().len(), 3);
        assert_eq!(a.paragraph(1), Some("Two."));
        assert_eq!(a.paragraph(3), None);
        assert_eq!(a.paragraph_starts(), [0, 8, 14]);
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            " ",
            "one",
            " two  words ",
            "tab\tand\nnew\x0bline\x0cfeed\rreturn",
            "no\u{a0}break and\u{3000}ideographic\u{2029}para\u{85}next",
            "héllo wörld — «quoted» 東京 ",
            "\u{2003}\u{2003}lead",
        ] {
            assert_eq!(super::count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    /// Every mix of word bytes, the six ASCII spaces, neighbours of them
    /// (0x08, 0x0E, 0x1F, 0x21) and non-ASCII chars (spaces and not), at
    /// every length and offset around the eight-byte chunks.
    #[test]
    fn words_are_counted_right_across_chunks() {
        let pieces = [
            "a", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x08", "\x0e", "\x1f", "!", "\u{a0}", "é",
            "\u{3000}", "東", "\u{85}", "xyzw", "  ",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let mut r = seed;
            for _ in 0..len {
                r = r.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push_str(pieces[(r >> 33) as usize % pieces.len()]);
            }
            assert_eq!(super::count_words(&s), s.split_whitespace().count(), "{s:?}");
        }
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
