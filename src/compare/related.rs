//! Related articles: an index over a corpus that ranks the articles most
//! related to a given one, and scores any pair (the library view).
//!
//! Two signals, both stored flat and sorted by hash (postings
//! `(hash, doc, weight)` for lookups, the same entries grouped per article
//! for pair scores), never a map of vectors:
//! - word 5-gram shingles: shared wording (wire copy, shared quotes); the
//!   pair score is the Jaccard overlap of the two shingle sets;
//! - content words weighted by TF-IDF, names weighing more: outlets
//!   paraphrase, so same-story articles share few 5-grams but many rare
//!   words; the pair score is the cosine of the two weight vectors.
//!
//! Features that occur in too many articles (boilerplate, function words)
//! are dropped by a document-frequency cap; features that occur in one
//! article only cannot match another one and are not stored (they still
//! count in the set sizes and vector norms).

mod inverted;
mod pairs;
mod profile;

use rayon::prelude::*;

use crate::corpus::Article;

use inverted::{Inverted, Postings, runs, sorted_entries, split_at_runs};
use profile::{Profile, profile};

/// Tuning of the index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// A shingle in more than `max(min_cap, shingle_cap * n)` articles is boilerplate.
    pub shingle_cap: f32,
    /// A term in more than `max(min_cap, term_cap * n)` articles says nothing of the topic.
    pub term_cap: f32,
    /// The smallest cap, so that a story covered by many outlets keeps its features.
    pub min_cap: usize,
    /// The share of the shingle overlap in the pair score; the rest is the term cosine.
    pub shingle_weight: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            shingle_cap: 0.01,
            term_cap: 0.1,
            min_cap: 20,
            shingle_weight: 0.3,
        }
    }
}

/// The related-article index of a corpus. Article numbers are positions
/// in the slice it was built from.
#[derive(Debug, Clone, Default)]
pub struct RelatedIndex {
    options: Options,
    shingles: Inverted<()>,
    /// Per article: its distinct shingles under the cap (the Jaccard set size).
    shingle_count: Vec<u32>,
    /// Weights are TF-IDF divided by the article's norm.
    terms: Inverted<f32>,
}

impl RelatedIndex {
    /// Indexes the title and body of each article.
    pub fn build(articles: &[Article]) -> Self {
        Self::build_with(articles, Options::default())
    }

    pub fn build_with(articles: &[Article], options: Options) -> Self {
        let text: usize = articles.iter().map(|a| a.body.len()).sum();
        let profile_of = |i: usize| {
            let a = &articles[i];
            match &a.title {
                Some(title) => profile(&[title, &a.body]),
                None => profile(&[&a.body]),
            }
        };
        Self::from_profiles(articles.len(), profile_of, rounds(text), options)
    }

    /// Indexes plain texts.
    pub fn from_texts<S: AsRef<str> + Sync>(texts: &[S], options: Options) -> Self {
        let text: usize = texts.iter().map(|t| t.as_ref().len()).sum();
        Self::from_texts_in(texts, rounds(text), options)
    }

    /// As [`RelatedIndex::from_texts`], in `rounds` rounds.
    fn from_texts_in<S: AsRef<str> + Sync>(texts: &[S], rounds: u64, options: Options) -> Self {
        let profile_of = |i: usize| profile(&[texts[i].as_ref()]);
        Self::from_profiles(texts.len(), profile_of, rounds, options)
    }

    /// The index of `docs` articles whose profiles `profile_of` makes. The
    /// profiles of a big corpus weigh more than its text (330 MB at
    /// 100,000 articles), so they are made in `rounds` rounds, each keeping
    /// only the features in its share of the hashes: the working memory is
    /// a round's, for one more profiling of the corpus per round. The index
    /// is the same whatever the rounds (features are indexed in hash order).
    fn from_profiles(
        docs: usize,
        profile_of: impl Fn(usize) -> Profile + Sync,
        rounds: u64,
        options: Options,
    ) -> Self {
        let cap = |fraction: f32| options.min_cap.max((fraction * docs as f32).ceil() as usize);
        let (shingle_cap, term_cap) = (cap(options.shingle_cap), cap(options.term_cap));
        let mut shingles = ShingleBuild::new(docs);
        let mut terms = TermBuild::new(docs);
        for round in 0..rounds {
            let profiles: Vec<Profile> = (0..docs)
                .into_par_iter()
                .map(|i| in_round(profile_of(i), round, rounds))
                .collect();
            let shingle_lists: Vec<&[(u32, ())]> = profiles.iter().map(|p| &p.shingles[..]).collect();
            let term_lists: Vec<&[(u32, f32)]> = profiles.iter().map(|p| &p.terms[..]).collect();
            rayon::join(
                || shingles.add(&shingle_lists, shingle_cap, rounds),
                || terms.add(&term_lists, term_cap, rounds),
            );
        }
        let (shingles, shingle_count) = shingles.finish();
        RelatedIndex {
            options,
            shingles,
            shingle_count,
            terms: terms.finish(),
        }
    }

    /// The number of indexed articles.
    pub fn len(&self) -> usize {
        self.shingle_count.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `top` articles most related to `doc`, best first, as
    /// (article, [`overlap`](Self::overlap)); never `doc` itself, only
    /// articles that share something with it; ties in article order.
    /// Panics if `doc` is not below [`len`](Self::len).
    pub fn related(&self, doc: usize, top: usize) -> Vec<(usize, f32)> {
        let n = self.len();
        let mut shared = vec![0u32; n];
        let mut dot = vec![0f32; n];
        self.shingles
            .for_each_shared(doc, |other, (), ()| shared[other] += 1);
        self.terms
            .for_each_shared(doc, |other, w, w2| dot[other] += w * w2);
        let mut ranked: Vec<(usize, f32)> = (0..n)
            .filter(|&other| other != doc && (shared[other] > 0 || dot[other] > 0.0))
            .map(|other| (other, self.score(doc, other, shared[other], dot[other])))
            .collect();
        let order = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if top < ranked.len() {
            ranked.select_nth_unstable_by(top, order);
            ranked.truncate(top);
        }
        ranked.sort_unstable_by(order);
        ranked
    }

    /// How much two articles have in common, in [0, 1]: 1 for the same
    /// text (and for an article with itself), about 0 for unrelated ones.
    /// Symmetric.
    pub fn overlap(&self, a: usize, b: usize) -> f32 {
        if a == b {
            return 1.0;
        }
        let mut shared = 0;
        let mut dot = 0f32;
        self.shingles.for_each_common(a, b, |(), ()| shared += 1);
        self.terms.for_each_common(a, b, |wa, wb| dot += wa * wb);
        self.score(a, b, shared, dot)
    }

    /// The two signals of a pair: (shingle Jaccard, term cosine).
    pub fn signals(&self, a: usize, b: usize) -> (f32, f32) {
        if a == b {
            return (1.0, 1.0);
        }
        let mut shared = 0;
        let mut dot = 0f32;
        self.shingles.for_each_common(a, b, |(), ()| shared += 1);
        self.terms.for_each_common(a, b, |wa, wb| dot += wa * wb);
        (self.jaccard(a, b, shared), dot.clamp(0.0, 1.0))
    }

    fn jaccard(&self, a: usize, b: usize, shared: u32) -> f32 {
        let union = self.shingle_count[a] + self.shingle_count[b] - shared;
        if union == 0 {
            0.0
        } else {
            shared as f32 / union as f32
        }
    }

    fn score(&self, a: usize, b: usize, shared: u32, dot: f32) -> f32 {
        let w = self.options.shingle_weight;
        (w * self.jaccard(a, b, shared) + (1.0 - w) * dot.clamp(0.0, 1.0)).clamp(0.0, 1.0)
    }

    /// Heap bytes held by the index.
    pub fn heap_bytes(&self) -> usize {
        self.shingles.heap_bytes() + self.terms.heap_bytes() + self.shingle_count.capacity() * 4
    }
}

/// How many rounds the build makes its profiles in: one per 128 MB of
/// text, at most four (a small corpus is profiled once).
fn rounds(text: usize) -> u64 {
    (text >> 27).clamp(1, 4) as u64
}

/// The features of a profile in round `round` of `rounds` (the round's
/// share of the hashes, in ascending ranges), sorted by hash, each shingle
/// once (a shingle repeated inside one article counts once), its lists no
/// longer than they need: what the build reads one hash range at a time.
fn in_round(mut p: Profile, round: u64, rounds: u64) -> Profile {
    p.shingles.sort_unstable_by_key(|s| s.0);
    p.shingles.dedup_by_key(|s| s.0);
    // Stable: two terms with one hash keep their order (as they did when
    // the build sorted every entry at once).
    p.terms.sort_by_key(|t| t.0);
    // Copied out at their size (the whole lists are dropped).
    Profile {
        shingles: p.shingles[share(&p.shingles, round, rounds)].to_vec(),
        terms: p.terms[share(&p.terms, round, rounds)].to_vec(),
    }
}

/// Where the hashes of round `round` of `rounds` are in `list` (sorted by
/// hash).
fn share<W>(list: &[(u32, W)], round: u64, rounds: u64) -> std::ops::Range<usize> {
    let of = |hash: u32| (u64::from(hash) * rounds) >> 32;
    let start = list.partition_point(|e| of(e.0) < round);
    start..start + list[start..].partition_point(|e| of(e.0) == round)
}

/// About how many entries one pass of the build sorts: the features are
/// indexed one hash range at a time, so the build's working memory stays
/// flat (about 32–48 MB) however big the corpus.
const PASS_ENTRIES: usize = 4 << 20;

/// The number of hash ranges for `total` entries of a round (of `rounds`,
/// each holding about a `rounds`-th of the hashes).
fn passes(total: usize, rounds: u64) -> u64 {
    total.div_ceil(PASS_ENTRIES).max(1) as u64 * rounds
}

/// Pass `pass` of `passes`: the part of each list (sorted by hash) whose
/// hashes fall in that pass's range (ranges ascend with the pass).
fn pass_lists<'a, W: Sync>(lists: &[&'a [(u32, W)]], pass: u64, passes: u64) -> Vec<&'a [(u32, W)]> {
    let of = |hash: u32| (u64::from(hash) * passes) >> 32;
    lists
        .par_iter()
        .map(|l| {
            let start = l.partition_point(|e| of(e.0) < pass);
            let end = start + l[start..].partition_point(|e| of(e.0) == pass);
            &l[start..end]
        })
        .collect()
}

/// The passes of `passes` whose hash ranges hold some entry of `lists`.
fn busy_passes<W: Sync>(lists: &[&[(u32, W)]], passes: u64) -> impl Iterator<Item = u64> {
    let of = |hash: u32| (u64::from(hash) * passes) >> 32;
    let lowest = lists.par_iter().filter_map(|l| l.first()).map(|e| of(e.0)).min();
    let highest = lists.par_iter().filter_map(|l| l.last()).map(|e| of(e.0)).max();
    match (lowest, highest) {
        (Some(lo), Some(hi)) => lo..hi + 1,
        _ => 0..0,
    }
}

/// The shingle side of the index while it is built, a round at a time.
struct ShingleBuild {
    /// Per article, its distinct shingles under the cap.
    count: Vec<u32>,
    postings: Postings<()>,
}

impl ShingleBuild {
    fn new(docs: usize) -> Self {
        ShingleBuild {
            count: vec![0u32; docs],
            postings: Postings::default(),
        }
    }

    /// Indexes `lists` (a round's features, each above the last round's).
    fn add(&mut self, lists: &[&[(u32, ())]], cap: usize, rounds: u64) {
        let n = lists.len();
        let passes = passes(lists.iter().map(|l| l.len()).sum(), rounds);
        for pass in busy_passes(lists, passes) {
            let all = sorted_entries(&pass_lists(lists, pass, passes));
            // Each thread scans a share of the runs: (postings, per article its
            // distinct shingles under the cap). An article's shingles are
            // distinct ([`in_round`]): a run holds each article once.
            let shares: Vec<(Postings<()>, Vec<u32>)> = split_at_runs(&all, rayon::current_num_threads())
                .into_par_iter()
                .map(|share| {
                    let mut count = vec![0u32; n];
                    let mut postings = Postings::default();
                    for run in runs(share) {
                        if run.len() > cap {
                            continue;
                        }
                        for e in run {
                            count[e.1 as usize] += 1;
                        }
                        if run.len() >= 2 {
                            postings.push(run.iter().map(|e| (e.1, ())));
                        }
                    }
                    (postings, count)
                })
                .collect();
            for (p, c) in shares {
                self.postings.append(p);
                self.count.iter_mut().zip(c).for_each(|(a, b)| *a += b);
            }
        }
    }

    fn finish(self) -> (Inverted<()>, Vec<u32>) {
        let n = self.count.len();
        (Inverted::new(self.postings, n), self.count)
    }
}

/// The term side of the index while it is built, a round at a time.
struct TermBuild {
    /// Per article, the sum of its squared weights.
    norm: Vec<f32>,
    postings: Postings<f32>,
}

impl TermBuild {
    fn new(docs: usize) -> Self {
        TermBuild {
            norm: vec![0f32; docs],
            postings: Postings::default(),
        }
    }

    /// Indexes `lists` (a round's features, each above the last round's).
    fn add(&mut self, lists: &[&[(u32, f32)]], cap: usize, rounds: u64) {
        let docs = lists.len();
        let passes = passes(lists.iter().map(|l| l.len()).sum(), rounds);
        for pass in busy_passes(lists, passes) {
            let all = sorted_entries(&pass_lists(lists, pass, passes));
            for run in runs(&all) {
                if run.len() > cap {
                    continue;
                }
                let idf = ((docs + 1) as f32 / run.len() as f32).ln();
                for &(_, d, tf) in run {
                    self.norm[d as usize] += (tf * idf) * (tf * idf);
                }
                if run.len() >= 2 {
                    self.postings.push(run.iter().map(|&(_, d, tf)| (d, tf * idf)));
                }
            }
        }
    }

    fn finish(mut self) -> Inverted<f32> {
        let docs = self.norm.len();
        for (d, w) in self.postings.each_mut() {
            *w /= self.norm[d as usize].sqrt();
        }
        Inverted::new(self.postings, docs)
    }
}

#[cfg(test)]
mod tests;
