//! JSON articles: one object, an array of objects (or an object holding one
//! under `articles`/`items`/`data`), or JSON Lines.

use std::fmt;

use serde::Deserializer as _;
use serde::de::{IgnoredAny, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::article::{Article, Fields, Format};
use super::clean::{self, Body};
use super::parse::{ParseError, Parsed, body_paragraphs};

const TITLE: &[&str] = &["title", "headline", "name"];
const BODY: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "body-paragraphs",
    "body_paragraphs",
    "paragraphs",
    "maintext",
    "full_text",
];
const SOURCE: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "source_name",
    "source_domain",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_published",
    "datePublished",
    "publication_date",
    "datetime",
];
const AUTHORS: &[&str] = &["authors", "author", "byline"];
const URL: &[&str] = &["url", "link", "uri"];
const CATEGORIES: &[&str] = &["categories", "category", "keywords", "tags", "section"];
const WRAPPERS: &[&str] = &["articles", "items", "data", "documents", "results"];

/// A single JSON value: an object, or an array of objects.
#[cfg(test)]
pub fn parse(text: &str) -> Result<super::parse::Entries, ParseError> {
    parse_capped(text, usize::MAX).map(Parsed::into_entries)
}

/// [`parse`] keeping at most `cap` articles. A top-level array is read one
/// element at a time, each made into an article before the next is read,
/// so a file of millions of small objects never holds them all as JSON
/// values; elements past the cap are skipped without being built.
pub fn parse_capped(text: &str, cap: usize) -> Result<Parsed, ParseError> {
    let json_error = |e: serde_json::Error| ParseError::Json(e.to_string());
    if text.trim_start().starts_with('[') {
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = de.deserialize_seq(Items { cap }).map_err(json_error)?;
        de.end().map_err(json_error)?;
        if parsed.is_empty() && parsed.dropped == 0 {
            return Err(ParseError::Malformed("the JSON array is empty".into()));
        }
        return Ok(parsed);
    }
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    let items = match value {
        Value::Object(mut obj) if find(&obj, BODY).is_none() => {
            match WRAPPERS
                .iter()
                .find_map(|k| obj.remove(*k).filter(Value::is_array))
            {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(obj)],
            }
        }
        other => vec![other],
    };
    if items.is_empty() {
        return Err(ParseError::Malformed("the JSON array is empty".into()));
    }
    let mut parsed = Parsed {
        dropped: items.len().saturating_sub(cap),
        ..Parsed::default()
    };
    for value in items.into_iter().take(cap) {
        parsed.push(article(value, Format::Json));
    }
    Ok(parsed)
}

/// A top-level JSON array read from `reader` element by element, never
/// holding the file's text (see [`super::stream`]).
pub fn parse_array_reader<R: std::io::Read>(reader: R, cap: usize) -> Result<Parsed, ParseError> {
    let json_error = |e: serde_json::Error| ParseError::Json(e.to_string());
    let mut de = serde_json::Deserializer::from_reader(reader);
    let parsed = de.deserialize_seq(Items { cap }).map_err(json_error)?;
    de.end().map_err(json_error)?;
    Ok(parsed)
}

/// Reads a JSON array element by element (see [`parse_capped`]).
struct Items {
    cap: usize,
}

impl<'de> Visitor<'de> for Items {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of articles")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        let mut parsed = Parsed::default();
        while parsed.len() < self.cap {
            match seq.next_element::<Value>()? {
                Some(value) => parsed.push(article(value, Format::Json)),
                None => return Ok(parsed),
            }
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {
            parsed.dropped += 1;
        }
        Ok(parsed)
    }
}

/// JSON Lines: every non-empty line is one object.
#[cfg(test)]
pub fn parse_lines(text: &str) -> Result<super::parse::Entries, ParseError> {
    parse_lines_capped(text, usize::MAX).map(Parsed::into_entries)
}

/// [`parse_lines`] keeping at most `cap` articles; lines past it are
/// counted, not parsed.
pub fn parse_lines_capped(text: &str, cap: usize) -> Result<Parsed, ParseError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty());
    let mut parsed = Parsed::default();
    for (n, line) in lines.by_ref().take(cap) {
        parsed.push(
            serde_json::from_str(line)
                .map_err(|e| ParseError::Json(format!("line {}: {e}", n + 1)))
                .and_then(|v| article(v, Format::Jsonl)),
        );
    }
    if parsed.is_empty() {
        return Err(ParseError::NoBody);
    }
    parsed.dropped = lines.count();
    Ok(parsed)
}

/// One JSON Lines record as an article, and the record's own `id` (a
/// string or a number) when it has one.
pub fn parse_record(line: &str) -> Result<(Article, Option<String>), ParseError> {
    let value: Value = serde_json::from_str(line).map_err(|e| ParseError::Json(e.to_string()))?;
    let id = match value.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok((article(value, Format::Jsonl)?, id))
}

/// True when several lines each hold a JSON object (JSON Lines).
pub fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    match (lines.next(), lines.next()) {
        (Some(first), Some(second)) => {
            first.starts_with('{') && first.ends_with('}') && second.starts_with('{')
        }
        _ => false,
    }
}

fn article(value: Value, format: Format) -> Result<Article, ParseError> {
    let Value::Object(mut obj) = value else {
        return Err(ParseError::Malformed(format!(
            "expected a JSON object, found {}",
            kind(&value)
        )));
    };
    let body_value = take(&mut obj, BODY).ok_or(ParseError::NoBody)?;
    let paragraphs = paragraphs_of(&body_value)?;
    Ok(fields(obj).into_article(format, paragraphs))
}

/// Maps the usual metadata keys of an object (JSON, or front matter turned
/// into JSON) to [`Fields`]; every other key is kept as extra metadata.
pub(super) fn fields(mut obj: Map<String, Value>) -> Fields {
    Fields {
        title: take(&mut obj, TITLE).as_ref().and_then(text_of),
        source: take(&mut obj, SOURCE).as_ref().and_then(text_of),
        published: take(&mut obj, DATE).as_ref().and_then(text_of),
        authors: take(&mut obj, AUTHORS)
            .map(|v| list_of(&v, clean::split_authors))
            .unwrap_or_default(),
        url: take(&mut obj, URL).as_ref().and_then(text_of),
        categories: take(&mut obj, CATEGORIES)
            .map(|v| list_of(&v, clean::split_list))
            .unwrap_or_default(),
        extra: obj
            .into_iter()
            .filter_map(|(k, v)| text_of(&v).map(|v| (k, v)))
            .collect(),
    }
}

fn find<'a>(obj: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| obj.get(*k).filter(|v| !v.is_null()))
}

/// Removes and returns the first present key of `keys`.
fn take(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<Value> {
    let key = keys.iter().find(|k| obj.get(**k).is_some_and(|v| !v.is_null()))?;
    obj.remove(*key)
}

/// A scalar as text; an object's `name`; other values as compact JSON.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => clean::meta_value(s),
        Value::Object(o) => o
            .get("name")
            .and_then(text_of)
            .or_else(|| Some(value.to_string())),
        Value::Array(items) if items.is_empty() => None,
        other => Some(other.to_string()),
    }
}

fn list_of(value: &Value, split: fn(&str) -> Vec<String>) -> Vec<String> {
    match value {
        Value::String(s) => split(s),
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

/// A body string (blank-line paragraphs), an array of paragraph strings, or
/// an array of paragraphs given as arrays of sentences.
fn paragraphs_of(value: &Value) -> Result<Body, ParseError> {
    match value {
        Value::String(s) => body_paragraphs(s),
        Value::Array(items) => {
            let mut text = String::new();
            for item in items {
                let para = match item {
                    Value::String(s) => s.clone(),
                    Value::Array(sentences) => sentences
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ => continue,
                };
                text.push_str(&para);
                text.push_str("\n\n");
            }
            body_paragraphs(&text)
        }
        other => Err(ParseError::Malformed(format!(
            "the body is {}, not text",
            kind(other)
        ))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_with_usual_fields() {
        let text = r#"{"headline": "Dam opens", "content": "Para one.\n\nPara two.",
            "outlet": {"name": "Valley Wire"}, "published_at": "2026-04-02T09:30:00Z",
            "authors": [{"name": "Ana Ruiz"}, "Li Wei"], "link": "https://v.example/a",
            "tags": "water, dams", "wordcount": 4, "lang": "en"}"#;
        let a = parse(text).unwrap().remove(0).unwrap();
        assert_eq!(a.title.as_deref(), Some("Dam opens"));
        assert_eq!(a.source.as_deref(), Some("Valley Wire"));
        assert_eq!(a.published_display(), Some("2026-04-02T09:30:00Z"));
        assert_eq!(a.authors, vec!["Ana Ruiz", "Li Wei"]);
        assert_eq!(a.url.as_deref(), Some("https://v.example/a"));
        assert_eq!(a.categories, vec!["water", "dams"]);
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Para one.", "Para two."]);
        assert_eq!(a.extra.get("wordcount").map(String::as_str), Some("4"));
        assert_eq!(a.extra.get("lang").map(String::as_str), Some("en"));
    }

    #[test]
    fn arrays_and_wrappers_give_several_articles() {
        let text = r#"[{"title": "A", "text": "x"}, {"title": "B"}, 3]"#;
        let entries = parse(text).unwrap();
        assert_eq!(entries.len(), 3);
        assert!(entries[0].is_ok());
        assert!(matches!(entries[1], Err(ParseError::NoBody)));
        assert!(matches!(entries[2], Err(ParseError::Malformed(_))));
        let wrapped = parse(r#"{"articles": [{"text": "a"}, {"text": "b"}]}"#).unwrap();
        assert_eq!(wrapped.len(), 2);
    }

    #[test]
    fn the_cap_keeps_the_first_articles_and_counts_the_rest() {
        let text = r#"[{"text": "a"}, {"text": "b"}, {"x": [1, {"y": 2}]}, 4]"#;
        let parsed = parse_capped(text, 2).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed.dropped, 2);
        assert_eq!(parsed.articles[1].body, "b");
        let all = parse_capped(text, 10).unwrap();
        assert_eq!((all.articles.len(), all.failures.len(), all.dropped), (2, 2, 0));
        assert_eq!(all.failures[0].0, 2);
        let wrapped = parse_capped(r#"{"items": [{"text": "a"}, {"text": "b"}]}"#, 1).unwrap();
        assert_eq!((wrapped.len(), wrapped.dropped), (1, 1));
        let lines = parse_lines_capped("{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n{bad\n", 1).unwrap();
        assert_eq!((lines.len(), lines.dropped), (1, 2));
    }

    #[test]
    fn a_streamed_array_reports_errors_like_a_whole_parse() {
        match parse(r#"[{"text": "a"}, {"text": "b""#) {
            Err(ParseError::Json(msg)) => assert!(msg.contains("line 1 column"), "{msg}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse(r#"[{"text": "a"}] x"#), Err(ParseError::Json(_))));
        assert!(matches!(parse("  [ ]"), Err(ParseError::Malformed(_))));
    }

    #[test]
    fn sentence_arrays_become_paragraphs() {
        let text = r#"{"title": "T", "body-paragraphs": [["One.", "Two."], ["Three."]]}"#;
        let a = parse(text).unwrap().remove(0).unwrap();
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["One. Two.", "Three."]);
    }

    #[test]
    fn truncated_json_is_an_error() {
        assert!(matches!(
            parse(r#"{"title": "T", "text": "unfinished"#),
            Err(ParseError::Json(_))
        ));
        assert!(matches!(parse("[]"), Err(ParseError::Malformed(_))));
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let text =
            "{\"title\": \"A\", \"text\": \"a\"}\n\n{\"title\": \"B\", \"text\": \n{\"text\": \"c\"}\n";
        assert!(looks_like_lines(text));
        let entries = parse_lines(text).unwrap();
        assert_eq!(entries.len(), 3);
        assert!(entries[0].is_ok() && entries[2].is_ok());
        match &entries[1] {
            Err(ParseError::Json(msg)) => assert!(msg.starts_with("line 3:"), "{msg}"),
            other => panic!("{other:?}"),
        }
    }
}
