//! The compare screen: snapshots with shared quotes and claim pairs
//! highlighted, and key sequences that check pairs land level.

use insta::assert_snapshot;
use parallax::app::{ScreenKind, State};
use parallax::compare::Side;

use super::common::{demo, keys, render, render_with};

/// The demo corpus comparing the Harbour Ledger (left) with the Coastline
/// Tribune (right), reached through the library's keys.
pub fn comparing(w: u16, h: u16) -> State {
    let mut state = demo(w, h);
    // Filtered and sorted by date (newest first): Meridian, Harbour, Coastline.
    keys(&mut state, "/desal<Enter>j<Space>j<Space><Esc>c");
    assert_eq!(state.screen(), ScreenKind::Compare);
    state
}

fn rows(state: &State) -> usize {
    parallax::app::layout::compare_rows(state.height)
}

/// The rows the selected pair starts on, left and right.
fn pair_rows(state: &State) -> (Option<usize>, Option<usize>) {
    let cmp = state.compare().unwrap();
    let item = &cmp.marks.items[cmp.selected.expect("a selected pair")];
    (
        cmp.row_of(Side::Left, item.span.left.0, rows(state)),
        cmp.row_of(Side::Right, item.span.right.0, rows(state)),
    )
}

#[test]
fn opens_on_the_marked_articles() {
    let state = comparing(120, 40);
    let cmp = state.compare().unwrap();
    let ids = cmp.articles().map(|i| state.corpus.articles[i].id.clone());
    assert_eq!(ids.left, "demo/desal-harbour-ledger.txt");
    assert_eq!(ids.right, "demo/desal-coastline-tribune.md");
    assert!(cmp.marks.items.len() >= 3, "{:?}", cmp.marks.items.len());
}

#[test]
fn brackets_step_through_pairs_in_reading_order_and_level_them() {
    let mut state = comparing(120, 40);
    let n = state.compare().unwrap().marks.items.len();
    for i in 0..n {
        keys(&mut state, "]");
        let cmp = state.compare().unwrap();
        assert_eq!(cmp.selected, Some(i));
        let (l, r) = pair_rows(&state);
        assert!(l.is_some(), "pair {i} in view");
        assert_eq!(l, r, "pair {i} on the same row");
    }
    keys(&mut state, "]");
    assert_eq!(state.compare().unwrap().selected, Some(0), "wraps");
    keys(&mut state, "[");
    assert_eq!(state.compare().unwrap().selected, Some(n - 1));
    let (l, r) = pair_rows(&state);
    assert_eq!(l, r);
    // Reading order: each pair starts after the previous one on the left.
    let items = &state.compare().unwrap().marks.items;
    assert!(items.windows(2).all(|w| w[0].span.left.0 <= w[1].span.left.0));
}

#[test]
fn locked_scrolling_keeps_pairs_level() {
    let mut state = comparing(120, 40);
    keys(&mut state, "]]L");
    assert!(state.compare().unwrap().locked);
    let before = pair_rows(&state);
    keys(&mut state, "jjj");
    let after = pair_rows(&state);
    assert_eq!(after.0, after.1);
    assert_eq!(after.0, before.0.map(|r| r - 3), "both moved up three rows");
    keys(&mut state, "kkk");
    assert_eq!(pair_rows(&state), before);
    // Half pages keep them level too (Ctrl-d stops at the end of the
    // shorter pane, so it need not come back as far as Ctrl-u goes).
    keys(&mut state, "<C-d>");
    assert_eq!(pair_rows(&state).0, pair_rows(&state).1);
    keys(&mut state, "<C-u>");
    let (l, r) = pair_rows(&state);
    assert_eq!(l, r);
    keys(&mut state, "g");
    keys(&mut state, "]]");
    assert_eq!(pair_rows(&state), before);
    // Unlocked, only the focused pane moves; Tab moves the focus.
    keys(&mut state, "Lj");
    let (l, r) = pair_rows(&state);
    assert_eq!(l.map(|l| l + 1), r);
    keys(&mut state, "<Tab>j");
    assert_eq!(pair_rows(&state).0, pair_rows(&state).1);
}

#[test]
fn s_jumps_to_a_quote_by_another_speaker() {
    let mut state = comparing(120, 40);
    let mut last = None;
    for _ in 0..4 {
        keys(&mut state, "s");
        let cmp = state.compare().unwrap();
        let pane = &cmp.panes.left;
        let quote = pane.quotes[pane.quote.expect("a current quote")];
        assert!(quote.speaker.is_some());
        assert_ne!(Some(quote.speaker), last, "another speaker each time");
        let row = cmp.row_of(Side::Left, quote.start, rows(&state));
        assert!(row.is_some(), "the quote is in view");
        last = Some(quote.speaker);
    }
}

#[test]
fn x_swaps_sides_and_keeps_the_pair() {
    let mut state = comparing(120, 40);
    keys(&mut state, "]]");
    let before = state.compare().cloned().unwrap();
    let item = before.marks.items[before.selected.unwrap()].clone();
    keys(&mut state, "x");
    let after = state.compare().unwrap();
    assert_eq!(after.articles(), before.articles().swapped());
    let now = &after.marks.items[after.selected.expect("still selected")];
    assert_eq!(now.span, item.span.swapped());
    let (l, r) = pair_rows(&state);
    assert_eq!(l, r);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = comparing(w, h);
        keys(&mut state, "]");
        assert_snapshot!(format!("compare_{w}x{h}"), render(&state));
    }
    let mut state = comparing(120, 40);
    keys(&mut state, "]]]p");
    assert_snapshot!("compare_speakers_panel", render(&state));
}

#[test]
fn every_size_draws_and_keeps_the_pair_level() {
    let mut state = comparing(120, 40);
    keys(&mut state, "]]");
    for (w, h) in [
        (200, 60),
        (40, 10),
        (41, 11),
        (79, 23),
        (20, 5),
        (1, 1),
        (120, 40),
    ] {
        parallax::app::update(&mut state, parallax::app::Msg::Resize(w, h));
        let screen = render(&state);
        if parallax::app::layout::too_small(w, h) {
            assert!(w < 20 || screen.contains("too small"), "{screen}");
            continue;
        }
        let (l, r) = pair_rows(&state);
        assert_eq!(l, r, "level at {w}x{h}");
        assert!(screen.contains("shared item 2/"), "{w}x{h}:\n{screen}");
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    let mut state = comparing(120, 40);
    let wheel = |column: u16| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    for column in [100, 10] {
        let action = parallax::app::input::action_for(&state, &wheel(column)).unwrap();
        parallax::app::update(&mut state, action);
    }
    let cmp = state.compare().unwrap();
    let step = parallax::app::input::WHEEL_LINES as usize;
    assert_eq!((cmp.panes.left.scroll, cmp.panes.right.scroll), (step, step));
    assert_eq!(cmp.focus, Side::Left, "the wheel leaves the focus alone");
}

#[test]
fn every_theme_marks_the_pairs() {
    for name in ["light", "high-contrast", "mono"] {
        let mut state = comparing(80, 24);
        let theme = parallax::theme::preset(name).unwrap();
        keys(&mut state, "]]");
        assert_snapshot!(format!("compare_theme_{name}"), render_with(&state, &theme));
    }
}

#[test]
fn v_hides_and_shows_possible_pairs() {
    let mut state = demo(120, 40);
    // A strong threshold above some of the demo pair's scores makes those
    // pairs possible.
    state.thresholds.claim_pair = 0.9;
    keys(&mut state, "/desal<Enter>j<Space>j<Space><Esc>c");
    let cmp = state.compare().unwrap();
    let possible = cmp
        .comparison
        .claims
        .iter()
        .filter(|c| c.tier == parallax::compare::Tier::Possible)
        .count();
    assert!(possible > 0, "the demo pair has possible pairs at this threshold");
    let all = cmp.marks.items.len();
    keys(&mut state, "v");
    let cmp = state.compare().unwrap();
    assert!(!cmp.show_possible);
    assert_eq!(cmp.marks.items.len(), all - possible);
    assert!(
        cmp.marks
            .items
            .iter()
            .all(|i| i.tier != Some(parallax::compare::Tier::Possible))
    );
    keys(&mut state, "v");
    assert_eq!(state.compare().unwrap().marks.items.len(), all);
}

#[test]
fn reported_speech_is_marked_as_reported_not_as_a_quote() {
    use parallax::analysis::QuoteKind;
    use parallax::compare::marks::Mark;
    let state = comparing(120, 40);
    let cmp = state.compare().unwrap();
    let article = cmp.articles().left;
    let analysis = &state.speakers_index().unwrap().analyses[article];
    let indirect: Vec<(usize, usize)> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.start, q.end))
        .collect();
    assert!(!indirect.is_empty(), "the demo article reports speech");
    for m in &cmp.marks.layers.left.quotes {
        let reported = indirect.contains(&(m.start, m.end));
        assert_eq!(matches!(m.mark, Mark::Reported(_)), reported, "{m:?}");
    }
}
