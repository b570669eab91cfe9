//! Every pair of articles of the index scoring at least a threshold: the
//! sparse similarity graph that stories are clustered from, computed once
//! for the whole corpus instead of one ranked query per article.
//!
//! Candidates come from the features that few articles share (a shingle
//! or a term in at most [`RARE`] articles): an article's neighbours are
//! found without walking the long postings of common terms. Each candidate
//! is then scored exactly ([`RelatedIndex::overlap`]).

use rayon::prelude::*;

use super::RelatedIndex;

/// A feature in more articles than this does not propose candidates (it
/// still counts in the exact score).
const RARE: usize = 48;

/// A candidate is scored exactly when the rare features alone reach this
/// share of the threshold.
const PROPOSE: f32 = 0.5;

impl RelatedIndex {
    /// Every pair `(a, b, score)` with `a < b` and
    /// [`overlap`](Self::overlap) at least `min_score` (above 0), sorted
    /// by `(a, b)`. Pairs that share only common features are not found
    /// (their score is low in any corpus of more than a few articles).
    pub fn pairs_above(&self, min_score: f32) -> Vec<(u32, u32, f32)> {
        let n = self.len();
        let w = self.options.shingle_weight;
        let rows: Vec<Vec<(u32, u32, f32)>> = (0..n)
            .into_par_iter()
            .map_init(
                || (vec![0u32; n], vec![0f32; n], Vec::new()),
                |(shared, dot, touched), doc| {
                    self.shingles.for_each_shared_rare(doc, RARE, |other, (), ()| {
                        if other > doc {
                            if shared[other] == 0 && dot[other] == 0.0 {
                                touched.push(other);
                            }
                            shared[other] += 1;
                        }
                    });
                    self.terms.for_each_shared_rare(doc, RARE, |other, a, b| {
                        if other > doc {
                            if shared[other] == 0 && dot[other] == 0.0 {
                                touched.push(other);
                            }
                            dot[other] += a * b;
                        }
                    });
                    let mut row = Vec::new();
                    for &other in touched.iter() {
                        let partial = w * self.jaccard(doc, other, shared[other]) + (1.0 - w) * dot[other];
                        shared[other] = 0;
                        dot[other] = 0.0;
                        if partial >= PROPOSE * min_score {
                            let score = self.overlap(doc, other);
                            if score >= min_score {
                                row.push((doc as u32, other as u32, score));
                            }
                        }
                    }
                    touched.clear();
                    row.sort_unstable_by_key(|p| p.1);
                    row
                },
            )
            .collect();
        rows.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::stories_texts;
    use super::*;

    #[test]
    fn pairs_above_finds_every_pair_a_full_scan_finds() {
        let texts = stories_texts();
        let idx = RelatedIndex::from_texts(&texts, Default::default());
        for min in [0.05, 0.1, 0.2] {
            let mut expected = Vec::new();
            for a in 0..texts.len() {
                for b in a + 1..texts.len() {
                    let s = idx.overlap(a, b);
                    if s >= min {
                        expected.push((a as u32, b as u32, s));
                    }
                }
            }
            assert!(!expected.is_empty());
            assert_eq!(idx.pairs_above(min), expected, "min {min}");
        }
    }
}
