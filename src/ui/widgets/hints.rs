//! Key hints for the status bar: the main commands of a screen with the
//! keys the keymap gives them (so remapped keys show as they are).

use ratatui::text::Span;

use crate::app::{Action, ScreenKind, State};

use super::super::text::width;

fn wanted(screen: ScreenKind) -> &'static [(Action, &'static str)] {
    match screen {
        ScreenKind::Library => &[
            (Action::Open, "open"),
            (Action::ToggleMark, "mark"),
            (Action::Compare, "compare"),
            (Action::Speakers, "speakers"),
        ],
        ScreenKind::Reader => &[(Action::SearchStart, "search"), (Action::Close, "back")],
        ScreenKind::Diagnostics => &[(Action::Close, "back")],
        ScreenKind::Speakers => &[(Action::Open, "quotes"), (Action::Close, "back")],
        ScreenKind::SpeakerQuotes => &[(Action::Open, "read"), (Action::Close, "back")],
        ScreenKind::Related => &[
            (Action::Open, "read"),
            (Action::Compare, "compare"),
            (Action::Close, "back"),
        ],
        ScreenKind::Compare => &[(Action::NextShared, "next pair"), (Action::Close, "back")],
        _ => &[],
    }
}

/// Hint spans for `screen` ending with help, or only the help hint when
/// the full set is wider than `room`.
pub fn spans(state: &State, screen: ScreenKind, room: usize) -> Vec<Span<'static>> {
    let t = &state.theme;
    let hint =
        |key: String, label: &'static str| [Span::styled(key, t.key), Span::raw(format!(" {label}  "))];
    let help = state
        .keymap
        .key_for(screen, &Action::Help)
        .map(|k| hint(k.to_string(), "help"));
    let mut all: Vec<Span> = wanted(screen)
        .iter()
        .filter_map(|(action, label)| {
            state
                .keymap
                .key_for(screen, action)
                .map(|k| hint(k.to_string(), label))
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
