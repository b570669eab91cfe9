//! One module per screen.

pub mod compare;
pub mod coverage;
pub mod diagnostics;
pub mod help;
pub mod library;
pub mod loading;
pub mod notes;
pub mod reader;
pub mod related;
pub mod speaker_quotes;
pub mod speakers;
pub mod stories;
pub mod text_search;
