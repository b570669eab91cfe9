//! Text → features for the related-article index: word 5-gram shingle
//! hashes and weighted content-word terms. Words are lowercased, split at
//! anything that is not a letter or digit (so quote characters and
//! punctuation fold away), and apostrophes inside a word are dropped
//! (`union's` and `union’s` are the same word).

use std::cell::RefCell;
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
    /// Shingle hashes in text order, repeats included (the index sorts and
    /// folds them; the unit keeps the layout of a `u32` and the shape of `terms`).
    pub shingles: Vec<(u32, ())>,
    /// Distinct, in no particular (but a deterministic) order: (term hash,
    /// weight before IDF).
    pub terms: Vec<(u32, f32)>,
}

/// Builds the profile of a text given in parts (a title, a body), read
/// as one text.
pub fn profile(parts: &[&str]) -> Profile {
    let bytes: usize = parts.iter().map(|p| p.len()).sum();
    // Per word: its hash, the two low bits replaced by flags. No branch
    // per word: which words are terms is decided once per distinct word.
    let mut words: Vec<u64> = Vec::with_capacity(bytes / 5);
    for part in parts {
        each_word(part, |word| {
            let content = word.chars >= 3 || word.digit;
            words.push(word.hash & !FLAGS | u64::from(content) << 1 | u64::from(word.upper));
        });
    }
    let terms = terms(&words);
    for w in &mut words {
        *w &= !FLAGS;
    }
    Profile {
        shingles: shingles(&words),
        terms,
    }
}

/// The low bits of a word hash that [`profile`] uses for flags: content
/// word (long enough or with a digit), and capitalised.
const FLAGS: u64 = 0b11;
const CONTENT: u64 = 0b10;
const UPPER: u64 = 0b01;

/// The multiplier of the polynomial shingle hash.
const ROLL: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of each run of [`SHINGLE_WORDS`] words: a polynomial in the
/// word hashes, rolled one word at a time (a multiply and two adds per word).
fn shingles(words: &[u64]) -> Vec<(u32, ())> {
    let finish = |h: u64| ((h.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32, ());
    let poly = |words: &[u64]| {
        words
            .iter()
            .fold(0u64, |h, &w| h.wrapping_mul(ROLL).wrapping_add(w))
    };
    if words.len() < SHINGLE_WORDS {
        // A very short text is one shingle of all its words.
        return (!words.is_empty())
            .then(|| finish(poly(words)))
            .into_iter()
            .collect();
    }
    let oldest = (1..SHINGLE_WORDS).fold(1u64, |p, _| p.wrapping_mul(ROLL));
    let mut h = poly(&words[..SHINGLE_WORDS]);
    let mut out = Vec::with_capacity(words.len() + 1 - SHINGLE_WORDS);
    out.push(finish(h));
    for (i, &w) in words.iter().enumerate().skip(SHINGLE_WORDS) {
        h = h
            .wrapping_sub(words[i - SHINGLE_WORDS].wrapping_mul(oldest))
            .wrapping_mul(ROLL)
            .wrapping_add(w);
        out.push(finish(h));
    }
    out
}

/// The content words of a text that are not stop words, with their
/// weight before IDF: `1 + ln(count)`, more for names.
fn terms(words: &[u64]) -> Vec<(u32, f32)> {
    thread_local! {
        static TABLE: RefCell<Vec<Count>> = const { RefCell::new(Vec::new()) };
    }
    TABLE.with_borrow_mut(|table| {
        count_words(words, table);
        let stop = stop_words();
        let terms = table
            .iter()
            .filter(|c| c.word & CONTENT != 0 && !stop.contains(c.word & !FLAGS))
            .map(|c| {
                let mut weight = 1.0 + (c.count as f32).ln();
                if 2 * c.upper > c.count {
                    weight *= ENTITY_BOOST;
                }
                ((c.word >> 32) as u32, weight)
            })
            .collect();
        if table.capacity() > 1 << 16 {
            *table = Vec::new(); // a huge text: do not keep its table
        }
        terms
    })
}

/// A slot of the word-count table: the word with its flags (0: empty),
/// its occurrences and the capitalised ones.
#[derive(Clone, Copy, Default)]
struct Count {
    word: u64,
    count: u32,
    upper: u32,
}

/// Counts each distinct word in an open-addressing table at most half
/// full, reused from text to text: no sort of every word.
fn count_words(words: &[u64], table: &mut Vec<Count>) {
    let size = (2 * words.len()).next_power_of_two().max(16);
    table.clear();
    table.resize(size, Count::default());
    let mask = size - 1;
    for &w in words {
        // The flags of one word are the same everywhere but for UPPER;
        // a word whose hash is all zero borrows the CONTENT bit to be seen.
        let key = (w & !UPPER).max(CONTENT);
        let mut i = (key >> 2) as usize & mask;
        while table[i].word != 0 && table[i].word != key {
            i = (i + 1) & mask;
        }
        let slot = &mut table[i];
        slot.word = key;
        slot.count += 1;
        slot.upper += (w & UPPER) as u32;
    }
    table.retain(|c| c.word != 0);
}

/// One word as the tokenizer saw it.
#[derive(Default)]
struct Word {
    hash: u64,
    chars: usize,
    upper: bool,
    digit: bool,
    /// Up to 8 pending lowercased ASCII bytes, mixed into `hash` 8 at a time.
    pending: u64,
    filled: u32,
}

impl Word {
    /// Adds a run of ASCII letters and digits. Their lowercase is the
    /// byte with bit 0x20 set (digits already have it).
    fn push_run(&mut self, run: &[u8]) {
        if self.chars == 0 {
            self.upper = run[0].is_ascii_uppercase();
        }
        self.digit |= run.iter().any(u8::is_ascii_digit);
        self.chars += run.len();
        let mut rest = run;
        if self.filled == 0 {
            while let Some((eight, tail)) = rest.split_first_chunk::<8>() {
                self.hash = mix(self.hash, u64::from_be_bytes(*eight) | 0x2020_2020_2020_2020);
                rest = tail;
            }
        }
        for &b in rest {
            self.pending = self.pending << 8 | u64::from(b | 0x20);
            self.filled += 1;
            if self.filled == 8 {
                self.flush();
            }
        }
    }

    fn push_char(&mut self, c: char) {
        if self.chars == 0 {
            self.upper = c.is_uppercase();
        }
        self.digit |= c.is_numeric();
        self.chars += 1;
        for lower in c.to_lowercase() {
            self.flush();
            self.hash = mix(self.hash, u64::from(lower) | 1 << 63);
        }
    }

    fn flush(&mut self) {
        if self.filled > 0 {
            self.hash = mix(self.hash, self.pending);
            self.pending = 0;
            self.filled = 0;
        }
    }

    /// Finishes the word: calls `f` if there is one, then starts afresh.
    fn emit(&mut self, f: &mut impl FnMut(&Word)) {
        if self.chars > 0 {
            self.flush();
            self.hash = fmix(mix(self.hash, self.chars as u64));
            f(self);
            *self = Word::default();
        }
    }
}

/// ASCII letters and digits.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Calls `f` for every word of `text`, in order. Runs of ASCII letters
/// and digits are found through a table and hashed 8 bytes at a time;
/// other characters are decoded.
fn each_word(text: &str, mut f: impl FnMut(&Word)) {
    let bytes = text.as_bytes();
    let mut word = Word::default();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|&&b| ALNUM[b as usize]).count();
        if run > 0 {
            word.push_run(&bytes[i..i + run]);
            i += run;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            // An apostrophe folds away inside a word (`union's`) and
            // separates nothing elsewhere.
            if b != b'\'' {
                word.emit(&mut f);
            }
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            if c.is_alphanumeric() {
                word.push_char(c);
            } else if !matches!(c, '\u{2019}' | '\u{02BC}') {
                word.emit(&mut f);
            }
        }
    }
    word.emit(&mut f);
}

/// One step of FxHash's mixing.
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517C_C1B7_2722_0A95)
}

/// MurmurHash3's 64-bit finaliser: every bit of the word reaches every bit of the hash.
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Function words that carry no topic. The document frequency cap would
/// drop them in a large corpus; the list keeps small corpora (the demo, a
/// folder of ten files) from ranking by "the" and "said".
fn stop_words() -> &'static StopSet {
    static STOP: OnceLock<StopSet> = OnceLock::new();
    STOP.get_or_init(|| {
        let mut set = StopSet {
            slots: vec![0; STOP_SLOTS],
        };
        for list in STOP_WORDS {
            each_word(list, |w| set.insert(w.hash & !FLAGS));
        }
        set
    })
}

/// Slots of the stop-word set: a power of two, a few times the words.
const STOP_SLOTS: usize = 1024;

/// An open-addressing set of word hashes (0 is an empty slot): one or two
/// probes per word, where a binary search took most of the tokenizer's time.
struct StopSet {
    slots: Vec<u64>,
}

impl StopSet {
    fn insert(&mut self, hash: u64) {
        let mut i = (hash >> 2) as usize & (STOP_SLOTS - 1);
        while self.slots[i] != 0 && self.slots[i] != hash {
            i = (i + 1) & (STOP_SLOTS - 1);
        }
        self.slots[i] = hash;
    }

    fn contains(&self, hash: u64) -> bool {
        let mut i = (hash >> 2) as usize & (STOP_SLOTS - 1);
        loop {
            match self.slots[i] {
                0 => return false,
                h if h == hash => return true,
                _ => i = (i + 1) & (STOP_SLOTS - 1),
            }
        }
    }
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
        assert_eq!(
            words("\u{C9}T\u{C9} 2024 longerthaneight"),
            words("\u{E9}t\u{E9} 2024 LongerThanEight")
        );
        assert_ne!(words("longerthaneight"), words("longerthaneigh"));
        assert_eq!(words("don't stop").len(), 2);
    }

    #[test]
    fn shingles_are_word_five_grams() {
        let p = profile(&["one two three", "four five six"]);
        assert_eq!(p.shingles.len(), 2);
        let repeated = profile(&["a b c d e a b c d e"]).shingles;
        assert_eq!(repeated.len(), 6);
        assert_eq!(repeated[0], repeated[5]);
        assert_ne!(repeated[0], repeated[1]);
        let (x, y) = (
            profile(&["q w e r t y"]).shingles,
            profile(&["w e r t y"]).shingles,
        );
        assert_eq!(x[1], y[0], "rolled and fresh hashes agree");
        assert_eq!(profile(&["one two"]).shingles.len(), 1);
        assert!(profile(&[" \u{201C}\u{201D} "]).shingles.is_empty());
    }

    #[test]
    fn stop_words_are_not_terms_and_names_weigh_more() {
        let p = profile(&["The harbour and Okafor said Okafor: the harbour"]);
        assert_eq!(p.terms.len(), 2, "{:?}", p.terms);
        let okafor = (words("okafor")[0] >> 32) as u32;
        let harbour = (words("harbour")[0] >> 32) as u32;
        let weight = |h| p.terms.iter().find(|t| t.0 == h).unwrap().1;
        assert!(weight(okafor) > weight(harbour));
    }
}
