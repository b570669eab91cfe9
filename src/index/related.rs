//! Related articles with the threshold both the CLI and the TUI apply.

use crate::compare::RelatedIndex;
use crate::corpus::Article;

/// The lowest score listed as related by default (the config's
/// `thresholds.related` and `related --min-score` change it).
pub const RELATED_MIN_SCORE: f32 = 0.1;

/// Which articles are related (shared wording and terms).
#[derive(Debug)]
pub struct Related {
    index: RelatedIndex,
}

impl Related {
    pub fn build(articles: &[Article]) -> Related {
        Related {
            index: RelatedIndex::build(articles),
        }
    }

    /// The at most `top` articles most related to article `doc`, scoring
    /// at least `min_score`, best first: `(article, score 0–1)`.
    pub fn top(&self, doc: usize, top: usize, min_score: f32) -> Vec<(usize, f32)> {
        let mut out = self.index.related(doc, top);
        out.retain(|&(_, score)| score >= min_score);
        out
    }

    /// The underlying index (benchmarks, evaluation).
    pub fn index(&self) -> &RelatedIndex {
        &self.index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::demo_corpus;

    #[test]
    fn the_threshold_drops_weak_neighbours_and_keeps_the_order() {
        let corpus = demo_corpus();
        let related = Related::build(&corpus.articles);
        let all = related.top(0, 20, 0.0);
        assert_eq!(all.len(), corpus.articles.len() - 1);
        let strong = related.top(0, 20, RELATED_MIN_SCORE);
        assert!(strong.len() < all.len(), "{all:?}");
        assert!(strong.iter().all(|&(_, s)| s >= RELATED_MIN_SCORE));
        assert_eq!(strong[..], all[..strong.len()]);
        assert!(related.top(0, 20, 1.1).is_empty());
    }
}
