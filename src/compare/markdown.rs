//! The Markdown report of a comparison: something a journalist can paste
//! into a note.

use std::io::{self, Write};

use super::diff::{DiffPart, Op};
use super::{Comparison, SharedKind, Side, Span};
use crate::corpus::Article;
use crate::escape::line;

/// "Title — Source, date" for headings.
pub fn label(a: &Article) -> String {
    let mut s = a.title.clone().unwrap_or_else(|| a.id.clone());
    if let Some(source) = &a.source {
        s.push_str(" — ");
        s.push_str(source);
    }
    if let Some(date) = a.published_display() {
        s.push_str(", ");
        s.push_str(date);
    }
    s
}

/// The report as a string.
pub fn markdown(l: &Article, r: &Article, c: &Comparison) -> String {
    let mut out = Vec::new();
    write_markdown(l, r, c, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

pub fn write_markdown(l: &Article, r: &Article, c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let (ls, rs) = (short_name(l), short_name(r));
    writeln!(out, "# Comparison\n")?;
    writeln!(
        out,
        "- **Left ({ls}):** {} (`{}`)",
        escape_line(&label(l)),
        line(&l.id)
    )?;
    writeln!(
        out,
        "- **Right ({rs}):** {} (`{}`)",
        escape_line(&label(r)),
        line(&r.id)
    )?;
    writeln!(
        out,
        "- **Overlap:** {:.0}% of sentences in claim pairs · {} shared quote(s) · {} claim pair(s) · {} and {} sentence(s) only on one side\n",
        c.overlap * 100.0,
        c.shared_quotes.len(),
        c.claims.len(),
        c.unique_left.len(),
        c.unique_right.len()
    )?;

    writeln!(out, "## Shared quotes\n")?;
    if c.shared_quotes.is_empty() {
        writeln!(out, "None.\n")?;
    }
    for (i, q) in c.shared_quotes.iter().enumerate() {
        let kind = match (q.kind, q.quoted_on) {
            (SharedKind::Exact, _) => "exact".to_owned(),
            (SharedKind::Altered, _) => format!("altered, {:.0}% of words agree", q.similarity * 100.0),
            (SharedKind::QuotedInOne, Some(Side::Left)) => format!("quoted by {ls}, unquoted in {rs}"),
            (SharedKind::QuotedInOne, _) => format!("quoted by {rs}, unquoted in {ls}"),
        };
        writeln!(out, "{}. “{}” ({kind})", i + 1, escape(&q.left_text))?;
        let who = |name: &Option<String>, cue: &Option<String>| match (name, cue) {
            (Some(n), Some(c)) => format!("{} ({})", escape_line(n), escape_line(c)),
            (Some(n), None) => escape_line(n),
            _ => "no speaker".to_owned(),
        };
        writeln!(out, "   - {ls}: {}", who(&q.left_speaker, &q.left_cue))?;
        writeln!(out, "   - {rs}: {}", who(&q.right_speaker, &q.right_cue))?;
        if q.speakers_differ {
            writeln!(out, "   - **Attributed to different speakers.**")?;
        }
        if q.cues_differ {
            writeln!(out, "   - Introduced with different verbs.")?;
        }
        if q.kind == SharedKind::Altered {
            writeln!(out, "   - Wording: {}", diff_markdown(&q.diff))?;
        }
    }

    writeln!(out, "\n## Claims both report\n")?;
    if c.claims.is_empty() {
        writeln!(out, "None.\n")?;
    }
    for (i, p) in c.claims.iter().enumerate() {
        let moved = if p.moved { ", moved" } else { "" };
        writeln!(out, "{}. score {:.2}{moved}", i + 1, p.score)?;
        writeln!(out, "   - {ls}: {}", escape(&p.left.text))?;
        writeln!(out, "   - {rs}: {}", escape(&p.right.text))?;
        if p.diff.iter().any(|d| d.op != Op::Equal) {
            writeln!(out, "   - Differences: {}", diff_markdown(&p.diff))?;
        }
    }
    unique_section(out, &ls, &c.unique_left)?;
    unique_section(out, &rs, &c.unique_right)
}

fn unique_section(out: &mut dyn Write, name: &str, spans: &[Span]) -> io::Result<()> {
    writeln!(out, "\n## Only in {name}\n")?;
    if spans.is_empty() {
        writeln!(out, "Nothing.")?;
    }
    for s in spans {
        writeln!(out, "- {}", escape(&s.text))?;
    }
    Ok(())
}

/// The outlet's name, else the file name (control characters escaped).
fn short_name(a: &Article) -> String {
    let name = a.source.clone().unwrap_or_else(|| {
        a.path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| a.id.clone())
    });
    line(&name).into_owned()
}

/// Deleted words struck through, inserted words in bold; no space before
/// a part that opens with closing punctuation.
fn diff_markdown(parts: &[DiffPart]) -> String {
    let mut out = String::new();
    for d in parts {
        let closing = d
            .text
            .starts_with(['.', ',', ';', ':', '!', '?', ')', '\u{201D}', '\u{2019}']);
        if !out.is_empty() && !closing {
            out.push(' ');
        }
        match d.op {
            Op::Equal => out.push_str(&escape(&d.text)),
            Op::Delete => out.push_str(&format!("~~{}~~", escape(&d.text))),
            Op::Insert => out.push_str(&format!("**{}**", escape(&d.text))),
        }
    }
    out
}

/// A single-line field: control characters escaped, then Markdown markup.
pub(crate) fn escape_line(text: &str) -> String {
    escape_markup(&line(text))
}

/// Running text (quotes, sentences): control characters escaped (newlines
/// kept), then Markdown markup.
pub(crate) fn escape(text: &str) -> String {
    escape_markup(&crate::escape::text(text))
}

/// Escapes the characters Markdown would read as markup.
fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
