//! One piece of background work: a named thread running a closure that
//! may report progress and should stop early when cancelled; the UI polls
//! it. Dropping a job cancels it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::Instant;

/// Shared between a job and its owner: steps done of `total` (0 while
/// unknown) and the cancel flag.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancelled: Arc<AtomicBool>,
}

impl Progress {
    /// The counter the work advances (`corpus::load_discovered` takes it).
    pub fn counter(&self) -> &AtomicUsize {
        &self.done
    }

    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// `(done, total)` so far.
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once the owner cancelled; work checks it between stages.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What a poll finds.
#[derive(Debug, PartialEq, Eq)]
pub enum Poll<T> {
    /// Still working: `(done, total)`.
    Running(usize, usize),
    Done(T),
    /// Cancelled, failed, or its result already taken.
    Gone,
}

#[derive(Debug)]
pub struct Job<T> {
    name: String,
    started: Instant,
    rx: Receiver<T>,
    progress: Progress,
    finished: bool,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `name`. The work returns `None` when
    /// it stopped because it was cancelled.
    pub fn spawn(name: &str, work: impl FnOnce(&Progress) -> Option<T> + Send + 'static) -> Job<T> {
        let progress = Progress::default();
        let (tx, rx) = mpsc::channel();
        let shared = progress.clone();
        let spawned = thread::Builder::new()
            .name(format!("parallax-{name}"))
            .spawn(move || {
                if let Some(result) = work(&shared)
                    && !shared.is_cancelled()
                {
                    let _ = tx.send(result);
                }
            });
        // A thread that cannot start is a job that is gone (the channel's
        // sender was dropped with the closure).
        if let Err(e) = spawned {
            tracing::warn!("could not start the {name} job: {e}");
        }
        tracing::debug!(job = name, "started");
        Job {
            name: name.to_string(),
            started: Instant::now(),
            rx,
            progress,
            finished: false,
        }
    }
}

impl<T> Job<T> {
    pub fn poll(&mut self) -> Poll<T> {
        if self.finished {
            return Poll::Gone;
        }
        match self.rx.try_recv() {
            Ok(result) => {
                self.finished = true;
                let ms = self.started.elapsed().as_secs_f64() * 1e3;
                tracing::debug!(job = self.name, ms, "done");
                Poll::Done(result)
            }
            Err(TryRecvError::Empty) => {
                let (done, total) = self.progress.get();
                Poll::Running(done, total)
            }
            Err(TryRecvError::Disconnected) => {
                self.finished = true;
                Poll::Gone
            }
        }
    }

    /// True once the result was taken or the job is gone.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Asks the work to stop; its result, if any, is dropped.
    pub fn cancel(&mut self) {
        tracing::debug!(job = self.name, "cancelled");
        self.progress.cancel();
        self.finished = true;
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait<T>(job: &mut Job<T>) -> Poll<T> {
        let started = Instant::now();
        loop {
            match job.poll() {
                Poll::Running(..) => {
                    assert!(started.elapsed() < Duration::from_secs(10), "the job hangs");
                    thread::sleep(Duration::from_millis(1));
                }
                other => return other,
            }
        }
    }

    #[test]
    fn a_job_reports_progress_then_its_result_once() {
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let mut job = Job::spawn("test", move |p| {
            p.set_total(4);
            p.counter().fetch_add(3, Ordering::Relaxed);
            go_rx.recv().ok()?;
            Some(42)
        });
        let started = Instant::now();
        while job.poll() != Poll::Running(3, 4) {
            assert!(started.elapsed() < Duration::from_secs(10));
            thread::sleep(Duration::from_millis(1));
        }
        go_tx.send(()).unwrap();
        assert_eq!(wait(&mut job), Poll::Done(42));
        assert!(job.is_finished());
        assert_eq!(job.poll(), Poll::Gone);
    }

    #[test]
    fn a_cancelled_job_stops_and_gives_nothing() {
        let (seen_tx, seen_rx) = mpsc::channel();
        let mut job = Job::spawn("test", move |p| {
            let started = Instant::now();
            while !p.is_cancelled() {
                assert!(started.elapsed() < Duration::from_secs(10));
                thread::sleep(Duration::from_millis(1));
            }
            seen_tx.send(()).unwrap();
            Some(1)
        });
        assert!(matches!(job.poll(), Poll::Running(..)));
        job.cancel();
        seen_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the work saw the cancel");
        assert_eq!(job.poll(), Poll::Gone);
    }

    #[test]
    fn dropping_a_job_cancels_it() {
        let (seen_tx, seen_rx) = mpsc::channel();
        let job: Job<()> = Job::spawn("test", move |p| {
            while !p.is_cancelled() {
                thread::sleep(Duration::from_millis(1));
            }
            seen_tx.send(()).unwrap();
            None
        });
        drop(job);
        seen_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the work saw the drop");
    }
}
