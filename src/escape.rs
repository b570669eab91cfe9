//! Escaping text that came from input before it reaches a terminal, a
//! pager or a script. Every printer of the command line goes through here:
//! file names, titles, sources, authors, bodies and quotes may hold ESC,
//! OSC, BEL or C1 sequences that would drive the user's terminal, or
//! bidirectional and invisible format characters that would hide text.
//!
//! - C0 controls, DEL and C1 controls become `\xHH` (ESC is `\x1b`);
//! - bidirectional and invisible format characters (U+200B–200F,
//!   U+202A–202E, U+2066–2069) become `\u{HHHH}`;
//! - in single-line fields ([`line`]) newline and tab become `\n` and `\t`;
//!   in running text ([`text`]) they stay layout.
//!
//! [`write_json`] prints JSON that escapes the same characters (`\u009b`),
//! beyond the C0 controls serde_json already escapes.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// True for the characters that are never printed raw.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_format(c)
}

/// Bidirectional controls and invisible format characters.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A single-line field (a file name, title, source, author, speaker):
/// every control character escaped, newline and tab included.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Running text (a body, a quote): like [`line`], but newline and tab stay.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, keep_layout: bool) -> Cow<'_, str> {
    let keep = |c: char| keep_layout && matches!(c, '\n' | '\t');
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return Cow::Borrowed(s);
    }
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if keep(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if is_format(c) => {
                let _ = write!(out, "\\u{{{:04x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Pretty-printed JSON in which C1 controls and format characters are
/// escaped as `\uXXXX` too (serde_json escapes only C0 and DEL-free text).
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> serde_json::Result<()> {
    let mut ser = Serializer::with_formatter(out, SafeFormatter(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// [`write_json`] on one line (JSON Lines output), escaped the same way.
pub fn write_json_line<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> serde_json::Result<()> {
    let mut ser = Serializer::with_formatter(out, SafeFormatter(CompactFormatter));
    value.serialize(&mut ser)
}

/// A formatter whose string fragments escape the characters serde_json
/// passes through raw; layout is the inner formatter's.
struct SafeFormatter<F>(F);

impl<F: Formatter> Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        // Fast path: the characters escaped here all start with DEL, 0xC2
        // (C1) or 0xE2 (the format characters) in UTF-8.
        if !fragment.bytes().any(|b| matches!(b, 0x7F | 0xC2 | 0xE2)) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_vector() {
        assert_eq!(line("\x1b]0;PWNED\x07osc.txt"), "\\x1b]0;PWNED\\x07osc.txt");
    }

    #[test]
    fn c1_del_and_format_characters() {
        assert_eq!(line("a\u{9b}2Jb\u{7f}"), "a\\x9b2Jb\\x7f");
        assert_eq!(
            line("x\u{202e}y\u{200b}z\u{2066}"),
            "x\\u{202e}y\\u{200b}z\\u{2066}"
        );
    }

    #[test]
    fn newline_and_tab_are_escaped_in_lines_and_kept_in_text() {
        assert_eq!(line("a\nerror: b\tc"), "a\\nerror: b\\tc");
        assert_eq!(text("a\nb\tc\x1b[2J"), "a\nb\tc\\x1b[2J");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(line("Carrow Bay “council” — é"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_c1_and_format_characters() {
        let mut out = Vec::new();
        write_json(&mut out, &["\u{9b}2J\x1b\u{202e}é\"".to_owned()]).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(r#""\u009b2J\u001b\u202eé\"""#), "{s}");
        let back: Vec<String> = serde_json::from_str(&s).unwrap();
        assert_eq!(back, ["\u{9b}2J\x1b\u{202e}é\""]);
    }
}
