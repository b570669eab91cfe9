//! TUI tests: snapshots of every screen (text and styles) and key
//! sequences driven into `update`.

mod common;
mod compare;
mod keys;
mod loader;
mod quotes;
mod related;
mod snapshots;
mod stories;
