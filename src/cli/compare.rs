//! `parallax compare A B`: the comparison as JSON or as a Markdown report.

use std::io::Write;

use serde::Serialize;

use super::articles::find_article;
use super::summary::ArticleSummary;
use super::{EXIT_OK, EXIT_PROBLEMS};
use crate::analysis::analyze;
use crate::compare::markdown::write_markdown;
use crate::compare::{Comparison, Doc, compare as compare_docs};
use crate::config;
use crate::corpus::Article;

/// `compare --json`. Field names are a user contract.
#[derive(Debug, Serialize)]
pub struct CompareReport<'a> {
    pub left: ArticleSummary<'a>,
    pub right: ArticleSummary<'a>,
    #[serde(flatten)]
    pub comparison: &'a Comparison,
}

/// Reads the two articles of `parallax compare A B`; `Err(exit status)`
/// after reporting their problems on `err`.
pub fn load_pair(left: &str, right: &str, err: &mut dyn Write) -> anyhow::Result<Result<Vec<Article>, i32>> {
    let mut articles = Vec::with_capacity(2);
    for spec in [left, right] {
        match find_article(spec)? {
            Ok(article) => articles.push(article),
            Err(problems) => {
                for p in problems {
                    writeln!(err, "parallax: {p}")?;
                }
                return Ok(Err(EXIT_PROBLEMS));
            }
        }
    }
    Ok(Ok(articles))
}

pub fn compare(
    left: &str,
    right: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let articles = match load_pair(left, right, err)? {
        Ok(articles) => articles,
        Err(code) => return Ok(code),
    };
    let (l, r) = (&articles[0], &articles[1]);
    // A broken config file was reported by `cli::run`.
    let (config, _) = config::load(config::config_path().as_deref());
    let (la, ra) = rayon::join(|| analyze(l), || analyze(r));
    let comparison = compare_docs(
        Doc {
            article: l,
            analysis: &la,
        },
        Doc {
            article: r,
            analysis: &ra,
        },
        &config.thresholds.compare_options(),
    );
    if json {
        let report = CompareReport {
            left: ArticleSummary::of(l),
            right: ArticleSummary::of(r),
            comparison: &comparison,
        };
        crate::escape::write_json(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        write_markdown(l, r, &comparison, out)?;
    }
    Ok(EXIT_OK)
}
