//! Painting highlights decided ahead of drawing: ranges of body chars with
//! a style, in layers (quotes under claim marks under search matches),
//! cut into one line's spans. And the one place a compare [`Mark`] becomes
//! a theme style.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::compare::marks::Mark;
use crate::theme::Theme;

/// A styled range of body chars `[start, end)`.
pub type Styled = (usize, usize, Style);

/// How many ranges before the line are checked for reaching into it.
const LOOKBACK: usize = 8;

/// The line `text` (its first char is body char `start`) with `base`, and
/// each layer's ranges patched over it in order. Each layer is sorted by
/// start; ranges within a layer may nest a little (later ones win).
pub fn paint<'a>(text: &'a str, start: usize, base: Style, layers: &[&[Styled]]) -> Line<'a> {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let end = start + bytes.len();
    let mut cuts = vec![start, end];
    for layer in layers {
        for r in visible(layer, start, end) {
            cuts.push(r.0.clamp(start, end));
            cuts.push(r.1.clamp(start, end));
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    if cuts.len() == 2 && layers.iter().all(|l| visible(l, start, end).next().is_none()) {
        return Line::from(Span::styled(text, base));
    }
    let byte = |c: usize| bytes.get(c - start).copied().unwrap_or(text.len());
    let spans = cuts.windows(2).map(|w| {
        let mut style = base;
        for layer in layers {
            for r in visible(layer, start, end).filter(|r| r.0 <= w[0] && w[1] <= r.1) {
                style = style.patch(r.2);
            }
        }
        Span::styled(&text[byte(w[0])..byte(w[1])], style)
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// The ranges of a sorted layer that touch `[start, end)`.
fn visible(layer: &[Styled], start: usize, end: usize) -> impl Iterator<Item = &Styled> {
    // Ranges that start before the line and reach into it sit just before
    // the first one starting on it (nesting is shallow).
    let first = layer.partition_point(|r| r.0 < start).saturating_sub(LOOKBACK);
    layer[first..]
        .iter()
        .take_while(move |r| r.0 < end)
        .filter(move |r| r.1 > start)
}

/// The style of a quote by a speaker with colour slot `slot` (unattributed
/// quotes keep the theme's quote colour), the same on every screen.
pub fn speaker_style(theme: &Theme, slot: Option<usize>) -> Style {
    match slot {
        Some(slot) => theme.quote.patch(theme.speaker(slot)),
        None => theme.quote,
    }
}

/// The style of reported speech by a speaker with colour slot `slot`: the
/// speaker's colour in italics, without the quotation style.
pub fn reported_style(theme: &Theme, slot: Option<usize>) -> Style {
    let colour = match slot {
        Some(slot) => theme.speaker(slot),
        None => theme.quote,
    };
    Style::new()
        .fg(colour.fg.unwrap_or_default())
        .add_modifier(Modifier::ITALIC)
}

/// The style of a compare mark; `selected` is the selected item's id.
pub fn mark_style(theme: &Theme, mark: Mark, selected: Option<usize>) -> Style {
    let current = |id: usize| {
        if selected == Some(id) {
            theme.current
        } else {
            Style::new()
        }
    };
    match mark {
        Mark::Quote(speaker) => speaker_style(theme, speaker),
        Mark::Reported(speaker) => reported_style(theme, speaker),
        Mark::SharedQuote(id) => theme.shared_quote.patch(current(id)),
        Mark::AlteredQuote(id) => theme.altered_quote.patch(current(id)),
        Mark::Claim(id) => theme.claim.patch(current(id)),
        Mark::PossibleClaim(id) => theme.claim.add_modifier(Modifier::DIM).patch(current(id)),
        Mark::Emphasis => theme.emphasis,
        Mark::Unique => Style::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_split_the_line_and_patch_in_order() {
        let bold = Style::new().bold();
        let red = Style::new().red();
        let quotes: &[Styled] = &[(12, 18, red)];
        let hits: &[Styled] = &[(14, 15, bold)];
        let line = paint("the cat sat on", 10, Style::new(), &[quotes, hits]);
        let parts: Vec<(&str, Style)> = line.spans.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(
            parts,
            [
                ("th", Style::new()),
                ("e ", red),
                ("c", red.patch(bold)),
                ("at ", red),
                ("sat on", Style::new())
            ]
        );
    }
}

#[cfg(test)]
mod reported_tests {
    use super::*;

    #[test]
    fn reported_speech_has_a_style_of_its_own() {
        let theme = Theme::default();
        let reported = reported_style(&theme, Some(0));
        assert!(reported.add_modifier.contains(Modifier::ITALIC));
        assert_ne!(reported, speaker_style(&theme, Some(0)));
        assert_eq!(mark_style(&theme, Mark::Reported(Some(0)), None), reported);
    }
}
