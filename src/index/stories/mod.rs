//! Stories: the corpus grouped by event. Articles that report the same
//! event score high against each other in the related index; complete
//! linkage over those scores groups them so that every pair of a story is
//! related (no chaining through a middle article), and event cues keep
//! two events of the same kind apart (two rehab stories, two earthquakes):
//! articles dated far apart, or whose leads name different years, places
//! or figures, score lower before clustering.

mod cues;
mod linkage;

pub use linkage::complete_linkage;

use crate::compare::RelatedIndex;
use crate::corpus::Article;

use cues::Cues;

/// Tuning of the grouping (the defaults were tuned on the development
/// sets of BASIL and ECB+: `examples/eval_stories.rs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryOptions {
    /// Two clusters merge when every pair across them scores at least this
    /// (after the event cues).
    pub threshold: f32,
    /// A merge keeps this share of each cluster's cohesion: the mean score
    /// across must reach `ratio` times the mean score inside each.
    pub ratio: f32,
    /// Apply the event cues (publication dates far apart).
    pub cues: bool,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            threshold: 0.04,
            ratio: 0.0,
            cues: true,
        }
    }
}

/// One story: two articles or more reporting the same event.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Stable across runs and machines: a short hash of the sorted article ids.
    pub id: String,
    /// The headline of the most central article (its id when it has none).
    pub title: String,
    /// Article positions in the corpus, by date (undated last), then position.
    pub articles: Vec<usize>,
    /// The most central article: the highest mean related score to the others.
    pub central: usize,
    /// The outlets that reported it, by name (articles without one are not counted).
    pub outlets: Vec<String>,
    /// The earliest and latest publication dates, as the articles give them.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// The mean related score between its articles (0–1).
    pub cohesion: f32,
}

impl Story {
    /// The articles at `articles` taken as one story as they are given (the
    /// first is the central one), with no outlets, dates or cohesion
    /// computed: for callers that know the grouping already (an evaluation's
    /// events, a benchmark, a test) and want its coverage.
    pub fn of(id: impl Into<String>, title: impl Into<String>, articles: Vec<usize>) -> Story {
        let central = articles.first().copied().unwrap_or(0);
        Story {
            id: id.into(),
            title: title.into(),
            articles,
            central,
            outlets: Vec::new(),
            first_published: None,
            last_published: None,
            cohesion: 0.0,
        }
    }
}

/// The stories of a corpus, largest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    pub stories: Vec<Story>,
}

impl Stories {
    /// Groups `articles` (the ones `related` was built from) into stories.
    pub fn build(articles: &[Article], related: &RelatedIndex) -> Stories {
        Self::build_with(articles, related, StoryOptions::default())
    }

    pub fn build_with(articles: &[Article], related: &RelatedIndex, options: StoryOptions) -> Stories {
        let clusters = cluster(articles, related, options);
        let mut stories: Vec<Story> = clusters
            .into_iter()
            .map(|members| story(articles, related, members))
            .collect();
        stories.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then(a.articles.iter().min().cmp(&b.articles.iter().min()))
        });
        Stories { stories }
    }

    /// The story an article belongs to, if any.
    pub fn of_article(&self, article: usize) -> Option<&Story> {
        self.stories.iter().find(|s| s.articles.contains(&article))
    }

    pub fn len(&self) -> usize {
        self.stories.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }
}

/// The clusters of two articles or more (article positions).
pub fn cluster(articles: &[Article], related: &RelatedIndex, options: StoryOptions) -> Vec<Vec<usize>> {
    let mut pairs = related.pairs_above(options.threshold);
    if options.cues {
        let cues: Vec<Cues> = articles.iter().map(Cues::of).collect();
        for p in &mut pairs {
            p.2 *= cues::factor(&cues[p.0 as usize], &cues[p.1 as usize]);
        }
    }
    complete_linkage(related.len(), &pairs, options.threshold, options.ratio)
}

fn story(articles: &[Article], related: &RelatedIndex, mut members: Vec<usize>) -> Story {
    let n = members.len();
    let mut sums = vec![0f32; n];
    let mut total = 0f32;
    for i in 0..n {
        for j in i + 1..n {
            let s = related.overlap(members[i], members[j]);
            sums[i] += s;
            sums[j] += s;
            total += s;
        }
    }
    let pairs = (n * (n - 1) / 2).max(1) as f32;
    // The most central article; ties to the first in corpus order.
    let central = (0..n)
        .max_by(|&a, &b| sums[a].total_cmp(&sums[b]).then(members[b].cmp(&members[a])))
        .map_or(members[0], |i| members[i]);
    let mut ids: Vec<&str> = members.iter().map(|&m| articles[m].id.as_str()).collect();
    ids.sort_unstable();
    members.sort_by_key(|&m| {
        (
            articles[m].published_key().is_none(),
            articles[m].published_key(),
            m,
        )
    });
    let mut outlets: Vec<String> = members
        .iter()
        .filter_map(|&m| articles[m].source.as_deref())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    outlets.sort();
    outlets.dedup();
    let dated: Vec<&Article> = members
        .iter()
        .map(|&m| &articles[m])
        .filter(|a| a.published_key().is_some())
        .collect();
    let a = &articles[central];
    Story {
        id: story_id(&ids),
        title: a.title.clone().unwrap_or_else(|| a.id.clone()),
        central,
        outlets,
        first_published: dated
            .first()
            .and_then(|a| a.published_display())
            .map(str::to_owned),
        last_published: dated
            .last()
            .and_then(|a| a.published_display())
            .map(str::to_owned),
        cohesion: total / pairs,
        articles: members,
    }
}

/// 12 hex digits of the 64-bit FNV-1a hash of the sorted ids, each
/// followed by a newline: the same story has the same id everywhere.
pub fn story_id(sorted_ids: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for id in sorted_ids {
        for &b in id.as_bytes().iter().chain(b"\n") {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:012x}", h >> 16)
}

#[cfg(test)]
mod tests;
