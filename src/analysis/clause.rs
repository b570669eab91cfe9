//! The parts of a reported clause around its cue: what may follow the
//! verb (times, channels, a hearer), where the clause starts and ends, and
//! which verbs take a clause without "that".

use super::doc::{CUE, Doc};
use super::lexicon::{self, Words};
use super::names;

pub(super) fn is_tell(w: &str) -> bool {
    matches!(w, "told" | "tell" | "tells" | "telling")
}

pub(super) enum Bare {
    /// Any clause-like start ("Critics say the plan ...").
    Any,
    /// Only a pronoun or a name ("claimed he ..."), since a noun phrase is
    /// usually the object ("claimed a victory").
    Subject,
    No,
}

/// Verbs of saying whose reported clause may follow without "that".
static BARE_ANY: Words = Words::new(
    "say says said saying told tell tells telling insist insists insisted insisting contend \
     contends contended argue argues argued arguing added adds adding",
);

static BARE_SUBJECT: Words = Words::new(
    "claim claims claimed claiming admit admits admitted allege alleges alleged wrote writes \
     warned warns noted notes acknowledged acknowledges conceded concedes stressed predicted \
     predicts complained pleaded fumed joked quipped exclaimed gushed announced announces \
     announce explained explains suggested suggests believes believe believed thinks think thought",
);

/// How a verb of saying may take its reported clause without "that".
pub(super) fn bare_clause_verb(w: &str) -> Bare {
    if BARE_ANY.has(w) {
        Bare::Any
    } else if BARE_SUBJECT.has(w) {
        Bare::Subject
    } else {
        Bare::No
    }
}

/// The token after times, places and channels that follow a cue: `said
/// Tuesday`, `said late Friday`, `said on Monday`, `said last week`, `said
/// in a statement`, `said in an interview with X`, `said on Twitter`.
pub(super) fn skip_circumstance(doc: &Doc, mut i: usize, end: usize) -> usize {
    loop {
        if i > end || !doc.is_word(i) {
            return i;
        }
        let w = doc.lw(i);
        let next = |j: usize| if j <= end && doc.is_word(j) { doc.lw(j) } else { "" };
        if lexicon::is_date_word(w) && (doc.cap(i) || matches!(w, "today" | "yesterday" | "tonight")) {
            i += 1;
        } else if matches!(w, "late" | "early" | "on" | "last" | "this" | "earlier") && {
            let n = next(i + 1);
            lexicon::is_date_word(n)
                || matches!(n, "week" | "month" | "year" | "weekend" | "night" | "morning")
        } {
            i += 2;
        } else if matches!(w, "in" | "on" | "during")
            && matches!(next(i + 1), "a" | "an" | "the" | "his" | "her" | "their" | "its")
            && matches!(
                next(i + 2),
                "statement"
                    | "interview"
                    | "letter"
                    | "speech"
                    | "email"
                    | "e-mail"
                    | "post"
                    | "tweet"
                    | "memo"
                    | "book"
                    | "column"
                    | "op-ed"
                    | "report"
                    | "video"
                    | "news"
                    | "press"
                    | "blog"
                    | "filing"
                    | "remarks"
                    | "address"
            )
        {
            i += 3;
            // "in an interview with CNN", "in a statement to reporters".
            if matches!(next(i), "with" | "to" | "on" | "from" | "released" | "posted") {
                i = skip_np(doc, i + 1, end);
            }
        } else if w.len() > 4 && w.ends_with("ly") && !doc.cap(i) && lexicon::is_verb_filler(w) {
            // "said repeatedly that".
            i += 1;
        } else if matches!(w, "for" | "over") && DURATION.has(next(i + 1))
            || w == "on" && CHANNEL.has(next(i + 1))
        {
            // "argued for years that", "said on Twitter that".
            i += 2;
        } else if matches!(
            w,
            "in" | "at" | "on" | "during" | "after" | "before" | "from" | "to" | "with"
        ) {
            // "says at a campaign stop in Toledo, Ohio, that ...".
            let that = (i + 1..(i + 12).min(end + 1))
                .take_while(|&j| doc.quoted[j].is_none() && !doc.flag(j, CUE) && !doc.is(j, '.'))
                .find(|&j| doc.is_word(j) && doc.lw(j) == "that" && !doc.cap(j));
            return that.unwrap_or(i);
        } else {
            return i;
        }
        if i <= end && doc.is(i, ',') && i < end && doc.lw(i + 1) == "that" {
            i += 1;
        }
    }
}

/// The token after a noun phrase starting at `i` (a name, `the Times`,
/// `reporters`, `him`), bounded.
pub(super) fn skip_np(doc: &Doc, i: usize, end: usize) -> usize {
    let mut j = i;
    if j <= end && doc.is_word(j) && matches!(doc.lw(j), "the" | "a" | "an" | "his" | "her" | "their") {
        j += 1;
    }
    let start = j;
    while j <= end && j < start + 4 && doc.is_word(j) && (doc.cap(j) || j == start) {
        j += 1;
    }
    j
}

/// The token after the hearer of `told`: a pronoun, a group noun, a name
/// or `the Times`; `None` when there is no hearer.
pub(super) fn hearer(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if i > end || !doc.is_word(i) {
        return None;
    }
    let w = doc.lw(i);
    if matches!(
        w,
        "him" | "her" | "them" | "me" | "us" | "you" | "reporters" | "journalists"
    ) || lexicon::is_group_noun(w)
    {
        return Some(i + 1);
    }
    if doc.cap(i) || matches!(w, "the" | "a" | "an") {
        let mut j = i + 1;
        while j <= end && j < i + 6 && doc.is_word(j) && doc.cap(j) {
            j += 1;
        }
        if j == i + 1 && !doc.cap(i) {
            // "the committee", "a radio host": a lowercase noun or two, then "that".
            let mut n = j;
            while n <= end && n < j + 3 && doc.is_word(n) && !doc.cap(n) && doc.lw(n) != "that" {
                n += 1;
            }
            return (n <= end && doc.lw(n) == "that").then_some(n);
        }
        // "told the British people that": a few lowercase words, then "that".
        let that = (j..(j + 3).min(end + 1))
            .take_while(|&n| doc.is_word(n) && !doc.cap(n))
            .find(|&n| doc.lw(n) == "that");
        return Some(that.unwrap_or(j));
    }
    None
}

/// Whether a bare clause can start at `i`: a subject-like word (a pronoun,
/// a determiner, a name, a number), not a preposition or an object.
pub(super) fn clause_start(doc: &Doc, i: usize, end: usize, said: bool) -> bool {
    if i > end || !doc.is_word(i) {
        return false;
    }
    let w = doc.lw(i);
    if doc.cap(i) {
        // "said Ana Ruiz" after a cue at the sentence start is inversion, not a clause.
        return !lexicon::is_capital_stop(w) || lexicon::is_sentence_starter(w) && subject_word(w);
    }
    subject_word(w)
        || doc.text.chars[doc.tok(i).start].is_ascii_digit()
        || lexicon::is_group_noun(w)
        || lowercase_clause(doc, i, end, said)
}

/// A clause opened by a lowercase noun phrase ("local officials should
/// ..."): not a word that opens an object or an adverbial, and (but
/// after "said") a finite verb within the next words.
static NOT_A_SUBJECT: Words = Words::new(
    "so yes nothing goodbye little much as to of in on at for with about what how why when where \
     whether if not hello thanks sorry otherwise something anything very only just again \
     earlier later recently previously",
);

static FINITE: Words =
    Words::new("is are was were will would has have had can could should may might must did does do");

static DURATION: Words = Words::new("years months weeks decades days ages");

static CHANNEL: Words = Words::new("twitter facebook instagram television tv radio air cnn fox");

pub(super) fn lowercase_clause(doc: &Doc, i: usize, end: usize, said: bool) -> bool {
    let w = doc.lw(i);
    let opener = NOT_A_SUBJECT.has(w) || lexicon::cue_verb(w) || lexicon::is_verb_filler(w);
    !opener && (said || (i + 1..(i + 6).min(end + 1)).any(|k| doc.is_word(k) && FINITE.has(doc.lw(k))))
}

static SUBJECT_WORD: Words = Words::new(
    "neither either none he she they it we i you there the a an his her its their our my your \
     this these those some many most all no every each both more one two three several nobody \
     everyone anyone someone",
);

/// A word that can open a clause's subject ("she", "the", "several").
pub(super) fn subject_word(w: &str) -> bool {
    // "she'll", "they're": the pronoun before the apostrophe.
    SUBJECT_WORD.has(w.split(['\'', '\u{2019}']).next().unwrap_or(w))
}

/// The last token of a reported clause starting at `first`: the
/// sentence's last word, or the word before `, S said` / `, said S` that
/// closes it ("X, Okafor said"); `None` when a quote opens inside it (a
/// mixed quote, left to the quote's own attribution).
pub(super) fn clause_end(doc: &Doc, first: usize, end: usize) -> Option<usize> {
    for i in first..=end {
        if doc.quoted[i].is_some() {
            return None;
        }
        if i > first + 2
            && doc.is_word(i)
            && matches!(doc.lw(i), "and" | "but")
            && (i + 1..(i + 5).min(end + 1)).any(|c| doc.flag(c, CUE) && doc.quoted[c].is_none())
        {
            // "S said X and said Y", "Republicans said X and Democrats accused Y".
            return Some(last_word_before(doc, i, first));
        }
        if doc.is(i, ',') && i < end {
            let j = i + 1;
            let cue_next = doc.is_word(j) && doc.flag(j, CUE);
            let subject_cue = (j + 1..(j + 5).min(end + 1)).any(|c| doc.flag(c, CUE) && !doc.is(c - 1, ','))
                && doc.is_word(j)
                && (doc.cap(j) || names::pronoun(doc.lw(j)).is_some() || doc.lw(j) == "the");
            let contrast = doc.is_word(j)
                && matches!(
                    doc.lw(j),
                    "but" | "while" | "whereas" | "although" | "though" | "yet" | "compared" | "which"
                );
            let and_cue = doc.is_word(j)
                && matches!(doc.lw(j), "and" | "as")
                && (j + 1..(j + 7).min(end + 1)).any(|c| doc.flag(c, CUE));
            if cue_next || contrast || and_cue || subject_cue && !lexicon::is_intro_word(doc.lw(j)) {
                return Some(last_word_before(doc, i, first));
            }
        }
    }
    Some(end)
}

pub(super) fn last_word_before(doc: &Doc, i: usize, first: usize) -> usize {
    (first..i).rev().find(|&k| doc.is_word(k)).unwrap_or(first)
}
