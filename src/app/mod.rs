//! The app: state, actions and `update`. No drawing (that is `ui`).

pub mod action;
pub mod analysed;
pub mod analyser;
pub mod compare_update;
pub mod compare_view;
pub mod document;
pub mod help;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod list;
pub mod loader;
pub mod pane;
pub mod quote_nav;
pub mod reader;
pub mod reader_update;
pub mod related_view;
pub mod screen;
pub mod search;
pub mod speakers_view;
pub mod state;
pub mod update;
pub mod wrap;

pub use action::{Action, PromptEdit, ScreenKind};
pub use keymap::Keymap;
pub use state::State;
pub use update::update;
