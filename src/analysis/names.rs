//! Speaker phrases: the noun phrase before or after a cue, split into the
//! name, its title and an appositive role ("Lena Voss, a hydrologist at
//! ..." keeps the role; "Transport Minister Adaeze Kell" strips it).

use super::doc::{CAP_STOP, Doc, TITLE};
use super::lexicon;

/// The most tokens a speaker phrase (with its role) may span.
const MAX_PHRASE: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    /// An organisation or a document ("It added").
    It,
}

/// A speaker as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The mention as written, role and title excluded ("Kell", "he").
    pub written: String,
    /// The name without titles, for proper names ("Adaeze Kell").
    pub name: Option<String>,
    pub role: Option<String>,
    pub pronoun: Option<Pronoun>,
    /// Token index of the mention's head (for pronoun resolution).
    pub token: usize,
    /// Char offsets of the mention as written.
    pub start: usize,
    pub end: usize,
    /// The phrase before the cue is its object, not its subject ("in the
    /// past described"): the cue is real, the speaker unknown.
    pub object: bool,
}

pub fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "it" => Some(Pronoun::It),
        _ => None,
    }
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "another" | "its" | "his" | "her" | "their" | "one" | "two" | "several" | "some"
    )
}

fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "while"
            | "as"
            | "after"
            | "when"
            | "because"
            | "if"
            | "since"
            | "though"
            | "although"
            | "whether"
            | "where"
            | "so"
            | "than"
            | "or"
            | "to"
            | "in"
            | "on"
            | "with"
            | "by"
            | "about"
            | "over"
            | "before"
            | "during"
            | "it"
            | "this"
            | "there"
            | "not"
            | "into"
            | "i"
            | "we"
            | "you"
            | "me"
            | "us"
            | "them"
            | "him"
    )
}

/// Whether token `i` may be part of a speaker phrase.
fn phrase_token(doc: &Doc, i: usize) -> bool {
    if doc.quoted[i].is_some() {
        return false;
    }
    if doc.is_word(i) {
        return true;
    }
    // "Mr." and "Gov." keep their period; "R-IN" and "O'Neil" their marks.
    let initial = |k: usize| doc.is_word(k) && doc.cap(k) && doc.tok(k).end - doc.tok(k).start == 1;
    doc.is(i, '.')
        && i > 0
        && (initial(i - 1) || doc.is_word(i - 1) && lexicon::is_title_abbrev(doc.lw(i - 1)))
}

/// The speaker phrase ending at token `end` (inclusive), scanning back no
/// further than `lo`: a pronoun, a name with titles, or a common noun
/// phrase ("a campaign source").
pub fn np_before(doc: &Doc, end: usize, lo: usize) -> Option<(usize, usize)> {
    let mut e = end;
    if doc.is(e, ')') {
        // "Rep. Gwen Moore (D-Wis.) said": skip the parenthesis.
        let open = (e.saturating_sub(10).max(lo)..e)
            .rev()
            .find(|&i| doc.is(i, '('))?;
        e = open.checked_sub(1)?;
    }
    while e > lo && doc.is_word(e) && lexicon::is_verb_filler(doc.lw(e)) && !doc.cap(e) {
        e -= 1;
    }
    if !phrase_token(doc, e) || !doc.is_word(e) {
        return None;
    }
    let w = doc.lw(e);
    // "I said": a first-person narrator.
    if pronoun(w).is_some() || w == "i" && doc.cap(e) {
        return Some((e, e));
    }
    if is_clause_word(w) || (!doc.cap(e) && lexicon::cue_verb(w)) {
        return None;
    }
    let mut f = e;
    let limit = lo.max(e.saturating_sub(MAX_PHRASE));
    while f > limit && phrase_token(doc, f - 1) {
        let p = f - 1;
        let pw = doc.lw(p);
        if !doc.is_word(p) {
            f = p;
            continue;
        }
        if doc.cap(p) && !is_determiner(pw) {
            if p == doc.sent_tokens[doc.sentence(p)].0 && lexicon::is_capital_stop(pw) {
                break;
            }
            f = p;
            continue;
        }
        if is_determiner(pw) {
            if pw == "the" && doc.cap(f) && name_before_the(doc, p, limit) {
                // "Keep the Meadow": a name with "the" inside.
                f = p - 1;
                continue;
            }
            f = p;
            if p > limit && doc.is_word(p - 1) && matches!(doc.lw(p - 1), "of" | "at" | "for" | "from") {
                continue;
            }
            break;
        }
        if is_clause_word(pw) || lexicon::cue_verb(pw) || lexicon::is_verb_filler(pw) {
            break;
        }
        if matches!(pw, "of" | "for" | "at") && doc.cap(f) {
            f = p;
            continue;
        }
        if doc.cap(f) && !lexicon::is_title_word(pw) && !lexicon::is_group_noun(doc.lw(e)) {
            // "the campaign's chief Ana Ruiz" keeps going; a verb before a name stops.
            if !pw.ends_with("ian") && !pw.ends_with("ese") && !pw.ends_with('s') {
                break;
            }
        }
        f = p;
    }
    if doc.is(f, '.') {
        f += 1;
    }
    (f <= e).then_some((f, e))
}

/// Whether the capitalised word before "the" at `p` belongs to one name
/// with the word after it ("Keep the Meadow"), not a sentence opener, a
/// title or a date ("In January the mayor").
fn name_before_the(doc: &Doc, p: usize, limit: usize) -> bool {
    if p <= limit || !doc.is_word(p - 1) || !doc.cap(p - 1) || doc.quoted[p - 1].is_some() {
        return false;
    }
    let w = doc.lw(p - 1);
    p - 1 != doc.sent_tokens[doc.sentence(p - 1)].0
        && !doc.flag(p - 1, TITLE)
        && !doc.flag(p - 1, CAP_STOP)
        && !lexicon::is_date_word(w)
        && !lexicon::is_org_word(w)
        && !lexicon::is_intro_word(w)
}

/// The speaker phrase starting at token `start`, up to `hi` (exclusive):
/// "said Rafael Quist, who leads ...", "said a spokeswoman for the firm".
pub fn np_after(doc: &Doc, start: usize, hi: usize) -> Option<(usize, usize)> {
    if start >= hi || !phrase_token(doc, start) || !doc.is_word(start) {
        return None;
    }
    let w = doc.lw(start);
    if pronoun(w).is_some() {
        return Some((start, start));
    }
    let role_then_name = || {
        (start + 1..(start + 4).min(hi))
            .find(|&i| !doc.is_word(i) || doc.cap(i))
            .is_some_and(|i| doc.cap(i))
    };
    if !doc.cap(start)
        && !is_determiner(w)
        && !lexicon::is_group_noun(w)
        && !lexicon::is_title_word(w)
        && !role_then_name()
    {
        // "engineer Mae Colvin" is a role and a name; "on Monday" is not.
        return None;
    }
    let mut e = start;
    while e + 1 < hi && e + 1 - start < MAX_PHRASE && phrase_token(doc, e + 1) {
        let n = e + 1;
        let nw = doc.lw(n);
        if doc.is_word(n)
            && (is_clause_word(nw) && !matches!(nw, "of" | "for" | "at")
                || (!doc.cap(n) && lexicon::cue_verb(nw)))
        {
            break;
        }
        if doc.is_word(n)
            && !doc.cap(n)
            && (e > start || doc.cap(start) && !is_determiner(w))
            && lexicon::is_verb_filler(nw)
            && !doc.flag(n, TITLE)
        {
            // "The nominee also outlined": an adverb or auxiliary ends the subject.
            break;
        }
        // "one unaligned county strategist", "a retired teacher": after a
        // determiner a participle is an adjective.
        let adjective = n == start + 1 && is_determiner(w) && n + 1 < hi && doc.is_word(n + 1);
        if doc.is_word(n) && !doc.cap(n) && nw.len() > 4 && nw.ends_with("ed") && !adjective {
            // "Trump attacked Clinton": a verb, not a role before a name.
            break;
        }
        if doc.is_word(n) && !doc.cap(n) && doc.cap(e) && lexicon::is_group_noun(nw) {
            // "Ministry officials said": a group named by its organisation.
            e = n;
            break;
        }
        if doc.is_word(n) && !doc.cap(n) && doc.cap(e) && !matches!(nw, "of" | "for" | "at") {
            // "Republican party boss Reince Priebus": a role, then the name.
            let name_ahead =
                (n..(n + 4).min(hi)).find(|&i| !doc.is_word(i) || doc.cap(i) || is_clause_word(doc.lw(i)));
            let continues = doc.flag(n, TITLE) || name_ahead.is_some_and(|i| doc.is_word(i) && doc.cap(i));
            if !continues {
                break;
            }
        }
        e = n;
    }
    if e == start && is_determiner(w) {
        // "The union says ...": a determiner takes a following group,
        // title or organisation noun.
        let n = start + 1;
        let noun = n < hi
            && doc.is_word(n)
            && !doc.cap(n)
            && (lexicon::is_group_noun(doc.lw(n))
                || lexicon::is_title_word(doc.lw(n))
                || lexicon::is_org_word(doc.lw(n)));
        return Some((start, if noun { n } else { start }));
    }
    Some((start, e))
}

/// Splits tokens `[first, last]` into a speaker: head name, title, role.
pub fn speaker(doc: &Doc, first: usize, last: usize, role: Option<String>) -> Speaker {
    let mut f = first;
    // "The White House", "But Williams", "Plus Obama": the opener is no part of the name.
    while f < last && doc.is_word(f) && (is_determiner(doc.lw(f)) || doc.flag(f, CAP_STOP)) && doc.cap(f + 1)
    {
        f += 1;
    }
    // "Lena Voss of the University of Carrow": the name, then its role.
    // "Democracy for Westmoor" is one name: a single word splits off only
    // before "of the ...".
    let split = (f + 1..last).find(|&c| {
        doc.is_word(c)
            && matches!(doc.lw(c), "of" | "at" | "for" | "from")
            && doc.cap(c - 1)
            && (c - f >= 2 || matches!(doc.lw(c + 1), "the" | "a" | "an"))
            && !lexicon::is_title_word(doc.lw(c - 1))
            && !lexicon::is_org_word(doc.lw(c - 1))
    });
    if let Some(c) = split {
        let role = join_roles(Some(role_text(doc, c, last)), role);
        return speaker(doc, f, c - 1, role);
    }
    let w = doc.lw(last);
    let pron = pronoun(w);
    // The name: the trailing run of capitalised, non-title words.
    let mut n = last + 1;
    let initial = |k: usize| doc.is_word(k) && doc.cap(k) && doc.tok(k).end - doc.tok(k).start == 1;
    loop {
        if n > f && doc.is_word(n - 1) && doc.cap(n - 1) && !doc.flag(n - 1, TITLE) {
            n -= 1;
        } else if n > f + 1 && n <= last && doc.lw(n - 1) == "the" && name_before_the(doc, n - 1, f) {
            // "Keep the Meadow".
            n -= 2;
        } else if n > f + 1 && n <= last && doc.is(n - 1, '.') && initial(n - 2) {
            // "J. R. Hale": initials belong to the name.
            n -= 2;
        } else {
            break;
        }
    }
    // "Police", "Organisers": a group speaks, but it is not a name.
    let group = n == last && lexicon::is_group_noun(w);
    let proper = n <= last && pron.is_none() && !group;
    // "University of Carrow" is an organisation; "As word of Harbour Trust"
    // is a clause whose name is "Harbour Trust".
    let of_place = n > f + 1
        && matches!(doc.lw(n - 1), "of" | "at" | "for" | "from" | "in")
        && doc.cap(n - 2)
        && !doc.flag(n - 2, CAP_STOP);
    let org = proper && (of_place || (n..=last).any(|i| lexicon::is_org_word(doc.lw(i))));
    let f = if org {
        (f..n)
            .find(|&i| doc.is_word(i) && doc.cap(i) && !doc.flag(i, CAP_STOP))
            .unwrap_or(n)
    } else {
        f
    };
    let (head, title) = if proper && !org && n > f {
        (n, Some(doc.phrase(f, n - 1)))
    } else {
        (f, None)
    };
    let written = strip_possessive(doc.phrase(head, last));
    // "I said": a narrator speaks, but "I" is no name.
    let narrator = f == last && w == "i";
    let name = (proper && pron.is_none() && !narrator)
        .then(|| strip_possessive(doc.phrase(if org { f } else { n }, last)));
    let t = doc.tok(head);
    Speaker {
        written,
        name,
        role: join_roles(title.map(|t| t.trim_end_matches([',', ' ']).to_owned()), role),
        pronoun: pron,
        token: last,
        start: t.start,
        end: doc.tok(last).end,
        object: false,
    }
}

fn join_roles(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b).filter(|s| !s.is_empty()),
    }
}

pub fn strip_possessive(mut s: String) -> String {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
    s
}

/// Whether tokens `[first, last]` look like a role ("a research fellow at
/// ...", "director of ...", "who leads ...") rather than a name.
pub fn is_role(doc: &Doc, first: usize, last: usize) -> bool {
    if first > last || !doc.is_word(first) {
        return false;
    }
    let w = doc.lw(first);
    let lower_words = (first..=last).filter(|&i| doc.is_word(i) && !doc.cap(i)).count();
    let starts = matches!(
        w,
        "a" | "an" | "the" | "who" | "its" | "his" | "her" | "their" | "one" | "whose"
    ) || lexicon::is_title_word(w)
        || (doc.text.is_possessive(first) && last > first)
        || (!doc.cap(first) && last > first && !lexicon::is_group_noun(w) && !lexicon::cue_verb(w));
    let finite = (first..=last).any(|i| {
        doc.is_word(i)
            && matches!(
                doc.lw(i),
                "is" | "was" | "are" | "were" | "has" | "had" | "will" | "would" | "said"
            )
    });
    starts && lower_words > 0 && !finite
}

/// The text of a role phrase `[first, last]`, trailing commas dropped.
pub fn role_text(doc: &Doc, first: usize, last: usize) -> String {
    doc.phrase(first, last).trim_end_matches([',', ' ']).to_owned()
}
