//! The stories screen: the demo's three stories, and Enter comparing the
//! first two articles of one.

use insta::assert_snapshot;
use parallax::app::ScreenKind;

use super::common::{demo, keys, render};

#[test]
fn t_lists_the_three_demo_stories_and_enter_compares_two_articles_of_one() {
    let mut state = demo(120, 40);
    keys(&mut state, "t");
    assert_eq!(state.screen(), ScreenKind::Stories);
    let stories = state.index.as_deref().unwrap().stories.stories.clone();
    assert_eq!(stories.len(), 3);
    assert!(stories.iter().all(|s| s.articles.len() == 3));
    let screen = render(&state);
    for s in &stories {
        assert!(screen.contains(&s.title[..40]), "{screen}");
    }
    keys(&mut state, "j<Enter>");
    assert_eq!(state.screen(), ScreenKind::Compare);
    let sides = state.compare().unwrap().articles();
    assert_eq!(
        (sides.left, sides.right),
        (stories[1].articles[0], stories[1].articles[1])
    );
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Stories);
    assert_eq!(state.stories().unwrap().cursor.selected, 1);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = demo(w, h);
        keys(&mut state, "tj");
        assert_snapshot!(format!("stories_{w}x{h}"), render(&state));
    }
}
