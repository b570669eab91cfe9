//! Background term weights: how common a term is in news in general, from
//! a document-frequency table built here from public news text by
//! `examples/build_background.rs` (its header says the source). A term in
//! most articles anywhere ("year", "people") is weak evidence of a shared
//! claim; an unseen or rare one is full evidence. The table does not
//! depend on the corpus open, so the CLI and the compare screen agree.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/background_df.tsv");

struct Background {
    documents: f32,
    df: HashMap<&'static str, u32>,
}

static BACKGROUND: LazyLock<Background> = LazyLock::new(|| {
    let mut documents = 1.0;
    let mut df = HashMap::new();
    for line in TABLE.lines() {
        let Some((key, n)) = line.split_once('\t') else {
            continue;
        };
        if key == "# documents" {
            documents = n.parse().unwrap_or(1.0);
        } else if let Ok(n) = n.parse() {
            df.insert(key, n);
        }
    }
    Background { documents, df }
});

/// The weight of a term key, in (0, 1]: 1 for a rare or unseen term,
/// falling toward [`FLOOR`] for a term in every document.
pub fn weight(key: &str) -> f32 {
    let bg = &*BACKGROUND;
    let df = bg.df.get(key).copied().unwrap_or(0) as f32;
    let idf = ((bg.documents + 1.0) / (df + 1.0)).ln() / (bg.documents + 1.0).ln();
    FLOOR + (1.0 - FLOOR) * idf.clamp(0.0, 1.0)
}

/// The weight of a term found in every background document.
pub const FLOOR: f32 = 0.15;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        assert!(BACKGROUND.documents > 1000.0);
        assert!(weight("year") < 0.6, "{}", weight("year"));
        assert!(weight("desalin") > 0.9, "{}", weight("desalin"));
        assert_eq!(weight("zzqxunseen"), 1.0);
    }
}
