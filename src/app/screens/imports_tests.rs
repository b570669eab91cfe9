//! Keeps the screens independent: no screen module uses another screen
//! module or the dispatcher (`update.rs`), so `src/app/` has no cycle
//! through them. Reads the `use` lines of `src/app/screens/*.rs`.

use std::fs;
use std::path::Path;

const SCREENS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/app/screens");

/// The screen modules (file stems, `mod` and this test aside).
fn screen_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(SCREENS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|n| n != "mod" && n != "imports_tests")
        .collect();
    names.sort();
    names
}

/// The `use` items of a file, joined across lines (`use a::{b,\n c};`),
/// up to its test module (where `super` is the screen itself).
fn uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        if current.is_none() && (line.starts_with("use ") || line.starts_with("pub use ")) {
            current = Some(String::new());
        }
        if let Some(item) = &mut current {
            item.push_str(line);
            if line.ends_with(';') {
                out.push(current.take().unwrap().split_whitespace().collect::<String>());
            }
        }
    }
    out
}

/// Why `item`, a `use` of screen `me`, breaks the rule (None when it is
/// fine).
fn violation(me: &str, item: &str, screens: &[String]) -> Option<String> {
    let item: String = item.split_whitespace().collect();
    let path = item
        .trim_start_matches("pub")
        .trim_start_matches("use")
        .trim_end_matches(';');
    if path.starts_with("super::") || path.starts_with("self::super") {
        return Some("a relative `super::` path (name `crate::app::...` instead)".into());
    }
    if path.starts_with("crate::{") && path.contains("app::") {
        return Some("a grouped `crate::{app::...}` (name app items one path at a time)".into());
    }
    let app = path.strip_prefix("crate::app::")?;
    if app.starts_with("update") || app.starts_with("{update") || app.contains(",update") {
        return Some("the dispatcher".into());
    }
    if let Some(rest) = app.strip_prefix("screens") {
        let named: Vec<&str> = rest
            .trim_start_matches("::")
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        if named.is_empty() || named.iter().any(|w| *w == "Screen" || *w == "self") {
            return Some("the screen stack".into());
        }
        if let Some(other) = named
            .iter()
            .find(|w| screens.iter().any(|s| s == *w) && *w != &me)
        {
            return Some(format!("the {other} screen"));
        }
    }
    None
}

#[test]
fn no_screen_uses_another_screen_or_the_dispatcher() {
    let screens = screen_names();
    assert!(screens.len() >= 8, "{screens:?}");
    let mut problems = Vec::new();
    for name in &screens {
        let text = fs::read_to_string(Path::new(SCREENS).join(format!("{name}.rs"))).unwrap();
        for item in uses(&text) {
            if let Some(why) = violation(name, &item, &screens) {
                problems.push(format!("screens/{name}.rs: `{item}` uses {why}"));
            }
        }
        assert!(
            !text.contains("crate::app::screens::") && !text.contains("crate::app::update::"),
            "screens/{name}.rs names another screen or the dispatcher inline"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_catches_what_it_forbids() {
    let screens: Vec<String> = ["library", "reader"].map(String::from).to_vec();
    let bad = [
        "use crate::app::screens::reader::open;",
        "use crate::app::screens::{reader,library};",
        "use crate::app::screens::Screen;",
        "use crate::app::update;",
        "use crate::app::update::update;",
        "use crate::app::{nav,update};",
        "use super::reader;",
        "use crate::{app::update,corpus};",
    ];
    for item in bad {
        assert!(violation("library", item, &screens).is_some(), "{item}");
    }
    let good = [
        "use crate::app::nav::{Outcome,Route};",
        "use crate::app::list::ListCursor;",
        "use crate::corpus::Corpus;",
        "use crate::app::screens::library::LibraryState;",
    ];
    for item in good {
        assert_eq!(violation("library", item, &screens), None, "{item}");
    }
    assert_eq!(
        uses("use crate::app::{\n    nav,\n    update,\n};\nfn main() {}"),
        ["usecrate::app::{nav,update,};"]
    );
    assert_eq!(
        uses("use crate::app::nav;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}").len(),
        1
    );
}
