//! Background work in one place: a generic [`Job`] (a thread, progress,
//! cancellation, one result) and the [`Runner`] that starts the app's jobs
//! (loading, analysis with the corpus index, comparison) and turns what
//! they report into messages for `update`. The UI thread never waits on
//! them; [`run_inline`] runs requested work on the calling thread instead
//! (tests, benchmarks).

pub mod cached;
pub mod job;
pub mod runner;

pub use job::{Job, Poll, Progress};
pub use runner::{Runner, analyse_now, run_inline};
