//! The per-article working state the attribution steps share: tokens,
//! sentences, which tokens are quoted, and allocation-free lowercase
//! lookups.

use super::lexicon;
use super::model::Sentence;
use super::spans::Span;
use super::text::{Text, Token};

pub struct Doc<'a> {
    pub text: &'a Text,
    pub sentences: &'a [Sentence],
    pub spans: &'a [Span],
    /// For each token: the span it belongs to (marks included), if any.
    pub quoted: Vec<Option<u32>>,
    /// For each token: its sentence.
    pub sent_of: Vec<u32>,
    /// For each sentence: its tokens `[first, end)`.
    pub sent_tokens: Vec<(usize, usize)>,
    /// For each token: word-list bits ([`CUE`], [`TITLE`], [`CAP_STOP`]),
    /// looked up once so the passes over every token stay cheap.
    flags: Vec<u8>,
}

/// A cue verb in lowercase ("said", not "Said").
pub const CUE: u8 = 1;
/// A title or role word.
pub const TITLE: u8 = 2;
/// A capitalised word that is not part of a name ("The", "According").
pub const CAP_STOP: u8 = 4;

impl<'a> Doc<'a> {
    pub fn new(text: &'a Text, sentences: &'a [Sentence], spans: &'a [Span]) -> Doc<'a> {
        let n = text.tokens.len();
        let mut quoted = vec![None; n];
        let mut k = 0;
        for (si, s) in spans.iter().enumerate() {
            let last = s.close.unwrap_or(s.end.saturating_sub(1)).max(s.open);
            while k < n && text.tokens[k].start < s.open {
                k += 1;
            }
            while k < n && text.tokens[k].start <= last {
                quoted[k] = Some(si as u32);
                k += 1;
            }
        }
        let mut sent_of = vec![0u32; n];
        let mut sent_tokens = Vec::with_capacity(sentences.len());
        let mut k = 0;
        for (si, s) in sentences.iter().enumerate() {
            while k < n && text.tokens[k].start < s.start() {
                k += 1;
            }
            let first = k;
            while k < n && text.tokens[k].start < s.end() {
                sent_of[k] = si as u32;
                k += 1;
            }
            sent_tokens.push((first, k));
        }
        let mut doc = Doc {
            text,
            sentences,
            spans,
            quoted,
            sent_of,
            sent_tokens,
            flags: Vec::new(),
        };
        let mut flags = Vec::with_capacity(n);
        for (i, t) in text.tokens.iter().enumerate() {
            if !t.word {
                flags.push(0);
                continue;
            }
            let class = lexicon::word_class(text.lower(t));
            if class == 0 {
                flags.push(0);
                continue;
            }
            let cap = text.is_capitalized(t);
            let mut f = 0;
            if !cap && class & lexicon::IS_CUE != 0 {
                f |= CUE;
            }
            // Titles matter only next to a capitalised word ("spokesperson Ana").
            if class & lexicon::IS_TITLE != 0 {
                let near_cap = cap || (i > 0 && doc.cap(i - 1)) || (i + 1 < n && doc.cap(i + 1));
                if near_cap {
                    f |= TITLE;
                }
            }
            if cap && class & lexicon::IS_CAPITAL_STOP != 0 {
                f |= CAP_STOP;
            }
            flags.push(f);
        }
        doc.flags = flags;
        doc
    }

    /// Whether token `i` has the word-list bit `flag`.
    pub fn flag(&self, i: usize, flag: u8) -> bool {
        self.flags[i] & flag != 0
    }

    pub fn tok(&self, i: usize) -> &Token {
        &self.text.tokens[i]
    }

    pub fn len(&self) -> usize {
        self.text.tokens.len()
    }

    /// The token lowercased, possessive `'s` removed.
    pub fn lw(&self, i: usize) -> &str {
        self.text.lower(&self.text.tokens[i])
    }

    /// Whether token `i` is the char `c`.
    pub fn is(&self, i: usize, c: char) -> bool {
        let t = &self.text.tokens[i];
        !t.word && self.text.chars[t.start] == c
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.text.tokens[i].word
    }

    pub fn cap(&self, i: usize) -> bool {
        self.text.is_capitalized(&self.text.tokens[i])
    }

    pub fn sentence(&self, i: usize) -> usize {
        self.sent_of[i] as usize
    }

    /// Text of tokens `[first, last]` as written.
    pub fn phrase(&self, first: usize, last: usize) -> String {
        let t = &self.text.tokens;
        self.text.slice(t[first].start, t[last].end)
    }

    /// The token index at or after char offset `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.text.tokens.partition_point(|t| t.start < at)
    }
}
