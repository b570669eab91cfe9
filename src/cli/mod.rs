//! The command line: clap definitions and the non-interactive commands.
//! Every command writes to a `Write` so tests can capture it, and returns
//! an exit status: 0 success, 1 problems in the input, 2 usage errors.

mod articles;
mod cache_cmd;
mod check;
mod compare;
mod config_cmd;
mod notes;
mod paths;
mod quotes;
mod related;
mod speakers;
mod state_cmd;
mod stories;
mod story;
mod stream;
mod summary;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use std::sync::atomic::AtomicUsize;

use crate::corpus::{self, Corpus, LoadOptions};

pub use articles::Unreadable;
pub use compare::load_pair;
pub use paths::{PathProblem, check_paths};
pub use summary::ArticleSummary;

/// Read news and compare how outlets cover the same story.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Corpus files or folders to open in the TUI (default: the built-in demo corpus).
    pub paths: Vec<PathBuf>,

    /// Colour theme: default, light, high-contrast, mono, a user theme, or a path to a theme file.
    #[arg(long, global = true, value_name = "NAME|FILE")]
    pub theme: Option<String>,

    /// Write a debugging log (jobs, timings, errors) to FILE (off by
    /// default; appends).
    #[arg(long, global = true, value_name = "FILE")]
    pub log: Option<PathBuf>,

    /// Add newsboat's cache (`~/.newsboat/cache.db`, else
    /// `$XDG_DATA_HOME/newsboat/cache.db`) to the corpus.
    #[arg(long, global = true)]
    pub newsboat: bool,

    /// Keep nothing between runs: no marks, positions or notes are read or
    /// written (as `state = false` in the config).
    #[arg(long, global = true)]
    pub no_state: bool,
    /// Open without the cache: read every file, write nothing to the cache
    /// (also `enabled = false` under `[cache]` in the config).
    #[arg(long, global = true)]
    pub no_cache: bool,
}

impl Cli {
    /// With `--newsboat`, finds newsboat's cache and adds it to the corpus
    /// of the TUI and of every command that loads one; `Err` says where it
    /// was looked for.
    pub fn add_newsboat(&mut self) -> Result<(), String> {
        if !self.newsboat {
            return Ok(());
        }
        let cache = corpus::find_newsboat_cache().map_err(|places| {
            let places: Vec<String> = places.iter().map(|p| p.display().to_string()).collect();
            format!("--newsboat: no newsboat cache at {}", places.join(" or "))
        })?;
        match &mut self.command {
            None => self.paths.push(cache),
            Some(
                Command::List { corpus, .. }
                | Command::Quotes { corpus, .. }
                | Command::Speakers { corpus, .. }
                | Command::Check { corpus, .. }
                | Command::Stories { corpus, .. }
                | Command::Story { corpus, .. },
            ) => corpus.paths.push(cache),
            Some(Command::Related(args)) => args.corpus.push(cache),
            Some(Command::Notes { paths, .. }) => paths.push(cache),
            // These name their articles (`cache.db#guid` works as any path).
            Some(
                Command::Show { .. }
                | Command::Compare { .. }
                | Command::Config(_)
                | Command::State(_)
                | Command::Cache(_)
                | Command::Completions { .. }
                | Command::Man,
            ) => {}
        }
        Ok(())
    }
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
        /// Read JSON Lines articles on stdin and write one JSON line of quotes per input line, in order
        /// (for Spark's RDD.pipe, Hadoop streaming, GNU parallel).
        #[arg(long, conflicts_with_all = ["speaker", "json"])]
        stream: bool,
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
    /// The coverage of one story: which claims and quotes each outlet carried (an id of `parallax stories`).
    Story {
        /// The story's id as `parallax stories` prints it (a unique prefix is enough).
        id: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON `{id, title, articles: [{id, outlet, published, title}], rows: [{kind, text,
        /// carried, sentences}]}`.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown report.
        #[arg(long)]
        markdown: bool,
    },
    /// Load a corpus and report every file that has a problem.
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print the diagnostics as a JSON array `[{path, severity, kind, message}]`.
        #[arg(long)]
        json: bool,
    },
    /// The worksheet: every note and flag kept for a corpus (or for all, with
    /// no path), with its quote or sentence, speaker and article; detached
    /// notes (their text is gone) listed apart.
    Notes {
        /// The corpus (files or folders, as opened; none: every corpus with notes).
        paths: Vec<PathBuf>,
        /// Print JSON `{notes: [...], detached: [...]}`.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print Markdown.
        #[arg(long)]
        markdown: bool,
    },
    /// Where kept state lives (`--path`), or delete it (`--clear [PATH...]`).
    State(state_cmd::StateArgs),
    /// Show where the config file is, or print a commented default.
    Config(config_cmd::ConfigArgs),
    /// Show where the cache of opened corpora is and its size; `--clear` empties it.
    Cache(cache_cmd::CacheArgs),
    /// Print shell completions: `parallax completions bash > ~/.local/share/bash-completion/completions/parallax`.
    Completions {
        /// bash, zsh, fish (also elvish, powershell).
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `parallax man | man -l -`.
    Man,
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
        let mut corpus = if self.paths.is_empty() {
            corpus::demo_corpus()
        } else {
            let options = LoadOptions {
                max_articles_per_file: self.max_articles.max(1),
                ..LoadOptions::default()
            };
            corpus::load_with(&self.paths, options, &AtomicUsize::new(0))
        };
        // The config's `[outlets]` aliases (a broken config is reported by `run`).
        let (config, _) = crate::config::load(crate::config::config_path().as_deref());
        if !config.outlets.is_empty() {
            corpus::normalize_outlets(&mut corpus.articles, &crate::config::outlet_aliases(&config));
        }
        corpus
    }
}

/// How many characters of a quote `parallax quotes` shows on a terminal.
pub const QUOTE_WIDTH: usize = 100;

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
            stream: true, corpus, ..
        } => {
            if !corpus.paths.is_empty() {
                writeln!(
                    err,
                    "parallax: quotes --stream reads articles on stdin, not from paths"
                )?;
                return Ok(EXIT_USAGE);
            }
            let totals = stream::quotes_stream(&mut std::io::stdin().lock(), out, stream::MAX_LINE_BYTES)?;
            if totals.errors > 0 {
                writeln!(
                    err,
                    "parallax: {} of {} lines were no article (error lines written)",
                    totals.errors, totals.lines
                )?;
            }
            Ok(EXIT_OK)
        }
        Command::Quotes {
            corpus,
            speaker,
            json,
            ..
        } => {
            let corpus = corpus.load();
            // Cut to fit a terminal; whole when piped (to grep, a file).
            let clip = std::io::IsTerminal::is_terminal(&std::io::stdout()).then_some(QUOTE_WIDTH);
            quotes::quotes(&corpus, speaker.as_deref(), *json, clip, out)?;
            articles::report_problems(&corpus, err)
        }
        Command::Speakers { corpus, json } => {
            let corpus = corpus.load();
            speakers::speakers_cmd(&corpus, *json, out)?;
            articles::report_problems(&corpus, err)
        }
        Command::Config(args) => config_cmd::run(args, out),
        Command::Cache(args) => cache_cmd::run(args, out),
        Command::Completions { shell } => {
            clap_complete::generate(
                *shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "parallax",
                out,
            );
            Ok(EXIT_OK)
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            Ok(EXIT_OK)
        }
        Command::Related(args) => related::run(args, out, err),
        Command::Stories { corpus, json } => stories::stories(&corpus.load(), *json, out, err),
        Command::Story {
            id,
            corpus,
            json,
            markdown,
        } => {
            let format = match (json, markdown) {
                (true, _) => story::StoryFormat::Json,
                (_, true) => story::StoryFormat::Markdown,
                _ => story::StoryFormat::Text,
            };
            story::story(&corpus.load(), id, format, out, err)
        }
        Command::Notes {
            paths,
            json,
            markdown,
        } => notes::run(paths, *json, *markdown, out, err),
        Command::State(args) => state_cmd::run(args, out, err),
    }
}
