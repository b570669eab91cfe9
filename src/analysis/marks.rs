//! Quote marks: which chars open or close a quote, and which single
//! quotes are apostrophes (Israel's, allies', the US' plans, don't, '90s).

use super::text::is_quote_char;

/// Marks pair only within a family: a `'` never closes a `"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `"` `“ ”` `„ ‟` `« »`
    Double,
    /// `'` `‘ ’` `‚` `‹ ›`
    Single,
    /// `「 」`
    Corner,
    /// `『 』`
    WhiteCorner,
}

/// A char that may open and/or close a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub at: usize,
    pub paragraph: usize,
    pub family: Family,
    pub opens: bool,
    pub closes: bool,
    /// A closing single quote after an `s` ("allies' plans"): may be a
    /// possessive apostrophe instead.
    pub possessive_like: bool,
}

fn family(c: char) -> Option<Family> {
    Some(match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => Family::Double,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2039}' | '\u{203A}' => Family::Single,
        '\u{300C}' | '\u{300D}' => Family::Corner,
        '\u{300E}' | '\u{300F}' => Family::WhiteCorner,
        _ => return None,
    })
}

/// Chars after which a quote can open: space, brackets, dashes, slashes.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':')
        || is_quote_char(c)
}

/// Chars before which a quote can close: space and punctuation.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2014}' | '\u{2013}' | '-' | '\u{2026}'
        )
        || is_quote_char(c)
}

/// Classifies every quote-like char of one paragraph `[ps, pe)`.
pub fn marks(chars: &[char], ps: usize, pe: usize, paragraph: usize, out: &mut Vec<Mark>) {
    for (off, &c) in chars[ps..pe].iter().enumerate() {
        if c < '\u{80}' && c != '"' && c != '\'' {
            continue;
        }
        let i = ps + off;
        let Some(family) = family(c) else { continue };
        let before = (i > ps).then(|| chars[i - 1]);
        let after = (i + 1 < pe).then(|| chars[i + 1]);
        let can_open = before.is_none_or(opens_after) && after.is_some_and(|a| !a.is_whitespace());
        let can_close = before.is_some_and(|b| !b.is_whitespace()) && after.is_none_or(closes_before);
        let (opens, closes) = match c {
            '"' => {
                if can_open || can_close {
                    (can_open, can_close)
                } else {
                    (true, true)
                }
            }
            '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{2018}' | '\u{201A}' | '\u{2039}' => {
                let clearly_closing = can_close && !can_open;
                (!clearly_closing, clearly_closing)
            }
            '\u{201D}' | '\u{00BB}' | '\u{2019}' | '\u{203A}' => {
                let clearly_opening = can_open && !can_close;
                (clearly_opening, !clearly_opening)
            }
            '\u{300C}' | '\u{300E}' => (true, false),
            '\u{300D}' | '\u{300F}' => (false, true),
            _ => (can_open, can_close),
        };
        let (mut opens, mut closes) = (opens, closes);
        if family == Family::Single && is_apostrophe_use(before, after, chars, i, pe) {
            (opens, closes) = (false, false);
        }
        if !opens && !closes {
            continue;
        }
        let possessive_like = family == Family::Single && matches!(before, Some('s' | 'S'));
        out.push(Mark {
            at: i,
            paragraph,
            family,
            opens,
            closes,
            possessive_like,
        });
    }
}

/// A single quote used as an apostrophe: inside a word (don't, Israel's),
/// eliding digits ('90s) or a common elision ('em, 'tis).
fn is_apostrophe_use(before: Option<char>, after: Option<char>, chars: &[char], i: usize, pe: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(before) && alnum(after) {
        return true;
    }
    if before.is_none_or(|b| !b.is_alphanumeric()) && after.is_some_and(|a| a.is_ascii_digit()) {
        let digits = chars[i + 1..pe].iter().take_while(|c| c.is_ascii_digit()).count();
        let next = chars.get(i + 1 + digits).copied();
        return digits == 2 && next.is_none_or(|n| n == 's' || !n.is_alphanumeric());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(s: &str) -> Vec<(usize, bool, bool)> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        marks(&chars, 0, chars.len(), 0, &mut out);
        out.iter().map(|m| (m.at, m.opens, m.closes)).collect()
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(classify("Israel's and Israel’s plan, don't, the ’90s and '90s").is_empty());
    }

    #[test]
    fn possessive_plural_is_a_closing_candidate_only() {
        let chars: Vec<char> = "the allies' doubts".chars().collect();
        let mut out = Vec::new();
        marks(&chars, 0, chars.len(), 0, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].closes && !out[0].opens && out[0].possessive_like);
    }

    #[test]
    fn straight_marks_follow_their_context() {
        assert_eq!(classify("a \"b\" c"), vec![(2, true, false), (4, false, true)]);
        assert_eq!(classify("x \" y"), vec![(2, true, true)]);
    }

    #[test]
    fn curly_and_other_styles() {
        assert_eq!(
            classify("“a” «b» „c“ 「d」"),
            vec![
                (0, true, false),
                (2, false, true),
                (4, true, false),
                (6, false, true),
                (8, true, false),
                (10, false, true),
                (12, true, false),
                (14, false, true)
            ]
        );
    }
}
