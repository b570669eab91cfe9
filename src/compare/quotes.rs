//! Shared quotes: the same quoted words in both articles, exactly or
//! altered, or quoted on one side and present without quote marks on the
//! other. Flags quotes the two sides attribute to different people or
//! introduce with different cue verbs.

use std::collections::HashMap;

use serde::Serialize;

use super::diff::{DiffPart, word_diff};
use super::words::{fold, is_stop_word, stem, tokenize};
use crate::analysis::{Quote, QuoteKind};

/// An altered quote agrees on at least this share of its words (the
/// default; `CompareOptions::altered_min_similarity` sets it).
pub const ALTERED_MIN_SIMILARITY: f32 = 0.8;
/// Shorter quotes are matched only when identical (or contained).
pub const MIN_WORDS_EXACT: usize = 2;
/// Quotes of fewer words are not searched for as altered or unquoted.
pub const MIN_WORDS_FUZZY: usize = 5;
/// A word in more quotes than this on either side finds no candidates (an
/// article quoting the same words over and over stays linear); identical
/// quotes still meet the repeats of about the same rank on the other side.
pub const MAX_WORD_QUOTES: usize = 64;
const REPEAT_BAND: usize = 4;
/// How many places of its rarest word an unquoted search tries.
const MAX_ANCHOR_TRIES: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SharedKind {
    /// The same words (one quote may contain the other).
    Exact,
    /// Most words agree, a few differ: the diff says which.
    Altered,
    /// Quoted on one side, present without quote marks on the other.
    QuotedInOne,
}

/// A quote in one article with its counterpart in the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedQuote {
    pub left_text: String,
    pub right_text: String,
    pub kind: SharedKind,
    /// Word-level Dice similarity of the two texts, 0–1.
    pub similarity: f32,
    pub left_speaker: Option<String>,
    pub right_speaker: Option<String>,
    /// The cue verbs that introduce the quote on each side.
    pub left_cue: Option<String>,
    pub right_cue: Option<String>,
    pub speakers_differ: bool,
    pub cues_differ: bool,
    pub left_start: usize,
    pub left_end: usize,
    pub right_start: usize,
    pub right_end: usize,
    pub diff: Vec<DiffPart>,
    /// Which side holds the quote marks for `quoted_in_one` (the other side
    /// has the words unquoted); `None` for quotes on both sides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_on: Option<super::side::Side>,
    /// The index in `claims` of the claim pair whose sentences hold this
    /// quote, if any.
    pub claim: Option<usize>,
}

/// One side's input: the body, its quotes, and the body's folded words.
pub struct QuoteSide<'a> {
    pub body: &'a str,
    pub quotes: &'a [Quote],
}

fn words_of(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.is_word)
        .map(|t| fold(t.text))
        .collect()
}

fn matchable(q: &Quote) -> bool {
    q.kind != QuoteKind::Indirect
}

fn sorted_set(words: &[String]) -> Vec<&str> {
    let mut set: Vec<&str> = words.iter().map(String::as_str).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Dice overlap of two sorted word sets: a cheap bound before a diff.
fn set_dice(a: &[&str], b: &[&str]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if a.is_empty() && b.is_empty() {
        1.0
    } else {
        2.0 * shared as f32 / (a.len() + b.len()) as f32
    }
}

/// True when `needle` stands contiguously in `hay`.
fn contains(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn cue(q: &Quote) -> Option<String> {
    q.attribution
        .as_ref()
        .and_then(|a| a.cue.as_deref())
        .map(str::to_owned)
}

/// The speaker's name as resolved, else as written.
fn speaker(q: &Quote) -> Option<String> {
    q.attribution
        .as_ref()
        .map(|a| a.name.as_deref().unwrap_or(&a.speaker).to_owned())
}

/// Two names for different people: neither name's words contain the
/// other's ("Marrow" and "Ilse Marrow" are one person).
pub fn names_differ(a: &str, b: &str) -> bool {
    let (wa, wb) = (words_of(a), words_of(b));
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    !(subset(&wa, &wb) || subset(&wb, &wa))
}

fn cue_lemma(cue: &str) -> String {
    let first = cue.split_whitespace().next().unwrap_or(cue);
    match fold(first).as_str() {
        "said" | "says" | "say" | "saying" => "say".into(),
        "told" | "tells" | "tell" => "tell".into(),
        "wrote" | "writes" | "written" => "write".into(),
        other => stem(other),
    }
}

fn flags(l: &Quote, r: &Quote) -> (bool, bool) {
    let (la, ra) = (l.attribution.as_ref(), r.attribution.as_ref());
    let speakers = match (la, ra) {
        (Some(a), Some(b)) => {
            let (na, nb) = (
                a.name.as_deref().unwrap_or(&a.speaker),
                b.name.as_deref().unwrap_or(&b.speaker),
            );
            names_differ(na, nb)
        }
        _ => false,
    };
    let cues = match (
        la.and_then(|a| a.cue.as_deref()),
        ra.and_then(|b| b.cue.as_deref()),
    ) {
        (Some(a), Some(b)) => cue_lemma(a) != cue_lemma(b),
        _ => false,
    };
    (speakers, cues)
}

struct Candidate {
    left: usize,
    right: usize,
    kind: SharedKind,
    similarity: f32,
}

/// For each word, how many (matchable) quotes hold it.
fn quote_counts<'a>(words: &'a [Vec<String>], quotes: &[Quote]) -> HashMap<&'a str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (words, q) in words.iter().zip(quotes) {
        if matchable(q) {
            sorted_set(words)
                .into_iter()
                .for_each(|w| *counts.entry(w).or_default() += 1);
        }
    }
    counts
}

/// Finds the shared quotes of two articles, one to one, in left order.
pub fn shared_quotes(left: &QuoteSide, right: &QuoteSide, altered_min: f32) -> Vec<SharedQuote> {
    let lwords: Vec<Vec<String>> = left.quotes.iter().map(|q| words_of(q.text(left.body))).collect();
    let rwords: Vec<Vec<String>> = right
        .quotes
        .iter()
        .map(|q| words_of(q.text(right.body)))
        .collect();
    let mut candidates = Vec::new();
    let (ldf, rdf) = (
        quote_counts(&lwords, left.quotes),
        quote_counts(&rwords, right.quotes),
    );
    let common = |w: &str| ldf.get(w).max(rdf.get(w)).is_some_and(|&n| n > MAX_WORD_QUOTES);
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (r, words) in rwords.iter().enumerate() {
        if matchable(&right.quotes[r]) {
            for w in words.iter().filter(|w| !is_stop_word(w) && !common(w)) {
                by_word.entry(w.as_str()).or_default().push(r);
            }
        }
    }
    let mut right_same: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (r, words) in rwords.iter().enumerate() {
        if matchable(&right.quotes[r]) && words.len() >= MIN_WORDS_EXACT {
            right_same.entry(words.as_slice()).or_default().push(r);
        }
    }
    let mut left_rank: HashMap<&[String], usize> = HashMap::new();
    let word_sets: Vec<Vec<&str>> = rwords.iter().map(|w| sorted_set(w)).collect();
    for (l, lw) in lwords.iter().enumerate() {
        if !matchable(&left.quotes[l]) || lw.len() < MIN_WORDS_EXACT {
            continue;
        }
        let mut seen: Vec<usize> = lw
            .iter()
            .filter_map(|w| by_word.get(w.as_str()))
            .flatten()
            .copied()
            .collect();
        // Identical quotes made only of common words are found by rank.
        if let Some(same) = right_same.get(lw.as_slice()) {
            let rank = left_rank.entry(lw.as_slice()).or_insert(0);
            let lo = rank.saturating_sub(REPEAT_BAND);
            seen.extend(same.iter().skip(lo).take(*rank + REPEAT_BAND + 1 - lo));
            *rank += 1;
        }
        seen.sort_unstable();
        seen.dedup();
        let lset = sorted_set(lw);
        for r in seen {
            let rw = &rwords[r];
            if rw.len() < MIN_WORDS_EXACT {
                continue;
            }
            if lw == rw || contains(rw, lw) || contains(lw, rw) {
                let similarity =
                    word_diff(left.quotes[l].text(left.body), right.quotes[r].text(right.body)).similarity();
                candidates.push(Candidate {
                    left: l,
                    right: r,
                    kind: SharedKind::Exact,
                    similarity,
                });
            } else if lw.len().min(rw.len()) >= MIN_WORDS_FUZZY
                && set_dice(&lset, &word_sets[r]) >= altered_min - 0.1
            {
                let similarity =
                    word_diff(left.quotes[l].text(left.body), right.quotes[r].text(right.body)).similarity();
                if similarity >= altered_min {
                    candidates.push(Candidate {
                        left: l,
                        right: r,
                        kind: SharedKind::Altered,
                        similarity,
                    });
                }
            }
        }
    }
    // Exact before altered, then most similar; ties by position, read the
    // same from either side.
    candidates.sort_by(|a, b| {
        (a.kind as u8)
            .cmp(&(b.kind as u8))
            .then(b.similarity.total_cmp(&a.similarity))
            .then((a.left + a.right).cmp(&(b.left + b.right)))
            .then(a.left.cmp(&b.left))
    });
    let (mut used_l, mut used_r) = (vec![false; lwords.len()], vec![false; rwords.len()]);
    let mut shared = Vec::new();
    for c in candidates {
        if used_l[c.left] || used_r[c.right] {
            continue;
        }
        used_l[c.left] = true;
        used_r[c.right] = true;
        let (lq, rq) = (&left.quotes[c.left], &right.quotes[c.right]);
        let (speakers_differ, cues_differ) = flags(lq, rq);
        shared.push(SharedQuote {
            left_text: lq.text(left.body).to_owned(),
            right_text: rq.text(right.body).to_owned(),
            kind: c.kind,
            similarity: c.similarity,
            left_speaker: speaker(lq),
            right_speaker: speaker(rq),
            left_cue: cue(lq),
            right_cue: cue(rq),
            speakers_differ,
            cues_differ,
            left_start: lq.start,
            left_end: lq.end,
            right_start: rq.start,
            right_end: rq.end,
            diff: if c.kind == SharedKind::Altered {
                word_diff(lq.text(left.body), rq.text(right.body)).parts
            } else {
                Vec::new()
            },
            quoted_on: None,
            claim: None,
        });
    }
    shared.extend(quoted_in_one(
        left,
        right,
        &lwords,
        &used_l,
        super::side::Side::Left,
    ));
    shared.extend(quoted_in_one(
        right,
        left,
        &rwords,
        &used_r,
        super::side::Side::Right,
    ));
    shared.sort_by_key(|s| (s.left_start, s.right_start));
    shared
}

/// Quotes of `quoted` with no counterpart that stand unquoted in `plain`.
fn quoted_in_one(
    quoted: &QuoteSide,
    plain: &QuoteSide,
    words: &[Vec<String>],
    used: &[bool],
    side: super::side::Side,
) -> Vec<SharedQuote> {
    let eligible = |i: usize| !used[i] && matchable(&quoted.quotes[i]) && words[i].len() >= MIN_WORDS_FUZZY;
    if !(0..words.len()).any(eligible) {
        // Nothing to search for: do not tokenize the other body.
        return Vec::new();
    }
    let body_tokens: Vec<_> = tokenize(plain.body).into_iter().filter(|t| t.is_word).collect();
    let body_words: Vec<String> = body_tokens.iter().map(|t| fold(t.text)).collect();
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in body_words.iter().enumerate() {
        places.entry(w.as_str()).or_default().push(i);
    }
    // The first place `w` stands in the body: tried at the places of its
    // rarest word, in order, a bounded number of times.
    let find = |w: &[String]| {
        let (k, at) = w
            .iter()
            .enumerate()
            .map(|(k, word)| (k, places.get(word.as_str())))
            .min_by_key(|(_, at)| at.map_or(0, |v| v.len()))?;
        at?.iter()
            .take(MAX_ANCHOR_TRIES)
            .filter_map(|&p| p.checked_sub(k))
            .find(|&s| body_words.get(s..s + w.len()) == Some(w))
    };
    let inside_quote = |start: usize| {
        plain
            .quotes
            .iter()
            .any(|q| matchable(q) && q.start <= start && start < q.end)
    };
    let mut found = Vec::new();
    for (i, q) in quoted.quotes.iter().enumerate() {
        let w = &words[i];
        if !eligible(i) {
            continue;
        }
        let Some(at) = find(w) else {
            continue;
        };
        let (start, end) = (body_tokens[at].start, body_tokens[at + w.len() - 1].end);
        if inside_quote(start) {
            continue;
        }
        let text: String = plain.body.chars().skip(start).take(end - start).collect();
        let quoted_part = (q.text(quoted.body).to_owned(), speaker(q), cue(q), q.start, q.end);
        let plain_part = (text, None, None, start, end);
        let (left, right) = match side {
            super::side::Side::Left => (quoted_part, plain_part),
            super::side::Side::Right => (plain_part, quoted_part),
        };
        found.push(SharedQuote {
            left_text: left.0,
            right_text: right.0,
            kind: SharedKind::QuotedInOne,
            similarity: 1.0,
            left_speaker: left.1,
            right_speaker: right.1,
            left_cue: left.2,
            right_cue: right.2,
            speakers_differ: false,
            cues_differ: false,
            left_start: left.3,
            left_end: left.4,
            right_start: right.3,
            right_end: right.4,
            diff: Vec::new(),
            quoted_on: Some(side),
            claim: None,
        });
    }
    found
}
