//! `parallax compare A B`: the comparison as JSON or as a Markdown report.

use std::io::Write;

use serde::Serialize;

use super::EXIT_OK;
use super::articles::{Unreadable, find_article};
use super::summary::ArticleSummary;
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

/// Reads the two articles of `parallax compare A B`.
pub fn load_pair(left: &str, right: &str) -> Result<Vec<Article>, Unreadable> {
    Ok(vec![find_article(left)?, find_article(right)?])
}

pub fn compare(
    left: &str,
    right: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let articles = match load_pair(left, right) {
        Ok(articles) => articles,
        Err(unreadable) => return Ok(unreadable.report(err)?),
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
