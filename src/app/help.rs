//! The help overlay's content, generated from the command table and the
//! live keymap (so remapped keys show as they are).

use super::action::{COMMANDS, ScreenKind};
use super::keymap::Keymap;

/// One line of help: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub keys: String,
    pub description: &'static str,
}

/// The commands that work on `screen`, with the keys that reach them there.
pub fn entries(screen: ScreenKind, keymap: &Keymap) -> Vec<HelpEntry> {
    COMMANDS
        .iter()
        .enumerate()
        .filter(|(_, c)| c.screens.contains(&screen))
        .filter_map(|(i, c)| {
            let keys = keymap.keys_for(screen, i);
            (!keys.is_empty()).then(|| HelpEntry {
                keys: keys
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("  "),
                description: c.description,
            })
        })
        .collect()
}
