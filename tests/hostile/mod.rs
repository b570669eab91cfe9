//! Building hostile corpora and running one case in a child process.

mod build;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use parallax::analysis::analyze;
use parallax::corpus::{LoadOptions, load, load_file};

pub use build::{BIG_JSONL_ARTICLES, MANY_FILES_DEBUG};

/// Articles analysed per case (a corpus of 100,000 tiny articles is about
/// loading; analysis is measured on the large and odd ones), and the
/// largest body analysed (a debug build analyses about 0.2 MB a second;
/// `examples/pathological.rs` times larger ones in release mode).
const ANALYSED: usize = 2_000;
const ANALYSED_BYTES: usize = 4 << 20;

/// What the child reported.
#[derive(Debug, Default)]
pub struct Outcome {
    pub articles: usize,
    pub diagnostics: Vec<String>,
    pub notes: Vec<String>,
    pub seconds: f64,
    pub peak_kb: u64,
}

/// Builds case `name` in a temporary folder, then loads it in a child
/// process; panics on a timeout, a panic or a failed child.
pub fn run_case(name: &str, timeout: Duration) -> Outcome {
    let dir = tempfile::tempdir().expect("tempdir");
    build::build(name, dir.path());
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["child", "--exact", "--nocapture", "--test-threads=1"])
        .env("HOSTILE_CASE", name)
        .env("HOSTILE_DIR", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the child");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            build::cleanup(dir.path());
            panic!("{name}: no result within {timeout:?} (a hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    build::cleanup(dir.path());
    let (text, err) = (
        reader.join().unwrap_or_default(),
        err_reader.join().unwrap_or_default(),
    );
    assert!(
        !err.contains("panicked") && !text.contains("panicked"),
        "{name}: {err}{text}"
    );
    assert!(status.success(), "{name}: child failed: {status}\n{err}{text}");
    parse(&text)
}

fn parse(text: &str) -> Outcome {
    let mut out = Outcome::default();
    // The harness may print "test child ... " on the same line first.
    for line in text.lines().filter_map(|l| l.find("HOSTILE_").map(|i| &l[i..])) {
        let Some((key, value)) = line.split_once(' ') else {
            continue;
        };
        match key {
            "HOSTILE_ARTICLES" => out.articles = value.parse().unwrap_or(0),
            "HOSTILE_SECONDS" => out.seconds = value.parse().unwrap_or(0.0),
            "HOSTILE_PEAK_KB" => out.peak_kb = value.parse().unwrap_or(0),
            "HOSTILE_DIAG" => out.diagnostics.push(value.to_owned()),
            "HOSTILE_NOTE" => out.notes.push(value.to_owned()),
            _ => {}
        }
    }
    out
}

/// The child: loads and analyses the case named in the environment, and
/// prints what it found with its peak memory.
pub fn child_main() {
    let (Some(name), Some(dir)) = (std::env::var_os("HOSTILE_CASE"), std::env::var_os("HOSTILE_DIR")) else {
        return;
    };
    let (name, dir) = (name.to_string_lossy().into_owned(), PathBuf::from(dir));
    let start = Instant::now();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = (name == "growing").then(|| build::grow_while_read(&dir, Arc::clone(&stop)));
    let corpus = load(std::slice::from_ref(&dir));
    stop.store(true, Ordering::Relaxed);
    if let Some(w) = writer {
        let _ = w.join();
    }
    for article in corpus
        .articles
        .iter()
        .take(ANALYSED)
        .filter(|a| a.body.len() <= ANALYSED_BYTES)
    {
        let analysis = analyze(article);
        let chars = article.body.chars().count();
        assert!(analysis.quotes.iter().all(|q| q.start < q.end && q.end <= chars));
    }
    for note in build::notes(&name, &dir) {
        println!("HOSTILE_NOTE {note}");
    }
    if name == "fifo" && dir.join("pipe.txt").exists() {
        // Named directly, past the walk that skips it: must not block.
        let direct = load_file(&dir.join("pipe.txt"), LoadOptions::default());
        for d in direct.diagnostics {
            println!("HOSTILE_DIAG direct: {}", d.message);
        }
    }
    println!("HOSTILE_SECONDS {:.3}", start.elapsed().as_secs_f64());
    println!("HOSTILE_ARTICLES {}", corpus.articles.len());
    for d in &corpus.diagnostics {
        println!("HOSTILE_DIAG {d}");
    }
    println!("HOSTILE_PEAK_KB {}", peak_kb());
}

/// The process's peak resident memory, from `/proc/self/status` (0 where
/// there is no `/proc`).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Relative path helper for builders.
pub fn at(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}
