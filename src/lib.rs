//! parallax: read news and compare how outlets cover the same story.
//!
//! Data flows one way: files → [`corpus`] → `analysis` → `compare` and the
//! corpus-wide [`index`] → app state → ui. The library layers never touch
//! the terminal.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod app;
pub mod atomic;
pub mod cache;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dirs;
pub mod effects;
pub mod escape;
pub mod index;
pub mod signals;
pub mod state;
pub mod theme;
pub mod tui;
pub mod tui_kept;
pub mod ui;
