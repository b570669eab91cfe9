//! Drawing benchmarks: one reader frame and one compare frame at 200x60
//! (demo, 5,000- and 50,000-word articles, scrolled to the middle), one
//! library frame, and re-wrapping a 50,000-word article (what a resize
//! costs).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::app::document::Document;
use parallax::app::{Action, Keymap, State, start_compare, update};
use parallax::corpus::{Article, Corpus, demo_corpus};
use parallax::theme::Theme;
use parallax::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "water",
    "plant",
    "would",
    "cost",
    "more",
    "than",
    "residents",
    "expected",
    "according",
    "to",
    "figures",
    "released",
    "on",
    "Tuesday",
    "and",
    "a",
    "spokesperson",
    "for",
    "union",
    "argued",
    "that",
    "drought",
    "had",
    "made",
    "desalination",
    "unavoidable",
    "in",
    "coastal",
    "towns",
    "where",
    "farmers",
    "“we",
    "cannot",
    "wait”,",
    "governor",
    "insisted.",
];

/// A deterministic article of about `words` words in 80-word paragraphs.
fn synthetic(words: usize) -> Article {
    synthetic_seeded(words, 0x2545_f491_4f6c_dd1d)
}

fn synthetic_seeded(words: usize, mut seed: u64) -> Article {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    for i in 0..words {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        current.push(WORDS[(seed % WORDS.len() as u64) as usize]);
        if (i + 1) % 80 == 0 {
            paragraphs.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    let mut article = Article {
        id: format!("synthetic-{words}"),
        title: Some(format!("A synthetic article of {words} words")),
        source: Some("Bench Herald".into()),
        ..Article::default()
    };
    article.set_paragraphs(paragraphs);
    article
}

/// A state reading `article` at 200x60, scrolled to the middle, with a
/// search active so highlights are drawn too.
fn reading(article: Article) -> State {
    let corpus = Corpus {
        articles: vec![article],
        files: 1,
        ..Corpus::default()
    };
    let mut state = State::new(corpus, "bench", Keymap::default(), (200, 60));
    for action in [Action::Open, Action::Bottom] {
        update(&mut state, action);
    }
    let middle = state.reader().unwrap().scroll / 2;
    state.reader_mut().unwrap().scroll = middle;
    let body = state.corpus.articles[0].body.clone();
    let rows = state.reader_rows();
    state.reader_mut().unwrap().search("water", &body, rows);
    state
}

/// The compare screen at 200x60 on `left` and `right`, the first shared
/// item selected (both panes scrolled to it), then moved to the middle.
fn comparing(left: Article, right: Article) -> State {
    let corpus = Corpus {
        articles: vec![left, right],
        files: 2,
        ..Corpus::default()
    };
    let mut state = State::new(corpus, "bench", Keymap::default(), (200, 60));
    start_compare(&mut state);
    update(&mut state, Action::NextShared);
    let cmp = state.compare_mut().unwrap();
    cmp.locked = true;
    let middle = cmp.panes.left.doc.lines.len() / 2;
    update(&mut state, Action::Scroll(middle as i32));
    state
}

fn compare_frames(c: &mut Criterion) {
    let theme = Theme::default_theme();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let demo = demo_corpus();
    let find = |id: &str| demo.articles.iter().find(|a| a.id == id).unwrap().clone();
    let pairs = [
        (
            "compare_frame_200x60_demo",
            find("demo/desal-harbour-ledger.txt"),
            find("demo/desal-coastline-tribune.md"),
        ),
        (
            "compare_frame_200x60_5k_words",
            synthetic(5_000),
            synthetic_seeded(5_000, 7),
        ),
        (
            "compare_frame_200x60_50k_words",
            synthetic(50_000),
            synthetic_seeded(50_000, 7),
        ),
    ];
    for (name, left, right) in pairs {
        let state = comparing(left, right);
        c.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|f| ui::draw(f, black_box(&state), &theme)).unwrap();
            });
        });
    }
}

fn draw_frames(c: &mut Criterion) {
    let theme = Theme::default_theme();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let demo = demo_corpus().articles.into_iter().next().unwrap();
    for (name, article) in [
        ("reader_frame_200x60_demo", demo),
        ("reader_frame_200x60_5k_words", synthetic(5_000)),
        ("reader_frame_200x60_50k_words", synthetic(50_000)),
    ] {
        let state = reading(article);
        c.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|f| ui::draw(f, black_box(&state), &theme)).unwrap();
            });
        });
    }
    let library = State::new(demo_corpus(), "demo", Keymap::default(), (200, 60));
    c.bench_function("library_frame_200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::draw(f, black_box(&library), &theme))
                .unwrap();
        });
    });
}

fn rewrap(c: &mut Criterion) {
    let article = synthetic(50_000);
    c.bench_function("rewrap_50k_words_at_84", |b| {
        b.iter(|| Document::build(0, black_box(&article), 84));
    });
    c.bench_function("rewrap_50k_words_at_40", |b| {
        b.iter(|| Document::build(0, black_box(&article), 40));
    });
}

criterion_group!(benches, draw_frames, compare_frames, rewrap);
criterion_main!(benches);
