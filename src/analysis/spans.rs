//! Pairs quote marks into quoted spans. A quote that runs over paragraphs
//! is one span, whether each paragraph reopens it or only the first opens
//! and the last closes. An unmatched mark never swallows the article: a
//! quote is bounded in paragraphs and chars, and an unclosed one ends with
//! its paragraph.

use super::marks::{Family, Mark, marks};
use super::model::QuoteText;
use super::text::Text;

/// The most paragraphs one quote may span.
pub const MAX_PARAGRAPHS: usize = 8;
/// The most chars one quote may span.
pub const MAX_CHARS: usize = 6000;
/// How many mark-free paragraphs a quote may cross looking for its close.
const MAX_GAP: usize = 3;

/// A quoted span: offsets of the words inside the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The opening mark.
    pub open: usize,
    /// The closing mark, when one was found.
    pub close: Option<usize>,
    /// The quoted words: `[start, end)`, whitespace trimmed.
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    /// Marks that reopen the quote at the start of a later paragraph.
    pub reopens: Vec<usize>,
}

struct Pending {
    mark: Mark,
    /// The paragraph the quote has reached.
    para: usize,
    reopens: Vec<usize>,
}

/// Every quoted span of `text`, in order.
pub fn spans(text: &Text) -> Vec<Span> {
    let mut all = Vec::new();
    let mut by_para = Vec::with_capacity(text.paragraphs.len() + 1);
    for (p, &(ps, pe)) in text.paragraphs.iter().enumerate() {
        by_para.push(all.len());
        marks(&text.chars, ps, pe, p, &mut all);
    }
    by_para.push(all.len());
    let next_single_close = next_single_closes(&all);
    let mut out = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut i = 0;
    while i < all.len() {
        let m = all[i];
        i += 1;
        if let Some(pend) = &mut pending
            && m.paragraph > pend.para
            && m.family == pend.mark.family
        {
            // The quote is still open at the end of its paragraph.
            match continuation(text, &all, &by_para, pend) {
                Some(Next::Reopen(q, mark_index)) if mark_index + 1 == i => {
                    pend.para = q;
                    pend.reopens.push(m.at);
                    continue;
                }
                Some(Next::CloseIn(q)) if m.paragraph == q => pend.para = q,
                _ => {
                    let p = pending.take().expect("pending quote");
                    out.extend(unclosed(text, p));
                }
            }
        }
        match &pending {
            None => {
                if m.opens
                    && (m.family != Family::Single || single_has_close(&all, m.at, next_single_close[i - 1]))
                {
                    pending = Some(Pending {
                        mark: m,
                        para: m.paragraph,
                        reopens: Vec::new(),
                    });
                }
            }
            Some(p) if p.mark.family != m.family => {}
            Some(p) => {
                if m.closes && !(m.possessive_like && later_close(&all[i..], &m)) {
                    let p = pending.take().expect("pending quote");
                    out.extend(make(text, p.mark, Some(m.at), m.at, p.reopens));
                } else if m.opens && m.paragraph == p.mark.paragraph && !m.closes {
                    // A second opener: the first quote was never closed.
                    let p = pending.take().expect("pending quote");
                    out.extend(make(text, p.mark, None, m.at, p.reopens));
                    pending = Some(Pending {
                        mark: m,
                        para: m.paragraph,
                        reopens: Vec::new(),
                    });
                }
            }
        }
    }
    if let Some(p) = pending {
        out.extend(unclosed(text, p));
    }
    out
}

enum Next {
    /// The quote continues: paragraph `q` reopens it with mark `all[i]`.
    Reopen(usize, usize),
    /// The quote closes in paragraph `q` with no new opener before.
    CloseIn(usize),
}

/// Whether an open quote carries on past its paragraph.
fn continuation(text: &Text, all: &[Mark], by_para: &[usize], pend: &Pending) -> Option<Next> {
    let family = pend.mark.family;
    let first_para = pend.mark.paragraph;
    let last = (pend.para + MAX_GAP + 1)
        .min(text.paragraphs.len() - 1)
        .min(first_para + MAX_PARAGRAPHS - 1);
    for q in pend.para + 1..=last {
        if text.paragraphs[q].1 - text.paragraphs[first_para].0 > MAX_CHARS {
            return None;
        }
        let first = (by_para[q]..by_para[q + 1]).find(|&k| all[k].family == family);
        let Some(k) = first else { continue };
        let m = all[k];
        if m.at == text.paragraphs[q].0 && m.opens {
            return (q == pend.para + 1).then_some(Next::Reopen(q, k));
        }
        return m.closes.then_some(Next::CloseIn(q));
    }
    None
}

/// For each mark, the index of the next single closing mark in its
/// paragraph, if any: computed once, so that a paragraph of many single
/// openers is not scanned again from each one.
fn next_single_closes(all: &[Mark]) -> Vec<Option<usize>> {
    let mut next = vec![None; all.len()];
    let mut upcoming = None;
    for k in (0..all.len()).rev() {
        if all.get(k + 1).is_some_and(|n| n.paragraph != all[k].paragraph) {
            upcoming = None;
        }
        next[k] = upcoming;
        if all[k].family == Family::Single && all[k].closes {
            upcoming = Some(k);
        }
    }
    next
}

/// A single opener is a quote only when a closer follows in its paragraph
/// (within [`MAX_CHARS`]); `next_close` is the first one after it.
fn single_has_close(all: &[Mark], open_at: usize, next_close: Option<usize>) -> bool {
    next_close.is_some_and(|k| all[k].at - open_at < MAX_CHARS)
}

/// Another closing candidate later in the same paragraph.
fn later_close(rest: &[Mark], m: &Mark) -> bool {
    rest.iter()
        .take_while(|n| n.paragraph == m.paragraph)
        .any(|n| n.family == m.family && n.closes && !n.opens)
}

fn unclosed(text: &Text, p: Pending) -> Option<Span> {
    let end = text.paragraphs[p.para].1;
    make(text, p.mark, None, end, p.reopens)
}

fn make(text: &Text, open: Mark, close: Option<usize>, end: usize, reopens: Vec<usize>) -> Option<Span> {
    let c = &text.chars;
    let mut start = open.at + 1;
    let mut end = end;
    while start < end && c[start].is_whitespace() {
        start += 1;
    }
    while end > start && (c[end - 1].is_whitespace() || c[end - 1] == ',') {
        end -= 1;
    }
    (start < end).then_some(Span {
        open: open.at,
        close,
        start,
        end,
        paragraph: open.paragraph,
        reopens,
    })
}

impl Span {
    /// Where the quoted words are: in the body (its byte range is set by
    /// `analyze`), or owned when reopening marks must be left out.
    pub fn quote_text(&self, text: &Text) -> QuoteText {
        if self.reopens.is_empty() {
            QuoteText::default()
        } else {
            QuoteText::owned(self.text(text))
        }
    }

    /// Whether the quoted words are only white space (and reopening marks).
    pub fn is_blank(&self, text: &Text) -> bool {
        (self.start..self.end).all(|k| text.chars[k].is_whitespace() || self.reopens.contains(&k))
    }

    /// The quoted words without reopening marks.
    pub fn text(&self, text: &Text) -> String {
        let mut s = String::with_capacity(self.end.saturating_sub(self.start));
        if self.reopens.is_empty() {
            for &ch in &text.chars[self.start..self.end] {
                s.push(ch);
            }
            return s;
        }
        for (k, &ch) in text.chars[self.start..self.end].iter().enumerate() {
            if !self.reopens.contains(&(self.start + k)) {
                s.push(ch);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(body: &str) -> Vec<String> {
        let t = Text::new(body);
        spans(&t).iter().map(|s| s.text(&t)).collect()
    }

    #[test]
    fn all_mark_styles() {
        assert_eq!(
            quoted("“A b,” he said. \"C d\" and «E f» and „G h“ and 「I j」 and 『K』 and ‘L m’."),
            ["A b", "C d", "E f", "G h", "I j", "K", "L m"]
        );
    }

    #[test]
    fn apostrophes_never_pair() {
        assert_eq!(
            quoted("Israel's allies' doubts over the US' plans don't date from the '90s."),
            Vec::<String>::new()
        );
        assert_eq!(quoted("The allies' ‘red line’ held."), ["red line"]);
        assert_eq!(
            quoted("She called it 'the farmers' last stand' on Monday."),
            ["the farmers' last stand"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“He told me ‘never again’ twice,” she said."),
            ["He told me ‘never again’ twice"]
        );
    }

    #[test]
    fn reopening_paragraphs_make_one_quote() {
        let q = quoted("“First part.\n\n“Second part.\n\n“Third part,” she said.");
        assert_eq!(q, ["First part.\n\nSecond part.\n\nThird part"]);
    }

    #[test]
    fn first_opens_last_closes_makes_one_quote() {
        let q = quoted("\"First part.\n\nMiddle part.\n\nLast part,\" she said.\n\nNext \"thing\" here.");
        assert_eq!(q, ["First part.\n\nMiddle part.\n\nLast part", "thing"]);
    }

    #[test]
    fn unmatched_mark_ends_with_its_paragraph() {
        let q = quoted("He said “we will win.\n\nThe vote was close.\n\nOthers \"disagreed\".");
        assert_eq!(q, ["we will win.", "disagreed"]);
    }

    #[test]
    fn a_single_opener_needs_a_close_in_reach() {
        assert_eq!(quoted("'a b' and 'c d"), ["a b"]);
        let far = format!("'a {} b'", "x ".repeat(MAX_CHARS));
        assert!(quoted(&far).is_empty());
        assert!(quoted("'a b\n\nc' d").is_empty());
    }

    #[test]
    fn many_single_openers_are_found_in_linear_time() {
        // Each opener once scanned every mark within MAX_CHARS after it.
        let body = "'a ".repeat(200_000);
        let t = std::time::Instant::now();
        assert!(quoted(&body).is_empty());
        assert!(
            t.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn long_unclosed_quote_is_bounded() {
        let mut body = String::from("“Start");
        for _ in 0..20 {
            body.push_str("\n\nMore words without marks.");
        }
        let t = Text::new(&body);
        let s = spans(&t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].end, t.paragraphs[0].1);
    }
}
