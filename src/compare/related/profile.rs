//! Text → features for the related-article index: word 5-gram shingle
//! hashes and weighted content-word terms. Words are lowercased, split at
//! anything that is not a letter or digit (so quote characters and
//! punctuation fold away), and apostrophes inside a word are dropped
//! (`union's` and `union’s` are the same word).

use std::sync::OnceLock;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;

/// Terms whose occurrences are mostly capitalised (names, places,
/// organisations) weigh this much more: they tell stories of the same
/// type apart (two rehab stories, two different people).
const ENTITY_BOOST: f32 = 1.5;

/// What the index keeps of one text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Profile {
    /// Sorted, distinct shingle hashes.
    pub shingles: Vec<u32>,
    /// Sorted by hash, distinct: (term hash, weight before IDF).
    pub terms: Vec<(u32, f32)>,
}

/// Builds the profile of one text.
pub fn profile(text: &str) -> Profile {
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
    // (term hash << 1 | capitalised) per content-word occurrence.
    let mut occurrences: Vec<u64> = Vec::with_capacity(text.len() / 10);
    let stop = stop_words();
    each_word(text, |word| {
        words.push(word.hash);
        let content = word.chars >= 3 || word.digit;
        if content && stop.binary_search(&word.hash).is_err() {
            occurrences.push((word.hash >> 32) << 1 | u64::from(word.upper));
        }
    });
    Profile {
        shingles: shingles(&words),
        terms: terms(occurrences),
    }
}

fn shingles(words: &[u64]) -> Vec<u32> {
    let mut out: Vec<u32> = if words.len() < SHINGLE_WORDS {
        // A very short text is one shingle of all its words.
        (!words.is_empty()).then(|| combine(words)).into_iter().collect()
    } else {
        words.windows(SHINGLE_WORDS).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn combine(words: &[u64]) -> u32 {
    let h = words.iter().fold(0x9E37_79B9_7F4A_7C15_u64, |h, &w| {
        (h.rotate_left(23) ^ w).wrapping_mul(0x2545_F491_4F6C_DD1D)
    });
    (fmix(h) >> 32) as u32
}

fn terms(mut occurrences: Vec<u64>) -> Vec<(u32, f32)> {
    occurrences.sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < occurrences.len() {
        let hash = occurrences[i] >> 1;
        let run = occurrences[i..].partition_point(|&o| o >> 1 == hash);
        let upper = occurrences[i..i + run].iter().filter(|&&o| o & 1 == 1).count();
        let mut weight = 1.0 + (run as f32).ln();
        if 2 * upper > run {
            weight *= ENTITY_BOOST;
        }
        out.push((hash as u32, weight));
        i += run;
    }
    out
}

/// One word as the tokenizer saw it.
struct Word {
    hash: u64,
    chars: usize,
    upper: bool,
    digit: bool,
}

/// Calls `f` for every word of `text`, in order.
fn each_word(text: &str, mut f: impl FnMut(&Word)) {
    let mut word = Word {
        hash: FNV_OFFSET,
        chars: 0,
        upper: false,
        digit: false,
    };
    let mut emit = |word: &mut Word| {
        if word.chars > 0 {
            word.hash = fmix(word.hash);
            f(word);
        }
        *word = Word {
            hash: FNV_OFFSET,
            chars: 0,
            upper: false,
            digit: false,
        };
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if word.chars == 0 {
                word.upper = c.is_ascii_uppercase();
            }
            word.digit |= c.is_ascii_digit();
            word.hash = fnv(word.hash, c.to_ascii_lowercase());
            word.chars += 1;
        } else if c.is_ascii() {
            if c == '\'' && word.chars > 0 {
                continue;
            }
            emit(&mut word);
        } else if c.is_alphanumeric() {
            if word.chars == 0 {
                word.upper = c.is_uppercase();
            }
            word.digit |= c.is_numeric();
            for lower in c.to_lowercase() {
                word.hash = fnv(word.hash, lower);
            }
            word.chars += 1;
        } else if !(matches!(c, '\u{2019}' | '\u{02BC}') && word.chars > 0) {
            emit(&mut word);
        }
    }
    emit(&mut word);
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;

fn fnv(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x0100_0000_01B3)
}

/// MurmurHash3's 64-bit finaliser: spreads FNV's low-entropy high bits.
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Function words that carry no topic, as sorted word hashes. The document
/// frequency cap would drop them in a large corpus; the list keeps small
/// corpora (the demo, a folder of ten files) from ranking by "the" and "said".
fn stop_words() -> &'static [u64] {
    static STOP: OnceLock<Vec<u64>> = OnceLock::new();
    STOP.get_or_init(|| {
        let mut hashes = Vec::new();
        for list in STOP_WORDS {
            each_word(list, |w| hashes.push(w.hash));
        }
        hashes.sort_unstable();
        hashes.dedup();
        hashes
    })
}

const STOP_WORDS: &[&str] = &[
    "the and for are but not you all any can had her was one our out his has have him how its may new now old see two way who did get let say she too use",
    "that with this from they will would there their what about which when make like than then them these some could been were said says also into more only other over such after before while where just most very being those because should",
    "says told according year years week last first since still even much many well back made according people time between during against under including through across told reported percent",
    "monday tuesday wednesday thursday friday saturday sunday",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        each_word(text, |w| out.push(w.hash));
        out
    }

    #[test]
    fn case_quotes_and_apostrophes_fold() {
        assert_eq!(
            words("The union\u{2019}s \u{201C}final offer\u{201D}"),
            words("the unions \"FINAL offer\"")
        );
        assert_ne!(words("final offer"), words("offer final"));
    }

    #[test]
    fn shingles_are_word_five_grams() {
        let p = profile("one two three four five six");
        assert_eq!(p.shingles.len(), 2);
        assert_eq!(profile("one two").shingles.len(), 1);
        assert!(profile(" \u{201C}\u{201D} ").shingles.is_empty());
    }

    #[test]
    fn stop_words_are_not_terms_and_names_weigh_more() {
        let p = profile("The harbour and Okafor said Okafor: the harbour");
        assert_eq!(p.terms.len(), 2, "{:?}", p.terms);
        let okafor = (words("okafor")[0] >> 32) as u32;
        let harbour = (words("harbour")[0] >> 32) as u32;
        let weight = |h| p.terms.iter().find(|t| t.0 == h).unwrap().1;
        assert!(weight(okafor) > weight(harbour));
    }
}
