//! Terminal events → actions: the keymap for the top screen, the prompt
//! while one is open, the mouse wheel and resizes. Ctrl-C always quits.

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::{Action, PromptEdit};
use super::keymap::KeyChord;
use super::state::State;

/// Lines one wheel notch scrolls.
pub const WHEEL_LINES: i32 = 3;

pub fn action_for(state: &State, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl && key.code == KeyCode::Char('c') {
                return Some(Action::Quit);
            }
            if state.prompt.is_some() {
                return prompt_key(key.code, key.modifiers);
            }
            state.keymap.action(state.screen(), KeyChord::from_event(*key))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_LINES)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

fn prompt_key(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    let plain = !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    Some(match code {
        KeyCode::Esc => Action::Prompt(PromptEdit::Cancel),
        KeyCode::Enter => Action::Prompt(PromptEdit::Submit),
        KeyCode::Backspace => Action::Prompt(PromptEdit::Backspace),
        KeyCode::Char('u') if !plain => Action::Prompt(PromptEdit::Clear),
        KeyCode::Char(c) if plain => Action::Prompt(PromptEdit::Insert(c)),
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        _ => return None,
    })
}
