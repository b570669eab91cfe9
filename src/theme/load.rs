//! Finding and layering themes.

use std::path::{Path, PathBuf};

use super::Theme;
use crate::config::TomlError;

/// Why a theme could not be used (the default theme is, instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("theme `{name}` not found (built in: {})", preset_names())]
    NotFound { name: String },
    #[error("theme {}: {message}", path.display())]
    Read { path: PathBuf, message: String },
    #[error("theme {}: {source}", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: TomlError,
    },
    #[error("theme {}: `inherits` must be a theme name", path.display())]
    BadInherits { path: PathBuf },
    #[error("theme {}: inherits unknown theme `{base}`", path.display())]
    UnknownBase { path: PathBuf, base: String },
    /// A value the theme cannot hold (an unknown colour, a wrong type).
    #[error("theme {}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

fn preset_names() -> String {
    PRESETS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// The compiled-in themes: `(name, TOML)`.
pub const PRESETS: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// Parses a compiled-in theme.
pub fn preset(name: &str) -> Option<Theme> {
    let (_, text) = PRESETS.iter().find(|(n, _)| *n == name)?;
    let table: toml::Table = toml::from_str(text).ok()?;
    finish(name, table).ok()
}

/// The theme picked, and why it may differ from what was asked for.
#[derive(Debug)]
pub struct ThemeChoice {
    pub theme: Theme,
    /// Why the asked-for theme could not be used (the default is).
    pub error: Option<ThemeError>,
}

/// Loads theme `name`: a user file in `themes_dir` layered over a preset,
/// or a preset. `no_color` (the `NO_COLOR` convention) picks `mono`;
/// `truecolor` false maps RGB colours to the 256-colour palette.
pub fn load(name: &str, themes_dir: Option<&Path>, no_color: bool, truecolor: bool) -> ThemeChoice {
    let name = if no_color { "mono" } else { name };
    let (theme, error) = match resolve(name, themes_dir) {
        Ok(theme) => (theme, None),
        Err(e) => (Theme::default_theme(), Some(e)),
    };
    let theme = if truecolor { theme } else { theme.to_indexed() };
    ThemeChoice { theme, error }
}

fn resolve(name: &str, themes_dir: Option<&Path>) -> Result<Theme, ThemeError> {
    // A path to a theme file (`--theme ./mine.toml`): named after the
    // file, layered over the preset of that name or `inherits`.
    if looks_like_path(name) {
        let path = Path::new(name);
        let stem = path.file_stem().map_or(name.into(), |s| s.to_string_lossy());
        return user_theme(&stem, path);
    }
    let user = themes_dir.map(|d| d.join(format!("{name}.toml")));
    match user.filter(|p| p.is_file()) {
        Some(path) => user_theme(name, &path),
        None => preset(name).ok_or_else(|| ThemeError::NotFound { name: name.into() }),
    }
}

fn user_theme(name: &str, path: &Path) -> Result<Theme, ThemeError> {
    let path_buf = || path.to_path_buf();
    let text = std::fs::read_to_string(path).map_err(|e| ThemeError::Read {
        path: path_buf(),
        message: e.to_string(),
    })?;
    let mut user: toml::Table = toml::from_str(&text).map_err(|e| ThemeError::Parse {
        path: path_buf(),
        source: TomlError::new(&text, &e),
    })?;
    let base_name = match user.remove("inherits") {
        Some(toml::Value::String(s)) => s,
        Some(_) => return Err(ThemeError::BadInherits { path: path_buf() }),
        None if PRESETS.iter().any(|(n, _)| *n == name) => name.to_string(),
        None => "default".to_string(),
    };
    let (_, base_text) =
        PRESETS
            .iter()
            .find(|(n, _)| *n == base_name)
            .ok_or_else(|| ThemeError::UnknownBase {
                path: path_buf(),
                base: base_name.clone(),
            })?;
    let mut table: toml::Table = toml::from_str(base_text).expect("presets parse");
    merge(&mut table, user);
    finish(name, table).map_err(|message| ThemeError::Invalid {
        path: path_buf(),
        message,
    })
}

/// A theme given as a file rather than a name: it has a path separator
/// or a `.toml` extension, or names an existing file.
fn looks_like_path(name: &str) -> bool {
    name.contains(std::path::MAIN_SEPARATOR)
        || name.contains('/')
        || name.ends_with(".toml")
        || Path::new(name).is_file()
}

fn finish(name: &str, mut table: toml::Table) -> Result<Theme, String> {
    table.insert("name".into(), toml::Value::String(name.into()));
    table
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_string())
}

/// Layers `over` onto `base`; tables merge key by key.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// `$XDG_CONFIG_HOME/parallax/themes`, or `~/.config/parallax/themes`.
pub fn user_themes_dir() -> Option<PathBuf> {
    crate::config::config_dir().map(|d| d.join("themes"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn every_preset_parses() {
        for (name, _) in PRESETS {
            let theme = preset(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(theme.name, *name);
            assert!(!theme.speakers.is_empty());
        }
    }

    #[test]
    fn a_partial_user_theme_layers_over_its_preset() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("light.toml"), "accent = { fg = \"red\" }\n").unwrap();
        let choice = load("light", Some(dir.path()), false, true);
        assert_eq!(choice.error, None);
        assert_eq!(choice.theme.accent.fg, Some(Color::Red));
        assert_eq!(choice.theme.text, preset("light").unwrap().text);
    }

    #[test]
    fn a_new_user_theme_can_inherit() {
        let dir = tempfile::tempdir().unwrap();
        let text = "inherits = \"mono\"\ntitle = { modifiers = [\"italic\"] }\n";
        std::fs::write(dir.path().join("mine.toml"), text).unwrap();
        let theme = load("mine", Some(dir.path()), false, true).theme;
        assert_eq!(theme.name, "mine");
        assert!(theme.title.add_modifier.contains(Modifier::ITALIC));
    }

    #[test]
    fn a_broken_theme_falls_back_with_the_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.toml"), "accent = { fg = \"blurple\" }\n").unwrap();
        let choice = load("bad", Some(dir.path()), false, true);
        assert_eq!(choice.theme, Theme::default_theme());
        let error = choice.error.unwrap();
        assert!(matches!(error, ThemeError::Invalid { .. }), "{error:?}");
        let error = error.to_string();
        assert!(error.contains("bad.toml") && error.contains("blurple"), "{error}");
        let unknown = load("nope", None, false, true).error.unwrap();
        assert_eq!(unknown, ThemeError::NotFound { name: "nope".into() });
        assert!(
            unknown
                .to_string()
                .contains("not found (built in: default, light"),
            "{unknown}"
        );
    }

    #[test]
    fn a_theme_can_be_a_path_to_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mine.toml");
        std::fs::write(&file, "inherits = \"light\"\naccent = { fg = \"red\" }\n").unwrap();
        let choice = load(file.to_str().unwrap(), None, false, true);
        assert_eq!(choice.error, None);
        assert_eq!(choice.theme.name, "mine");
        assert_eq!(choice.theme.accent.fg, Some(Color::Red));
        assert_eq!(choice.theme.text, preset("light").unwrap().text);
        let missing = dir.path().join("nope.toml");
        let error = load(missing.to_str().unwrap(), None, false, true).error.unwrap();
        assert!(matches!(error, ThemeError::Read { .. }), "{error:?}");
        assert!(error.to_string().contains("nope.toml"), "{error}");
    }

    #[test]
    fn no_color_picks_mono() {
        assert_eq!(load("light", None, true, true).theme.name, "mono");
    }
}
