//! Every screen on the demo corpus at 120x40 and 80x24, styles included.

use insta::assert_snapshot;

use super::common::{demo, keys, render, render_with, state_with, with_problems};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn each_size(name: &str, setup: impl Fn(u16, u16) -> parallax::app::State) {
    for (w, h) in SIZES {
        assert_snapshot!(format!("{name}_{w}x{h}"), render(&setup(w, h)));
    }
}

#[test]
fn library() {
    each_size("library", |w, h| {
        let mut state = demo(w, h);
        keys(&mut state, "j<Space>jj<Space>");
        state
    });
}

#[test]
fn library_filtered_with_problems() {
    each_size("library_filtered", |w, h| {
        let mut state = state_with(with_problems(), w, h);
        keys(&mut state, "/rail");
        state
    });
}

#[test]
fn reader() {
    each_size("reader", |w, h| {
        let mut state = demo(w, h);
        keys(&mut state, "<Enter>j");
        state
    });
}

#[test]
fn reader_search() {
    each_size("reader_search", |w, h| {
        let mut state = demo(w, h);
        keys(&mut state, "<Enter>/water<Enter>n");
        state
    });
}

#[test]
fn help() {
    each_size("help", |w, h| {
        let mut state = demo(w, h);
        keys(&mut state, "?");
        state
    });
}

#[test]
fn diagnostics() {
    each_size("diagnostics", |w, h| {
        let mut state = state_with(with_problems(), w, h);
        keys(&mut state, "!");
        state
    });
}

#[test]
fn too_small_and_loading() {
    assert_snapshot!("too_small", render(&demo(30, 8)));
    let mut state = parallax::app::State::loading("~/news", parallax::app::Keymap::default(), (80, 24));
    parallax::app::update(
        &mut state,
        parallax::app::Msg::Progress {
            done: 120,
            total: 400,
        },
    );
    assert_snapshot!("loading", render(&state));
}

#[test]
fn every_theme_renders_the_library() {
    for name in ["light", "high-contrast", "mono"] {
        let mut state = demo(80, 24);
        let theme = parallax::theme::preset(name).unwrap();
        keys(&mut state, "j<Space>j/e");
        assert_snapshot!(format!("library_theme_{name}"), render_with(&state, &theme));
    }
}
