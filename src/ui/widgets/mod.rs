//! Widgets shared by screens.

pub mod hints;
pub mod quote_line;
pub mod status_bar;
pub mod title_bar;
