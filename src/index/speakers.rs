//! The speakers index: every article's analysis (quotes and sentences),
//! every speaker of the corpus with their aliases, and which speaker each
//! quote belongs to (a name or an alias resolved to one identity). The
//! TUI's speakers screens and `parallax quotes` / `speakers` read it.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analysis::{Analysis, Quote, QuoteKind, SpeakerEntry, analyze, complete_surnames, speakers};
use crate::corpus::Corpus;

/// A quote as navigation sees it: where it is (char offsets) and who said
/// it (a speaker id of the index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteStop {
    pub start: usize,
    pub end: usize,
    /// Index into the article's `Analysis::quotes`.
    pub quote: usize,
    pub speaker: Option<usize>,
    /// Reported speech (no quote marks): shown as reported, never as a
    /// quotation.
    pub reported: bool,
}

#[derive(Debug)]
pub struct SpeakerIndex {
    /// One per article, in corpus order.
    pub analyses: Vec<Analysis>,
    /// Every speaker, most quoted first; an index here is a speaker id,
    /// which also picks the speaker's colour on every screen.
    pub speakers: Vec<SpeakerEntry>,
    /// Per article, per quote (as in `Analysis::quotes`): the speaker id.
    pub speaker_of: QuoteSpeakers,
    /// Per article: quotes worth reading (not scare quotes).
    quote_counts: Vec<u32>,
    /// Per article: distinct speakers quoted.
    speaker_counts: Vec<u32>,
    /// Per speaker: a colour slot (the theme palette repeats), chosen so
    /// speakers quoted in the same article differ where the palette allows.
    pub colours: Vec<usize>,
}

/// The speaker id of every quote of every article, flat: 4 bytes a quote
/// and 4 an article (a vector per article and 16 bytes per quote cost
/// about 30 MB more at 100,000 articles).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteSpeakers {
    /// Per article, where its quotes start in `ids` (plus one past the last).
    first: Vec<u32>,
    /// Per quote, its speaker id, or [`QuoteSpeakers::NONE`].
    ids: Vec<u32>,
}

impl QuoteSpeakers {
    const NONE: u32 = u32::MAX;

    /// From each article's speaker ids, in corpus order.
    fn collect<I: IntoIterator<Item = Option<usize>>>(
        articles: impl IntoIterator<Item = I>,
    ) -> QuoteSpeakers {
        let mut table = QuoteSpeakers {
            first: vec![0],
            ids: Vec::new(),
        };
        for quotes in articles {
            let id = |s: Option<usize>| s.and_then(|s| u32::try_from(s).ok()).unwrap_or(Self::NONE);
            table.ids.extend(quotes.into_iter().map(id));
            table
                .first
                .push(u32::try_from(table.ids.len()).unwrap_or(u32::MAX));
        }
        table.first.shrink_to_fit();
        table.ids.shrink_to_fit();
        table
    }

    /// Articles in the table.
    pub fn len(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The speaker id of each quote of article `a`, in `Analysis::quotes`
    /// order; `None` for an article out of range.
    pub fn get(&self, a: usize) -> Option<impl ExactSizeIterator<Item = Option<usize>> + '_> {
        let (from, to) = (*self.first.get(a)? as usize, *self.first.get(a + 1)? as usize);
        let ids = self.ids.get(from..to)?;
        Some(ids.iter().map(|&s| (s != Self::NONE).then_some(s as usize)))
    }
}

/// True for quotes the app lists and highlights (scare quotes are labels,
/// not speech).
pub fn is_speech(q: &Quote) -> bool {
    q.kind != QuoteKind::Scare
}

impl SpeakerIndex {
    /// Analyses every article of `corpus` in parallel and indexes who is
    /// quoted.
    pub fn build(corpus: &Corpus) -> SpeakerIndex {
        SpeakerIndex::build_reusing(corpus, Vec::new())
    }

    /// As [`SpeakerIndex::build`], analysing only the articles `known`
    /// (by article index) has no analysis for.
    pub fn build_reusing(corpus: &Corpus, mut known: Vec<Option<Analysis>>) -> SpeakerIndex {
        known.resize_with(corpus.articles.len(), || None);
        let analyses = corpus
            .articles
            .par_iter()
            .zip(known)
            .map(|(a, k)| k.unwrap_or_else(|| analyze(a)))
            .collect();
        SpeakerIndex::from_analyses(corpus, analyses)
    }

    pub fn from_analyses(corpus: &Corpus, analyses: Vec<Analysis>) -> SpeakerIndex {
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        let mut speakers = speakers(ids.iter().copied().zip(&analyses));
        // "Clapper" quoted alone takes "James R. Clapper" when the corpus
        // names no other Clapper.
        complete_surnames(&mut speakers, corpus.articles.par_iter().map(|a| a.body.as_str()));
        // A resolved name is a speaker's name, else one of their aliases
        // (several speakers may share one: prefer the one quoted here).
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        let mut by_alias: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in speakers.iter().enumerate() {
            by_name.entry(s.name.as_str()).or_insert(i);
            for alias in &s.aliases {
                by_alias.entry(alias.as_str()).or_default().push(i);
            }
        }
        let (by_name, by_alias, entries) = (&by_name, &by_alias, &speakers);
        let speaker_of = QuoteSpeakers::collect(analyses.iter().zip(&ids).map(|(analysis, id)| {
            let resolve = move |q: &Quote| -> Option<usize> {
                let name = q.attribution.as_ref()?.name.as_deref()?;
                by_name.get(name).copied().or_else(|| {
                    let candidates = by_alias.get(name)?;
                    let here = |&&i: &&usize| entries[i].articles.contains(id);
                    candidates.iter().find(here).or(candidates.first()).copied()
                })
            };
            analysis
                .quotes
                .iter()
                .map(move |q| if is_speech(q) { resolve(q) } else { None })
        }));
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let quote_counts = analyses
            .iter()
            .map(|a| count(a.quotes.iter().filter(|q| is_speech(q)).count()))
            .collect();
        let speaker_counts = (0..speaker_of.len())
            .map(|a| count(distinct_speakers(&speaker_of, a).len()))
            .collect();
        let colours = colour_slots(speakers.len(), &speaker_of);
        SpeakerIndex {
            analyses,
            speakers,
            speaker_of,
            quote_counts,
            speaker_counts,
            colours,
        }
    }

    /// The colour slot of a speaker id.
    pub fn colour(&self, speaker: Option<usize>) -> Option<usize> {
        speaker.and_then(|id| self.colours.get(id).copied())
    }

    /// Quotes worth reading in article `a`.
    pub fn quote_count(&self, a: usize) -> usize {
        self.quote_counts.get(a).map_or(0, |&n| n as usize)
    }

    pub fn speaker_count(&self, a: usize) -> usize {
        self.speaker_counts.get(a).map_or(0, |&n| n as usize)
    }

    /// The speaker id of quote `q` of article `a`.
    pub fn speaker(&self, a: usize, q: usize) -> Option<usize> {
        self.speaker_of.get(a)?.nth(q).flatten()
    }

    /// The readable quotes of article `a` in text order, for navigation
    /// and highlighting.
    pub fn stops(&self, a: usize) -> Vec<QuoteStop> {
        let Some(analysis) = self.analyses.get(a) else {
            return Vec::new();
        };
        let readable = (0..analysis.quotes.len()).filter(|&q| is_speech(&analysis.quotes[q]));
        let mut stops: Vec<QuoteStop> = readable
            .map(|q| QuoteStop {
                start: analysis.quotes[q].start,
                end: analysis.quotes[q].end,
                quote: q,
                speaker: self.speaker(a, q),
                reported: analysis.quotes[q].kind == QuoteKind::Indirect,
            })
            .collect();
        stops.sort_by_key(|s| (s.start, s.end));
        stops
    }

    /// The name to show for quote `q` of article `a`: the corpus speaker,
    /// else the speaker as written.
    pub fn speaker_name(&self, a: usize, q: usize) -> Option<&str> {
        match self.speaker(a, q) {
            Some(id) => Some(self.speakers[id].name.as_str()),
            None => {
                let attribution = self.analyses.get(a)?.quotes.get(q)?.attribution.as_ref()?;
                Some(attribution.name.as_deref().unwrap_or(&attribution.speaker))
            }
        }
    }

    /// The speakers `name` names: every word of `name` appears, whole and
    /// in any case, in the speaker's name or in one of their aliases.
    pub fn find(&self, name: &str) -> Vec<usize> {
        let wanted: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let names = |s: &'_ SpeakerEntry| -> bool {
            std::iter::once(&s.name).chain(&s.aliases).any(|n| {
                let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
                wanted.iter().all(|w| words.contains(w))
            })
        };
        (0..self.speakers.len())
            .filter(|&i| names(&self.speakers[i]))
            .collect()
    }

    /// Every `(article, quote)` attributed to `speaker`, in corpus order.
    pub fn quotes_by(&self, speaker: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for a in 0..self.speaker_of.len() {
            for (q, s) in self.speaker_of.get(a).into_iter().flatten().enumerate() {
                if s == Some(speaker) {
                    out.push((a, q));
                }
            }
        }
        out
    }
}

/// Greedy colouring, most quoted speaker first: each takes the lowest slot
/// no speaker already coloured in one of its articles has.
fn colour_slots(speakers: usize, speaker_of: &QuoteSpeakers) -> Vec<usize> {
    let to32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    // Per speaker its articles; per article its distinct speakers, flat
    // (where article `a`'s start in `in_article`, and the speaker ids).
    let mut articles_of: Vec<Vec<u32>> = vec![Vec::new(); speakers];
    let mut first: Vec<u32> = Vec::with_capacity(speaker_of.len() + 1);
    let mut in_article: Vec<u32> = Vec::new();
    first.push(0);
    for a in 0..speaker_of.len() {
        for id in distinct_speakers(speaker_of, a) {
            articles_of[id].push(to32(a));
            in_article.push(to32(id));
        }
        first.push(to32(in_article.len()));
    }
    let mut slots: Vec<Option<usize>> = vec![None; speakers];
    // Which slots the speakers sharing an article with this one hold.
    let mut taken: Vec<bool> = Vec::new();
    for id in 0..speakers {
        taken.clear();
        for &a in &articles_of[id] {
            let (from, to) = (first[a as usize] as usize, first[a as usize + 1] as usize);
            for &other in &in_article[from..to] {
                if let Some(s) = slots[other as usize] {
                    if taken.len() <= s {
                        taken.resize(s + 1, false);
                    }
                    taken[s] = true;
                }
            }
        }
        slots[id] = Some(taken.iter().position(|t| !t).unwrap_or(taken.len()));
    }
    slots.into_iter().map(Option::unwrap_or_default).collect()
}

/// The distinct speaker ids quoted in article `a`, in order.
fn distinct_speakers(speaker_of: &QuoteSpeakers, a: usize) -> Vec<usize> {
    let mut ids: Vec<usize> = speaker_of.get(a).into_iter().flatten().flatten().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::demo_corpus;

    #[test]
    fn a_name_finds_the_speaker_by_any_of_their_names() {
        let index = SpeakerIndex::build(&demo_corpus());
        let (id, entry) = index
            .speakers
            .iter()
            .enumerate()
            .find(|(_, s)| !s.aliases.is_empty())
            .expect("a demo speaker written two ways");
        assert!(index.find(&entry.name).contains(&id));
        assert!(index.find(&entry.aliases[0].to_uppercase()).contains(&id));
        assert!(index.find("").is_empty());
        assert!(index.find("nobody-by-this-name").is_empty());
        assert!(!index.quotes_by(id).is_empty(), "{}", entry.name);
    }
}
