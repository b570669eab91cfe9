//! TUI tests: snapshots of every screen (text and styles) and key
//! sequences driven into `update`.

mod actions;
mod common;
mod compare;
mod fixes;
mod keys;
mod library_columns;
mod loader;
mod mouse;
mod notes;
mod pair_detail;
mod quotes;
mod related;
mod search;
mod snapshots;
mod stories;
