//! The help overlay: its content, generated from the command table and the
//! live keymap (so remapped keys show as they are), in sections; its scroll
//! offset and `update`.

use crate::app::action::{Action, COMMANDS, Group, ScreenKind, description_on};
use crate::app::context::Ctx;
use crate::app::keymap::Keymap;
use crate::app::list::scroll_list;
use crate::app::nav::Outcome;

/// The overlay's state: the screen it describes and the first line shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpState {
    pub under: ScreenKind,
    pub scroll: usize,
}

/// Lines the help overlay can show at once.
pub fn rows(height: u16) -> usize {
    crate::app::layout::list_rows(height).saturating_sub(4).max(1)
}

pub fn open(under: ScreenKind) -> HelpState {
    HelpState { under, scroll: 0 }
}

pub fn update(help: &mut HelpState, ctx: &Ctx, action: Action) -> Outcome {
    let total = lines(help.under, ctx.keymap).len();
    scroll_list(&mut help.scroll, total, rows(ctx.height), &action);
    Outcome::none()
}

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
            description: description_on(&COMMANDS[i], screen),
        });
    }
    out
}
