//! The app's background jobs: loading a corpus, analysing it (the corpus
//! index: analyses, speakers, related), comparing two articles and
//! building a story's coverage (every pair of its articles compared). The
//! runtime calls [`Runner::tick`] between frames; it starts what the state
//! asks for, polls, and hands finished work to `update` as messages.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::event::{AnalysedCorpus, Compared, Covered, LoadedCorpus, Msg};
use crate::app::nav::{Nav, Route};
use crate::app::screens::compare::CompareState;
use crate::app::screens::coverage::CoverageState;
use crate::app::state::State;
use crate::app::update::update;
use crate::corpus::{self, Corpus, LoadOptions};
use crate::index::{CorpusIndex, Coverage};

use super::cached::{CacheJobs, Known, Opened};
use super::job::{Job, Poll};

#[derive(Debug, Default)]
pub struct Runner {
    loading: Option<Job<Corpus>>,
    /// The corpus being analysed and its job.
    analysing: Option<(Arc<Corpus>, Job<CorpusIndex>)>,
    /// The comparison asked for and its job (a newer request cancels it).
    comparing: Option<(Nav, Arc<Corpus>, Job<CompareState>)>,
    /// The coverage asked for and its job (a newer request cancels it).
    covering: Option<(Nav, Arc<Corpus>, Job<CoverageState>)>,
    /// The config's outlet aliases, applied to what `load` loads.
    pub outlets: corpus::OutletAliases,
    /// Opening through the cache, and the cache's later jobs.
    opening: Option<Job<Opened>>,
    cached: Option<CacheJobs>,
}

impl Runner {
    pub fn new() -> Runner {
        Runner::default()
    }

    /// Starts loading `paths` (the state shows the progress).
    pub fn load(&mut self, paths: Vec<PathBuf>) {
        let outlets = self.outlets.clone();
        self.loading = Some(Job::spawn("loader", move |progress| {
            let discovery = corpus::discover(&paths);
            progress.set_total(discovery.files.len());
            if progress.is_cancelled() {
                return None;
            }
            let mut corpus = corpus::load_discovered(discovery, LoadOptions::default(), progress.counter());
            if outlets != corpus::OutletAliases::default() {
                corpus::normalize_outlets(&mut corpus.articles, &outlets);
            }
            Some(corpus)
        }));
    }

    /// Starts opening `paths` through `cache`: from the cache when it
    /// holds the corpus, else from the files (the cache is written once
    /// the analysis is done).
    pub fn load_cached(&mut self, paths: Vec<PathBuf>, cache: crate::cache::Cache) {
        let plan = crate::cache::session::Plan {
            inputs: paths,
            options: LoadOptions::default(),
            outlets: self.outlets.clone(),
        };
        let jobs = CacheJobs::new(cache, plan);
        self.opening = Some(Job::spawn("loader", jobs.open_work()));
        self.cached = Some(jobs);
    }

    /// True while a job runs (the runtime then polls more often).
    pub fn busy(&self) -> bool {
        let running = |done: bool| !done;
        self.opening.is_some()
            || self.cached.as_ref().is_some_and(CacheJobs::busy)
            || self.loading.as_ref().is_some_and(|j| running(j.is_finished()))
            || self
                .analysing
                .as_ref()
                .is_some_and(|(_, j)| running(j.is_finished()))
            || self.comparing.is_some()
            || self.covering.is_some()
    }

    /// Starts the work the state asks for, then applies what finished.
    pub fn tick(&mut self, state: &mut State) {
        self.start(state);
        if let Some(job) = &mut self.loading {
            match job.poll() {
                Poll::Running(done, total) => update(state, Msg::Progress { done, total }),
                Poll::Done(corpus) => {
                    self.loading = None;
                    update(state, Msg::Loaded(LoadedCorpus(Arc::new(corpus))));
                }
                Poll::Gone => self.loading = None,
            }
        }
        if let Some((corpus, job)) = &mut self.analysing {
            match job.poll() {
                Poll::Running(..) => {}
                Poll::Done(index) => {
                    let corpus = Arc::clone(corpus);
                    let index = Arc::new(index);
                    if let Some(cached) = &mut self.cached {
                        cached.analysed(&corpus, &index);
                    }
                    update(state, Msg::Analysed(AnalysedCorpus { corpus, index }));
                }
                // Polled again after its result was taken: that is no failure.
                Poll::Gone if state.index.is_some() => {}
                Poll::Gone => tracing::warn!("the analysis job ended without a result"),
            }
        }
        if let Some(cached) = &mut self.cached {
            cached.tick(state);
        }
        // After the cache's jobs: the job reading the text of a corpus
        // listed now is polled on the next tick at the earliest, so the
        // library is always shown before the text is handed over.
        if let Some(job) = &mut self.opening {
            match job.poll() {
                Poll::Running(done, total) => update(state, Msg::Progress { done, total }),
                Poll::Done(opened) => {
                    self.opening = None;
                    if let Some(cached) = &mut self.cached {
                        let partial = opened.is_partial();
                        let corpus = LoadedCorpus(cached.opened(opened));
                        update(
                            state,
                            if partial {
                                Msg::Listed(corpus)
                            } else {
                                Msg::Loaded(corpus)
                            },
                        );
                    }
                }
                Poll::Gone => self.opening = None,
            }
        }
        if let Some((nav, corpus, screen)) = poll_screen(&mut self.comparing) {
            let screen = Box::new(screen);
            update(state, Msg::Compared(Compared { nav, corpus, screen }));
        }
        if let Some((nav, corpus, screen)) = poll_screen(&mut self.covering) {
            let screen = Box::new(screen);
            update(state, Msg::Covered(Covered { nav, corpus, screen }));
        }
    }

    fn start(&mut self, state: &mut State) {
        // Each loaded corpus is analysed once (a new corpus, a new job; a
        // job for an older corpus is dropped, which cancels it); a corpus
        // listed without its text waits for it.
        let current = |c: &Arc<Corpus>| Arc::ptr_eq(c, &state.corpus);
        if state.loading.is_none()
            && !state.text_pending
            && state.index.is_none()
            && !self.analysing.as_ref().is_some_and(|(c, _)| current(c))
        {
            let corpus = Arc::clone(&state.corpus);
            let shared = Arc::clone(&corpus);
            let known = match &mut self.cached {
                Some(cached) => cached.known(&corpus),
                None => Known::Nothing,
            };
            let job = Job::spawn("analyser", move |progress| {
                if progress.is_cancelled() {
                    return None;
                }
                Some(CorpusIndex::build_then(&shared, || known.take(&shared)))
            });
            self.analysing = Some((corpus, job));
        }
        let Some(nav) = state.pending.take() else {
            return;
        };
        if let Some(request) = compare_request(state, nav) {
            tracing::debug!(?nav, "comparing in the background");
            self.comparing = Some((nav, Arc::clone(&state.corpus), Job::spawn("compare", request)));
        } else if let Some(request) = coverage_request(state, nav) {
            tracing::debug!(?nav, "building a story's coverage in the background");
            self.covering = Some((nav, Arc::clone(&state.corpus), Job::spawn("coverage", request)));
        }
    }
}

/// A screen built in the background for a navigation: when its job is done,
/// the slot is emptied and the navigation, its corpus and the screen are
/// given back; a job that ended without a screen just empties the slot.
fn poll_screen<T: Send + 'static>(
    slot: &mut Option<(Nav, Arc<Corpus>, Job<T>)>,
) -> Option<(Nav, Arc<Corpus>, T)> {
    let (_, _, job) = slot.as_mut()?;
    match job.poll() {
        Poll::Running(..) => None,
        Poll::Done(screen) => {
            let (nav, corpus, _) = slot.take()?;
            Some((nav, corpus, screen))
        }
        Poll::Gone => {
            *slot = None;
            None
        }
    }
}

/// The work a compare navigation needs, ready to run on any thread.
fn compare_request(
    state: &State,
    nav: Nav,
) -> Option<impl FnOnce(&super::Progress) -> Option<CompareState> + Send + 'static> {
    let (Nav::Push(Route::Compare(sides)) | Nav::Replace(Route::Compare(sides))) = nav else {
        return None;
    };
    let corpus = Arc::clone(&state.corpus);
    let index = Arc::clone(state.index.as_ref()?);
    let ctx = state.ctx();
    let (width, options) = (ctx.compare_width(), ctx.thresholds.compare_options());
    Some(move |progress: &super::Progress| {
        (!progress.is_cancelled())
            .then(|| CompareState::open(&corpus, &index.speakers, sides, width, options))
    })
}

/// The work a coverage navigation needs, ready to run on any thread.
fn coverage_request(
    state: &State,
    nav: Nav,
) -> Option<impl FnOnce(&super::Progress) -> Option<CoverageState> + Send + 'static> {
    let (Nav::Push(Route::Coverage(story)) | Nav::Replace(Route::Coverage(story))) = nav else {
        return None;
    };
    let corpus = Arc::clone(&state.corpus);
    let index = Arc::clone(state.index.as_ref()?);
    index.stories.stories.get(story)?;
    let options = state.ctx().thresholds.compare_options();
    Some(move |progress: &super::Progress| {
        if progress.is_cancelled() {
            return None;
        }
        let s = &index.stories.stories[story];
        let coverage = Coverage::build(s, &corpus.articles, &index.speakers, &options);
        Some(CoverageState::new(story, coverage))
    })
}

/// Runs the work the state asks for on this thread and applies it (tests,
/// benchmarks and `parallax compare A B`, whose two articles take
/// milliseconds).
pub fn run_inline(state: &mut State) {
    while let Some(nav) = state.pending.take() {
        if let Some(work) = coverage_request(state, nav) {
            if let Some(screen) = work(&super::Progress::default()) {
                let corpus = Arc::clone(&state.corpus);
                let screen = Box::new(screen);
                update(state, Msg::Covered(Covered { nav, corpus, screen }));
            }
            continue;
        }
        let Some(work) = compare_request(state, nav) else {
            continue;
        };
        if let Some(screen) = work(&super::Progress::default()) {
            let corpus = Arc::clone(&state.corpus);
            update(
                state,
                Msg::Compared(Compared {
                    nav,
                    corpus,
                    screen: Box::new(screen),
                }),
            );
        }
    }
}

/// Analyses `corpus` on this thread (tests, and `parallax compare A B`
/// where the corpus is two articles).
pub fn analyse_now(corpus: &Arc<Corpus>) -> Msg {
    Msg::Analysed(AnalysedCorpus {
        corpus: Arc::clone(corpus),
        index: Arc::new(CorpusIndex::build(corpus)),
    })
}

/// Opens the compare screen alone on the corpus's two articles
/// (`parallax compare A B`): both are analysed and compared on this thread
/// (milliseconds for two articles), and `q` quits.
pub fn start_compare(state: &mut State) {
    let analysed = analyse_now(&state.corpus);
    update(state, analysed);
    state.stack.clear();
    state.pending = Some(Nav::Push(Route::Compare(crate::compare::Pair::new(0, 1))));
    run_inline(state);
}
