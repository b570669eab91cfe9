//! Builds `data/background_df.tsv`: in how many documents of a background
//! corpus each content term (as the claim matcher keys it) appears. The
//! committed table was made from the BBC News articles and the PolNeAR
//! training split (`../shared/data/bbc`, `../shared/data/polnear/train`),
//! public news text that is not the BASIL data the matcher is tuned on:
//!
//! ```sh
//! cargo run --release --example build_background -- ../shared/data/bbc ../shared/data/polnear/train/text > data/background_df.tsv
//! ```
//!
//! Only terms in at least three documents are kept (rarer terms weigh as
//! unseen ones do).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use parallax::compare::words::{WEIGHT_STOP, content_terms};
use parallax::corpus::load;

fn main() {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage: build_background FOLDER... > data/background_df.tsv");
        std::process::exit(2);
    }
    let corpus = load(&inputs);
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for article in &corpus.articles {
        let terms: HashSet<String> = content_terms(&article.body)
            .into_iter()
            .filter(|t| t.weight > WEIGHT_STOP)
            .map(|t| t.key)
            .collect();
        for t in terms {
            *df.entry(t).or_default() += 1;
        }
    }
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    println!(
        "# built by examples/build_background.rs from\t{}",
        names.join(" ")
    );
    println!("# documents\t{}", corpus.articles.len());
    for (term, n) in df
        .iter()
        .filter(|(t, n)| **n >= 3 && !t.contains(char::is_whitespace))
    {
        println!("{term}\t{n}");
    }
}
