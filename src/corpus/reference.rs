//! The reference format: body paragraphs, then `Reference(s):`, the title
//! line and the source line.
//!
//! ```text
//! First paragraph.
//! Second paragraph.
//! Reference(s):
//! Harbour plan stalls
//! harbourledger.example
//! ```

use super::article::{Article, Fields, Format};
use super::clean;
use super::parse::{ParseError, body_paragraphs};

/// How many non-empty lines may follow the marker (title, source, a URL).
const MAX_TRAILER_LINES: usize = 3;

fn is_marker(line: &str) -> bool {
    let l = line.trim().trim_end_matches(':').to_ascii_lowercase();
    matches!(
        l.as_str(),
        "reference(s)" | "references" | "reference" | "source(s)"
    )
}

/// Splits the text at the last marker line that has 1 to 3 non-empty lines
/// after it: `(body, trailer lines)`.
fn split(text: &str) -> Option<(&str, Vec<&str>)> {
    let mut end = text.len();
    let mut trailer: Vec<&str> = Vec::new();
    loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..end].trim();
        if is_marker(line) && !trailer.is_empty() {
            trailer.reverse();
            return Some((&text[..start], trailer));
        }
        if !line.is_empty() {
            if trailer.len() == MAX_TRAILER_LINES {
                return None;
            }
            trailer.push(line);
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

pub fn looks_like(text: &str) -> bool {
    split(text).is_some()
}

pub fn parse(text: &str) -> Result<Article, ParseError> {
    let (body, trailer) =
        split(text).ok_or_else(|| ParseError::Malformed("no `Reference(s):` trailer".into()))?;
    let mut fields = Fields {
        title: trailer.first().and_then(|t| clean::meta_value(t)),
        ..Fields::default()
    };
    for line in trailer.iter().skip(1) {
        if line.starts_with("http://") || line.starts_with("https://") {
            fields.url = clean::meta_value(line);
        } else if fields.source.is_none() {
            fields.source = clean::meta_value(line);
        }
    }
    Ok(fields.into_article(Format::Reference, body_paragraphs(body)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "The council met.\nIt voted no.\nReference(s):\nCouncil says no\nharbourledger.example\n";

    #[test]
    fn detects_the_trailer() {
        assert!(looks_like(SAMPLE));
        assert!(looks_like("Body.\r\nReferences:\r\nTitle\r\n"));
        assert!(
            !looks_like("Body.\nReference(s):\n"),
            "a marker needs a title after it"
        );
        assert!(!looks_like("Reference(s):\nT\nS\nmore\nand more\nbody body\n"));
        assert!(!looks_like("A plain article about references.\n"));
    }

    #[test]
    fn parses_title_source_and_body() {
        let a = parse(SAMPLE).unwrap();
        assert_eq!(a.title.as_deref(), Some("Council says no"));
        assert_eq!(a.source.as_deref(), Some("harbourledger.example"));
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            vec!["The council met.", "It voted no."]
        );
    }

    #[test]
    fn a_url_line_is_the_url() {
        let a = parse("Body.\nReference(s):\nT\nOutlet\nhttps://o.example/a\n").unwrap();
        assert_eq!(a.source.as_deref(), Some("Outlet"));
        assert_eq!(a.url.as_deref(), Some("https://o.example/a"));
    }

    #[test]
    fn body_is_required() {
        assert!(matches!(parse("Reference(s):\nT\nS\n"), Err(ParseError::NoBody)));
    }
}
