//! Small text helpers: display-width truncation and padding, and search
//! highlights laid over a line.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Display width of a string.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts `s` to `max` columns, ending with "…" when it was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Cuts `s` to `max` columns from the left ("…/folder/file.txt").
pub fn truncate_left(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        kept.push(c);
    }
    kept.push('…');
    Cow::Owned(kept.into_iter().rev().collect())
}

/// `s` truncated and padded with spaces to exactly `n` columns.
pub fn fit(s: &str, n: usize) -> String {
    let t = truncate(s, n);
    let pad = n.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// A line of text starting at body char `start`, with `matches` (body char
/// ranges, sorted) styled `hit` and the `current` one styled `current`.
pub fn highlighted<'a>(
    text: &'a str,
    start: usize,
    matches: &[(usize, usize)],
    current: Option<(usize, usize)>,
    base: Style,
    styles: (Style, Style),
) -> Line<'a> {
    let end = start + text.chars().count();
    let first = matches.partition_point(|m| m.1 <= start);
    let mut spans = Vec::new();
    let byte_at = |char_offset: usize| -> usize {
        let rel = char_offset.saturating_sub(start);
        text.char_indices().nth(rel).map_or(text.len(), |(b, _)| b)
    };
    let mut cursor = 0;
    for &m in matches[first..].iter().take_while(|m| m.0 < end) {
        let (s, e) = (byte_at(m.0.max(start)), byte_at(m.1.min(end)));
        if s > cursor {
            spans.push(Span::styled(&text[cursor..s], base));
        }
        let style = if Some(m) == current { styles.1 } else { styles.0 };
        spans.push(Span::styled(&text[s..e], style));
        cursor = e;
    }
    if cursor < text.len() {
        spans.push(Span::styled(&text[cursor..], base));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate_left("a/b/c/file.txt", 9), "…file.txt");
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn highlights_split_the_line() {
        let base = Style::new();
        let hit = Style::new().bold();
        let line = highlighted(
            "the cat sat",
            10,
            &[(4, 5), (14, 17), (18, 21)],
            None,
            base,
            (hit, hit),
        );
        let parts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["the ", "cat", " ", "sat"]);
    }
}
