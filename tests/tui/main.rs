//! TUI tests: snapshots of every screen (text and styles) and key
//! sequences driven into `update`.

mod common;
mod keys;
mod loader;
mod snapshots;
