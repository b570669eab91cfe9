//! `d` in compare: the selected pair in full in a panel that takes the
//! keys; `Esc` (or `q`) closes only the panel.

use insta::assert_snapshot;
use parallax::app::ScreenKind;

use super::common::{keys, render};
use super::compare::comparing;

#[test]
fn d_expands_the_pair_and_esc_closes_only_the_panel() {
    let mut state = comparing(120, 40);
    keys(&mut state, "d");
    assert!(state.compare().unwrap().detail.is_none());
    assert!(state.notice.as_ref().unwrap().text.contains("select a pair"));
    keys(&mut state, "]d");
    let cmp = state.compare().unwrap();
    assert_eq!(cmp.detail, Some(0));
    let item = cmp.marks.items[cmp.selected.unwrap()].clone();
    let screen = render(&state);
    assert!(screen.contains("WORD DIFF"), "{screen}");
    assert!(screen.contains("score"), "{screen}");
    // Both sentences in full, wrapped: every word of each shows.
    let sides = cmp.articles();
    for (side, (s, e)) in [(sides.left, item.span.left), (sides.right, item.span.right)] {
        let text: String = state.corpus.articles[side]
            .body
            .chars()
            .skip(s)
            .take(e - s)
            .collect();
        for word in text.split_whitespace() {
            assert!(screen.contains(word), "{word} missing:\n{screen}");
        }
    }
    // The panel has the keys: j scrolls it, not the panes.
    let scroll = cmp.panes.left.scroll;
    keys(&mut state, "j");
    assert_eq!(state.compare().unwrap().panes.left.scroll, scroll);
    keys(&mut state, "<Esc>");
    assert_eq!(state.screen(), ScreenKind::Compare, "Esc closed only the panel");
    assert!(state.compare().unwrap().detail.is_none());
    keys(&mut state, "dq");
    assert_eq!(state.screen(), ScreenKind::Compare, "q closed only the panel");
    keys(&mut state, "d]");
    assert_eq!(
        state.compare().unwrap().selected,
        Some(1),
        "] moves to the next pair in the panel"
    );
    assert!(state.compare().unwrap().detail.is_some());
    keys(&mut state, "<Esc><Esc>");
    assert_eq!(state.screen(), ScreenKind::Library);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = comparing(w, h);
        keys(&mut state, "]d");
        assert_snapshot!(format!("pair_detail_{w}x{h}"), render(&state));
    }
}
