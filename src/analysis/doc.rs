//! The per-article working state the attribution steps share: tokens,
//! sentences, which tokens are quoted, and allocation-free lowercase
//! lookups.

use std::ops::Deref;

use super::model::Sentence;
use super::spans::Span;
use super::text::{Text, Token, is_apostrophe};

/// A lowercase copy of a short word kept on the stack.
pub enum Lower {
    Inline([u8; 24], u8),
    Heap(String),
}

impl Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Inline(buf, len) => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Lower::Heap(s) => s,
        }
    }
}

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
}

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
            while k < n && text.tokens[k].start < s.start {
                k += 1;
            }
            let first = k;
            while k < n && text.tokens[k].start < s.end {
                sent_of[k] = si as u32;
                k += 1;
            }
            sent_tokens.push((first, k));
        }
        Doc {
            text,
            sentences,
            spans,
            quoted,
            sent_of,
            sent_tokens,
        }
    }

    pub fn tok(&self, i: usize) -> &Token {
        &self.text.tokens[i]
    }

    pub fn len(&self) -> usize {
        self.text.tokens.len()
    }

    /// The token lowercased, possessive `'s` removed.
    pub fn lw(&self, i: usize) -> Lower {
        let t = &self.text.tokens[i];
        let chars = &self.text.chars[t.start..t.end];
        let mut n = chars.len();
        if n > 2 && chars[n - 1] == 's' && is_apostrophe(chars[n - 2]) {
            n -= 2;
        }
        if n <= 24 && chars[..n].iter().all(char::is_ascii) {
            let mut buf = [0u8; 24];
            for (b, c) in buf.iter_mut().zip(&chars[..n]) {
                *b = c.to_ascii_lowercase() as u8;
            }
            return Lower::Inline(buf, n as u8);
        }
        Lower::Heap(chars[..n].iter().flat_map(|c| c.to_lowercase()).collect())
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
