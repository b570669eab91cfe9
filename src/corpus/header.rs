//! The header format: `Key: value` lines, a `Text:` line, then the body.
//!
//! ```text
//! Published Time: 2023-11-08
//! Title: Harbour plan stalls
//! Category 1: CITY; Category 2: WATER
//! Author: Ana Ruiz
//! Text:
//! First paragraph.
//! ```

use super::article::{Article, Fields, Format};
use super::clean;
use super::parse::{ParseError, nonempty};

/// Keys that mark a file as header format when they appear before `Text:`.
const KNOWN_KEYS: &[&str] = &["published time", "published", "date", "title", "author", "source"];

/// True when the text has header lines followed by a `Text:` line.
pub fn looks_like(text: &str) -> bool {
    let mut known = 0;
    for line in text.lines().take(40) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if text_marker(line).is_some() {
            return known > 0;
        }
        match split_key(line) {
            Some((key, _)) if is_known_key(&key) => known += 1,
            Some(_) => {}
            None => return false,
        }
    }
    false
}

fn is_known_key(key: &str) -> bool {
    KNOWN_KEYS.contains(&key) || key.starts_with("category")
}

/// `Some(rest)` when the line is the `Text:` marker (the body may start on it).
fn text_marker(line: &str) -> Option<&str> {
    let (key, rest) = line.split_once(':')?;
    key.trim().eq_ignore_ascii_case("text").then_some(rest)
}

/// Splits `Key: value` into a lower-case key and the value.
fn split_key(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let plausible = !key.is_empty()
        && key.chars().count() <= 40
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '(' | ')'));
    plausible.then(|| (key.to_lowercase(), value))
}

pub fn parse(text: &str) -> Result<Article, ParseError> {
    let mut fields = Fields::default();
    let mut lines = text.lines();
    let mut first_body_line = None;
    for line in lines.by_ref() {
        let trimmed = line.trim();
        if let Some(rest) = text_marker(trimmed) {
            first_body_line = Some(rest);
            break;
        }
        if let Some((key, value)) = split_key(trimmed) {
            apply(&mut fields, &key, trimmed, value);
        }
    }
    let Some(first) = first_body_line else {
        return Err(ParseError::Malformed("no `Text:` line before the body".into()));
    };
    // The body's lines as they are: no copy of them joined again.
    let body: Vec<&str> = std::iter::once(first.trim()).chain(lines).collect();
    let body = nonempty(clean::paragraph_body_of_lines(&body, text.len()))?;
    Ok(fields.into_article(Format::Header, body))
}

fn apply(fields: &mut Fields, key: &str, line: &str, value: &str) {
    match key {
        "published time" | "published" | "date" | "publication date" => {
            fields.published = clean::meta_value(value)
        }
        "title" | "headline" => fields.title = clean::meta_value(value),
        "author" | "authors" | "byline" => fields.authors = clean::split_authors(value),
        "source" | "outlet" | "publisher" | "site" => fields.source = clean::meta_value(value),
        "url" | "link" => fields.url = clean::meta_value(value),
        k if k.starts_with("category") => fields.categories.extend(categories(line)),
        _ => {
            if let Some(v) = clean::meta_value(value) {
                fields.extra.insert(restore_case(line), v);
            }
        }
    }
}

/// `Category 1: CITY; Category 2: WATER` holds several categories.
fn categories(line: &str) -> Vec<String> {
    line.split(';')
        .filter_map(|part| part.split_once(':').map(|(_, v)| v).or(Some(part)))
        .filter_map(clean::meta_value)
        .collect()
}

/// The key as written in the file (for extra metadata).
fn restore_case(line: &str) -> String {
    line.split_once(':')
        .map(|(k, _)| k.trim().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Published Time: 2026-03-14\nTitle: Harbour plan stalls\n\
        Category 1: CITY; Category 2: WATER\nAuthor: Ana Ruiz\n\
        Author title: Author details not found\nAuthor description: Covers the port.\n\
        Desk: Metro\nText: \nFirst paragraph.\nSecond paragraph.\n";

    #[test]
    fn detects_header_files() {
        assert!(looks_like(SAMPLE));
        assert!(!looks_like("Just a body.\nText: not a header\n"));
        assert!(!looks_like("Title: x\nno marker here\n"));
        assert!(!looks_like("Desk: Metro\nText: body\n"), "needs a known key");
    }

    #[test]
    fn parses_fields_and_body() {
        let a = parse(SAMPLE).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour plan stalls"));
        assert_eq!(a.published_display(), Some("2026-03-14"));
        assert_eq!(a.authors, vec!["Ana Ruiz"]);
        assert_eq!(a.categories, vec!["CITY", "WATER"]);
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            vec!["First paragraph.", "Second paragraph."]
        );
        assert!(!a.extra.contains_key("Author title"), "placeholder dropped");
        assert_eq!(
            a.extra.get("Author description").map(String::as_str),
            Some("Covers the port.")
        );
        assert_eq!(a.extra.get("Desk").map(String::as_str), Some("Metro"));
    }

    #[test]
    fn body_may_start_on_the_text_line() {
        let a = parse("Title: T\nText: Inline start.\nMore.").unwrap();
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Inline start.", "More."]);
    }

    #[test]
    fn empty_body_is_an_error() {
        assert!(matches!(parse("Title: T\nText:\n\n"), Err(ParseError::NoBody)));
    }
}
