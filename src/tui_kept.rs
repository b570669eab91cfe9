//! The TUI's end of kept state: opens the state file (one warning when it
//! cannot be used, and the app runs without), loads what is kept, and
//! hands the app's writes to the writer thread between frames. With
//! `--no-state` or `state = false` nothing is opened or written.

use crate::app::State;
use crate::app::kept::Kept;
use crate::app::kept_cmd;
use crate::state::worker::{Worker, Write};
use crate::state::{Session, StateWarning, Store};

/// The writer and the last session handed to it.
#[derive(Debug, Default)]
pub struct KeptIo {
    worker: Option<Worker>,
    last: Option<Session>,
}

/// Opens the state for corpus `corpus` (a key, see
/// [`crate::state::keys`]); `enabled` is false with `--no-state`.
pub fn open(corpus: &str, enabled: bool) -> (Kept, KeptIo, Option<StateWarning>) {
    let off = |warning| (Kept::default(), KeptIo::default(), warning);
    if !enabled {
        return off(None);
    }
    let Some(path) = crate::state::default_path() else {
        return off(Some(StateWarning(
            "no data folder (set HOME or XDG_DATA_HOME); running without kept state".into(),
        )));
    };
    let store = match Store::open(&path) {
        Ok(store) => store,
        Err(warning) => return off(Some(warning)),
    };
    let read = store
        .notes()
        .and_then(|notes| Ok((notes, store.session(corpus)?)));
    match read {
        Ok((notes, session)) => {
            let kept = Kept::new(corpus, notes, session);
            let io = KeptIo {
                worker: Some(Worker::start(store)),
                last: None,
            };
            (kept, io, None)
        }
        Err(e) => off(Some(store.warning(&e))),
    }
}

impl KeptIo {
    /// Hands over the writes the app asked for and the session when it
    /// changed; shows a failed write's warning once.
    pub fn sync(&mut self, state: &mut State) {
        let Some(worker) = &self.worker else {
            state.kept.writes.clear();
            return;
        };
        for write in state.kept.writes.drain(..) {
            worker.send(write);
        }
        if let Some(session) = kept_cmd::session(state)
            && self.last.as_ref() != Some(&session)
        {
            worker.send(Write::Session {
                corpus: state.kept.corpus.clone(),
                session: session.clone(),
            });
            self.last = Some(session);
        }
        if let Some(warning) = worker.warning() {
            state.kept.on = false;
            state.notice = Some(crate::app::Notice {
                text: warning.0,
                error: true,
            });
        }
    }

    /// The last writes, then waits for the writer; a warning when a write
    /// failed.
    pub fn finish(mut self, state: &mut State) -> Option<StateWarning> {
        self.sync(state);
        self.worker.take()?.finish()
    }
}
