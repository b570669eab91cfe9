//! Small text helpers: display-width truncation and padding (highlights
//! are painted by `highlight`). Cuts fall between grapheme clusters, so a
//! flag, an emoji with a skin tone or a letter with a combining accent is
//! kept whole or left out whole, never split into a ghost cell.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

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
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Cuts `s` to `max` columns from the left ("…/folder/file.txt").
pub fn truncate_left(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        let w = width(g);
        if used + w + 1 > max {
            break;
        }
        used += w;
        kept.push(g);
    }
    kept.push("…");
    Cow::Owned(kept.into_iter().rev().collect())
}

/// `s` truncated and padded with spaces to exactly `n` columns.
pub fn fit(s: &str, n: usize) -> String {
    let t = truncate(s, n);
    let pad = n.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
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
    fn never_splits_a_grapheme() {
        let flag = "\u{1f1eb}\u{1f1f7}"; // France: two regional indicators
        let text = format!("a{flag}{flag}b");
        let cut = truncate(&text, 4);
        assert!(cut == format!("a{flag}…") || cut == "a…", "{cut:?}");
        assert!(width(&cut) <= 4);
        let accent = "e\u{301}"; // e + combining acute
        assert_eq!(
            truncate(&format!("{accent}{accent}{accent}"), 2),
            format!("{accent}…")
        );
        let text = format!("{flag}x{flag}");
        let left = truncate_left(&text, 3);
        assert!(!left.starts_with("…\u{1f1f7}"), "{left:?}");
        assert_eq!(left, format!("…{flag}"));
    }
}
