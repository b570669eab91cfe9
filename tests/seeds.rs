//! The two seed articles (read from ../shared/seeds when present; their
//! text is never copied here): every quote with the right speaker.

use std::path::{Path, PathBuf};

use parallax::analysis::{Analysis, Quote, QuoteKind, analyze};
use parallax::corpus::{LoadOptions, load_file};

fn seed(name: &str) -> Option<Analysis> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let path: PathBuf = dir.join(name);
    if !path.exists() {
        println!("skipping: {} not found", path.display());
        return None;
    }
    let result = load_file(&path, LoadOptions::default());
    Some(analyze(result.articles.first().expect("seed loads")))
}

fn find<'a>(a: &'a Analysis, words: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.kind != QuoteKind::Indirect && q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}: {:#?}", a.quotes))
}

fn name(q: &Quote) -> Option<&str> {
    q.attribution.as_ref().and_then(|a| a.name.as_deref())
}

#[test]
fn seed_000_every_quote_has_its_speaker() {
    let Some(a) = seed("000_5f338e3a0b1bf30c.txt") else {
        return;
    };
    let deplore = find(&a, "We deplore");
    let att = deplore.attribution.as_ref().expect("attributed");
    assert_eq!(att.speaker, "he");
    assert_eq!(
        att.name.as_deref(),
        Some("Vedant Patel"),
        "he → the spokesperson in the sentence before"
    );
    assert_eq!(
        name(find(&a, "overall security responsibility")),
        Some("Benjamin Netanyahu")
    );
    assert_eq!(name(find(&a, "Hamas was financed")), Some("Josep Borrell"));
    assert_eq!(name(find(&a, "complete victory")), Some("Benjamin Netanyahu"));
    let direct = a.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).count();
    assert_eq!(direct, 4, "{:#?}", a.quotes);
}

#[test]
fn seed_001_three_paragraph_quote_and_speakers() {
    let Some(a) = seed("001_d0bc3537d782e20b.txt") else {
        return;
    };
    let long = find(&a, "double standards and excessive bias");
    assert!(
        long.text.contains("test of conscience") && long.text.contains("align verbally"),
        "one quote over three paragraphs"
    );
    let att = long.attribution.as_ref().expect("attributed");
    assert_eq!(att.name.as_deref(), Some("Lu Xiang"));
    assert_eq!(
        att.role.as_deref(),
        Some("a research fellow at the Chinese Academy of Social Sciences")
    );
    assert_eq!(
        name(find(&a, "overall security responsibility")),
        Some("Benjamin Netanyahu")
    );
    assert_eq!(name(find(&a, "indefinite period")), Some("Benjamin Netanyahu"));
    assert_eq!(name(find(&a, "one clear voice")), Some("Antony Blinken"));
    assert_eq!(name(find(&a, "humanitarian pause")), Some("Antony Blinken"));
    assert_eq!(name(find(&a, "nothing much it")), Some("Tian Wenlin"));
    assert_eq!(name(find(&a, "stern")), Some("Zhu Yongbiao"));
    assert_eq!(name(find(&a, "double dealing")), Some("Zhu Yongbiao"));
    assert_eq!(name(find(&a, "peace process")), Some("Reuters"));
    // No apostrophe becomes a quote mark (allies', US', Israel's).
    assert!(
        a.quotes.iter().all(|q| !q.text.starts_with("s ")),
        "{:#?}",
        a.quotes
    );
}
