//! `parallax state`: where kept state lives (`--path`), and deleting it
//! (`--clear [PATH...]`: one corpus's session and notes, or everything).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::escape;
use crate::state::{Store, keys};

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

#[derive(Debug, Args)]
pub struct StateArgs {
    /// Print where the state file is.
    #[arg(long)]
    pub path: bool,
    /// Delete what is kept for the corpus of PATH... (its marks, position and
    /// notes), or everything when no path is given.
    #[arg(long, conflicts_with = "path")]
    pub clear: bool,
    /// The corpus to clear (files or folders, as opened).
    #[arg(requires = "clear")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &StateArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let Some(path) = crate::state::default_path() else {
        writeln!(err, "parallax: no data folder: set HOME or XDG_DATA_HOME")?;
        return Ok(EXIT_USAGE);
    };
    let shown = escape::line(&path.display().to_string()).into_owned();
    if !args.clear {
        writeln!(out, "{shown}")?;
        if !args.path {
            let what = if path.exists() {
                "exists"
            } else {
                "not created yet"
            };
            writeln!(
                out,
                "({what}; it holds marks, positions, sort, filter and notes per corpus; `parallax state --clear` deletes them)"
            )?;
        }
        return Ok(EXIT_OK);
    }
    if !path.exists() {
        writeln!(out, "nothing kept ({shown} does not exist)")?;
        return Ok(EXIT_OK);
    }
    let mut store = match Store::open(&path) {
        Ok(store) => store,
        Err(warning) => {
            writeln!(err, "parallax: {warning}")?;
            return Ok(EXIT_PROBLEMS);
        }
    };
    let key = (!args.paths.is_empty()).then(|| keys::corpus_key(&args.paths));
    let (sessions, notes) = store
        .clear(key.as_deref())
        .map_err(|e| anyhow::anyhow!("state {shown}: {e}"))?;
    let scope = match &key {
        Some(k) => format!("for {}", escape::line(&k.replace('\n', " + "))),
        None => "for every corpus".to_string(),
    };
    writeln!(out, "cleared {scope}: {sessions} session(s), {notes} note(s)")?;
    Ok(EXIT_OK)
}
