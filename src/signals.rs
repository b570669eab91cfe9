//! The signals the interactive reader answers: SIGTERM, SIGHUP, SIGINT and
//! SIGQUIT restore the terminal and end the program with status 128 + the
//! signal number; SIGTSTP restores the terminal and stops, and `fg` draws
//! again. A handler only records the signal; the event loop acts on it.
//! A second terminating signal while the first is pending ends the program
//! at once (when the loop is stuck in long work), and a watchdog thread
//! ends it when the loop has not taken a terminating signal within a
//! second: the loop can be stuck where it never looks. A terminal that
//! hangs up (its window closed, tmux killed) is such a place: crossterm
//! 0.29 retries the read of a closed terminal forever, at full CPU.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use signal_hook::SigId;
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// Signals that end the reader.
pub const TERMINATING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// What a signal asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Restore the terminal and exit with 128 + this signal.
    Exit(i32),
    /// Restore the terminal and stop (Ctrl-Z); redraw on `fg`.
    Suspend,
}

/// The handlers, removed again on drop.
pub struct Signals {
    pending: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

impl Signals {
    pub fn install() -> io::Result<Signals> {
        let pending = Arc::new(AtomicUsize::new(0));
        let armed = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for signal in TERMINATING {
            // Registered first, so it sees `armed` as the previous signal
            // left it: the second signal exits at once.
            ids.push(signal_hook::flag::register_conditional_shutdown(
                signal,
                128 + signal,
                Arc::clone(&armed),
            )?);
            ids.push(signal_hook::flag::register(signal, Arc::clone(&armed))?);
            ids.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&pending),
                signal as usize,
            )?);
        }
        ids.push(signal_hook::flag::register_usize(
            SIGTSTP,
            Arc::clone(&pending),
            SIGTSTP as usize,
        )?);
        Ok(Signals { pending, ids })
    }

    /// The signal received since the last call, if any.
    pub fn take(&self) -> Option<Request> {
        match self.pending.swap(0, Ordering::SeqCst) {
            0 => None,
            n if n == SIGTSTP as usize => Some(Request::Suspend),
            n => Some(Request::Exit(n as i32)),
        }
    }

    /// True when a signal is waiting.
    pub fn is_pending(&self) -> bool {
        self.pending.load(Ordering::SeqCst) != 0
    }

    /// Starts the watchdog: when a terminating signal has waited `grace`
    /// without the loop taking it, `restore` is called (best effort: the
    /// terminal may be gone) and the program exits with 128 + the signal.
    pub fn watchdog(&self, grace: Duration, restore: fn()) -> io::Result<()> {
        let pending = Arc::clone(&self.pending);
        std::thread::Builder::new()
            .name("signal-watchdog".into())
            .spawn(move || {
                let mut since: Option<Instant> = None;
                loop {
                    std::thread::sleep(Duration::from_millis(50));
                    let n = pending.load(Ordering::SeqCst);
                    if n == 0 || n == SIGTSTP as usize {
                        since = None;
                        continue;
                    }
                    let first = *since.get_or_insert_with(Instant::now);
                    if first.elapsed() >= grace {
                        restore();
                        std::process::exit(128 + n as i32);
                    }
                }
            })?;
        Ok(())
    }
}

/// How long the event loop has to act on a terminating signal before the
/// watchdog ends the program itself.
pub const WATCHDOG_GRACE: Duration = Duration::from_secs(1);

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Stops the process as an uncaught SIGTSTP would; returns after `fg`.
pub fn stop_self() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}
