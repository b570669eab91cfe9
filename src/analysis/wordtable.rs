//! A static word table for the hot word-list lookups: words of up to 8
//! bytes are packed into a `u64` and found with one multiply and a probe
//! or two; longer words fall back to a hash map.

use super::lexicon::FastMap;

/// Words (with a value each) built once from static lists.
pub struct WordTable<V: Copy + Default> {
    keys: Vec<u64>,
    vals: Vec<V>,
    shift: u32,
    long: FastMap<&'static str, V>,
    max: usize,
}

/// `w` packed little-endian into a `u64` (never 0 for a non-empty word).
fn pack(w: &[u8]) -> Option<u64> {
    if w.is_empty() || w.len() > 8 {
        return None;
    }
    Some(w.iter().rev().fold(0u64, |k, &b| (k << 8) | u64::from(b)))
}

impl<V: Copy + Default> WordTable<V> {
    /// Builds the table; `merge` combines the values of a repeated word.
    pub fn new(words: impl IntoIterator<Item = (&'static str, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let mut all: FastMap<&'static str, V> = FastMap::default();
        for (w, v) in words {
            let e = all.entry(w).or_default();
            *e = merge(*e, v);
        }
        let short = all.keys().filter(|w| pack(w.as_bytes()).is_some()).count();
        let bits = (short * 4).next_power_of_two().max(16).trailing_zeros();
        let mut table = WordTable {
            keys: vec![0; 1 << bits],
            vals: vec![V::default(); 1 << bits],
            shift: 64 - bits,
            long: FastMap::default(),
            max: all.keys().map(|w| w.len()).max().unwrap_or(0),
        };
        for (w, v) in all {
            match pack(w.as_bytes()) {
                Some(k) => {
                    let mut i = table.slot(k);
                    while table.keys[i] != 0 {
                        i = (i + 1) & (table.keys.len() - 1);
                    }
                    table.keys[i] = k;
                    table.vals[i] = v;
                }
                None => {
                    table.long.insert(w, v);
                }
            }
        }
        table
    }

    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `w`, if it is in the table.
    pub fn get(&self, w: &str) -> Option<V> {
        if w.len() > self.max {
            return None;
        }
        let Some(k) = pack(w.as_bytes()) else {
            return self.long.get(w).copied();
        };
        let mut i = self.slot(k);
        loop {
            match self.keys[i] {
                0 => return None,
                x if x == k => return Some(self.vals[i]),
                _ => i = (i + 1) & (self.keys.len() - 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_are_found() {
        let t = WordTable::new(
            [("said", 1u8), ("spokeswoman", 2), ("said", 4), ("a", 8)],
            |a, b| a | b,
        );
        assert_eq!(t.get("said"), Some(5));
        assert_eq!(t.get("spokeswoman"), Some(2));
        assert_eq!(t.get("a"), Some(8));
        assert_eq!(t.get("sai"), None);
        assert_eq!(t.get("saidx"), None);
        assert_eq!(t.get(""), None);
        assert_eq!(t.get("spokeswomen"), None);
    }
}
