//! The library's folder column, duplicates folded under their first copy,
//! the path on demand, decoded titles and one name per outlet (issue 13).

use std::path::Path;

use parallax::app::ScreenKind;
use parallax::corpus;

use super::common::{keys, render, state_with};

fn article(title: &str, source: &str, body: &str) -> String {
    format!("Title: {title}\nSource: {source}\nPublished Time: 2026-03-14\nText:\n{body}\n")
}

/// business/ and sport/ folders; one article filed twice; a title with
/// an HTML reference; one outlet spelt two ways.
fn corpus_dir(dir: &Path) {
    let write = |rel: &str, text: String| {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "business/001.txt",
        article(
            "Budget gap of &#163;1.8m found",
            "NYT",
            "The council found a budget gap on Monday. It will meet again.",
        ),
    );
    write(
        "business/002.txt",
        article(
            "Harbour deal signed",
            "nyt",
            "The harbour deal was signed by both boards after a long night.",
        ),
    );
    write(
        "sport/001.txt",
        article(
            "Rowers win the final",
            "Valley Wire",
            "The rowers won the final by a length in the rain on Sunday.",
        ),
    );
    write(
        "sport/002.txt",
        article(
            "Rowers win the final",
            "Valley Wire",
            "The rowers won the final by a length in the rain on Sunday.",
        ),
    );
}

fn library(dir: &Path, w: u16, h: u16) -> parallax::app::State {
    let corpus = corpus::load(&[dir.to_path_buf()]);
    assert_eq!(corpus.articles.len(), 4);
    state_with(corpus, w, h)
}

#[test]
fn folders_duplicates_entities_and_outlets() {
    let dir = tempfile::tempdir().unwrap();
    corpus_dir(dir.path());
    let mut state = library(dir.path(), 120, 24);
    let screen = render(&state);
    // The folder column, the decoded title, one outlet.
    assert!(screen.contains("FOLDER"), "{screen}");
    assert!(
        screen.contains("business") && screen.contains("sport"),
        "{screen}"
    );
    assert!(screen.contains("Budget gap of £1.8m found"), "{screen}");
    assert!(!screen.contains("nyt "), "{screen}");
    let sources: Vec<_> = state
        .corpus
        .articles
        .iter()
        .map(|a| a.source.clone().unwrap())
        .collect();
    assert_eq!(sources.iter().filter(|s| *s == "NYT").count(), 2, "{sources:?}");
    assert!(screen.contains("2 outlets"), "{screen}");
    // The copy is folded into its first (sport/001 before sport/002).
    let lib = state.library().unwrap();
    assert_eq!(lib.order.len(), 3);
    assert!(screen.contains("Rowers win the final  (+1 copy, D)"), "{screen}");
    // D lists it under its first copy.
    keys(&mut state, "D");
    let lib = state.library().unwrap();
    assert_eq!(lib.order.len(), 4);
    let first = lib
        .order
        .iter()
        .position(|&a| state.corpus.articles[a].id.ends_with("sport/001.txt"))
        .unwrap();
    let copy = state.corpus.articles[lib.order[first + 1]].id.clone();
    assert!(copy.ends_with("sport/002.txt"), "{copy}");
    assert!(render(&state).contains("↳ copy: Rowers win the final"));
    keys(&mut state, "D");
    assert_eq!(state.library().unwrap().order.len(), 3);
    // i: the selected article's file.
    keys(&mut state, "gi");
    let id = &state.corpus.articles[state.library().unwrap().selected_article().unwrap()].id;
    let notice = state.notice.clone().unwrap().text;
    assert!(
        notice.starts_with("file: ") && notice.contains(id.as_str()),
        "{notice}"
    );
    assert_eq!(state.screen(), ScreenKind::Library);
}

#[test]
fn one_folder_shows_no_folder_column() {
    let state = super::common::demo(120, 40);
    assert!(!render(&state).contains("FOLDER"));
}
