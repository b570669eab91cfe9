//! Acting on what is read: `y` asks to copy a quote, pair or article with
//! its citation, `o` to open the article's web address, `e` to export the
//! comparison; each is an effect in the state for the terminal layer.

use parallax::app::ScreenKind;
use parallax::app::cite::Effect;

use super::common::{demo, keys};
use super::compare::comparing;

fn take(state: &mut parallax::app::State) -> Effect {
    let mut effects = std::mem::take(&mut state.effects);
    assert_eq!(effects.len(), 1, "{effects:?}");
    effects.remove(0)
}

#[test]
fn y_in_the_reader_copies_the_current_quote_with_its_citation() {
    let mut state = demo(120, 40);
    keys(&mut state, "/meridian<Enter>");
    let article = state.library().unwrap().selected_article().unwrap();
    keys(&mut state, "<Esc><Enter>y");
    let Effect::Copy { text, what } = take(&mut state) else {
        panic!("a copy")
    };
    assert_eq!(what, "article reference", "no quote selected: the article");
    let a = state.corpus.articles[article].clone();
    assert!(text.starts_with(a.title.as_deref().unwrap()), "{text}");
    assert!(text.contains(a.source.as_deref().unwrap()), "{text}");
    keys(&mut state, "ny");
    let Effect::Copy { text, what } = take(&mut state) else {
        panic!("a copy")
    };
    let reader = state.reader().unwrap();
    let stop = reader.current_quote().unwrap();
    let index = state.speakers_index().unwrap();
    let quote = &index.analyses[article].quotes[stop.quote];
    assert!(
        text.starts_with(&format!("\"{}", &quote.text(&a.body)[..10])),
        "{text}"
    );
    assert!(text.contains(" — "), "{text}");
    if let Some(url) = &a.url {
        assert!(text.ends_with(url.as_str()), "{text}");
    }
    assert!(what.starts_with("quote"), "{what}");
}

#[test]
fn o_opens_web_addresses_only() {
    let mut state = demo(120, 40);
    let with_url = state
        .corpus
        .articles
        .iter()
        .position(|a| a.url.is_some())
        .unwrap();
    let without = state
        .corpus
        .articles
        .iter()
        .position(|a| a.url.is_none())
        .unwrap();
    for (article, has) in [(with_url, true), (without, false)] {
        let row = state
            .library()
            .unwrap()
            .order
            .iter()
            .position(|&i| i == article)
            .unwrap();
        keys(&mut state, "g");
        for _ in 0..row {
            keys(&mut state, "j");
        }
        keys(&mut state, "o");
        if has {
            let url = state.corpus.articles[article].url.clone().unwrap();
            assert_eq!(take(&mut state), Effect::OpenUrl(url));
        } else {
            assert!(state.effects.is_empty());
            assert!(state.notice.as_ref().unwrap().text.contains("no web address"));
        }
    }
}

#[test]
fn y_and_e_in_compare() {
    let mut state = comparing(120, 40);
    assert_eq!(state.screen(), ScreenKind::Compare);
    keys(&mut state, "y");
    let Effect::Copy { text, what } = take(&mut state) else {
        panic!("a copy")
    };
    assert_eq!(what, "both article references");
    assert_eq!(text.lines().count(), 2);
    keys(&mut state, "]y");
    let Effect::Copy { text, what } = take(&mut state) else {
        panic!("a copy")
    };
    assert!(what.starts_with("claim pair") || what == "shared quote", "{what}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines.iter().all(|l| l.starts_with('"') && l.contains("\" — ")),
        "{text}"
    );
    keys(&mut state, "e");
    let Effect::Export { stem, text } = take(&mut state) else {
        panic!("an export")
    };
    assert!(stem.contains("--vs--") && !stem.contains('/'), "{stem}");
    assert!(text.starts_with("# Comparison"), "{text}");
}

#[test]
fn the_citation_template_comes_from_the_config() {
    let mut state = comparing(120, 40);
    state.citation = "{outlet}: {quote}".into();
    keys(&mut state, "]y");
    let Effect::Copy { text, .. } = take(&mut state) else {
        panic!("a copy")
    };
    let sides = state.compare().unwrap().articles();
    let outlet = state.corpus.articles[sides.left].source.clone().unwrap();
    assert!(text.starts_with(&format!("{outlet}: ")), "{text}");
}
