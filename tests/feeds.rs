//! RSS 2.0 and Atom feeds on original fixtures: one article per item, the
//! feed's title as the outlet, ids keyed by guid (else link) that survive
//! items being added, dropped and reordered, and duplicate guids told apart.

use std::collections::HashMap;
use std::path::Path;

use assert_cmd::Command;
use parallax::corpus::{Article, FileResult, Format, Kind, LoadOptions, load_file};
use serde_json::Value;

fn load(name: &str) -> FileResult {
    load_file(
        &Path::new("tests/fixtures/feeds").join(name),
        LoadOptions::default(),
    )
}

fn by_title(result: &FileResult) -> HashMap<String, &Article> {
    result
        .articles
        .iter()
        .map(|a| (a.title.clone().unwrap_or_default(), a))
        .collect()
}

#[test]
fn rss_items_take_content_encoded_then_description() {
    let result = load("rss2.xml");
    assert!(result.diagnostics.is_empty(), "{:?}", result.diagnostics);
    let ids: Vec<&str> = result.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "tests/fixtures/feeds/rss2.xml#brackwater-2026-0211",
            "tests/fixtures/feeds/rss2.xml#https://brackwater.example/2026/02/causeway",
            // No guid: keyed by its link.
            "tests/fixtures/feeds/rss2.xml#https://brackwater.example/2026/02/harbour-fees",
        ]
    );
    let items = by_title(&result);
    let seals = items["Seal pups counted on the sandbanks"];
    assert_eq!(seals.format, Some(Format::Rss));
    assert_eq!(seals.source.as_deref(), Some("Brackwater Gazette"));
    assert_eq!(seals.authors, ["Ines Morrow"]);
    assert_eq!(seals.categories, ["Wildlife"]);
    assert_eq!(
        seals.url.as_deref(),
        Some("https://brackwater.example/2026/02/seal-count")
    );
    assert_eq!(seals.published_display(), Some("2026-02-11T08:30:00Z"));
    // content:encoded, not the description; markup, the script and the
    // "Read more" line gone.
    assert_eq!(
        seals.paragraphs().collect::<Vec<_>>(),
        [
            "Volunteers counted 312 grey seal pups on the outer sandbanks this winter, the highest number since the count began.",
            "The warden, Callum Eastry, said quieter boat traffic had helped."
        ]
    );
    let causeway = items["Causeway closed for resurfacing"];
    assert_eq!(causeway.authors, ["Owen Tarrant"]);
    assert_eq!(
        causeway.paragraphs().collect::<Vec<_>>(),
        [
            "The causeway to Holm Island will close for three nights next week while the road is resurfaced.",
            "A shuttle boat will run from the harbour."
        ]
    );
}

#[test]
fn atom_entries_take_html_and_xhtml_content() {
    let result = load("atom.xml");
    assert!(result.diagnostics.is_empty(), "{:?}", result.diagnostics);
    assert_eq!(result.articles.len(), 2);
    let snow = &result.articles[0];
    assert_eq!(snow.format, Some(Format::Atom));
    assert_eq!(
        snow.id,
        "tests/fixtures/feeds/atom.xml#tag:upland-weekly.example,2026:snow-gates"
    );
    assert_eq!(snow.title.as_deref(), Some("Snow gates shut on the high road"));
    assert_eq!(snow.source.as_deref(), Some("Upland Weekly"));
    assert_eq!(snow.authors, ["Bronagh Keeler"]);
    assert_eq!(
        snow.url.as_deref(),
        Some("https://upland-weekly.example/snow-gates")
    );
    assert_eq!(
        snow.published_key().map(|t| t.to_string()).as_deref(),
        Some("2026-03-01T05:15:00Z")
    );
    assert_eq!(
        snow.paragraphs().collect::<Vec<_>>(),
        [
            "Gates closed at dawn",
            "The snow gates on the high road over Carrow Pass were shut at dawn after a night of drifting snow.",
            "Drivers were told to use the valley road, which adds about forty minutes."
        ]
    );
    let shop = &result.articles[1];
    assert_eq!(
        shop.paragraphs().collect::<Vec<_>>(),
        [
            "The shop in Lower Carrow reopened on Saturday, owned by two hundred of the village's residents.",
            "It had been empty for a year."
        ]
    );
    // No <published>: the entry's <updated> date.
    assert_eq!(
        shop.published_key().map(|t| t.to_string()).as_deref(),
        Some("2026-02-27T12:00:00Z")
    );
}

#[test]
fn ids_stay_when_items_are_added_dropped_and_reordered() {
    let before = load("rss2.xml");
    let after = load("rss2-later.xml");
    let key = |a: &Article| a.id.rsplit_once(".xml#").unwrap().1.to_owned();
    let before: HashMap<String, String> = before
        .articles
        .iter()
        .map(|a| (a.title.clone().unwrap(), key(a)))
        .collect();
    let after: HashMap<String, String> = after
        .articles
        .iter()
        .map(|a| (a.title.clone().unwrap(), key(a)))
        .collect();
    assert_eq!(after.len(), 3);
    let mut kept = 0;
    for (title, id) in &after {
        if let Some(old) = before.get(title) {
            assert_eq!(old, id, "{title}");
            kept += 1;
        }
    }
    assert_eq!(kept, 2, "two items are in both versions");
    assert_eq!(after["Lighthouse open day announced"], "brackwater-2026-0212");
}

#[test]
fn duplicate_guids_get_a_diagnostic_and_stable_distinct_ids() {
    let result = load("duplicate-guids.xml");
    let ids: Vec<&str> = result.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 3);
    let distinct: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(distinct.len(), 3, "{ids:?}");
    assert!(
        ids[0].contains("#lowmoor-item~") && ids[1].contains("#lowmoor-item~"),
        "{ids:?}"
    );
    assert!(ids[2].ends_with("#lowmoor-allotments"));
    let warnings: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.kind == Kind::Duplicate)
        .collect();
    assert_eq!(warnings.len(), 2, "{:?}", result.diagnostics);
    assert!(
        warnings
            .iter()
            .all(|d| !d.is_error() && d.message.contains("lowmoor-item"))
    );
    assert_eq!(warnings[0].location, ids[0]);

    // The same items in the other order keep their ids: the hash is of the
    // item, not of its place.
    let text = std::fs::read_to_string("tests/fixtures/feeds/duplicate-guids.xml").unwrap();
    let first = text.find("  <item>").unwrap();
    let second = text[first + 1..].find("  <item>").unwrap() + first + 1;
    let third = text[second + 1..].find("  <item>").unwrap() + second + 1;
    let swapped = format!(
        "{}{}{}{}",
        &text[..first],
        &text[second..third],
        &text[first..second],
        &text[third..]
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duplicate-guids.xml");
    std::fs::write(&path, swapped).unwrap();
    let again = load_file(&path, LoadOptions::default());
    let keys = |r: &FileResult| -> HashMap<String, String> {
        r.articles
            .iter()
            .map(|a| {
                (
                    a.title.clone().unwrap(),
                    a.id.rsplit_once(".xml#").unwrap().1.to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        again.articles[0].title.as_deref(),
        Some("Swimming pool hours cut")
    );
    assert_eq!(keys(&result), keys(&again));
}

#[test]
fn list_json_names_the_feed_and_page_formats() {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args([
            "list",
            "--json",
            "tests/fixtures/feeds/rss2.xml",
            "tests/fixtures/feeds/atom.xml",
            "tests/fixtures/pages/blog.html",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let formats: Vec<&str> = rows.iter().map(|r| r["format"].as_str().unwrap()).collect();
    assert_eq!(formats, ["rss", "rss", "rss", "atom", "atom", "html"]);
}

#[test]
fn a_broken_feed_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.xml");
    std::fs::write(
        &path,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</ti",
    )
    .unwrap();
    let result = load_file(&path, LoadOptions::default());
    assert!(result.articles.is_empty());
    assert_eq!(result.diagnostics.len(), 1, "{:?}", result.diagnostics);
    assert_eq!(result.diagnostics[0].kind, Kind::Malformed);

    // XML that is no feed (a sitemap) is a diagnostic, not an article of markup.
    let sitemap = dir.path().join("sitemap.xml");
    std::fs::write(
        &sitemap,
        "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
    )
    .unwrap();
    let result = load_file(&sitemap, LoadOptions::default());
    assert!(result.articles.is_empty(), "{:?}", result.articles);
    assert_eq!(result.diagnostics[0].kind, Kind::Malformed);
    assert!(
        result.diagnostics[0]
            .message
            .contains("not a readable RSS or Atom feed")
    );
}
