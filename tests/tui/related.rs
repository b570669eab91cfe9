//! The related list: scores, opening an article, comparing a pair.

use insta::assert_snapshot;
use parallax::app::ScreenKind;

use super::common::{demo, keys, render};

#[test]
fn r_lists_related_articles_best_first_and_opens_one() {
    let mut state = demo(120, 40);
    let about = state.library().unwrap().selected_article().unwrap();
    keys(&mut state, "r");
    assert_eq!(state.screen(), ScreenKind::Related);
    let list = state.related().cloned().unwrap();
    assert_eq!(list.article, about);
    assert!(!list.related.is_empty());
    assert!(list.related.iter().all(|&(a, _)| a != about));
    assert!(list.related.windows(2).all(|w| w[0].1 >= w[1].1), "best first");
    // The same story told by another outlet comes first.
    let story = |i: usize| state.corpus.articles[i].title.clone().unwrap_or_default();
    assert!(story(list.related[0].0).contains("Dray") || story(list.related[0].0).contains("farmers"));
    keys(&mut state, "j<Enter>");
    assert_eq!(state.screen(), ScreenKind::Reader);
    assert_eq!(state.reader().unwrap().article(), list.related[1].0);
    keys(&mut state, "qc");
    assert_eq!(state.screen(), ScreenKind::Compare);
    let sides = state.compare().unwrap().articles();
    assert_eq!((sides.left, sides.right), (about, list.related[1].0));
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = demo(w, h);
        keys(&mut state, "jrj");
        assert_snapshot!(format!("related_{w}x{h}"), render(&state));
    }
}

/// A copy of the article (the same body, as a second file) is not its
/// best related article at 100%: it is not listed at all.
#[test]
fn a_copy_of_the_article_is_not_listed() {
    let mut corpus = parallax::corpus::demo_corpus();
    let mut copy = corpus.articles[0].clone();
    copy.id = "inbox/copy.txt".into();
    corpus.articles.push(copy);
    let copy = corpus.articles.len() - 1;
    let mut state = super::common::state_with(corpus, 120, 40);
    let analysed = parallax::app::jobs::analyse_now(&state.corpus);
    parallax::app::update(&mut state, analysed);
    let row = state
        .library()
        .unwrap()
        .order
        .iter()
        .position(|&a| a == 0)
        .unwrap();
    state.library_mut().unwrap().selected = row;
    keys(&mut state, "r");
    let list = state.related().unwrap();
    assert_eq!(list.article, 0);
    assert!(!list.related.is_empty());
    assert!(list.related.iter().all(|&(a, _)| a != copy), "{:?}", list.related);
    assert!(list.related[0].1 < 0.99);
}

/// Above every score the list is empty and says why: the best article,
/// its score, and the key that shows it anyway.
#[test]
fn an_empty_list_says_why_and_a_shows_the_rest() {
    let mut state = demo(120, 40);
    state.thresholds.related = 0.99;
    keys(&mut state, "r");
    assert!(state.related().unwrap().related.is_empty());
    let (best, _) = state.related().unwrap().best_below.expect("a best match");
    let screen = render(&state);
    assert!(
        screen.contains("No article reaches the related threshold (99%)."),
        "{screen}"
    );
    let title = state.corpus.articles[best].title.clone().unwrap();
    assert!(screen.contains(&format!("The best, “{title}”")), "{screen}");
    assert!(screen.contains("press a to show it anyway."), "{screen}");
    keys(&mut state, "a");
    let list = state.related().unwrap();
    assert_eq!(list.related[0].0, best);
    assert_eq!(list.related.len(), 8);
    assert!(!render(&state).contains("No article reaches"));
}
