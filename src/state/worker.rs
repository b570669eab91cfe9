//! The writer thread: the TUI hands it writes as data and never waits on
//! the file (another instance's transaction, a slow disk). The first
//! failed write gives one warning and the thread stops writing; quitting
//! waits for what is queued.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::note::Note;
use super::session::Session;
use super::store::{StateWarning, Store};

/// A write the app asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Write a note whole (deleted when it holds nothing).
    Note(Note),
    /// Keep where a corpus was left.
    Session { corpus: String, session: Session },
}

/// The thread that owns the state file while the TUI runs.
#[derive(Debug)]
pub struct Worker {
    tx: Option<Sender<Write>>,
    warnings: Receiver<StateWarning>,
    handle: Option<JoinHandle<()>>,
}

impl Worker {
    pub fn start(mut store: Store) -> Worker {
        let (tx, rx) = channel::<Write>();
        let (warn_tx, warnings) = channel();
        let handle = std::thread::Builder::new()
            .name("parallax-state".into())
            .spawn(move || {
                while let Ok(first) = rx.recv() {
                    // Everything already queued goes in one pass; of the
                    // session writes only the last per corpus counts.
                    let mut notes = Vec::new();
                    let mut sessions = BTreeMap::new();
                    for w in std::iter::once(first).chain(rx.try_iter()) {
                        match w {
                            Write::Note(n) => notes.push(n),
                            Write::Session { corpus, session } => {
                                sessions.insert(corpus, session);
                            }
                        }
                    }
                    let result = notes
                        .iter()
                        .try_for_each(|n| store.save_note(n))
                        .and_then(|()| sessions.iter().try_for_each(|(c, s)| store.save_session(c, s)));
                    if let Err(e) = result {
                        tracing::warn!(error = %e, "state write failed");
                        let _ = warn_tx.send(store.warning(&e));
                        return;
                    }
                }
            })
            .ok();
        Worker {
            tx: handle.is_some().then_some(tx),
            warnings,
            handle,
        }
    }

    pub fn send(&self, write: Write) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(write);
        }
    }

    /// A warning from a failed write, once.
    pub fn warning(&self) -> Option<StateWarning> {
        self.warnings.try_recv().ok()
    }

    /// Waits for the queued writes; a warning when one failed.
    pub fn finish(mut self) -> Option<StateWarning> {
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
        self.warnings.try_recv().ok()
    }
}
