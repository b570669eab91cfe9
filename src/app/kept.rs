//! Kept state inside the app: the notes (flags and text) of the open
//! corpus with where each is now, the session to restore, and the writes
//! asked for. `update` changes this like any state; the terminal layer
//! takes [`Kept::writes`] and hands them to the writer thread
//! ([`crate::state::worker`]), so no key waits on the file.

use crate::corpus::Corpus;
use crate::state::worker::Write;
use crate::state::{Anchor, ArticleKeys, Flag, Kind, Note, Session, Target, worksheet};

/// What a flag or note is put on: an article, a quote or sentence (body
/// char span), or a claim pair (a span on each side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct On {
    pub kind: Kind,
    pub article: usize,
    pub span: Option<(usize, usize)>,
    pub other: Option<(usize, (usize, usize))>,
    /// The quote's speaker as shown now (kept for a note that later
    /// loses its article).
    pub speaker: Option<String>,
}

/// Where a note is in the open corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub article: usize,
    pub span: Option<(usize, usize)>,
    pub other: Option<(usize, Option<(usize, usize)>)>,
}

#[derive(Debug, Default)]
pub struct Kept {
    /// False with `--no-state`, `state = false`, or a state that could
    /// not be opened: flags and notes then last until quit.
    pub on: bool,
    /// The open corpus's key.
    pub corpus: String,
    /// Every kept note (the notes screen lists those of this corpus).
    pub notes: Vec<Note>,
    /// Where each of `notes` is now (`None`: not in this corpus, or
    /// detached).
    pub places: Vec<Option<Placed>>,
    /// Where the corpus was left, until it is loaded and restored.
    pub restore: Option<Session>,
    /// A comparison to reopen once the corpus is analysed (it was on top
    /// when the corpus was left).
    pub reopen: Option<crate::compare::Pair<usize>>,
    /// The article (and scroll) whose reader to reopen once the text is
    /// read (it was on top when the session ended; a warm open lists the
    /// library before the text).
    pub reread: Option<(usize, usize)>,
    /// Writes for the writer thread, in order.
    pub writes: Vec<Write>,
    keys: Option<ArticleKeys>,
}

impl Kept {
    /// Kept state for corpus `corpus` with what the store held.
    pub fn new(corpus: &str, notes: Vec<Note>, restore: Option<Session>) -> Kept {
        Kept {
            on: true,
            corpus: corpus.to_string(),
            notes,
            restore,
            ..Kept::default()
        }
    }

    /// Finds every note in `corpus` (just loaded).
    pub fn attach(&mut self, corpus: &Corpus) {
        let index = worksheet::index_of(&self.notes, corpus, &self.corpus);
        let find = |t: &Target| -> Option<(usize, Option<(usize, usize)>)> {
            let &a = index.get(&t.article)?;
            let body = &corpus.articles.get(a)?.body;
            let span = match &t.anchor {
                None => None,
                Some(anchor) => Some(anchor.locate(body).span()?),
            };
            Some((a, span))
        };
        self.places = self
            .notes
            .iter()
            .map(|n| {
                let (article, span) = find(&n.target)?;
                let other = match &n.other {
                    Some(o) => Some(find(o)?),
                    None => None,
                };
                Some(Placed { article, span, other })
            })
            .collect();
        self.keys = Some(ArticleKeys::new(&self.corpus));
    }

    /// The key of article `i` of `corpus`.
    pub fn key(&mut self, corpus: &Corpus, i: usize) -> Option<String> {
        let keys = self.keys.get_or_insert_with(|| ArticleKeys::new(&self.corpus));
        corpus.articles.get(i).map(|a| keys.key(a))
    }

    /// The note on `on`, if one is kept (a claim pair either way round:
    /// `x` swaps the sides).
    pub fn find(&self, on: &On) -> Option<usize> {
        let swapped = on.other.map(|(a, s)| On {
            article: a,
            span: Some(s),
            other: on.span.map(|span| (on.article, span)),
            ..on.clone()
        });
        let is = |p: &Placed, on: &On| {
            p.article == on.article
                && p.span == on.span
                && p.other.map(|(a, s)| (a, s.unwrap_or_default())) == on.other
        };
        self.places.iter().enumerate().find_map(|(i, p)| {
            let p = p.as_ref()?;
            let hit = is(p, on) || swapped.as_ref().is_some_and(|s| is(p, s));
            (hit && self.notes[i].kind == on.kind).then_some(i)
        })
    }

    /// Changes the kept note `uid` (listed on the notes screen, maybe
    /// detached) and queues its write.
    pub fn edit_uid(&mut self, uid: &str, change: impl FnOnce(&mut Note)) -> Option<&Note> {
        let at = self.notes.iter().position(|n| n.uid == uid)?;
        self.change(at, change)
    }

    /// The note on `on`.
    pub fn note(&self, on: &On) -> Option<&Note> {
        self.find(on).map(|i| &self.notes[i])
    }

    /// The note on a claim pair or shared quote of compare.
    pub fn pair_note(
        &self,
        sides: crate::compare::Pair<usize>,
        span: crate::compare::Pair<(usize, usize)>,
    ) -> Option<&Note> {
        self.note(&On {
            kind: Kind::Pair,
            article: sides.left,
            span: Some(span.left),
            other: Some((sides.right, span.right)),
            speaker: None,
        })
    }

    /// The flag on article `article` itself.
    pub fn article_flag(&self, article: usize) -> Option<Flag> {
        self.placed()
            .find(|(n, p)| n.kind == Kind::Article && p.article == article)
            .and_then(|(n, _)| n.flag)
    }

    /// True when some note or flag is on a part of article `article`.
    pub fn has_notes_in(&self, article: usize) -> bool {
        self.placed().any(|(n, p)| {
            n.kind != Kind::Article && (p.article == article || p.other.is_some_and(|o| o.0 == article))
        })
    }

    /// Flagged spans of article `article` (quotes, sentences, either side
    /// of a pair), for drawing.
    pub fn flagged_spans(&self, article: usize) -> Vec<(usize, usize, Flag)> {
        let mut out = Vec::new();
        for (n, p) in self.placed() {
            let Some(flag) = n.flag else { continue };
            if let (true, Some((s, e))) = (p.article == article, p.span) {
                out.push((s, e, flag));
            }
            if let Some((a, Some((s, e)))) = p.other
                && a == article
            {
                out.push((s, e, flag));
            }
        }
        out
    }

    /// Notes found in this corpus, with their place.
    pub fn placed(&self) -> impl Iterator<Item = (&Note, Placed)> {
        self.notes
            .iter()
            .zip(&self.places)
            .filter_map(|(n, p)| p.map(|p| (n, p)))
    }

    /// Changes (or starts) the note on `on` and queues its write; an
    /// emptied note is deleted.
    pub fn edit(&mut self, corpus: &Corpus, on: &On, change: impl FnOnce(&mut Note)) -> Option<&Note> {
        let at = match self.find(on) {
            Some(i) => i,
            None => {
                let target = self.target(corpus, on.article, on.span)?;
                let mut note = Note::new(&self.corpus, on.kind, target);
                if let Some((a, span)) = on.other {
                    note.other = Some(self.target(corpus, a, Some(span))?);
                }
                let article = &corpus.articles[on.article];
                note.title = article.title.clone();
                note.outlet = article.source.clone();
                note.speaker = on.speaker.clone();
                self.notes.push(note);
                self.places.push(Some(Placed {
                    article: on.article,
                    span: on.span,
                    other: on.other.map(|(a, s)| (a, Some(s))),
                }));
                self.notes.len() - 1
            }
        };
        self.change(at, change)
    }

    fn change(&mut self, at: usize, change: impl FnOnce(&mut Note)) -> Option<&Note> {
        let note = &mut self.notes[at];
        change(note);
        note.updated = crate::state::note::now();
        if self.on {
            self.writes.push(Write::Note(note.clone()));
        }
        if note.is_empty() {
            self.notes.remove(at);
            self.places.remove(at);
            return None;
        }
        Some(&self.notes[at])
    }

    fn target(&mut self, corpus: &Corpus, article: usize, span: Option<(usize, usize)>) -> Option<Target> {
        let key = self.key(corpus, article)?;
        let body = &corpus.articles[article].body;
        Some(Target {
            article: key,
            anchor: span.map(|(s, e)| Anchor::of(body, s, e)),
        })
    }
}
