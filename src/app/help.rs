//! The help overlay's content, generated from the command table and the
//! live keymap (so remapped keys show as they are), in sections.

use super::action::{COMMANDS, Group, ScreenKind};
use super::keymap::Keymap;

/// One line of help: a section heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Entry { keys: String, description: &'static str },
}

/// The commands that work on `screen`, with the keys that reach them
/// there, grouped under headings (a blank line between sections).
pub fn lines(screen: ScreenKind, keymap: &Keymap) -> Vec<HelpLine> {
    let mut entries: Vec<(Group, usize)> = COMMANDS
        .iter()
        .enumerate()
        .filter(|(_, c)| c.screens.contains(&screen))
        .map(|(i, c)| (c.group, i))
        .collect();
    entries.sort_by_key(|&(group, i)| (group, i));
    let mut out = Vec::new();
    let mut last = None;
    for (group, i) in entries {
        let keys = keymap.keys_for(screen, i);
        if keys.is_empty() {
            continue;
        }
        if last != Some(group) {
            out.push(HelpLine::Heading(group.title()));
            last = Some(group);
        }
        out.push(HelpLine::Entry {
            keys: keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("  "),
            description: COMMANDS[i].description,
        });
    }
    out
}
