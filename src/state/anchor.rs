//! Anchors: where in an article a note is. A note holds the text it is
//! about (a quote or a sentence) and the char offsets it had as a hint.
//! When the article changed, the note is re-attached by its text: the
//! occurrence nearest the old place, else the same words with other
//! spacing; when the text is gone the note is detached (listed, never
//! dropped).

/// The text a note is about and where it was (body char offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Where an anchor is in a body now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Where it was.
    Same { start: usize, end: usize },
    /// Its text is elsewhere now (the article was edited).
    Moved { start: usize, end: usize },
    /// Its text is no longer in the article.
    Detached,
}

impl Place {
    /// The char range, unless detached.
    pub fn span(self) -> Option<(usize, usize)> {
        match self {
            Place::Same { start, end } | Place::Moved { start, end } => Some((start, end)),
            Place::Detached => None,
        }
    }
}

impl Anchor {
    /// The anchor of chars `[start, end)` of `body`.
    pub fn of(body: &str, start: usize, end: usize) -> Anchor {
        let text = body.chars().skip(start).take(end.saturating_sub(start)).collect();
        Anchor { text, start, end }
    }

    /// Finds the anchor's text in `body`.
    pub fn locate(&self, body: &str) -> Place {
        if self.text.trim().is_empty() {
            return Place::Detached;
        }
        let starts = char_starts(body);
        let byte = |c: usize| starts.get(c).copied();
        if let (Some(s), Some(e)) = (byte(self.start), byte(self.end))
            && body.get(s..e) == Some(self.text.as_str())
        {
            return Place::Same {
                start: self.start,
                end: self.end,
            };
        }
        let char_of = |b: usize| starts.partition_point(|&x| x < b);
        let len = self.text.chars().count();
        let nearest = body
            .match_indices(self.text.as_str())
            .map(|(b, _)| char_of(b))
            .min_by_key(|&c| c.abs_diff(self.start));
        if let Some(start) = nearest {
            return Place::Moved {
                start,
                end: start + len,
            };
        }
        match spaced(body, &self.text) {
            Some((s, e)) => Place::Moved {
                start: char_of(s),
                end: char_of(e),
            },
            None => Place::Detached,
        }
    }
}

/// The byte offset of every char, and the body's length at the end.
fn char_starts(body: &str) -> Vec<usize> {
    let mut v: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
    v.push(body.len());
    v
}

/// The bytes `[start, end)` of `body` holding `text`'s words in order,
/// with any whitespace between them (a re-wrapped paragraph).
fn spaced(body: &str, text: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = *words.first()?;
    'next: for (at, _) in body.match_indices(first) {
        let mut end = at + first.len();
        for word in &words[1..] {
            let rest = &body[end..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() || !trimmed.starts_with(word) {
                continue 'next;
            }
            end += rest.len() - trimmed.len() + word.len();
        }
        return Some((at, end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Intro line. Ana Ruiz said “the dam will hold” on Monday. Later news.";

    fn quote() -> Anchor {
        let start = BODY.chars().position(|c| c == '“').unwrap() + 1;
        Anchor::of(BODY, start, start + "the dam will hold".len())
    }

    #[test]
    fn an_unchanged_article_keeps_the_place() {
        let a = quote();
        assert_eq!(a.text, "the dam will hold");
        assert_eq!(
            a.locate(BODY),
            Place::Same {
                start: a.start,
                end: a.end
            }
        );
    }

    #[test]
    fn an_edit_elsewhere_moves_the_anchor_with_its_text() {
        let a = quote();
        let edited = format!("A new first paragraph — with “marks”.\n\n{BODY}");
        let Place::Moved { start, end } = a.locate(&edited) else {
            panic!("not re-attached: {:?}", a.locate(&edited));
        };
        let found: String = edited.chars().skip(start).take(end - start).collect();
        assert_eq!(found, "the dam will hold");
    }

    #[test]
    fn rewrapped_text_is_found_and_removed_text_detaches() {
        let a = quote();
        let wrapped = BODY.replace("dam will", "dam\n  will");
        let (s, e) = a.locate(&wrapped).span().expect("found across the line break");
        let found: String = wrapped.chars().skip(s).take(e - s).collect();
        assert_eq!(found, "the dam\n  will hold");
        let removed = BODY.replace("the dam will hold", "nothing");
        assert_eq!(a.locate(&removed), Place::Detached);
        assert_eq!(a.locate(""), Place::Detached);
    }

    #[test]
    fn the_nearest_copy_wins() {
        let body = "x said “yes”. y said “yes”. z said “yes”.";
        let second = body.match_indices("yes").nth(1).unwrap().0;
        let start = body[..second].chars().count();
        let a = Anchor::of(body, start, start + 3);
        let shifted = format!("ab{body}");
        assert_eq!(
            a.locate(&shifted),
            Place::Moved {
                start: start + 2,
                end: start + 5
            }
        );
    }
}
