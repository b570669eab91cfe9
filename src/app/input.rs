//! Terminal events → actions: the keymap for the top screen, the prompt
//! while one is open, the mouse wheel and resizes. Ctrl-C always quits.

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::{Action, PromptEdit, ScreenKind};
use super::event::Msg;
use super::keymap::KeyChord;
use super::layout;
use super::state::State;
use crate::compare::Side;

/// Lines one wheel notch scrolls.
pub const WHEEL_LINES: i32 = 3;

/// The message a terminal event gives on the current screen.
pub fn message_for(state: &State, event: &Event) -> Option<Msg> {
    match event {
        Event::Resize(width, height) => Some(Msg::Resize(*width, *height)),
        event => action_for(state, event).map(Msg::Action),
    }
}

/// The command a key or the mouse wheel gives on the current screen.
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
            let chord = KeyChord::from_event(*key);
            let action = state.keymap.action(state.screen(), chord);
            // A bare modifier (with the kitty protocol) is no key press.
            let modifier = matches!(key.code, KeyCode::Modifier(_));
            action.or((!modifier).then_some(Action::Unbound(chord)))
        }
        Event::Mouse(mouse) => {
            if mouse.kind == MouseEventKind::Down(MouseButton::Left) {
                return Some(Action::Click(mouse.column, mouse.row));
            }
            let lines = match mouse.kind {
                MouseEventKind::ScrollDown => WHEEL_LINES,
                MouseEventKind::ScrollUp => -WHEEL_LINES,
                _ => return None,
            };
            // Over compare, the wheel scrolls the pane under the pointer.
            if state.screen() == ScreenKind::Compare {
                let ((_, left), _) = layout::compare_halves(state.width);
                let side = if mouse.column < left {
                    Side::Left
                } else {
                    Side::Right
                };
                return Some(Action::ScrollPane(side, lines));
            }
            Some(Action::Scroll(lines))
        }
        _ => None,
    }
}

fn prompt_key(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    let plain = !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    Some(match code {
        KeyCode::Esc => Action::Prompt(PromptEdit::Cancel),
        KeyCode::Enter => Action::Prompt(PromptEdit::Submit),
        // Alt-Backspace and Ctrl-Backspace delete a word, as in shells.
        KeyCode::Backspace if !plain => Action::Prompt(PromptEdit::DeleteWord),
        KeyCode::Backspace => Action::Prompt(PromptEdit::Backspace),
        KeyCode::Char('u') if !plain => Action::Prompt(PromptEdit::Clear),
        KeyCode::Char('w') if !plain => Action::Prompt(PromptEdit::DeleteWord),
        KeyCode::Char(c) if plain => Action::Prompt(PromptEdit::Insert(c)),
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        _ => return None,
    })
}
