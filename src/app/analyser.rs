//! Analysing the corpus on a background thread (rayon inside), so the
//! library's QUOTES and SPEAKERS columns fill in while the UI stays live.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;

use crate::corpus::Corpus;

use super::event::{AnalysedCorpus, Msg};
use crate::index::CorpusIndex;

pub struct Analyser {
    rx: Receiver<AnalysedCorpus>,
    finished: bool,
}

impl Analyser {
    /// Starts analysing `corpus`.
    pub fn spawn(corpus: Arc<Corpus>) -> Analyser {
        let (tx, rx) = mpsc::channel();
        thread::Builder::new()
            .name("parallax-analyser".into())
            .spawn(move || {
                let index = Arc::new(CorpusIndex::build(&corpus));
                let _ = tx.send(AnalysedCorpus { corpus, index });
            })
            .expect("spawn the analyser thread");
        Analyser { rx, finished: false }
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The analysis once it is ready.
    pub fn poll(&mut self) -> Option<Msg> {
        if self.finished {
            return None;
        }
        match self.rx.try_recv() {
            Ok(done) => {
                self.finished = true;
                Some(Msg::Analysed(done))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.finished = true;
                None
            }
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
