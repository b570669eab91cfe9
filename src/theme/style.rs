//! One themed element: a foreground, a background and modifiers, as written
//! in a theme file (`{ fg = "#c0caf5", modifiers = ["bold"] }`).

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer, de};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Element {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

/// Parses a colour: a name (`"light-blue"`), an index (`"244"`), `"#rrggbb"`
/// or `"reset"` (the terminal's own colour).
pub fn parse_color(s: &str) -> Result<Color, String> {
    Color::from_str(s).map_err(|_| format!("`{s}` is not a colour (use a name, 0-255 or #rrggbb)"))
}

fn parse_modifier(s: &str) -> Result<Modifier, String> {
    Ok(match s.to_ascii_lowercase().as_str() {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" | "underline" => Modifier::UNDERLINED,
        "reversed" | "reverse" => Modifier::REVERSED,
        "crossed_out" | "strikethrough" => Modifier::CROSSED_OUT,
        _ => {
            return Err(format!(
                "`{s}` is not a modifier (bold, dim, italic, underlined, reversed, crossed_out)"
            ));
        }
    })
}

/// Serde `deserialize_with` for a themed [`Style`].
pub fn style<'de, D: Deserializer<'de>>(d: D) -> Result<Style, D::Error> {
    let element = Element::deserialize(d)?;
    let mut style = Style::new();
    if let Some(fg) = &element.fg {
        style = style.fg(parse_color(fg).map_err(de::Error::custom)?);
    }
    if let Some(bg) = &element.bg {
        style = style.bg(parse_color(bg).map_err(de::Error::custom)?);
    }
    for m in &element.modifiers {
        style = style.add_modifier(parse_modifier(m).map_err(de::Error::custom)?);
    }
    Ok(style)
}

/// Serde `deserialize_with` for a list of colours.
pub fn colors<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Color>, D::Error> {
    let names = Vec::<String>::deserialize(d)?;
    names
        .iter()
        .map(|n| parse_color(n).map_err(de::Error::custom))
        .collect()
}

/// True when the terminal is known to show 24-bit colour.
pub fn truecolor_terminal() -> bool {
    std::env::var("COLORTERM").is_ok_and(|v| matches!(v.as_str(), "truecolor" | "24bit"))
}

/// Maps `#rrggbb` colours to the nearest of the 256 indexed colours, for
/// terminals that do not show true colour.
pub fn to_indexed(color: Color) -> Color {
    let Color::Rgb(r, g, b) = color else {
        return color;
    };
    let cube = |v: u8| -> (u8, i32) {
        let steps: [i32; 6] = [0, 95, 135, 175, 215, 255];
        let i = steps
            .iter()
            .enumerate()
            .min_by_key(|(_, s)| (**s - i32::from(v)).abs());
        let (i, s) = i.expect("non-empty");
        (i as u8, *s)
    };
    let ((ri, rv), (gi, gv), (bi, bv)) = (cube(r), cube(g), cube(b));
    let dist = |x: i32, y: i32, z: i32| {
        (x - i32::from(r)).pow(2) + (y - i32::from(g)).pow(2) + (z - i32::from(b)).pow(2)
    };
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    let cube_dist = dist(rv, gv, bv);
    let avg = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let gray_step = ((avg.saturating_sub(8)) / 10).min(23) as u8;
    let gray_value = 8 + 10 * i32::from(gray_step);
    if dist(gray_value, gray_value, gray_value) < cube_dist {
        Color::Indexed(232 + gray_step)
    } else {
        Color::Indexed(cube_index)
    }
}

/// [`to_indexed`] applied to both colours of a style.
pub fn style_to_indexed(style: Style) -> Style {
    Style {
        fg: style.fg.map(to_indexed),
        bg: style.bg.map(to_indexed),
        ..style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_maps_to_the_nearest_indexed_colour() {
        assert_eq!(to_indexed(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(to_indexed(Color::Rgb(255, 255, 255)), Color::Indexed(231));
        assert_eq!(to_indexed(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(to_indexed(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(to_indexed(Color::Blue), Color::Blue);
    }
}
