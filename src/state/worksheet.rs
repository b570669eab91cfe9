//! The worksheet: notes resolved against a corpus as it is now. Each note
//! is found again by its text ([`super::anchor`]); one whose article or
//! text is gone is listed as detached, with what was kept of it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::anchor::Place;
use super::keys;
use super::note::{Flag, Kind, Note, Target};
use crate::corpus::Corpus;
use crate::index::SpeakerIndex;

/// Whether a note's text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Where it was.
    Attached,
    /// Found elsewhere in the edited article.
    Moved,
    /// The article or the text is gone.
    Detached,
}

/// An article as the worksheet names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    /// The id in the corpus (`null` when the article is not in it).
    pub id: Option<String>,
    /// The kept key (canonical file path).
    pub key: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// The text the note is about, as found now (else as kept).
    pub text: Option<String>,
    /// The corpus index and body char range (not exported).
    #[serde(skip)]
    pub index: Option<usize>,
    #[serde(skip)]
    pub span: Option<(usize, usize)>,
}

/// One line of the worksheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub uid: String,
    /// The key of the corpus the note was made in (its canonical paths,
    /// one per line; `demo`).
    pub corpus: String,
    pub kind: Kind,
    pub flag: Option<Flag>,
    pub note: String,
    pub status: Status,
    /// The quote's speaker (quotes only).
    pub speaker: Option<String>,
    pub article: ArticleRef,
    /// The other side of a claim pair.
    pub other: Option<ArticleRef>,
    /// RFC 3339, UTC.
    pub created: String,
    pub updated: String,
}

/// The notes of a corpus, found or detached.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Worksheet {
    pub notes: Vec<Item>,
    pub detached: Vec<Item>,
}

/// The notes about articles of `corpus` (or made in it), resolved.
/// `speakers` names the speakers of quotes (else the kept name is used).
pub fn resolve(
    notes: &[Note],
    corpus: &Corpus,
    corpus_key: &str,
    speakers: Option<&SpeakerIndex>,
) -> Worksheet {
    let index = index_of(notes, corpus, corpus_key);
    let mut sheet = Worksheet::default();
    for note in notes {
        let found = index.get(&note.target.article).copied();
        let other_found = note.other.as_ref().and_then(|o| index.get(&o.article).copied());
        if found.is_none() && other_found.is_none() && note.corpus != corpus_key {
            continue;
        }
        let (article, a_status) = side(&note.target, found, corpus, note);
        let other = note.other.as_ref().map(|o| side(o, other_found, corpus, note));
        let status = match (a_status, other.as_ref().map(|o| o.1)) {
            (Status::Detached, _) | (_, Some(Status::Detached)) => Status::Detached,
            (Status::Moved, _) | (_, Some(Status::Moved)) => Status::Moved,
            _ => Status::Attached,
        };
        let speaker = match (note.kind, article.index, article.span, speakers) {
            (Kind::Quote, Some(a), Some(span), Some(s)) => speaker_at(s, a, span).or(note.speaker.clone()),
            (Kind::Quote, ..) => note.speaker.clone(),
            _ => None,
        };
        let item = Item {
            uid: note.uid.clone(),
            corpus: note.corpus.clone(),
            kind: note.kind,
            flag: note.flag,
            note: note.text.clone(),
            status,
            speaker,
            article,
            other: other.map(|o| o.0),
            created: rfc3339(note.created),
            updated: rfc3339(note.updated),
        };
        if status == Status::Detached {
            sheet.detached.push(item);
        } else {
            sheet.notes.push(item);
        }
    }
    sheet
        .notes
        .sort_by_key(|i| (i.article.index, i.article.span.map(|s| s.0)));
    sheet
}

/// Corpus indices of the articles the notes name.
pub fn index_of(notes: &[Note], corpus: &Corpus, corpus_key: &str) -> HashMap<String, usize> {
    let wanted: HashSet<&str> = notes
        .iter()
        .flat_map(|n| std::iter::once(&n.target).chain(&n.other))
        .map(|t| t.article.as_str())
        .collect();
    keys::find(&corpus.articles, corpus_key, &wanted)
}

fn side(target: &Target, found: Option<usize>, corpus: &Corpus, note: &Note) -> (ArticleRef, Status) {
    let article = found.and_then(|i| corpus.articles.get(i));
    let place = match (article, &target.anchor) {
        (None, _) => Place::Detached,
        (Some(_), None) => Place::Same { start: 0, end: 0 },
        (Some(a), Some(anchor)) => anchor.locate(&a.body),
    };
    let status = match place {
        Place::Same { .. } => Status::Attached,
        Place::Moved { .. } => Status::Moved,
        Place::Detached => Status::Detached,
    };
    let span = target.anchor.as_ref().and(place.span());
    let text = match (article, span) {
        (Some(a), Some((s, e))) => Some(a.body.chars().skip(s).take(e - s).collect()),
        _ => target.anchor.as_ref().map(|x| x.text.clone()),
    };
    let first = std::ptr::eq(target, &note.target);
    let reference = ArticleRef {
        id: article.map(|a| a.id.clone()),
        key: target.article.clone(),
        title: article
            .and_then(|a| a.title.clone())
            .or_else(|| first.then(|| note.title.clone()).flatten()),
        outlet: article
            .and_then(|a| a.source.clone())
            .or_else(|| first.then(|| note.outlet.clone()).flatten()),
        text,
        index: found.filter(|_| article.is_some()),
        span,
    };
    (reference, status)
}

/// The speaker of the quote of article `a` that overlaps `span`.
fn speaker_at(speakers: &SpeakerIndex, a: usize, (s, e): (usize, usize)) -> Option<String> {
    let quotes = &speakers.analyses.get(a)?.quotes;
    let q = quotes.iter().position(|q| q.start < e.max(s + 1) && s < q.end)?;
    speakers.speaker_name(a, q).map(str::to_string)
}

fn rfc3339(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds).map_or_else(|_| seconds.to_string(), |t| t.to_string())
}
