//! Indirect speech without quote marks: `S said that ...`, `S noted that
//! ...`, `S said the plan ...`, `according to S, ...`, `..., S said.`

use super::attribution::Found;
use super::doc::{CUE, Doc};
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

/// Indirect speech in sentence `s`, if it holds no quote marks.
pub fn in_sentence(doc: &Doc, s: usize) -> Option<Reported> {
    let (lo, hi) = doc.sent_tokens[s];
    if hi <= lo + 2 || (lo..hi).any(|k| doc.quoted[k].is_some()) {
        return None;
    }
    let end = if doc.is_word(hi - 1) { hi - 1 } else { hi - 2 };
    if according_to(doc, lo) {
        let c = (lo + 2..end).find(|&c| doc.is(c, ','))?;
        let (a, b) = names::np_after(doc, lo + 2, c)?;
        let sp = names::speaker(doc, a, b, None);
        return reported(
            doc,
            c + 1,
            end,
            doc.phrase(lo, lo + 1),
            sp,
            "according to S, clause",
            0.75,
        );
    }
    for k in lo + 1..end {
        if !doc.is_word(k) || doc.cap(k) || !(doc.flag(k, CUE) || doc.text.chars[doc.tok(k).start] == 'a') {
            continue;
        }
        let w = doc.lw(k);
        if according_to(doc, k) && k > lo + 2 && doc.is(k - 1, ',') {
            let (a, b) = names::np_after(doc, k + 2, hi)?;
            let sp = names::speaker(doc, a, b, None);
            return reported(
                doc,
                lo,
                k - 2,
                doc.phrase(k, k + 1),
                sp,
                "clause, according to S",
                0.75,
            );
        }
        if !lexicon::cue_verb(w) {
            continue;
        }
        let next = doc.lw(k + 1);
        if next == "that" {
            let sp = subjects::subject_of(doc, k, lo)?;
            return reported(doc, k + 2, end, doc.phrase(k, k), sp, "S cue that clause", 0.8);
        }
        if doc.is(k - 1, ',') && k < end {
            // "..., said Ana Ruiz." ends the sentence.
            if let Some((a, b)) = names::np_after(doc, k + 1, hi)
                && b >= end
            {
                let sp = names::speaker(doc, a, b, None);
                // A sentence that starts ", said S" has no clause.
                let last = k.checked_sub(2)?;
                return reported(doc, lo, last, doc.phrase(k, k), sp, "clause, cue S", 0.75);
            }
        }
        if k + 1 > end {
            // "..., officials said." ends the sentence.
            let sp = subjects::subject_of(doc, k, lo)?;
            let c = (lo..k).rev().find(|&c| doc.is(c, ','))?;
            if sp.start < doc.tok(c).end {
                return None;
            }
            return reported(
                doc,
                lo,
                c.checked_sub(1)?,
                doc.phrase(k, k),
                sp,
                "clause, S cue",
                0.75,
            );
        }
        if matches!(w, "said" | "says") && doc.is_word(k + 1) && !doc.cap(k + 1) {
            let sp = subjects::subject_of(doc, k, lo)?;
            return reported(doc, k + 1, end, doc.phrase(k, k), sp, "S said clause", 0.7);
        }
    }
    None
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
    evidence: &'static str,
    confidence: f32,
) -> Option<Reported> {
    // "The says ...", "Monday said ...": not a speaker.
    (first <= last && !speaker.object && super::attribution::plausible(doc, &speaker)).then_some(Reported {
        first,
        last,
        found: Found {
            speaker,
            cue,
            evidence,
            confidence,
        },
    })
}
