//! Kept state: what parallax remembers between runs, in one SQLite file
//! in the user's data folder (never in a corpus). Per corpus: the marks,
//! the last screen and position, the sort and the filter. Notes and flags
//! on articles, quotes, sentences and claim pairs, anchored by the text
//! they are about so they survive edits ([`anchor`]). The library layer
//! here never touches the terminal; the app asks for writes as data and
//! the [`worker`] thread does them.

pub mod anchor;
mod db;
pub mod keys;
pub mod note;
pub mod schema;
pub mod session;
pub mod store;
pub mod worker;
pub mod worksheet;

#[cfg(test)]
mod tests;

pub use anchor::{Anchor, Place};
pub use keys::{ArticleKeys, corpus_key};
pub use note::{Flag, Kind, Note, Target};
pub use session::Session;
pub use store::{StateWarning, Store, default_path};
