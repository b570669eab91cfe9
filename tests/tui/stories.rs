//! The stories screen and a story's coverage on the demo corpus (three
//! stories, each by three outlets): Enter opens the coverage matrix, `c`
//! compares the story's first two articles; in the matrix the filters,
//! Enter on a cell (the reader at that sentence), `c` on two columns (the
//! compare of their articles) and `}`/`{` there (the story's next outlet).

use insta::assert_snapshot;
use parallax::app::ScreenKind;
use parallax::app::screens::coverage::Filter;
use parallax::index::coverage::Carried;

use super::common::{demo, keys, render};

#[test]
fn t_lists_the_three_demo_stories_and_c_compares_two_articles_of_one() {
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
    keys(&mut state, "jc");
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
fn enter_opens_the_coverage_of_the_selected_story() {
    for (w, h) in [(120, 40), (80, 24)] {
        enter_opens_the_coverage_of_the_selected_story_at(w, h);
    }
}

fn enter_opens_the_coverage_of_the_selected_story_at(w: u16, h: u16) {
    let mut state = demo(w, h);
    keys(&mut state, "tj<Enter>");
    assert_eq!(state.screen(), ScreenKind::Coverage);
    let stories = state.index.as_deref().unwrap().stories.stories.clone();
    let cov = state.coverage().unwrap();
    assert_eq!(cov.story, 1);
    assert_eq!(cov.coverage.story, stories[1].id);
    assert_eq!(cov.coverage.columns.len(), 3);
    let first = &cov.coverage.rows[cov.shown[0]];
    assert_eq!(first.outlets(), 3, "most outlets first");
    let screen = render(&state);
    assert!(screen.contains('●'), "{screen}");
    assert!(screen.contains("Quoted by all:"), "{screen}");
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Stories);
}

#[test]
fn filters_show_what_all_carry_what_one_alone_reports_and_quotes() {
    for (w, h) in [(120, 40), (80, 24)] {
        filters_show_what_all_carry_what_one_alone_reports_and_quotes_at(w, h);
    }
}

fn filters_show_what_all_carry_what_one_alone_reports_and_quotes_at(w: u16, h: u16) {
    let mut state = demo(w, h);
    keys(&mut state, "t<Enter>");
    let total = state.coverage().unwrap().shown.len();
    keys(&mut state, "a");
    let cov = state.coverage().unwrap();
    assert_eq!(cov.filter, Filter::CarriedByAll);
    assert!(cov.shown.len() >= 2 && cov.shown.len() < total);
    assert!(cov.shown.iter().all(|&i| cov.coverage.rows[i].outlets() == 3));
    keys(&mut state, "a");
    assert_eq!(state.coverage().unwrap().shown.len(), total, "again: every row");
    keys(&mut state, "<Right>1");
    let cov = state.coverage().unwrap();
    assert_eq!(cov.filter, Filter::OnlyOne(1));
    assert!(!cov.shown.is_empty());
    for &i in &cov.shown {
        let r = &cov.coverage.rows[i];
        assert_eq!(r.outlets(), 1);
        assert_ne!(r.cells[1], Carried::None);
    }
    let label = cov.coverage.columns[1].label.clone();
    let heading = format!("ONLY {} REPORTS", label.to_uppercase());
    assert!(render(&state).contains(&heading), "{}", render(&state));
    // The filter follows the selected outlet.
    keys(&mut state, "<Right>");
    let cov = state.coverage().unwrap();
    assert_eq!(cov.filter, Filter::OnlyOne(2));
    assert!(
        cov.shown
            .iter()
            .all(|&i| cov.coverage.rows[i].cells[2] != Carried::None)
    );
    keys(&mut state, "<Left>");
    keys(&mut state, "\"");
    let cov = state.coverage().unwrap();
    assert_eq!(cov.filter, Filter::Quotes);
    assert!(!cov.shown.is_empty());
    assert!(
        cov.shown
            .iter()
            .all(|&i| cov.coverage.rows[i].kind.as_str() == "quote")
    );
}

#[test]
fn enter_on_a_cell_reads_that_sentence_and_c_on_two_columns_compares() {
    for (w, h) in [(120, 40), (80, 24)] {
        enter_on_a_cell_reads_that_sentence_and_c_on_two_columns_compares_at(w, h);
    }
}

fn enter_on_a_cell_reads_that_sentence_and_c_on_two_columns_compares_at(w: u16, h: u16) {
    let mut state = demo(w, h);
    keys(&mut state, "t<Enter><Right>");
    let cov = state.coverage().unwrap().clone();
    let member = *cov.coverage.rows[cov.shown[0]].cell_member(1).unwrap();
    keys(&mut state, "<Enter>");
    assert_eq!(state.screen(), ScreenKind::Reader);
    let reader = state.reader().unwrap();
    assert_eq!(reader.article(), member.article);
    assert_eq!(reader.search.current_match(), Some((member.start, member.end)));
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Coverage);
    // c on column B, then on column C.
    keys(&mut state, "c<Right>c");
    assert_eq!(state.screen(), ScreenKind::Compare);
    let sides = state.compare().unwrap().articles();
    let row = &cov.coverage.rows[cov.shown[0]];
    assert_eq!(sides.left, row.cell_member(1).unwrap().article);
    assert_eq!(sides.right, row.cell_member(2).unwrap().article);
    // } steps the right side through the story's other outlets.
    let story = &state.index.as_deref().unwrap().stories.stories[0];
    let others: Vec<usize> = story
        .articles
        .iter()
        .copied()
        .filter(|&a| a != sides.left)
        .collect();
    keys(&mut state, "}");
    let next = state.compare().unwrap().articles();
    assert_eq!(next.left, sides.left);
    assert_ne!(next.right, sides.right);
    assert!(others.contains(&next.right));
    keys(&mut state, "{");
    assert_eq!(state.compare().unwrap().articles(), sides);
    keys(&mut state, "]");
    assert_eq!(state.compare().unwrap().articles(), sides, "] steps shared items");
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Coverage);
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = demo(w, h);
        keys(&mut state, "tj");
        assert_snapshot!(format!("stories_{w}x{h}"), render(&state));
        keys(&mut state, "<Enter>");
        assert_snapshot!(format!("coverage_{w}x{h}"), render(&state));
        keys(&mut state, "<Right>a");
        assert_snapshot!(format!("coverage_by_all_{w}x{h}"), render(&state));
    }
}

#[test]
fn the_reader_opened_from_a_cell_marks_the_sentence() {
    let mut state = demo(80, 24);
    keys(&mut state, "t<Enter>jj<Enter>");
    assert_eq!(state.screen(), ScreenKind::Reader);
    assert_snapshot!("coverage_cell_reader_80x24", render(&state));
}

#[test]
fn help_on_the_coverage_screen_lists_its_keys() {
    let mut state = demo(120, 40);
    keys(&mut state, "t<Enter>?");
    assert_eq!(state.screen(), ScreenKind::Help);
    let screen = render(&state);
    for line in [
        "Only quotes",
        "Next outlet column",
        "at that sentence",
        "compare their articles",
    ] {
        assert!(screen.contains(line), "{line}: {screen}");
    }
    keys(&mut state, "?");
    assert_eq!(state.screen(), ScreenKind::Coverage);
}
