//! Text cleaning shared by every format: line endings, spaces, paragraphs.
//! Cleaning changes only whitespace; it never drops a visible character.

use std::borrow::Cow;

use super::article::PARAGRAPH_SEPARATOR;

/// Normalises line endings (CRLF and lone CR become LF) and removes a
/// leading byte-order mark. Borrows when there is nothing to change.
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Folds runs of horizontal whitespace (spaces, tabs, no-break and other
/// Unicode spaces) into one ASCII space, drops zero-width characters and
/// trims both ends. Works on bytes and decodes only non-ASCII characters;
/// runs of ordinary characters are copied as slices.
pub fn fold_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    fold_spaces_into(line, &mut out);
    out
}

/// [`fold_spaces`] appending to `out` (no string of its own per line).
pub fn fold_spaces_into(line: &str, out: &mut String) {
    if is_folded(line) {
        out.push_str(line);
        return;
    }
    let bytes = line.as_bytes();
    let mut wrote = false;
    let mut pending_space = false;
    let mut run_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, space, invisible) = if b < 0x80 {
            (1, matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C), false)
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), c.is_whitespace(), is_invisible(c))
        };
        if space || invisible {
            if let Some(start) = run_start.take() {
                out.push_str(&line[start..i]);
                wrote = true;
            }
            pending_space |= space;
        } else if run_start.is_none() {
            if pending_space && wrote {
                out.push(' ');
            }
            pending_space = false;
            run_start = Some(i);
        }
        i += len;
    }
    if let Some(start) = run_start {
        out.push_str(&line[start..]);
    }
}

/// True when `fold_spaces` would return the line unchanged: no leading,
/// trailing or doubled space, no other whitespace or zero-width character.
/// A quick byte scan; non-ASCII characters are decoded only when their
/// lead byte can start a space or a zero-width character.
fn is_folded(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || line.contains("  ") {
        return false;
    }
    // Chunks are checked without early exit so the test vectorises; only a
    // chunk holding a control byte or a lead byte that can start a Unicode
    // space (U+00A0, U+1680, U+2000–U+206F, U+3000, U+FEFF) is decoded.
    const CHUNK: usize = 32;
    let suspicious =
        |b: u8| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF;
    for (n, chunk) in bytes.chunks(CHUNK).enumerate() {
        if !chunk.iter().fold(false, |acc, &b| acc | suspicious(b)) {
            continue;
        }
        let base = n * CHUNK;
        for (k, &b) in chunk.iter().enumerate() {
            if b < 0x20 || b == 0x7F {
                return false;
            }
            if suspicious(b) && line.is_char_boundary(base + k) {
                let c = line[base + k..].chars().next().unwrap_or(' ');
                if c.is_whitespace() || is_invisible(c) {
                    return false;
                }
            }
        }
    }
    true
}

/// Zero-width characters that only get in the way of matching.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Splits text into paragraphs: on blank lines, or on single newlines when
/// the text has no blank line at all (one paragraph per line, as scraped
/// articles often are). Lines inside a paragraph are joined with a space.
pub fn paragraphs(text: &str) -> Vec<String> {
    paragraph_body(text).paragraphs().map(str::to_owned).collect()
}

/// [`paragraphs`] as one body (the paragraphs joined by
/// [`PARAGRAPH_SEPARATOR`]), each line folded straight into it: no string
/// per line or paragraph, and no second copy to join them.
pub fn paragraph_body(text: &str) -> Body {
    let lines: Vec<&str> = text.lines().collect();
    paragraph_body_of_lines(&lines, text.len())
}

/// [`paragraph_body`] of text given as its lines; `size` is a guess of
/// the body's length (the text's).
pub fn paragraph_body_of_lines(lines: &[&str], size: usize) -> Body {
    let has_blank = {
        let mut seen_text = false;
        let mut blank_between = false;
        let mut pending_blank = false;
        for line in lines {
            if line.trim().is_empty() {
                pending_blank = seen_text;
            } else {
                if pending_blank {
                    blank_between = true;
                }
                seen_text = true;
            }
        }
        blank_between
    };
    let mut body = Body {
        text: String::with_capacity(size + 2),
        ends: Vec::new(),
    };
    // True while a paragraph is being written (blank lines end one).
    let mut open = false;
    for line in lines {
        let before = body.text.len();
        if open && has_blank {
            body.text.push(' ');
        } else if !body.ends.is_empty() {
            body.text.push_str(PARAGRAPH_SEPARATOR);
        }
        let start = body.text.len();
        fold_spaces_into(line, &mut body.text);
        if body.text.len() == start {
            body.text.truncate(before);
            if open {
                body.end_paragraph();
                open = false;
            }
        } else if has_blank {
            open = true;
        } else {
            body.end_paragraph();
        }
    }
    if open {
        body.end_paragraph();
    }
    body
}

/// An article's text as [`Article::body`](super::Article::body) holds it:
/// paragraphs joined by [`PARAGRAPH_SEPARATOR`], and where each ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub text: String,
    pub ends: Vec<u32>,
}

impl Body {
    fn end_paragraph(&mut self) {
        self.ends.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// True when there is no paragraph.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The paragraphs, in order: slices of the text.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        let sep = PARAGRAPH_SEPARATOR.len();
        self.ends.iter().scan(0usize, move |start, &end| {
            let end = end as usize;
            let p = self.text.get(*start..end).unwrap_or("");
            *start = end + sep;
            Some(p)
        })
    }
}

impl<S: AsRef<str>> From<&[S]> for Body {
    /// The paragraphs joined, the body built with its exact size.
    fn from(paragraphs: &[S]) -> Body {
        let sep = PARAGRAPH_SEPARATOR.len();
        let len: usize = paragraphs.iter().map(|p| p.as_ref().len() + sep).sum();
        let mut body = Body {
            text: String::with_capacity(len.saturating_sub(sep)),
            ends: Vec::with_capacity(paragraphs.len()),
        };
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                body.text.push_str(PARAGRAPH_SEPARATOR);
            }
            body.text.push_str(p.as_ref());
            body.end_paragraph();
        }
        body
    }
}

impl From<Vec<String>> for Body {
    fn from(paragraphs: Vec<String>) -> Body {
        Body::from(paragraphs.as_slice())
    }
}

/// True for values that sources use to mean "unknown".
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim().trim_end_matches('.').to_ascii_lowercase();
    v.is_empty()
        || matches!(
            v.as_str(),
            "n/a" | "na" | "none" | "null" | "unknown" | "-" | "--" | "not available" | "no author"
        )
        || v.ends_with("not found")
        || v.ends_with("not available")
}

/// Cleans a metadata value: folds spaces and maps placeholders to `None`.
pub fn meta_value(value: &str) -> Option<String> {
    let folded = fold_spaces(value);
    (!is_placeholder(&folded)).then_some(folded)
}

/// Splits an author field into names: on `;`, `&`, ` and ` and `|`.
pub fn split_authors(value: &str) -> Vec<String> {
    let value = value.trim();
    let value = value
        .strip_prefix("By ")
        .or_else(|| value.strip_prefix("by "))
        .unwrap_or(value);
    value
        .split([';', '|', '&'])
        .flat_map(|part| part.split(" and "))
        .filter_map(meta_value)
        .collect()
}

/// Splits a list field (categories, tags) on `,` and `;`.
pub fn split_list(value: &str) -> Vec<String> {
    value.split([',', ';']).filter_map(meta_value).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_normalised_and_bom_removed() {
        assert_eq!(normalize_newlines("\u{FEFF}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn spaces_fold_without_losing_characters() {
        assert_eq!(fold_spaces("  a \t b\u{00A0}\u{00A0}c  "), "a b c");
        assert_eq!(fold_spaces("zero\u{200B}width"), "zerowidth");
    }

    #[test]
    fn the_quick_check_agrees_with_folding() {
        for line in [
            "plain text",
            "“curly” quotes’",
            " lead",
            "trail ",
            "a  b",
            "a\tb",
            "a\u{00A0}b",
            "a\u{2009}b",
            "zero\u{200B}w",
            "x\u{3000}y",
            "ok\u{FEFF}",
        ] {
            assert_eq!(is_folded(line), fold_spaces(line) == line, "{line:?}");
        }
    }

    #[test]
    fn blank_lines_split_paragraphs_and_join_wrapped_lines() {
        let text = "First line\nwraps here.\n\n\nSecond   para.\n";
        assert_eq!(paragraphs(text), vec!["First line wraps here.", "Second para."]);
    }

    #[test]
    fn single_newlines_split_when_there_is_no_blank_line() {
        let text = "One.\nTwo.\n  Three.  \n";
        assert_eq!(paragraphs(text), vec!["One.", "Two.", "Three."]);
    }

    #[test]
    fn leading_blank_lines_do_not_count_as_separators() {
        assert_eq!(paragraphs("\n\nOne.\nTwo."), vec!["One.", "Two."]);
    }

    #[test]
    fn placeholders_are_absent() {
        assert!(is_placeholder("Author details not found"));
        assert!(is_placeholder(" N/A "));
        assert!(is_placeholder(""));
        assert!(!is_placeholder("Signe Halvorsen"));
        assert_eq!(meta_value("Author details not found"), None);
        assert_eq!(meta_value("  Signe   Halvorsen "), Some("Signe Halvorsen".into()));
    }

    #[test]
    fn authors_and_lists_split() {
        assert_eq!(
            split_authors("By Ana Ruiz and Li Wei; Sam Cole"),
            vec!["Ana Ruiz", "Li Wei", "Sam Cole"]
        );
        assert_eq!(split_list("CITY, water; ,"), vec!["CITY", "water"]);
    }
}
