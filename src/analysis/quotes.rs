//! Quotes with kinds and attributions: patterns first, then pronouns and
//! aliases resolved, then floating quotes inherit the previous speaker.

use super::attribution::{self, Found};
use super::coref::People;
use super::doc::{CUE, Doc};
use super::evidence::{Evidence, Step};
use super::indirect;
use super::lexicon;
use super::model::{Attribution, Quote, QuoteKind, QuoteText};
use super::names::Pronoun;
use super::spans::Span;

/// How many sentences back a floating quote may find its speaker.
const FLOAT_SENTENCES: usize = 2;

/// Every quote and reported statement of the document, in order.
pub fn quotes(doc: &Doc) -> Vec<Quote> {
    let people = People::new(doc);
    let mut out: Vec<(usize, Quote)> = Vec::with_capacity(doc.spans.len());
    let mut no_inherit = Vec::new();
    let mut according = AccordingCache::default();
    for span in doc.spans {
        // Only white space between two marks is no quote (a file of lone
        // `"` lines once gave hundreds of thousands).
        if span.is_blank(doc.text) {
            continue;
        }
        let open_tok = doc.token_at(span.open);
        let last_tok = last_token(doc, span, open_tok);
        let lo = doc.sent_tokens[doc.sentence(open_tok)].0;
        let comma_close = span
            .close
            .is_some_and(|c| doc.text.chars[c - 1] == ',' || doc.text.chars.get(c + 1) == Some(&','));
        let inside = open_tok > lo
            && !doc.is(open_tok - 1, ':')
            && doc.text.chars[span.start].is_lowercase()
            && !comma_close;
        let ok = |f: Option<Found>| f.filter(|f| f.speaker.object || attribution::plausible(doc, &f.speaker));
        let after = || ok(span.close.and_then(|_| attribution::after_quote(doc, last_tok)));
        let before = || ok(attribution::before_quote(doc, open_tok));
        let found = if inside {
            before().or_else(after)
        } else {
            after().or_else(before)
        };
        let found = found
            .or_else(|| ok(attribution::colon_intro(doc, open_tok)))
            .or_else(|| ok(attribution::later_in_sentence(doc, last_tok)))
            .or_else(|| ok(according.get(doc, doc.sentence(open_tok))));
        let kind = kind(doc, span, open_tok, last_tok, found.is_some());
        let cue_without_speaker = found.as_ref().is_some_and(|f| f.speaker.object);
        // A cue whose only subject is an object ("at the hotel called it
        // ..."): speech, but no speaker, and none inherited.
        let found = found.filter(|f| !f.speaker.object);
        if found.is_none() && kind != QuoteKind::Scare && cue_without_speaker {
            no_inherit.push(span.start);
        }
        // No cue at all: the sentence's subject, when it is a person.
        let found = match (&found, kind) {
            (None, QuoteKind::Partial | QuoteKind::Direct) if !cue_without_speaker => {
                attribution::sentence_subject_speaker(doc, open_tok)
            }
            _ => found,
        };
        let attribution = match kind {
            QuoteKind::Scare => None,
            _ => found.map(|f| resolve(doc, &people, f)),
        };
        let quote = Quote {
            text: span.quote_text(doc.text),
            kind,
            start: span.start,
            end: span.end,
            paragraph: span.paragraph.try_into().unwrap_or(u32::MAX),
            attribution,
        };
        out.push((doc.sentence(last_tok), quote));
    }
    let mut reported = Vec::new();
    for s in 0..doc.sentences.len() {
        reported.clear();
        indirect::in_sentence(doc, s, &mut reported);
        for r in reported.drain(..) {
            let (start, end) = (doc.tok(r.first).start, doc.tok(r.last).end);
            let quote = Quote {
                text: QuoteText::default(),
                kind: QuoteKind::Indirect,
                start,
                end,
                paragraph: doc.tok(r.first).paragraph.try_into().unwrap_or(u32::MAX),
                attribution: Some(resolve(doc, &people, r.found)),
            };
            out.push((s, quote));
        }
    }
    out.sort_by_key(|(_, q)| q.start);
    inherit_floating(doc, &mut out, &no_inherit);
    out.into_iter().map(|(_, q)| q).collect()
}

/// `according to S` of the last sentence asked about: a sentence holding
/// many quotes is scanned once, not once per quote.
#[derive(Default)]
struct AccordingCache(Option<(usize, Option<Found>)>);

impl AccordingCache {
    fn get(&mut self, doc: &Doc, sentence: usize) -> Option<Found> {
        match &self.0 {
            Some((s, found)) if *s == sentence => found.clone(),
            _ => {
                let found = attribution::according_in_sentence(doc, sentence);
                self.0 = Some((sentence, found.clone()));
                found
            }
        }
    }
}

fn last_token(doc: &Doc, span: &Span, open_tok: usize) -> usize {
    let at = span.close.unwrap_or(span.end.saturating_sub(1));
    doc.token_at(at).min(doc.len().saturating_sub(1)).max(open_tok)
}

/// Direct: a statement that starts its sentence (or follows `S said:`);
/// scare: one to three words with no speaker; else partial.
fn kind(doc: &Doc, span: &Span, open_tok: usize, last_tok: usize, attributed: bool) -> QuoteKind {
    let words = (open_tok..=last_tok).filter(|&k| doc.is_word(k)).count();
    let lo = doc.sent_tokens[doc.sentence(open_tok)].0;
    let first_char = doc.text.chars[span.start];
    let capital = !first_char.is_lowercase();
    let starts = open_tok == lo
        || (open_tok > lo && doc.is(open_tok - 1, ':'))
        || (open_tok > lo + 1
            && open_tok - lo <= 8
            && (doc.is(open_tok - 1, ',') || doc.is_word(open_tok - 1))
            && (lo..open_tok).any(|k| doc.is_word(k) && !doc.cap(k) && lexicon::cue_verb(doc.lw(k)))
            && !(lo..open_tok).any(|k| doc.lw(k) == "that"));
    let title_case = words <= 8
        && open_tok > lo
        && (open_tok..=last_tok).filter(|&k| doc.is_word(k)).all(|k| {
            doc.cap(k)
                || matches!(
                    doc.lw(k),
                    "of" | "the" | "a" | "an" | "and" | "to" | "in" | "on" | "for" | "at"
                )
        });
    let so_called = open_tok > lo
        && matches!(
            doc.lw(open_tok - 1),
            "so-called" | "dubbed" | "termed" | "quote-unquote"
        );
    if (title_case && !attributed) || (so_called && words <= 3) {
        // "The Apprentice", "Make Your Kid a Millionaire": a title, not speech.
        QuoteKind::Scare
    } else if starts && capital {
        QuoteKind::Direct
    } else if words <= 3 && !attributed {
        QuoteKind::Scare
    } else {
        QuoteKind::Partial
    }
}

fn resolve(doc: &Doc, people: &People<'_>, f: Found) -> Attribution {
    let sp = f.speaker;
    let mut evidence = Evidence::new(f.rule);
    let name = match sp.pronoun {
        Some(Pronoun::They) => {
            evidence = evidence.with(Step::TheyUnresolved);
            None
        }
        Some(p) => match people.resolve(doc, sp.token, p) {
            Some(m) => {
                evidence = evidence.with(Step::PronounResolved);
                let name = m.name(doc);
                people.full_name(&name, m.token).or(Some(name))
            }
            None => {
                evidence = evidence.with(Step::PronounUnresolved);
                None
            }
        },
        None => sp
            .name
            .as_deref()
            .map(|n| people.full_name(n, sp.token).unwrap_or_else(|| n.to_owned())),
    };
    // "Mayor Ilse Marrow ... she said": the title the person was introduced with.
    let title = name.as_deref().and_then(|n| people.title(doc, n));
    let role = match (sp.role, title) {
        (Some(r), Some(t)) if !r.contains(t.as_str()) => Some(format!("{t}; {r}")),
        (r, t) => r.or(t),
    };
    Attribution {
        speaker: sp.written.into(),
        name: name.map(Into::into),
        role: role.map(Into::into),
        cue: Some(f.cue.into()),
        confidence: evidence.confidence(),
        evidence,
    }
}

/// A direct quote with no cue right after an attributed sentence inherits
/// that speaker.
fn inherit_floating(doc: &Doc, quotes: &mut [(usize, Quote)], no_inherit: &[usize]) {
    // The last attributed quote: its sentence, paragraph and index.
    let mut last: Option<(usize, u32, usize)> = None;
    for i in 0..quotes.len() {
        let (sentence, q) = &quotes[i];
        if q.attribution.is_none()
            && q.kind == QuoteKind::Direct
            && !no_inherit.contains(&q.start)
            && let Some((s, p, j)) = last
            && *sentence <= s + FLOAT_SENTENCES + sentences_in(doc, q)
            && q.paragraph <= p + 1
            && !cue_after(doc, q)
            && let Some(a) = &quotes[j].1.attribution
        {
            let mut a = a.clone();
            a.evidence = a.evidence.with(Step::Floating);
            a.confidence = a.evidence.confidence();
            quotes[i].1.attribution = Some(a);
        }
        let (sentence, q) = &quotes[i];
        if q.attribution.is_some() {
            last = Some((*sentence, q.paragraph, i));
        }
    }
}

/// Whether a cue verb follows the quote in its sentence (`"Q," the
/// letter reads`): the quote has a speaker we did not find, so it does not
/// inherit the previous one.
fn cue_after(doc: &Doc, q: &Quote) -> bool {
    let k = doc.token_at(q.end);
    if k >= doc.len() {
        return false;
    }
    // A quote left open at the end of its paragraph (the next paragraph
    // goes on with the speech) ends before the next paragraph's words,
    // whose cue is their own.
    if k > 0 && doc.tok(k).paragraph != doc.tok(k - 1).paragraph {
        return false;
    }
    let hi = doc.sent_tokens[doc.sentence(k)].1;
    // A cue after the next quote is that quote's (`"Q1 ... "Q2," S said`,
    // Q1 left open).
    let own = doc.quoted[doc.token_at(q.start).min(k)];
    (k..hi)
        .take_while(|&i| doc.quoted[i].is_none() || doc.quoted[i] == own)
        .any(|i| doc.quoted[i].is_none() && doc.flag(i, CUE))
}

/// Sentences a quote spans beyond its first.
fn sentences_in(doc: &Doc, q: &Quote) -> usize {
    let a = doc.sentence(doc.token_at(q.start).min(doc.len().saturating_sub(1)));
    let b = doc.sentence(
        doc.token_at(q.end.saturating_sub(1))
            .min(doc.len().saturating_sub(1)),
    );
    b.saturating_sub(a)
}
