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
    if let Some(warning) = inside_corpus(&path, corpus) {
        return off(Some(warning));
    }
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

/// parallax never writes into a corpus: a data folder inside one of the
/// corpus's folders (XDG_DATA_HOME pointed there) keeps nothing.
pub fn inside_corpus(state: &std::path::Path, corpus: &str) -> Option<StateWarning> {
    // The folder may not exist yet: its nearest existing ancestor is
    // made canonical and the rest joined on.
    let parent = state.parent()?;
    let folder = parent
        .ancestors()
        .find_map(|a| {
            let rest = parent.strip_prefix(a).ok()?;
            std::fs::canonicalize(a).ok().map(|c| c.join(rest))
        })
        .unwrap_or_else(|| crate::state::keys::canonical(parent));
    let inside = crate::state::keys::corpus_paths(corpus)
        .into_iter()
        .find(|root| folder.starts_with(root))?;
    Some(StateWarning(
        crate::escape::line(&format!(
            "running without kept state: its folder {} is inside the corpus {}",
            folder.display(),
            inside.display()
        ))
        .into_owned(),
    ))
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_data_folder_inside_the_corpus_keeps_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = crate::state::corpus_key(&[dir.path().to_path_buf()]);
        let inside = dir.path().join("data/parallax/state.db");
        let warning = super::inside_corpus(&inside, &corpus).expect("a warning");
        assert!(warning.0.contains("inside the corpus"), "{warning}");
        let other = tempfile::tempdir().unwrap();
        assert_eq!(
            super::inside_corpus(&other.path().join("parallax/state.db"), &corpus),
            None
        );
        assert_eq!(super::inside_corpus(&inside, crate::state::keys::DEMO), None);
    }
}
