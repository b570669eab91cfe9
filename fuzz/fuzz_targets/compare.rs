//! Compare on two arbitrary texts (split at the first 0xFF byte), checking
//! that spans stay inside their bodies and that claim pairs are one to one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::analyze;
use parallax::compare::{CompareOptions, Doc, compare};
use parallax::corpus::Article;

fn article(bytes: &[u8]) -> Article {
    let text = String::from_utf8_lossy(bytes);
    let mut article = Article::default();
    article.set_paragraphs(text.split("\n\n").map(str::to_owned).collect());
    article
}

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = (article(&data[..cut]), article(data.get(cut + 1..).unwrap_or(&[])));
    let (aa, ba) = (analyze(&a), analyze(&b));
    let c = compare(
        Doc { article: &a, analysis: &aa },
        Doc { article: &b, analysis: &ba },
        &CompareOptions::default(),
    );
    let (la, lb) = (a.body.chars().count(), b.body.chars().count());
    let mut left = std::collections::HashSet::new();
    let mut right = std::collections::HashSet::new();
    for claim in &c.claims {
        assert!(claim.left.start <= claim.left.end && claim.left.end <= la);
        assert!(claim.right.start <= claim.right.end && claim.right.end <= lb);
        assert!(left.insert(claim.sentences.0) && right.insert(claim.sentences.1));
        assert!((0.0..=1.0).contains(&claim.score), "{}", claim.score);
    }
    for q in &c.shared_quotes {
        assert!(q.left_start <= q.left_end && q.left_end <= la);
        assert!(q.right_start <= q.right_end && q.right_end <= lb);
    }
    assert!((0.0..=1.0).contains(&c.overlap));
});
