//! Loading a corpus on a background thread. The UI polls for progress
//! (files done of files found) and stays responsive.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::thread;

use crate::corpus::{self, Corpus, LoadOptions};

use super::event::{LoadedCorpus, Msg};

pub struct Loader {
    done: Arc<AtomicUsize>,
    /// Files found, set once discovery finishes.
    total: Arc<OnceLock<usize>>,
    rx: Receiver<Corpus>,
    finished: bool,
}

impl Loader {
    /// Starts loading `paths`.
    pub fn spawn(paths: Vec<PathBuf>) -> Loader {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(OnceLock::new());
        let (tx, rx) = mpsc::channel();
        let (d, t) = (Arc::clone(&done), Arc::clone(&total));
        thread::Builder::new()
            .name("parallax-loader".into())
            .spawn(move || {
                let discovery = corpus::discover(&paths);
                let _ = t.set(discovery.files.len());
                let corpus = corpus::load_discovered(discovery, LoadOptions::default(), &d);
                let _ = tx.send(corpus);
            })
            .expect("spawn the loader thread");
        Loader {
            done,
            total,
            rx,
            finished: false,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The corpus when it is ready, else the progress so far. `None` once
    /// the corpus has been handed over.
    pub fn poll(&mut self) -> Option<Msg> {
        if self.finished {
            return None;
        }
        match self.rx.try_recv() {
            Ok(corpus) => {
                self.finished = true;
                Some(Msg::Loaded(LoadedCorpus(Arc::new(corpus))))
            }
            Err(TryRecvError::Empty) => Some(Msg::Progress {
                done: self.done.load(Ordering::Relaxed),
                total: self.total.get().copied().unwrap_or(0),
            }),
            Err(TryRecvError::Disconnected) => {
                self.finished = true;
                None
            }
        }
    }
}
