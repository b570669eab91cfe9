//! Every format, through the real binary, on original fixtures.

use std::collections::HashMap;

use assert_cmd::Command;
use serde_json::Value;

fn list_fixtures() -> HashMap<String, Value> {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--json", "tests/fixtures/formats"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.into_iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap().replace('\\', "/");
            let name = id.rsplit('/').next().unwrap().to_owned();
            (name, r)
        })
        .collect()
}

#[test]
fn each_format_is_detected_and_its_fields_read() {
    let rows = list_fixtures();
    let expect = [
        (
            "header.txt",
            "header",
            "Lighthouse keepers vote to join ferry workers' union",
        ),
        (
            "reference.txt",
            "reference",
            "Port Ellery to dredge eastern channel before storms",
        ),
        (
            "headline.txt",
            "headline",
            "Orchard growers count losses after late frost",
        ),
        ("article.json", "json", "Tram line extension delayed by a year"),
        ("articles.json#1", "json", "Bridge reopens"),
        ("articles.json#2", "json", "Market moves"),
        ("feed.jsonl#1", "jsonl", "School roof repaired"),
        ("feed.jsonl#2", "jsonl", "Library fines scrapped"),
        ("yaml.md", "markdown", "Night buses return to the old town"),
        ("toml.md", "markdown", "Reservoir reaches record low"),
        ("crlf.txt", "headline", "Council delays vote on parking fees"),
        ("bom.txt", "header", "BOM file"),
        ("windows-1252.txt", "headline", "Prices in Ostrava"),
    ];
    for (name, format, title) in expect {
        let row = rows
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing from {:?}", rows.keys()));
        assert_eq!(row["format"], format, "{name}");
        assert_eq!(row["title"], title, "{name}");
    }
    assert_eq!(rows["plain.txt"]["format"], "plain");
    assert_eq!(rows["plain.txt"]["title"], Value::Null);
    assert_eq!(rows.len(), expect.len() + 1);
}

#[test]
fn metadata_fields_are_normalised() {
    let rows = list_fixtures();
    let header = &rows["header.txt"];
    assert_eq!(header["published"], "2026-02-03");
    assert_eq!(header["authors"], serde_json::json!(["Orla Fenwick"]));
    assert_eq!(header["categories"], serde_json::json!(["COAST", "LABOUR"]));
    assert_eq!(rows["reference.txt"]["source"], "porteller-gazette.example");
    let json = &rows["article.json"];
    assert_eq!(json["source"], "Kestrel City News");
    assert_eq!(json["published"], "2026-06-01T08:15:00Z");
    assert_eq!(json["authors"], serde_json::json!(["Yuki Brandt", "Sol Amari"]));
    assert_eq!(json["categories"], serde_json::json!(["transport", "city"]));
    assert_eq!(rows["articles.json#1"]["published"], "2026-05-04");
    assert_eq!(rows["articles.json#1"]["published_raw"], "May 4, 2026");
    let md = &rows["yaml.md"];
    assert_eq!(md["source"], "Carrow Evening Star");
    assert_eq!(md["authors"], serde_json::json!(["Pia Lindqvist", "Tomasz Wren"]));
    assert_eq!(rows["toml.md"]["published"], "2026-08-30");
}

fn show(file: &str) -> Value {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["show", "--json", file])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn show_gives_paragraphs_body_and_extra() {
    let a = show("tests/fixtures/formats/header.txt");
    let paragraphs: Vec<&str> = a["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paragraphs.len(), 2);
    assert!(paragraphs[1].starts_with("\"We look after the lamps"));
    assert_eq!(a["body"], paragraphs.join("\n\n"));
    assert_eq!(a["extra"]["Edition"], "Morning");
    assert!(
        a["extra"].get("Author title").is_none(),
        "placeholder kept: {}",
        a["extra"]
    );

    let md = show("tests/fixtures/formats/yaml.md");
    let body = md["body"].as_str().unwrap();
    assert!(body.starts_with("A trial until spring\n\nNight buses will run through the old town"));
    assert!(body.contains("after a petition gathered"));
    assert!(!body.contains(['*', '#', '[', ']', '>']), "{body}");

    let crlf = show("tests/fixtures/formats/crlf.txt");
    assert!(!crlf["body"].as_str().unwrap().contains('\r'));

    let cp1252 = show("tests/fixtures/formats/windows-1252.txt");
    assert_eq!(
        cp1252["body"],
        "Bread rose to £1.20 and the baker said “no more rises” this year."
    );
}

#[test]
fn show_picks_one_article_of_a_multi_article_file() {
    let second = show("tests/fixtures/formats/articles.json#2");
    assert_eq!(second["title"], "Market moves");
    assert_eq!(second["id"], "tests/fixtures/formats/articles.json#2");
}

#[test]
fn show_of_a_demo_article_and_of_a_missing_file() {
    let demo = show("demo/rail-valley-wire.txt");
    assert_eq!(demo["format"], "reference");
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["show", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no/such/file.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn list_of_the_demo_corpus_needs_no_path() {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 9);
    for field in [
        "id",
        "path",
        "format",
        "title",
        "source",
        "published",
        "authors",
        "categories",
        "words",
    ] {
        assert!(rows[0].get(field).is_some(), "missing field {field}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
