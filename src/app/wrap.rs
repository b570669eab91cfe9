//! Greedy (first-fit) word wrapping that returns byte ranges into the
//! text, so wrapped lines are slices of the article body: no copies, and
//! char offsets (for search and quote highlights) stay exact. Breaks at
//! whitespace and at `\n`; words wider than the line are split.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The byte ranges of `text` wrapped to `width` display columns. Spaces
/// at line breaks are dropped; an empty text gives no lines.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut offset = 0;
    for hard_line in text.split('\n') {
        wrap_line(hard_line, offset, width, &mut lines);
        offset += hard_line.len() + 1;
    }
    lines
}

fn wrap_line(text: &str, base: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    // The line being built: its byte range and display width.
    let mut current: Option<(Range<usize>, usize)> = None;
    for word in words(text) {
        let word_width = text[word.clone()].width();
        if let Some((range, used)) = &mut current {
            let gap = text[range.end..word.start].width();
            if *used + gap + word_width <= width {
                range.end = word.end;
                *used += gap + word_width;
                continue;
            }
            lines.push(base + range.start..base + range.end);
        }
        current = Some(start_line(text, word, word_width, base, width, lines));
    }
    match current {
        Some((range, _)) => lines.push(base + range.start..base + range.end),
        None if lines.is_empty() || text.is_empty() => lines.push(base..base),
        None => {}
    }
}

/// Starts a line with `word`, first emitting full-width pieces of a word
/// too wide for any line.
fn start_line(
    text: &str,
    word: Range<usize>,
    word_width: usize,
    base: usize,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> (Range<usize>, usize) {
    if word_width <= width {
        return (word, word_width);
    }
    let (mut start, mut used) = (word.start, 0);
    for (i, c) in text[word.clone()].char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            lines.push(base + start..base + word.start + i);
            start = word.start + i;
            used = 0;
        }
        used += w;
    }
    (start..word.end, used)
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    start = None;
                    return Some(s..i);
                }
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        assert_eq!(
            lines("the cat sat on the mat", 7),
            ["the cat", "sat on", "the mat"]
        );
        assert_eq!(lines("  lead and trail  ", 8), ["lead and", "trail"]);
        assert_eq!(lines("one\ntwo three", 20), ["one", "two three"]);
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn splits_words_wider_than_the_line() {
        assert_eq!(lines("a abcdefghij b", 4), ["a", "abcd", "efgh", "ij b"]);
        assert_eq!(lines("日本語のテキスト", 6), ["日本語", "のテキ", "スト"]);
    }

    #[test]
    fn counts_display_width() {
        assert_eq!(lines("Ünïcödé wörds hère", 13), ["Ünïcödé wörds", "hère"]);
    }
}
