//! Widgets shared by screens.

pub mod article_pane;
pub mod detail_strip;
pub mod hints;
pub mod pair_detail;
pub mod quote_line;
pub mod speakers_panel;
pub mod status_bar;
pub mod table;
pub mod title_bar;
