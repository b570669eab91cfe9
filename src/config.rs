//! The configuration file, `~/.config/parallax/config.toml` (or under
//! `$XDG_CONFIG_HOME`): theme, key bindings and thresholds. Every field is
//! optional; `parallax config --print-default` prints a commented default.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::compare::CompareOptions;
use crate::compare::claims::ClaimOptions;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// A theme name: a preset or a file in the themes folder.
    pub theme: Option<String>,
    /// Command name → keys; replaces that command's default keys.
    pub keys: BTreeMap<String, Vec<String>>,
    pub thresholds: Thresholds,
    /// Outlet aliases: a spelling → the name to show (`"nytimes.com" =
    /// "New York Times"`); spellings that differ only in case and
    /// punctuation are one outlet without it.
    pub outlets: BTreeMap<String, String>,
    /// `y` copies through this program (no shell, the text on its stdin),
    /// e.g. `["wl-copy"]`; unset: OSC 52 through the terminal.
    pub clipboard_command: Option<Vec<String>>,
    /// Where `e` in compare writes its Markdown (default: the current
    /// directory; never inside the corpus).
    pub export_dir: Option<PathBuf>,
    /// The citation `y` copies: `{quote}`, `{speaker}`, `{outlet}`,
    /// `{date}`, `{url}`, `{title}`, `{cite}` (speaker, outlet, date and
    /// URL as far as known).
    pub citation: Option<String>,
    /// `state = false`: keep nothing between runs (marks, positions,
    /// notes), as `--no-state` does; nothing is written.
    pub state: Option<bool>,
    /// The cache of opened corpora (`[cache]`).
    pub cache: CacheConfig,
}

/// `[cache]`: whether opened corpora are cached, and the folder's limit.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// False: like `--no-cache` on every run.
    pub enabled: bool,
    /// The most the cache folder holds, in MiB; the least recently used
    /// corpora go first.
    pub max_size_mib: u64,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            enabled: true,
            max_size_mib: crate::cache::DEFAULT_LIMIT >> 20,
        }
    }
}

impl CacheConfig {
    pub fn limit_bytes(&self) -> u64 {
        self.max_size_mib.saturating_mul(1 << 20)
    }
}

/// Similarity thresholds (0.0–1.0) used when comparing articles.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Two quotes this similar count as the same quote.
    pub shared_quote: f32,
    /// Two sentences this similar are shown as a strong claim pair.
    pub claim_pair: f32,
    /// Two sentences this similar (and below `claim_pair`) are shown as a
    /// possible claim pair.
    pub claim_possible: f32,
    /// Articles this similar are listed as related.
    pub related: f32,
}

impl Default for Thresholds {
    /// The compare engine's own defaults, so the config and the engine
    /// never disagree.
    fn default() -> Self {
        let options = CompareOptions::default();
        Thresholds {
            shared_quote: options.altered_min_similarity,
            claim_pair: options.claims.threshold,
            claim_possible: options.claims.possible,
            related: 0.1,
        }
    }
}

impl Thresholds {
    /// Puts back the default for every threshold that is not a finite
    /// number from 0 to 1, and says which.
    pub fn validate(&mut self) -> Vec<String> {
        let defaults = Thresholds::default();
        let mut problems = Vec::new();
        for (name, value, default) in [
            ("shared_quote", &mut self.shared_quote, defaults.shared_quote),
            ("claim_pair", &mut self.claim_pair, defaults.claim_pair),
            (
                "claim_possible",
                &mut self.claim_possible,
                defaults.claim_possible,
            ),
            ("related", &mut self.related, defaults.related),
        ] {
            if !(value.is_finite() && (0.0..=1.0).contains(value)) {
                problems.push(format!(
                    "thresholds.{name} = {value} is not a number from 0 to 1; using {default:.2}"
                ));
                *value = default;
            }
        }
        problems
    }

    /// The compare options these thresholds set (values clamped to 0–1).
    pub fn compare_options(&self) -> CompareOptions {
        let defaults = CompareOptions::default();
        CompareOptions {
            altered_min_similarity: self.shared_quote.clamp(0.0, 1.0),
            claims: ClaimOptions {
                threshold: self.claim_pair.clamp(0.0, 1.0),
                possible: self.claim_possible.clamp(0.0, 1.0),
                ..defaults.claims
            },
        }
    }
}

/// `$XDG_CONFIG_HOME/parallax`, else `$HOME/.config/parallax`.
pub fn config_dir() -> Option<PathBuf> {
    crate::dirs::config_dir()
}

/// The config file's path.
pub fn config_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("config.toml"))
}

/// Why the config file was not used (the defaults were).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config {}, {source}; using defaults", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("config {}, {source}; using defaults", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: TomlError,
    },
    /// The file parsed, but some values were out of range (each was
    /// replaced by its default).
    #[error("config {}, {problems}", path.display())]
    Invalid { path: PathBuf, problems: String },
}

/// A TOML error with where it starts (1-based line and column), when the
/// parser knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", position.map(|(l, c)| format!("line {l}, column {c}: ")).unwrap_or_default())]
pub struct TomlError {
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl TomlError {
    pub fn new(text: &str, e: &toml::de::Error) -> TomlError {
        let position = e.span().map(|span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, column)
        });
        TomlError {
            position,
            message: e.message().trim_end().to_owned(),
        }
    }
}

/// Reads the config file. A missing file gives the defaults; a broken one
/// gives the defaults and an error naming the file.
pub fn load(path: Option<&Path>) -> (Config, Option<ConfigError>) {
    let Some(path) = path.filter(|p| p.exists()) else {
        return (Config::default(), None);
    };
    let parsed = std::fs::read_to_string(path)
        .map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })
        .and_then(|text| {
            toml::from_str::<Config>(&text).map_err(|e| ConfigError::Parse {
                path: path.to_owned(),
                source: TomlError::new(&text, &e),
            })
        });
    match parsed {
        Ok(mut config) => {
            let problems = config.thresholds.validate();
            let error = (!problems.is_empty()).then(|| ConfigError::Invalid {
                path: path.to_owned(),
                problems: problems.join("; "),
            });
            (config, error)
        }
        Err(e) => (Config::default(), Some(e)),
    }
}

/// Writes the commented default config to `path`, atomically, unless a
/// file is already there. Creates the folder.
pub fn write_default(path: &Path, commands: &[KeyDoc]) -> std::io::Result<()> {
    if path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} already exists; not overwritten", path.display()),
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::atomic::write(path, default_text(commands).as_bytes())
}

/// A command as the default config documents it: its name, default keys
/// and description. The caller passes the app's command table (the config
/// layer does not reach up into the app).
#[derive(Debug, Clone, Copy)]
pub struct KeyDoc {
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub description: &'static str,
}

/// The commented default configuration, documenting `commands`.
pub fn default_text(commands: &[KeyDoc]) -> String {
    let t = Thresholds::default();
    let mut out = String::from(
        "# parallax configuration: ~/.config/parallax/config.toml\n\
         # (or $XDG_CONFIG_HOME/parallax/config.toml). Every setting is optional.\n\n\
         # Theme: default, light, high-contrast, mono, or the name of a file in\n\
         # ~/.config/parallax/themes/ (a partial theme is layered over the preset of\n\
         # the same name, or over the one named by `inherits = \"...\"`).\n\
         # `--theme NAME` overrides this; NO_COLOR forces mono.\n\
         theme = \"default\"\n\n\
         # `y` copies the selected quote, pair or article with a citation. Placeholders:\n\
         # {quote} {speaker} {outlet} {date} {url} {title}, and {cite} (speaker, outlet,\n\
         # date and URL as far as known, joined by commas).\n\
         # citation = '\"{quote}\" — {cite}'\n\
         # Copy through a program (no shell; the text on its stdin) instead of OSC 52:\n\
         # clipboard_command = [\"wl-copy\"]\n\
         # Where `e` in compare exports Markdown (default: the current directory):\n\
         # export_dir = \"/home/me/notes\"\n\
         # Keep marks, positions and notes between runs in\n\
         # $XDG_DATA_HOME/parallax/state.db; false writes nothing (as --no-state):\n\
         # state = true\n\n\
         # Similarity thresholds, 0.0 to 1.0, used when comparing articles.\n\
         [thresholds]\n",
    );
    let _ = writeln!(
        out,
        "shared_quote = {:.2}  # two quotes this similar are the same quote",
        t.shared_quote
    );
    let _ = writeln!(
        out,
        "claim_pair = {:.2}    # two sentences this similar are a strong claim pair",
        t.claim_pair
    );
    let _ = writeln!(
        out,
        "claim_possible = {:.2} # this similar (below claim_pair): a possible claim pair",
        t.claim_possible
    );
    let _ = writeln!(
        out,
        "related = {:.2}       # the related list shows articles at least this similar",
        t.related
    );
    out.push_str(
        "\n# Key bindings: command = [\"key\", ...] replaces that command's keys.\n\
         # Keys: a character (\"j\", \"G\", \"?\"), a name (Enter, Esc, Tab, Space,\n\
         # Backspace, Up, Down, Left, Right, Home, End, PageUp, PageDown, F1-F12),\n\
         # with C- (Ctrl), A- (Alt) or S- (Shift) in front: \"C-d\".\n\
         [keys]\n",
    );
    for c in commands {
        let keys: Vec<String> = c.keys.iter().map(|k| format!("{k:?}")).collect();
        let _ = writeln!(
            out,
            "# {:<40} # {}",
            format!("{} = [{}]", c.name, keys.join(", ")),
            c.description
        );
    }
    out.push_str(
        "\n# Outlet names: sources that differ only in case or punctuation (NYT, nyt)\n\
         # are one outlet already; name more spellings of one outlet here.\n\
         [outlets]\n\
         # \"nytimes.com\" = \"New York Times\"\n\n\
         # The cache of opened corpora ($XDG_CACHE_HOME/parallax): a second open is\n\
         # instant. `--no-cache` skips it once; `parallax cache --clear` empties it.\n\
         [cache]\n\
         # enabled = true\n\
         # max_size_mib = 2048\n",
    );
    out
}

/// The config's outlet aliases, for the corpus layer.
pub fn outlet_aliases(config: &Config) -> crate::corpus::OutletAliases {
    crate::corpus::OutletAliases::new(&config.outlets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::{COMMANDS, key_docs};

    #[test]
    fn the_printed_default_parses_to_the_default() {
        let config: Config = toml::from_str(&default_text(&key_docs())).unwrap();
        assert_eq!(config.theme.as_deref(), Some("default"));
        assert_eq!(config.thresholds, Thresholds::default());
        assert!(config.keys.is_empty());
        assert!(config.outlets.is_empty());
        assert_eq!(config.citation, None);
    }

    #[test]
    fn outlet_aliases_parse() {
        let config: Config = toml::from_str("[outlets]\n\"nytimes.com\" = \"New York Times\"\n").unwrap();
        assert_eq!(config.outlets["nytimes.com"], "New York Times");
    }

    #[test]
    fn the_action_settings_parse() {
        let config: Config = toml::from_str(
            "citation = '{speaker}: {quote}'\nclipboard_command = [\"xclip\", \"-selection\", \"clipboard\"]\nexport_dir = \"/tmp/notes\"\n",
        )
        .unwrap();
        assert_eq!(config.citation.as_deref(), Some("{speaker}: {quote}"));
        assert_eq!(config.clipboard_command.unwrap().len(), 3);
        assert_eq!(config.export_dir.unwrap(), PathBuf::from("/tmp/notes"));
    }

    #[test]
    fn uncommented_key_lines_parse() {
        let text: String = default_text(&key_docs())
            .lines()
            .map(|l| {
                let bare = l.strip_prefix("# ").unwrap_or(l);
                let name = bare.split(' ').next().unwrap_or("");
                if COMMANDS.iter().any(|c| c.name == name) {
                    bare
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config: Config = toml::from_str(&text).unwrap();
        assert_eq!(config.keys.len(), COMMANDS.len());
    }

    #[test]
    fn a_broken_file_names_the_line_and_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "theme = \"light\"\n\n[thresholds]\nclaim_pair = \"high\"\n",
        )
        .unwrap();
        let (config, error) = load(Some(&path));
        assert_eq!(config, Config::default());
        let error = error.unwrap();
        assert!(
            matches!(&error, ConfigError::Parse { source, .. } if source.position == Some((4, 14))),
            "{error:?}"
        );
        let error = error.to_string();
        assert!(error.contains("config.toml, line 4, column 14:"), "{error}");
        assert!(error.ends_with("using defaults"), "{error}");
        std::fs::write(&path, "theme = \"light\"\n[keys\n").unwrap();
        let error = load(Some(&path)).1.unwrap().to_string();
        assert!(error.contains("line 2"), "{error}");
    }

    #[test]
    fn the_default_is_written_once_and_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parallax").join("config.toml");
        write_default(&path, &key_docs()).unwrap();
        let (config, error) = load(Some(&path));
        assert_eq!(config.theme.as_deref(), Some("default"));
        assert!(error.is_none(), "{error:?}");
        std::fs::write(&path, "theme = \"mono\"\n").unwrap();
        let again = write_default(&path, &key_docs()).unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theme = \"mono\"\n");
    }

    #[test]
    fn a_broken_file_reports_and_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "theme = 3\n").unwrap();
        let (config, error) = load(Some(&path));
        assert_eq!(config, Config::default());
        assert!(error.unwrap().to_string().contains("config.toml"));
        let (config, error) = load(Some(&dir.path().join("none.toml")));
        assert_eq!(config, Config::default());
        assert!(error.is_none());
    }
}

#[cfg(test)]
mod threshold_tests {
    use super::*;

    #[test]
    fn thresholds_out_of_range_or_not_finite_are_reported_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "theme = \"light\"\n[thresholds]\nclaim_pair = 1.5\nshared_quote = nan\nrelated = 0.3\n",
        )
        .unwrap();
        let (config, error) = load(Some(&path));
        let error = error.unwrap().to_string();
        assert!(error.contains("config.toml"), "{error}");
        assert!(
            error.contains("thresholds.claim_pair = 1.5 is not a number from 0 to 1"),
            "{error}"
        );
        assert!(error.contains("thresholds.shared_quote = NaN"), "{error}");
        assert_eq!(config.theme.as_deref(), Some("light"));
        let defaults = Thresholds::default();
        assert_eq!(config.thresholds.claim_pair, defaults.claim_pair);
        assert_eq!(config.thresholds.shared_quote, defaults.shared_quote);
        assert_eq!(config.thresholds.related, 0.3);
        std::fs::write(&path, "[thresholds]\nclaim_pair = -inf\n").unwrap();
        assert!(
            load(Some(&path))
                .1
                .unwrap()
                .to_string()
                .contains("claim_pair = -inf")
        );
    }

    #[test]
    fn default_thresholds_are_the_engines() {
        let options = Thresholds::default().compare_options();
        assert_eq!(options, CompareOptions::default());
    }
}
