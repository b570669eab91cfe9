//! Speaker phrases next to a cue verb: the subject of `S said`, `S, a
//! role, said`, `ROLE, S, said`, the sentence's subject for `..., saying`,
//! the phrase between a quote and its cue, and `said S, a role`.

use super::doc::Doc;
use super::lexicon;
use super::names::{self, Speaker};

/// The subject of cue verb `k`: `S said`, `S, a role, said`, `ROLE, S,
/// said`, `S has also said`; for `..., insisting that` the sentence's
/// subject.
pub fn subject_of(doc: &Doc, k: usize, lo: usize) -> Option<Speaker> {
    if k <= lo {
        return None;
    }
    let mut e = k - 1;
    // "could only quip", "would only say".
    while e > lo
        && doc.is_word(e)
        && !doc.cap(e)
        && (lexicon::is_verb_filler(doc.lw(e)) || doc.lw(e) == "only")
    {
        e -= 1;
    }
    if doc.lw(k).ends_with("ing") {
        // "..., insisting that", "before asking her": the sentence's subject;
        // "is saying": the subject before; "tweets accusing": not a cue.
        let prev = doc.lw(e);
        if doc.is(e, ',') || lexicon::is_intro_word(prev) || prev == "upon" {
            let sentence_lo = doc.sent_tokens[doc.sentence(k)].0;
            return sentence_subject(doc, sentence_lo, k);
        }
        if e + 1 == k && doc.cap(e) && doc.is_word(e) {
            // "footage of Ana Ruiz saying": the name just before is the speaker.
            let mut a = e;
            while a > lo && doc.is_word(a - 1) && doc.cap(a - 1) {
                a -= 1;
            }
            return Some(names::speaker(doc, a, e, None));
        }
        if e + 1 == k && lexicon::cue_noun(prev) && !doc.cap(e) {
            // "released a statement saying", "posted a message saying": the
            // sentence's subject.
            let sentence_lo = doc.sent_tokens[doc.sentence(k)].0;
            return sentence_subject(doc, sentence_lo, k);
        }
        if e + 1 == k && !lexicon::is_verb_filler(prev) && names::pronoun(prev).is_none() {
            return None;
        }
    }
    if doc.is(e, ',') {
        return comma_appositive(doc, e, lo);
    }
    // "Gorin — named by the Ledger as the favourite — told": the name
    // before an aside between dashes.
    if is_dash(doc, e)
        && let Some(d) = (e.saturating_sub(24).max(lo + 1)..e)
            .rev()
            .take_while(|&d| doc.quoted[d].is_none())
            .find(|&d| is_dash(doc, d))
        && doc.lw(d + 1) != "which"
        && let Some((a, b)) = names::np_before(doc, d - 1, lo)
        && doc.cap(b)
        // "X, or DFA - which ... - said": the aside is about an apposition.
        && !(a > lo && matches!(doc.lw(a - 1), "or" | "and"))
    {
        return Some(names::speaker(doc, a, b, None));
    }
    if let Some(c) = (e.saturating_sub(16).max(lo)..e).rev().find(|&c| doc.is(c, ',')) {
        let tail_first = c + 1;
        let w = doc.lw(tail_first);
        let role_start = matches!(w, "a" | "an") || (!doc.cap(tail_first) && lexicon::is_title_word(w));
        if role_start
            && names::is_role(doc, tail_first, e)
            && (tail_first..=e).all(|i| doc.quoted[i].is_none())
            && let Some((a, b)) = names::np_before(doc, c.saturating_sub(1), lo)
            && doc.cap(b)
            // "On Sunday, former President Ana Ruiz said": a time, then the speaker.
            && !lexicon::is_date_word(doc.lw(b))
        {
            return Some(names::speaker(
                doc,
                a,
                b,
                Some(names::role_text(doc, tail_first, e)),
            ));
        }
    }
    // "went on to say", "X ..., but now said": the sentence's subject.
    let prev = doc.lw(e);
    if prev == "to" || matches!(prev, "and" | "but" | "now") {
        let sentence_lo = doc.sent_tokens[doc.sentence(k)].0;
        return sentence_subject(doc, sentence_lo, e);
    }
    let (mut a, mut b) = names::np_before(doc, e, lo)?;
    // "A spokesman for the prosecutor in Carrow said": a place after a
    // noun belongs to the subject before it; the place does not speak.
    if a > lo + 1
        && doc.cap(a)
        && doc.is_word(a - 1)
        && matches!(doc.lw(a - 1), "in" | "at" | "from")
        && doc.is_word(a - 2)
        && !doc.cap(a - 2)
        && (lexicon::is_title_word(doc.lw(a - 2)) || lexicon::is_group_noun(doc.lw(a - 2)))
        && let Some((a2, b2)) = names::np_before(doc, a - 2, lo)
    {
        (a, b) = (a2, b2);
    }
    if object_phrase(doc, a, b)
        && let Some(sp) = subject_before_adjunct(doc, a, lo)
    {
        return Some(sp);
    }
    let mut speaker = names::speaker(doc, a, b, None);
    speaker.object = object_phrase(doc, a, b);
    Some(speaker)
}

/// `Trump in his speech called`, `Beck, who has in the past described`:
/// the phrase `[a, ..]` before the cue is the object of a preposition;
/// the subject is the name or pronoun before that adjunct (for `who`, the
/// name the relative clause follows).
fn subject_before_adjunct(doc: &Doc, a: usize, lo: usize) -> Option<Speaker> {
    let p = if is_preposition(doc, a) {
        a
    } else {
        a.checked_sub(1)?
    };
    if p <= lo || !is_preposition(doc, p) {
        return None;
    }
    let mut e = p - 1;
    while e > lo && doc.is_word(e) && !doc.cap(e) && lexicon::is_verb_filler(doc.lw(e)) {
        e -= 1;
    }
    if !doc.is_word(e) {
        return None;
    }
    let w = doc.lw(e);
    if matches!(w, "who" | "which") && e > lo + 1 && doc.is(e - 1, ',') {
        let (a2, b2) = names::np_before(doc, e - 2, lo)?;
        return doc.cap(b2).then(|| names::speaker(doc, a2, b2, None));
    }
    if !(doc.cap(e) || names::pronoun(w).is_some()) {
        return None;
    }
    let (a2, b2) = names::np_before(doc, e, lo)?;
    (b2 == e && !object_phrase(doc, a2, b2) && !lexicon::is_date_word(w))
        .then(|| names::speaker(doc, a2, b2, None))
}

fn is_preposition(doc: &Doc, p: usize) -> bool {
    doc.is_word(p)
        && !doc.cap(p)
        && matches!(
            doc.lw(p),
            "in" | "at" | "on" | "during" | "through" | "over" | "under" | "into"
        )
}

/// Whether the phrase `[a, b]` before a cue cannot be its subject: the
/// object of a preposition ("in the past described", "at the Grand Hotel
/// and called") or one lowercase word that is no noun ("can't", "airing").
fn object_phrase(doc: &Doc, a: usize, b: usize) -> bool {
    let preposition = |p: usize| {
        doc.is_word(p)
            && !doc.cap(p)
            && matches!(
                doc.lw(p),
                "in" | "at"
                    | "on"
                    | "for"
                    | "by"
                    | "into"
                    | "over"
                    | "during"
                    | "through"
                    | "across"
                    | "against"
                    | "toward"
                    | "towards"
                    | "onto"
                    | "upon"
            )
    };
    // "voters in each state said", "the Council on ... Relations director
    // said": a noun before the preposition heads the subject.
    let noun_before = |p: usize| {
        p > 0 && doc.is_word(p - 1) && {
            let w = doc.lw(p - 1);
            doc.cap(p - 1)
                || (w.ends_with('s') && !lexicon::is_verb_filler(w))
                || lexicon::is_group_noun(w)
                || lexicon::is_title_word(w)
        }
    };
    // "Trump in his speech called": a possessive opens an adjunct even after a name.
    let possessive = matches!(doc.lw(a), "his" | "her" | "their" | "its" | "my" | "our");
    let after_preposition = a > 0 && preposition(a - 1) && (!noun_before(a - 1) || possessive);
    let w = doc.lw(b);
    let not_a_noun = a == b
        && !doc.cap(b)
        && names::pronoun(w).is_none()
        && !lexicon::is_group_noun(w)
        && !lexicon::is_title_word(w)
        && (w.contains(['\'', '\u{2019}']) || w.ends_with("ing") || w.ends_with("ed"));
    // "less than two weeks ago said", "last week said": a time, not a subject.
    let time = w == "ago"
        || (a < b
            && matches!(doc.lw(a), "last" | "this" | "next" | "earlier")
            && matches!(
                w,
                "week" | "month" | "year" | "night" | "weekend" | "summer" | "spring" | "fall" | "winter"
            ));
    after_preposition || not_a_noun || time
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
    // "Sen. Ada Pell, R-Wis., said": a party tag after the name.
    if party_tag(doc, s, t) {
        let (a, b) = names::np_before(doc, c.checked_sub(1)?, lo)?;
        return doc.cap(b).then(|| names::speaker(doc, a, b, None));
    }
    // "S, meanwhile, who sits on the board, said": the word before the
    // last aside is no name, so look past the aside.
    let aside_before = c > lo && doc.is_word(c - 1) && !doc.cap(c - 1) && parenthetical_opener(doc.lw(c - 1));
    if names::is_role(doc, s, t) && !aside_before {
        let (a, b) = names::np_before(doc, c.checked_sub(1)?, lo)?;
        return Some(names::speaker(doc, a, b, Some(names::role_text(doc, s, t))));
    }
    if let Some(sp) = before_parenthetical(doc, e, lo) {
        return Some(sp);
    }
    if matches!(doc.lw(s), "who" | "whose" | "which") && doc.is_word(s) {
        // "S, who is reviled by critics, said": S speaks, and a clause with
        // its own verb is no role.
        let (a, b) = names::np_before(doc, c.checked_sub(1)?, lo)?;
        return Some(names::speaker(doc, a, b, None));
    }
    let (a, b) = names::np_before(doc, t, s)?;
    let role = names::np_before(doc, c.checked_sub(1)?, lo)
        .filter(|&(ra, rb)| names::is_role(doc, ra, rb))
        .map(|(ra, rb)| names::role_text(doc, ra, rb));
    Some(names::speaker(doc, a, b, role))
}

/// `R-Wis.`, `D-N.Y.`, `I-Vt`: a party and a state, tokens `[s, t]`.
fn party_tag(doc: &Doc, s: usize, t: usize) -> bool {
    let w = doc.lw(s);
    let party = w.len() > 2 && matches!(&w.as_bytes()[..2], b"r-" | b"d-" | b"i-");
    t - s <= 6 && doc.is_word(s) && doc.cap(s) && party
}

/// `S, writing for the majority, said`, `S, during a town hall in Alton,
/// Westshire, said`, `S, meanwhile, who chairs the panel, said`: a
/// parenthetical (opened by a preposition, a participle, an adverb or a
/// relative word) between a name and the cue at `e + 1`; the name before
/// its first comma speaks. `e` is the comma before the cue.
fn before_parenthetical(doc: &Doc, e: usize, lo: usize) -> Option<Speaker> {
    let floor = e.saturating_sub(30).max(lo);
    let mut c = e;
    while c > floor {
        c -= 1;
        if doc.quoted[c].is_some() || doc.is(c, ';') {
            return None;
        }
        if !doc.is(c, ',') || c == 0 || c + 1 >= e {
            continue;
        }
        let (before, after) = (c - 1, c + 1);
        if !doc.is_word(after) || doc.cap(after) || !parenthetical_opener(doc.lw(after)) {
            continue;
        }
        // "Sen. Ada Pell (D-Wm.), noting ..., said": the name's party tag.
        if doc.is(before, ')')
            || doc.is_word(before) && doc.cap(before) && !lexicon::is_capital_stop(doc.lw(before))
        {
            let (a, b) = names::np_before(doc, before, lo)?;
            return (b == before || doc.is(before, ')')).then(|| names::speaker(doc, a, b, None));
        }
    }
    None
}

/// A lowercase word that opens a parenthetical after a name rather than a
/// role: a preposition, a participle, an adverb, a relative word.
fn parenthetical_opener(w: &str) -> bool {
    PAREN_OPENER.has(w)
        || (w.len() > 4 && (w.ends_with("ing") || w.ends_with("ly")) && !lexicon::is_title_word(w))
        || (w.len() > 4 && w.ends_with("ed") && !lexicon::is_title_word(w))
}

static PAREN_OPENER: lexicon::Words = lexicon::Words::new(
    "in at on during after before from with by for under as like despite amid among about \
     who whose which meanwhile however though too also then now once still not when while if \
     asked speaking writing citing responding referring",
);

/// The subject at the start of a sentence, after an introductory phrase
/// ("In a statement, Kell ..., insisting ...").
pub fn sentence_subject(doc: &Doc, lo: usize, k: usize) -> Option<Speaker> {
    // Skip a leading quote and its punctuation: `"Q," Trump said, adding ...`.
    let mut s = lo;
    while s < k && (doc.quoted[s].is_some() || !doc.is_word(s)) {
        s += 1;
    }
    // "Washington (AFP) –", "ALTON, May 2 (Wire) —": a dateline.
    if s < k
        && doc.cap(s)
        && let Some(d) = (s + 1..k.min(s + 10)).find(|&d| is_dash(doc, d))
        && (s..d).any(|i| doc.is(i, ')'))
    {
        s = d + 1;
    }
    let mut skipped = false;
    // "Even before Ruiz took the stage, ...", "On Monday, after a long
    // night, Ruiz ...": up to three introductory phrases, a subordinate
    // clause longer than a phrase.
    for _ in 0..3 {
        let w = if s < k { doc.lw(s) } else { "" };
        let window = if SUBORDINATE.has(w) { 30 } else { 12 };
        match (s..k.min(s + window)).find(|&c| doc.is(c, ',')) {
            Some(c) if intro_phrase(doc, s, c) => {
                s = c + 1;
                skipped = true;
            }
            _ => break,
        }
    }
    let (mut a, mut b) = names::np_after(doc, s, k)?;
    // "Speaking in Alton, Westshire, Ana Ruiz went on": the place closing
    // the introductory phrase, then the subject.
    if skipped
        && b + 2 < k
        && doc.is(b + 1, ',')
        && doc.cap(a)
        && doc.is_word(b + 2)
        && doc.cap(b + 2)
        && let Some((a2, b2)) = names::np_after(doc, b + 2, k)
    {
        (a, b) = (a2, b2);
    }
    Some(names::speaker(doc, a, b, None))
}

/// Words opening a subordinate clause or a long phrase before the subject.
static SUBORDINATE: lexicon::Words = lexicon::Words::new(
    "when while after before although though because since if as until once whereas unless \
     even amid despite following outside",
);

fn is_dash(doc: &Doc, i: usize) -> bool {
    doc.is(i, '\u{2015}') || doc.is(i, '\u{2014}') || doc.is(i, '\u{2013}') || doc.is(i, '-')
}

/// Whether tokens `[s, c)` before the comma `c` open a sentence as an
/// introductory phrase: `In Alton,`, `Speaking at a rally,`, `Eight
/// years ago,`, `Likewise,`.
fn intro_phrase(doc: &Doc, s: usize, c: usize) -> bool {
    let w = doc.lw(s);
    c > s
        && (lexicon::is_intro_word(w)
            || parenthetical_opener(w)
            || matches!(
                w,
                "even"
                    | "first"
                    | "amid"
                    | "alongside"
                    | "likewise"
                    | "instead"
                    | "now"
                    | "today"
                    | "outside"
                    | "inside"
                    | "following"
                    | "unlike"
                    | "like"
            )
            || matches!(doc.lw(c - 1), "ago" | "earlier" | "later"))
}

/// Whether token `j` can start a speaker phrase: a name, a pronoun, a
/// determiner, a title or a group noun.
pub fn speaker_start(doc: &Doc, j: usize) -> bool {
    if !doc.is_word(j) {
        return false;
    }
    let w = doc.lw(j);
    doc.cap(j)
        || names::pronoun(w).is_some()
        || matches!(
            w,
            "a" | "an" | "the" | "another" | "one" | "two" | "his" | "her" | "its" | "their"
        )
        || lexicon::is_title_word(w)
        || lexicon::is_group_noun(w)
}

/// A phrase between a quote and its cue: `Lena Voss, a hydrologist
/// at ...,` or `the mayor`.
pub fn appositive_phrase(doc: &Doc, j: usize, e: usize) -> Option<Speaker> {
    let mut e = e;
    while e > j && (doc.is(e, ',') || (doc.is_word(e) && !doc.cap(e) && lexicon::is_verb_filler(doc.lw(e)))) {
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
        // `Ron Adler, R-Ky., told`: a full name, then a short tag.
        let (a, b) = names::np_before(doc, c - 1, j)?;
        // `Hal Boden, 30, of Tarrow, who was polled, said`, `Pell, who
        // has proposed ..., said`: a name, then its age or a relative clause.
        let aside = doc.text.chars[doc.tok(c + 1).start].is_ascii_digit()
            || doc.is_word(c + 1) && matches!(doc.lw(c + 1), "who" | "whose");
        if aside && a == j && b == c - 1 && doc.cap(b) {
            return Some(names::speaker(doc, a, b, None));
        }
        // `Ana Ruiz, 25, said`: an age is a tag too.
        let tag =
            e + 1 - (c + 1) <= 4 && (doc.cap(c + 1) || doc.text.chars[doc.tok(c + 1).start].is_ascii_digit());
        return (a == j && b == c - 1 && doc.cap(b) && tag)
            .then(|| names::speaker(doc, a, b, Some(names::role_text(doc, c + 1, e))));
    }
    if let Some((a, b)) = names::np_before(doc, e, j)
        && a == j
    {
        return Some(names::speaker(doc, a, b, None));
    }
    // `a message on the website reads`, `a voice-over in the ad states`:
    // the phrase before a preposition speaks.
    let p = (j + 1..e)
        .find(|&p| doc.is_word(p) && !doc.cap(p) && matches!(doc.lw(p), "in" | "on" | "at" | "from"))?;
    let (a, b) = names::np_before(doc, p - 1, j)?;
    (a == j && b == p - 1).then(|| names::speaker(doc, a, b, None))
}

/// `said S` with an optional role after a comma: `said Ana Ruiz, who leads
/// the group`.
pub fn speaker_with_role(doc: &Doc, a: usize, b: usize, hi: usize) -> Speaker {
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
