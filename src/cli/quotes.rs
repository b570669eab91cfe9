//! `parallax quotes`: every quote of a corpus with its speaker.

use std::io::Write;

use serde::Serialize;

use crate::analysis::{Quote, QuoteKind};
use crate::corpus::{Article, Corpus};
use crate::escape::{self, line};
use crate::index::SpeakerIndex;

/// One row of `quotes --json`. Field names are a user contract.
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub kind: QuoteKind,
    pub speaker: Option<&'a str>,
    pub speaker_name: Option<&'a str>,
    pub role: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub confidence: Option<f32>,
    /// The speaker's canonical name across the corpus (one identity per
    /// person: "Trump" in one article and "Donald Trump" in another are
    /// one), when the speaker is resolved.
    pub canonical_name: Option<&'a str>,
    /// `person`, `group`, `organisation`, `outlet` or `document`, for a
    /// resolved speaker.
    pub speaker_kind: Option<&'static str>,
}

impl<'a> QuoteRow<'a> {
    pub fn of(article: &'a Article, q: &'a Quote) -> Self {
        let a = q.attribution.as_ref();
        QuoteRow {
            article: &article.id,
            text: q.text(&article.body),
            kind: q.kind,
            speaker: a.map(|a| a.speaker.as_str()),
            speaker_name: a.and_then(|a| a.name.as_deref()),
            role: a.and_then(|a| a.role.as_deref()),
            cue: a.and_then(|a| a.cue.as_deref()),
            paragraph: q.paragraph as usize,
            start: q.start,
            end: q.end,
            confidence: a.map(|a| a.confidence),
            canonical_name: None,
            speaker_kind: None,
        }
    }

    /// The row with the speaker's corpus-wide identity from `index`.
    fn resolved(mut self, index: &'a SpeakerIndex, a: usize, q: usize) -> Self {
        if let Some(entry) = index.speaker(a, q).and_then(|id| index.speakers.get(id)) {
            self.canonical_name = Some(&entry.name);
            self.speaker_kind = Some(entry.speaker_kind);
        }
        self
    }
}

/// Prints the quotes of `corpus`; in the table, quotes are cut to `clip`
/// characters when given (on a terminal), whole otherwise (piped).
pub fn quotes(
    corpus: &Corpus,
    speaker: Option<&str>,
    json: bool,
    clip_at: Option<usize>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    // The speakers index resolves names and aliases to one speaker, as the
    // TUI's speakers screen does.
    let index = SpeakerIndex::build(corpus);
    let wanted = speaker.map(|name| index.find(name));
    let rows: Vec<QuoteRow> = corpus
        .articles
        .iter()
        .zip(&index.analyses)
        .enumerate()
        .flat_map(|(a, (article, analysis))| {
            analysis
                .quotes
                .iter()
                .enumerate()
                .map(move |(q, quote)| (a, q, article, quote))
        })
        .filter(|&(a, q, _, _)| {
            wanted
                .as_ref()
                .is_none_or(|ids| index.speaker(a, q).is_some_and(|id| ids.contains(&id)))
        })
        .map(|(a, qi, article, q)| QuoteRow::of(article, q).resolved(&index, a, qi))
        .collect();
    if json {
        crate::escape::write_json(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let who_width = rows
        .iter()
        .map(|r| line(&who(r)).chars().count())
        .max()
        .unwrap_or(7)
        .clamp(7, 28);
    writeln!(
        out,
        "{:<8}  {:<who_width$}  {:>4}  QUOTE",
        "KIND", "SPEAKER", "CONF"
    )?;
    let mut last_article = "";
    for r in &rows {
        if r.article != last_article {
            writeln!(out, "── {}", line(r.article))?;
            last_article = r.article;
        }
        let kind = serde_json::to_value(r.kind)?.as_str().unwrap_or("").to_owned();
        let conf = r.confidence.map_or("-".to_owned(), |c| format!("{c:.2}"));
        let text: String = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(
            out,
            "{kind:<8}  {:<who_width$}  {conf:>4}  {}",
            clip(&line(&who(r)), who_width),
            match clip_at {
                Some(width) => clip(&escape::text(&text), width),
                None => escape::text(&text).into_owned(),
            }
        )?;
    }
    Ok(())
}

fn who(r: &QuoteRow) -> String {
    match (r.speaker_name, r.speaker) {
        (Some(n), _) => n.to_owned(),
        (None, Some(s)) => s.to_owned(),
        _ => "-".to_owned(),
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
