//! Sentence splitting, quote extraction and attribution on arbitrary text,
//! with the offset invariants every later layer relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::analyze;
use parallax::corpus::Article;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut article = Article::default();
    article.set_paragraphs(text.split("\n\n").map(str::to_owned).collect());
    let analysis = analyze(&article);
    let chars = article.body.chars().count();
    let mut last_end = 0;
    for s in &analysis.sentences {
        assert!(s.start() < s.end() && s.end() <= chars, "{s:?} in {chars}");
        assert!(s.start() >= last_end, "sentences overlap");
        last_end = s.end();
    }
    for q in &analysis.quotes {
        assert!(q.start < q.end && q.end <= chars, "{q:?} in {chars}");
        if let Some(a) = &q.attribution {
            assert!((0.0..=1.0).contains(&a.confidence));
        }
    }
});
