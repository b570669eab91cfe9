//! The cache's steps around one open of a corpus, each run by a job of
//! the app (or inline by tests): load fresh while remembering what each
//! file gave, check a cached corpus against the files (sizes, times and
//! content hashes), and vouch for the files before a write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::{FileEntry, Files, Snapshot, Stamp, hash_file};
use crate::analysis::Analysis;
use crate::corpus::{self, Corpus, Discovery, FileCounts, FileResult, LoadOptions, OutletAliases};

/// How loading is done for one corpus (the same for every step).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub inputs: Vec<PathBuf>,
    pub options: LoadOptions,
    pub outlets: OutletAliases,
}

impl Plan {
    /// What besides the inputs changes the result of loading: part of the
    /// cache key.
    pub fn salt(&self) -> String {
        let o = self.options;
        format!(
            "{:?}|{}|{}|{}",
            self.outlets, o.max_text_bytes, o.max_json_bytes, o.max_articles_per_file
        )
    }

    fn finish(&self, corpus: &mut Corpus) {
        if self.outlets != OutletAliases::default() {
            corpus::normalize_outlets(&mut corpus.articles, &self.outlets);
        }
    }
}

fn snapshot(corpus: Corpus, files: Vec<PathBuf>, counts: Vec<FileCounts>, discovery: usize) -> Snapshot {
    let entries = files
        .into_iter()
        .zip(counts)
        .map(|(path, c)| FileEntry {
            path,
            stamp: None,
            hash: 0,
            articles: c.articles,
            diagnostics: c.diagnostics,
        })
        .collect();
    Snapshot {
        corpus,
        files: Files { entries, discovery },
    }
}

/// Loads the corpus from its files (`progress` counts files), keeping
/// what each file gave. The entries are not vouched for yet ([`seal`]).
pub fn load_fresh(plan: &Plan, discovery: Discovery, progress: &AtomicUsize) -> Snapshot {
    let files = discovery.files.clone();
    let found = discovery.diagnostics.len();
    let (mut corpus, counts) = corpus::load_reusing(discovery, plan.options, progress, |_, _| None);
    plan.finish(&mut corpus);
    snapshot(corpus, files, counts, found)
}

/// A cached corpus checked against the files, when they differ: the new
/// corpus and the analyses that still hold (by article).
#[derive(Debug)]
pub struct Refreshed {
    pub snapshot: Snapshot,
    pub analyses: Vec<Option<Analysis>>,
    /// Files read again (new or changed) and files gone.
    pub changed: usize,
    pub removed: usize,
}

/// Checks `shown` (a corpus from the cache, with its analyses when known)
/// against the files: discovery, then each file's size and time, then its
/// content hash. `None` when everything still holds; else the corpus
/// loaded again, reusing every file that did not change.
pub fn refresh(plan: &Plan, old: &Corpus, shown: &Files, analyses: Option<&[Analysis]>) -> Option<Refreshed> {
    let discovery = corpus::discover(&plan.inputs);
    // Where each cached file's articles and diagnostics start.
    let mut at: HashMap<&Path, (usize, usize, usize)> = HashMap::with_capacity(shown.entries.len());
    let (mut article, mut diagnostic) = (0, shown.discovery);
    for (i, e) in shown.entries.iter().enumerate() {
        at.insert(e.path.as_path(), (i, article, diagnostic));
        article += e.articles;
        diagnostic += e.diagnostics;
    }
    let same: Vec<Option<(usize, usize, usize)>> = discovery
        .files
        .par_iter()
        .map(|path| {
            let &(i, a, d) = at.get(path.as_path())?;
            let entry = &shown.entries[i];
            let stamp = Stamp::read(path)?;
            (entry.stamp == Some(stamp) && hash_file(path) == Some(entry.hash)).then_some((i, a, d))
        })
        .collect();
    let changed = same.iter().filter(|s| s.is_none()).count();
    let still_there = discovery
        .files
        .iter()
        .filter(|p| at.contains_key(p.as_path()))
        .count();
    let removed = shown.entries.len() - still_there;
    let shown_found = &old.diagnostics[..shown.discovery.min(old.diagnostics.len())];
    if changed == 0
        && removed == 0
        && discovery.skipped == old.skipped
        && discovery.diagnostics == shown_found
    {
        return None;
    }
    let files = discovery.files.clone();
    let found = discovery.diagnostics.len();
    let reuse = |i: usize, _: &Path| -> Option<FileResult> {
        let (e, a, d) = same[i]?;
        let entry = &shown.entries[e];
        Some(FileResult {
            articles: old.articles.get(a..a + entry.articles)?.to_vec(),
            diagnostics: old.diagnostics.get(d..d + entry.diagnostics)?.to_vec(),
        })
    };
    let (mut corpus, counts) = corpus::load_reusing(discovery, plan.options, &AtomicUsize::new(0), reuse);
    plan.finish(&mut corpus);
    let mut reused = Vec::with_capacity(corpus.articles.len());
    for (s, c) in same.iter().zip(&counts) {
        match (s, analyses) {
            (Some((_, a, _)), Some(all)) if all.len() >= a + c.articles => {
                reused.extend(all[*a..a + c.articles].iter().cloned().map(Some));
            }
            _ => reused.extend((0..c.articles).map(|_| None)),
        }
    }
    let mut snapshot = snapshot(corpus, files, counts, found);
    for (entry, s) in snapshot.files.entries.iter_mut().zip(&same) {
        if let Some((e, _, _)) = s {
            entry.stamp = shown.entries[*e].stamp;
            entry.hash = shown.entries[*e].hash;
        }
    }
    Some(Refreshed {
        snapshot,
        analyses: reused,
        changed,
        removed,
    })
}

/// Vouches for the files not vouched for yet: their size, time and
/// content hash, read now. A file changed at or after `loaded_at` (less a
/// second, for coarse clocks), or while it is hashed, stays unvouched and
/// is read again on the next open.
pub fn seal(entries: &mut [FileEntry], loaded_at: SystemTime) {
    let before = loaded_at
        .checked_sub(Duration::from_secs(1))
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_nanos()).ok())
        .unwrap_or(0);
    entries
        .par_iter_mut()
        .filter(|e| e.stamp.is_none())
        .for_each(|e| {
            let Some(first) = Stamp::read(&e.path) else {
                return;
            };
            let Some(hash) = hash_file(&e.path) else {
                return;
            };
            if first.mtime_ns < before && Stamp::read(&e.path) == Some(first) {
                e.stamp = Some(first);
                e.hash = hash;
            }
        });
}
