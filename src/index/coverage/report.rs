//! The Markdown report of a story's coverage: the articles, the matrix of
//! the claims and quotes two outlets or more carry, what one outlet alone
//! reports, and who each outlet quotes. Everything from a file is escaped
//! (control characters, then Markdown markup), so the report pastes as
//! written.

use std::io::{self, Write};

use super::{Carried, Coverage, RowKind};
use crate::compare::markdown::{escape, escape_line};
use crate::corpus::Article;

/// The report as a string.
pub fn markdown(c: &Coverage, articles: &[Article]) -> String {
    let mut out = Vec::new();
    write_markdown(c, articles, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

pub fn write_markdown(c: &Coverage, articles: &[Article], out: &mut dyn Write) -> io::Result<()> {
    let outlets: Vec<String> = c.columns.iter().map(|col| escape_line(&col.label)).collect();
    writeln!(out, "# Coverage: {}\n", escape_line(&c.title))?;
    writeln!(
        out,
        "Story `{}`: {} articles, {} outlets.\n",
        escape_line(&c.story).replace('`', "'"),
        c.articles.len(),
        c.columns.len()
    )?;
    writeln!(out, "| Outlet | Article | Published |\n|---|---|---|")?;
    for (col, name) in c.columns.iter().zip(&outlets) {
        for &a in &col.articles {
            let article = &articles[a];
            let title = article.title.as_deref().unwrap_or(&article.id);
            writeln!(
                out,
                "| {name} | {} | {} |",
                escape_line(title),
                escape_line(article.published_display().unwrap_or("–"))
            )?;
        }
    }
    let shared: Vec<_> = c.rows.iter().filter(|r| r.outlets() > 1).collect();
    writeln!(out, "\n## Carried by two outlets or more\n")?;
    if shared.is_empty() {
        writeln!(out, "No claim or quote is carried by two outlets.")?;
    } else {
        writeln!(out, "● carried, ◐ carried in part, · not carried.\n")?;
        writeln!(out, "| Kind | {} | Text |", outlets.join(" | "))?;
        writeln!(out, "|---|{}---|", "---|".repeat(outlets.len()))?;
        for r in &shared {
            let cells: Vec<String> = r.cells.iter().map(|c| c.symbol().to_string()).collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                r.kind.as_str(),
                cells.join(" | "),
                escape(&r.text)
            )?;
        }
        let all = shared.iter().filter(|r| r.outlets() == c.columns.len()).count();
        writeln!(out, "\n{} of {} carried by every outlet.", all, shared.len())?;
    }
    for (i, name) in outlets.iter().enumerate() {
        let only: Vec<_> = c
            .rows
            .iter()
            .filter(|r| r.outlets() == 1 && r.cells[i] != Carried::None)
            .collect();
        if only.is_empty() {
            continue;
        }
        writeln!(out, "\n## Only {name} reports\n")?;
        for r in only {
            let mark = if r.kind == RowKind::Quote { " (quote)" } else { "" };
            writeln!(out, "- {}{mark}", escape(&r.text))?;
        }
    }
    if !c.speakers.is_empty() {
        writeln!(out, "\n## Who is quoted\n")?;
        writeln!(out, "| Speaker | {} |", outlets.join(" | "))?;
        writeln!(out, "|---|{}", "---|".repeat(outlets.len()))?;
        for s in &c.speakers {
            let counts: Vec<String> = s
                .quotes
                .iter()
                .map(|&n| if n == 0 { "·".to_owned() } else { n.to_string() })
                .collect();
            writeln!(out, "| {} | {} |", escape_line(&s.name), counts.join(" | "))?;
        }
    }
    Ok(())
}
