//! The mouse (issue 13): a click selects a row, focuses a compare pane,
//! picks a pair.

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use parallax::app::{ScreenKind, State, input, update};
use parallax::compare::Side;

use super::common::{demo, keys};
use super::compare::comparing;

fn click(state: &mut State, column: u16, row: u16) {
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(msg) = input::message_for(state, &event) {
        update(state, msg);
    }
}

#[test]
fn a_click_selects_the_library_row_under_it() {
    let mut state = demo(120, 40);
    // Row 3 is the first table row (title bar, heading, rule above).
    click(&mut state, 40, 5);
    assert_eq!(state.library().unwrap().selected, 2);
    click(&mut state, 40, 3);
    assert_eq!(state.library().unwrap().selected, 0);
    // Below the last row, or on the heading: nothing changes.
    click(&mut state, 40, 30);
    click(&mut state, 40, 1);
    assert_eq!(state.library().unwrap().selected, 0);
    assert_eq!(state.notice, None);
}

#[test]
fn a_click_selects_a_row_of_a_list_screen() {
    let mut state = demo(120, 40);
    keys(&mut state, "p");
    assert_eq!(state.screen(), ScreenKind::Speakers);
    click(&mut state, 10, 6);
    assert_eq!(state.speakers().unwrap().cursor.selected, 3);
    keys(&mut state, "q<Enter>r");
    click(&mut state, 10, 4);
    assert_eq!(state.related().unwrap().cursor.selected, 1);
}

#[test]
fn a_click_focuses_a_pane_and_picks_a_pair() {
    let mut state = comparing(120, 40);
    assert_eq!(state.compare().unwrap().focus, Side::Left);
    click(&mut state, 90, 10);
    assert_eq!(state.compare().unwrap().focus, Side::Right);
    click(&mut state, 10, 10);
    assert_eq!(state.compare().unwrap().focus, Side::Left);
    // Bring a pair into view, select the next, then click on the first's text.
    keys(&mut state, "]");
    let first = state.compare().unwrap().selected.unwrap();
    keys(&mut state, "]");
    let cmp = state.compare().unwrap();
    assert_eq!(cmp.selected, Some(first + 1));
    let rows = parallax::app::layout::compare_rows(40);
    let start = cmp.marks.items[first].span.left.0;
    let row = cmp.row_of(Side::Left, start, rows);
    let line = &cmp.panes.left.doc.lines[cmp.panes.left.line_of(start)];
    let column = 3 + (start - line.char_start) as u16;
    let Some(row) = row else {
        panic!("the first pair is still in view");
    };
    click(&mut state, column + 1, 2 + row as u16);
    let cmp = state.compare().unwrap();
    assert_eq!(cmp.selected, Some(first));
    assert_eq!(cmp.focus, Side::Left);
    // Levelled as ] does.
    let rows_of = |i: usize| {
        let item = &cmp.marks.items[i];
        (
            cmp.row_of(Side::Left, item.span.left.0, rows),
            cmp.row_of(Side::Right, item.span.right.0, rows),
        )
    };
    let (l, r) = rows_of(first);
    assert!(l.is_some() && l == r, "{l:?} {r:?}");
}
