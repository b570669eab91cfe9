//! Word-level diff of two short texts (a claim pair, an altered quote),
//! on interned word ids with `similar`, always under a deadline.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::words::{Token, fold, tokenize};

/// How long one word diff may take before `similar` falls back to a
/// coarser (still correct) script.
pub const DIFF_DEADLINE: Duration = Duration::from_millis(5);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of words with the same op; `text` is as written on its side
/// (the left side's for `equal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub op: Op,
    pub text: String,
}

/// Char ranges (relative to the text diffed) of words that differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Emphasis {
    pub left: Vec<(usize, usize)>,
    pub right: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordDiff {
    pub parts: Vec<DiffPart>,
    pub emphasis: Emphasis,
    /// Words (not punctuation) the two sides share in order.
    pub equal_words: usize,
    pub left_words: usize,
    pub right_words: usize,
}

impl WordDiff {
    /// Dice similarity of the word sequences: 2·shared / (left + right).
    pub fn similarity(&self) -> f32 {
        let total = self.left_words + self.right_words;
        if total == 0 {
            1.0
        } else {
            2.0 * self.equal_words as f32 / total as f32
        }
    }
}

/// Interns folded words so the diff compares integers.
#[derive(Default)]
struct Interner(HashMap<String, u32>);

impl Interner {
    fn ids(&mut self, tokens: &[Token]) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let key = fold_quote_marks(&fold(t.text));
                let next = self.0.len() as u32;
                *self.0.entry(key).or_insert(next)
            })
            .collect()
    }
}

/// Straight and curly quotes of either kind compare equal.
fn fold_quote_marks(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

/// Texts of up to this many tokens (both sides) take microseconds to diff;
/// they get [`SHORT_TEXT_DEADLINE`], a safety net so generous that a thread
/// descheduled on a busy machine never trips it (a tripped deadline would
/// make the emphasis vary from run to run).
pub const EXACT_TOKENS: usize = 400;
pub const SHORT_TEXT_DEADLINE: Duration = Duration::from_millis(250);

/// Diffs two texts word by word (Patience), always under a deadline:
/// [`DIFF_DEADLINE`] for long texts, [`SHORT_TEXT_DEADLINE`] for short ones.
pub fn word_diff(left: &str, right: &str) -> WordDiff {
    let (lt, rt) = (tokenize(left), tokenize(right));
    let mut interner = Interner::default();
    let (lids, rids) = (interner.ids(&lt), interner.ids(&rt));
    let budget = if lt.len() + rt.len() > EXACT_TOKENS {
        DIFF_DEADLINE
    } else {
        SHORT_TEXT_DEADLINE
    };
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &lids, &rids, Some(Instant::now() + budget));
    let mut diff = WordDiff {
        left_words: lt.iter().filter(|t| t.is_word).count(),
        right_words: rt.iter().filter(|t| t.is_word).count(),
        ..WordDiff::default()
    };
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => {
                diff.equal_words += lt[old.clone()].iter().filter(|t| t.is_word).count();
                push(&mut diff.parts, Op::Equal, left, &lt[old]);
            }
            DiffOp::Delete { .. } => delete(&mut diff, left, &lt[old]),
            DiffOp::Insert { .. } => insert(&mut diff, right, &rt[new]),
            DiffOp::Replace { .. } => {
                delete(&mut diff, left, &lt[old]);
                insert(&mut diff, right, &rt[new]);
            }
        }
    }
    diff
}

fn delete(diff: &mut WordDiff, text: &str, tokens: &[Token]) {
    diff.emphasis.left.extend(word_ranges(tokens));
    push(&mut diff.parts, Op::Delete, text, tokens);
}

fn insert(diff: &mut WordDiff, text: &str, tokens: &[Token]) {
    diff.emphasis.right.extend(word_ranges(tokens));
    push(&mut diff.parts, Op::Insert, text, tokens);
}

fn word_ranges<'a>(tokens: &'a [Token]) -> impl Iterator<Item = (usize, usize)> + 'a {
    tokens.iter().filter(|t| t.is_word).map(|t| (t.start, t.end))
}

/// Appends the tokens' source text (from the first token's start to the
/// last one's end, spacing as written), merging with a previous part of
/// the same op.
fn push(parts: &mut Vec<DiffPart>, op: Op, text: &str, tokens: &[Token]) {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return;
    };
    let start = byte_offset(text, first);
    let end = byte_offset(text, last) + last.text.len();
    let piece = &text[start..end];
    match parts.last_mut() {
        Some(prev) if prev.op == op => {
            prev.text.push(' ');
            prev.text.push_str(piece);
        }
        _ => parts.push(DiffPart {
            op,
            text: piece.to_owned(),
        }),
    }
}

/// The byte offset of a token inside the text it was cut from.
fn byte_offset(text: &str, token: &Token) -> usize {
    token.text.as_ptr() as usize - text.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(d: &WordDiff) -> Vec<(Op, &str)> {
        d.parts.iter().map(|p| (p.op, p.text.as_str())).collect()
    }

    #[test]
    fn identical_texts_are_one_equal_part() {
        let d = word_diff(
            "The plant will cost 410 million.",
            "The plant will cost 410 million.",
        );
        assert_eq!(ops(&d), [(Op::Equal, "The plant will cost 410 million.")]);
        assert_eq!(d.similarity(), 1.0);
        assert!(d.emphasis.left.is_empty() && d.emphasis.right.is_empty());
    }

    #[test]
    fn changed_words_are_marked_on_each_side() {
        let d = word_diff(
            "we will not sign a deal that drains the aquifer",
            "we will never sign a deal that drains our aquifer",
        );
        assert_eq!(
            ops(&d),
            [
                (Op::Equal, "we will"),
                (Op::Delete, "not"),
                (Op::Insert, "never"),
                (Op::Equal, "sign a deal that drains"),
                (Op::Delete, "the"),
                (Op::Insert, "our"),
                (Op::Equal, "aquifer"),
            ]
        );
        assert_eq!(d.emphasis.left, [(8, 11), (36, 39)]);
        assert_eq!(d.emphasis.right, [(8, 13), (38, 41)]);
        assert!((d.similarity() - 0.8).abs() < 1e-6);
    }

    #[test]
    fn case_and_quote_style_do_not_count_as_changes() {
        let d = word_diff("“Final and fair,” she said", "\"final and fair,\" She said");
        assert_eq!(d.parts.len(), 1);
        assert_eq!(d.parts[0].op, Op::Equal);
    }
}
