//! `parallax story ID` through the real binary on an original fixture:
//! three fictional outlets reporting one bridge closure (and a lone
//! article), with markup and control characters in a title. The JSON
//! fields are the contract; the Markdown is a report a journalist pastes.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const BRIDGE: [(&str, &str, &str); 3] = [
    (
        "Tarrow bridge shut *indefinitely* | after cracks found",
        "Lakeside Herald",
        "Engineers closed the Tarrow river bridge on Thursday after inspectors found cracks in two of its \
         steel supports. The county roads office said repairs would cost about 4.2 million crowns. \
         \"Nobody crosses until we know it is safe,\" said county engineer Brenna Holt. Ferry operators \
         added four extra sailings a day for stranded commuters.",
    ),
    (
        "Cracked supports close Tarrow bridge",
        "Millbrook Courier",
        "The Tarrow river bridge was closed on Thursday when inspectors discovered cracks in two steel \
         supports. \"Nobody crosses until we know it is safe,\" county engineer Brenna Holt told reporters. \
         Repairs will cost roughly 4.2 million crowns, according to the county roads office. Local \
         shopkeepers fear a long closure will drive customers to the retail park in Easton.",
    ),
    (
        "Tarrow bridge closure strands commuters",
        "Valley Signal",
        "Inspectors found cracks in two steel supports of the Tarrow river bridge, which engineers closed \
         on Thursday. County engineer Brenna Holt said nobody would cross until the bridge was known to be \
         safe. Council member Osric Pell demanded an inquiry into why the last inspection, in 2024, missed \
         the damage.",
    ),
];

fn write(dir: &Path, name: &str, (title, source, body): (&str, &str, &str)) {
    let text = format!("---\ntitle: {title}\nsource: {source}\ndate: 2026-04-02\n---\n\n{body}\n");
    fs::write(dir.join(name), text).unwrap();
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, a) in BRIDGE.into_iter().enumerate() {
        write(dir.path(), &format!("bridge{i}.md"), a);
    }
    write(
        dir.path(),
        "lone.md",
        (
            "Harbour festival adds a second stage",
            "Lakeside Herald",
            "The Orm harbour festival will add a second stage for folk bands this summer, organisers said.",
        ),
    );
    dir
}

fn parallax(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn story_id(path: &str) -> String {
    let (code, out, err) = parallax(&["stories", path, "--json"]);
    assert_eq!(code, 0, "{err}");
    let stories: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    stories[0]["id"].as_str().unwrap().to_owned()
}

#[test]
fn json_holds_the_contract_fields_and_one_row_for_a_claim_of_three_outlets() {
    let dir = fixture();
    let path = dir.path().to_str().unwrap();
    let id = story_id(path);
    let (code, out, err) = parallax(&["story", &id, path, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["articles", "id", "rows", "title"]);
    assert_eq!(v["id"], id.as_str());
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    for a in articles {
        let mut keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["id", "outlet", "published", "title"]);
        assert_eq!(a["published"], "2026-04-02");
    }
    let rows = v["rows"].as_array().unwrap();
    for r in rows {
        let mut keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["carried", "kind", "sentences", "text"]);
        assert!(["claim", "quote"].contains(&r["kind"].as_str().unwrap()));
        let carried = r["carried"].as_object().unwrap();
        let outlets: Vec<&str> = carried.keys().map(String::as_str).collect();
        assert_eq!(outlets, ["Lakeside Herald", "Millbrook Courier", "Valley Signal"]);
        assert!(
            carried
                .values()
                .all(|c| ["full", "partial", "none"].contains(&c.as_str().unwrap()))
        );
        let held = carried.values().filter(|c| *c != "none").count();
        let sentences = r["sentences"].as_object().unwrap();
        assert!(sentences.len() >= held, "{r:#}");
        for (article, range) in sentences {
            assert!(articles.iter().any(|a| a["id"] == article.as_str()));
            let range = range.as_array().unwrap();
            assert!(range[0].as_u64().unwrap() < range[1].as_u64().unwrap());
        }
    }
    // The cracks: one row carried by all three, first.
    let cracks = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("cracks"))
        .unwrap();
    assert!(
        cracks["carried"]
            .as_object()
            .unwrap()
            .values()
            .all(|c| c != "none"),
        "{cracks:#}"
    );
    assert_eq!(
        rows[0]["carried"]
            .as_object()
            .unwrap()
            .values()
            .filter(|c| *c != "none")
            .count(),
        3
    );
    let quote = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("Nobody crosses"))
        .unwrap();
    assert_eq!(quote["kind"], "quote");
    let pell = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("Osric Pell"))
        .unwrap();
    assert_eq!(pell["carried"]["Valley Signal"], "full");
    assert_eq!(pell["carried"]["Lakeside Herald"], "none");
}

#[test]
fn the_markdown_report_is_escaped_and_says_who_alone_reports_what() {
    let dir = fixture();
    // A control sequence in one title: escaped, never written raw.
    let (title, source, body) = BRIDGE[1];
    write(
        dir.path(),
        "bridge1.md",
        (&format!("{title} \u{1b}[31m"), source, body),
    );
    let path = dir.path().to_str().unwrap();
    let id = story_id(path);
    let (code, out, err) = parallax(&["story", &id[..6], path, "--markdown"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(out.starts_with("# Coverage: "), "{out}");
    assert!(
        out.contains(&format!("Story `{id}`: 3 articles, 3 outlets.")),
        "{out}"
    );
    assert!(
        out.contains(
            "| Lakeside Herald | Tarrow bridge shut \\*indefinitely\\* \\| after cracks found | 2026-04-02 |"
        ),
        "{out}"
    );
    assert!(
        out.contains("| Kind | Lakeside Herald | Millbrook Courier | Valley Signal | Text |"),
        "{out}"
    );
    assert!(out.contains("| claim | ● | ● | ● |"), "{out}");
    assert!(
        out.contains("## Only Valley Signal reports\n\n- Council member Osric Pell"),
        "{out}"
    );
    assert!(
        out.contains("## Only Millbrook Courier reports\n\n- Local shopkeepers"),
        "{out}"
    );
    assert!(
        out.contains("## Who is quoted\n\n| Speaker | Lakeside Herald | Millbrook Courier | Valley Signal |"),
        "{out}"
    );
    assert!(out.contains("| Brenna Holt |"), "{out}");
}

#[test]
fn an_unknown_id_is_an_error_that_says_where_the_ids_are() {
    let dir = fixture();
    let path = dir.path().to_str().unwrap();
    let (code, out, err) = parallax(&["story", "ffffffffffff", path]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("no story with id ffffffffffff") && err.contains("parallax stories"),
        "{err}"
    );
    let (code, _, err) = parallax(&["story", " ", path]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = parallax(&["story"]);
    assert_eq!(code, 2);
}

#[test]
fn the_text_matrix_names_the_outlets_by_letter() {
    let dir = fixture();
    let path = dir.path().to_str().unwrap();
    let id = story_id(path);
    let (code, out, err) = parallax(&["story", &id, path]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("  A  Lakeside Herald"), "{out}");
    assert!(out.contains("  C  Valley Signal"), "{out}");
    assert!(out.contains("A B C  KIND   TEXT"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("● ● ●  claim")), "{out}");
}

/// The demo's rail story: its Northgate file names no outlet, so its
/// column is keyed by the article id; `valleywire.example` is Valley Wire.
#[test]
fn an_article_naming_no_outlet_is_a_column_keyed_by_its_id() {
    let (code, out, err) = parallax(&["stories", "--json"]);
    assert_eq!(code, 0, "{err}");
    let stories: Vec<Value> = serde_json::from_str(&out).unwrap();
    let rail = stories
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("Rail strike"))
        .unwrap();
    assert_eq!(
        rail["outlets"],
        serde_json::json!(["Meridian Post", "Valley Wire"])
    );
    let (code, out, err) = parallax(&["story", rail["id"].as_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let outlets: Vec<&Value> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["outlet"])
        .collect();
    assert_eq!(
        outlets,
        [
            &Value::from("Meridian Post"),
            &Value::Null,
            &Value::from("Valley Wire")
        ]
    );
    // In column order (the article order), as printed.
    let at = |key: &str| out.find(&format!("\"{key}\": \"")).unwrap();
    assert!(at("Meridian Post") < at("demo/rail-northgate-daily.txt"));
    assert!(at("demo/rail-northgate-daily.txt") < at("Valley Wire"));
    let all = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["carried"].as_object().unwrap().values().all(|c| c != "none"))
        .count();
    assert!(all >= 3, "{all}");
}
