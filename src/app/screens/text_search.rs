//! The full-text search results: every sentence of the corpus matching a
//! query (words and "phrases", smart case), one row each with its article;
//! `Enter` opens the article in the reader at the hit, where `n`/`N` step
//! through the article's hits.

use crate::app::action::Action;
use crate::app::cite::{self, Effect};
use crate::app::context::Ctx;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::corpus::Article;
use crate::index::{Query, TextIndex};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSearch {
    /// The query as typed.
    pub query: String,
    pub parsed: Query,
    /// The matching sentences (ids of the text index), in corpus order.
    pub hits: Vec<u32>,
    /// Distinct articles among the hits.
    pub articles: usize,
    pub cursor: ListCursor,
}

/// Runs `query` over the corpus's text index.
pub fn open(ctx: &Ctx, text: &TextIndex, query: &str) -> TextSearch {
    let parsed = Query::parse(query);
    let hits = text.search(&ctx.corpus.articles, &parsed);
    let mut articles = 0;
    let mut last = None;
    for &id in &hits {
        let article = text.article_of(id);
        if last != Some(article) {
            articles += 1;
            last = Some(article);
        }
    }
    TextSearch {
        query: query.to_string(),
        parsed,
        hits,
        articles,
        cursor: ListCursor::default(),
    }
}

impl TextSearch {
    /// "12 sentences in 3 articles".
    pub fn summary(&self) -> String {
        let n = self.hits.len();
        format!(
            "{n} {} in {} {}",
            if n == 1 { "sentence" } else { "sentences" },
            self.articles,
            if self.articles == 1 { "article" } else { "articles" }
        )
    }

    /// The hits of the selected row's article as char offsets in its body,
    /// and which of them the selected row starts with: what the reader
    /// steps through with `n`/`N`.
    pub fn article_hits(&self, text: &TextIndex, articles: &[Article]) -> Option<ArticleHits> {
        let &id = self.hits.get(self.cursor.selected)?;
        let article = text.article_of(id);
        let range = text.article_sentences(article);
        let from = self.hits.partition_point(|&h| h < range.start);
        let to = self.hits.partition_point(|&h| h < range.end);
        let body = &articles[article].body;
        let mut matches = Vec::new();
        let mut current = 0;
        // Byte offsets to char offsets, walking the body once.
        let (mut byte, mut chars) = (0, 0);
        let mut to_char = |b: usize| {
            chars += body[byte..b].chars().count();
            byte = b;
            chars
        };
        for &h in &self.hits[from..to] {
            if h == id {
                current = matches.len();
            }
            for (s, e) in text.spans(articles, h, &self.parsed) {
                let start = to_char(s);
                let end = to_char(e);
                matches.push((start, end));
            }
        }
        Some(ArticleHits {
            article,
            matches,
            current,
        })
    }
}

/// An article's hits, for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHits {
    pub article: usize,
    /// `(start, end)` char offsets in the body, in order.
    pub matches: Vec<(usize, usize)>,
    /// The match the reader starts at.
    pub current: usize,
}

pub fn update(list: &mut TextSearch, ctx: &Ctx, action: Action) -> Outcome {
    if list.cursor.apply(&action, list.hits.len(), ctx.list_rows()) {
        return Outcome::none();
    }
    match action {
        Action::Open if !list.hits.is_empty() => Outcome::push(Route::SearchHit),
        Action::Open => Outcome::notice(format!("nothing matches {}", list.query)),
        Action::Yank | Action::OpenUrl => {
            let Some(index) = ctx.index else {
                return Outcome::none();
            };
            let Some(&id) = list.hits.get(list.cursor.selected) else {
                return Outcome::none();
            };
            let at = index.text.locate(&ctx.corpus.articles, id);
            let article = &ctx.corpus.articles[at.article];
            if action == Action::OpenUrl {
                return cite::open_url(article);
            }
            Outcome::effect(Effect::Copy {
                text: cite::citation(ctx.citation, &article.body[at.start..at.end], None, article),
                what: "sentence".into(),
            })
        }
        _ => Outcome::none(),
    }
}
