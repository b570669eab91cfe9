//! The `parallax` binary: parse the command line, run a command or the TUI.

use std::io::{self, BufWriter, ErrorKind, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{self, Cli, Command, EXIT_PROBLEMS};
use parallax::tui::{Exit, Start};

/// glibc gives threads that allocate at the same time heaps of their own
/// ("arenas", up to eight per core), and memory freed in one is not reused
/// by another: the loader's, the indexes' and the analysis's threads left
/// about 70 MB resident that no one held at 100,000 articles. Two arenas
/// keep that down at no cost in speed on this workload (the analysis job
/// took as long). `MALLOC_ARENA_MAX` in the environment still wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only tunes the allocator; it is called first
        // thing in main, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let mut args = Cli::parse();
    if let Err(problem) = args.add_newsboat() {
        eprintln!("parallax: {}", parallax::escape::line(&problem));
        return ExitCode::from(EXIT_PROBLEMS as u8);
    }
    if let Some(path) = &args.log
        && let Err(e) = start_log(path)
    {
        eprintln!("parallax: cannot write the log {}: {e}", path.display());
        return ExitCode::from(cli::EXIT_USAGE as u8);
    }
    let Some(command) = &args.command else {
        // `parallax lsit` is a typo, `parallax no-such-dir` a missing input:
        // both say so instead of opening an empty reader.
        if let Err(problem) = cli::check_paths(&args.paths) {
            eprintln!("parallax: {problem}");
            return ExitCode::from(problem.exit_code() as u8);
        }
        return interactive(
            Start::Paths(args.paths),
            args.theme.as_deref(),
            args.no_state,
            args.no_cache,
        );
    };
    // `compare A B` on a terminal opens the compare screen; piped, or with
    // --json / --markdown, it prints the report.
    if let Command::Compare {
        left,
        right,
        json: false,
        markdown: false,
    } = command
        && io::stdout().is_terminal()
    {
        return match cli::load_pair(left, right) {
            Ok(articles) => interactive(
                Start::Compare(articles),
                args.theme.as_deref(),
                args.no_state,
                true,
            ),
            Err(unreadable) => {
                let code = unreadable
                    .report(&mut io::stderr().lock())
                    .unwrap_or(EXIT_PROBLEMS);
                ExitCode::from(code as u8)
            }
        };
    }
    // Standard output is line-buffered: one write call per line. Results
    // are written through a large buffer instead and flushed once at the end.
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = cli::run(command, &mut out, &mut io::stderr().lock());
    let flushed = out.flush();
    let result = result.and_then(|code| flushed.map(|()| code).map_err(anyhow::Error::from));
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: {}", parallax::escape::line(&format!("{e:#}")));
            ExitCode::from(EXIT_PROBLEMS as u8)
        }
    }
}

fn interactive(start: Start, theme: Option<&str>, no_state: bool, no_cache: bool) -> ExitCode {
    match parallax::tui::run(start, theme, no_state, no_cache) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from((128 + signal) as u8),
        Err(e) => {
            eprintln!("parallax: {}", parallax::escape::line(&format!("{e:#}")));
            ExitCode::from(cli::EXIT_USAGE as u8)
        }
    }
}

/// `parallax list | head` closes the pipe early: not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(ErrorKind::BrokenPipe))
    })
}

/// `--log FILE`: every `tracing` event at debug level and above, appended
/// to FILE without colours.
fn start_log(path: &std::path::Path) -> io::Result<()> {
    let file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .init();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "parallax started");
    Ok(())
}
