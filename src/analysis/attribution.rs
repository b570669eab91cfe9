//! Cue and speaker patterns around a quote: `"Q," S said`, `"Q," said S`,
//! `S said: "Q"`, `S said "Q"`, `"Q" S told Y`, `according to S`,
//! `S's calls for "Q"`, `S has called on ... to "Q"`, and a cue later in the
//! sentence (`..., S said.`). Look-back and look-ahead are bounded.

use super::doc::Doc;
use super::lexicon;
use super::names::{self, Speaker};

/// How far before a quote a cue may be.
const PRE_WINDOW: usize = 30;
/// How far after a quote the speaker phrase and cue may be.
const POST_WINDOW: usize = 28;
/// How many earlier quotes of the same sentence the look-back may step
/// over (each in one step), so a sentence of many quotes stays linear.
const MAX_QUOTES_SKIPPED: usize = 4;

/// A speaker found by a pattern, before pronoun and alias resolution.
#[derive(Debug, Clone)]
pub struct Found {
    pub speaker: Speaker,
    pub cue: String,
    pub evidence: &'static str,
    pub confidence: f32,
}

/// A cue verb, not a noun use ("a call for", "the reports").
fn is_cue(doc: &Doc, i: usize) -> bool {
    doc.is_word(i)
        && doc.quoted[i].is_none()
        && !doc.cap(i)
        && lexicon::cue_verb(&doc.lw(i))
        && !(i > 0
            && doc.is_word(i - 1)
            && matches!(
                &*doc.lw(i - 1),
                "a" | "an" | "the" | "this" | "that" | "his" | "her" | "its" | "their" | "our" | "my"
            )
            || i > 0 && doc.text.is_possessive(i - 1))
}

/// `according to` at tokens `i, i + 1`.
fn according_to(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.len() && doc.is_word(i) && &*doc.lw(i) == "according" && &*doc.lw(i + 1) == "to"
}

fn stops(doc: &Doc, i: usize) -> bool {
    doc.quoted[i].is_some() || doc.is(i, ';') || doc.is(i, '.') && !doc.is_word(i.saturating_sub(1))
}

/// The pattern after the closing mark: `"Q," S said`, `"Q," said S`,
/// `"Q" S told Y`, `"Q," according to S`.
pub fn after_quote(doc: &Doc, close_tok: usize) -> Option<Found> {
    let sentence = doc.sentence(close_tok);
    let hi = doc.sent_tokens[sentence].1;
    let mut j = close_tok + 1;
    if j < hi && (doc.is(j, ',') || doc.is(j, '\u{2014}')) {
        j += 1;
    }
    if j >= hi || doc.quoted[j].is_some() {
        return None;
    }
    if according_to(doc, j) {
        let (a, b) = names::np_after(doc, j + 2, hi)?;
        return Some(found(
            doc.phrase(j, j + 1),
            speaker_with_role(doc, a, b, hi),
            "quote, according to S",
            0.9,
        ));
    }
    let mut k = j;
    while k < hi.min(j + POST_WINDOW) && !stops(doc, k) {
        if is_cue(doc, k) {
            break;
        }
        k += 1;
    }
    if k >= hi.min(j + POST_WINDOW) || !is_cue(doc, k) {
        return None;
    }
    let cue = doc.phrase(k, k);
    if k != j && !speaker_start(doc, j) {
        return None;
    }
    if k == j {
        let (a, b) = names::np_after(doc, k + 1, hi)?;
        return Some(found(cue, speaker_with_role(doc, a, b, hi), "quote, cue S", 0.95));
    }
    let speaker = appositive_phrase(doc, j, k - 1)?;
    Some(found(cue, speaker, "quote, S cue", 0.95))
}

/// The pattern before the opening mark: `S said: "Q"`, `S said "Q"`,
/// `S said that ... "Q"`, `S's calls for "Q"`, `S has called on X to "Q"`.
pub fn before_quote(doc: &Doc, open_tok: usize) -> Option<Found> {
    let sentence = doc.sentence(open_tok);
    let lo = doc.sent_tokens[sentence].0;
    let mut k = open_tok;
    let mut seen = 0;
    let mut skipped = 0;
    while k > lo && seen < PRE_WINDOW {
        k -= 1;
        if let Some(span) = doc.quoted[k] {
            // An earlier quote in the same sentence shares its cue: jump to
            // its opening mark, over a bounded number of quotes.
            skipped += 1;
            if skipped > MAX_QUOTES_SKIPPED {
                return None;
            }
            k = k.min(doc.token_at(doc.spans[span as usize].open));
            continue;
        }
        seen += 1;
        if stops(doc, k) {
            return None;
        }
        if according_to(doc, k) {
            let (a, b) = names::np_after(doc, k + 2, open_tok)?;
            return Some(found(
                doc.phrase(k, k + 1),
                names::speaker(doc, a, b, None),
                "according to S, quote",
                0.85,
            ));
        }
        if doc.is_word(k) && lexicon::cue_noun(&doc.lw(k)) && k > lo && doc.text.is_possessive(k - 1) {
            let (a, b) = names::np_before(doc, k - 1, lo)?;
            let speaker = names::speaker(doc, a, b, None);
            return Some(found(doc.phrase(k, k), speaker, "S's cue noun \"Q\"", 0.85));
        }
        if is_cue(doc, k) {
            let distance = seen;
            let speaker = subject_of(doc, k, lo)?;
            let confidence = if distance <= 3 { 0.9 } else { 0.8 };
            return Some(found(doc.phrase(k, k), speaker, "S cue ... quote", confidence));
        }
    }
    None
}

/// A cue later in the sentence: `... "Q" ..., S said.` or `..., said S.`
pub fn later_in_sentence(doc: &Doc, after_tok: usize) -> Option<Found> {
    let sentence = doc.sentence(after_tok);
    let (lo, hi) = doc.sent_tokens[sentence];
    for k in after_tok + 1..hi.min(after_tok + 1 + 2 * POST_WINDOW) {
        if according_to(doc, k) {
            let (a, b) = names::np_after(doc, k + 2, hi)?;
            return Some(found(
                doc.phrase(k, k + 1),
                names::speaker(doc, a, b, None),
                "..., according to S",
                0.8,
            ));
        }
        if !is_cue(doc, k) {
            continue;
        }
        let cue = doc.phrase(k, k);
        if k > lo && (doc.is(k - 1, ',') || doc.quoted[k - 1].is_some()) {
            let (a, b) = names::np_after(doc, k + 1, hi)?;
            return Some(found(cue, names::speaker(doc, a, b, None), "..., cue S", 0.75));
        }
        let speaker = subject_of(doc, k, after_tok + 1)?;
        return Some(found(cue, speaker, "..., S cue", 0.75));
    }
    None
}

/// `according to S` anywhere in a sentence, before or after the quote.
pub fn according_in_sentence(doc: &Doc, sentence: usize) -> Option<Found> {
    let (lo, hi) = doc.sent_tokens[sentence];
    let k = (lo..hi).find(|&k| doc.quoted[k].is_none() && according_to(doc, k))?;
    let (a, b) = names::np_after(doc, k + 2, hi)?;
    Some(found(
        doc.phrase(k, k + 1),
        names::speaker(doc, a, b, None),
        "according to S",
        0.75,
    ))
}

fn found(cue: String, speaker: Speaker, evidence: &'static str, confidence: f32) -> Found {
    Found {
        speaker,
        cue,
        evidence,
        confidence,
    }
}

/// The subject of cue verb `k`: `S said`, `S, a role, said`, `ROLE, S,
/// said`, `S has also said`; for `..., insisting that` the sentence's
/// subject.
pub fn subject_of(doc: &Doc, k: usize, lo: usize) -> Option<Speaker> {
    if k <= lo {
        return None;
    }
    let mut e = k - 1;
    while e > lo && doc.is_word(e) && !doc.cap(e) && lexicon::is_verb_filler(&doc.lw(e)) {
        e -= 1;
    }
    if doc.lw(k).ends_with("ing") && doc.is(e, ',') {
        let sentence_lo = doc.sent_tokens[doc.sentence(k)].0;
        return sentence_subject(doc, sentence_lo, k);
    }
    if doc.is(e, ',') {
        return comma_appositive(doc, e, lo);
    }
    if let Some(c) = (e.saturating_sub(16).max(lo)..e).rev().find(|&c| doc.is(c, ',')) {
        let tail_first = c + 1;
        let w = doc.lw(tail_first);
        let role_start = matches!(&*w, "a" | "an") || (!doc.cap(tail_first) && lexicon::is_title_word(&w));
        if role_start
            && names::is_role(doc, tail_first, e)
            && (tail_first..=e).all(|i| doc.quoted[i].is_none())
            && let Some((a, b)) = names::np_before(doc, c.saturating_sub(1), lo)
            && doc.cap(b)
        {
            return Some(names::speaker(
                doc,
                a,
                b,
                Some(names::role_text(doc, tail_first, e)),
            ));
        }
    }
    let (a, b) = names::np_before(doc, e, lo)?;
    Some(names::speaker(doc, a, b, None))
}

/// `S, ROLE, said` or `ROLE, S, said`, where `e` is the comma before the cue.
fn comma_appositive(doc: &Doc, e: usize, lo: usize) -> Option<Speaker> {
    let c = (e.saturating_sub(24).max(lo)..e)
        .rev()
        .find(|&c| doc.is(c, ',') || doc.quoted[c].is_some())?;
    if doc.quoted[c].is_some() || c + 1 > e - 1 {
        return None;
    }
    let (s, t) = (c + 1, e - 1);
    if names::is_role(doc, s, t) {
        let (a, b) = names::np_before(doc, c.checked_sub(1)?, lo)?;
        return Some(names::speaker(doc, a, b, Some(names::role_text(doc, s, t))));
    }
    let (a, b) = names::np_before(doc, t, s)?;
    let role = names::np_before(doc, c.checked_sub(1)?, lo)
        .filter(|&(ra, rb)| names::is_role(doc, ra, rb))
        .map(|(ra, rb)| names::role_text(doc, ra, rb));
    Some(names::speaker(doc, a, b, role))
}

/// The subject at the start of a sentence, after an introductory phrase
/// ("In a statement, Netanyahu ..., insisting ...").
fn sentence_subject(doc: &Doc, lo: usize, k: usize) -> Option<Speaker> {
    let mut s = lo;
    let w = doc.lw(lo);
    let intro = matches!(
        &*w,
        "in" | "on"
            | "at"
            | "after"
            | "while"
            | "when"
            | "during"
            | "despite"
            | "since"
            | "although"
            | "though"
            | "as"
            | "for"
            | "with"
            | "under"
            | "from"
            | "by"
            | "meanwhile"
            | "however"
            | "but"
            | "still"
            | "also"
            | "last"
            | "earlier"
            | "speaking"
            | "asked"
            | "yet"
            | "and"
            | "so"
    );
    if intro && let Some(c) = (lo..k.min(lo + 12)).find(|&c| doc.is(c, ',')) {
        s = c + 1;
    }
    let (a, b) = names::np_after(doc, s, k)?;
    Some(names::speaker(doc, a, b, None))
}

/// Whether token `j` can start a speaker phrase: a name, a pronoun, a
/// determiner, a title or a group noun.
fn speaker_start(doc: &Doc, j: usize) -> bool {
    if !doc.is_word(j) {
        return false;
    }
    let w = doc.lw(j);
    doc.cap(j)
        || names::pronoun(&w).is_some()
        || matches!(
            &*w,
            "a" | "an" | "the" | "another" | "one" | "two" | "his" | "her" | "its" | "their"
        )
        || lexicon::is_title_word(&w)
        || lexicon::is_group_noun(&w)
}

/// A phrase between a quote and its cue: `Tian Wenlin, a research fellow
/// at ...,` or `the mayor`.
fn appositive_phrase(doc: &Doc, j: usize, e: usize) -> Option<Speaker> {
    let mut e = e;
    while e > j && (doc.is(e, ',') || (doc.is_word(e) && !doc.cap(e) && lexicon::is_verb_filler(&doc.lw(e))))
    {
        e -= 1;
    }
    if let Some(c) = (j..e).find(|&c| doc.is(c, ',')) {
        if c > j && names::is_role(doc, c + 1, e) {
            let (a, b) = names::np_before(doc, c - 1, j)?;
            return (a == j).then(|| names::speaker(doc, a, b, Some(names::role_text(doc, c + 1, e))));
        }
        if c > j && names::is_role(doc, j, c - 1) {
            let (a, b) = names::np_before(doc, e, c + 1)?;
            return (a == c + 1).then(|| names::speaker(doc, a, b, Some(names::role_text(doc, j, c - 1))));
        }
        return None;
    }
    let (a, b) = names::np_before(doc, e, j)?;
    (a == j).then(|| names::speaker(doc, a, b, None))
}

/// `said S` with an optional role after a comma: `said Ana Ruiz, who leads
/// the group`.
fn speaker_with_role(doc: &Doc, a: usize, b: usize, hi: usize) -> Speaker {
    let mut role = None;
    if b + 2 < hi && doc.is(b + 1, ',') {
        let s = b + 2;
        let mut t = s;
        while t + 1 < hi && !doc.is(t + 1, ',') && !doc.is(t + 1, '.') && doc.quoted[t + 1].is_none() {
            t += 1;
        }
        if names::is_role(doc, s, t) {
            role = Some(names::role_text(doc, s, t));
        }
    }
    names::speaker(doc, a, b, role)
}
