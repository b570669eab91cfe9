//! `parallax speakers`: who is quoted across a corpus, most quoted first.

use std::io::Write;

use crate::corpus::Corpus;
use crate::escape::line;
use crate::index::SpeakerIndex;

pub fn speakers_cmd(corpus: &Corpus, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let list = SpeakerIndex::build(corpus).speakers;
    if json {
        crate::escape::write_json(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = list
        .iter()
        .map(|s| line(&s.name).chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 32);
    writeln!(
        out,
        "{:<width$}  {:>6}  {:>8}  ROLES / ALIASES",
        "NAME", "QUOTES", "ARTICLES"
    )?;
    for s in &list {
        let mut extra: Vec<&str> = s.roles.iter().map(String::as_str).collect();
        extra.extend(s.aliases.iter().map(String::as_str));
        writeln!(
            out,
            "{:<width$}  {:>6}  {:>8}  {}",
            line(&s.name),
            s.quotes,
            s.articles.len(),
            line(&extra.join(" · "))
        )?;
    }
    Ok(())
}
