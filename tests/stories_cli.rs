//! `parallax stories` through the real binary: the demo corpus and an
//! original fixture of two same-kind events (two ferry strikes, a year
//! apart) and an unrelated article.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> (String, String) {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .arg("stories")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

fn json(args: &[&str]) -> Vec<Value> {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&run(&args).0).unwrap()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn the_demo_corpus_holds_three_stories_with_the_contract_fields() {
    let stories = json(&[]);
    assert_eq!(stories.len(), 3, "{stories:#?}");
    let listed: Vec<Value> = serde_json::from_slice(
        &Command::cargo_bin("parallax")
            .unwrap()
            .args(["list", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let ids: Vec<&str> = listed.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let mut seen = Vec::new();
    for s in &stories {
        let mut keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "articles",
                "cohesion",
                "first_published",
                "id",
                "last_published",
                "outlets",
                "title"
            ]
        );
        let articles = strs(&s["articles"]);
        assert_eq!(articles.len(), 3, "{s:#}");
        let prefix = articles[0].trim_start_matches("demo/").split('-').next().unwrap();
        for a in &articles {
            assert!(ids.contains(a), "{a} is an id of list --json");
            assert!(a.starts_with(&format!("demo/{prefix}-")), "{s:#}");
        }
        seen.extend(articles);
        let titles: Vec<&str> = listed
            .iter()
            .filter(|a| s["articles"].as_array().unwrap().contains(&a["id"]))
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        assert!(titles.contains(&s["title"].as_str().unwrap()), "{s:#}");
        let id = s["id"].as_str().unwrap();
        assert!(
            id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit()),
            "{id}"
        );
        let cohesion = s["cohesion"].as_f64().unwrap();
        assert!(cohesion > 0.0 && cohesion <= 1.0);
        assert!(s["first_published"].as_str() <= s["last_published"].as_str());
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 9, "every demo article is in one story");
    let desal = stories
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("desalination"))
        .unwrap();
    assert_eq!(
        strs(&desal["outlets"]),
        ["Coastline Tribune", "Meridian Post", "The Harbour Ledger"]
    );
    // Stable across runs.
    assert_eq!(json(&[]), stories);
}

const STRIKE_2025: [(&str, &str, &str); 3] = [
    (
        "Skerrow ferry crews strike over night sailings",
        "Port Alvin Gazette",
        "Ferry crews on the Skerrow crossing walked off the job at dawn, stranding island commuters at \
      Port Alvin. The Maritime Workers Guild said the stoppage would last two days unless Bluewake \
      Lines withdrew its plan to cut night crossings. Oona Brack, the guild organiser, said crews \
      would not sail short-handed through winter storms. Bluewake blamed fuel costs for the timetable.",
    ),
    (
        "Bluewake ferries idle as guild walks out",
        "Island Courier",
        "Bluewake Lines ferries sat idle at Port Alvin after Skerrow crews stopped work in a dispute over \
      night crossings. Guild organiser Oona Brack said crews would not sail short-handed through the \
      winter storms. Commuters queued for buses while Bluewake said fuel costs forced the cut to its \
      timetable and the Maritime Workers Guild promised two days of stoppage.",
    ),
    (
        "Night crossing cuts spark Skerrow ferry stoppage",
        "Northshore Record",
        "A two-day stoppage by the Maritime Workers Guild halted the Skerrow crossing, leaving Port Alvin \
      commuters stranded. Bluewake Lines plans to cut night crossings to cover fuel costs; organiser \
      Oona Brack said crews refuse to sail short-handed through winter storms.",
    ),
];

const STRIKE_2026: [(&str, &str, &str); 2] = [
    (
        "Skerrow ferry crews strike again over pay",
        "Port Alvin Gazette",
        "A year after the last stoppage, ferry crews on the Skerrow crossing walked out again, this time \
      over pay. The Maritime Workers Guild said Bluewake Lines offered a rise below inflation. \
      Organiser Tamsin Reel said the guild would hold a second vote in March. Port Alvin commuters \
      faced another week of buses.",
    ),
    (
        "Guild pay walkout halts Skerrow crossing",
        "Island Courier",
        "Bluewake Lines cancelled every Skerrow sailing as the Maritime Workers Guild began a pay \
      walkout. Tamsin Reel, the guild organiser, called the offer a rise below inflation and said a \
      second vote would follow in March. Port Alvin commuters turned to buses for the week.",
    ),
];

fn write(dir: &Path, name: &str, (title, source, body): (&str, &str, &str), date: &str) {
    let text = format!("---\ntitle: {title}\nsource: {source}\ndate: {date}\n---\n\n{body}\n");
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn two_strikes_of_the_same_kind_a_year_apart_are_two_stories_and_a_lone_article_none() {
    let dir = tempfile::tempdir().unwrap();
    for (i, a) in STRIKE_2025.into_iter().enumerate() {
        write(dir.path(), &format!("a{i}.md"), a, &format!("2025-01-1{i}"));
    }
    for (i, a) in STRIKE_2026.into_iter().enumerate() {
        write(dir.path(), &format!("b{i}.md"), a, &format!("2026-02-0{}", i + 3));
    }
    write(
        dir.path(),
        "lone.md",
        (
            "Thessel valley growers count frost damage",
            "Valley Almanac",
            "A late frost damaged apple blossom across the Thessel valley and cider makers expect a \
             smaller harvest.",
        ),
        "2025-01-10",
    );
    let path = dir.path().to_str().unwrap();
    let stories = json(&[path]);
    assert_eq!(stories.len(), 2, "{stories:#?}");
    let names = |s: &Value| -> Vec<String> {
        strs(&s["articles"])
            .iter()
            .map(|a| Path::new(a).file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let mut first = names(&stories[0]);
    first.sort();
    assert_eq!(first, ["a0.md", "a1.md", "a2.md"], "largest first");
    assert_eq!(names(&stories[1]), ["b0.md", "b1.md"], "by date");
    assert_eq!(stories[1]["first_published"], "2026-02-03");
    assert_eq!(stories[1]["last_published"], "2026-02-04");
    assert_eq!(
        strs(&stories[1]["outlets"]),
        ["Island Courier", "Port Alvin Gazette"]
    );
}

#[test]
fn the_table_escapes_what_the_files_hold() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (title, source, body)) in STRIKE_2025.into_iter().enumerate() {
        let title = format!("{title} \u{1b}]0;owned\u{7}\u{1b}[31m");
        write(
            dir.path(),
            &format!("a{i}.md"),
            (&title, source, body),
            "2025-01-10",
        );
    }
    let (table, _) = run(&[dir.path().to_str().unwrap()]);
    assert!(table.starts_with("ID "), "{table}");
    assert_eq!(table.lines().count(), 2, "{table}");
    assert!(!table.contains('\u{1b}') && !table.contains('\u{7}'), "{table:?}");
    assert!(table.contains("Skerrow") || table.contains("Bluewake"), "{table}");
}

#[test]
fn a_corpus_without_stories_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one.md", STRIKE_2025[0], "2025-01-10");
    let (table, _) = run(&[dir.path().to_str().unwrap()]);
    assert!(table.starts_with("No story"), "{table}");
    assert_eq!(json(&[dir.path().to_str().unwrap()]), Vec::<Value>::new());
}
