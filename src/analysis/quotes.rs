//! Quotes with kinds and attributions: patterns first, then pronouns and
//! aliases resolved, then floating quotes inherit the previous speaker.

use super::attribution::{self, Found};
use super::coref::People;
use super::doc::Doc;
use super::indirect;
use super::lexicon;
use super::model::{Attribution, Quote, QuoteKind};
use super::names::Pronoun;
use super::spans::Span;

/// How many sentences back a floating quote may find its speaker.
const FLOAT_SENTENCES: usize = 2;

/// Every quote and reported statement of the document, in order.
pub fn quotes(doc: &Doc) -> Vec<Quote> {
    let people = People::new(doc);
    let mut out: Vec<(usize, Quote)> = Vec::with_capacity(doc.spans.len());
    let mut quoted_sentences = vec![false; doc.sentences.len()];
    let mut according = AccordingCache::default();
    for span in doc.spans {
        let open_tok = doc.token_at(span.open);
        let last_tok = last_token(doc, span, open_tok);
        quoted_sentences[doc.sentence(open_tok)..=doc.sentence(last_tok)].fill(true);
        let lo = doc.sent_tokens[doc.sentence(open_tok)].0;
        let comma_close = span
            .close
            .is_some_and(|c| doc.text.chars[c - 1] == ',' || doc.text.chars.get(c + 1) == Some(&','));
        let inside = open_tok > lo
            && !doc.is(open_tok - 1, ':')
            && doc.text.chars[span.start].is_lowercase()
            && !comma_close;
        let after = || span.close.and_then(|_| attribution::after_quote(doc, last_tok));
        let before = || attribution::before_quote(doc, open_tok);
        let found = if inside {
            before().or_else(after)
        } else {
            after().or_else(before)
        };
        let found = found
            .or_else(|| attribution::later_in_sentence(doc, last_tok))
            .or_else(|| according.get(doc, doc.sentence(open_tok)));
        let kind = kind(doc, span, open_tok, last_tok, found.is_some());
        let attribution = match kind {
            QuoteKind::Scare => None,
            _ => found.map(|f| resolve(doc, &people, f)),
        };
        let quote = Quote {
            text: span.text(doc.text),
            kind,
            start: span.start,
            end: span.end,
            paragraph: span.paragraph,
            attribution,
        };
        out.push((doc.sentence(last_tok), quote));
    }
    for (s, &quoted) in quoted_sentences.iter().enumerate() {
        if quoted {
            continue;
        }
        if let Some(r) = indirect::in_sentence(doc, s) {
            let (start, end) = (doc.tok(r.first).start, doc.tok(r.last).end);
            let quote = Quote {
                text: doc.text.slice(start, end),
                kind: QuoteKind::Indirect,
                start,
                end,
                paragraph: doc.tok(r.first).paragraph,
                attribution: Some(resolve(doc, &people, r.found)),
            };
            out.push((s, quote));
        }
    }
    out.sort_by_key(|(_, q)| q.start);
    inherit_floating(doc, &mut out);
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
            && (lo..open_tok).any(|k| doc.is_word(k) && !doc.cap(k) && lexicon::cue_verb(&doc.lw(k)))
            && !(lo..open_tok).any(|k| &*doc.lw(k) == "that"));
    if starts && capital {
        QuoteKind::Direct
    } else if words <= 3 && !attributed {
        QuoteKind::Scare
    } else {
        QuoteKind::Partial
    }
}

fn resolve(doc: &Doc, people: &People, f: Found) -> Attribution {
    let sp = f.speaker;
    let mut confidence = f.confidence;
    let mut evidence = f.evidence.to_owned();
    let name = match sp.pronoun {
        Some(Pronoun::They) => {
            confidence *= 0.6;
            evidence.push_str("; \"they\" left unresolved");
            None
        }
        Some(p) => match people.resolve(doc, sp.token, p) {
            Some(m) => {
                confidence *= 0.85;
                evidence.push_str("; pronoun resolved to the nearest earlier person");
                people
                    .full_name(&m.name, m.token)
                    .or_else(|| Some(m.name.clone()))
            }
            None => {
                confidence *= 0.5;
                evidence.push_str("; pronoun unresolved");
                None
            }
        },
        None => sp
            .name
            .as_deref()
            .map(|n| people.full_name(n, sp.token).unwrap_or_else(|| n.to_owned())),
    };
    Attribution {
        speaker: sp.written,
        name,
        role: sp.role,
        cue: Some(f.cue),
        confidence: (confidence * 100.0).round() / 100.0,
        evidence,
    }
}

/// A direct quote with no cue right after an attributed sentence inherits
/// that speaker.
fn inherit_floating(doc: &Doc, quotes: &mut [(usize, Quote)]) {
    let mut last: Option<(usize, usize, Attribution)> = None;
    for (sentence, q) in quotes.iter_mut() {
        if q.attribution.is_none()
            && q.kind == QuoteKind::Direct
            && let Some((s, p, a)) = &last
            && *sentence <= s + FLOAT_SENTENCES + sentences_in(doc, q)
            && q.paragraph <= p + 1
        {
            let mut a = a.clone();
            a.confidence = (a.confidence * 0.75 * 100.0).round() / 100.0;
            a.evidence = format!("floating quote: inherits the previous speaker ({})", a.evidence);
            q.attribution = Some(a);
        }
        if let Some(a) = &q.attribution {
            last = Some((*sentence, q.paragraph, a.clone()));
        }
    }
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
