//! The headline format: the headline on line 1, a blank line, then
//! paragraphs separated by blank lines. Text without that shape is parsed
//! as a body only ([`Format::Plain`]).

use super::article::{Article, Fields, Format};
use super::clean;
use super::parse::{ParseError, body_paragraphs};

/// A first line longer than this is a paragraph, not a headline.
const MAX_HEADLINE_WORDS: usize = 30;
const MAX_HEADLINE_CHARS: usize = 250;
/// A standfirst (the line under a headline) is a sentence or two.
const MAX_STANDFIRST_WORDS: usize = 80;

/// The headline shape: a first block of one line (the headline) or two
/// (headline and standfirst), a blank line, then the body. Returns
/// `(headline, standfirst, body)`.
fn split(text: &str) -> Option<(&str, Option<&str>, &str)> {
    let text = text.trim_start_matches(['\n', ' ', '\t']);
    let (block, body) = text.split_once("\n\n").or_else(|| split_blank_line(text))?;
    if body.trim().is_empty() {
        return None;
    }
    let mut lines = block.lines().map(str::trim);
    let headline = lines.next()?;
    let standfirst = lines.next();
    if lines.next().is_some() || !is_headline(headline) {
        return None;
    }
    if let Some(second) = standfirst {
        // A hard-wrapped first paragraph continues in lower case after a
        // line break; a standfirst starts a new sentence.
        let starts_sentence = second
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let short = second.split_whitespace().count() <= MAX_STANDFIRST_WORDS;
        if !starts_sentence || headline.ends_with(',') || !short {
            return None;
        }
    }
    Some((headline, standfirst, body))
}

/// Splits at the first line that is only whitespace.
fn split_blank_line(text: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() && offset > 0 {
            return Some((&text[..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 0 && words <= MAX_HEADLINE_WORDS && line.chars().count() <= MAX_HEADLINE_CHARS
}

pub fn looks_like(text: &str) -> bool {
    split(text).is_some()
}

pub fn parse(text: &str) -> Result<Article, ParseError> {
    match split(text) {
        Some((headline, standfirst, rest)) => {
            let mut fields = Fields {
                title: clean::meta_value(headline),
                ..Fields::default()
            };
            if let Some(standfirst) = standfirst.and_then(clean::meta_value) {
                fields.extra.insert("standfirst".into(), standfirst);
            }
            Ok(fields.into_article(Format::Headline, body_paragraphs(rest)?))
        }
        None => parse_plain(text),
    }
}

/// Body only: no metadata could be recognised.
pub fn parse_plain(text: &str) -> Result<Article, ParseError> {
    Ok(Fields::default().into_article(Format::Plain, body_paragraphs(text)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_blank_line() {
        let a = parse("Rail talks collapse\n\nUnion walks out.\n\nMinister responds.\n").unwrap();
        assert_eq!(a.format, Some(Format::Headline));
        assert_eq!(a.title.as_deref(), Some("Rail talks collapse"));
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            vec!["Union walks out.", "Minister responds."]
        );
    }

    #[test]
    fn a_two_line_block_is_headline_and_standfirst() {
        let a = parse("Rail talks collapse;\nUnion says the offer is final.\n\nBody one.\n").unwrap();
        assert_eq!(a.title.as_deref(), Some("Rail talks collapse;"));
        assert_eq!(
            a.extra.get("standfirst").map(String::as_str),
            Some("Union says the offer is final.")
        );
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Body one."]);
    }

    #[test]
    fn a_hard_wrapped_first_paragraph_is_not_a_headline() {
        let a = parse("The council met on Tuesday and voted\nto approve the plan.\n\nMore.\n").unwrap();
        assert_eq!(a.format, Some(Format::Plain));
        assert_eq!(a.paragraph_count(), 2);
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_headline() {
        let long = "word ".repeat(40);
        let a = parse(&format!("{long}\n\nSecond.\n")).unwrap();
        assert_eq!(a.format, Some(Format::Plain));
        assert_eq!(a.title, None);
        assert_eq!(a.paragraph_count(), 2);
    }

    #[test]
    fn no_blank_line_means_body_only() {
        let a = parse("Line one.\nLine two.\n").unwrap();
        assert_eq!(a.format, Some(Format::Plain));
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Line one.", "Line two."]);
    }

    #[test]
    fn a_lone_line_is_a_body() {
        let a = parse("Only one line\n\n   \n").unwrap();
        assert_eq!(a.format, Some(Format::Plain));
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), vec!["Only one line"]);
        assert!(matches!(parse("  \n\n"), Err(ParseError::NoBody)));
    }
}
