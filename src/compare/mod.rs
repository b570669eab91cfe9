//! The compare engine: pure, deterministic functions over two analysed
//! articles (shared quotes, claim pairs, what each side alone reports).

pub mod claims;
pub mod diff;
mod engine;
pub mod markdown;
pub mod marks;
pub mod moved;
pub mod quotes;
pub mod related;
pub mod side;
pub mod words;

pub use engine::{Claim, CompareOptions, Comparison, Doc, Span, Tier, compare, sentence_texts};
pub use quotes::{SharedKind, SharedQuote};
pub use related::{Options as RelatedOptions, RelatedIndex};
pub use side::{Pair, Side};

#[cfg(test)]
mod bounds_tests;
#[cfg(test)]
mod tests;
