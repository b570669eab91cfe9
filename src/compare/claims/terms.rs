//! A sentence as a sorted set of interned content terms, the ordered
//! pairs of adjacent content terms (bigrams), and the quoted phrases it
//! holds.

use std::collections::HashMap;

use super::super::words::{self, WEIGHT_NAME, WEIGHT_NUMBER, WEIGHT_STOP, content_terms};

/// What a term is: it decides how much a shared term weighs and whether
/// it is an anchor (a name, a number, a date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Word,
    Name,
    Number,
    Date,
    /// The first five letters of a longer word: meets other forms and
    /// nominalisations the stemmer leaves apart (declare, declaration).
    Prefix,
}

#[derive(Debug, Clone, Default)]
pub struct TermSet {
    /// Content term ids, sorted, each once.
    pub terms: Vec<u32>,
    /// Adjacent content terms in reading order, as `a << 32 | b`, sorted.
    pub bigrams: Vec<u64>,
    /// Quoted phrases of two words or more (folded words).
    pub quotes: Vec<Vec<String>>,
    pub longest_quote: usize,
    /// The terms of each clause (split at `, ; :` and dashes), sorted.
    pub clauses: Vec<Vec<u32>>,
    /// Prefix terms of the longer words, sorted, each once.
    pub prefixes: Vec<u32>,
}

/// Clause boundaries: punctuation followed by a space, and dashes.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', ':', '\u{2014}', '\u{2013}', '\u{2015}'])
        .flat_map(|piece| piece.split(" -- "))
        .filter(|piece| !piece.trim().is_empty())
}

impl TermKind {
    fn rank(self) -> u8 {
        match self {
            TermKind::Word | TermKind::Prefix => 0,
            TermKind::Name => 1,
            TermKind::Date => 2,
            TermKind::Number => 3,
        }
    }
}

/// Interned terms with their kind and the first spelling seen.
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    pub kinds: Vec<TermKind>,
    pub keys: Vec<String>,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// A term's kind does not depend on which side was read first (the
    /// score must read the same from either side): the strongest kind
    /// seen wins.
    fn intern(&mut self, key: &str, kind: TermKind) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            let i = id as usize;
            if kind.rank() > self.kinds[i].rank() {
                self.kinds[i] = kind;
            }
            return id;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key.to_owned(), id);
        self.keys.push(key.to_owned());
        self.kinds.push(kind);
        id
    }

    pub fn set(&mut self, text: &str) -> TermSet {
        let mut order = Vec::new();
        let mut clause_terms = Vec::new();
        let mut prefixes = Vec::new();
        for clause in clauses(text) {
            let first = order.len();
            self.clause(clause, &mut order, &mut prefixes);
            let mut c: Vec<u32> = order[first..].to_vec();
            c.sort_unstable();
            c.dedup();
            if !c.is_empty() {
                clause_terms.push(c);
            }
        }
        prefixes.sort_unstable();
        prefixes.dedup();
        let bigrams = {
            let mut b: Vec<u64> = order
                .windows(2)
                .filter(|w| w[0] != w[1])
                .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                .collect();
            b.sort_unstable();
            b.dedup();
            b
        };
        let mut terms = order;
        terms.sort_unstable();
        terms.dedup();
        let quotes = quoted_phrases(text);
        let longest_quote = quotes.iter().map(Vec::len).max().unwrap_or(0);
        TermSet {
            terms,
            bigrams,
            quotes,
            longest_quote,
            clauses: if clause_terms.len() > 1 {
                clause_terms
            } else {
                Vec::new()
            },
            prefixes,
        }
    }

    fn clause(&mut self, text: &str, order: &mut Vec<u32>, prefixes: &mut Vec<u32>) {
        let mut prefix = String::with_capacity(8);
        for term in content_terms(text) {
            if term.weight <= WEIGHT_STOP {
                continue;
            }
            // Weekdays are function words (see `words`); months and years
            // are dates.
            let kind = if crate::corpus::month_number(&term.key).is_some()
                || term.key.len() == 4
                    && term.key.starts_with("20")
                    && term.key.bytes().all(|b| b.is_ascii_digit())
            {
                TermKind::Date
            } else if term.weight >= WEIGHT_NUMBER {
                TermKind::Number
            } else if term.weight >= WEIGHT_NAME {
                TermKind::Name
            } else {
                TermKind::Word
            };
            if kind == TermKind::Word && term.key.len() >= 6 && term.key.is_ascii() {
                prefix.clear();
                prefix.push('~');
                prefix.push_str(&term.key[..5]);
                prefixes.push(self.intern(&prefix, TermKind::Prefix));
            }
            order.push(self.intern(&term.key, kind));
        }
    }
}

/// Quoted phrases of at least two words inside a sentence, folded.
pub fn quoted_phrases(text: &str) -> Vec<Vec<String>> {
    let mut phrases = Vec::new();
    let mut open: Option<usize> = None;
    let tokens = words::tokenize(text);
    for (i, t) in tokens.iter().enumerate() {
        let opens =
            matches!(t.text, "\u{201C}" | "\u{00AB}" | "\u{201E}") || (t.text == "\"" && open.is_none());
        let closes = matches!(t.text, "\u{201D}" | "\u{00BB}") || (t.text == "\"" && open.is_some());
        if closes && let Some(start) = open.take() {
            let words: Vec<String> = tokens[start..i]
                .iter()
                .filter(|t| t.is_word)
                .map(|t| words::fold(t.text))
                .collect();
            if words.len() >= 2 {
                phrases.push(words);
            }
        } else if opens {
            open = Some(i + 1);
        }
    }
    phrases
}

/// The length in words of the longest quoted phrase of one sentence that
/// stands inside a quoted phrase of the other.
pub fn shared_quote_words(a: &TermSet, b: &TermSet) -> usize {
    let within = |x: &[String], y: &[String]| y.windows(x.len()).any(|w| w == x);
    let mut best = 0;
    for qa in &a.quotes {
        for qb in &b.quotes {
            if within(qa, qb) || within(qb, qa) {
                best = best.max(qa.len().min(qb.len()));
            }
        }
    }
    best
}
