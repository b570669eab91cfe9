//! Kept state: what a key press and a corpus load cost. One note written
//! in its own transaction (what the writer thread does per `f` or `A`);
//! finding 1,000 kept notes in a corpus of 100,000 generated articles
//! whose files sit in 100 folders (once when a corpus loads, and when the
//! notes screen is refreshed).
//!
//! `cargo bench --bench state -- --warm-up-time 1 --measurement-time 3`

mod support;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::app::kept::Kept;
use parallax::corpus::{Article, Corpus};
use parallax::state::{Anchor, ArticleKeys, Flag, Kind, Note, Store, Target};

const ARTICLES: usize = 100_000;
const FOLDERS: usize = 100;
const NOTES: usize = 1_000;

fn corpus(root: &std::path::Path) -> Corpus {
    for f in 0..FOLDERS {
        std::fs::create_dir_all(root.join(format!("f{f:03}"))).unwrap();
    }
    let articles = (0..ARTICLES)
        .map(|i| {
            let mut rng = support::Rng::new(i as u64 + 1);
            let path: PathBuf = root.join(format!("f{:03}/a{i:06}.txt", i % FOLDERS));
            let mut article = Article {
                id: path.display().to_string(),
                path,
                ..Article::default()
            };
            article.set_paragraphs(support::body(&mut rng, 1_500));
            article
        })
        .collect();
    Corpus {
        articles,
        ..Corpus::default()
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("state.db")).unwrap();
    let target = Target {
        article: "/corpus/a.txt".into(),
        anchor: Some(Anchor {
            text: "the dam will hold".into(),
            start: 10,
            end: 27,
        }),
    };
    let mut note = Note::new("/corpus", Kind::Quote, target);
    note.text = "check the minutes".into();
    let mut flags = Flag::ALL.iter().cycle();
    c.bench_function("state/save_note (one transaction)", |b| {
        b.iter(|| {
            note.flag = flags.next().copied();
            store.save_note(black_box(&note)).unwrap();
        })
    });

    let root = dir.path().join("corpus");
    let corpus = corpus(&root);
    let key = parallax::state::corpus_key(std::slice::from_ref(&root));
    let mut keys = ArticleKeys::new(&key);
    let notes: Vec<Note> = (0..NOTES)
        .map(|n| {
            let a = &corpus.articles[n * (ARTICLES / NOTES)];
            let words: String = a.body.chars().skip(40).take(30).collect();
            let mut note = Note::new(
                &key,
                Kind::Quote,
                Target {
                    article: keys.key(a),
                    anchor: Some(Anchor {
                        text: words,
                        start: 40,
                        end: 70,
                    }),
                },
            );
            note.flag = Some(Flag::Disputed);
            note
        })
        .collect();
    let mut kept = Kept::new(&key, notes, None);
    c.bench_function("state/attach 1,000 notes in 100,000 articles", |b| {
        b.iter(|| {
            kept.attach(black_box(&corpus));
            assert_eq!(kept.placed().count(), NOTES);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
