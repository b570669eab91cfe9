//! Keys → actions, per screen, built from the command table and the
//! config's `[keys]` overrides.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use thiserror::Error;

use super::action::{Action, COMMANDS, ScreenKind};

/// A key name the config cannot use.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    #[error("unknown modifier in key `{0}` (use C-, A- or S-)")]
    UnknownModifier(String),
    #[error("unknown key `{0}`")]
    UnknownKey(String),
}

/// A problem in the config's `[keys]` table (the rest of it still applies).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeymapError {
    #[error("[keys] `{0}` is not a command")]
    UnknownCommand(String),
    #[error("[keys] {command}: {source}")]
    BadKey {
        command: &'static str,
        #[source]
        source: KeyError,
    },
    /// A user binding left a command with no key on a screen.
    #[error("[keys] {command} has no key left on the {screen} screen: {key} is taken by {taken_by}")]
    Unreachable {
        command: &'static str,
        screen: &'static str,
        key: String,
        taken_by: &'static str,
    },
}

/// A key with its modifiers, as written in the config (`"C-d"`, `"G"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyChord {
    /// Parses `"j"`, `"G"`, `"C-d"`, `"A-x"`, `"S-Tab"`, `"PageDown"`, `"F5"`.
    pub fn parse(text: &str) -> Result<KeyChord, KeyError> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        while rest.chars().count() > 2 && rest.as_bytes()[1] == b'-' {
            modifiers |= match &rest[..1] {
                "C" | "c" => KeyModifiers::CONTROL,
                "A" | "a" | "M" => KeyModifiers::ALT,
                "S" | "s" => KeyModifiers::SHIFT,
                _ => return Err(KeyError::UnknownModifier(text.to_string())),
            };
            rest = &rest[2..];
        }
        let code = match rest {
            "Enter" | "Return" => KeyCode::Enter,
            "Esc" | "Escape" => KeyCode::Esc,
            "Tab" if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Space" => KeyCode::Char(' '),
            "Backspace" => KeyCode::Backspace,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PageUp" | "PgUp" => KeyCode::PageUp,
            "PageDown" | "PgDn" => KeyCode::PageDown,
            "Delete" | "Del" => KeyCode::Delete,
            "Insert" => KeyCode::Insert,
            f if f.len() > 1 && f.starts_with('F') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().expect("checked"))
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().expect("one char")),
            _ => return Err(KeyError::UnknownKey(text.to_string())),
        };
        Ok(KeyChord::new(code, modifiers))
    }

    /// Shift is part of the character for printable keys (`G`, `?`).
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
            _ => modifiers,
        };
        KeyChord { code, modifiers }
    }

    pub fn from_event(key: KeyEvent) -> KeyChord {
        KeyChord::new(key.code, key.modifiers)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other}"),
        }
    }
}

/// The bindings of every screen.
#[derive(Debug, Clone)]
pub struct Keymap {
    screens: HashMap<ScreenKind, HashMap<KeyChord, usize>>,
}

impl Keymap {
    /// The default keys with `overrides` (command name → keys) applied.
    /// Unknown names or keys are reported and skipped.
    pub fn new(overrides: &BTreeMap<String, Vec<String>>) -> (Keymap, Vec<KeymapError>) {
        let mut errors = Vec::new();
        for name in overrides.keys() {
            if !COMMANDS.iter().any(|c| c.name == name) {
                errors.push(KeymapError::UnknownCommand(name.clone()));
            }
        }
        let mut order: Vec<usize> = (0..COMMANDS.len()).collect();
        order.sort_by_key(|&i| COMMANDS[i].screens.len());
        let mut screens: HashMap<ScreenKind, HashMap<KeyChord, usize>> = HashMap::new();
        // (command, screen, key, the command that holds the key there)
        let mut lost: Vec<(usize, ScreenKind, KeyChord, usize)> = Vec::new();
        for i in order {
            let command = &COMMANDS[i];
            let keys: Vec<String> = match overrides.get(command.name) {
                Some(keys) => keys.clone(),
                None => command.keys.iter().map(|k| k.to_string()).collect(),
            };
            for key in keys {
                let chord = match KeyChord::parse(&key) {
                    Ok(chord) => chord,
                    Err(source) => {
                        errors.push(KeymapError::BadKey {
                            command: command.name,
                            source,
                        });
                        continue;
                    }
                };
                for screen in command.screens {
                    let holder = *screens.entry(*screen).or_default().entry(chord).or_insert(i);
                    if holder != i {
                        lost.push((i, *screen, chord, holder));
                    }
                }
            }
        }
        let keymap = Keymap { screens };
        // The default keymap's precedence (commands of fewer screens first)
        // is by design; a command a user's binding leaves without a key on
        // one of its screens is reported.
        let overridden = |i: usize| overrides.contains_key(COMMANDS[i].name);
        for (i, screen, chord, holder) in lost {
            if (overridden(i) || overridden(holder))
                && keymap.keys_for(screen, i).is_empty()
                && !errors.iter().any(|e| {
                    matches!(e, KeymapError::Unreachable { command, screen: s, .. }
                        if *command == COMMANDS[i].name && *s == screen.label())
                })
            {
                errors.push(KeymapError::Unreachable {
                    command: COMMANDS[i].name,
                    screen: screen.label(),
                    key: chord.to_string(),
                    taken_by: COMMANDS[holder].name,
                });
            }
        }
        (keymap, errors)
    }

    /// The action bound to a key on a screen.
    pub fn action(&self, screen: ScreenKind, chord: KeyChord) -> Option<Action> {
        let i = *self.screens.get(&screen)?.get(&chord)?;
        Some(COMMANDS[i].action)
    }

    /// The first key that reaches `action` on a screen.
    pub fn key_for(&self, screen: ScreenKind, action: &Action) -> Option<KeyChord> {
        let index = COMMANDS.iter().position(|c| &c.action == action)?;
        self.keys_for(screen, index).into_iter().next()
    }

    /// The keys that reach command `index` (into [`COMMANDS`]) on a screen,
    /// in a stable order.
    pub fn keys_for(&self, screen: ScreenKind, index: usize) -> Vec<KeyChord> {
        let Some(map) = self.screens.get(&screen) else {
            return Vec::new();
        };
        let mut keys: Vec<KeyChord> = map
            .iter()
            .filter(|(_, i)| **i == index)
            .map(|(k, _)| *k)
            .collect();
        let command = &COMMANDS[index];
        let rank = |k: &KeyChord| {
            let pos = command
                .keys
                .iter()
                .position(|d| KeyChord::parse(d).ok() == Some(*k));
            (pos.unwrap_or(usize::MAX), k.to_string())
        };
        keys.sort_by_key(rank);
        keys
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&BTreeMap::new()).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn parses_and_displays_keys() {
        assert_eq!(
            key("C-d"),
            KeyChord::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        );
        assert_eq!(key("G"), KeyChord::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(key("S-Tab").code, KeyCode::BackTab);
        assert_eq!(key("-").code, KeyCode::Char('-'));
        assert_eq!(key("F5").code, KeyCode::F(5));
        assert_eq!(key("C-d").to_string(), "Ctrl-d");
        assert_eq!(
            KeyChord::parse("Hyper"),
            Err(KeyError::UnknownKey("Hyper".into()))
        );
        assert!(matches!(
            KeyChord::parse("X-a"),
            Err(KeyError::UnknownModifier(_))
        ));
    }

    #[test]
    fn a_binding_that_leaves_a_command_without_a_key_is_reported() {
        // `swap` asks for `L` alone, which lock_scroll holds on the compare
        // screen: swap is left without a key there.
        let mut overrides = BTreeMap::new();
        overrides.insert("swap".to_owned(), vec!["L".to_owned()]);
        let (map, errors) = Keymap::new(&overrides);
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|e| e.contains("swap has no key left on the COMPARE screen")
                    && e.contains("taken by lock_scroll")),
            "{text:?}"
        );
        assert_eq!(
            map.action(ScreenKind::Compare, key("L")),
            Some(Action::LockScroll)
        );
        // The default keymap reports nothing.
        let (_, errors) = Keymap::new(&BTreeMap::new());
        assert!(errors.is_empty(), "{errors:?}");
        // A binding that shadows nothing reports nothing.
        let mut overrides = BTreeMap::new();
        overrides.insert("swap".to_owned(), vec!["X".to_owned()]);
        assert!(Keymap::new(&overrides).1.is_empty());
    }

    #[test]
    fn narrower_commands_win_shared_keys() {
        let map = Keymap::default();
        assert_eq!(
            map.action(ScreenKind::Library, key("Space")),
            Some(Action::ToggleMark)
        );
        assert_eq!(
            map.action(ScreenKind::Reader, key("Space")),
            Some(Action::PageDown)
        );
    }

    #[test]
    fn one_key_per_screen_for_the_quote_and_compare_commands() {
        let map = Keymap::default();
        let on = |screen, k| map.action(screen, key(k));
        assert_eq!(on(ScreenKind::Library, "s"), Some(Action::SortNext));
        assert_eq!(on(ScreenKind::Reader, "s"), Some(Action::NextSpeaker));
        assert_eq!(on(ScreenKind::Compare, "S"), Some(Action::PrevSpeaker));
        assert_eq!(on(ScreenKind::Library, "p"), Some(Action::Speakers));
        assert_eq!(on(ScreenKind::Compare, "p"), Some(Action::SpeakersPanel));
        assert_eq!(on(ScreenKind::Reader, "n"), Some(Action::SearchNext));
        assert_eq!(on(ScreenKind::Compare, "]"), Some(Action::NextShared));
        assert_eq!(on(ScreenKind::Compare, "Space"), Some(Action::PageDown));
        assert_eq!(on(ScreenKind::Related, "c"), Some(Action::Compare));
        assert_eq!(on(ScreenKind::Speakers, "Enter"), Some(Action::Open));
    }

    #[test]
    fn overrides_replace_default_keys() {
        let mut overrides = BTreeMap::new();
        overrides.insert("down".to_string(), vec!["E".to_string()]);
        overrides.insert("nope".to_string(), vec!["x".to_string(), "Hyper".to_string()]);
        let (map, errors) = Keymap::new(&overrides);
        assert_eq!(map.action(ScreenKind::Reader, key("E")), Some(Action::Down));
        assert_eq!(map.action(ScreenKind::Reader, key("j")), None);
        assert_eq!(errors, [KeymapError::UnknownCommand("nope".into())]);
        let bad = BTreeMap::from([("down".to_string(), vec!["Hyper".to_string()])]);
        let (_, errors) = Keymap::new(&bad);
        assert_eq!(errors[0].to_string(), "[keys] down: unknown key `Hyper`");
    }
}
