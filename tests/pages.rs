//! Saved web pages: main-text extraction measured by token F1 against the
//! expected text written beside each original fixture, and metadata read
//! from JSON-LD, Open Graph, `<meta>` and the canonical link.

use std::collections::HashMap;
use std::path::Path;

use parallax::corpus::{Article, Format, LoadOptions, load_file};

/// Lowercased words (letters and digits) of a text.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token F1 of `got` against `want`, counting repeated words (bag of words).
fn token_f1(got: &str, want: &str) -> f64 {
    let mut want_counts: HashMap<String, usize> = HashMap::new();
    let want = tokens(want);
    for t in &want {
        *want_counts.entry(t.clone()).or_default() += 1;
    }
    let got = tokens(got);
    let mut overlap = 0usize;
    for t in &got {
        if let Some(n) = want_counts.get_mut(t).filter(|n| **n > 0) {
            *n -= 1;
            overlap += 1;
        }
    }
    if overlap == 0 {
        return 0.0;
    }
    let precision = overlap as f64 / got.len() as f64;
    let recall = overlap as f64 / want.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

fn page(name: &str) -> Article {
    let path = Path::new("tests/fixtures/pages").join(name);
    let result = load_file(&path, LoadOptions::default());
    assert!(
        result.diagnostics.iter().all(|d| !d.is_error()),
        "{name}: {:?}",
        result.diagnostics
    );
    assert_eq!(result.articles.len(), 1, "{name}");
    let article = result.articles.into_iter().next().unwrap();
    assert_eq!(article.format, Some(Format::Html), "{name}");
    article
}

const PAGES: &[&str] = &["news-site", "amp", "jsonld-only", "comments", "paywall", "blog"];

#[test]
fn main_text_scores_at_least_0_90_token_f1_on_every_page_shape() {
    let mut report = Vec::new();
    for name in PAGES {
        let article = page(&format!("{name}.html"));
        let want = std::fs::read_to_string(format!("tests/fixtures/pages/{name}.txt")).unwrap();
        let f1 = token_f1(&article.body, &want);
        report.push(format!("{name}: F1 {f1:.3}"));
        assert!(
            f1 >= 0.90,
            "{name}: token F1 {f1:.3} < 0.90\n--- got ---\n{}\n--- want ---\n{want}",
            article.body
        );
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn furniture_never_reaches_the_body() {
    for name in PAGES {
        let body = page(&format!("{name}.html")).body.to_lowercase();
        for furniture in [
            "read more",
            "advertisement",
            "most read",
            "subscribe to continue",
            "leave a comment",
            "quaysidekate",
            "datalayer",
            "all rights reserved",
        ] {
            assert!(!body.contains(furniture), "{name}: {furniture:?} in\n{body}");
        }
    }
}

struct Meta {
    name: &'static str,
    title: &'static str,
    source: &'static str,
    published: &'static str,
    authors: &'static [&'static str],
    url: &'static str,
}

#[test]
fn metadata_comes_from_json_ld_open_graph_meta_and_canonical() {
    let expected = [
        Meta {
            name: "news-site",
            title: "Ferry timetable cut leaves island commuters stranded",
            source: "The Harrowgate Ledger",
            published: "2026-03-14T07:45:00Z",
            authors: &["Marisol Quennell"],
            url: "https://ledger.example/news/ferry-timetable-cut",
        },
        Meta {
            name: "amp",
            title: "Orchard cooperative wins fight over water rights",
            source: "The Valley Post",
            published: "2026-05-22T16:10:00+02:00",
            authors: &["Tomasz Velling", "Greta Aldous"],
            url: "https://valleypost.example/2026/05/orchard-water-rights",
        },
        Meta {
            name: "jsonld-only",
            title: "Library reopens after two years of flood repairs",
            source: "Northgate Herald",
            published: "2026-01-09",
            authors: &["Ayodele Krantz"],
            url: "https://northgate-herald.example/library-reopens",
        },
        Meta {
            name: "comments",
            title: "Night market returns to Quayside Square",
            source: "Eastbank Chronicle",
            published: "2026-07-03",
            authors: &["Linnea Sorrow"],
            url: "https://eastbank-chronicle.example/2026/07/night-market",
        },
        Meta {
            name: "paywall",
            title: "Steelworks buyer walks away from deal",
            source: "Fennmouth Financial Review",
            published: "2026-09-30T06:00:00Z",
            authors: &["Rufus Chalmond"],
            url: "https://ffr.example/companies/steelworks-buyer-walks-away",
        },
        Meta {
            name: "blog",
            title: "Why our allotment gave up on rotavators",
            source: "Muddy Boots Diary",
            published: "2026-04-18T19:30:00+01:00",
            authors: &["Petra Holloway"],
            url: "https://muddyboots.example/2026/04/giving-up-rotavators/",
        },
    ];
    for m in expected {
        let a = page(&format!("{}.html", m.name));
        assert_eq!(a.title.as_deref(), Some(m.title), "{}", m.name);
        assert_eq!(a.source.as_deref(), Some(m.source), "{}", m.name);
        assert_eq!(a.published_display(), Some(m.published), "{}", m.name);
        assert_eq!(a.authors, m.authors, "{}", m.name);
        assert_eq!(a.url.as_deref(), Some(m.url), "{}", m.name);
    }
    assert_eq!(page("jsonld-only.html").categories, ["Community"]);
    assert_eq!(page("news-site.html").categories, ["Transport"]);
}

#[test]
fn the_f1_measure_itself_tells_good_from_bad() {
    assert!((token_f1("a b c", "a b c") - 1.0).abs() < 1e-9);
    assert_eq!(token_f1("x y", "a b"), 0.0);
    // Half the words right, all of them found: P = 0.5, R = 1, F1 = 2/3.
    assert!((token_f1("a b x y", "a b") - 2.0 / 3.0).abs() < 1e-9);
}
