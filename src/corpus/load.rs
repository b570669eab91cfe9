//! Loading a corpus: discover files, read and parse them in parallel, and
//! collect articles in a deterministic order with one diagnostic per
//! problem. Loading never writes to the corpus.

use std::collections::HashMap;
use std::fs::File;
use std::hash::BuildHasherDefault;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::article::{Article, Format};
use super::clean::normalize_newlines;
use super::decode::{DecodeError, decode_owned};
use super::detect::detect;
use super::diagnostics::{Diagnostic, Kind};
use super::parse::{ParseError, Parsed, parse_detected};
use super::walk::{Discovery, discover, io_kind, io_reason};

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest text article file (header, reference, headline, Markdown),
    /// applied once the content shows the file is not JSON.
    pub max_text_bytes: u64,
    /// Largest JSON or JSON Lines file (these may hold many articles).
    pub max_json_bytes: u64,
    /// Most articles taken from one file; past it a diagnostic names the
    /// file and the cap, and the articles before it load.
    pub max_articles_per_file: usize,
}

/// The default cap on articles per file.
pub const MAX_ARTICLES_PER_FILE: usize = 2_000_000;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_text_bytes: 8 << 20,
            max_json_bytes: 256 << 20,
            max_articles_per_file: MAX_ARTICLES_PER_FILE,
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
    load_reusing(discovery, options, progress, |_, _| None).0
}

/// How many articles and diagnostics one file gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileCounts {
    pub articles: usize,
    pub diagnostics: usize,
}

/// Loads files already discovered, taking a file's result from `reuse`
/// (the cache) when it has one instead of reading the file. Also returns
/// what each file gave, in file order; the corpus's diagnostics are those
/// of discovery, then each file's, then the duplicates'.
pub fn load_reusing(
    discovery: Discovery,
    options: LoadOptions,
    progress: &AtomicUsize,
    reuse: impl Fn(usize, &Path) -> Option<FileResult> + Sync,
) -> (Corpus, Vec<FileCounts>) {
    // Each article's word count and body hash are made here, on every
    // core while its text is fresh in the cache, not in a second pass over
    // the whole corpus before the first screen.
    let (results, hashes): (Vec<FileResult>, Vec<Vec<u64>>) = discovery
        .files
        .par_iter()
        .enumerate()
        .map(|(i, path)| {
            let result = reuse(i, path).unwrap_or_else(|| load_file(path, options));
            let hashes = result.articles.iter().map(article_hash).collect();
            progress.fetch_add(1, Ordering::Relaxed);
            (result, hashes)
        })
        .unzip();
    let counts = results
        .iter()
        .map(|r| FileCounts {
            articles: r.articles.len(),
            diagnostics: r.diagnostics.len(),
        })
        .collect();
    let mut corpus = Corpus {
        files: discovery.files.len(),
        skipped: discovery.skipped,
        diagnostics: discovery.diagnostics,
        ..Corpus::default()
    };
    assemble(&mut corpus, results, hashes.concat());
    (corpus, counts)
}

/// Builds a corpus from in-memory documents `(path, bytes)` (the demo).
pub fn load_documents(documents: &[(&str, &[u8])]) -> Corpus {
    let results: Vec<FileResult> = documents
        .iter()
        .map(|(path, bytes)| parse_bytes(Path::new(path), bytes))
        .collect();
    let hashes = results
        .iter()
        .flat_map(|r| r.articles.iter().map(article_hash))
        .collect();
    let mut corpus = Corpus {
        files: documents.len(),
        ..Corpus::default()
    };
    assemble(&mut corpus, results, hashes);
    corpus
}

/// Puts the files' results together; `hashes`: each article's
/// [`article_hash`], in the same order.
fn assemble(corpus: &mut Corpus, results: Vec<FileResult>, hashes: Vec<u64>) {
    // One allocation for every article: growing by doubling would copy
    // millions of articles and hold two buffers at once.
    let total: usize = results.iter().map(|r| r.articles.len()).sum();
    for result in results {
        if corpus.articles.is_empty() && result.articles.len() == total {
            // All the articles come from one file: take its list as it is.
            corpus.articles = result.articles;
        } else {
            corpus.articles.reserve_exact(total - corpus.articles.len());
            corpus.articles.extend(result.articles);
        }
        corpus.diagnostics.extend(result.diagnostics);
    }
    // One outlet, one name (the config's aliases are applied by callers
    // that read it, with `normalize_outlets` again).
    super::outlets::normalize_outlets(&mut corpus.articles, &super::OutletAliases::default());
    corpus.duplicates = duplicates_by_hash(&corpus.articles, &hashes);
    for d in &corpus.duplicates {
        let (first, again) = (&corpus.articles[d.original], &corpus.articles[d.duplicate]);
        let message = if d.same_title {
            format!("duplicate of {}", first.id)
        } else {
            format!("same body as {} under another title", first.id)
        };
        corpus.diagnostics.push(
            Diagnostic::warning(&again.path, message)
                .with_location(&again.id)
                .kind(Kind::Duplicate),
        );
    }
}

/// Finds articles whose bodies have the same words in the same order.
/// One map entry per distinct hash (a few bytes per article, for corpora
/// of millions); bodies whose hashes collide go to a second, small map.
pub fn find_duplicates(articles: &[Article]) -> Vec<Duplicate> {
    let hashes: Vec<u64> = articles.par_iter().map(|a| words_hash(a.paragraphs())).collect();
    duplicates_by_hash(articles, &hashes)
}

/// The hash [`find_duplicates`] compares an article's body by; also makes
/// its word count (kept in the article).
fn article_hash(article: &Article) -> u64 {
    article.word_count();
    words_hash(article.paragraphs())
}

/// [`find_duplicates`] with each article's hash already made.
fn duplicates_by_hash(articles: &[Article], hashes: &[u64]) -> Vec<Duplicate> {
    // The keys are hashes already: one multiply spreads them ([`Prehashed`]).
    let mut first_with_hash: HashMap<u64, usize, BuildHasherDefault<Prehashed>> =
        HashMap::with_capacity_and_hasher(articles.len(), BuildHasherDefault::default());
    let mut colliding: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut duplicates = Vec::new();
    for (i, &hash) in hashes.iter().enumerate() {
        let first = *first_with_hash.entry(hash).or_insert(i);
        if first == i {
            continue;
        }
        let body = &articles[i].body;
        let others = colliding.get(&hash).map_or(&[][..], Vec::as_slice);
        match std::iter::once(&first)
            .chain(others)
            .find(|&&j| articles[j].body.split_whitespace().eq(body.split_whitespace()))
        {
            Some(&original) => duplicates.push(Duplicate {
                original,
                duplicate: i,
                same_title: articles[original].title == articles[i].title,
            }),
            None => colliding.entry(hash).or_default().push(i),
        }
    }
    duplicates
}

/// The hasher of a map keyed by a hash: one folded multiply spreads the
/// key over the low bits (buckets) and the high ones (tags).
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys come here (`write_u64`); anything else is folded in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        let m = u128::from(n ^ self.0) * 0x9e37_79b9_7f4a_7c15;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
}

/// A fast hash of an article's words. Paragraphs are already folded to
/// single spaces, so hashing them with one space between gives the same
/// value whatever the paragraph breaks; bytes are packed eight to a word
/// so the multiply runs once per eight bytes. Collisions are resolved by
/// comparing the words.
fn words_hash<'a>(paragraphs: impl Iterator<Item = &'a str>) -> u64 {
    let mut hasher = StreamHash::default();
    for (i, p) in paragraphs.enumerate() {
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
    let mut result = if super::newsboat::named_like(path) {
        super::newsboat::load(path, options)
    } else {
        // One open for the usual small file; a file big enough to be
        // streamed (a big JSON array) is tried as one first, and read
        // whole when it is not one.
        let read = match read_limited(path, options, super::stream::STREAM_MIN_BYTES) {
            Ok(Contents::Big) => match super::stream::load_big_array(path, options) {
                Some(streamed) => Ok(Err(streamed)),
                None => read_whole(path, options).map(Ok),
            },
            Ok(Contents::Bytes(bytes)) => Ok(Ok(bytes)),
            Err(diagnostic) => Err(diagnostic),
        };
        match read {
            Ok(Err(streamed)) => streamed,
            // A database under another name: opened as one after all.
            Ok(Ok(bytes)) if bytes.starts_with(super::newsboat::SQLITE_MAGIC) => {
                super::newsboat::load(path, options)
            }
            Ok(Ok(bytes)) => parse_with(path, bytes, options),
            Err(diagnostic) => FileResult {
                articles: Vec::new(),
                diagnostics: vec![diagnostic],
            },
        }
    };
    tidy_metadata(&mut result.articles);
    result
}

/// Metadata as exports leave it, made plain: HTML character references in
/// titles, sources and authors decoded (`&#163;1.8m` → `£1.8m`).
fn tidy_metadata(articles: &mut [Article]) {
    use super::entities::decode_entities;
    let decode = |field: &mut String| {
        if let std::borrow::Cow::Owned(decoded) = decode_entities(field) {
            *field = decoded;
        }
    };
    for a in articles {
        a.title
            .iter_mut()
            .chain(a.source.iter_mut())
            .chain(a.authors.iter_mut())
            .for_each(decode);
    }
}

/// What [`read_limited`] gave: the file's bytes, or word that it is big
/// enough to be tried as a streamed JSON array first (not read).
enum Contents {
    Bytes(Vec<u8>),
    Big,
}

/// The file's bytes ([`read_limited`] without the streaming size).
fn read_whole(path: &Path, options: LoadOptions) -> Result<Vec<u8>, Diagnostic> {
    match read_limited(path, options, u64::MAX)? {
        Contents::Bytes(bytes) => Ok(bytes),
        // No file is that long; refused like any file over the limit.
        Contents::Big => {
            let limit = options.max_json_bytes.max(options.max_text_bytes);
            Err(too_large(path, u64::MAX, limit, "one article file"))
        }
    }
}

/// Reads a file up to the larger of the two size limits, or says it is
/// at least `stream_from` bytes long (`Contents::Big`, not read); which limit
/// applies is decided after format detection ([`parse_with`]), since the
/// format comes from the content, not the name.
fn read_limited(path: &Path, options: LoadOptions, stream_from: u64) -> Result<Contents, Diagnostic> {
    let limit = options.max_json_bytes.max(options.max_text_bytes);
    let io_error = |what: &str, e: &std::io::Error| {
        Diagnostic::error(path, format!("{what}: {}", io_reason(e))).kind(io_kind(e))
    };
    let file = open_for_reading(path).map_err(|e| io_error("cannot open", &e))?;
    let meta = file.metadata().map_err(|e| io_error("cannot read", &e))?;
    if !meta.is_file() {
        return Err(Diagnostic::error(path, "not a regular file").kind(Kind::NotRegular));
    }
    if meta.len() >= stream_from {
        return Ok(Contents::Big);
    }
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit, "one article file"));
    }
    // Only JSON may pass the text limit: a big file that does not open like
    // JSON is refused without being read whole.
    let mut file = file;
    if meta.len() > options.max_text_bytes {
        let mut head = Vec::with_capacity(4096);
        (&mut file)
            .take(4096)
            .read_to_end(&mut head)
            .map_err(|e| io_error("cannot read", &e))?;
        if !opens_like_json(&head) {
            return Err(too_large(
                path,
                meta.len(),
                options.max_text_bytes,
                "a text article file",
            ));
        }
        file.seek(SeekFrom::Start(0))
            .map_err(|e| io_error("cannot read", &e))?;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size the file had when opened, in one read (a file that grows
    // meanwhile is read as it was: no second read looks for more). A file
    // that says it is empty (`/proc`, some devices) is read to its end,
    // one byte past the limit so one that goes on is caught.
    let want = if meta.len() > 0 { meta.len() } else { limit + 1 };
    file.take(want)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error("cannot read", &e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit, "one article file"));
    }
    Ok(Contents::Bytes(bytes))
}

/// True when the first bytes, past a byte-order mark, NULs (UTF-16) and
/// white space, open a JSON object or array.
fn opens_like_json(head: &[u8]) -> bool {
    head.iter()
        .copied()
        .find(|b| !matches!(b, 0 | 0xEF | 0xBB | 0xBF | 0xFE | 0xFF) && !b.is_ascii_whitespace())
        .is_some_and(|b| b == b'{' || b == b'[')
}

/// Opens a file for reading without blocking: a FIFO put where a file was
/// found (or named directly) would otherwise wait for a writer forever.
/// Regular files read as usual; anything else is refused after `open`.
pub(super) fn open_for_reading(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn too_large(path: &Path, size: u64, limit: u64, what: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        format!(
            "file too large: {} is over the {} limit for {what}",
            mib(size),
            mib(limit)
        ),
    )
    .kind(Kind::TooLarge)
}

/// A size in binary megabytes, as the limits are set: `10.5 MiB`, `8 MiB`.
fn mib(bytes: u64) -> String {
    let mib = bytes as f64 / (1u64 << 20) as f64;
    if bytes.is_multiple_of(1 << 20) {
        format!("{mib:.0} MiB")
    } else {
        format!("{mib:.1} MiB")
    }
}

/// Decodes and parses a file's bytes into articles and diagnostics.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> FileResult {
    let mut result = parse_with(path, bytes.to_vec(), LoadOptions::default());
    tidy_metadata(&mut result.articles);
    result
}

fn parse_with(path: &Path, bytes: Vec<u8>, options: LoadOptions) -> FileResult {
    let mut result = FileResult::default();
    let size = bytes.len() as u64;
    let declared = super::decode::decode_declared(&bytes);
    let by_declared_charset = declared.is_some();
    let decoded = match declared.map_or_else(|| decode_owned(bytes), Ok) {
        Ok(d) => d,
        Err(e) => {
            let kind = match e {
                DecodeError::Empty => Kind::Empty,
                DecodeError::Binary(_) => Kind::Binary,
            };
            result
                .diagnostics
                .push(Diagnostic::error(path, e.to_string()).kind(kind));
            return result;
        }
    };
    if let Some(encoding) = decoded.fallback {
        result.diagnostics.push(
            Diagnostic::warning(
                path,
                format!("not valid UTF-8: decoded as {encoding}; check accented letters and symbols"),
            )
            .kind(Kind::Encoding),
        );
    }
    if let Some(guess) = decoded.guessed {
        result.diagnostics.push(
            Diagnostic::warning(
                path,
                format!("no byte-order mark: decoded as {guess} from its pattern of NUL bytes"),
            )
            .kind(Kind::Encoding),
        );
    }
    let extension = path.extension().map(|e| e.to_string_lossy());
    let text = normalize_newlines(&decoded.text);
    let format = detect(&text, extension.as_deref());
    let plain_utf8 = !by_declared_charset
        && decoded.fallback.is_none()
        && decoded.bom.is_none()
        && decoded.guessed.is_none();
    if plain_utf8
        && matches!(format, Format::Html | Format::Rss | Format::Atom)
        && let Some(d) = charset_lie(&text)
    {
        result
            .diagnostics
            .push(Diagnostic::warning(path, d).kind(Kind::Encoding));
    }
    let json = matches!(format, Format::Json | Format::Jsonl);
    let limit = if json {
        options.max_json_bytes
    } else {
        options.max_text_bytes
    };
    if size > limit {
        let what = if json {
            "a JSON file"
        } else {
            "a text article file"
        };
        result.diagnostics.push(too_large(path, size, limit, what));
        return result;
    }
    let parsed = match parse_detected(&text, format, options.max_articles_per_file) {
        Ok(parsed) => parsed,
        Err(e) => {
            result
                .diagnostics
                .push(Diagnostic::error(path, e.to_string()).kind(parse_kind(&e)));
            return result;
        }
    };
    // The text is no longer needed: free it before the articles move on.
    drop(text);
    drop(decoded);
    name_articles(path, parsed, options, &mut result);
    result
}

/// A page or feed read as UTF-8 (its bytes are) that declares another
/// charset: what to tell the user. Only text beyond ASCII can differ.
fn charset_lie(text: &str) -> Option<String> {
    let head = &text.as_bytes()[..text.len().min(4096)];
    let declared = super::decode::declared_charset(head)?;
    let encoding = encoding_rs::Encoding::for_label(declared.as_bytes());
    if encoding == Some(encoding_rs::UTF_8) || text.is_ascii() {
        return None;
    }
    Some(format!(
        "declares charset {declared:?} but its bytes are UTF-8: read as UTF-8"
    ))
}

/// Gives the parsed articles their ids (`path#N` in a multi-article file,
/// counting the entries that failed) and adds a diagnostic per failure and
/// for the articles past the cap.
pub(super) fn name_articles(path: &Path, mut parsed: Parsed, options: LoadOptions, result: &mut FileResult) {
    let many = parsed.len() + parsed.dropped > 1;
    let keyed = |key: &str| format!("{}#{key}", path.display());
    let id_of = |n: usize| {
        if many {
            format!("{}#{}", path.display(), n + 1)
        } else {
            path.display().to_string()
        }
    };
    let failure_keys = std::mem::take(&mut parsed.failure_keys);
    let failure = |at: usize, e: ParseError| {
        let location = failure_keys.get(&at).map_or_else(|| id_of(at), |k| keyed(k));
        Diagnostic::error(path, e.to_string())
            .with_location(&location)
            .kind(parse_kind(&e))
    };
    let mut failures = parsed.failures.into_iter().peekable();
    let mut n = 0;
    for article in &mut parsed.articles {
        while let Some((at, e)) = failures.next_if(|(at, _)| *at == n) {
            result.diagnostics.push(failure(at, e));
            n += 1;
        }
        // A parser that keys its articles (feeds, by guid) leaves the key
        // in the id; the others are numbered by position.
        article.id = if article.id.is_empty() {
            id_of(n)
        } else {
            keyed(&article.id)
        };
        article.path = path.to_path_buf();
        n += 1;
    }
    result.diagnostics.extend(failures.map(|(at, e)| failure(at, e)));
    for w in parsed.warnings {
        let location = w.key.as_deref().map_or_else(|| path.display().to_string(), keyed);
        result.diagnostics.push(
            Diagnostic::warning(path, w.message)
                .with_location(&location)
                .kind(w.kind),
        );
    }
    result.articles = parsed.articles;
    if parsed.dropped > 0 {
        let cap = options.max_articles_per_file;
        result.diagnostics.push(
            Diagnostic::error(
                path,
                format!(
                    "too many articles: the first {cap} loaded, {} more left out (the cap is {cap} articles per file; `--max-articles N` raises it)",
                    parsed.dropped
                ),
            )
            .kind(Kind::TooManyArticles),
        );
    }
}

pub(super) fn parse_kind(e: &ParseError) -> Kind {
    match e {
        ParseError::NoBody => Kind::NoBody,
        ParseError::Json(_) | ParseError::Malformed(_) => Kind::Malformed,
    }
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
        let hash = |v: &[String]| words_hash(v.iter().map(String::as_str));
        assert_eq!(hash(&one), hash(&two));
        let other = vec!["The council met on Monday and voted to reject the plan.".to_owned()];
        assert_ne!(hash(&one), hash(&other));
        assert_ne!(hash(&["ab".to_owned()]), hash(&["ab\0".to_owned()]));
    }
}

#[cfg(test)]
mod id_tests {
    use super::*;

    #[test]
    fn ids_count_failed_entries_and_failures_name_theirs() {
        let text = br#"[{"title": "no body"}, {"text": "a"}, 3, {"text": "b"}, {"x": 1}]"#;
        let result = parse_bytes(Path::new("m.json"), text);
        let ids: Vec<&str> = result.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["m.json#2", "m.json#4"]);
        let failed: Vec<(&str, Kind)> = result
            .diagnostics
            .iter()
            .map(|d| (d.location.as_str(), d.kind))
            .collect();
        assert_eq!(
            failed,
            [
                ("m.json#1", Kind::NoBody),
                ("m.json#3", Kind::Malformed),
                ("m.json#5", Kind::NoBody)
            ]
        );
    }
}
