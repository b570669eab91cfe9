//! The compare engine: pure, deterministic functions over two analysed
//! articles (shared quotes, claim pairs, what each side alone reports).

pub mod claims;
pub mod diff;
pub mod moved;
pub mod side;
pub mod words;
