//! Key sequences through the real keymap into `update`, checked on state.

use parallax::app::screens::library;
use parallax::app::{Action, Msg, ScreenKind, update};

use super::common::{demo, keys, render};

fn selected_title(state: &parallax::app::State) -> String {
    let i = state.library().unwrap().selected_article().unwrap();
    library::title(&state.corpus.articles[i]).to_string()
}

#[test]
fn library_moves_within_bounds() {
    let mut s = demo(120, 40);
    keys(&mut s, "kk");
    assert_eq!(s.library().unwrap().selected, 0);
    keys(&mut s, "jjj");
    assert_eq!(s.library().unwrap().selected, 3);
    keys(&mut s, "G");
    assert_eq!(s.library().unwrap().selected, 8);
    keys(&mut s, "j<C-d><PageDown>");
    assert_eq!(s.library().unwrap().selected, 8);
    keys(&mut s, "g");
    assert_eq!(s.library().unwrap().selected, 0);
}

#[test]
fn library_scrolls_to_keep_the_selection_visible() {
    let mut s = demo(80, 10);
    let rows = s.library_rows();
    assert!(rows < 9, "the test needs a short window");
    keys(&mut s, "G");
    assert_eq!(s.library().unwrap().offset, 9 - rows);
    keys(&mut s, "g");
    assert_eq!(s.library().unwrap().offset, 0);
}

#[test]
fn marks_keep_the_last_two() {
    let mut s = demo(120, 40);
    let a = s.library().unwrap().order[0];
    let b = s.library().unwrap().order[1];
    let c = s.library().unwrap().order[2];
    keys(&mut s, "<Space>j<Space>j<Space>");
    assert_eq!(s.library().unwrap().marks, vec![b, c]);
    keys(&mut s, "<Space>");
    assert_eq!(s.library().unwrap().marks, vec![b]);
    keys(&mut s, "gg<Space>");
    assert_eq!(s.library().unwrap().marks, vec![b, a]);
    assert_eq!(s.library().unwrap().mark_of(a), Some(2));
}

#[test]
fn sorting_by_columns_and_direction() {
    let mut s = demo(120, 40);
    let dates: Vec<_> = s
        .library()
        .unwrap()
        .order
        .iter()
        .map(|&i| library::date(&s.corpus.articles[i]).map(str::to_string))
        .collect();
    assert_eq!(dates[0].as_deref(), Some("2026-07-22"), "newest first");
    assert_eq!(dates[8], None, "undated last");
    let before = selected_title(&s);
    keys(&mut s, "s");
    let sources: Vec<_> = s
        .library()
        .unwrap()
        .order
        .iter()
        .map(|&i| library::source(&s.corpus.articles[i]).map(str::to_string))
        .collect();
    assert_eq!(sources[0].as_deref(), Some("Coastline Tribune"));
    assert_eq!(sources[8], None);
    assert_eq!(selected_title(&s), before, "the selection follows the article");
    keys(&mut s, "s");
    let titles: Vec<_> = s
        .library()
        .unwrap()
        .order
        .iter()
        .map(|&i| library::title(&s.corpus.articles[i]).to_lowercase())
        .collect();
    assert!(titles.is_sorted());
    keys(&mut s, "S");
    let reversed: Vec<_> = s
        .library()
        .unwrap()
        .order
        .iter()
        .map(|&i| library::title(&s.corpus.articles[i]).to_lowercase())
        .collect();
    assert!(reversed.iter().rev().is_sorted());
    keys(&mut s, "s");
    let words: Vec<_> = s
        .library()
        .unwrap()
        .order
        .iter()
        .map(|&i| s.library().unwrap().rows[i].words)
        .collect();
    assert!(words.is_sorted());
    assert!(render(&s).contains("WORDS ↑"), "the sort arrow fits");
}

#[test]
fn library_filter_counts_and_wraps() {
    let mut s = demo(120, 40);
    keys(&mut s, "/rail");
    assert_eq!(s.prompt.as_deref(), Some("rail"));
    assert_eq!(s.library().unwrap().order.len(), 3);
    assert!(render(&s).contains("/rail▏  1/3"));
    keys(&mut s, "<Enter>");
    assert_eq!(s.prompt, None);
    keys(&mut s, "nn");
    assert!(render(&s).contains("/rail 3/3"));
    keys(&mut s, "n");
    assert_eq!(s.library().unwrap().selected, 0, "n wraps around");
    keys(&mut s, "N");
    assert_eq!(s.library().unwrap().selected, 2, "N wraps around");
    keys(&mut s, "<Esc>");
    assert_eq!(
        (
            s.library().unwrap().filter.as_str(),
            s.library().unwrap().order.len()
        ),
        ("", 9)
    );
    keys(&mut s, "/RAIL<Esc>");
    assert_eq!(
        s.library().unwrap().order.len(),
        9,
        "Esc in the prompt drops the filter"
    );
    keys(&mut s, "/zzz<Enter>");
    assert!(render(&s).contains("No article matches “zzz”"));
}

#[test]
fn reader_scroll_bounds() {
    let mut s = demo(80, 24);
    keys(&mut s, "<Enter>");
    assert_eq!(s.screen(), ScreenKind::Reader);
    let rows = s.reader_rows();
    let reader = s.reader().unwrap();
    let max = reader.doc.lines.len() - rows;
    keys(&mut s, "kk<PageUp>");
    assert_eq!(s.reader().unwrap().scroll, 0);
    keys(&mut s, "<C-d>");
    assert_eq!(s.reader().unwrap().scroll, rows / 2);
    keys(&mut s, "<C-u>j");
    assert_eq!(s.reader().unwrap().scroll, 1);
    keys(&mut s, "G");
    assert_eq!(s.reader().unwrap().scroll, max);
    keys(&mut s, "j<Space><C-d>");
    assert_eq!(s.reader().unwrap().scroll, max);
    keys(&mut s, "b");
    assert_eq!(s.reader().unwrap().scroll, max - (rows - 2));
    update(&mut s, Action::Scroll(-3));
    assert_eq!(s.reader().unwrap().scroll, max - (rows - 2) - 3);
    keys(&mut s, "g");
    assert_eq!(s.reader().unwrap().scroll, 0);
}

#[test]
fn reader_search_counts_and_wraps() {
    let mut s = demo(120, 40);
    keys(&mut s, "<Enter>");
    let article = s.reader().unwrap().article();
    let expected = s.corpus.articles[article]
        .body
        .to_lowercase()
        .matches("water")
        .count();
    keys(&mut s, "/water<Enter>");
    let search = &s.reader().unwrap().search;
    assert_eq!(search.matches.len(), expected);
    assert_eq!(search.counter(), format!("1/{expected}"));
    assert!(render(&s).contains(&format!("/water 1/{expected}")));
    keys(&mut s, "N");
    assert_eq!(
        s.reader().unwrap().search.counter(),
        format!("{expected}/{expected}")
    );
    keys(&mut s, "n");
    assert_eq!(s.reader().unwrap().search.counter(), format!("1/{expected}"));
    keys(&mut s, "/Water<Enter>");
    assert!(s.reader().unwrap().search.matches.len() < expected, "smart case");
    keys(&mut s, "<Esc>");
    assert!(!s.reader().unwrap().search.is_active());
    assert_eq!(s.screen(), ScreenKind::Reader, "the first Esc clears the search");
    keys(&mut s, "<Esc>");
    assert_eq!(s.screen(), ScreenKind::Library);
}

#[test]
fn search_jumps_scroll_the_match_into_view() {
    let mut s = demo(80, 12);
    keys(&mut s, "<Enter>/said<Enter>N");
    let r = s.reader().unwrap();
    let line = r.doc.line_of_char(r.search.current_match().unwrap().0);
    assert!(
        line >= r.scroll && line < r.scroll + s.reader_rows(),
        "{line} not in view"
    );
    assert!(r.scroll > 0);
}

#[test]
fn resize_rewraps_and_keeps_the_place() {
    let mut s = demo(120, 40);
    keys(&mut s, "<Enter><C-d>");
    let r = s.reader().unwrap();
    let top_char = r.doc.char_at_line(r.scroll).unwrap();
    update(&mut s, Msg::Resize(60, 20));
    let r = s.reader().unwrap();
    assert_eq!(r.doc.width, 56);
    let shown = r.doc.lines[r.scroll].char_start;
    assert!(shown <= top_char && top_char < shown + r.doc.lines[r.scroll].chars + 1);
    for (w, h) in [(1, 1), (39, 9), (0, 0), (500, 3)] {
        update(&mut s, Msg::Resize(w, h));
        let _ = render(&s);
    }
}

#[test]
fn back_quit_help_and_problems() {
    let mut s = demo(120, 40);
    keys(&mut s, "l?");
    assert_eq!(
        s.kinds(),
        [ScreenKind::Library, ScreenKind::Reader, ScreenKind::Help]
    );
    keys(&mut s, "jjjjjjjjjjjjjjjjjjjjjjjjG");
    assert_eq!(s.help().unwrap().scroll, 0, "all of the help fits");
    keys(&mut s, "?q");
    assert_eq!(s.kinds(), [ScreenKind::Library]);
    assert!(!s.quit);
    keys(&mut s, "!");
    assert_eq!(s.screen(), ScreenKind::Diagnostics);
    keys(&mut s, "h<Esc>");
    assert!(!s.quit, "Esc never quits");
    keys(&mut s, "q");
    assert!(s.quit);
    let mut s = demo(120, 40);
    keys(&mut s, "l<C-c>");
    assert!(s.quit);
}

#[test]
fn reopening_an_article_resumes_where_it_was() {
    let mut s = demo(120, 40);
    keys(&mut s, "<Enter>jjjq<Enter>");
    assert_eq!(s.reader().unwrap().scroll, 3);
    keys(&mut s, "qj<Enter>");
    assert_eq!(s.reader().unwrap().scroll, 0);
}
