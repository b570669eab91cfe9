//! Themes: a style for every element of the interface and a palette of
//! speaker colours. Four presets are compiled in (`themes/*.toml`); a user
//! theme in `~/.config/parallax/themes/NAME.toml` is layered over the preset
//! of the same name (or the one it `inherits`), so it may set only a few
//! fields. A theme that does not parse is reported and the default is used.

mod load;
pub mod style;

use ratatui::style::{Color, Style};
use serde::Deserialize;

pub use load::{PRESETS, ThemeChoice, ThemeError, load, preset, user_themes_dir};

/// Every styled element. Rendering reads styles only from here.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The theme's name, as chosen with `--theme` or in the config.
    #[serde(default)]
    pub name: String,
    /// Plain text (article bodies, table cells).
    #[serde(deserialize_with = "style::style")]
    pub text: Style,
    /// Secondary text: metadata, counts, separators.
    #[serde(deserialize_with = "style::style")]
    pub muted: Style,
    /// An article's headline in the reader.
    #[serde(deserialize_with = "style::style")]
    pub title: Style,
    /// The app name and focused elements.
    #[serde(deserialize_with = "style::style")]
    pub accent: Style,
    /// Borders and rules.
    #[serde(deserialize_with = "style::style")]
    pub border: Style,
    /// Table column headings.
    #[serde(deserialize_with = "style::style")]
    pub heading: Style,
    /// The selected row.
    #[serde(deserialize_with = "style::style")]
    pub selection: Style,
    /// The mark of an article picked for comparison.
    #[serde(deserialize_with = "style::style")]
    pub marked: Style,
    /// A search match.
    #[serde(deserialize_with = "style::style")]
    pub search_match: Style,
    /// The current search match.
    #[serde(deserialize_with = "style::style")]
    pub search_current: Style,
    /// The status bar.
    #[serde(deserialize_with = "style::style")]
    pub status: Style,
    /// The screen name at the left of the status bar.
    #[serde(deserialize_with = "style::style")]
    pub status_mode: Style,
    /// Key names in hints and help.
    #[serde(deserialize_with = "style::style")]
    pub key: Style,
    /// Warnings (files with problems).
    #[serde(deserialize_with = "style::style")]
    pub warning: Style,
    /// Errors (files that did not load, a bad theme).
    #[serde(deserialize_with = "style::style")]
    pub error: Style,
    /// The filled part of the loading gauge.
    #[serde(deserialize_with = "style::style")]
    pub gauge: Style,
    /// Quoted speech not yet attributed to a speaker.
    #[serde(deserialize_with = "style::style")]
    pub quote: Style,
    /// Compare: a quote both articles carry word for word (laid over the
    /// speaker colour).
    #[serde(deserialize_with = "style::style")]
    pub shared_quote: Style,
    /// Compare: a quote the two articles word differently.
    #[serde(deserialize_with = "style::style")]
    pub altered_quote: Style,
    /// Compare: a sentence in a claim pair.
    #[serde(deserialize_with = "style::style")]
    pub claim: Style,
    /// Compare: the number of a claim pair in the gutter.
    #[serde(deserialize_with = "style::style")]
    pub claim_number: Style,
    /// Compare: words that differ inside a pair (word diff).
    #[serde(deserialize_with = "style::style")]
    pub emphasis: Style,
    /// Compare: the gutter marker of a sentence only one side reports.
    #[serde(deserialize_with = "style::style")]
    pub unique: Style,
    /// Compare: the selected pair, and the current quote in the reader.
    #[serde(deserialize_with = "style::style")]
    pub current: Style,
    /// A flagged quote, claim pair or article (kept notes: `f`).
    #[serde(deserialize_with = "style::style")]
    pub flagged: Style,
    /// Colours given to speakers in turn.
    #[serde(deserialize_with = "style::colors")]
    pub speakers: Vec<Color>,
}

impl Theme {
    /// The compiled-in dark theme.
    pub fn default_theme() -> Theme {
        preset("default").expect("the default theme parses")
    }

    /// The colour of the `i`-th speaker (the palette repeats).
    pub fn speaker(&self, i: usize) -> Style {
        match self.speakers.len() {
            0 => self.quote,
            n => Style::new().fg(self.speakers[i % n]),
        }
    }

    /// Every style with `#rrggbb` colours mapped to the 256-colour palette.
    pub fn to_indexed(mut self) -> Theme {
        for s in self.styles_mut() {
            *s = style::style_to_indexed(*s);
        }
        self.speakers = self.speakers.into_iter().map(style::to_indexed).collect();
        self
    }

    fn styles_mut(&mut self) -> [&mut Style; 25] {
        [
            &mut self.text,
            &mut self.muted,
            &mut self.title,
            &mut self.accent,
            &mut self.border,
            &mut self.heading,
            &mut self.selection,
            &mut self.marked,
            &mut self.search_match,
            &mut self.search_current,
            &mut self.status,
            &mut self.status_mode,
            &mut self.key,
            &mut self.warning,
            &mut self.error,
            &mut self.gauge,
            &mut self.quote,
            &mut self.shared_quote,
            &mut self.altered_quote,
            &mut self.claim,
            &mut self.claim_number,
            &mut self.emphasis,
            &mut self.unique,
            &mut self.current,
            &mut self.flagged,
        ]
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::default_theme()
    }
}
