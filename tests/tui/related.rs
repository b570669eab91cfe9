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
