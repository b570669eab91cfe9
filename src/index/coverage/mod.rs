//! The coverage of one story: which claims and quotes each outlet carried
//! and which it left out. Every pair of the story's articles goes through
//! the compare engine ([`links`]); the paired sentences are grouped across
//! outlets by complete linkage ([`rows`]), so a claim carried by three
//! outlets is one row; columns are the outlets (an outlet with several
//! articles shows its best match). [`speakers`] says who each outlet
//! quotes; [`report`] writes the Markdown a journalist can paste.

pub mod links;
pub mod report;
pub mod rows;
pub mod speakers;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::compare::{CompareOptions, Doc};
use crate::corpus::Article;

use super::{SpeakerIndex, Story};
pub use speakers::SpeakerRow;

/// How fully an outlet carries a row (ordered: none < partial < full).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Carried {
    /// Not carried (`·`).
    None,
    /// Carried in part (`◐`): a `partial` or possible pair, an altered quote.
    Partial,
    /// Carried (`●`): a strong `same` or `quote` pair, the same quotation,
    /// or the outlet's own sentence that no one else carries.
    Full,
}

impl Carried {
    pub fn as_str(self) -> &'static str {
        match self {
            Carried::None => "none",
            Carried::Partial => "partial",
            Carried::Full => "full",
        }
    }

    /// The matrix symbol.
    pub fn symbol(self) -> char {
        match self {
            Carried::None => '·',
            Carried::Partial => '◐',
            Carried::Full => '●',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Claim,
    Quote,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Claim => "claim",
            RowKind::Quote => "quote",
        }
    }
}

/// One sentence of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The article: a corpus position in a [`Coverage`] (a position in the
    /// documents given to [`rows::group`]).
    pub article: usize,
    /// The sentence index in the article's analysis, and its char range.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Its best link inside the row.
    pub carried: Carried,
}

/// A claim or quote and who carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// The sentence most strongly tied to the others (whitespace folded).
    pub text: String,
    /// Every sentence of the row, at most one per article.
    pub members: Vec<Member>,
    /// Per column: how fully that outlet carries it.
    pub cells: Vec<Carried>,
    /// Per column: its best member (an index into `members`).
    pub best: Vec<Option<usize>>,
}

impl Row {
    /// How many outlets carry it (fully or in part).
    pub fn outlets(&self) -> usize {
        self.cells.iter().filter(|&&c| c != Carried::None).count()
    }

    /// The first sentence (article, sentence) of the row.
    pub fn first(&self) -> Option<(usize, usize)> {
        self.members.iter().map(|m| (m.article, m.sentence)).min()
    }

    /// The member shown in column `c`.
    pub fn cell_member(&self, c: usize) -> Option<&Member> {
        self.best.get(c).copied().flatten().map(|i| &self.members[i])
    }
}

/// One column: an outlet, or an article that names none.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The outlet's name, else the article's file name.
    pub label: String,
    /// The outlet's name, else the article's id (the JSON key).
    pub key: String,
    /// False when the article names no outlet.
    pub named: bool,
    /// Its articles (corpus positions), in story order.
    pub articles: Vec<usize>,
}

/// The coverage matrix of one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub story: String,
    pub title: String,
    /// The story's articles (corpus positions), by date.
    pub articles: Vec<usize>,
    pub columns: Vec<Column>,
    /// Most outlets first, then most fully carried, then in text order.
    pub rows: Vec<Row>,
    /// Who each outlet quotes, quoted by most outlets first.
    pub speakers: Vec<SpeakerRow>,
}

impl Coverage {
    /// The coverage of `story`, from the corpus articles and the index's
    /// analyses and speakers.
    pub fn build(
        story: &Story,
        articles: &[Article],
        index: &SpeakerIndex,
        options: &CompareOptions,
    ) -> Coverage {
        Self::build_with(story, articles, &index.analyses, Some(index), options)
    }

    /// [`Coverage::build`] from analyses alone (no speakers without an index).
    pub fn build_with(
        story: &Story,
        articles: &[Article],
        analyses: &[Analysis],
        index: Option<&SpeakerIndex>,
        options: &CompareOptions,
    ) -> Coverage {
        let columns = columns(&story.articles, articles);
        let mut column = vec![0; story.articles.len()];
        for (c, col) in columns.iter().enumerate() {
            for a in &col.articles {
                if let Some(d) = story.articles.iter().position(|x| x == a) {
                    column[d] = c;
                }
            }
        }
        let docs: Vec<Doc> = story
            .articles
            .iter()
            .map(|&a| Doc {
                article: &articles[a],
                analysis: &analyses[a],
            })
            .collect();
        let links = links::links(&docs, options);
        let mut rows = rows::group(&docs, &links, &column, columns.len());
        for m in rows.iter_mut().flat_map(|r| r.members.iter_mut()) {
            m.article = story.articles[m.article];
        }
        let speakers = index.map_or_else(Vec::new, |i| speakers::per_outlet(&columns, i));
        Coverage {
            story: story.id.clone(),
            title: story.title.clone(),
            articles: story.articles.clone(),
            columns,
            rows,
            speakers,
        }
    }

    /// The column of corpus article `article`.
    pub fn column_of(&self, article: usize) -> Option<usize> {
        self.columns.iter().position(|c| c.articles.contains(&article))
    }
}

/// The columns of a story's articles: one per outlet (folded by the
/// corpus already), one per article that names none; in story order.
pub fn columns(story: &[usize], articles: &[Article]) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for &a in story {
        let article = &articles[a];
        match article.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(name) => match out.iter_mut().find(|c| c.named && c.key == name) {
                Some(c) => c.articles.push(a),
                None => out.push(Column {
                    label: name.to_owned(),
                    key: name.to_owned(),
                    named: true,
                    articles: vec![a],
                }),
            },
            None => out.push(Column {
                label: article
                    .path
                    .file_name()
                    .map_or_else(|| article.id.clone(), |f| f.to_string_lossy().into_owned()),
                key: article.id.clone(),
                named: false,
                articles: vec![a],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests;

/// Column letters: A, B, … Z, then AA.
pub fn column_letter(i: usize) -> String {
    let mut s = String::new();
    let mut n = i + 1;
    while n > 0 {
        n -= 1;
        s.insert(0, char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    s
}
