//! Widgets shared by screens.

pub mod hints;
pub mod status_bar;
pub mod title_bar;
