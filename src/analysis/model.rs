//! The analysis model: what `analyze` returns for one article. All offsets
//! are char (Unicode scalar value) offsets into `Article::body`, end
//! exclusive.

use serde::Serialize;

use super::evidence::Evidence;

/// One sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph the sentence starts in.
    pub paragraph: usize,
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
    pub speaker: String,
    /// The resolved full name ("Adaeze Kell"), when known.
    pub name: Option<String>,
    /// A role or title found with the name ("a research fellow at ...").
    pub role: Option<String>,
    /// The cue verb or phrase ("said", "told", "according to").
    pub cue: Option<String>,
    /// 0.0–1.0: `evidence.confidence()`, kept with it.
    pub confidence: f32,
    /// The rule that produced the attribution and the resolution steps
    /// after it (for the reader's trust; prose in JSON).
    pub evidence: Evidence,
}

/// A quote (or reported speech) with its attribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    pub kind: QuoteKind,
    /// Offsets of the quoted words (inside the marks).
    pub start: usize,
    pub end: usize,
    /// The paragraph the quote starts in.
    pub paragraph: usize,
    pub attribution: Option<Attribution>,
}

/// Everything the analysis knows about one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}
