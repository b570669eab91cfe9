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
    /// A term of an identity description ("who chairs the forum"): it
    /// meets only the same term in another such description, weighs
    /// little, and is no anchor.
    Identity,
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

/// The first char of the key of a term found in an identity description.
pub const IDENTITY: char = '@';

/// Verbs whose past participle followed by "by" opens a description of
/// who leads or owns something ("the forum, chaired by J. R. Hale, ...").
const DESCRIBED_BY: &[&str] = &[
    "chaired",
    "led",
    "headed",
    "run",
    "founded",
    "owned",
    "directed",
    "managed",
    "co-chaired",
];

/// A clause that says who or what someone is rather than what the
/// sentence claims: a relative clause on a name ("J. R. Hale, who chairs
/// the forum, said ...") or a description by its leader ("the forum,
/// chaired by J. R. Hale, has called ...").
fn identity_clause(clause: &str) -> bool {
    let mut w = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    let first = w.next().unwrap_or("").to_lowercase();
    let second = w.next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "who" | "whose") || second == "by" && DESCRIBED_BY.contains(&first.as_str())
}

/// A lone letter ("R." of "J. R. Hale") is part of a name, not a term of
/// its own: a name with initials is one shared term, not three.
fn initial(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

impl TermKind {
    fn rank(self) -> u8 {
        match self {
            TermKind::Word | TermKind::Prefix | TermKind::Identity => 0,
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
        let mut described = Vec::new();
        // A clause stops at the next clause; one before an identity
        // description ("J. R. Hale, who chairs the forum, said ...") runs
        // on past it: the name is the subject of what follows.
        let mut first = 0;
        let mut pieces = clauses(text).peekable();
        while let Some(clause) = pieces.next() {
            if identity_clause(clause) {
                self.identity(clause, &mut described);
                continue;
            }
            self.clause(clause, &mut order, &mut prefixes);
            if pieces.peek().is_some_and(|next| identity_clause(next)) {
                continue;
            }
            let mut c: Vec<u32> = order[first..].to_vec();
            c.sort_unstable();
            c.dedup();
            if !c.is_empty() {
                clause_terms.push(c);
            }
            first = order.len();
        }
        if first < order.len() {
            let mut c: Vec<u32> = order[first..].to_vec();
            c.sort_unstable();
            c.dedup();
            clause_terms.push(c);
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
        terms.append(&mut described);
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

    /// The terms of an identity description, as terms of their own.
    fn identity(&mut self, text: &str, out: &mut Vec<u32>) {
        let mut key = String::with_capacity(16);
        for term in content_terms(text)
            .iter()
            .filter(|t| t.weight > WEIGHT_STOP && !initial(&t.key))
        {
            key.clear();
            key.push(IDENTITY);
            key.push_str(&term.key);
            out.push(self.intern(&key, TermKind::Identity));
        }
    }

    fn clause(&mut self, text: &str, order: &mut Vec<u32>, prefixes: &mut Vec<u32>) {
        let mut prefix = String::with_capacity(8);
        for term in content_terms(text) {
            if term.weight <= WEIGHT_STOP || initial(&term.key) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_descriptions_are_told_apart() {
        assert!(identity_clause(" who chairs the Rail Users' Forum"));
        assert!(identity_clause(" chaired by J. R. Hale"));
        assert!(identity_clause(" whose brother runs the port"));
        assert!(!identity_clause(" said the strike was hitting hardest"));
        assert!(!identity_clause(" the union chaired the talks by video"));
    }

    #[test]
    fn identity_terms_meet_only_identity_terms() {
        let mut v = Vocabulary::default();
        let a = v.set("J. R. Hale, who chairs the forum, said fares rose.");
        let b = v.set("The forum, chaired by J. R. Hale, called for arbitration.");
        let shared: Vec<&str> = a
            .terms
            .iter()
            .filter(|id| b.terms.contains(id))
            .map(|&id| v.keys[id as usize].as_str())
            .collect();
        // Hale and the forum are each the subject on one side and in a
        // description on the other: only the description's verb meets.
        assert_eq!(shared, ["@chair"]);
        assert!(
            !a.terms.iter().any(|&id| v.keys[id as usize] == "r"),
            "initials are no terms"
        );
        // The name and what follows the description are one clause.
        assert_eq!(a.clauses.len(), 0, "one clause left: {:?}", a.clauses);
    }
}
