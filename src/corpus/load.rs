//! Loading a corpus: discover files, read and parse them in parallel, and
//! collect articles in a deterministic order with one diagnostic per
//! problem. Loading never writes to the corpus.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::article::Article;
use super::decode::DecodeError;
use super::decode::decode_owned;
use super::diagnostics::{Diagnostic, DiagnosticKind};
use super::parse::parse_document;
use super::walk::{Discovery, discover, io_reason};

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest text article file (header, reference, headline, Markdown).
    pub max_text_bytes: u64,
    /// Largest JSON or JSON Lines file (these may hold many articles).
    pub max_json_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_text_bytes: 8 << 20,
            max_json_bytes: 256 << 20,
        }
    }
}

/// Two articles with identical bodies (compared word by word, so spacing
/// and paragraph breaks do not matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// Index into [`Corpus::articles`] of the first article with this body.
    pub original: usize,
    /// Index of the later article that repeats it.
    pub duplicate: usize,
    /// True when the titles are identical too (the same article filed
    /// twice); false for the same body under another title.
    pub same_title: bool,
}

/// A loaded corpus.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Every problem, in file order: one per bad file or article.
    pub diagnostics: Vec<Diagnostic>,
    pub duplicates: Vec<Duplicate>,
    /// How many files were read (including those that failed).
    pub files: usize,
    /// Files in folders passed over as not articles (by extension or name).
    pub skipped: usize,
}

impl Corpus {
    /// True when every file that was found loaded (warnings allowed).
    pub fn is_clean(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What one file gave.
#[derive(Debug, Default)]
pub struct FileResult {
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads files and folders with default options.
pub fn load(inputs: &[PathBuf]) -> Corpus {
    load_with(inputs, LoadOptions::default(), &AtomicUsize::new(0))
}

/// Loads files and folders; `progress` counts files done (for a gauge).
pub fn load_with(inputs: &[PathBuf], options: LoadOptions, progress: &AtomicUsize) -> Corpus {
    load_discovered(discover(inputs), options, progress)
}

/// Loads files already discovered (so a caller can show the total first).
pub fn load_discovered(discovery: Discovery, options: LoadOptions, progress: &AtomicUsize) -> Corpus {
    let results: Vec<FileResult> = discovery
        .files
        .par_iter()
        .map(|path| {
            let result = load_file(path, options);
            progress.fetch_add(1, Ordering::Relaxed);
            result
        })
        .collect();
    let mut corpus = Corpus {
        files: discovery.files.len(),
        skipped: discovery.skipped,
        diagnostics: discovery.diagnostics,
        ..Corpus::default()
    };
    assemble(&mut corpus, results);
    corpus
}

/// Builds a corpus from in-memory documents `(path, bytes)` (the demo).
pub fn load_documents(documents: &[(&str, &[u8])]) -> Corpus {
    let results: Vec<FileResult> = documents
        .iter()
        .map(|(path, bytes)| parse_bytes(Path::new(path), bytes))
        .collect();
    let mut corpus = Corpus {
        files: documents.len(),
        ..Corpus::default()
    };
    assemble(&mut corpus, results);
    corpus
}

fn assemble(corpus: &mut Corpus, results: Vec<FileResult>) {
    for result in results {
        corpus.articles.extend(result.articles);
        corpus.diagnostics.extend(result.diagnostics);
    }
    corpus.duplicates = find_duplicates(&corpus.articles);
    for d in &corpus.duplicates {
        let (first, again) = (&corpus.articles[d.original], &corpus.articles[d.duplicate]);
        let message = if d.same_title {
            format!("duplicate of {}", first.id)
        } else {
            format!("same body as {} under another title", first.id)
        };
        corpus.diagnostics.push(
            Diagnostic::warning(&again.path, message)
                .with_kind(DiagnosticKind::Duplicate)
                .with_location(&again.id),
        );
    }
}

/// Finds articles whose bodies have the same words in the same order.
fn find_duplicates(articles: &[Article]) -> Vec<Duplicate> {
    let hashes: Vec<u64> = articles.par_iter().map(|a| words_hash(&a.paragraphs)).collect();
    let mut first_with_hash: HashMap<u64, Vec<usize>> = HashMap::with_capacity(articles.len());
    let mut duplicates = Vec::new();
    for (i, &hash) in hashes.iter().enumerate() {
        let seen = first_with_hash.entry(hash).or_default();
        let body = &articles[i].body;
        match seen
            .iter()
            .find(|&&j| articles[j].body.split_whitespace().eq(body.split_whitespace()))
        {
            Some(&original) => duplicates.push(Duplicate {
                original,
                duplicate: i,
                same_title: articles[original].title == articles[i].title,
            }),
            None => seen.push(i),
        }
    }
    duplicates
}

/// A fast hash of an article's words. Paragraphs are already folded to
/// single spaces, so hashing them with one space between gives the same
/// value whatever the paragraph breaks; bytes are packed eight to a word
/// so the multiply runs once per eight bytes. Collisions are resolved by
/// comparing the words.
fn words_hash(paragraphs: &[String]) -> u64 {
    let mut hasher = StreamHash::default();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            hasher.write(b" ");
        }
        hasher.write(p.as_bytes());
    }
    hasher.finish()
}

/// Hashes a byte stream eight bytes at a time; the result depends only on
/// the stream, not on how it was cut into `write` calls.
#[derive(Default)]
struct StreamHash {
    hash: u64,
    carry: [u8; 8],
    filled: usize,
}

impl StreamHash {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn mix(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }

    fn write(&mut self, mut bytes: &[u8]) {
        if self.filled > 0 {
            let take = (8 - self.filled).min(bytes.len());
            self.carry[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.carry));
            self.filled = 0;
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.mix(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        self.carry[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    fn finish(mut self) -> u64 {
        let filled = self.filled;
        self.carry[filled..].fill(0);
        let last = u64::from_le_bytes(self.carry);
        self.mix(last ^ ((filled as u64) << 56));
        self.hash
    }
}

/// Reads and parses one file. Never panics on bad content.
pub fn load_file(path: &Path, options: LoadOptions) -> FileResult {
    match read_limited(path, options) {
        Ok(bytes) => parse_owned(path, bytes),
        Err(e) => FileResult {
            articles: Vec::new(),
            diagnostics: vec![Diagnostic::error(path, e.to_string()).with_kind(e.kind())],
        },
    }
}

fn is_json_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        matches!(
            e.to_string_lossy().to_ascii_lowercase().as_str(),
            "json" | "jsonl" | "ndjson"
        )
    })
}

/// Why a file's bytes could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot open: {}", io_reason(.0))]
    Open(std::io::Error),
    #[error("cannot read: {}", io_reason(.0))]
    Read(std::io::Error),
    #[error("not a regular file")]
    NotRegular,
    #[error("{}", too_large(*size, *limit))]
    TooLarge { size: u64, limit: u64 },
}

impl ReadError {
    pub fn kind(&self) -> DiagnosticKind {
        match self {
            ReadError::Open(_) | ReadError::Read(_) => DiagnosticKind::Unreadable,
            ReadError::NotRegular => DiagnosticKind::NotRegular,
            ReadError::TooLarge { .. } => DiagnosticKind::TooLarge,
        }
    }
}

fn read_limited(path: &Path, options: LoadOptions) -> Result<Vec<u8>, ReadError> {
    let limit = if is_json_name(path) {
        options.max_json_bytes
    } else {
        options.max_text_bytes
    };
    let file = open_for_reading(path).map_err(ReadError::Open)?;
    let meta = file.metadata().map_err(ReadError::Read)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Read one byte past the limit so a file that grows while read is caught.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens a file for reading without blocking: a FIFO put where a file was
/// found (or named directly) would otherwise wait for a writer forever.
/// Regular files read as usual; anything else is refused after `open`.
fn open_for_reading(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn too_large(size: u64, limit: u64) -> String {
    format!(
        "file too large: {:.1} MB is over the {:.0} MB limit for one article file",
        size as f64 / 1e6,
        limit as f64 / (1 << 20) as f64
    )
}

/// Decodes and parses a file's bytes into articles and diagnostics.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> FileResult {
    parse_owned(path, bytes.to_vec())
}

fn parse_owned(path: &Path, bytes: Vec<u8>) -> FileResult {
    let mut result = FileResult::default();
    let decoded = match decode_owned(bytes) {
        Ok(d) => d,
        Err(e) => {
            let kind = match e {
                DecodeError::Empty => DiagnosticKind::Empty,
                DecodeError::Binary(_) => DiagnosticKind::Binary,
            };
            result
                .diagnostics
                .push(Diagnostic::error(path, e.to_string()).with_kind(kind));
            return result;
        }
    };
    if let Some(encoding) = decoded.fallback {
        result.diagnostics.push(
            Diagnostic::warning(
                path,
                format!("not valid UTF-8: decoded as {encoding}; check accented letters and symbols"),
            )
            .with_kind(DiagnosticKind::Encoding),
        );
    }
    let extension = path.extension().map(|e| e.to_string_lossy());
    let entries = match parse_document(&decoded.text, extension.as_deref()) {
        Ok(entries) => entries,
        Err(e) => {
            let d = Diagnostic::error(path, e.to_string()).with_kind(DiagnosticKind::Malformed);
            result.diagnostics.push(d);
            return result;
        }
    };
    let many = entries.len() > 1;
    for (n, entry) in entries.into_iter().enumerate() {
        let id = if many {
            format!("{}#{}", path.display(), n + 1)
        } else {
            path.display().to_string()
        };
        match entry {
            Ok(mut article) => {
                article.id = id;
                article.path = path.to_path_buf();
                result.articles.push(article);
            }
            Err(e) => result.diagnostics.push(
                Diagnostic::error(path, e.to_string())
                    .with_kind(DiagnosticKind::Malformed)
                    .with_location(&id),
            ),
        }
    }
    result
}

#[cfg(test)]
mod hash_tests {
    use super::words_hash;

    #[test]
    fn the_hash_ignores_where_paragraphs_break() {
        let one = vec!["The council met on Monday and voted to approve the plan.".to_owned()];
        let two = vec![
            "The council met on Monday".to_owned(),
            "and voted to approve the plan.".to_owned(),
        ];
        assert_eq!(words_hash(&one), words_hash(&two));
        let other = vec!["The council met on Monday and voted to reject the plan.".to_owned()];
        assert_ne!(words_hash(&one), words_hash(&other));
        assert_ne!(words_hash(&["ab".to_owned()]), words_hash(&["ab\0".to_owned()]));
    }
}
