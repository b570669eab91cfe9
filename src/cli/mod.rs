//! The command line: clap definitions and the non-interactive commands.
//! Every command writes to a `Write` so tests can capture it, and returns
//! an exit status: 0 success, 1 problems in the input, 2 usage errors.

mod articles;
mod check;
mod compare;
mod compare_markdown;
mod config_cmd;
mod quotes;
mod related;
mod speakers;
mod stories;
mod summary;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use std::sync::atomic::AtomicUsize;

use crate::corpus::{self, Corpus, LoadOptions};

pub use compare::load_pair;
pub use summary::ArticleSummary;

/// Read news and compare how outlets cover the same story.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Corpus files or folders to open in the TUI (default: the built-in demo corpus).
    pub paths: Vec<PathBuf>,

    /// Colour theme: default, light, high-contrast, mono, or a user theme.
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,

    /// Write a debugging log (jobs, timings, errors) to FILE (off by
    /// default; appends).
    #[arg(long, global = true, value_name = "FILE")]
    pub log: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles of a corpus.
    List {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: metadata and body.
    Show {
        /// The article file (for a multi-article JSON file, `FILE#N` picks one).
        file: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Every quote with its speaker.
    Quotes {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Only quotes by this speaker (any of their names).
        #[arg(long)]
        speaker: Option<String>,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Everyone quoted in a corpus, most quoted first.
    Speakers {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Compare two articles: shared quotes, claims both report, what each reports alone.
    Compare {
        /// The left article (a file, `FILE#N`, or a demo id such as `demo/rail-valley-wire.txt`).
        left: String,
        /// The right article.
        right: String,
        /// Print JSON.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown report.
        #[arg(long)]
        markdown: bool,
    },
    /// List the articles of a corpus most related to one article, best first.
    Related(related::RelatedArgs),
    /// The corpus grouped into stories (articles reporting the same event), largest first.
    Stories {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array `[{id, title, articles, outlets, first_published,
        /// last_published, cohesion}]` instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Load a corpus and report every file that has a problem.
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print the diagnostics as a JSON array `[{path, severity, kind, message}]`.
        #[arg(long)]
        json: bool,
    },
    /// Show where the config file is, or print a commented default.
    Config(config_cmd::ConfigArgs),
}

/// Where the corpus comes from.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Files or folders (default: the built-in demo corpus).
    pub paths: Vec<PathBuf>,
    /// Most articles taken from one file (a JSON array or JSON Lines file);
    /// past it a diagnostic names the file and the articles before load.
    #[arg(long, value_name = "N", default_value_t = corpus::MAX_ARTICLES_PER_FILE)]
    pub max_articles: usize,
}

impl CorpusArgs {
    /// The named files and folders, with the default limits.
    pub fn of(paths: Vec<PathBuf>) -> Self {
        CorpusArgs {
            paths,
            max_articles: corpus::MAX_ARTICLES_PER_FILE,
        }
    }

    /// Loads the named files and folders, or the demo corpus when none are named.
    pub fn load(&self) -> Corpus {
        if self.paths.is_empty() {
            corpus::demo_corpus()
        } else {
            let options = LoadOptions {
                max_articles_per_file: self.max_articles.max(1),
                ..LoadOptions::default()
            };
            corpus::load_with(&self.paths, options, &AtomicUsize::new(0))
        }
    }
}

/// Exit statuses.
pub const EXIT_OK: i32 = 0;
pub const EXIT_PROBLEMS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// Runs a non-interactive command, writing results to `out` and problems
/// to `err`.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    // Every command says when the config file is broken (and goes on with
    // the defaults), not only those that read it.
    if let (_, Some(problem)) = crate::config::load(crate::config::config_path().as_deref()) {
        writeln!(err, "parallax: {}", crate::escape::line(&problem.to_string()))?;
    }
    match command {
        Command::List { corpus, json } => articles::list(&corpus.load(), *json, out, err),
        Command::Show { file, json } => articles::show(file, *json, out, err),
        Command::Check { corpus, json } => check::check(&corpus.load(), *json, out),
        Command::Compare {
            left, right, json, ..
        } => compare::compare(left, right, *json, out, err),
        Command::Quotes {
            corpus,
            speaker,
            json,
        } => {
            let corpus = corpus.load();
            quotes::quotes(&corpus, speaker.as_deref(), *json, out)?;
            articles::report_problems(&corpus, err)
        }
        Command::Speakers { corpus, json } => {
            let corpus = corpus.load();
            speakers::speakers_cmd(&corpus, *json, out)?;
            articles::report_problems(&corpus, err)
        }
        Command::Config(args) => config_cmd::run(args, out),
        Command::Related(args) => related::run(args, out, err),
        Command::Stories { corpus, json } => stories::stories(&corpus.load(), *json, out, err),
    }
}
