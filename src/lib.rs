//! parallax: read news and compare how outlets cover the same story.
//!
//! Data flows one way: files → [`corpus`] → `analysis` → `compare` → app
//! state → ui. The library layers never touch the terminal.

pub mod analysis;
pub mod cli;
pub mod compare;
pub mod corpus;
