//! The analysis model: what `analyze` returns for one article. All offsets
//! are char (Unicode scalar value) offsets into `Article::body`, end
//! exclusive.
//!
//! It is held for every article of a corpus, so it is compact: a quote's
//! words are not copied but read from the body ([`Quote::text`]), and an
//! attribution's strings are interned ([`Name`]).

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::evidence::Evidence;
use super::name::Name;

/// One sentence of the body (12 bytes: offsets are `u32`, read as
/// `usize` through [`Sentence::start`], [`Sentence::end`] and
/// [`Sentence::paragraph`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    #[serde(rename = "start")]
    start_: u32,
    #[serde(rename = "end")]
    end_: u32,
    /// Index of the paragraph the sentence starts in.
    #[serde(rename = "paragraph")]
    paragraph_: u32,
}

impl Sentence {
    /// Offsets past `u32::MAX` (a body of 4 G chars; the loader's limits
    /// are far below) are held as `u32::MAX`.
    pub fn new(start: usize, end: usize, paragraph: usize) -> Sentence {
        Sentence {
            start_: clamp32(start),
            end_: clamp32(end),
            paragraph_: clamp32(paragraph),
        }
    }

    pub fn start(&self) -> usize {
        self.start_ as usize
    }

    pub fn end(&self) -> usize {
        self.end_ as usize
    }

    /// Index of the paragraph the sentence starts in.
    pub fn paragraph(&self) -> usize {
        self.paragraph_ as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A quoted statement.
    Direct,
    /// Quoted words inside a sentence that is not itself a quote.
    Partial,
    /// One to three quoted words used as a label, not speech.
    Scare,
    /// Reported speech without quote marks (`S said that ...`).
    Indirect,
}

/// Who said a quote, and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// The speaker as written at the evidence site ("he", "Kell").
    pub speaker: Name,
    /// The resolved full name ("Adaeze Kell"), when known.
    pub name: Option<Name>,
    /// A role or title found with the name ("a research fellow at ...").
    pub role: Option<Name>,
    /// The cue verb or phrase ("said", "told", "according to").
    pub cue: Option<Name>,
    /// 0.0–1.0: `evidence.confidence()`, kept with it.
    pub confidence: f32,
    /// The rule that produced the attribution and the resolution steps
    /// after it (for the reader's trust; prose in JSON).
    pub evidence: Evidence,
}

/// A quote (or reported speech) with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Where the quoted words are, without the quote marks: read them with
    /// [`Quote::text`].
    pub text: QuoteText,
    pub kind: QuoteKind,
    /// Offsets of the quoted words (inside the marks).
    pub start: usize,
    pub end: usize,
    /// The paragraph the quote starts in.
    pub paragraph: u32,
    pub attribution: Option<Attribution>,
}

impl Quote {
    /// The quoted words, without the quote marks; `body` is the body of
    /// the article analysed.
    pub fn text<'a>(&'a self, body: &'a str) -> &'a str {
        self.text.get(body)
    }

    /// The quote as `show --json` has always written it (`text` first),
    /// its words read from `body`.
    pub fn json<'a>(&'a self, body: &'a str) -> QuoteJson<'a> {
        QuoteJson { quote: self, body }
    }
}

/// Where a quote's words are: a byte range of the body, or, for a quote
/// over paragraphs that reopen it (`“First.\n\n“Second,” she said`), the
/// words without the reopening marks, which the body does not hold in one
/// piece.
/// Two are equal when they name the same place (or own the same words):
/// compare the words of quotes of different articles with [`Quote::text`].
#[derive(Clone, Default, PartialEq, Eq)]
pub struct QuoteText {
    start: u32,
    end: u32,
    own: Option<Box<Box<str>>>,
}

impl QuoteText {
    /// `body[start..end]` (byte offsets).
    pub fn in_body(start: usize, end: usize) -> QuoteText {
        let (start, end) = (clamp32(start), clamp32(end));
        QuoteText {
            start,
            end,
            own: None,
        }
    }

    /// Words the body does not hold in one piece.
    pub fn owned(text: String) -> QuoteText {
        QuoteText {
            own: Some(Box::new(text.into_boxed_str())),
            ..QuoteText::default()
        }
    }

    /// The byte range in the body, `None` for owned words.
    pub fn bytes(&self) -> Option<(usize, usize)> {
        self.own
            .is_none()
            .then_some((self.start as usize, self.end as usize))
    }

    /// The owned words, if the body does not hold them.
    pub fn own(&self) -> Option<&str> {
        self.own.as_deref().map(|s| &**s)
    }

    /// The words, read from `body` (empty when the range is not in `body`:
    /// never a panic, whatever body it is given).
    pub fn get<'a>(&'a self, body: &'a str) -> &'a str {
        match &self.own {
            Some(s) => s,
            None => body.get(self.start as usize..self.end as usize).unwrap_or(""),
        }
    }
}

fn clamp32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl std::fmt::Debug for QuoteText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.own {
            Some(s) => write!(f, "{s:?}"),
            None => write!(f, "{}..{}", self.start, self.end),
        }
    }
}

/// A quote with its words, serialized as the quote's fields always were.
#[derive(Debug)]
pub struct QuoteJson<'a> {
    quote: &'a Quote,
    body: &'a str,
}

impl Serialize for QuoteJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.quote;
        let mut st = s.serialize_struct("Quote", 6)?;
        st.serialize_field("text", q.text(self.body))?;
        st.serialize_field("kind", &q.kind)?;
        st.serialize_field("start", &q.start)?;
        st.serialize_field("end", &q.end)?;
        st.serialize_field("paragraph", &q.paragraph)?;
        st.serialize_field("attribution", &q.attribution)?;
        st.end()
    }
}

/// Everything the analysis knows about one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// `sentences` and `quotes` as `show --json` writes them, the quotes'
    /// words read from `body`.
    pub fn json<'a>(&'a self, body: &'a str) -> AnalysisJson<'a> {
        AnalysisJson { analysis: self, body }
    }
}

/// An analysis with its body, serialized as `{sentences, quotes}`.
#[derive(Debug)]
pub struct AnalysisJson<'a> {
    analysis: &'a Analysis,
    body: &'a str,
}

impl Serialize for AnalysisJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Analysis", 2)?;
        st.serialize_field("sentences", &self.analysis.sentences)?;
        let quotes: Vec<QuoteJson> = self.analysis.quotes.iter().map(|q| q.json(self.body)).collect();
        st.serialize_field("quotes", &quotes)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_per_article_compactly() {
        // What a corpus holds per sentence and per quote (issue 17): 24 and
        // 192 bytes before the compact model, plus the quote's words and
        // its four strings.
        assert_eq!(std::mem::size_of::<Sentence>(), 12);
        assert!(std::mem::size_of::<Attribution>() <= 40);
        assert!(std::mem::size_of::<Quote>() <= 80);
    }

    #[test]
    fn a_range_not_in_the_body_reads_empty() {
        let t = QuoteText::in_body(3, 40);
        assert_eq!(t.get("short"), "");
        assert_eq!(QuoteText::in_body(0, 2).get("é!"), "é");
        // Not on a char boundary: empty, never a panic.
        assert_eq!(QuoteText::in_body(0, 1).get("é!"), "");
        assert_eq!(QuoteText::owned("own words".into()).get("body"), "own words");
    }
}
