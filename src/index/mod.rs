//! Corpus-wide indexes: who is quoted (speakers with their aliases, and
//! which speaker said each quote) and which articles are related. Built
//! once per corpus, then only read (stories and full-text search too). The CLI commands (`quotes`,
//! `speakers`, `related`) and the TUI screens call the same types, so a
//! command-line answer and a screen never disagree. Pure library code: no
//! terminal, no I/O.

pub mod coverage;
pub mod related;
pub mod search;
pub mod speakers;
pub mod stories;

pub use coverage::Coverage;
pub use related::{RELATED_MIN_SCORE, Related};
pub use search::{Query, SentenceRef, TextIndex};
pub use speakers::{QuoteSpeakers, QuoteStop, SpeakerIndex, is_speech};
pub use stories::{Stories, Story, StoryOptions};

use crate::corpus::Corpus;

/// Everything the corpus-wide views need: the speakers index (with every
/// article's analysis), the related index and the stories.
#[derive(Debug)]
pub struct CorpusIndex {
    pub speakers: SpeakerIndex,
    pub related: Related,
    /// Full-text search over the bodies.
    pub text: TextIndex,
    /// Stories: the corpus grouped by event.
    pub stories: Stories,
}

impl CorpusIndex {
    /// Analyses every article of `corpus` in parallel (rayon) and indexes
    /// speakers, related articles and stories.
    pub fn build(corpus: &Corpus) -> CorpusIndex {
        CorpusIndex::build_reusing(corpus, Vec::new())
    }

    /// As [`CorpusIndex::build`], taking each article's analysis from
    /// `known` where it has one (the cache: `known[i]` for article `i`).
    pub fn build_reusing(corpus: &Corpus, known: Vec<Option<crate::analysis::Analysis>>) -> CorpusIndex {
        CorpusIndex::build_then(corpus, || known)
    }

    /// Builds the indexes in two steps, each on every core, so their
    /// working memory never adds up: the related index and the stories
    /// (their build needs more memory than they keep) beside full-text
    /// search first, while little else is held, then the analyses,
    /// taking the known ones (`known`: from the cache) only when their
    /// turn comes. At 100,000 articles this lowers the peak by about as
    /// much as the related index's build needs, for the same total work.
    pub fn build_then(
        corpus: &Corpus,
        known: impl FnOnce() -> Vec<Option<crate::analysis::Analysis>>,
    ) -> CorpusIndex {
        // One after the other, not side by side: the related index's build
        // needs several times what it keeps, and the search index's build
        // landing on top of it set the session's peak (each build is
        // parallel inside).
        let related = Related::build(&corpus.articles);
        let stories = Stories::build(&corpus.articles, related.index());
        let text = TextIndex::build(&corpus.articles);
        let speakers = SpeakerIndex::build_reusing(corpus, known());
        CorpusIndex {
            speakers,
            related,
            text,
            stories,
        }
    }
}
