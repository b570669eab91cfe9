//! `parallax story ID`: the coverage of one story (an id of `parallax
//! stories`): which claims and quotes each outlet carried, as a matrix
//! (text), JSON or a Markdown report.

use std::io::Write;

use serde::Serialize;
use serde::ser::SerializeMap;

use super::articles::report_problems;
use super::{EXIT_PROBLEMS, EXIT_USAGE};
use crate::config;
use crate::corpus::{Article, Corpus};
use crate::escape::line;
use crate::index::coverage::{Coverage, column_letter as letter, report};
use crate::index::{Related, SpeakerIndex, Stories, Story};

/// `story --json`. Field names are a contract.
#[derive(Debug, Serialize)]
pub struct StoryReport<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub articles: Vec<StoryArticle<'a>>,
    pub rows: Vec<RowJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct StoryArticle<'a> {
    /// As `list --json` gives it.
    pub id: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub title: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct RowJson<'a> {
    /// `claim` or `quote`.
    pub kind: &'static str,
    pub text: &'a str,
    /// Per outlet (the article id for an article naming none), in column
    /// order: `full`, `partial` or `none`.
    pub carried: Ordered<&'a str, &'static str>,
    /// Per article of the row: the sentence's char range `[start, end]`.
    pub sentences: Ordered<&'a str, [usize; 2]>,
}

/// A JSON object whose keys keep their order.
#[derive(Debug)]
pub struct Ordered<K, V>(pub Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Ordered<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'a> StoryReport<'a> {
    pub fn of(c: &'a Coverage, articles: &'a [Article]) -> Self {
        let article = |a: usize| {
            let x = &articles[a];
            StoryArticle {
                id: &x.id,
                outlet: x.source.as_deref(),
                published: x.published_display(),
                title: x.title.as_deref(),
            }
        };
        StoryReport {
            id: &c.story,
            title: &c.title,
            articles: c.articles.iter().map(|&a| article(a)).collect(),
            rows: c
                .rows
                .iter()
                .map(|r| RowJson {
                    kind: r.kind.as_str(),
                    text: &r.text,
                    carried: Ordered(
                        c.columns
                            .iter()
                            .zip(&r.cells)
                            .map(|(col, cell)| (col.key.as_str(), cell.as_str()))
                            .collect(),
                    ),
                    sentences: Ordered(
                        r.members
                            .iter()
                            .map(|m| (articles[m.article].id.as_str(), [m.start, m.end]))
                            .collect(),
                    ),
                })
                .collect(),
        }
    }
}

/// How `story` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryFormat {
    Text,
    Json,
    Markdown,
}

/// The story `id` names: the whole id, or a prefix of one story's id.
pub fn find<'a>(stories: &'a Stories, id: &str) -> Result<&'a Story, String> {
    let id = id.trim();
    if let Some(s) = stories.stories.iter().find(|s| s.id == id) {
        return Ok(s);
    }
    let matching: Vec<&Story> = stories
        .stories
        .iter()
        .filter(|s| !id.is_empty() && s.id.starts_with(id))
        .collect();
    match matching[..] {
        [one] => Ok(one),
        [] => Err(format!(
            "no story with id {}; `parallax stories` lists the stories of this corpus and their ids",
            line(id)
        )),
        _ => Err(format!(
            "{} stories have ids starting with {}; give more of the id (`parallax stories` lists them)",
            matching.len(),
            line(id)
        )),
    }
}

pub fn story(
    corpus: &Corpus,
    id: &str,
    format: StoryFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    if id.trim().is_empty() {
        writeln!(
            err,
            "parallax: story needs a story id (`parallax stories` lists them)"
        )?;
        return Ok(EXIT_USAGE);
    }
    let (speakers, stories) = rayon::join(
        || SpeakerIndex::build(corpus),
        || Stories::build(&corpus.articles, Related::build(&corpus.articles).index()),
    );
    let story = match find(&stories, id) {
        Ok(s) => s,
        Err(message) => {
            writeln!(err, "parallax: {message}")?;
            report_problems(corpus, err)?;
            return Ok(EXIT_PROBLEMS);
        }
    };
    let (config, _) = config::load(config::config_path().as_deref());
    let coverage = Coverage::build(
        story,
        &corpus.articles,
        &speakers,
        &config.thresholds.compare_options(),
    );
    match format {
        StoryFormat::Json => {
            crate::escape::write_json(&mut *out, &StoryReport::of(&coverage, &corpus.articles))?;
            writeln!(out)?;
        }
        StoryFormat::Markdown => report::write_markdown(&coverage, &corpus.articles, out)?,
        StoryFormat::Text => write_matrix(&coverage, &corpus.articles, out)?,
    }
    report_problems(corpus, err)
}

fn write_matrix(c: &Coverage, articles: &[Article], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Story {}: {}", c.story, line(&c.title))?;
    for (i, col) in c.columns.iter().enumerate() {
        for &a in &col.articles {
            let x = &articles[a];
            writeln!(
                out,
                "  {:<2} {:<24}  {:<10}  {}",
                letter(i),
                line(&col.label),
                line(x.published_display().unwrap_or("-")),
                line(x.title.as_deref().unwrap_or(&x.id))
            )?;
        }
    }
    writeln!(out, "\n● carried  ◐ carried in part  · not carried\n")?;
    let heads: Vec<String> = (0..c.columns.len()).map(letter).collect();
    writeln!(out, "{}  KIND   TEXT", heads.join(" "))?;
    for r in &c.rows {
        let cells: Vec<String> = r
            .cells
            .iter()
            .zip(&heads)
            .map(|(cell, h)| format!("{:<w$}", cell.symbol(), w = h.len()))
            .collect();
        let text: String = line(&r.text).chars().take(100).collect();
        writeln!(out, "{}  {:<5}  {text}", cells.join(" "), r.kind.as_str())?;
    }
    Ok(())
}
