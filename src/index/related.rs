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
    /// Per article, the first article with the same body (itself when
    /// none before it has): copies are not related articles, they are the
    /// article again.
    original: Vec<u32>,
}

impl Related {
    pub fn build(articles: &[Article]) -> Related {
        let mut original: Vec<u32> = (0..articles.len() as u32).collect();
        for d in crate::corpus::find_duplicates(articles) {
            original[d.duplicate] = d.original as u32;
        }
        Related {
            index: RelatedIndex::build(articles),
            original,
        }
    }

    /// True when articles `a` and `b` have the same body.
    pub fn same_body(&self, a: usize, b: usize) -> bool {
        self.original
            .get(a)
            .is_some_and(|o| Some(o) == self.original.get(b))
    }

    /// The at most `top` articles most related to article `doc`, scoring
    /// at least `min_score`, best first: `(article, score 0–1)`. Copies of
    /// `doc` (the same body) are left out.
    pub fn top(&self, doc: usize, top: usize, min_score: f32) -> Vec<(usize, f32)> {
        let copies = self
            .original
            .iter()
            .filter(|&&o| Some(&o) == self.original.get(doc))
            .count();
        let mut out = self.index.related(doc, top + copies);
        out.retain(|&(other, score)| score >= min_score && !self.same_body(doc, other));
        out.truncate(top);
        out
    }

    /// The best related article whatever its score (copies left out):
    /// what an empty list below the threshold names.
    pub fn best(&self, doc: usize) -> Option<(usize, f32)> {
        self.top(doc, 1, f32::MIN).into_iter().next()
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
        assert_eq!(related.best(0), Some(all[0]));
    }

    /// A copy of an article (the same body, under its own or another
    /// title) is not its best related article at 100%: it is left out.
    #[test]
    fn copies_of_the_article_are_not_related_articles() {
        let mut articles = demo_corpus().articles;
        let mut copy = articles[0].clone();
        copy.id = "inbox/copy.txt".into();
        articles.push(copy.clone());
        copy.id = "inbox/retitled.txt".into();
        copy.title = Some("Another title".into());
        articles.push(copy);
        let related = Related::build(&articles);
        let n = articles.len();
        for doc in [0, n - 2, n - 1] {
            let top = related.top(doc, 5, 0.0);
            assert_eq!(top.len(), 5);
            assert!(top.iter().all(|&(a, _)| a < n - 2 && a != 0), "{doc}: {top:?}");
            assert!(top[0].1 < 0.99, "{top:?}");
        }
        assert!(related.same_body(0, n - 1));
        assert!(!related.same_body(0, 1));
    }
}
