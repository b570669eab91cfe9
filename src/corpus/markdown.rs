//! Markdown with front matter (`---` key: value lines, or `+++` TOML).
//! Markup is stripped from the body so the analysis sees plain prose.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
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
    let (mut plain, h1) = match plain_prose(body) {
        Some(plain) => (plain, None),
        None => strip_markup(body),
    };
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

/// Strips block and inline markup with a CommonMark parser
/// (`pulldown-cmark`: linear time on any input, entities decoded, reference
/// links and autolinks understood), keeping the text. Paragraphs, headings,
/// list items and code blocks become paragraphs of their own; links and
/// images keep their text; HTML keeps the text between its tags. A
/// first-level heading that opens the body is returned apart: it is the
/// title when the front matter has none.
fn strip_markup(body: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(body.len());
    // The opening heading: its text, whether it was taken, whether it is
    // being read.
    let mut h1 = String::new();
    let mut h1_taken = false;
    let mut in_h1 = false;
    let mut seen_text = false;
    let mut in_code = false;
    for event in Parser::new_ext(body, Options::empty()) {
        let target = if in_h1 { &mut h1 } else { &mut out };
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if !seen_text && !h1_taken => {
                in_h1 = true;
                h1_taken = true;
            }
            Event::End(TagEnd::Heading(_)) if in_h1 => in_h1 = false,
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push_str("\n\n");
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push_str("\n\n");
            }
            Event::Start(
                Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::BlockQuote(_) | Tag::HtmlBlock,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock,
            )
            | Event::Rule => out.push_str("\n\n"),
            Event::Text(t) | Event::Code(t) => {
                seen_text |= !in_h1 && !t.trim().is_empty();
                target.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => target.push(if in_code { '\n' } else { ' ' }),
            Event::Html(t) | Event::InlineHtml(t) => {
                let text = strip_tags(&t);
                seen_text |= !in_h1 && !text.trim().is_empty();
                target.push_str(&text);
            }
            _ => {}
        }
    }
    let h1 = Some(h1.trim().to_owned()).filter(|t| h1_taken && !t.is_empty());
    (out, h1)
}

/// Bytes that may start markup somewhere in a line: escapes, code,
/// emphasis, links and images, HTML and autolinks, headings, entities,
/// fences.
const MARKUP_BYTES: &[u8] = b"\\`*_[]<>#&~";

/// A body in which Markdown finds nothing but paragraphs (no byte of
/// [`MARKUP_BYTES`], no line opening a list, a setext underline, a rule or
/// indented code): its paragraphs, lines joined by a space, as
/// [`strip_markup`] gives them (once folded into paragraphs) without
/// running the parser; `None` for any other body. Plain prose is most of
/// what exported articles hold, and the parser was a sixth of loading them.
fn plain_prose(body: &str) -> Option<String> {
    let mut markup = [false; 256];
    for &b in MARKUP_BYTES {
        markup[usize::from(b)] = true;
    }
    if body.bytes().any(|b| markup[usize::from(b)]) {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut in_paragraph = false;
    for line in body.split('\n') {
        let indent = line.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
        let (lead, rest) = line.split_at(indent);
        // Blank for Markdown: spaces and tabs only.
        if rest.is_empty() {
            if in_paragraph {
                out.push_str("\n\n");
                in_paragraph = false;
            }
            continue;
        }
        if indent >= 4 || lead.contains('\t') {
            return None;
        }
        let first = rest.as_bytes()[0];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if matches!(first, b'-' | b'+' | b'=')
            || (digits > 0 && matches!(rest.as_bytes().get(digits), Some(b'.' | b')')))
        {
            return None;
        }
        if in_paragraph {
            out.push(' ');
        }
        out.push_str(rest);
        in_paragraph = true;
    }
    Some(out)
}

/// The text of an HTML fragment without its tags and comments.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let is_tag =
            after[1..].starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        let close = if after.starts_with("<!--") {
            after.find("-->").map(|e| e + 3)
        } else {
            after.find('>').map(|e| e + 1)
        };
        match close {
            Some(e) if is_tag => rest = &after[e..],
            // An unclosed tag: what follows is inside it.
            None if is_tag => rest = "",
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the fast path answers, it answers as the parser does.
    mod plain_prose_agrees {
        use super::*;
        use crate::corpus::clean::paragraphs;
        use proptest::prelude::*;

        fn piece() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                // Bytes of MARKUP_BYTES never reach the parser's side
                // (`markup_goes_to_the_parser`): these are what does.
                "word", "Said", "1999", "3.", "2)", "-", "+", "=", "!", "\"q\"", "’", "é", " ", "  ", "    ",
                "\t", "\n", "\n\n", "\n   ", "\n \n", "\n\t\n", "\u{a0}", "\u{2003}", ".", ",", "---", "===",
                "(a)", "'", "|", "$", "%", ":", "\u{200b}",
            ])
        }

        proptest! {
            #[test]
            fn same_paragraphs_as_the_parser(pieces in prop::collection::vec(piece(), 0..40)) {
                let body: String = pieces.concat();
                let fast = plain_prose(&body);
                // Line starts and indents are what it refuses on its own.
                prop_assert!(fast.is_some() || body.lines().any(|l| {
                    let t = l.trim_start_matches([' ', '\t']);
                    l.len() - t.len() >= 4 || l[..l.len() - t.len()].contains('\t')
                        || t.starts_with(['-', '+', '='])
                        || t.trim_start_matches(|c: char| c.is_ascii_digit()).len() < t.len()
                            && t.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['.', ')'])
                }), "{:?}", body);
                if let Some(fast) = fast {
                    let (parsed, h1) = strip_markup(&body);
                    prop_assert_eq!(h1, None);
                    prop_assert_eq!(paragraphs(&fast), paragraphs(&parsed), "{:?}", body);
                }
            }
        }

        #[test]
        fn markup_goes_to_the_parser() {
            for body in [
                "A *b*",
                "# T",
                "a\n- b",
                "a\n===",
                "    code",
                "1. one",
                "a &amp; b",
                "a\\b",
            ] {
                assert_eq!(plain_prose(body), None, "{body:?}");
            }
            assert_eq!(
                plain_prose("One\ntwo.\n \n  Three").as_deref(),
                Some("One two.\n\nThree")
            );
        }
    }

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
            a.paragraphs().collect::<Vec<_>>(),
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
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Body text."]);
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
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Trains stopped."]);
    }

    #[test]
    fn snake_case_and_lists_survive() {
        let a = parse("---\ntitle: T\n---\nThe file_name stays.\n\n- first item\n- second item\n").unwrap();
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
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

    #[test]
    fn commonmark_links_entities_html_and_code() {
        let text = "---\ntitle: T\n---\n\
            Read [the audit][audit] and <https://port.example/a> &amp; more.\n\n\
            <div class=\"note\">Ferries <em>resume</em> Monday.</div>\n\n\
            ```\nlet x = 1;\n```\n\n\
            An *unclosed emphasis and a_snake_name.\n\n\
            [audit]: https://port.example/audit\n";
        assert_eq!(
            parse(text).unwrap().paragraph_vec(),
            vec![
                "Read the audit and https://port.example/a & more.",
                "Ferries resume Monday.",
                "let x = 1;",
                "An *unclosed emphasis and a_snake_name."
            ]
        );
    }

    #[test]
    fn an_h1_after_text_is_no_title() {
        let a = parse("Lead line.\n\n# Later heading\n\nMore.\n").unwrap();
        assert_eq!(a.title, None);
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            vec!["Lead line.", "Later heading", "More."]
        );
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let text = format!("---\ntitle: T\n---\n{}deep\n", "> ".repeat(50_000));
        assert!(parse(&text).unwrap().paragraph_vec().join(" ").contains("deep"));
        let text = format!(
            "---\ntitle: T\n---\n{}x{}\n",
            "[".repeat(50_000),
            "]".repeat(50_000)
        );
        assert!(parse(&text).is_ok());
    }
}
