//! The cache's jobs around one open of a corpus (see `crate::cache`):
//! open from the cache when it holds the corpus (else load the files),
//! take the analyses from it, then, once the analysis is done, check the
//! files in the background (new, changed and removed files: the library
//! is replaced by the up-to-date corpus) or write the cache. Nothing here
//! runs before the first screen except reading the cache file.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::{Instant, SystemTime};

use crate::analysis::Analysis;
use crate::app::Notice;
use crate::app::event::{LoadedCorpus, Msg};
use crate::app::state::State;
use crate::app::update::update;
use crate::cache::session::{self, Plan, Refreshed};
use crate::cache::{Cache, Files, Snapshot, Text};
use crate::corpus::Corpus;
use crate::index::CorpusIndex;

use super::job::{Job, Poll};

/// A corpus opened through the cache: where it came from.
#[derive(Debug)]
pub struct Opened {
    snapshot: Snapshot,
    /// The generation of the cache file it was read from; `None` when it
    /// was loaded from the files.
    generation: Option<u64>,
    /// The articles' text, still in the cache file: the corpus is shown
    /// in the library at once, and its text read in the background.
    text: Option<Text>,
}

impl Opened {
    /// True when the corpus still waits for its text ([`Msg::Listed`]).
    pub fn is_partial(&self) -> bool {
        self.text.is_some()
    }
}

/// Reads the library of the corpus from the cache (its text is read
/// next, in the background: [`CacheJobs::opened`]), or loads the corpus
/// from the files when the cache has none (or a damaged one, which is
/// removed).
pub fn open(cache: &Cache, key: &str, plan: &Plan, progress: &super::Progress) -> Option<Opened> {
    let started = Instant::now();
    match cache.read_library(key) {
        Ok(Some((snapshot, generation, text))) => {
            let ms = started.elapsed().as_millis();
            tracing::info!(
                articles = snapshot.corpus.articles.len(),
                ms,
                "library opened from the cache"
            );
            return Some(Opened {
                snapshot,
                generation: Some(generation),
                text: Some(text),
            });
        }
        Ok(None) => tracing::info!("no cache for this corpus yet"),
        Err(e) => {
            tracing::warn!("{e}: the cache is rebuilt");
            cache.remove(key);
        }
    }
    let discovery = crate::corpus::discover(&plan.inputs);
    tracing::debug!(
        files = discovery.files.len(),
        ms = started.elapsed().as_millis(),
        "files found"
    );
    progress.set_total(discovery.files.len());
    if progress.is_cancelled() {
        return None;
    }
    Some(Opened {
        snapshot: session::load_fresh(plan, discovery, progress.counter()),
        generation: None,
        text: None,
    })
}

/// What reading the text of a listed corpus gave.
#[derive(Debug)]
pub enum Completion {
    /// The listed corpus with its text, from the cache file.
    Text(Corpus),
    /// The cache file was damaged (and removed): the corpus loaded from
    /// the files.
    Files(Snapshot),
}

/// The corpus `listed` (read without its text) with its text read from
/// the cache file; when that fails (a damaged file, which is removed),
/// the corpus loaded from the files.
fn complete(listed: &Corpus, text: Text, cache: &Cache, key: &str, plan: &Plan) -> Completion {
    let started = Instant::now();
    let mut corpus = Corpus {
        articles: listed.articles.clone(),
        diagnostics: listed.diagnostics.clone(),
        duplicates: listed.duplicates.clone(),
        files: listed.files,
        skipped: listed.skipped,
    };
    match text.fill(&mut corpus.articles) {
        Ok(()) => {
            tracing::info!(ms = started.elapsed().as_millis(), "text read from the cache");
            Completion::Text(corpus)
        }
        Err(e) => {
            tracing::warn!("{e}: the cache is rebuilt (the corpus is loaded from the files)");
            cache.remove(key);
            let discovery = crate::corpus::discover(&plan.inputs);
            Completion::Files(session::load_fresh(plan, discovery, &AtomicUsize::new(0)))
        }
    }
}

#[derive(Debug)]
enum Step {
    /// The corpus shown was listed without its text: its job starts on
    /// the next tick, once the library is on screen (the first screen
    /// does not share the cores with it).
    Listed(Text),
    /// Reading the text of the corpus shown (its library) from the cache
    /// file.
    Completing(Job<Completion>),
    /// Waiting for the analysis of the corpus shown.
    Waiting,
    Refreshing(Job<Option<Refreshed>>),
    Writing(Job<std::io::Result<u64>>),
    Done,
}

/// The cache's part of one open.
#[derive(Debug)]
pub struct CacheJobs {
    cache: Cache,
    key: String,
    pub plan: Plan,
    loaded_at: SystemTime,
    /// The corpus shown and what each of its files gave.
    corpus: Option<Arc<Corpus>>,
    files: Files,
    /// Set while the corpus shown is the one read from the cache.
    generation: Option<u64>,
    /// Analyses that still hold for the corpus shown (after a refresh).
    reuse: Option<Vec<Option<Analysis>>>,
    step: Step,
}

/// Where the analysis job takes known analyses from.
pub enum Known {
    Nothing,
    CacheFile {
        cache: Cache,
        key: String,
        generation: u64,
    },
    These(Vec<Option<Analysis>>),
}

impl Known {
    /// The analyses, by article (empty when there are none).
    pub fn take(self, corpus: &Corpus) -> Vec<Option<Analysis>> {
        match self {
            Known::Nothing => Vec::new(),
            Known::These(v) => v,
            Known::CacheFile {
                cache,
                key,
                generation,
            } => match cache.read_analyses(&key, generation, corpus.articles.len()) {
                Ok(v) => v.into_iter().map(Some).collect(),
                Err(e) => {
                    // Both files go, so the next open writes them again.
                    tracing::warn!("{e}: the analyses are computed again, the cache rebuilt");
                    cache.remove(&key);
                    Vec::new()
                }
            },
        }
    }
}

impl CacheJobs {
    pub fn new(cache: Cache, plan: Plan) -> CacheJobs {
        let key = Cache::key(&plan.inputs, &plan.salt());
        CacheJobs {
            cache,
            key,
            plan,
            loaded_at: SystemTime::now(),
            corpus: None,
            files: Files::default(),
            generation: None,
            reuse: None,
            step: Step::Waiting,
        }
    }

    /// The loading work, ready to run on a job's thread.
    pub fn open_work(&self) -> impl FnOnce(&super::Progress) -> Option<Opened> + Send + 'static {
        let (cache, key, plan) = (self.cache.clone(), self.key.clone(), self.plan.clone());
        move |progress| open(&cache, &key, &plan, progress)
    }

    /// Takes an opened corpus: returns it to be shown. A corpus listed
    /// without its text has it read by a job of its own, handed over by
    /// [`CacheJobs::tick`] ([`Msg::Completed`]).
    pub fn opened(&mut self, opened: Opened) -> Arc<Corpus> {
        let corpus = Arc::new(opened.snapshot.corpus);
        self.files = opened.snapshot.files;
        self.generation = opened.generation;
        self.corpus = Some(Arc::clone(&corpus));
        self.step = match opened.text {
            Some(text) => Step::Listed(text),
            None => Step::Waiting,
        };
        corpus
    }

    /// The known analyses for `corpus` (taken once).
    pub fn known(&mut self, corpus: &Arc<Corpus>) -> Known {
        if !self.corpus.as_ref().is_some_and(|c| Arc::ptr_eq(c, corpus)) {
            return Known::Nothing;
        }
        if let Some(v) = self.reuse.take() {
            return Known::These(v);
        }
        match self.generation {
            Some(generation) => Known::CacheFile {
                cache: self.cache.clone(),
                key: self.key.clone(),
                generation,
            },
            None => Known::Nothing,
        }
    }

    /// The analysis of `corpus` is done: check the files (a corpus from the
    /// cache) or write the cache (a corpus from the files).
    pub fn analysed(&mut self, corpus: &Arc<Corpus>, index: &Arc<CorpusIndex>) {
        if !matches!(self.step, Step::Waiting)
            || !self.corpus.as_ref().is_some_and(|c| Arc::ptr_eq(c, corpus))
        {
            return;
        }
        let (corpus, index) = (Arc::clone(corpus), Arc::clone(index));
        // Taken, not copied (100,000 paths at 100,000 files, at the
        // session's peak): the check or the write is the last to read them.
        let (plan, files) = (self.plan.clone(), std::mem::take(&mut self.files));
        if self.generation.is_some() {
            // A file the check reads again is vouched for against this time.
            self.loaded_at = SystemTime::now();
            self.step = Step::Refreshing(Job::spawn("cache-check", move |progress| {
                let started = Instant::now();
                let found = (!progress.is_cancelled())
                    .then(|| session::refresh(&plan, &corpus, &files, Some(&index.speakers.analyses)))?;
                let ms = started.elapsed().as_millis();
                tracing::info!(ms, changed = found.is_some(), "cache checked against the files");
                Some(found)
            }));
        } else {
            let (cache, key, loaded_at) = (self.cache.clone(), self.key.clone(), self.loaded_at);
            self.step = Step::Writing(Job::spawn("cache-write", move |progress| {
                let started = Instant::now();
                let mut files = files;
                session::seal(&mut files.entries, loaded_at);
                if progress.is_cancelled() {
                    return None;
                }
                let written = cache.write(&key, &corpus, &files, &index.speakers.analyses);
                match &written {
                    Ok(bytes) => tracing::info!(bytes, ms = started.elapsed().as_millis(), "cache written"),
                    Err(e) => tracing::warn!("cache not written: {e}"),
                }
                Some(written)
            }));
        }
    }

    /// True while a check or the text runs (its result changes the
    /// screen).
    pub fn busy(&self) -> bool {
        matches!(
            self.step,
            Step::Refreshing(_) | Step::Listed(_) | Step::Completing(_)
        )
    }

    /// Applies what finished.
    pub fn tick(&mut self, state: &mut State) {
        if matches!(self.step, Step::Listed(_))
            && let Step::Listed(text) = std::mem::replace(&mut self.step, Step::Done)
            && let Some(listed) = self.corpus.clone()
        {
            let (cache, key, plan) = (self.cache.clone(), self.key.clone(), self.plan.clone());
            self.step = Step::Completing(Job::spawn("cache-text", move |progress| {
                (!progress.is_cancelled()).then(|| complete(&listed, text, &cache, &key, &plan))
            }));
            return;
        }
        match &mut self.step {
            Step::Completing(job) => match job.poll() {
                Poll::Running(..) => {}
                Poll::Done(Completion::Text(corpus)) => {
                    // The same corpus, files and generation, now with text.
                    let corpus = Arc::new(corpus);
                    self.corpus = Some(Arc::clone(&corpus));
                    self.step = Step::Waiting;
                    update(state, Msg::Completed(LoadedCorpus(corpus)));
                }
                Poll::Done(Completion::Files(snapshot)) => {
                    let corpus = self.opened(Opened {
                        snapshot,
                        generation: None,
                        text: None,
                    });
                    update(state, Msg::Completed(LoadedCorpus(corpus)));
                }
                Poll::Gone => {
                    tracing::warn!("the text of the corpus was not read");
                    self.step = Step::Done;
                }
            },
            Step::Refreshing(job) => match job.poll() {
                Poll::Running(..) => {}
                Poll::Done(Some(refreshed)) => {
                    let notice = format!(
                        "{} changed or new, {} removed: the library is up to date",
                        plural(refreshed.changed),
                        plural(refreshed.removed)
                    );
                    self.reuse = Some(refreshed.analyses);
                    let corpus = self.opened(Opened {
                        snapshot: refreshed.snapshot,
                        generation: None,
                        text: None,
                    });
                    update(state, Msg::Refreshed(LoadedCorpus(corpus)));
                    state.notice = Some(Notice {
                        text: notice,
                        error: false,
                    });
                }
                Poll::Done(None) | Poll::Gone => self.step = Step::Done,
            },
            Step::Writing(job) => {
                if !matches!(job.poll(), Poll::Running(..)) {
                    self.step = Step::Done;
                }
            }
            Step::Listed(_) | Step::Waiting | Step::Done => {}
        }
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{n} files")
    }
}
