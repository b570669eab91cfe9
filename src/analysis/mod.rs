//! The analysis layer: sentences, quotes and speakers. Pure functions over
//! an article's body: no terminal, no I/O.

mod model;

pub use model::{Analysis, Attribution, Quote, QuoteKind, Sentence};
