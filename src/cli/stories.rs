//! `parallax stories`: the corpus grouped by event, largest story first.

use std::io::Write;

use serde::Serialize;

use super::articles::report_problems;
use crate::corpus::Corpus;
use crate::escape::line;
use crate::index::{Related, Stories, Story};

/// One story of `stories --json`. Field names are a contract.
#[derive(Debug, Serialize)]
pub struct StoryRow<'a> {
    /// Stable across runs and machines: a short hash of the sorted article ids.
    pub id: &'a str,
    /// The headline of the most central article.
    pub title: &'a str,
    /// Article ids as `list --json` gives them, by date.
    pub articles: Vec<&'a str>,
    /// The outlets that reported it, by name.
    pub outlets: Vec<&'a str>,
    pub first_published: Option<&'a str>,
    pub last_published: Option<&'a str>,
    /// The mean related score between its articles (0–1).
    pub cohesion: f32,
}

impl<'a> StoryRow<'a> {
    pub fn of(story: &'a Story, corpus: &'a Corpus) -> Self {
        StoryRow {
            id: &story.id,
            title: &story.title,
            articles: story
                .articles
                .iter()
                .map(|&a| corpus.articles[a].id.as_str())
                .collect(),
            outlets: story.outlets.iter().map(String::as_str).collect(),
            first_published: story.first_published.as_deref(),
            last_published: story.last_published.as_deref(),
            cohesion: story.cohesion,
        }
    }
}

pub fn stories(corpus: &Corpus, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let related = Related::build(&corpus.articles);
    let stories = Stories::build(&corpus.articles, related.index());
    let rows: Vec<StoryRow> = stories.stories.iter().map(|s| StoryRow::of(s, corpus)).collect();
    if json {
        crate::escape::write_json(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        write_table(&rows, out)?;
    }
    report_problems(corpus, err)
}

fn write_table(rows: &[StoryRow], out: &mut dyn Write) -> std::io::Result<()> {
    if rows.is_empty() {
        writeln!(
            out,
            "No story: no two articles of the corpus report the same event."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<12}  {:>8}  {:>7}  {:<10}  {:<10}  {:>8}  TITLE",
        "ID", "ARTICLES", "OUTLETS", "FIRST", "LAST", "COHESION"
    )?;
    let date = |d: Option<&str>| -> String { line(d.unwrap_or("-")).chars().take(10).collect() };
    for r in rows {
        let title: String = line(r.title).chars().take(90).collect();
        writeln!(
            out,
            "{:<12}  {:>8}  {:>7}  {:<10}  {:<10}  {:>8.3}  {title}",
            r.id,
            r.articles.len(),
            r.outlets.len(),
            date(r.first_published),
            date(r.last_published),
            r.cohesion
        )?;
    }
    Ok(())
}
