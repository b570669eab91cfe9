//! Text search: smart case (case-insensitive unless the query has a capital,
//! as in vim and less), matches as char offsets, a current match that wraps.

/// A search and its matches in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// `(start, end)` char offsets, end exclusive, in text order.
    pub matches: Vec<(usize, usize)>,
    /// Index into `matches` of the current match.
    pub current: Option<usize>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Runs `query` over `text`; the current match is the first at or after
    /// char offset `from` (wrapping to the first).
    pub fn run(query: &str, text: &str, from: usize) -> Search {
        let matches = find(text, query);
        let current = match matches.iter().position(|m| m.0 >= from) {
            Some(i) => Some(i),
            None if matches.is_empty() => None,
            None => Some(0),
        };
        Search {
            query: query.to_string(),
            matches,
            current,
        }
    }

    /// Moves to the next (`forward`) or previous match, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let n = self.matches.len();
        if n == 0 {
            return;
        }
        self.current = Some(match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
    }

    /// [`Search::step`], and the message vim gives when it wraps past the
    /// end ("search hit BOTTOM, continuing at TOP") or the start.
    pub fn step_wrapping(&mut self, forward: bool) -> Option<&'static str> {
        let before = self.current;
        self.step(forward);
        match (before, self.current) {
            (Some(b), Some(a)) if forward && a <= b => Some(WRAPPED_BOTTOM),
            (Some(b), Some(a)) if !forward && a >= b => Some(WRAPPED_TOP),
            _ => None,
        }
    }

    pub fn current_match(&self) -> Option<(usize, usize)> {
        self.current.map(|i| self.matches[i])
    }

    /// The "i/N" counter, or "0/0" with no match.
    pub fn counter(&self) -> String {
        match self.current {
            Some(i) => format!("{}/{}", i + 1, self.matches.len()),
            None => format!("0/{}", self.matches.len()),
        }
    }
}

/// What `n` says when it wraps to the first match, and `N` to the last.
pub const WRAPPED_BOTTOM: &str = "search hit BOTTOM, continuing at TOP";
pub const WRAPPED_TOP: &str = "search hit TOP, continuing at BOTTOM";

/// True when the query asks for case-sensitive matching.
fn case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

fn fold(c: char, sensitive: bool) -> char {
    if sensitive {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Non-overlapping matches of `query` in `text` as char offsets.
pub fn find(text: &str, query: &str) -> Vec<(usize, usize)> {
    let sensitive = case_sensitive(query);
    let needle: Vec<char> = query.chars().map(|c| fold(c, sensitive)).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(|c| fold(c, sensitive)).collect();
    let mut matches = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + needle.len()] == needle[..] {
            matches.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    matches
}

/// True when `query` occurs in `text` (smart case), given `lower`, the
/// text lowercased once ahead.
pub fn contains_folded(text: &str, lower: &str, query: &str) -> bool {
    if case_sensitive(query) {
        text.contains(query)
    } else {
        lower.contains(&query.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_char_offsets() {
        assert_eq!(find("Água água ÁGUA", "água"), vec![(0, 4), (5, 9), (10, 14)]);
        assert_eq!(find("Água água", "Água"), vec![(0, 4)]);
        assert_eq!(find("aaaa", "aa"), vec![(0, 2), (2, 4)]);
        assert!(find("abc", "").is_empty());
    }

    #[test]
    fn steps_wrap_around() {
        let mut s = Search::run("a", "a b a b a", 3);
        assert_eq!(s.counter(), "2/3");
        s.step(true);
        s.step(true);
        assert_eq!(s.counter(), "1/3");
        s.step(false);
        assert_eq!(s.counter(), "3/3");
        assert_eq!(Search::run("z", "abc", 0).counter(), "0/0");
    }

    #[test]
    fn wrapping_says_so_as_vim_does() {
        let mut s = Search::run("a", "a b a", 0);
        assert_eq!(s.step_wrapping(true), None);
        assert_eq!(s.step_wrapping(true), Some(WRAPPED_BOTTOM));
        assert_eq!(s.counter(), "1/2");
        assert_eq!(s.step_wrapping(false), Some(WRAPPED_TOP));
        assert_eq!(s.step_wrapping(false), None);
    }
}
