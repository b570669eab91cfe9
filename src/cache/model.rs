//! Encoding of the models the cache keeps: articles, diagnostics and
//! analyses. Every enum is written as a small number through an exhaustive
//! `match`, so a new variant cannot be forgotten here.

use std::path::PathBuf;

use super::codec::{Corrupt, Reader, Result, Writer};
use crate::analysis::{
    Analysis, Attribution, Evidence, Name, Quote, QuoteKind, QuoteText, Rule, Sentence, Step,
};
use crate::corpus::{Article, Diagnostic, Extra, Format, Kind, Published, Severity, When, WordCount};

/// An article whole: its metadata, then its text.
#[cfg(test)]
pub fn put_article(w: &mut Writer, a: &Article) {
    put_meta(w, a);
    put_text(w, a);
}

/// An article whole, as [`put_article`] wrote it.
#[cfg(test)]
pub fn get_article(r: &mut Reader) -> Result<Article> {
    let mut article = get_meta(r)?;
    get_text(r, &mut article)?;
    Ok(article)
}

/// What the library's rows need of an article (id, path, format, title,
/// outlet, date and word count): the cache keeps these in blocks of their
/// own, before the text, so a warm open shows the library from them alone
/// (the rest of the metadata comes with the text, [`put_text`]).
pub fn put_meta(w: &mut Writer, a: &Article) {
    w.str(&a.id);
    w.str(&a.path.to_string_lossy());
    w.u8(a.format.map_or(0, |f| format_code(f) + 1));
    w.opt_str(a.title.as_deref());
    w.opt_str(a.source.as_deref());
    match &a.published {
        Some(p) => {
            w.u8(1);
            w.str(&p.raw);
            w.opt_str(p.iso.as_deref());
        }
        None => w.u8(0),
    }
    w.usize(a.word_count());
}

/// An article as the library shows it (no text, no authors, categories,
/// url or extra fields), as [`put_meta`] wrote it.
pub fn get_meta(r: &mut Reader) -> Result<Article> {
    let id = r.string()?;
    let path = PathBuf::from(r.str()?);
    let format = match r.u8()? {
        0 => None,
        n => Some(format_from(n - 1)?),
    };
    let (title, source) = (r.opt_string()?, r.opt_string()?);
    let published = match r.u8()? {
        0 => None,
        1 => {
            let raw = r.string()?;
            let iso = r.opt_string()?;
            let when = iso.as_deref().and_then(When::from_iso);
            Some(Box::new(Published { raw, iso, when }))
        }
        _ => return Err(Corrupt("bad date tag")),
    };
    Ok(Article {
        id,
        path,
        format,
        title,
        source,
        published,
        words: WordCount::known(r.usize()?),
        ..Article::default()
    })
}

/// The rest of an article: its authors, categories, url and extra fields,
/// then its text (its paragraphs).
pub fn put_text(w: &mut Writer, a: &Article) {
    w.strs(&a.authors);
    w.strs(&a.categories);
    w.opt_str(a.url.as_deref());
    w.usize(a.extra.len());
    for (k, v) in a.extra.iter() {
        w.str(k);
        w.str(v);
    }
    w.usize(a.paragraph_count());
    for p in a.paragraphs() {
        w.str(p);
    }
}

/// What [`put_text`] wrote, set in `article` (its word count, from the
/// metadata, is kept).
pub fn get_text(r: &mut Reader, article: &mut Article) -> Result<()> {
    let (authors, categories, url) = (r.strings()?, r.strings()?, r.opt_string()?);
    let n = r.count(2)?;
    let mut pairs = Vec::with_capacity(n);
    for _ in 0..n {
        pairs.push((r.string()?, r.string()?));
    }
    article.extra = pairs.into_iter().collect::<Extra>();
    (article.authors, article.categories, article.url) = (authors, categories, url);
    let n = r.count(1)?;
    let mut paragraphs = Vec::with_capacity(n);
    for _ in 0..n {
        paragraphs.push(r.str()?);
    }
    let words = std::mem::take(&mut article.words);
    article.set_paragraph_strs(&paragraphs);
    article.words = words;
    Ok(())
}

fn format_code(f: Format) -> u8 {
    match f {
        Format::Header => 0,
        Format::Reference => 1,
        Format::Headline => 2,
        Format::Plain => 3,
        Format::Json => 4,
        Format::Jsonl => 5,
        Format::Markdown => 6,
        Format::Html => 7,
        Format::Rss => 8,
        Format::Atom => 9,
        Format::Newsboat => 10,
    }
}

const FORMATS: [Format; 11] = [
    Format::Header,
    Format::Reference,
    Format::Headline,
    Format::Plain,
    Format::Json,
    Format::Jsonl,
    Format::Markdown,
    Format::Html,
    Format::Rss,
    Format::Atom,
    Format::Newsboat,
];

fn format_from(n: u8) -> Result<Format> {
    FORMATS.get(usize::from(n)).copied().ok_or(Corrupt("bad format"))
}

pub fn put_diagnostic(w: &mut Writer, d: &Diagnostic) {
    w.str(&d.location);
    w.str(&d.path.to_string_lossy());
    w.u8(u8::from(d.is_error()));
    let kind = Kind::ALL
        .iter()
        .position(|k| *k == d.kind)
        .unwrap_or(Kind::ALL.len() - 1);
    w.usize(kind);
    w.str(&d.message);
}

pub fn get_diagnostic(r: &mut Reader) -> Result<Diagnostic> {
    let location = r.string()?;
    let path = PathBuf::from(r.str()?);
    let severity = if r.bool()? {
        Severity::Error
    } else {
        Severity::Warning
    };
    let kind = *Kind::ALL.get(r.usize()?).ok_or(Corrupt("bad kind"))?;
    let message = r.string()?;
    Ok(Diagnostic {
        location,
        path,
        severity,
        kind,
        message,
    })
}

pub fn put_analysis(w: &mut Writer, a: &Analysis) {
    w.usize(a.sentences.len());
    for s in &a.sentences {
        w.usize(s.start());
        w.usize(s.end().saturating_sub(s.start()));
        w.usize(s.paragraph());
    }
    w.usize(a.quotes.len());
    for q in &a.quotes {
        // The words: a byte range of the body, or the words themselves
        // when the body does not hold them in one piece.
        match (q.text.own(), q.text.bytes()) {
            (Some(own), _) => {
                w.u8(1);
                w.str(own);
            }
            (None, bytes) => {
                let (start, end) = bytes.unwrap_or_default();
                w.u8(0);
                w.usize(start);
                w.usize(end.saturating_sub(start));
            }
        }
        w.u8(kind_code(q.kind));
        w.usize(q.start);
        w.usize(q.end.saturating_sub(q.start));
        w.u64(u64::from(q.paragraph));
        match &q.attribution {
            None => w.u8(0),
            Some(at) => {
                w.u8(1);
                w.str(&at.speaker);
                w.opt_str(at.name.as_deref());
                w.opt_str(at.role.as_deref());
                w.opt_str(at.cue.as_deref());
                w.f32(at.confidence);
                w.u8(rule_code(at.evidence.rule));
                w.usize(at.evidence.steps.len());
                for s in at.evidence.steps.iter() {
                    w.u8(step_code(s));
                }
            }
        }
    }
}

pub fn get_analysis(r: &mut Reader) -> Result<Analysis> {
    let n = r.count(3)?;
    let mut sentences = Vec::with_capacity(n);
    for _ in 0..n {
        let start = r.usize()?;
        let end = start.checked_add(r.usize()?).ok_or(Corrupt("bad span"))?;
        let paragraph = r.usize()?;
        sentences.push(Sentence::new(start, end, paragraph));
    }
    let n = r.count(6)?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let text = match r.u8()? {
            0 => {
                let start = r.usize()?;
                let end = start.checked_add(r.usize()?).ok_or(Corrupt("bad span"))?;
                QuoteText::in_body(start, end)
            }
            1 => QuoteText::owned(r.string()?),
            _ => return Err(Corrupt("bad quote text tag")),
        };
        let kind = *KINDS.get(usize::from(r.u8()?)).ok_or(Corrupt("bad quote kind"))?;
        let start = r.usize()?;
        let end = start.checked_add(r.usize()?).ok_or(Corrupt("bad span"))?;
        let paragraph = u32::try_from(r.u64()?).map_err(|_| Corrupt("bad paragraph"))?;
        let attribution = match r.u8()? {
            0 => None,
            1 => Some(get_attribution(r)?),
            _ => return Err(Corrupt("bad attribution tag")),
        };
        quotes.push(Quote {
            text,
            kind,
            start,
            end,
            paragraph,
            attribution,
        });
    }
    Ok(Analysis { sentences, quotes })
}

fn get_attribution(r: &mut Reader) -> Result<Attribution> {
    // Interned as they are read: a warm open shares one copy of each
    // string, as the analysis does.
    let speaker = Name::new(r.str()?);
    let (name, role, cue) = (opt_name(r)?, opt_name(r)?, opt_name(r)?);
    let confidence = r.f32()?;
    let rule = *RULES.get(usize::from(r.u8()?)).ok_or(Corrupt("bad rule"))?;
    let n = r.count(1)?;
    let mut evidence = Evidence::new(rule);
    for _ in 0..n {
        let step = *STEPS.get(usize::from(r.u8()?)).ok_or(Corrupt("bad step"))?;
        if !evidence.steps.can_push(step) {
            return Err(Corrupt("bad steps"));
        }
        evidence = evidence.with(step);
    }
    Ok(Attribution {
        speaker,
        name,
        role,
        cue,
        confidence,
        evidence,
    })
}

fn opt_name(r: &mut Reader) -> Result<Option<Name>> {
    match r.u8()? {
        0 => Ok(None),
        1 => r.str().map(|s| Some(Name::new(s))),
        _ => Err(Corrupt("bad option tag")),
    }
}

const KINDS: [QuoteKind; 4] = [
    QuoteKind::Direct,
    QuoteKind::Partial,
    QuoteKind::Scare,
    QuoteKind::Indirect,
];

fn kind_code(k: QuoteKind) -> u8 {
    match k {
        QuoteKind::Direct => 0,
        QuoteKind::Partial => 1,
        QuoteKind::Scare => 2,
        QuoteKind::Indirect => 3,
    }
}

const STEPS: [Step; 4] = [
    Step::TheyUnresolved,
    Step::PronounResolved,
    Step::PronounUnresolved,
    Step::Floating,
];

fn step_code(s: Step) -> u8 {
    match s {
        Step::TheyUnresolved => 0,
        Step::PronounResolved => 1,
        Step::PronounUnresolved => 2,
        Step::Floating => 3,
    }
}

const RULES: [Rule; 26] = [
    Rule::QuoteCueSpeaker,
    Rule::QuoteSpeakerCue,
    Rule::QuoteAccordingTo,
    Rule::BetweenQuotes,
    Rule::CueBeforeNear,
    Rule::CueBeforeFar,
    Rule::DashSpeaker,
    Rule::AccordingToQuote,
    Rule::PossessiveCueNoun,
    Rule::CueColonSentenceBefore,
    Rule::ColonIntro,
    Rule::ColonSentenceBefore,
    Rule::LaterSpeakerCue,
    Rule::LaterCueSpeaker,
    Rule::LaterAccordingTo,
    Rule::AccordingInSentence,
    Rule::ReportedAccordingFirst,
    Rule::ReportedAccordingAfter,
    Rule::ReportedCueSpeaker,
    Rule::ReportedSpeakerCue,
    Rule::ReportedSpeakerCueMid,
    Rule::ReportedCueThat,
    Rule::ReportedCueClause,
    Rule::ReportedUrged,
    Rule::CueBeforeOuter,
    Rule::SentenceSubject,
];

fn rule_code(r: Rule) -> u8 {
    match r {
        Rule::QuoteCueSpeaker => 0,
        Rule::QuoteSpeakerCue => 1,
        Rule::QuoteAccordingTo => 2,
        Rule::BetweenQuotes => 3,
        Rule::CueBeforeNear => 4,
        Rule::CueBeforeFar => 5,
        Rule::DashSpeaker => 6,
        Rule::AccordingToQuote => 7,
        Rule::PossessiveCueNoun => 8,
        Rule::CueColonSentenceBefore => 9,
        Rule::ColonIntro => 10,
        Rule::ColonSentenceBefore => 11,
        Rule::LaterSpeakerCue => 12,
        Rule::LaterCueSpeaker => 13,
        Rule::LaterAccordingTo => 14,
        Rule::AccordingInSentence => 15,
        Rule::ReportedAccordingFirst => 16,
        Rule::ReportedAccordingAfter => 17,
        Rule::ReportedCueSpeaker => 18,
        Rule::ReportedSpeakerCue => 19,
        Rule::ReportedSpeakerCueMid => 20,
        Rule::ReportedCueThat => 21,
        Rule::ReportedCueClause => 22,
        Rule::ReportedUrged => 23,
        Rule::CueBeforeOuter => 24,
        Rule::SentenceSubject => 25,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_variant() {
        for (i, f) in FORMATS.iter().enumerate() {
            assert_eq!(usize::from(format_code(*f)), i);
        }
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(usize::from(rule_code(*r)), i);
        }
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(usize::from(step_code(*s)), i);
        }
        for (i, k) in KINDS.iter().enumerate() {
            assert_eq!(usize::from(kind_code(*k)), i);
        }
    }

    #[test]
    fn quotes_read_back_compact_with_their_words() {
        // One quote's words in the body, one's owned (reopening marks left
        // out); the names come back as the interned copies.
        let body = "“The first point matters.\n\n“The second point matters more,” Ines Kraal said. \
                    Kraal said “the third” was late.";
        let analysis = crate::analysis::analyze_text(body);
        assert!(analysis.quotes.iter().any(|q| q.text.own().is_some()));
        assert!(analysis.quotes.iter().any(|q| q.text.own().is_none()));
        let mut w = Writer::default();
        put_analysis(&mut w, &analysis);
        let back = get_analysis(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back, analysis);
        for (b, a) in back.quotes.iter().zip(&analysis.quotes) {
            assert_eq!(b.text(body), a.text(body));
            let (ba, aa) = (b.attribution.as_ref().unwrap(), a.attribution.as_ref().unwrap());
            assert!(ba.speaker.same(&aa.speaker), "{ba:?}");
        }
        assert_eq!(
            analysis.quotes[0].text(body),
            "The first point matters.\n\nThe second point matters more"
        );
    }

    #[test]
    fn demo_articles_and_analyses_round_trip() {
        let corpus = crate::corpus::demo_corpus();
        for a in &corpus.articles {
            let analysis = crate::analysis::analyze(a);
            let mut w = Writer::default();
            put_article(&mut w, a);
            put_analysis(&mut w, &analysis);
            let mut r = Reader::new(&w.bytes);
            assert_eq!(&get_article(&mut r).unwrap(), a);
            assert_eq!(get_analysis(&mut r).unwrap(), analysis);
            assert!(r.is_empty());
            // Every cut is an error, never a panic.
            for cut in (0..w.bytes.len()).step_by(7) {
                let mut r = Reader::new(&w.bytes[..cut]);
                assert!(get_article(&mut r).and_then(|_| get_analysis(&mut r)).is_err());
            }
        }
    }
}
