//! The cache of loaded corpora in `$XDG_CACHE_HOME/parallax/`: per file,
//! its parsed articles and diagnostics keyed by path, size and modification
//! time (and a content hash checked later, in the background); per
//! article, its analysis. A file written by another parallax version, or
//! damaged in any way, is refused ([`Corrupt`]) and rebuilt. Nothing here
//! is ever written into a corpus. Pure library code: no terminal.
//!
//! Two files per corpus: `KEY.pxc` (the corpus) and `KEY.pxa` (the
//! analyses, valid only with the `.pxc` of the same generation). The app's
//! jobs (`app/jobs/cached.rs`) decide when to read, check and write.

pub mod codec;
mod model;
pub mod session;
mod store;

use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

pub use codec::Corrupt;
use codec::{Reader, Writer};
pub use store::{FORMAT, version};

use crate::analysis::Analysis;
use crate::corpus::{Article, Corpus, Duplicate};

/// The default size limit of the cache folder: 2 GiB.
pub const DEFAULT_LIMIT: u64 = 2 << 30;

/// Articles (or analyses) per block: blocks are checked and decoded in
/// parallel.
const BLOCK: usize = 1024;

/// What identifies a file's version without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub mtime_ns: i64,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            mtime_ns: i64::try_from(mtime.as_nanos()).ok()?,
        })
    }

    pub fn read(path: &Path) -> Option<Stamp> {
        Stamp::of(&std::fs::metadata(path).ok()?)
    }
}

/// One file of the corpus as cached: its articles are the next `articles`
/// of the corpus, its diagnostics the next `diagnostics` after those of
/// discovery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    /// `None` when the file could not be vouched for (it changed while it
    /// was read): it is read again on the next open.
    pub stamp: Option<Stamp>,
    /// A hash of the file's bytes ([`hash_file`]).
    pub hash: u64,
    pub articles: usize,
    pub diagnostics: usize,
}

/// What each file of a corpus gave, for the cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Files {
    /// One per file, in corpus order.
    pub entries: Vec<FileEntry>,
    /// How many of the corpus's diagnostics came from discovery (they come
    /// first; the duplicates' warnings come last).
    pub discovery: usize,
}

/// A corpus as the cache holds it.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub corpus: Corpus,
    pub files: Files,
}

/// The cache folder and its size limit.
#[derive(Debug, Clone)]
pub struct Cache {
    pub dir: PathBuf,
    pub limit: u64,
}

impl Cache {
    /// The user's cache folder (`$XDG_CACHE_HOME/parallax`), if known.
    pub fn user(limit: u64) -> Option<Cache> {
        Some(Cache {
            dir: crate::dirs::cache_dir()?,
            limit,
        })
    }

    /// The key of a corpus: its inputs (made absolute) and whatever else
    /// changes what loading gives (`salt`: outlet aliases, limits).
    pub fn key(inputs: &[PathBuf], salt: &str) -> String {
        let mut w = Writer::default();
        for p in inputs {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            w.str(&abs.to_string_lossy());
        }
        w.str(salt);
        format!("{:016x}", codec::checksum(&w.bytes))
    }

    fn path(&self, key: &str, ext: &str) -> PathBuf {
        self.dir.join(format!("{key}.{ext}"))
    }

    /// Reads a corpus whole (its library, then its text); `Ok(None)` when
    /// there is none, `Err` when the file is damaged or from another
    /// version (the caller rebuilds it). The second value is the
    /// generation the analyses file must carry.
    pub fn read_corpus(&self, key: &str) -> Result<Option<(Snapshot, u64)>, Corrupt> {
        let Some((mut snapshot, generation, text)) = self.read_library(key)? else {
            return Ok(None);
        };
        text.fill(&mut snapshot.corpus.articles)?;
        Ok(Some((snapshot, generation)))
    }

    /// Reads what the library shows of a corpus: every article without
    /// its text (an empty body; titles, outlets, dates, ids, paths and
    /// word counts are there; authors, categories, url and extra fields
    /// come with the text), the diagnostics and the files. The text is
    /// still in the file: [`Text::fill`] reads it (a background job of
    /// the app). Errors as [`Cache::read_corpus`].
    pub fn read_library(&self, key: &str) -> Result<Option<(Snapshot, u64, Text)>, Corrupt> {
        let path = self.path(key, "pxc");
        let Some(mut stream) = store::Stream::open(&path)? else {
            return Ok(None);
        };
        let generation = codec::checksum(&stream.head);
        let mut snapshot = read_head(&mut Reader::new(&stream.head))?;
        let declared: usize = snapshot.files.entries.iter().map(|e| e.articles).sum();
        // The metadata blocks, then as many text blocks.
        let blocks = declared.div_ceil(BLOCK);
        if stream.blocks_left() != 2 * blocks {
            return Err(Corrupt("block count"));
        }
        snapshot.corpus.articles = read_blocks(&mut stream, blocks, declared, model::get_meta)?;
        check_counts(&snapshot)?;
        store::touch(&path);
        Ok(Some((snapshot, generation, Text { stream, blocks })))
    }

    /// Reads the analyses of the corpus of `generation` (one per article).
    pub fn read_analyses(&self, key: &str, generation: u64, count: usize) -> Result<Vec<Analysis>, Corrupt> {
        let mut stream = store::Stream::open(&self.path(key, "pxa"))?.ok_or(Corrupt("no analyses"))?;
        let mut head = Reader::new(&stream.head);
        if head.u64()? != generation || head.usize()? != count {
            return Err(Corrupt("analyses of another corpus"));
        }
        let blocks = stream.blocks_left();
        let analyses = read_blocks(&mut stream, blocks, count, model::get_analysis)?;
        stream.finish()?;
        if analyses.len() != count {
            return Err(Corrupt("analysis count"));
        }
        Ok(analyses)
    }

    /// Writes a corpus and its analyses (one per article), then trims the
    /// folder to the size limit. Returns the bytes written. The corpus
    /// file holds the head, the articles' metadata blocks, then their
    /// text blocks (as many): a warm open reads the library first.
    pub fn write(&self, key: &str, corpus: &Corpus, files: &Files, analyses: &[Analysis]) -> io::Result<u64> {
        let mut head = Writer::default();
        write_head(&mut head, corpus, files);
        let generation = codec::checksum(&head.bytes);
        let mut size = store::write(
            &self.path(key, "pxc"),
            &head.bytes,
            2 * corpus.articles.len().div_ceil(BLOCK),
            encoded(&corpus.articles, model::put_meta).chain(encoded(&corpus.articles, model::put_text)),
        )?;
        let mut ahead = Writer::default();
        ahead.u64(generation);
        ahead.usize(analyses.len());
        size += store::write(
            &self.path(key, "pxa"),
            &ahead.bytes,
            analyses.len().div_ceil(BLOCK),
            encoded(analyses, model::put_analysis),
        )?;
        store::evict(&self.dir, self.limit, key);
        Ok(size)
    }

    /// How many corpora the folder holds, and their bytes.
    pub fn usage(&self) -> (usize, u64) {
        let files = store::files(&self.dir);
        let corpora = files
            .iter()
            .filter(|f| f.0.extension().is_some_and(|e| e == "pxc"))
            .count();
        (corpora, files.iter().map(|f| f.1).sum())
    }

    /// Removes every cache file; returns how many bytes went.
    pub fn clear(&self) -> io::Result<u64> {
        let mut freed = 0;
        for (path, size, _) in store::files(&self.dir) {
            std::fs::remove_file(&path)?;
            freed += size;
        }
        Ok(freed)
    }

    /// Removes the files of one corpus (a damaged cache).
    pub fn remove(&self, key: &str) {
        for ext in ["pxc", "pxa"] {
            let _ = std::fs::remove_file(self.path(key, ext));
        }
    }
}

/// The text of a corpus read by [`Cache::read_library`]: the rest of its
/// cache file, read on any thread.
#[derive(Debug)]
pub struct Text {
    stream: store::Stream,
    /// Text blocks (as many as metadata blocks).
    blocks: usize,
}

impl Text {
    /// Reads the text of every article of `articles` (those
    /// [`Cache::read_library`] gave, in their order) into its body. A
    /// damaged file is an error: the caller loads the files instead.
    pub fn fill(mut self, articles: &mut [Article]) -> Result<(), Corrupt> {
        let texts = read_blocks(&mut self.stream, self.blocks, articles.len(), |r| {
            let mut a = Article::default();
            model::get_text(r, &mut a)?;
            Ok(a)
        })?;
        self.stream.finish()?;
        if texts.len() != articles.len() {
            return Err(Corrupt("text count"));
        }
        for (a, t) in articles.iter_mut().zip(texts) {
            a.body = t.body;
            a.paragraph_ends = t.paragraph_ends;
            a.authors = t.authors;
            a.categories = t.categories;
            a.url = t.url;
            a.extra = t.extra;
        }
        Ok(())
    }
}

/// Every item of the next `blocks` blocks of `stream`, in order: this
/// thread reads the blocks one after the other while the pool decodes
/// (and checks) each block as soon as it is read, so reading and decoding
/// overlap and the file is never read whole before decoding starts.
/// `expected`, from the head, only sizes the vector: a damaged head cannot
/// make it allocate more than the file holds.
fn read_blocks<T: Send>(
    stream: &mut store::Stream,
    blocks: usize,
    expected: usize,
    get: fn(&mut Reader) -> Result<T, Corrupt>,
) -> Result<Vec<T>, Corrupt> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut count = 0;
    let read = rayon::scope(|scope| -> Result<(), Corrupt> {
        while count < blocks
            && let Some((bytes, sum)) = stream.next(1)?.pop()
        {
            let (tx, at) = (tx.clone(), count);
            count += 1;
            scope.spawn(move |_| {
                let part = store::check(&bytes, sum).and_then(|()| {
                    let mut r = Reader::new(&bytes);
                    let mut part = Vec::with_capacity(BLOCK);
                    while !r.is_empty() {
                        part.push(get(&mut r)?);
                    }
                    Ok(part)
                });
                let _ = tx.send((at, part));
            });
        }
        Ok(())
    });
    drop(tx);
    read?;
    let mut parts: Vec<Option<Vec<T>>> = (0..count).map(|_| None).collect();
    for (at, part) in rx {
        parts[at] = Some(part?);
    }
    let mut items = Vec::with_capacity(expected.min(BLOCK * 1024));
    for part in parts {
        items.extend(part.ok_or(Corrupt("a block was not decoded"))?);
    }
    Ok(items)
}

/// `items` encoded in blocks of [`BLOCK`], a few blocks at a time (a
/// block per core), so the encoded file is never whole in memory (the
/// write comes last, at the session's peak: two blocks per core held
/// 23 MB more at 100,000 articles).
fn encoded<'a, T: Sync>(items: &'a [T], put: fn(&mut Writer, &T)) -> impl Iterator<Item = Vec<Vec<u8>>> + 'a {
    let group = BLOCK * rayon::current_num_threads().max(1);
    items.chunks(group).map(move |g| {
        g.par_chunks(BLOCK)
            .map(|chunk| {
                let mut w = Writer::default();
                chunk.iter().for_each(|a| put(&mut w, a));
                w.bytes
            })
            .collect()
    })
}

fn write_head(w: &mut Writer, c: &Corpus, s: &Files) {
    w.usize(c.files);
    w.usize(c.skipped);
    w.usize(c.articles.len());
    w.usize(s.discovery);
    w.usize(c.diagnostics.len());
    c.diagnostics.iter().for_each(|d| model::put_diagnostic(w, d));
    w.usize(c.duplicates.len());
    for d in &c.duplicates {
        w.usize(d.original);
        w.usize(d.duplicate);
        w.u8(u8::from(d.same_title));
    }
    w.usize(s.entries.len());
    for e in &s.entries {
        w.str(&e.path.to_string_lossy());
        match e.stamp {
            Some(st) => {
                w.u8(1);
                w.u64(st.size);
                w.i64(st.mtime_ns);
            }
            None => w.u8(0),
        }
        w.u64(e.hash);
        w.usize(e.articles);
        w.usize(e.diagnostics);
    }
}

fn read_head(r: &mut Reader) -> Result<Snapshot, Corrupt> {
    let (files, skipped, articles, discovery) = (r.usize()?, r.usize()?, r.usize()?, r.usize()?);
    let n = r.count(4)?;
    let diagnostics = (0..n)
        .map(|_| model::get_diagnostic(r))
        .collect::<Result<Vec<_>, _>>()?;
    let n = r.count(3)?;
    let mut duplicates = Vec::with_capacity(n);
    for _ in 0..n {
        let (original, duplicate, same_title) = (r.usize()?, r.usize()?, r.bool()?);
        if original >= articles || duplicate >= articles {
            return Err(Corrupt("duplicate out of range"));
        }
        duplicates.push(Duplicate {
            original,
            duplicate,
            same_title,
        });
    }
    let n = r.count(5)?;
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        let path = PathBuf::from(r.str()?);
        let stamp = match r.u8()? {
            0 => None,
            1 => Some(Stamp {
                size: r.u64()?,
                mtime_ns: r.i64()?,
            }),
            _ => return Err(Corrupt("bad stamp tag")),
        };
        entries.push(FileEntry {
            path,
            stamp,
            hash: r.u64()?,
            articles: r.usize()?,
            diagnostics: r.usize()?,
        });
    }
    if !r.is_empty() {
        return Err(Corrupt("bytes after the head"));
    }
    let snapshot = Snapshot {
        corpus: Corpus {
            articles: Vec::with_capacity(0),
            diagnostics,
            duplicates,
            files,
            skipped,
        },
        files: Files { entries, discovery },
    };
    if snapshot.files.entries.iter().map(|e| e.articles).sum::<usize>() != articles {
        return Err(Corrupt("article count"));
    }
    Ok(snapshot)
}

/// The counts of the head agree with what the blocks gave.
fn check_counts(s: &Snapshot) -> Result<(), Corrupt> {
    let articles: usize = s.files.entries.iter().map(|e| e.articles).sum();
    let diagnostics: usize = s.files.entries.iter().map(|e| e.diagnostics).sum();
    if articles != s.corpus.articles.len() || s.files.discovery + diagnostics > s.corpus.diagnostics.len() {
        return Err(Corrupt("counts disagree"));
    }
    Ok(())
}

/// A hash of a file's bytes, read in chunks (never whole); `None` when it
/// cannot be read.
pub fn hash_file(path: &Path) -> Option<u64> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut buf = vec![0; 1 << 16];
    let mut h: u64 = 0x2545_f491_4f6c_dd1d;
    loop {
        // Full chunks whatever `read` returns, so the hash depends only on
        // the bytes.
        let mut n = 0;
        while n < buf.len() {
            match file.read(&mut buf[n..]).ok()? {
                0 => break,
                got => n += got,
            }
        }
        if n == 0 {
            return Some(h);
        }
        h = (h.rotate_left(17) ^ codec::checksum(&buf[..n])).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

#[cfg(test)]
mod tests;
