//! Tokens and paragraphs: the char-indexed view of a body every other
//! analysis step reads. Offsets are char offsets, end exclusive.

/// One token: a word (letters, digits, inner apostrophes and hyphens,
/// dotted abbreviations such as "U.S.") or a single punctuation char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    pub paragraph: usize,
    /// Byte range of the token in [`Text::lowered`], possessive `'s` removed.
    pub lower: (u32, u32),
}

/// A body as chars, with its paragraphs and tokens.
#[derive(Debug, Clone)]
pub struct Text {
    pub chars: Vec<char>,
    /// `(start, end)` of each paragraph; paragraphs are separated by a
    /// blank line (two or more newlines).
    pub paragraphs: Vec<(usize, usize)>,
    pub tokens: Vec<Token>,
    /// Every word token lowercased, back to back (see [`Token::lower`]).
    pub lowered: String,
}

/// Apostrophe-like chars: straight and curly single quotes.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Every char that can act as a quote mark.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
    )
}

impl Text {
    pub fn new(body: &str) -> Text {
        let chars: Vec<char> = body.chars().collect();
        let (paragraphs, tokens, lowered) = tokenize(&chars);
        Text {
            chars,
            paragraphs,
            tokens,
            lowered,
        }
    }

    pub fn slice(&self, start: usize, end: usize) -> String {
        let mut s = String::with_capacity(end.saturating_sub(start));
        for &c in &self.chars[start..end] {
            s.push(c);
        }
        s
    }

    /// The token lowercased, with a possessive `'s` removed.
    pub fn lower(&self, t: &Token) -> &str {
        self.lowered
            .get(t.lower.0 as usize..t.lower.1 as usize)
            .unwrap_or("")
    }

    pub fn is_capitalized(&self, t: &Token) -> bool {
        t.word && self.chars[t.start].is_uppercase()
    }

    /// Whether a token ends with a possessive (`Israel's`, `allies'`).
    pub fn is_possessive(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let c = &self.chars[t.start..t.end];
        let n = c.len();
        if n >= 3 && is_apostrophe(c[n - 2]) && matches!(c[n - 1], 's' | 'S') {
            return true;
        }
        // A bare trailing apostrophe token glued to a word ending in s.
        self.tokens.get(i + 1).is_some_and(|next| {
            next.start == t.end
                && !next.word
                && is_apostrophe(self.chars[next.start])
                && matches!(c[n - 1], 's' | 'S')
                && self.chars.get(next.end).is_none_or(|c| c.is_whitespace())
        })
    }
}

/// Appends `word` lowercased to `out`, possessive `'s` removed, and
/// returns its byte range.
fn lower_into(out: &mut String, word: &[char]) -> (u32, u32) {
    let from = out.len();
    for &c in word {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let mut to = out.len();
    let lowered = &out[from..to];
    for suffix in ["'s", "\u{2019}s"] {
        if lowered.len() > suffix.len() + 1 && lowered.ends_with(suffix) {
            to -= suffix.len();
            break;
        }
    }
    (from as u32, to as u32)
}

/// Paragraphs, tokens and lowercased words in one pass. A whitespace run
/// holding two or more newlines separates paragraphs; a paragraph runs
/// from its first to its last non-space char.
fn tokenize(chars: &[char]) -> (Vec<(usize, usize)>, Vec<Token>, String) {
    let n = chars.len();
    let mut paragraphs = Vec::new();
    let mut tokens = Vec::with_capacity(n / 5 + 1);
    let mut lowered = String::with_capacity(n);
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            let mut newlines = 0;
            while i < n && chars[i].is_whitespace() {
                newlines += usize::from(chars[i] == '\n');
                i += 1;
            }
            if newlines >= 2
                && let Some(s) = start.take()
            {
                paragraphs.push((s, last_end));
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        let word = c.is_alphanumeric();
        let end = if word { word_end(chars, i, n) } else { i + 1 };
        let lower = if word {
            lower_into(&mut lowered, &chars[i..end])
        } else {
            (0, 0)
        };
        tokens.push(Token {
            start: i,
            end,
            word,
            paragraph: paragraphs.len(),
            lower,
        });
        i = end;
        last_end = end;
    }
    if let Some(s) = start {
        paragraphs.push((s, last_end));
    }
    (paragraphs, tokens, lowered)
}

/// The end of the word starting at `i`.
fn word_end(chars: &[char], i: usize, limit: usize) -> usize {
    let alnum = |k: usize| k < limit && chars[k].is_alphanumeric();
    let digit = |k: usize| k < limit && chars[k].is_ascii_digit();
    let mut j = i + 1;
    let mut seg_start = i;
    let mut dotted = false;
    while j < limit {
        let d = chars[j];
        if d.is_alphanumeric() {
            j += 1;
            continue;
        }
        let prev_alnum = chars[j - 1].is_alphanumeric();
        if (is_apostrophe(d) || d == '-' || d == '\u{2010}') && prev_alnum && alnum(j + 1) {
            j += 1;
            seg_start = j;
            continue;
        }
        if matches!(d, '.' | ',' | ':') && digit(j - 1) && digit(j + 1) {
            j += 1;
            continue;
        }
        if d == '.' && j - seg_start == 1 && chars[j - 1].is_alphabetic() {
            if j + 1 < limit
                && chars[j + 1].is_alphabetic()
                && (j + 2 >= limit || !chars[j + 2].is_alphabetic())
            {
                j += 1;
                seg_start = j;
                dotted = true;
                continue;
            }
            if dotted {
                j += 1;
            }
        }
        break;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(body: &str) -> Vec<String> {
        let t = Text::new(body);
        t.tokens.iter().map(|k| t.slice(k.start, k.end)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_numbers_and_contractions() {
        assert_eq!(
            words("The U.S. paid $4.5 million at 10:30 p.m. and didn't blink."),
            [
                "The", "U.S.", "paid", "$", "4.5", "million", "at", "10:30", "p.m.", "and", "didn't",
                "blink", "."
            ]
        );
    }

    #[test]
    fn glued_sentences_split_into_tokens() {
        assert_eq!(
            words("officials reported.It was"),
            ["officials", "reported", ".", "It", "was"]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_only() {
        let t = Text::new("One line\nstill one.\n\n  Two.\n\n\n\nThree");
        assert_eq!(t.paragraphs, vec![(0, 19), (23, 27), (31, 36)]);

        assert_eq!(t.tokens.last().map(|k| k.paragraph), Some(2));
    }

    #[test]
    fn possessives_are_detected() {
        let t = Text::new("Israel's plan and the allies' plan");
        assert!(t.is_possessive(0));
        assert!(t.is_possessive(4));
        assert!(!t.is_possessive(2));
    }
}
