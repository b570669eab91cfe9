//! The two seed articles, read from ../shared/seeds (ignored by default;
//! `--include-ignored` runs them and they fail when the seeds are missing). Their text
//! is never copied here: every check is stated in terms of the articles
//! themselves (names found in the body, quotes shared by both).

use std::path::{Path, PathBuf};

use parallax::analysis::{Analysis, Quote, QuoteKind, analyze};
use parallax::corpus::{Article, LoadOptions, load_file};

fn seed(name: &str) -> (Article, Analysis) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let path: PathBuf = dir.join(name);
    assert!(
        path.exists(),
        "needs {} (the seeds beside the checkout)",
        path.display()
    );
    let article = load_file(&path, LoadOptions::default())
        .articles
        .into_iter()
        .next()
        .expect("seed loads");
    let analysis = analyze(&article);
    (article, analysis)
}

fn chars(body: &str, start: usize, end: usize) -> String {
    body.chars().skip(start).take(end - start).collect()
}

fn quoted(a: &Analysis) -> impl Iterator<Item = &Quote> {
    a.quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
}

/// The surname of a resolved name.
fn surname(q: &Quote) -> &str {
    let name = q
        .attribution
        .as_ref()
        .and_then(|a| a.name.as_deref())
        .unwrap_or("");
    name.split_whitespace().last().unwrap_or("")
}

#[test]
#[ignore = "needs ../shared"]
fn every_quote_has_a_named_speaker_from_the_article() {
    for file in ["000_5f338e3a0b1bf30c.txt", "001_d0bc3537d782e20b.txt"] {
        let (article, a) = seed(file);
        let direct: Vec<&Quote> = a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert!(!direct.is_empty(), "{file}: no direct quote");
        // Direct quotes are statements: each has a speaker. (A partial quote
        // may quote a document's wording and have none.)
        for q in direct {
            let att = q
                .attribution
                .as_ref()
                .unwrap_or_else(|| panic!("{file}: no speaker for {:?}", q.text));
            let name = att.name.as_deref().unwrap_or(&att.speaker);
            assert!(
                !matches!(name, "he" | "she" | "they" | "it"),
                "{file}: unresolved {name}"
            );
            assert!(
                article.body.contains(surname(q)),
                "{file}: {name} is not named in the article"
            );
        }
    }
}

#[test]
#[ignore = "needs ../shared"]
fn a_pronoun_resolves_to_the_person_named_in_the_sentence_before() {
    let (article, a) = seed("000_5f338e3a0b1bf30c.txt");
    let pronoun_quotes: Vec<&Quote> = quoted(&a)
        .filter(|q| q.attribution.as_ref().is_some_and(|att| att.speaker == "he"))
        .collect();
    assert!(!pronoun_quotes.is_empty());
    let first = pronoun_quotes[0];
    let s = a
        .sentences
        .iter()
        .position(|s| s.start() <= first.start && first.start < s.end())
        .expect("in a sentence");
    assert!(s > 0);
    let before = chars(
        &article.body,
        a.sentences[s - 1].start(),
        a.sentences[s - 1].end(),
    );
    let name = first
        .attribution
        .as_ref()
        .and_then(|att| att.name.as_deref())
        .expect("resolved");
    assert!(
        before.contains(name),
        "{name} is not the person named in the sentence before"
    );
}

#[test]
#[ignore = "needs ../shared"]
fn a_quote_over_three_paragraphs_is_one_quote_with_its_speaker_and_role() {
    let (article, a) = seed("001_d0bc3537d782e20b.txt");
    let starts = article.paragraph_starts();
    let paragraph_of = |offset: usize| starts.iter().rposition(|&s| s <= offset).unwrap_or(0);
    let long: Vec<&Quote> = quoted(&a)
        .filter(|q| paragraph_of(q.end.saturating_sub(1)) == paragraph_of(q.start) + 2)
        .collect();
    assert_eq!(long.len(), 1, "{:#?}", a.quotes);
    let att = long[0].attribution.as_ref().expect("attributed");
    assert!(att.name.is_some() && att.role.is_some(), "{att:?}");
}

#[test]
#[ignore = "needs ../shared"]
fn a_quote_both_seeds_carry_goes_to_the_same_person_in_each() {
    let ((da, a), (db, b)) = (seed("000_5f338e3a0b1bf30c.txt"), seed("001_d0bc3537d782e20b.txt"));
    let (ba, bb) = (da.body.as_str(), db.body.as_str());
    let shared: Vec<(&Quote, &Quote)> = quoted(&a)
        .flat_map(|qa| {
            quoted(&b)
                .filter(move |qb| qb.text(bb) == qa.text(ba))
                .map(move |qb| (qa, qb))
        })
        .filter(|(qa, _)| qa.text(ba).split_whitespace().count() >= 3)
        .collect();
    assert!(!shared.is_empty(), "the seeds share a quotation");
    for (qa, qb) in shared {
        let name = |q: &Quote| q.attribution.as_ref().and_then(|att| att.name.clone());
        assert!(name(qa).is_some());
        assert_eq!(name(qa), name(qb), "{:?}", qa.text(ba));
    }
}

#[test]
#[ignore = "needs ../shared"]
fn apostrophes_never_open_a_quote() {
    let (d, a) = seed("001_d0bc3537d782e20b.txt");
    assert!(
        a.quotes.iter().all(|q| !q.text(&d.body).starts_with("s ")),
        "{:#?}",
        a.quotes
    );
}
