//! A distributional lexicon: pairs of content words that stand in similar
//! contexts in public news text (`data/lexicon_dist.tsv`, built here by
//! `examples/build_lexicon.rs`; its header names the source). A pair is
//! soft evidence that two sentences use different words for one thing
//! ("gap" / "difference"); it never makes a candidate on its own.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/lexicon_dist.tsv");

static LEXICON: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        if let (Some(a), Some(b)) = (cols.next(), cols.next()) {
            map.entry(a).or_default().push(b);
            map.entry(b).or_default().push(a);
        }
    }
    map
});

/// The words paired with a term key (none for an unknown key).
pub fn related(key: &str) -> &'static [&'static str] {
    LEXICON.get(key).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_pairs_both_ways() {
        assert!(related("gap").contains(&"differenc"), "{:?}", related("gap"));
        assert!(related("differenc").contains(&"gap"));
        assert!(related("zzqxunseen").is_empty());
    }
}
