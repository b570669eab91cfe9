//! Reported speech without quote marks: `S said that ...`, `S said the
//! plan ...`, `S told reporters (that) ...`, `according to S, ...`,
//! `..., S said.`, `..., said S, a role.`, `..., S said, adding ...`.
//! A sentence may hold several (`S, who said X, said Y`) and quote marks
//! elsewhere; reported clauses never overlap a quote.

use super::attribution::{self, Found};
use super::clause::{
    Bare, bare_clause_verb, clause_end, clause_start, hearer, is_tell, last_word_before, skip_circumstance,
};
use super::doc::{CUE, Doc};
use super::evidence::Rule;
use super::lexicon;
use super::names;
use super::subjects;

/// Reported speech found in one sentence: the clause's token range and who
/// reported it.
pub struct Reported {
    pub first: usize,
    pub last: usize,
    pub found: Found,
}

/// The fewest words a bare reported clause (no "that") may have.
const MIN_CLAUSE_WORDS: usize = 3;

/// Reported speech in sentence `s`, in order, none overlapping a quote.
pub fn in_sentence(doc: &Doc, s: usize, out: &mut Vec<Reported>) {
    let (lo, hi) = doc.sent_tokens[s];
    if hi <= lo + 2 {
        return;
    }
    // The last word of the sentence (before its closing punctuation).
    let Some(end) = (lo..hi).rev().find(|&k| doc.is_word(k)) else {
        return;
    };
    let mut push = |r: Reported| {
        let clear = (r.first..=r.last).all(|k| doc.quoted[k].is_none())
            && out.last().is_none_or(|p| p.last < r.first || p.first > r.last);
        if clear && (r.first..=r.last).any(|k| doc.is_word(k)) {
            out.push(r);
        }
    };
    if according_to(doc, lo) {
        if let Some(r) = according_first(doc, lo, end) {
            push(r);
        }
        return;
    }
    let mut k = lo + 1;
    while k <= end {
        if doc.quoted[k].is_none()
            && let Some(r) = at_cue(doc, k, lo, hi, end)
        {
            let next = if r.first > k { r.last + 1 } else { k + 1 };
            push(r);
            k = next;
            continue;
        }
        k += 1;
    }
}

/// `According to S, clause.`
fn according_first(doc: &Doc, lo: usize, end: usize) -> Option<Reported> {
    let c = (lo + 2..end).find(|&c| doc.is(c, ','))?;
    let (a, b) = names::np_after(doc, lo + 2, c)?;
    let sp = names::speaker(doc, a, b, None);
    reported(
        doc,
        c + 1,
        end,
        doc.phrase(lo, lo + 1),
        sp,
        Rule::ReportedAccordingFirst,
    )
}

/// Reported speech around token `k`, if it is a cue.
fn at_cue(doc: &Doc, k: usize, lo: usize, hi: usize, end: usize) -> Option<Reported> {
    if !doc.is_word(k) || doc.cap(k) {
        return None;
    }
    if according_to(doc, k) {
        if k > lo + 2 && doc.is(k - 1, ',') {
            let (a, b) = names::np_after(doc, k + 2, hi)?;
            let sp = names::speaker(doc, a, b, None);
            return reported(
                doc,
                lo,
                k - 2,
                doc.phrase(k, k + 1),
                sp,
                Rule::ReportedAccordingAfter,
            );
        }
        return None;
    }
    if !doc.flag(k, CUE) || !attribution::is_cue(doc, k) {
        return None;
    }
    let w = doc.lw(k);
    let cue = || doc.phrase(k, k);
    // No quote before the cue: `"Q," said Ana Ruiz.` is the quote's own
    // cue (checked before any allocation).
    let quote_before = || (lo..k).any(|i| doc.quoted[i].is_some());
    if doc.is(k - 1, ',') && k < end && !w.ends_with("ing") && !quote_before() {
        // "..., said Ana Ruiz." or "..., said Ana Ruiz, a port spokeswoman."
        if let Some((a, b)) = names::np_after(doc, k + 1, hi) {
            let role_to_end = b + 2 <= end && doc.is(b + 1, ',') && names::is_role(doc, b + 2, end);
            // A speaker phrase: names, titles, group nouns and their small
            // words; "said a flat cut fell ..." is a clause, not a speaker.
            let speakerish = (a..=b).all(|i| {
                !doc.is_word(i) || doc.cap(i) || {
                    let w = doc.lw(i);
                    matches!(
                        w,
                        "a" | "an" | "the" | "of" | "for" | "at" | "its" | "his" | "her" | "their"
                    ) || lexicon::is_title_word(w)
                        || lexicon::is_group_noun(w)
                }
            });
            if (b >= end || role_to_end) && speakerish {
                let sp = subjects::speaker_with_role(doc, a, b, hi);
                // A sentence that starts ", said S" has no clause.
                let last = k.checked_sub(2)?;
                return reported(doc, lo, last, cue(), sp, Rule::ReportedCueSpeaker);
            }
        }
    }
    // What follows the cue: times, places and channels ("said Tuesday",
    // "said in a statement"), then a hearer after "told". The form is
    // settled before the subject is built (which allocates).
    let mut after = skip_circumstance(doc, k + 1, end);
    if is_tell(w) {
        after = skip_circumstance(doc, hearer(doc, after, end)?, end);
    }
    let trailing = after > end || doc.is(after, ',') || doc.is(after, '.') || doc.is(after, ';');
    let form = if trailing {
        // The clause before a trailing cue holds no quote: `"Q," she said.`
        // is the quote's own cue (checked before any allocation).
        if w.ends_with("ing") || quote_before() {
            return None;
        }
        Form::Trailing((lo + 1..k).rev().find(|&c| doc.is(c, ','))?)
    } else if matches!(w, "urged" | "urges" | "urge" | "urging") {
        Form::Urge
    } else if doc.is_word(after) && doc.lw(after) == "that" {
        // A clause that runs into a quote is left to the quote.
        Form::That(clause_end(doc, after + 1, end)?)
    } else if bare(doc, w, after, end) {
        Form::Bare(clause_end(doc, after, end)?)
    } else {
        return None;
    };
    let sp = subject(doc, k, lo)?;
    let at = doc.token_at(sp.start);
    if at > lo
        && (doc.quoted[at - 1].is_some()
            || at > lo + 1 && doc.is(at - 1, ',') && doc.quoted[at - 2].is_some())
    {
        // `"Q," she said in a speech to ...`: the cue belongs to the quote.
        return None;
    }
    match form {
        Form::Trailing(c) => {
            // "Forty homes were dark, the utility said." and "..., Okafor
            // said, adding that ...": the clause before the subject.
            if sp.start < doc.tok(c).end {
                return None;
            }
            if after <= end && doc.is(after, ',') {
                let n = after + 1;
                if n > end || doc.quoted[n].is_some() || !doc.is_word(n) {
                    // `Asked about it, Okafor said, "..."`: the quote is the speech.
                    return None;
                }
                if !doc.flag(n, CUE) && !lexicon::is_intro_word(doc.lw(n)) && doc.lw(n) != "including" {
                    // "In the end, Okafor said, voters stay home": one clause
                    // around the parenthetical cue.
                    let last = clause_end(doc, n, end)?;
                    return reported(doc, lo, last, cue(), sp, Rule::ReportedSpeakerCueMid);
                }
            }
            reported(doc, lo, c - 1, cue(), sp, Rule::ReportedSpeakerCue)
        }
        Form::Urge => {
            // "Graham urged Republicans to join ...": the hearer and the call.
            let to = (after..(after + 6).min(end + 1))
                .take_while(|&j| doc.is_word(j) && !doc.flag(j, CUE))
                .find(|&j| doc.lw(j) == "to")?;
            let last = clause_end(doc, to, end)?;
            (to > after && to < last)
                .then(|| reported(doc, after, last, cue(), sp, Rule::ReportedUrged))
                .flatten()
        }
        Form::That(last) => {
            let last = subordinate_end(doc, &sp, after + 1, last);
            reported(doc, after + 1, last, cue(), sp, Rule::ReportedCueThat)
        }
        Form::Bare(last) => {
            let last = subordinate_end(doc, &sp, after, last);
            let words = (after..=last).filter(|&i| doc.is_word(i)).count();
            (words >= MIN_CLAUSE_WORDS)
                .then(|| reported(doc, after, last, cue(), sp, Rule::ReportedCueClause))
                .flatten()
        }
    }
}

/// The shape of a reported clause around its cue.
enum Form {
    /// `X, S said.`, with the comma that closes X.
    Trailing(usize),
    /// `S urged Y to ...`
    Urge,
    /// `S said that X`, with the clause's last token.
    That(usize),
    /// `S said X`, with the clause's last token.
    Bare(usize),
}

/// Whether cue `w` takes the bare clause starting at `after`.
fn bare(doc: &Doc, w: &str, after: usize, end: usize) -> bool {
    match bare_clause_verb(w) {
        Bare::Any => clause_start(doc, after, end, matches!(w, "say" | "says" | "said")),
        // "claimed a victory", "wrote the letter": a noun phrase, unless a
        // pronoun or a name opens a clause.
        Bare::Subject => {
            after <= end
                && doc.is_word(after)
                && (names::pronoun(doc.lw(after)).is_some()
                    || matches!(doc.lw(after), "we" | "i" | "there")
                    || doc.cap(after) && !lexicon::is_capital_stop(doc.lw(after)))
        }
        Bare::No => false,
    }
}

/// `While S said that X, Y`: a clause opened by a subordinating word ends
/// at its first comma.
fn subordinate_end(doc: &Doc, sp: &names::Speaker, first: usize, last: usize) -> usize {
    let at = doc.token_at(sp.start);
    let sub = at > 0
        && doc.is_word(at - 1)
        && matches!(
            doc.lw(at - 1),
            "while"
                | "although"
                | "though"
                | "when"
                | "if"
                | "because"
                | "as"
                | "after"
                | "before"
                | "since"
                | "whereas"
        );
    match (first..last).find(|&c| doc.is(c, ',')) {
        Some(c) if sub && c > first => last_word_before(doc, c, first),
        _ => last,
    }
}

/// The subject of cue `k`; for `S, who said ...` the name before the comma.
fn subject(doc: &Doc, k: usize, lo: usize) -> Option<names::Speaker> {
    let mut e = k - 1;
    while e > lo && doc.is_word(e) && !doc.cap(e) && lexicon::is_verb_filler(doc.lw(e)) {
        e -= 1;
    }
    if e > lo + 2 && doc.is(e, ',') && doc.is_word(e - 1) && doc.is(e - 2, ',') && aside(doc.lw(e - 1)) {
        // "The mayor, however, said".
        let (a, b) = names::np_before(doc, e - 3, lo)?;
        return Some(names::speaker(doc, a, b, None));
    }
    if let Some(t) = time_before(doc, e, lo) {
        // "The union late Friday said", "Okafor on Monday said".
        let (a, b) = names::np_before(doc, t, lo)?;
        return Some(names::speaker(doc, a, b, None));
    }
    if e > lo + 1 && doc.is_word(e) && doc.lw(e) == "who" {
        // "Tove Rask, who said ...", "economists who argue ...".
        let before = if doc.is(e - 1, ',') { e - 2 } else { e - 1 };
        let (a, b) = names::np_before(doc, before, lo)?;
        return Some(names::speaker(doc, a, b, None));
    }
    subjects::subject_of(doc, k, lo)
}

/// A one-word aside between commas: `S, however, said`.
fn aside(w: &str) -> bool {
    matches!(
        w,
        "however"
            | "meanwhile"
            | "too"
            | "though"
            | "also"
            | "instead"
            | "nonetheless"
            | "nevertheless"
            | "then"
    )
}

/// The last token before a time phrase ending at `e` ("late Friday", "on
/// Monday", "last week"), when the phrase follows a capitalised or group
/// subject.
fn time_before(doc: &Doc, e: usize, lo: usize) -> Option<usize> {
    if e <= lo + 1 || !doc.is_word(e) {
        return None;
    }
    let w = doc.lw(e);
    let mut t = if lexicon::is_date_word(w) && doc.cap(e) {
        e
    } else if matches!(w, "week" | "month" | "year" | "weekend") && matches!(doc.lw(e - 1), "last" | "this") {
        e - 1
    } else {
        return None;
    };
    if t > lo + 1
        && doc.is_word(t - 1)
        && matches!(doc.lw(t - 1), "late" | "early" | "on" | "earlier" | "last")
    {
        t -= 1;
    }
    if t > lo + 1 && doc.is_word(t - 1) && !doc.cap(t - 1) && doc.lw(t - 1).ends_with("ed") {
        // "A news report published Wednesday said".
        t -= 1;
    }
    (t > lo && doc.is_word(t - 1) && !lexicon::is_date_word(doc.lw(t - 1))).then(|| t - 1)
}

fn according_to(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.len() && doc.is_word(i) && doc.lw(i) == "according" && doc.lw(i + 1) == "to"
}

fn reported(
    doc: &Doc,
    first: usize,
    last: usize,
    cue: String,
    speaker: names::Speaker,
    rule: Rule,
) -> Option<Reported> {
    // "The says ...", "Monday said ...": not a speaker.
    (first <= last && !speaker.object && attribution::plausible(doc, &speaker)).then_some(Reported {
        first,
        last,
        found: Found { speaker, cue, rule },
    })
}
