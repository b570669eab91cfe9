//! `parallax notes [PATH...]`: the worksheet, every note and flag with the
//! quote or sentence it is about, the speaker and the article; notes whose
//! text is gone are listed apart as detached. As text, `--json` or
//! `--markdown`. Reads the state file; never writes it.

use std::io::Write;
use std::path::PathBuf;

use crate::corpus::{self, Corpus};
use crate::escape;
use crate::index::SpeakerIndex;
use crate::state::worksheet::{self, ArticleRef, Item, Status, Worksheet};
use crate::state::{Kind, Note, Store, keys};

use super::{CorpusArgs, EXIT_OK, EXIT_PROBLEMS};

/// Prints the worksheet of the corpus of `paths`, or of every corpus with
/// notes when none are named.
pub fn run(
    paths: &[PathBuf],
    json: bool,
    markdown: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let notes = match read_notes() {
        Ok(notes) => notes,
        Err(problem) => {
            writeln!(err, "parallax: {}", escape::line(&problem))?;
            return Ok(EXIT_PROBLEMS);
        }
    };
    let sheet = if paths.is_empty() {
        every_corpus(&notes)
    } else {
        let corpus = CorpusArgs::of(paths.to_vec()).load();
        one_corpus(&notes, &corpus, &keys::corpus_key(paths))
    };
    if json {
        escape::write_json(out, &sheet)?;
        writeln!(out)?;
    } else if markdown {
        write_markdown(&sheet, out)?;
    } else {
        write_text(&sheet, out)?;
    }
    Ok(EXIT_OK)
}

/// Every kept note (none when there is no state file yet).
fn read_notes() -> Result<Vec<Note>, String> {
    let Some(path) = crate::state::default_path() else {
        return Ok(Vec::new());
    };
    match Store::read(&path) {
        Ok(None) => Ok(Vec::new()),
        Ok(Some(store)) => store
            .notes()
            .map_err(|e| format!("state {}: {e}", path.display())),
        Err(w) => Err(w.0),
    }
}

fn one_corpus(notes: &[Note], corpus: &Corpus, key: &str) -> Worksheet {
    let quotes = notes.iter().any(|n| n.kind == Kind::Quote);
    let speakers = quotes.then(|| SpeakerIndex::build(corpus));
    worksheet::resolve(notes, corpus, key, speakers.as_ref())
}

/// Each corpus notes were made in, loaded again from its paths.
fn every_corpus(notes: &[Note]) -> Worksheet {
    let mut keys: Vec<&str> = notes.iter().map(|n| n.corpus.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut sheet = Worksheet::default();
    for key in keys {
        let mine: Vec<Note> = notes.iter().filter(|n| n.corpus == key).cloned().collect();
        let paths = keys::corpus_paths(key);
        let corpus = if paths.is_empty() {
            corpus::demo_corpus()
        } else {
            CorpusArgs::of(paths).load()
        };
        let part = one_corpus(&mine, &corpus, key);
        sheet.notes.extend(part.notes);
        sheet.detached.extend(part.detached);
    }
    sheet
}

/// The words of `s` on one line, escaped.
fn one_line(s: &str) -> String {
    escape::line(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

fn verdict(item: &Item) -> String {
    let flag = item.flag.map_or("note", |f| f.name());
    let mut s = format!("[{flag}] {}", item.kind.name());
    if let Some(speaker) = &item.speaker {
        s.push_str(&format!(" · {}", one_line(speaker)));
    }
    if item.status == Status::Moved {
        s.push_str(" · re-attached (the article changed)");
    }
    s
}

fn article_line(a: &ArticleRef) -> String {
    let title = a.title.as_deref().map_or("(untitled)".to_string(), one_line);
    let mut s = title;
    if let Some(outlet) = &a.outlet {
        s.push_str(&format!(" — {}", one_line(outlet)));
    }
    let id = a.id.as_deref().unwrap_or(&a.key);
    s.push_str(&format!(" · {}", one_line(id)));
    if a.id.is_none() {
        s.push_str(" (not in the corpus)");
    }
    s
}

fn write_text(sheet: &Worksheet, out: &mut dyn Write) -> std::io::Result<()> {
    if sheet.notes.is_empty() && sheet.detached.is_empty() {
        return writeln!(
            out,
            "no notes kept for this corpus (f flags and A annotates in the reader)"
        );
    }
    let n = sheet.notes.len();
    let notes = if n == 1 { "note" } else { "notes" };
    writeln!(out, "{n} {notes}, {} detached", sheet.detached.len())?;
    let item = |out: &mut dyn Write, i: &Item| -> std::io::Result<()> {
        writeln!(out, "\n{}", verdict(i))?;
        for a in std::iter::once(&i.article).chain(&i.other) {
            if let Some(text) = &a.text {
                writeln!(out, "  “{}”", one_line(text))?;
            }
            writeln!(out, "  {}", article_line(a))?;
        }
        if !i.note.is_empty() {
            writeln!(out, "  note: {}", one_line(&i.note))?;
        }
        Ok(())
    };
    for i in &sheet.notes {
        item(out, i)?;
    }
    if !sheet.detached.is_empty() {
        writeln!(out, "\nDetached: the text or article they were about is gone")?;
        for i in &sheet.detached {
            item(out, i)?;
        }
    }
    Ok(())
}

fn write_markdown(sheet: &Worksheet, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# Worksheet\n")?;
    let section = |out: &mut dyn Write, items: &[Item]| -> std::io::Result<()> {
        for (n, i) in items.iter().enumerate() {
            writeln!(out, "### {}. {}\n", n + 1, verdict(i))?;
            for a in std::iter::once(&i.article).chain(&i.other) {
                if let Some(text) = &a.text {
                    writeln!(out, "> {}\n", one_line(text))?;
                }
                writeln!(out, "{}\n", article_line(a))?;
            }
            if !i.note.is_empty() {
                writeln!(out, "**Note:** {}\n", one_line(&i.note))?;
            }
        }
        Ok(())
    };
    writeln!(out, "## Notes ({})\n", sheet.notes.len())?;
    section(out, &sheet.notes)?;
    if !sheet.detached.is_empty() {
        writeln!(out, "## Detached ({})\n", sheet.detached.len())?;
        writeln!(
            out,
            "The text or article these notes were about is gone; they are kept as written.\n"
        )?;
        section(out, &sheet.detached)?;
    }
    Ok(())
}
