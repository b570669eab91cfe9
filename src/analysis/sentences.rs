//! Sentence splitting over tokens: robust to abbreviations, titles,
//! initials, decimals and times, ellipses, quote-final punctuation and
//! sentences glued without a space ("reported.It").

use super::lexicon;
use super::model::Sentence;
use super::text::{Text, Token, is_quote_char};

/// Splits every paragraph of `text` into sentences.
pub fn split(text: &Text) -> Vec<Sentence> {
    let toks = &text.tokens;
    let mut out = Vec::with_capacity(toks.len() / 20 + 1);
    let mut start: Option<usize> = None;
    let mut k = 0;
    while k < toks.len() {
        let tok = toks[k];
        let first = start.get_or_insert(k);
        if let Some(last) = sentence_end(text, k) {
            out.push(make(toks, *first, last));
            start = None;
            k = last + 1;
            continue;
        }
        let para_ends = toks.get(k + 1).is_none_or(|n| n.paragraph != tok.paragraph);
        if para_ends {
            out.push(make(toks, *first, k));
            start = None;
        }
        k += 1;
    }
    out
}

fn make(toks: &[Token], first: usize, last: usize) -> Sentence {
    Sentence::new(toks[first].start, toks[last].end, toks[first].paragraph)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// When token `k` ends a sentence, the index of the sentence's last token
/// (after closing quotes and brackets).
fn sentence_end(text: &Text, k: usize) -> Option<usize> {
    let toks = &text.tokens;
    let tok = toks[k];
    let c = &text.chars;
    let dotted_word = tok.word && tok.end - tok.start > 1 && c[tok.end - 1] == '.';
    if !dotted_word && (tok.word || !is_terminator(c[tok.start])) {
        return None;
    }
    // Absorb glued terminators ("?!", "...") and closers (quotes, brackets).
    let mut last = k;
    let mut dots = usize::from(c[tok.start] == '.' || c[tok.start] == '\u{2026}');
    let mut ellipsis = c[tok.start] == '\u{2026}';
    while let Some(n) = toks.get(last + 1) {
        let glued = n.start == toks[last].end && n.paragraph == tok.paragraph;
        let ch = c[n.start];
        if glued && !n.word && is_terminator(ch) {
            dots += usize::from(ch == '.');
            ellipsis |= ch == '\u{2026}' || dots >= 2;
            last += 1;
        } else if glued && !n.word && (is_quote_char(ch) || matches!(ch, ')' | ']')) {
            last += 1;
        } else {
            break;
        }
    }
    let Some(next) = toks.get(last + 1) else {
        return Some(last);
    };
    if next.paragraph != tok.paragraph {
        return Some(last);
    }
    let gap = next.start > toks[last].end;
    let closed_quote = last > k && is_quote_char(c[toks[last].start]);
    let full_stop = c[tok.start] == '.' || dotted_word;
    if closed_quote && gap && attribution_follows(text, last + 1, full_stop) {
        // `"Is it over?" Ana Ruiz asked.` is one sentence.
        return None;
    }
    let next_first = c[next.start];
    let prev = (k > 0 && toks[k - 1].end == tok.start && toks[k - 1].paragraph == tok.paragraph)
        .then(|| toks[k - 1]);
    if !gap {
        return glued_boundary(text, prev, tok, next).then_some(last);
    }
    if next_first.is_lowercase() {
        return None;
    }
    let next_lower = text.lower(next);
    let starter = next.word && (lexicon::is_sentence_starter(next_lower) || next_lower == "i");
    let opener = !next.word && (is_quote_char(next_first) || next_first == '(');
    let ambiguous = if dotted_word || ellipsis {
        true
    } else if c[tok.start] == '.' {
        match prev {
            Some(p) if p.word => {
                let w = text.lower(&p);
                let initial = p.end - p.start == 1 && c[p.start].is_uppercase();
                if lexicon::is_title_abbrev(w) || initial {
                    // "Mr. Smith", "J. R. Smith", "Jan. 5", "No. 1".
                    return None;
                }
                lexicon::is_soft_abbrev(w)
            }
            _ => false,
        }
    } else {
        false
    };
    if ambiguous && !(starter || opener) {
        return None;
    }
    Some(last)
}

/// A short name then a cue verb: `Ana Ruiz asked`, `Sen. Ode said`.
/// After a quote closed by a full stop (`"We lost." Ruiz said the vote
/// ...`), a cue whose own clause goes on opens a new sentence.
fn attribution_follows(text: &Text, from: usize, full_stop: bool) -> bool {
    let toks = &text.tokens;
    let para = toks[from].paragraph;
    for i in from..(from + 6).min(toks.len()) {
        let t = &toks[i];
        if t.paragraph != para {
            return false;
        }
        let w = text.lower(t);
        if t.word && !text.is_capitalized(t) {
            return i > from && lexicon::cue_verb(w) && !(full_stop && clause_follows(text, i));
        }
        let title_dot = !t.word
            && text.chars[t.start] == '.'
            && i > from
            && lexicon::is_title_abbrev(text.lower(&toks[i - 1]));
        if !t.word && text.chars[t.start] == ',' && i > from {
            return appositive_then_cue(text, i);
        }
        if !t.word && !title_dot {
            return false;
        }
        if t.word && lexicon::is_sentence_starter(w) {
            return false;
        }
    }
    false
}

/// Whether the cue at `cue` opens a clause of its own rather than closing
/// an attribution: `said that`, `said both ...`, `said he ...`, `said Ana
/// Ruiz ...` (not `told Ana`, `asked him`, whose object is the hearer).
fn clause_follows(text: &Text, cue: usize) -> bool {
    let toks = &text.tokens;
    let Some(n) = toks.get(cue + 1) else { return false };
    let verb = text.lower(&toks[cue]);
    if !n.word || n.paragraph != toks[cue].paragraph || !matches!(verb, "said" | "says" | "added" | "noted") {
        return false;
    }
    let w = text.lower(n);
    matches!(
        w,
        "that"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "the"
            | "both"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "these"
            | "those"
            | "some"
            | "all"
            | "no"
            | "many"
            | "most"
            | "there"
    ) || (text.is_capitalized(n) && !lexicon::is_date_word(w))
}

/// `Miller, a retired engineer, said`: from the comma at `comma`, a cue
/// right after a later comma, before any sentence end.
fn appositive_then_cue(text: &Text, comma: usize) -> bool {
    let toks = &text.tokens;
    let para = toks[comma].paragraph;
    for i in comma + 1..(comma + 24).min(toks.len()) {
        let t = &toks[i];
        if t.paragraph != para || (!t.word && matches!(text.chars[t.start], '.' | '!' | '?' | ';')) {
            return false;
        }
        if t.word && lexicon::cue_verb(text.lower(t)) && !text.is_capitalized(t) {
            let prev = &toks[i - 1];
            return !prev.word && text.chars[prev.start] == ',';
        }
    }
    false
}

/// "reported.It" — a period glued to a capitalised word that starts a new
/// sentence, after a lowercase word of two or more letters.
fn glued_boundary(text: &Text, prev: Option<Token>, tok: Token, next: &Token) -> bool {
    let c = &text.chars;
    if !next.word || tok.word || next.end - next.start < 2 {
        return false;
    }
    let Some(p) = prev else { return false };
    p.word
        && p.end - p.start >= 2
        && c[p.end - 1].is_lowercase()
        && c[next.start].is_uppercase()
        && c[next.start + 1].is_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(body: &str) -> Vec<String> {
        let t = Text::new(body);
        split(&t).iter().map(|s| t.slice(s.start(), s.end())).collect()
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_sentences() {
        let s = sentences(
            "Dr. Amal Reyes met Sen. Ode and Gov. Pike on Jan. 4 at the U.N. in New York. They spoke for No. 2 hours.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn us_before_a_name_continues_but_before_a_starter_ends() {
        assert_eq!(sentences("The U.S. State Department agreed. It waited.").len(), 2);
        assert_eq!(
            sentences("Talks moved to the U.S. The delegates flew in.").len(),
            2
        );
    }

    #[test]
    fn initials_decimals_and_times() {
        assert_eq!(
            sentences("J. R. Halden paid 3.5 million at 9.30 p.m. on Friday. Then he left.").len(),
            2
        );
    }

    #[test]
    fn ellipses_split_only_before_a_sentence_opener() {
        assert_eq!(sentences("We waited... and waited. Nothing.").len(), 2);
        assert_eq!(sentences("We waited … The bus never came.").len(), 2);
    }

    #[test]
    fn quote_final_punctuation() {
        let s = sentences("\"Is it over?\" she asked. \"Yes.\" He left.");
        assert_eq!(s, ["\"Is it over?\" she asked.", "\"Yes.\"", "He left."]);
        assert_eq!(sentences("\"We lost,\" he said. Then he left.").len(), 2);
    }

    #[test]
    fn a_name_and_cue_after_a_closing_quote_continue_the_sentence() {
        assert_eq!(
            sentences("“Is it over?” Ana Ruiz asked. “Yes.” He left.").len(),
            3
        );
        assert_eq!(sentences("“Go home.” He said nothing else.").len(), 2);
    }

    #[test]
    fn a_cue_opening_its_own_clause_after_a_full_stop_starts_a_sentence() {
        assert_eq!(
            sentences("“It shows a lack of nerve.” Voss said both rivals are weak.").len(),
            2
        );
        assert_eq!(
            sentences("“Bake it yourself.” Mayor Tavi Lund said he would fire the clerk.").len(),
            2
        );
        // A closing attribution stays in the sentence.
        assert_eq!(sentences("“It is late.” Voss said on Monday.").len(), 1);
        assert_eq!(sentences("“Is it late?” Voss said he wondered.").len(), 1);
    }

    #[test]
    fn glued_sentences_split() {
        let s = sentences("the Coast Daily reported.It is the third strike.");
        assert_eq!(s, ["the Coast Daily reported.", "It is the third strike."]);
        assert_eq!(sentences("Visit tidewater.com today.").len(), 1);
    }

    #[test]
    fn soft_abbreviations() {
        assert_eq!(sentences("Keel Inc. The firm declined.").len(), 2);
        assert_eq!(sentences("Keel Inc. Chief Officer Ana Ruiz declined.").len(), 1);
    }

    #[test]
    fn paragraphs_end_sentences_and_offsets_are_chars() {
        let body = "Café owners wait\n\nThey said “no.”";
        let t = Text::new(body);
        let s = split(&t);
        assert_eq!(s.len(), 2);
        assert_eq!((s[1].start(), s[1].end(), s[1].paragraph()), (18, 33, 1));
        assert_eq!(t.slice(s[1].start(), s[1].end()), "They said “no.”");
    }
}
