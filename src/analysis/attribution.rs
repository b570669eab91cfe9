//! Cue and speaker patterns around a quote: `"Q," S said`, `"Q," said S`,
//! `S said: "Q"`, `S said "Q"`, `"Q" S told Y`, `according to S`,
//! `S's calls for "Q"`, `S has called on ... to "Q"`, and a cue later in the
//! sentence (`..., S said.`). Look-back and look-ahead are bounded.

use super::doc::{CUE, Doc};
use super::evidence::Rule;
use super::lexicon;
use super::names::{self, Speaker};
use super::subjects::{appositive_phrase, sentence_subject, speaker_start, speaker_with_role, subject_of};

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
    pub rule: Rule,
}

/// A cue verb, not a noun use ("a call for", "the reports", "Trump's
/// tweets", "late-night tweets targeting").
#[inline]
pub(super) fn is_cue(doc: &Doc, i: usize) -> bool {
    // Most tokens are no cue word: that test stays inline in the scans.
    doc.flag(i, CUE) && doc.quoted[i].is_none() && i != 0 && cue_in_context(doc, i)
}

/// [`is_cue`] for a cue word outside quotes, not the first token.
fn cue_in_context(doc: &Doc, i: usize) -> bool {
    let prev = doc.lw(i - 1);
    if matches!(
        prev,
        "a" | "an" | "the" | "this" | "that" | "his" | "her" | "its" | "their" | "our" | "my"
    ) {
        return false;
    }
    if doc.text.is_possessive(i - 1) && names::pronoun(prev).is_none() && !matches!(prev, "it" | "that") {
        return false;
    }
    if matches!(prev, "from" | "by" | "of" | "with" | "among" | "than") && doc.lw(i).ends_with("ed") {
        // "articles from noted scholars": a participle before a noun.
        return false;
    }
    if lexicon::noun_like_cue(doc.lw(i))
        && doc.cap(i - 1)
        && i > 1
        && matches!(
            doc.lw(i - 2),
            "of" | "the" | "their" | "his" | "her" | "its" | "many" | "some"
        )
    {
        // "32% of Republican claims", "the Democratic claims": a noun.
        return false;
    }
    if lexicon::noun_like_cue(doc.lw(i)) {
        // "Trump tweets that ...", "he claims" — not "the late-night tweets".
        let next_ok = i + 1 < doc.len()
            && (doc.lw(i + 1) == "that" || doc.is(i + 1, ':') || doc.quoted[i + 1].is_some());
        return doc.cap(i - 1) || names::pronoun(prev).is_some() || lexicon::is_verb_filler(prev) || next_ok;
    }
    true
}

fn is_dash(doc: &Doc, i: usize) -> bool {
    doc.is(i, '\u{2015}') || doc.is(i, '\u{2014}') || doc.is(i, '\u{2013}') || doc.is(i, '-')
}

/// A quote after a colon: `S said:` in the sentence before, or the
/// sentence's subject before `: "Q"`.
pub fn colon_intro(doc: &Doc, open_tok: usize) -> Option<Found> {
    let sentence = doc.sentence(open_tok);
    let lo = doc.sent_tokens[sentence].0;
    if open_tok > lo && doc.is(open_tok - 1, ':') {
        let speaker = sentence_subject(doc, lo, open_tok - 1)
            .filter(|s| s.name.is_some() || s.pronoun.is_some())
            .or_else(|| name_before(doc, open_tok - 1, lo))?;
        return Some(found(":".to_owned(), speaker, Rule::ColonIntro));
    }
    if open_tok != lo || sentence == 0 {
        return None;
    }
    let (plo, phi) = doc.sent_tokens[sentence - 1];
    if phi == 0 || phi <= plo || !doc.is(phi - 1, ':') {
        return None;
    }
    if let Some(k) = (plo..phi).rev().find(|&k| is_cue(doc, k))
        && let Some(speaker) = subject_of(doc, k, plo)
    {
        return Some(found(doc.phrase(k, k), speaker, Rule::CueColonSentenceBefore));
    }
    let speaker = sentence_subject(doc, plo, phi - 1)
        .filter(|s| s.name.is_some())
        .or_else(|| name_before(doc, phi - 1, plo))?;
    Some(found(":".to_owned(), speaker, Rule::ColonSentenceBefore))
}

/// `More from Ana Ruiz: "Q"`: a person's name right before the colon at `colon`.
fn name_before(doc: &Doc, colon: usize, lo: usize) -> Option<Speaker> {
    let e = colon.checked_sub(1)?;
    if e < lo || !doc.is_word(e) || !doc.cap(e) {
        return None;
    }
    let (a, b) = names::np_before(doc, e, lo)?;
    let sp = names::speaker(doc, a, b, None);
    let two_words = b > a && (a..=b).filter(|&i| doc.is_word(i) && doc.cap(i)).count() >= 2;
    (sp.name.is_some() && (two_words || doc.lw(a.saturating_sub(1)) == "from")).then_some(sp)
}

/// `according to` at tokens `i, i + 1`.
fn according_to(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.len() && doc.is_word(i) && doc.lw(i) == "according" && doc.lw(i + 1) == "to"
}

fn stops(doc: &Doc, i: usize) -> bool {
    doc.quoted[i].is_some() || doc.is(i, ';') || doc.is(i, '.') && !doc.is_word(i.saturating_sub(1))
}

/// The pattern after the closing mark: `"Q," S said`, `"Q," said S`,
/// `"Q" S told Y`, `"Q," according to S`.
pub fn after_quote(doc: &Doc, close_tok: usize) -> Option<Found> {
    let sentence = doc.sentence(close_tok);
    let mut hi = doc.sent_tokens[sentence].1;
    let mut j = close_tok + 1;
    if j < doc.len() && is_dash(doc, j) && doc.tok(j).paragraph == doc.tok(close_tok).paragraph {
        // `"Q." — Ana Ruiz` closes a paragraph of reader or vox-pop quotes.
        hi = doc.sent_tokens[doc.sentence(j)].1;
        let (a, b) = names::np_after(doc, j + 1, hi)?;
        // The name ends the sentence, or the next vox-pop quote opens.
        let rest_ok = b + 1 >= hi || doc.is(b + 1, ',') || doc.is(b + 1, '.') || doc.quoted[b + 1].is_some();
        return rest_ok.then(|| {
            found(
                doc.phrase(j, j),
                speaker_with_role(doc, a, b, hi),
                Rule::DashSpeaker,
            )
        });
    }
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
            Rule::QuoteAccordingTo,
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
        return phrasal_cue(doc, j, hi);
    }
    let cue = doc.phrase(k, k);
    if k != j && !speaker_start(doc, j) {
        return None;
    }
    if k == j {
        let (a, b) = names::np_after(doc, k + 1, hi)?;
        return Some(found(
            cue,
            speaker_with_role(doc, a, b, hi),
            Rule::QuoteCueSpeaker,
        ));
    }
    let speaker = appositive_phrase(doc, j, k - 1)?;
    Some(found(cue, speaker, Rule::QuoteSpeakerCue))
}

/// `"Q," Ana shot back.`, `"Q!" the crowd cried out.`, `"Q," he went on`:
/// after a quote, a short subject, a verb and a particle that close the
/// sentence or its clause.
fn phrasal_cue(doc: &Doc, j: usize, hi: usize) -> Option<Found> {
    if !speaker_start(doc, j) {
        return None;
    }
    let end = hi.min(j + 8);
    let p = (j + 2..end).find(|&p| {
        doc.is_word(p)
            && matches!(doc.lw(p), "back" | "on" | "out" | "in")
            && doc.is_word(p - 1)
            && !doc.cap(p - 1)
    })?;
    let v = p - 1;
    let closes = p + 1 >= hi || doc.is(p + 1, '.') || doc.is(p + 1, ',') || doc.is(p + 1, '!');
    let verb = doc.lw(v);
    let verb_like = verb.ends_with("ed")
        || matches!(
            verb,
            "shot" | "went" | "goes" | "cut" | "points" | "chimed" | "chimes" | "fired" | "hit" | "lashed"
        );
    if !closes || !verb_like || (j..v).any(|i| !doc.is_word(i) && !doc.is(i, '.')) {
        return None;
    }
    let speaker = appositive_phrase(doc, j, v - 1)?;
    Some(found(doc.phrase(v, p), speaker, Rule::QuoteSpeakerCue))
}

/// The pattern before the opening mark: `S said: "Q"`, `S said "Q"`,
/// `S said that ... "Q"`, `S's calls for "Q"`, `S has called on X to "Q"`.
pub fn before_quote(doc: &Doc, open_tok: usize) -> Option<Found> {
    let sentence = doc.sentence(open_tok);
    let lo = doc.sent_tokens[sentence].0;
    // `Pollsters agree - Ana Ruiz: "Q"`: a name after a dash, then the
    // colon, speaks, whatever cue the heading before the dash holds.
    if open_tok > lo + 2
        && doc.is(open_tok - 1, ':')
        && let Some(sp) = name_before(doc, open_tok - 1, lo)
        && {
            let a = doc.token_at(sp.start);
            a > lo && is_dash(doc, a - 1)
        }
    {
        return Some(found(":".to_owned(), sp, Rule::ColonIntro));
    }
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
                Rule::AccordingToQuote,
            ));
        }
        if doc.is_word(k) && lexicon::cue_noun(doc.lw(k)) && k > lo && doc.text.is_possessive(k - 1) {
            let (a, b) = names::np_before(doc, k - 1, lo)?;
            let speaker = names::speaker(doc, a, b, None);
            // `Ryan said Obama's words "Q"`: the possessive sits in the
            // reported clause of an earlier verb of saying.
            if let Some((k2, outer)) = outer_speaker(doc, &speaker, lo) {
                return Some(found(doc.phrase(k2, k2), outer, Rule::CueBeforeOuter));
            }
            return Some(found(doc.phrase(k, k), speaker, Rule::PossessiveCueNoun));
        }
        if is_cue(doc, k) && k > lo && doc.quoted[k - 1].is_some()
            || is_cue(doc, k) && k > lo + 1 && doc.is(k - 1, ',') && doc.quoted[k - 2].is_some()
        {
            // `"Q1," said S, a role, "Q2"`: the speaker follows the cue.
            if let Some((a, b)) = names::np_after(doc, k + 1, open_tok) {
                return Some(found(
                    doc.phrase(k, k),
                    speaker_with_role(doc, a, b, open_tok),
                    Rule::BetweenQuotes,
                ));
            }
        }
        let opening_said = k == lo && doc.is_word(k) && doc.cap(k) && matches!(doc.lw(k), "said" | "says");
        // Not `, telling Reuters, "Q"` nor `, asked Ruiz, "Q"`: a hearer follows.
        let inverted = || {
            let w = doc.lw(k);
            !super::clause::is_tell(w) && !w.ends_with("ing") && !w.starts_with("ask")
        };
        if opening_said || is_cue(doc, k) && k > lo && doc.is(k - 1, ',') && inverted() {
            // `Said Ana Ruiz, who grew up there, "Q"`, `..., explained
            // Ruiz, "Q"`: the speaker follows the cue, a comma before the quote.
            if let Some((a, b)) = names::np_after(doc, k + 1, open_tok)
                && doc.cap(a)
                && b + 1 < open_tok
                && doc.is(b + 1, ',')
                && (b + 2 == open_tok || opening_said && doc.is(open_tok - 1, ','))
            {
                return Some(found(
                    doc.phrase(k, k),
                    names::speaker(doc, a, b, None),
                    Rule::CueBeforeNear,
                ));
            }
        }
        if is_cue(doc, k) && matches!(doc.lw(k), "asked" | "told") && passive(doc, k, lo) {
            // `S was asked by Y, "Q"`: Y speaks; `S were told, "Q"`: the
            // subject heard the words, the speaker is not named.
            if k + 2 < open_tok
                && doc.lw(k + 1) == "by"
                && let Some((a, b)) = names::np_after(doc, k + 2, open_tok)
            {
                return Some(found(
                    doc.phrase(k, k + 1),
                    speaker_with_role(doc, a, b, open_tok),
                    Rule::CueBeforeNear,
                ));
            }
            // `According to the memo, staff were told, "Q"`.
            if let Some(f) = according_in_sentence(doc, sentence) {
                return Some(f);
            }
            let mut speaker = subject_of(doc, k, lo)?;
            speaker.object = true;
            return Some(found(doc.phrase(k, k), speaker, Rule::CueBeforeNear));
        }
        if is_cue(doc, k) && k + 1 == open_tok && naming_not_speech(doc, k, lo) {
            return None;
        }
        if is_cue(doc, k)
            && let Some(mut speaker) = subject_of(doc, k, lo)
        {
            speaker.object |= subordinate_clause(doc, &speaker, k, open_tok);
            if let Some((k2, outer)) = outer_speaker(doc, &speaker, lo) {
                return Some(found(doc.phrase(k2, k2), outer, Rule::CueBeforeOuter));
            }
            if !speaker.object && junk_subject(doc, &speaker) {
                // `He said Rubio had at last described it as "Q"`, `Sanders
                // delivered a snappy retort:`: no one speaks in the phrase
                // before the cue; the sentence's subject may, if a person.
                if let Some(sp) = person_subject(doc, lo, k) {
                    return Some(found(doc.phrase(k, k), sp, Rule::CueBeforeFar));
                }
                speaker.object = true;
            }
            let rule = if seen <= 3 {
                Rule::CueBeforeNear
            } else {
                Rule::CueBeforeFar
            };
            return Some(found(doc.phrase(k, k), speaker, rule));
        }
    }
    None
}

/// `S said Y called it "Q"`, `S noted that Y will continue to be "Q"`:
/// the cue before a quote sits in the reported clause of an earlier verb
/// of saying, whose subject speaks the quoted words (outermost first).
/// `inner` is the speaker found for the nearer cue.
fn outer_speaker(doc: &Doc, inner: &Speaker, lo: usize) -> Option<(usize, Speaker)> {
    let mut first = doc.token_at(inner.start);
    let mut best = None;
    for _ in 0..3 {
        let mut j = first;
        let mut hit = None;
        while j > lo && first - j < PRE_WINDOW {
            j -= 1;
            if doc.quoted[j].is_some() || doc.is(j, ';') || doc.is(j, ':') || doc.is(j, '(') {
                break;
            }
            // "S said X, and Y called it": two clauses side by side.
            // A relative or adverbial clause, or an aside between dashes.
            // "shootings and protests demands": "and" inside a noun phrase
            // goes on; ", and" opens a clause of its own.
            let joins = doc.is_word(j) && matches!(doc.lw(j), "and" | "but");
            let own_clause = OUTER_STOP.has(doc.lw(j)) && (!joins || j > 0 && doc.is(j - 1, ','));
            if doc.is_word(j) && own_clause || is_dash(doc, j) {
                break;
            }
            if is_cue(doc, j) && !doc.lw(j).ends_with("ing") && clause_verb(doc, j) {
                hit = Some(j);
                break;
            }
        }
        let Some(j) = hit else { break };
        let Some(sp) = subject_of(doc, j, lo) else { break };
        if sp.object
            || !plausible(doc, &sp)
            || sp.name.is_none() && sp.pronoun.is_none() && !sp.written.contains(' ')
        {
            break;
        }
        first = doc.token_at(sp.start);
        best = Some((j, sp));
        if first <= lo {
            break;
        }
    }
    best
}

static OUTER_STOP: lexicon::Words = lexicon::Words::new(
    "and but while when after as because which who whom whose though although if since until \
     whereas before",
);

/// A verb of saying that takes a reported clause (`said`, `claimed that`).
fn clause_verb(doc: &Doc, j: usize) -> bool {
    let w = doc.lw(j);
    !matches!(super::clause::bare_clause_verb(w), super::clause::Bare::No)
        || (j + 1 < doc.len() && doc.lw(j + 1) == "that")
}

/// `When S announced ..., he called it "Q"`: the cue and its subject sit
/// in a clause opened by a subordinating word, closed by a comma before
/// the quote's own clause.
fn subordinate_clause(doc: &Doc, sp: &Speaker, k: usize, open_tok: usize) -> bool {
    let first = doc.token_at(sp.start);
    first > 0
        && doc.is_word(first - 1)
        && matches!(
            doc.lw(first - 1),
            "when"
                | "while"
                | "after"
                | "before"
                | "since"
                | "because"
                | "although"
                | "though"
                | "if"
                | "until"
                | "once"
                | "whereas"
        )
        && (k + 1..open_tok.saturating_sub(1)).any(|i| doc.is(i, ',') && doc.quoted[i].is_none())
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
                Rule::LaterAccordingTo,
            ));
        }
        if !is_cue(doc, k) {
            continue;
        }
        let cue = doc.phrase(k, k);
        let hearer_follows = matches!(doc.lw(k), "told" | "tell" | "tells" | "telling");
        if k > lo && (doc.is(k - 1, ',') || doc.quoted[k - 1].is_some()) && !hearer_follows {
            let (a, b) = names::np_after(doc, k + 1, hi)?;
            return Some(found(cue, names::speaker(doc, a, b, None), Rule::LaterCueSpeaker));
        }
        let speaker = subject_of(doc, k, after_tok + 1)?;
        return Some(found(cue, speaker, Rule::LaterSpeakerCue));
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
        Rule::AccordingInSentence,
    ))
}

/// `a class called "Q"`, `what is called "Q"`: a naming participle right
/// before the quote, after a common noun or a form of "be", names a thing.
fn naming_not_speech(doc: &Doc, k: usize, lo: usize) -> bool {
    if !lexicon::is_naming_participle(doc.lw(k)) {
        return false;
    }
    let mut e = k;
    let mut be = false;
    while e > lo && doc.is_word(e - 1) && !doc.cap(e - 1) && lexicon::is_verb_filler(doc.lw(e - 1)) {
        e -= 1;
        be |= matches!(doc.lw(e), "is" | "was" | "are" | "were" | "been");
    }
    if be {
        return true;
    }
    let prev = doc.lw(k - 1);
    // "a class called", not "what critics called" (a plural subject).
    e == k && doc.is_word(k - 1) && !doc.cap(k - 1) && names::pronoun(prev).is_none() && !prev.ends_with('s')
}

/// Whether a speaker phrase can be a speaker at all: not a date, a number
/// or a sentence opener ("Tuesday", "2010", "After").
pub fn plausible(doc: &Doc, sp: &Speaker) -> bool {
    let head = sp
        .written
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let first = sp.written.chars().next();
    let single = !sp.written.contains(' ');
    // "WASHINGTON —" is a dateline; "NAACP" may speak.
    let shouting = sp.name.is_some()
        && sp
            .written
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && sp.written.split_whitespace().any(|w| w.chars().count() > 5);
    // "Reacting to the ruling, ...", "Already, ...": a sentence-opening
    // participle or adverb is no speaker.
    let opener = single
        && sp.pronoun.is_none()
        && doc.len() > sp.token
        && doc.sent_tokens[doc.sentence(sp.token)].0 == sp.token
        && (head.ends_with("ing") || head.ends_with("ed") || head.ends_with("ly"))
        && crate::analysis::coref::given_gender(&head).is_none();
    // "“Okay,” I said": a first-person narrator.
    if sp.written == "I" && sp.name.is_none() {
        return doc.len() > sp.token;
    }
    first.is_some_and(char::is_alphabetic)
        && !shouting
        && !opener
        && !(single
            && sp.pronoun.is_none()
            && (lexicon::is_date_word(&head)
                || (lexicon::is_capital_stop(&head) && !lexicon::is_group_noun(&head))))
        && doc.len() > sp.token
}

/// `He cited the delays as "Q"`, `She wants the council "Q"`: no cue, but
/// the quote sits inside a sentence whose subject is a person (a pronoun
/// or a name) followed by its verb; that person is the likeliest source.
pub fn sentence_subject_speaker(doc: &Doc, open_tok: usize) -> Option<Found> {
    let lo = doc.sent_tokens[doc.sentence(open_tok)].0;
    if open_tok <= lo + 1 || (lo..open_tok).any(|k| doc.quoted[k].is_some()) {
        return None;
    }
    let sp = sentence_subject(doc, lo, open_tok)?;
    let b = sp.token;
    let verb = b + 1;
    let person = is_person(doc, &sp);
    let verb_ok = verb < open_tok
        && doc.is_word(verb)
        && !doc.cap(verb)
        && !matches!(
            doc.lw(verb),
            "of" | "and" | "or" | "who" | "which" | "that" | "to" | "in" | "for"
        );
    (person && verb_ok && plausible(doc, &sp))
        .then(|| found(doc.phrase(verb, verb), sp, Rule::SentenceSubject))
}

/// Whether the one-word name at token `b` is capitalised elsewhere in
/// the document where no sentence starts ("Tomas Perez", "said Perez"), so
/// it is a name, not a capitalised opener ("Thirteen", "Guns").
fn name_elsewhere(doc: &Doc, b: usize) -> bool {
    let w = doc.lw(b);
    (1..doc.len()).any(|i| {
        i != b && doc.is_word(i) && doc.cap(i) && doc.lw(i) == w && doc.sent_tokens[doc.sentence(i)].0 != i
    })
}

fn found(cue: String, speaker: Speaker, rule: Rule) -> Found {
    Found { speaker, cue, rule }
}

/// Whether cue `k` is a passive participle: `was asked`, `were told`,
/// `has been asked`, `is often told`.
fn passive(doc: &Doc, k: usize, lo: usize) -> bool {
    let mut e = k;
    while e > lo && doc.is_word(e - 1) && !doc.cap(e - 1) {
        e -= 1;
        let w = doc.lw(e);
        if matches!(
            w,
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "get" | "got"
        ) {
            return true;
        }
        if !lexicon::is_verb_filler(w) {
            return false;
        }
    }
    false
}

/// Whether a phrase found before a cue names no one: lowercase with no
/// name, opened by a preposition ("at last", "of his heritage") or ended by
/// a word that is no noun ("Trump for raising", "a snappy", "what some").
fn junk_subject(doc: &Doc, sp: &Speaker) -> bool {
    if sp.name.is_some() || sp.pronoun.is_some() || sp.written == "I" {
        return false;
    }
    let first = doc.token_at(sp.start);
    let last = sp.token;
    if first >= doc.len() || last >= doc.len() || first > last {
        return false;
    }
    let head = doc.lw(last);
    let preposition = !doc.cap(first)
        && matches!(
            doc.lw(first),
            "at" | "of" | "in" | "on" | "for" | "from" | "by" | "with" | "under" | "about" | "into"
        );
    let time = matches!(head, "night" | "morning" | "afternoon" | "evening" | "weekend")
        && (first..last).any(|i| lexicon::is_date_word(doc.lw(i)));
    // "Trump for raising": a gerund after a preposition ("Cruz's
    // thinking" and "a briefing" are nouns).
    let gerund = head.ends_with("ing")
        && last > first
        && doc.is_word(last - 1)
        && matches!(
            doc.lw(last - 1),
            "for" | "by" | "of" | "about" | "after" | "before" | "being" | "be"
        );
    let not_a_noun = !doc.cap(last)
        && (gerund || lexicon::is_verb_filler(head) || matches!(head, "today" | "last" | "only"));
    preposition || time || not_a_noun
}

/// The sentence's subject before token `k`, when it is a person: `he` or
/// `she`, or a name written in full, with a role or elsewhere.
fn person_subject(doc: &Doc, lo: usize, k: usize) -> Option<Speaker> {
    let sp = sentence_subject(doc, lo, k)?;
    (is_person(doc, &sp) && sp.token < k && plausible(doc, &sp)).then_some(sp)
}

/// `he` or `she`, or a name written in full, with a role or elsewhere in
/// the article.
fn is_person(doc: &Doc, sp: &Speaker) -> bool {
    matches!(
        sp.pronoun,
        Some(super::names::Pronoun::He | super::names::Pronoun::She)
    ) || sp
        .name
        .as_deref()
        .is_some_and(|n| n.contains(' ') || sp.role.is_some() || name_elsewhere(doc, sp.token))
}
