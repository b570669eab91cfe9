//! `compare`: two analysed articles in, one [`Comparison`] out.

use rayon::prelude::*;
use serde::Serialize;

use super::claims::{self, ClaimKind, ClaimOptions};
use super::diff::{DiffPart, Emphasis, word_diff};
use super::moved::moved_flags;
use super::quotes::{QuoteSide, SharedQuote, shared_quotes};
use crate::analysis::{Analysis, Sentence};
use crate::corpus::Article;

/// An article and its analysis: one side of a comparison.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub article: &'a Article,
    pub analysis: &'a Analysis,
}

/// A stretch of one body: text and char offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// How sure a claim pair is: strong pairs are shown as they are,
/// possible pairs dimmer (and hidden with `v` in compare).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Strong,
    Possible,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Strong => "strong",
            Tier::Possible => "possible",
        }
    }
}

/// Two sentences that assert the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub left: Span,
    pub right: Span,
    /// 0–1; see `claims::DEFAULT_THRESHOLD`.
    pub score: f32,
    pub tier: Tier,
    /// `same`, `partial` (one sentence holds the other's claim plus more)
    /// or `quote` (the same quotation).
    pub kind: ClaimKind,
    /// What ties the pair: `number:…`, `date:…`, `name:…`, `quote:N words`.
    pub anchors: Vec<String>,
    /// The pair stands in a different order on the two sides.
    pub moved: bool,
    pub diff: Vec<DiffPart>,
    /// Char ranges (relative to each sentence) of the words that differ.
    #[serde(skip)]
    pub emphasis: Emphasis,
    /// Sentence indices on each side.
    #[serde(skip)]
    pub sentences: (usize, usize),
}

/// Everything two articles share and what each reports alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Share of the sentences of both articles that are in a claim pair, 0–1.
    pub overlap: f32,
    pub shared_quotes: Vec<SharedQuote>,
    /// Claim pairs, strongest first.
    pub claims: Vec<Claim>,
    pub unique_left: Vec<Span>,
    pub unique_right: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    pub claims: ClaimOptions,
    /// Two quotes at least this similar (word Dice) are the same quote,
    /// altered.
    pub altered_min_similarity: f32,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            claims: ClaimOptions::default(),
            altered_min_similarity: super::quotes::ALTERED_MIN_SIMILARITY,
        }
    }
}

/// The text of each sentence, cut from the body in one pass.
pub fn sentence_texts<'a>(body: &'a str, sentences: &[Sentence]) -> Vec<&'a str> {
    let mut chars = body.char_indices().enumerate().peekable();
    let mut byte_at = |char_pos: usize| -> usize {
        while let Some(&(i, (b, _))) = chars.peek() {
            if i >= char_pos {
                return b;
            }
            chars.next();
        }
        body.len()
    };
    // Sentences are sorted and do not overlap; cut each at its offsets.
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let (start, end) = (byte_at(s.start()), byte_at(s.end()));
        out.push(body.get(start..end).unwrap_or(""));
    }
    out
}

/// A shared quote of fewer words stands as an item only inside a claim
/// pair.
pub const MIN_QUOTE_WORDS_ALONE: usize = 4;

/// Compares two analysed articles.
pub fn compare(left: Doc, right: Doc, options: &CompareOptions) -> Comparison {
    let ltexts = sentence_texts(&left.article.body, &left.analysis.sentences);
    let rtexts = sentence_texts(&right.article.body, &right.analysis.sentences);
    // Every sentence is searched, however long the article: the candidate
    // index bounds the work (see `claims::MAX_TERM_SENTENCES`). Claims and
    // shared quotes are independent: found side by side.
    let quote_sides = (
        QuoteSide {
            body: &left.article.body,
            quotes: &left.analysis.quotes,
        },
        QuoteSide {
            body: &right.article.body,
            quotes: &right.analysis.quotes,
        },
    );
    let (pairs, mut shared_quotes) = rayon::join(
        || claims::align(&ltexts, &rtexts, options.claims),
        || shared_quotes(&quote_sides.0, &quote_sides.1, options.altered_min_similarity),
    );
    let moved = moved_flags(&pairs.iter().map(|p| (p.left, p.right)).collect::<Vec<_>>());
    let span = |texts: &[&str], sentences: &[Sentence], i: usize| Span {
        text: texts[i].to_owned(),
        start: sentences[i].start(),
        end: sentences[i].end(),
    };
    let mut claims: Vec<Claim> = pairs
        .par_iter()
        .zip(moved)
        .map(|(p, moved)| {
            let diff = word_diff(ltexts[p.left], rtexts[p.right]);
            Claim {
                left: span(&ltexts, &left.analysis.sentences, p.left),
                right: span(&rtexts, &right.analysis.sentences, p.right),
                score: p.score,
                tier: if p.score >= options.claims.threshold {
                    Tier::Strong
                } else {
                    Tier::Possible
                },
                kind: p.kind,
                anchors: p.anchors.clone(),
                moved,
                diff: diff.parts,
                emphasis: diff.emphasis,
                sentences: (p.left, p.right),
            }
        })
        .collect();
    claims.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.left.start.cmp(&b.left.start)));

    // A shared quote inside a claim pair belongs to that pair (one item on
    // screen); a short one (a phrase such as "witch hunt") counts only
    // there: alone it says nothing about the sentences around it.
    let sentence_at = |sentences: &[Sentence], at: usize| sentences.partition_point(|x| x.end() <= at);
    shared_quotes.retain_mut(|q| {
        let at = (
            sentence_at(&left.analysis.sentences, q.left_start),
            sentence_at(&right.analysis.sentences, q.right_start),
        );
        q.claim = claims.iter().position(|c| c.sentences == at);
        q.claim.is_some()
            || q.left_text
                .split_whitespace()
                .count()
                .min(q.right_text.split_whitespace().count())
                >= MIN_QUOTE_WORDS_ALONE
    });
    // A pair that carries a shared quotation of three words or more is a
    // quote pair, whatever its wording around it (the quote marks may
    // open in an earlier sentence, or be missing on one side).
    for q in &shared_quotes {
        if let Some(i) = q.claim
            && q.left_text
                .split_whitespace()
                .count()
                .min(q.right_text.split_whitespace().count())
                >= 3
        {
            claims[i].kind = ClaimKind::Quote;
        }
    }
    let unique = |texts: &[&str], sentences: &[Sentence], paired: &[usize], quoted: &[(usize, usize)]| {
        let mut taken = vec![false; sentences.len()];
        paired.iter().for_each(|&i| taken[i] = true);
        for &(s, e) in quoted {
            // Sentences are sorted and disjoint: mark those overlapping [s, e).
            let first = sentences.partition_point(|x| x.end() <= s);
            for (i, x) in sentences.iter().enumerate().skip(first) {
                if x.start() >= e {
                    break;
                }
                taken[i] = true;
            }
        }
        (0..sentences.len())
            .filter(|&i| !taken[i])
            .map(|i| span(texts, sentences, i))
            .collect::<Vec<_>>()
    };
    let paired_l: Vec<usize> = pairs.iter().map(|p| p.left).collect();
    let paired_r: Vec<usize> = pairs.iter().map(|p| p.right).collect();
    let quoted_l: Vec<(usize, usize)> = shared_quotes.iter().map(|q| (q.left_start, q.left_end)).collect();
    let quoted_r: Vec<(usize, usize)> = shared_quotes
        .iter()
        .map(|q| (q.right_start, q.right_end))
        .collect();
    let total = ltexts.len() + rtexts.len();
    Comparison {
        overlap: if total == 0 {
            0.0
        } else {
            (2 * pairs.len()) as f32 / total as f32
        },
        unique_left: unique(&ltexts, &left.analysis.sentences, &paired_l, &quoted_l),
        unique_right: unique(&rtexts, &right.analysis.sentences, &paired_r, &quoted_r),
        shared_quotes,
        claims,
    }
}
