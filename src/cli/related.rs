//! `parallax related`: the articles of a corpus most related to one article.

use std::fs;
use std::io::Write;

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::CorpusArgs;
use super::articles::{find_article, report_problems};
use crate::config;
use crate::corpus::{Article, Corpus};
use crate::escape::line;
use crate::index::Related;

/// One row of `related --json`. Field names are a contract.
#[derive(Debug, Serialize)]
pub struct RelatedRow<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub score: f32,
}

/// `parallax related ARTICLE [--corpus PATH...] [--top N] [--json]`.
#[derive(Debug, Args)]
pub struct RelatedArgs {
    /// A file, `FILE#N`, or an article id in the corpus (`demo/rail-valley-wire.txt`).
    pub article: String,
    /// Corpus files or folders, after ARTICLE since it takes several
    /// (default: the folder ARTICLE is in; the demo corpus for a demo id).
    #[arg(long = "corpus", num_args = 1..)]
    pub corpus: Vec<PathBuf>,
    /// How many related articles to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// List only articles scoring at least this (0–1; default: the
    /// config's `thresholds.related`, 0.1, as in the TUI's related list).
    #[arg(long, value_name = "SCORE")]
    pub min_score: Option<f32>,
    /// Print a JSON array `[{id, title, source, score}]` instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &RelatedArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let paths = match &args.corpus[..] {
        [] => own_folder(&args.article).into_iter().collect(),
        given => given.to_vec(),
    };
    let which = match &paths[..] {
        [] => "the demo corpus".to_string(),
        paths => paths
            .iter()
            .map(|p| line(&p.display().to_string()).into_owned())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let corpus = CorpusArgs::of(paths).load();
    let min_score = match args.min_score {
        Some(score) => score,
        // A broken config file was reported by `cli::run`.
        None => {
            config::load(config::config_path().as_deref())
                .0
                .thresholds
                .related
        }
    };
    related(
        &args.article,
        (corpus, &which),
        (args.top, min_score),
        args.json,
        out,
        err,
    )
}

/// Without `--corpus`, the folder the article's file is in (`None` for a
/// demo id, which ranks against the demo corpus).
fn own_folder(spec: &str) -> Option<PathBuf> {
    let path = match spec.rsplit_once('#') {
        Some((p, n)) if n.parse::<usize>().is_ok() && !std::path::Path::new(spec).exists() => p,
        _ => spec,
    };
    let path = std::path::Path::new(path);
    if !path.is_file() {
        return None;
    }
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => Some(dir.to_path_buf()),
        _ => Some(PathBuf::from(".")),
    }
}

fn related(
    spec: &str,
    (mut corpus, which): (Corpus, &str),
    (top, min_score): (usize, f32),
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let doc = match locate(&corpus.articles, spec) {
        Some(doc) => doc,
        None => match find_article(spec) {
            Ok(article) => same_text(&corpus.articles, &article).unwrap_or_else(|| {
                corpus.articles.push(article);
                corpus.articles.len() - 1
            }),
            Err(unreadable) => return Ok(unreadable.report(err)?),
        },
    };
    let index = Related::build(&corpus.articles);
    let best = index.best(doc);
    // Which corpus the article was ranked against: on stderr beside JSON.
    let which = format!("{which} ({} articles)", corpus.articles.len());
    if json {
        writeln!(err, "parallax: related articles from {which}")?;
    }
    let rows: Vec<RelatedRow> = index
        .top(doc, top, min_score)
        .into_iter()
        .map(|(other, score)| {
            let a = &corpus.articles[other];
            RelatedRow {
                id: &a.id,
                title: a.title.as_deref(),
                source: a.source.as_deref(),
                score,
            }
        })
        .collect();
    if json {
        crate::escape::write_json(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        let best = best.map(|(a, score)| (&corpus.articles[a], score, min_score));
        write_table(&corpus.articles[doc], &which, &rows, best, out)?;
    }
    report_problems(&corpus, err)
}

/// The article of the corpus named by `spec`: its id, or the file it came
/// from (however the path is spelled).
fn locate(articles: &[Article], spec: &str) -> Option<usize> {
    if let Some(i) = articles.iter().position(|a| a.id == spec) {
        return Some(i);
    }
    let wanted = fs::canonicalize(spec).ok()?;
    let name = wanted.file_name()?;
    articles.iter().position(|a| {
        a.path.file_name() == Some(name) && fs::canonicalize(&a.path).is_ok_and(|p| p == wanted)
    })
}

/// An article of the corpus with the same title and body as `article`
/// (`related corpus/demo/x.txt` names the demo's own `demo/x.txt`).
fn same_text(articles: &[Article], article: &Article) -> Option<usize> {
    articles
        .iter()
        .position(|a| a.body == article.body && a.title == article.title)
}

/// The best article whatever its score, its score and the threshold.
type Best<'a> = Option<(&'a Article, f32, f32)>;

fn write_table(
    article: &Article,
    which: &str,
    rows: &[RelatedRow],
    best: Best,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "Related to: {}",
        describe(article.title.as_deref(), &article.id)
    )?;
    writeln!(out, "Corpus: {which}")?;
    if rows.is_empty() {
        match best {
            Some((a, score, min)) => writeln!(
                out,
                "No article in the corpus reaches the threshold {min:.3}; the best, {}, scores {score:.3} \
                 (--min-score 0 lists it).",
                describe(a.title.as_deref(), &a.id)
            )?,
            None => writeln!(out, "No other article in the corpus shares a word with it.")?,
        }
        return Ok(());
    }
    writeln!(out, "{:>5}  {:<20}  TITLE", "SCORE", "SOURCE")?;
    for r in rows {
        let source: String = line(r.source.unwrap_or("-")).chars().take(20).collect();
        writeln!(out, "{:>5.3}  {source:<20}  {}", r.score, describe(r.title, r.id))?;
    }
    Ok(())
}

fn describe(title: Option<&str>, id: &str) -> String {
    match title {
        Some(title) => format!("{} ({})", line(title), line(id)),
        None => line(id).into_owned(),
    }
}
