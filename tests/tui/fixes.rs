//! Issue 13's defects: popups take focus, keys that do nothing say so,
//! the compare position and scrolling, messages, the reader's quote line.

use std::path::Path;

use parallax::app::jobs::analyse_now;
use parallax::app::search::{WRAPPED_BOTTOM, WRAPPED_TOP};
use parallax::app::{ScreenKind, State, update};
use parallax::compare::Side;
use parallax::corpus;

use super::common::{demo, keys, render, state_with};
use super::compare::comparing;

/// The two seeds, analysed, compared in file order (as `parallax compare
/// 000 001`) at `w`×`h`.
fn seeds(w: u16, h: u16) -> State {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(dir.exists(), "needs {}", dir.display());
    let corpus = corpus::load(&[dir]);
    assert_eq!(corpus.articles.len(), 2);
    let mut state = state_with(corpus, w, h);
    let analysed = analyse_now(&state.corpus);
    update(&mut state, analysed);
    // The library sorts newest first; mark 000 first (the left side).
    let first = state.library().unwrap().order[0];
    let zero = state.corpus.articles[first].id.contains("000_");
    keys(
        &mut state,
        if zero {
            "<Space>j<Space>c"
        } else {
            "j<Space>k<Space>c"
        },
    );
    assert_eq!(state.screen(), ScreenKind::Compare);
    state
}

fn notice(state: &State) -> String {
    state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

/// The status line (the last row of the screen).
fn status_line(state: &State) -> String {
    let screen = render(state);
    let text = screen.split("--- styles").next().unwrap();
    text.lines()
        .nth(usize::from(state.height) - 1)
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_who_is_quoted_popup_in_compare_takes_the_focus() {
    let mut state = comparing(120, 40);
    let scroll = {
        let p = &state.compare().unwrap().panes;
        (p.left.scroll, p.right.scroll)
    };
    keys(&mut state, "p");
    assert!(state.compare().unwrap().speakers_panel);
    // j moves in the popup, not the panes behind it.
    keys(&mut state, "j");
    let cmp = state.compare().unwrap();
    assert_eq!((cmp.panes.left.scroll, cmp.panes.right.scroll), scroll);
    assert_eq!(cmp.who_selected, 1);
    let speaker = cmp.who_selected_speaker().expect("a speaker picked");
    assert!(render(&state).contains("▌ "), "the picked row is drawn");
    // Enter opens the picked speaker's quotes.
    keys(&mut state, "<Enter>");
    assert_eq!(state.screen(), ScreenKind::SpeakerQuotes);
    assert_eq!(state.speaker_quotes().unwrap().speaker, speaker);
    // Back on compare the popup is still open; Esc closes only it.
    keys(&mut state, "q");
    assert_eq!(state.screen(), ScreenKind::Compare);
    assert!(state.compare().unwrap().speakers_panel);
    keys(&mut state, "<Esc>");
    assert_eq!(state.screen(), ScreenKind::Compare);
    assert!(!state.compare().unwrap().speakers_panel);
    keys(&mut state, "pq");
    assert_eq!(state.screen(), ScreenKind::Compare, "q closes only the popup too");
    keys(&mut state, "<Esc>");
    assert_eq!(state.screen(), ScreenKind::Library);
}

#[test]
fn the_reader_reaches_who_is_quoted_related_and_compare() {
    let mut state = demo(120, 40);
    let marked = state.library().unwrap().selected_article().unwrap();
    keys(&mut state, "<Space>j<Enter>");
    let article = state.reader().unwrap().article();
    // p: who is quoted here, a popup with the focus.
    keys(&mut state, "p");
    let reader = state.reader().unwrap();
    assert_eq!(reader.who, Some(0));
    let who = reader.speakers();
    assert!(!who.is_empty());
    let scroll = reader.scroll;
    keys(&mut state, "j");
    assert_eq!(state.reader().unwrap().scroll, scroll, "j moves in the popup");
    let picked = who[1.min(who.len() - 1)].0;
    keys(&mut state, "<Enter>");
    assert_eq!(state.screen(), ScreenKind::SpeakerQuotes);
    assert_eq!(state.speaker_quotes().unwrap().speaker, picked);
    keys(&mut state, "q<Esc>");
    assert_eq!(state.screen(), ScreenKind::Reader, "Esc closed only the popup");
    assert_eq!(state.reader().unwrap().who, None);
    // r: related articles.
    keys(&mut state, "r");
    assert_eq!(state.screen(), ScreenKind::Related);
    assert_eq!(state.related().unwrap().article, article);
    // c: this article beside the one marked in the library.
    keys(&mut state, "qc");
    assert_eq!(state.screen(), ScreenKind::Compare);
    let sides = state.compare().unwrap().articles();
    assert_eq!((sides.left, sides.right), (marked, article));
}

#[test]
fn c_in_the_reader_without_a_mark_says_how() {
    let mut state = demo(120, 40);
    keys(&mut state, "<Enter>c");
    assert_eq!(state.screen(), ScreenKind::Reader);
    assert!(
        notice(&state).contains("mark an article in the library"),
        "{}",
        notice(&state)
    );
}

#[test]
fn c_with_one_mark_compares_it_with_the_row_under_the_cursor() {
    let mut state = demo(120, 40);
    let order = state.library().unwrap().order.clone();
    keys(&mut state, "<Space>jjc");
    assert_eq!(state.screen(), ScreenKind::Compare);
    let sides = state.compare().unwrap().articles();
    assert_eq!((sides.left, sides.right), (order[0], order[2]));
    // On the marked row itself there is nothing to compare it with.
    let mut state = demo(120, 40);
    keys(&mut state, "<Space>c");
    assert_eq!(state.screen(), ScreenKind::Library);
    assert!(
        notice(&state).contains("move to another article"),
        "{}",
        notice(&state)
    );
}

#[test]
fn keys_that_do_nothing_say_so() {
    let mut state = comparing(120, 40);
    keys(&mut state, "r");
    let said = notice(&state);
    assert!(said.starts_with("r does nothing on the COMPARE screen"), "{said}");
    assert!(status_line(&state).contains("r does nothing on the COMPARE screen"));
    let mut state = demo(120, 40);
    keys(&mut state, "z");
    assert_eq!(notice(&state), "z does nothing here; ? lists the keys");
    keys(&mut state, "j");
    assert_eq!(state.notice, None, "the next key clears it");
}

#[test]
fn help_texts_match_what_the_screen_does() {
    for (setup, screen) in [
        ("", "LIBRARY"),
        ("<Enter>", "READER"),
        ("jr", "RELATED"),
        ("p", "SPEAKERS"),
    ] {
        let mut state = demo(120, 60);
        keys(&mut state, setup);
        keys(&mut state, "?");
        assert_eq!(state.screen(), ScreenKind::Help, "{screen}");
        let text = render(&state);
        let searchable = matches!(screen, "READER");
        assert_eq!(text.contains("Clear the search"), searchable, "{screen}: {text}");
    }
    let mut state = demo(120, 60);
    keys(&mut state, "?");
    let text = render(&state);
    assert!(text.contains("Clear the filter"), "{text}");
    assert!(!text.contains("in the reader"), "{text}");
    let mut state = demo(120, 60);
    keys(&mut state, "<Enter>?");
    let text = render(&state);
    assert!(
        text.contains("Next match, or the next quote when not searching"),
        "{text}"
    );
    assert!(!text.contains("in the reader"), "{text}");
}

#[test]
fn compare_bottom_shows_100_percent_and_scrolling_stops_at_the_end() {
    let mut state = comparing(120, 40);
    let rows = parallax::app::layout::compare_rows(40);
    keys(&mut state, "G");
    let pane = &state.compare().unwrap().panes.left;
    assert_eq!(pane.scroll, pane.doc.lines.len() - rows);
    let heading = render(&state).lines().nth(1).unwrap().to_string();
    let left = heading.split('│').next().unwrap();
    assert!(left.trim_end().ends_with("100%"), "{heading}");
    // Ctrl-d past the end leaves no blank rows.
    let mut state = comparing(120, 40);
    keys(&mut state, &"<C-d>".repeat(30));
    let cmp = state.compare().unwrap();
    assert_eq!(cmp.panes.left.scroll, cmp.panes.left.doc.lines.len() - rows);
    keys(&mut state, "<Tab>");
    keys(&mut state, &"<C-d>".repeat(30));
    let right = &state.compare().unwrap().panes.right;
    assert_eq!(right.scroll, right.doc.lines.len() - rows);
    // Locked, neither pane goes past its end.
    let mut state = comparing(120, 40);
    keys(&mut state, &format!("L{}", "<PageDown>".repeat(30)));
    for side in [Side::Left, Side::Right] {
        let pane = state.compare().unwrap().panes.get(side);
        assert!(
            pane.scroll <= pane.doc.lines.len().saturating_sub(rows),
            "{side:?}"
        );
    }
}

#[test]
#[ignore = "needs ../shared"]
fn the_seeds_at_160_columns() {
    let mut state = seeds(160, 40);
    // The whole right title (read from the seed file at run time), and one of each.
    let left_source = state.corpus.articles[0]
        .source
        .clone()
        .expect("the first seed names its outlet");
    let right_title = state.corpus.articles[1]
        .title
        .clone()
        .expect("the second seed has a title");
    let status = status_line(&state);
    assert!(
        status.contains(&format!("{left_source}  ⇄  {right_title}")),
        "{status}"
    );
    let screen = render(&state);
    assert!(
        screen.contains(" 1 claim pair  ·  1 shared quote (0 altered)"),
        "{screen}"
    );
    assert!(status.contains(" 1 pair "), "{status}");
    // The claim pair that holds the shared quote is marked ❝, not 1.
    keys(&mut state, "]");
    let cmp = state.compare().unwrap();
    let item = &cmp.marks.items[cmp.selected.unwrap()];
    assert!(item.quote.is_some(), "the seeds' pair holds their shared quote");
    let screen = render(&state);
    let text = screen.split("--- styles").next().unwrap();
    let gutters: Vec<&str> = text
        .lines()
        .skip(2)
        .take(30)
        .map(|l| &l[..l.char_indices().nth(3).map_or(l.len(), |(i, _)| i)])
        .collect();
    assert!(gutters.iter().any(|g| g.contains('❝')), "{text}");
    assert!(!gutters.iter().any(|g| g.trim() == "1"), "{text}");
    // Narrower, both titles are cut to their share, never to "…" alone.
    let state = seeds(100, 30);
    let status = status_line(&state);
    let (left, right) = status.split_once("⇄").unwrap();
    assert!(left.contains(&left_source), "{status}");
    let opening: String = right_title.chars().take(12).collect();
    assert!(right.trim_start().starts_with(&opening), "{status}");
}

#[test]
fn still_analysing_fits_and_goes_when_the_analysis_is_done() {
    let mut state = state_with(corpus::demo_corpus(), 80, 24);
    keys(&mut state, "p");
    assert_eq!(state.screen(), ScreenKind::Library);
    let status = status_line(&state);
    assert!(
        status.contains("still analysing the corpus: try again in a moment"),
        "{status}"
    );
    let analysed = analyse_now(&state.corpus);
    update(&mut state, analysed);
    assert_eq!(state.notice, None);
}

#[test]
fn search_wrapping_says_so() {
    let mut state = demo(120, 40);
    keys(&mut state, "<Enter>/the<Enter>");
    let n = state.reader().unwrap().search.matches.len();
    assert!(n > 2);
    // From the first match, n and N move without a word; N past the first
    // goes to the last and says so, n past the last to the first.
    assert_eq!(state.reader().unwrap().search.current, Some(0));
    keys(&mut state, "nN");
    assert_eq!(notice(&state), "");
    keys(&mut state, "N");
    assert_eq!(notice(&state), WRAPPED_TOP);
    assert_eq!(state.reader().unwrap().search.current, Some(n - 1));
    keys(&mut state, "n");
    assert_eq!(notice(&state), WRAPPED_BOTTOM);
    assert!(status_line(&state).contains(WRAPPED_BOTTOM));
}

#[test]
fn ctrl_w_deletes_a_word_and_ctrl_u_the_line_in_the_prompt() {
    for setup in ["", "<Enter>"] {
        let mut state = demo(120, 40);
        keys(&mut state, setup);
        keys(&mut state, "/rail valley  <C-w>");
        assert_eq!(state.prompt.as_deref(), Some("rail "));
        keys(&mut state, "<C-w>");
        assert_eq!(state.prompt.as_deref(), Some(""));
        keys(&mut state, "water<C-u>");
        assert_eq!(state.prompt.as_deref(), Some(""));
    }
}

#[test]
fn the_reader_quote_line_wraps_instead_of_losing_the_confidence() {
    // Narrow: a quote line with a role and a cue is wider than the column.
    let mut state = demo(48, 24);
    let mut wrapped = 0;
    for article in 0..state.corpus.articles.len() {
        keys(&mut state, "g");
        state.library_mut().unwrap().selected = article;
        keys(&mut state, "<Enter>");
        let quotes = state.reader().unwrap().quotes.len();
        for _ in 0..quotes {
            keys(&mut state, "n");
            let reader = state.reader().unwrap();
            let index = state.index.as_ref().unwrap();
            let stop = reader.current_quote().unwrap();
            let attributed = index.speakers.analyses[reader.article()].quotes[stop.quote]
                .attribution
                .is_some()
                && index
                    .speakers
                    .speaker_name(reader.article(), stop.quote)
                    .is_some();
            let screen = render(&state);
            let text = screen.split("--- styles").next().unwrap();
            if attributed {
                assert!(text.contains("% sure"), "{text}");
                // Wrapped: the row above the status line carries the rest.
                let above_status = text.lines().nth(usize::from(state.height) - 2).unwrap();
                wrapped += usize::from(!above_status.contains('❝'));
            }
        }
        keys(&mut state, "q");
    }
    assert!(wrapped > 0, "some quote line wrapped at 48 columns");
}

/// The new panels at 80×24 and 120×40: the reader's who-is-quoted popup
/// (with the focus) and the related list that says why it is empty.
#[test]
fn snapshots_of_the_new_panels() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = demo(w, h);
        keys(&mut state, "<Enter>pj");
        insta::assert_snapshot!(format!("reader_who_is_quoted_{w}x{h}"), render(&state));
        let mut state = demo(w, h);
        state.thresholds.related = 0.99;
        keys(&mut state, "r");
        insta::assert_snapshot!(format!("related_empty_{w}x{h}"), render(&state));
    }
}

/// In compare's detail strip (after `s`), the confidence comes right
/// after the name, so a narrow strip cuts the role, never "% sure".
#[test]
fn the_compare_quote_detail_keeps_the_confidence_at_80_columns() {
    let mut state = comparing(80, 24);
    let mut seen = 0;
    for _ in 0..6 {
        keys(&mut state, "s");
        let screen = render(&state);
        let text = screen.split("--- styles").next().unwrap();
        let strip = text.lines().nth(usize::from(state.height) - 3).unwrap();
        if strip.contains("·") {
            assert!(strip.contains("% sure"), "{text}");
            seen += 1;
        }
    }
    assert!(seen > 0);
}
