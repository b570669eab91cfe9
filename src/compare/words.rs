//! Words for matching: a tokenizer with char offsets, case and quote
//! folding, a light stemmer, stop words and entity spellings folded
//! together (U.S. / US / United States).

use std::collections::HashSet;
use std::sync::LazyLock;

/// A word or punctuation mark, with char offsets into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '.' | ',')
}

/// Splits text into words and single punctuation marks. A word keeps an
/// inner apostrophe, hyphen, dot or comma when a letter or digit follows
/// (don't, de-escalate, U.S., 3.5, 60,000); a comma only between digits.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        let (byte, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end_byte = chars.get(i + 1).map_or(text.len(), |&(b, _)| b);
            tokens.push(Token {
                text: &text[byte..end_byte],
                start: i,
                end: i + 1,
                is_word: false,
            });
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_alphanumeric() {
                i += 1;
            } else if is_joiner(c) && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric()) {
                let digits_around = chars[i - 1].1.is_ascii_digit() && chars[i + 1].1.is_ascii_digit();
                if c == ',' && !digits_around {
                    break;
                }
                i += 1;
            } else if c == '.' && is_abbreviation_dot(&chars, start, i) {
                i += 1;
                break;
            } else {
                break;
            }
        }
        let end_byte = chars.get(i).map_or(text.len(), |&(b, _)| b);
        tokens.push(Token {
            text: &text[byte..end_byte],
            start,
            end: i,
            is_word: true,
        });
    }
    tokens
}

/// The final dot of `U.S.` or `U.N.` belongs to the word.
fn is_abbreviation_dot(chars: &[(usize, char)], start: usize, dot: usize) -> bool {
    let word: Vec<char> = chars[start..dot].iter().map(|&(_, c)| c).collect();
    word.len() >= 3
        && word
            .iter()
            .enumerate()
            .all(|(k, &c)| if k % 2 == 1 { c == '.' } else { c.is_uppercase() })
}

/// The folded form of a word: lower case, curly apostrophes straightened,
/// possessive `'s` and abbreviation dots removed, hyphens and thousands
/// separators dropped.
pub fn fold(word: &str) -> String {
    let mut s: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .filter(|&c| !matches!(c, '.' | '-' | '\u{2010}' | ','))
        .collect();
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    } else if s.ends_with('\'') {
        s.pop();
    }
    s
}

/// A light suffix-stripping stemmer: consistent, not linguistic. Related
/// forms meet (vote, votes, voted, voting → vot).
pub fn stem(folded: &str) -> String {
    let mut s = folded.to_owned();
    if s.len() <= 3 || !s.is_ascii() || s.bytes().any(|b| b.is_ascii_digit()) {
        return s;
    }
    if s.ends_with("ies") && s.len() > 4 {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if s.ends_with("sses") {
        s.truncate(s.len() - 2);
    } else if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
    }
    for suffix in ["ing", "ed", "ly"] {
        if s.ends_with(suffix) && s.len() >= suffix.len() + 3 {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
    if s.ends_with('e') && s.len() > 3 {
        s.pop();
    }
    // Undouble a final consonant left by -ing/-ed (stopped → stopp → stop).
    let b = s.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b'l' | b's' | b'z') {
        s.pop();
    }
    s
}

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "mrs",
    "ms",
    "dr",
    "s",
    "t",
    "'s",
    "n't",
    "don't",
    "didn't",
    "won't",
    "isn't",
    "wasn't",
    "there's",
    "it's",
    "he's",
    "she's",
    "they're",
    "we're",
    "i'm",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

static STOP_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

pub fn is_stop_word(folded: &str) -> bool {
    STOP_SET.contains(folded)
}

/// Multi-word spellings folded to one key, checked before single words.
const PHRASES: &[(&[&str], &str)] = &[
    (&["united", "states"], "us"),
    (&["united", "nations"], "un"),
    (&["united", "kingdom"], "uk"),
    (&["european", "union"], "eu"),
    (&["per", "cent"], "percent"),
    (&["step", "down"], "leave"),
    (&["stepped", "down"], "leave"),
    (&["steps", "down"], "leave"),
    (&["step", "aside"], "leave"),
    (&["stepped", "aside"], "leave"),
];

/// Single-word spellings folded to one key: entity spellings, irregular
/// verb forms the stemmer cannot reach, and a few near-synonyms news
/// writers swap for each other.
fn alias(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "usa" | "america" => "us",
        "britain" => "uk",
        "%" | "pct" => "percent",
        "rose" | "risen" | "rise" | "rises" | "rising" | "increase" | "increased" | "increases"
        | "climbed" | "climb" | "climbs" | "jumped" | "gained" => "rise",
        "fell" | "fallen" | "fall" | "falls" | "falling" | "dropped" | "drop" | "drops" | "declined"
        | "decline" | "declines" | "decreased" | "decrease" | "slipped" => "fall",
        "bought" | "buy" | "buys" | "buying" | "purchase" | "purchased" | "acquire" | "acquired" => "buy",
        "sold" | "sell" | "sells" | "selling" => "sell",
        "paid" | "pay" | "pays" | "paying" => "pay",
        "won" | "win" | "wins" | "winning" => "win",
        "lost" | "lose" | "loses" | "losing" => "lose",
        "began" | "begun" | "begin" | "begins" | "started" | "start" | "starts" => "start",
        "chose" | "chosen" | "choose" | "chooses" => "choose",
        "held" | "hold" | "holds" => "hold",
        "left" | "leave" | "leaves" => "leave",
        "made" | "make" | "makes" | "making" => "make",
        "took" | "taken" | "take" | "takes" | "taking" => "take",
        "gave" | "given" | "give" | "gives" | "giving" => "give",
        "went" | "gone" | "go" | "goes" => "go",
        "met" | "meet" | "meets" => "meet",
        "killed" | "kill" | "kills" | "dead" | "died" | "die" | "dies" => "kill",
        "ceo" => "chief executive",
        "big" | "large" | "huge" => "large",
        // News paraphrase groups: words outlets swap for one another when
        // they report the same fact.
        "resign" | "resigned" | "resigns" | "resigning" | "resignation" | "quit" | "quits" | "quitting"
        | "retire" | "retired" | "retires" | "retiring" | "retirement" | "departure" | "depart" => "leave",
        "fired" | "fire" | "fires" | "firing" | "sacked" | "sack" | "dismissed" | "dismiss" | "ousted"
        | "oust" => "fire",
        "declared" | "declare" | "declares" | "declaring" | "declaration" | "invoke" | "invoked"
        | "invokes" | "invoking" => "declare",
        "texts" | "text" | "messages" | "message" | "tweets" | "tweet" | "tweeted" => "message",
        "blamed" | "blame" | "blames" | "criticized" | "criticised" | "criticize" | "criticise"
        | "criticism" | "slammed" | "slam" | "blasted" | "blast" | "denounced" | "denounce" => "criticise",
        _ => return None,
    })
}

/// A content term of a sentence: its key (stemmed, folded) and a weight
/// (numbers and capitalised names count more: they carry the claim).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub key: String,
    pub weight: u32,
}

/// Function words count a little: paraphrases keep them, but they never
/// make a pair on their own (see `claims::MIN_SHARED_TERMS`).
pub const WEIGHT_STOP: u32 = 1;
pub const WEIGHT_WORD: u32 = 2;
pub const WEIGHT_NAME: u32 = 3;
pub const WEIGHT_NUMBER: u32 = 4;

/// The terms of a text, in order, with repeats: content words, names,
/// numbers and (at [`WEIGHT_STOP`]) function words.
pub fn content_terms(text: &str) -> Vec<Term> {
    let tokens = tokenize(text);
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let mut terms = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((len, key)) = PHRASES.iter().find_map(|(words, key)| {
            let hit = words
                .iter()
                .enumerate()
                .all(|(k, w)| folded.get(i + k).is_some_and(|f| f == w));
            hit.then_some((words.len(), *key))
        }) {
            let weight = if key.len() <= 2 { WEIGHT_NAME } else { WEIGHT_WORD };
            terms.push(Term {
                key: key.to_owned(),
                weight,
            });
            i += len;
            continue;
        }
        let token = &tokens[i];
        let f = &folded[i];
        i += 1;
        if let Some(key) = alias(f) {
            let weight = if key.len() <= 2 { WEIGHT_NAME } else { WEIGHT_WORD };
            terms.push(Term {
                key: key.to_owned(),
                weight,
            });
            continue;
        }
        if !token.is_word || f.is_empty() {
            continue;
        }
        if is_stop_word(f) {
            terms.push(Term {
                key: f.clone(),
                weight: WEIGHT_STOP,
            });
            continue;
        }
        let weight = if f.bytes().any(|b| b.is_ascii_digit()) {
            WEIGHT_NUMBER
        } else if token.start > 0 && token.text.chars().next().is_some_and(char::is_uppercase) {
            WEIGHT_NAME
        } else {
            WEIGHT_WORD
        };
        terms.push(Term { key: stem(f), weight });
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_keep_inner_marks() {
        assert_eq!(
            words("The U.S. didn't de-escalate; 60,000 rose 3.5%."),
            [
                "The",
                "U.S.",
                "didn't",
                "de-escalate",
                ";",
                "60,000",
                "rose",
                "3.5",
                "%",
                "."
            ]
        );
        assert_eq!(words("end,\u{201D} he"), ["end", ",", "\u{201D}", "he"]);
    }

    #[test]
    fn token_offsets_are_chars() {
        let t = tokenize("“Né” ok");
        assert_eq!((t[1].text, t[1].start, t[1].end), ("Né", 1, 3));
        assert_eq!((t[3].start, t[3].end), (5, 7));
    }

    #[test]
    fn folding_and_stemming() {
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Israel’s"), "israel");
        assert_eq!(fold("allies'"), "allies");
        for w in ["vote", "votes", "voted", "voting"] {
            assert_eq!(stem(&fold(w)), "vot", "{w}");
        }
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("2023"), "2023");
    }

    #[test]
    fn stop_words() {
        assert!(is_stop_word("the") && is_stop_word("said") && is_stop_word("'s"));
        assert!(!is_stop_word("council"));
    }

    #[test]
    fn entity_spellings_meet() {
        let keys = |t: &str| content_terms(t).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys("the United States"), keys("the U.S."));
        assert_eq!(keys("the US"), ["the", "us"]);
        assert_eq!(keys("40 per cent"), keys("40%"));
        assert_eq!(
            keys("He said the plan failed"),
            ["he", "said", "the", "plan", "fail"]
        );
    }

    #[test]
    fn numbers_and_names_weigh_more() {
        let terms = content_terms("The council paid Saltline 410 million");
        let w: Vec<(&str, u32)> = terms.iter().map(|t| (t.key.as_str(), t.weight)).collect();
        assert_eq!(
            w,
            [
                ("the", 1),
                ("council", 2),
                ("pay", 2),
                ("saltlin", 3),
                ("410", 4),
                ("million", 2)
            ]
        );
    }
}
