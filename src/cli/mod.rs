//! The command line: clap definitions and the non-interactive commands.
//! Every command writes to a `Write` so tests can capture it, and returns
//! an exit status: 0 success, 1 problems in the input, 2 usage errors.

mod articles;
mod check;
mod related;
mod summary;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::corpus::{self, Corpus};

pub use summary::ArticleSummary;

/// Read news and compare how outlets cover the same story.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Corpus files or folders to open in the TUI (default: the built-in demo corpus).
    pub paths: Vec<PathBuf>,
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
    /// List the articles of a corpus most related to one article, best first.
    Related(related::RelatedArgs),
    /// Load a corpus and report every file that has a problem.
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

/// Where the corpus comes from.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Files or folders (default: the built-in demo corpus).
    pub paths: Vec<PathBuf>,
}

impl CorpusArgs {
    /// Loads the named files and folders, or the demo corpus when none are named.
    pub fn load(&self) -> Corpus {
        if self.paths.is_empty() {
            corpus::demo_corpus()
        } else {
            corpus::load(&self.paths)
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
    match command {
        Command::List { corpus, json } => articles::list(&corpus.load(), *json, out, err),
        Command::Show { file, json } => articles::show(file, *json, out, err),
        Command::Check { corpus } => check::check(&corpus.load(), out),
        Command::Related(args) => related::run(args, out, err),
    }
}
