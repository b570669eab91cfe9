//! The corpus analysed: every article's quotes and sentences, the corpus
//! speaker index, and which speaker each quote belongs to. Built once per
//! corpus (in the background, with rayon) and only read afterwards, so
//! drawing never analyses anything.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analysis::{Analysis, Quote, QuoteKind, SpeakerEntry, analyze, speakers};
use crate::corpus::Corpus;

#[derive(Debug, Default)]
pub struct CorpusAnalysis {
    /// One per article, in corpus order.
    pub analyses: Vec<Analysis>,
    /// Every speaker, most quoted first; an index here is a speaker id,
    /// which also picks the speaker's colour on every screen.
    pub speakers: Vec<SpeakerEntry>,
    /// Per article, per quote (as in `Analysis::quotes`): the speaker id.
    pub speaker_of: Vec<Vec<Option<usize>>>,
    /// Per article: quotes worth reading (not scare quotes), in text order.
    pub readable: Vec<Vec<usize>>,
    /// Per article: distinct speakers quoted.
    pub speaker_counts: Vec<usize>,
}

/// True for quotes the app lists and highlights (scare quotes are labels,
/// not speech).
pub fn is_speech(q: &Quote) -> bool {
    q.kind != QuoteKind::Scare
}

impl CorpusAnalysis {
    /// Analyses every article of `corpus` in parallel.
    pub fn build(corpus: &Corpus) -> CorpusAnalysis {
        let analyses: Vec<Analysis> = corpus.articles.par_iter().map(analyze).collect();
        CorpusAnalysis::from_analyses(corpus, analyses)
    }

    pub fn from_analyses(corpus: &Corpus, analyses: Vec<Analysis>) -> CorpusAnalysis {
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        let speakers = speakers(ids.iter().copied().zip(&analyses));
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for (i, s) in speakers.iter().enumerate() {
            by_name.entry(s.name.as_str()).or_insert(i);
        }
        let speaker_of: Vec<Vec<Option<usize>>> = analyses
            .iter()
            .zip(&ids)
            .map(|(analysis, id)| {
                let resolve = |q: &Quote| -> Option<usize> {
                    let name = q.attribution.as_ref()?.name.as_deref()?;
                    by_name.get(name).copied().or_else(|| {
                        let alias = |s: &SpeakerEntry| s.aliases.iter().any(|a| a == name);
                        let here = |s: &SpeakerEntry| s.articles.iter().any(|a| a == id);
                        speakers
                            .iter()
                            .position(|s| alias(s) && here(s))
                            .or_else(|| speakers.iter().position(alias))
                    })
                };
                analysis
                    .quotes
                    .iter()
                    .map(|q| if is_speech(q) { resolve(q) } else { None })
                    .collect()
            })
            .collect();
        let readable: Vec<Vec<usize>> = analyses
            .iter()
            .map(|a| (0..a.quotes.len()).filter(|&i| is_speech(&a.quotes[i])).collect())
            .collect();
        let speaker_counts = speaker_of
            .iter()
            .map(|ids| {
                let mut ids: Vec<usize> = ids.iter().flatten().copied().collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            })
            .collect();
        CorpusAnalysis {
            analyses,
            speakers,
            speaker_of,
            readable,
            speaker_counts,
        }
    }

    /// Quotes worth reading in article `a`.
    pub fn quote_count(&self, a: usize) -> usize {
        self.readable.get(a).map_or(0, Vec::len)
    }

    pub fn speaker_count(&self, a: usize) -> usize {
        self.speaker_counts.get(a).copied().unwrap_or(0)
    }

    /// The speaker id of quote `q` of article `a`.
    pub fn speaker(&self, a: usize, q: usize) -> Option<usize> {
        self.speaker_of.get(a)?.get(q).copied().flatten()
    }

    /// Every `(article, quote)` attributed to `speaker`, in corpus order.
    pub fn quotes_by(&self, speaker: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (a, ids) in self.speaker_of.iter().enumerate() {
            for (q, s) in ids.iter().enumerate() {
                if *s == Some(speaker) {
                    out.push((a, q));
                }
            }
        }
        out
    }
}
