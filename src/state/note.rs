//! The notes model: a flag and/or free text on an article, a quote, a
//! sentence or a claim pair, anchored by the article's key and the text it
//! is about (see [`super::anchor`]).

use serde::Serialize;

use super::anchor::Anchor;

/// A fact-checker's verdict; `f` cycles verified → disputed → altered →
/// none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Flag {
    Verified,
    Disputed,
    Altered,
}

impl Flag {
    pub const ALL: [Flag; 3] = [Flag::Verified, Flag::Disputed, Flag::Altered];

    pub fn name(self) -> &'static str {
        match self {
            Flag::Verified => "verified",
            Flag::Disputed => "disputed",
            Flag::Altered => "altered",
        }
    }

    pub fn parse(s: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The one-letter badge drawn in lists (`✓`, `✗`, `~`).
    pub fn badge(self) -> &'static str {
        match self {
            Flag::Verified => "✓",
            Flag::Disputed => "✗",
            Flag::Altered => "~",
        }
    }

    /// The next flag in the cycle (after altered: none).
    pub fn cycle(flag: Option<Flag>) -> Option<Flag> {
        match flag {
            None => Some(Flag::Verified),
            Some(Flag::Verified) => Some(Flag::Disputed),
            Some(Flag::Disputed) => Some(Flag::Altered),
            Some(Flag::Altered) => None,
        }
    }
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Quote,
    Sentence,
    /// A claim pair of two articles (compare).
    Pair,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Quote => "quote",
            Kind::Sentence => "sentence",
            Kind::Pair => "pair",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        [Kind::Article, Kind::Quote, Kind::Sentence, Kind::Pair]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// One side of a note: an article (its key) and, except for a note on the
/// whole article, the text it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub article: String,
    pub anchor: Option<Anchor>,
}

/// A note as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Made once when the note is first written (two instances never
    /// share one).
    pub uid: String,
    /// The corpus the note was made in.
    pub corpus: String,
    pub kind: Kind,
    pub target: Target,
    /// The other article of a claim pair.
    pub other: Option<Target>,
    pub flag: Option<Flag>,
    pub text: String,
    /// What the article said when the note was made, for listing the note
    /// when its article is gone: the speaker of a quote, title, outlet.
    pub speaker: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Seconds since 1970 (UTC).
    pub created: i64,
    pub updated: i64,
}

impl Note {
    /// A note with nothing in it is deleted rather than kept.
    pub fn is_empty(&self) -> bool {
        self.flag.is_none() && self.text.trim().is_empty()
    }

    /// A fresh note on `target` (no flag, no text yet).
    pub fn new(corpus: &str, kind: Kind, target: Target) -> Note {
        let now = now();
        Note {
            uid: new_uid(),
            corpus: corpus.to_string(),
            kind,
            target,
            other: None,
            flag: None,
            text: String::new(),
            speaker: None,
            title: None,
            outlet: None,
            created: now,
            updated: now,
        }
    }

    /// True when `self` is about the same thing as `kind` on `target`
    /// (and `other`).
    pub fn is_on(&self, kind: Kind, target: &Target, other: Option<&Target>) -> bool {
        self.kind == kind
            && same(&self.target, target)
            && self.other.as_ref().map(|o| o.article.as_str()) == other.map(|o| o.article.as_str())
    }
}

/// Same article and the same text (offsets are only a hint).
fn same(a: &Target, b: &Target) -> bool {
    a.article == b.article && a.anchor.as_ref().map(|x| &x.text) == b.anchor.as_ref().map(|x| &x.text)
}

/// Seconds since 1970, UTC.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// A unique id: the time in nanoseconds, the process and a counter.
fn new_uid() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = jiff::Timestamp::now().as_nanosecond();
    format!("{nanos:x}-{:x}-{n:x}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_cycle_comes_back_to_none() {
        let mut flag = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            flag = Flag::cycle(flag);
            seen.push(flag.map(Flag::name));
        }
        assert_eq!(seen, [Some("verified"), Some("disputed"), Some("altered"), None]);
        assert_eq!(Flag::parse("disputed"), Some(Flag::Disputed));
        assert_eq!(Kind::parse("pair"), Some(Kind::Pair));
    }

    #[test]
    fn uids_differ_and_empty_notes_are_empty() {
        let t = Target {
            article: "a".into(),
            anchor: None,
        };
        let a = Note::new("demo", Kind::Article, t.clone());
        let b = Note::new("demo", Kind::Article, t.clone());
        assert_ne!(a.uid, b.uid);
        assert!(a.is_empty());
        assert!(a.is_on(Kind::Article, &t, None));
    }
}
