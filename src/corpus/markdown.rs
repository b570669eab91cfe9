//! Markdown with front matter (`---` key: value lines, or `+++` TOML).
//! Markup is stripped from the body so the analysis sees plain prose.

use serde_json::{Map, Value};

use super::article::{Article, Format};
use super::json;
use super::parse::{ParseError, body_paragraphs};

/// `Some((front matter, body, is_toml))` when the text opens with a fence.
fn split_front_matter(text: &str) -> Option<(&str, &str, bool)> {
    let first = text.lines().next()?.trim_end();
    let (fence, toml) = match first {
        "---" => ("---", false),
        "+++" => ("+++", true),
        _ => return None,
    };
    let rest = &text[text.find('\n')? + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == fence || (!toml && line.trim_end() == "...") {
            return Some((&rest[..offset], &rest[offset + line.len()..], toml));
        }
        offset += line.len();
    }
    None
}

pub fn looks_like(text: &str) -> bool {
    split_front_matter(text).is_some()
}

pub fn parse(text: &str) -> Result<Article, ParseError> {
    let (meta, body) = match split_front_matter(text) {
        Some((front, body, true)) => (toml_front_matter(front)?, body),
        Some((front, body, false)) => (yaml_front_matter(front), body),
        None => (Map::new(), text),
    };
    let mut fields = json::fields(meta);
    let (mut plain, h1) = strip_markup(body);
    match h1 {
        Some(h1) if fields.title.is_none() => fields.title = Some(h1),
        Some(h1) if fields.title.as_deref() != Some(h1.as_str()) => plain = format!("{h1}\n\n{plain}"),
        _ => {}
    }
    Ok(fields.into_article(Format::Markdown, body_paragraphs(&plain)?))
}

fn toml_front_matter(front: &str) -> Result<Map<String, Value>, ParseError> {
    let table: toml::Table =
        toml::from_str(front).map_err(|e| ParseError::Malformed(format!("front matter: {}", e.message())))?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
}

/// TOML values as JSON values; dates become their TOML text (ISO 8601).
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// The YAML subset front matter uses: `key: value`, `key: [a, b]`, and
/// `key:` followed by `- item` lines. Values may be quoted.
fn yaml_front_matter(front: &str) -> Map<String, Value> {
    let mut map = Map::new();
    let mut list_key: Option<String> = None;
    for line in front.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let (Some(item), Some(key)) = (trimmed.strip_prefix("- "), &list_key) {
            if let Some(Value::Array(items)) = map.get_mut(key) {
                items.push(Value::String(unquote(item).to_owned()));
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let (key, value) = (key.trim().to_owned(), value.trim());
        if value.is_empty() {
            map.insert(key.clone(), Value::Array(Vec::new()));
            list_key = Some(key);
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items = inner.split(',').map(|i| Value::String(unquote(i).to_owned()));
            map.insert(key, Value::Array(items.collect()));
            list_key = None;
        } else {
            map.insert(key, Value::String(unquote(value).to_owned()));
            list_key = None;
        }
    }
    map
}

fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// Strips block and inline markup, keeping the text. Headings, list items
/// and fenced code become paragraphs of their own. A first-level heading
/// that opens the body is returned apart: it is the title when the front
/// matter has none.
fn strip_markup(body: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(body.len());
    let mut h1 = None;
    let mut in_fence = false;
    let mut seen_text = false;
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            out.push_str("\n\n");
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            seen_text |= !t.is_empty();
            continue;
        }
        if is_rule(t) {
            out.push_str("\n\n");
            continue;
        }
        let (content, own_paragraph) = block_content(t);
        let inline = strip_inline(content);
        if !seen_text && t.starts_with("# ") && h1.is_none() {
            h1 = Some(inline.trim().to_owned());
            continue;
        }
        seen_text |= !inline.trim().is_empty();
        if own_paragraph {
            out.push('\n');
            out.push_str(&inline);
            out.push_str("\n\n");
        } else {
            out.push_str(&inline);
            out.push('\n');
        }
    }
    (out, h1)
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&c| t.chars().all(|x| x == c || x == ' ') && t.contains(c))
}

/// Removes a block marker; `true` when the block is a paragraph of its own.
fn block_content(t: &str) -> (&str, bool) {
    if t.starts_with('#') {
        let rest = t.trim_start_matches('#');
        if rest.starts_with(' ') {
            return (rest.trim().trim_end_matches('#').trim(), true);
        }
    }
    if let Some(rest) = t.strip_prefix('>') {
        return (rest.trim_start_matches(['>', ' ']), false);
    }
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return (rest, true);
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..4).contains(&digits)
        && let Some(rest) = t[digits..].strip_prefix(". ")
    {
        return (rest, true);
    }
    (t, false)
}

/// Links and images keep their text; emphasis, code ticks, HTML tags and
/// backslash escapes go.
fn strip_inline(s: &str) -> String {
    if !s.contains(['\\', '!', '[', '*', '`', '_', '<']) {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                i += 1;
                continue;
            }
            '[' => {
                if let Some((text_end, url_end)) = link_at(&chars, i) {
                    out.extend(&chars[i + 1..text_end]);
                    i = url_end + 1;
                    continue;
                }
            }
            '*' | '`' => {
                i += 1;
                continue;
            }
            '_' => {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + 1).copied();
                let inside_word =
                    prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                if !inside_word {
                    i += 1;
                    continue;
                }
            }
            '<' => {
                if let Some(len) = tag_len(&chars[i..]) {
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out
}

/// For `[text](url)` starting at `open`: the index of `]` and of `)`.
fn link_at(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some((close, end))
}

/// The length of an HTML tag such as `<br>`, `</em>` or `<a href="x">`.
fn tag_len(chars: &[char]) -> Option<usize> {
    let second = *chars.get(1)?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    let end = chars.iter().take(200).position(|&c| c == '>')?;
    Some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_and_markup() {
        let text = "---\ntitle: \"Quota row\"\nsource: Meridian Post\ndate: 2026-05-01\n\
            author: Li Wei\ntags: [farming, water]\n---\n\n## The vote\n\n\
            Farmers *rejected* the **plan**, see [the report](https://x.example).\n\n\
            > \"We won't pay,\" she said.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.title.as_deref(), Some("Quota row"));
        assert_eq!(a.source.as_deref(), Some("Meridian Post"));
        assert_eq!(a.published_display(), Some("2026-05-01"));
        assert_eq!(a.authors, vec!["Li Wei"]);
        assert_eq!(a.categories, vec!["farming", "water"]);
        assert_eq!(
            a.paragraphs,
            vec![
                "The vote",
                "Farmers rejected the plan, see the report.",
                "\"We won't pay,\" she said."
            ]
        );
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Strike ends\"\ndate = 2026-05-02\nauthors = [\"A B\", \"C D\"]\nsource = \"Valley Wire\"\n+++\nBody text.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.title.as_deref(), Some("Strike ends"));
        assert_eq!(a.authors, vec!["A B", "C D"]);
        assert_eq!(a.published_display(), Some("2026-05-02"));
        assert_eq!(a.paragraphs, vec!["Body text."]);
    }

    #[test]
    fn block_lists_in_front_matter() {
        let text = "---\ntitle: T\ntags:\n  - one\n  - two\n---\nBody.\n";
        assert_eq!(parse(text).unwrap().categories, vec!["one", "two"]);
    }

    #[test]
    fn h1_is_the_title_without_front_matter() {
        let a = parse("# Rail strike\n\nTrains stopped.\n").unwrap();
        assert_eq!(a.title.as_deref(), Some("Rail strike"));
        assert_eq!(a.paragraphs, vec!["Trains stopped."]);
    }

    #[test]
    fn snake_case_and_lists_survive() {
        let a = parse("---\ntitle: T\n---\nThe file_name stays.\n\n- first item\n- second item\n").unwrap();
        assert_eq!(
            a.paragraphs,
            vec!["The file_name stays.", "first item", "second item"]
        );
    }

    #[test]
    fn bad_toml_is_an_error() {
        assert!(matches!(
            parse("+++\ntitle = \n+++\nBody\n"),
            Err(ParseError::Malformed(_))
        ));
    }
}
