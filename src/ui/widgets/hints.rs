//! Key hints for the status bar: the commands the command table hints at
//! on a screen, with the keys the keymap gives them (so remapped keys show
//! as they are), then the help key.

use ratatui::text::Span;

use crate::app::action::hints;
use crate::app::{Action, ScreenKind};
use crate::ui::View as State;

use super::super::text::width;

/// Hint spans for `screen` ending with help, or only the help hint when
/// the full set is wider than `room`.
pub fn spans(state: &State, screen: ScreenKind, room: usize) -> Vec<Span<'static>> {
    let t = state.theme;
    let hint =
        |key: String, label: &'static str| [Span::styled(key, t.key), Span::raw(format!(" {label}  "))];
    let help = state
        .keymap
        .key_for(screen, &Action::Help)
        .map(|k| hint(k.to_string(), "help"));
    let mut all: Vec<Span> = hints(screen)
        .filter_map(|(command, label)| {
            let keys = state.keymap.keys_for(screen, command);
            keys.first().map(|k| hint(k.to_string(), label))
        })
        .flatten()
        .collect();
    all.extend(help.clone().into_iter().flatten());
    if all.iter().map(|s| width(&s.content)).sum::<usize>() <= room {
        all
    } else {
        help.into_iter().flatten().collect()
    }
}
