//! The app: state, commands and `update`. No drawing (that is `ui`).
//!
//! `screens/` holds one file per screen (state, `open`, `update`); a
//! screen returns an [`nav::Outcome`] and the dispatcher (`update.rs`)
//! carries it out. Key commands ([`Action`]) are plain data, apart from
//! runtime events ([`Msg`]).

pub mod action;
pub mod cite;
pub mod context;
pub mod document;
pub mod event;
pub mod input;
pub mod jobs;
pub mod kept;
pub mod kept_cmd;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod nav;
pub mod pane;
pub mod quote_nav;
pub mod refresh;
pub mod screen_kind;
pub mod screens;
pub mod search;
pub mod state;
pub mod story_nav;
pub mod update;
pub mod wrap;

pub use action::{Action, PromptEdit, ScreenKind};
pub use event::Msg;
pub use jobs::runner::start_compare;
pub use keymap::Keymap;
pub use nav::Notice;
pub use state::State;
pub use update::update;
