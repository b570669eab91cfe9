//! The paths `parallax PATH...` opens, checked before the TUI starts: a
//! word that is no existing path and is within two edits of a command is
//! a usage error with a suggestion (`parallax lsit`: did you mean
//! `list`?); any other missing path is an input problem. Never an empty
//! TUI.

use std::fmt;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::{Cli, EXIT_PROBLEMS, EXIT_USAGE};
use crate::escape::line;

/// Why the TUI does not open on the paths given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblem {
    /// A mistyped command: the word and the command it is closest to.
    Typo { word: String, command: String },
    /// A file or folder that does not exist.
    Missing(PathBuf),
}

impl PathProblem {
    /// 2 for a usage error, 1 for a missing input.
    pub fn exit_code(&self) -> i32 {
        match self {
            PathProblem::Typo { .. } => EXIT_USAGE,
            PathProblem::Missing(_) => EXIT_PROBLEMS,
        }
    }
}

impl fmt::Display for PathProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathProblem::Typo { word, command } => write!(
                f,
                "`{}` is neither a command nor a file: did you mean `{command}`?\n\nFor more information, try '--help'.",
                line(word)
            ),
            PathProblem::Missing(path) => {
                write!(f, "{}: no such file or folder", line(&path.display().to_string()))
            }
        }
    }
}

/// The first path that does not exist, as a typo of a command or as a
/// missing input.
pub fn check_paths(paths: &[PathBuf]) -> Result<(), PathProblem> {
    let Some(missing) = paths.iter().find(|p| !exists(p)) else {
        return Ok(());
    };
    let word = missing.to_string_lossy();
    if let Some(command) = closest_command(&word) {
        return Err(PathProblem::Typo {
            word: word.into_owned(),
            command,
        });
    }
    Err(PathProblem::Missing(missing.clone()))
}

/// A path exists even as a dangling symlink or an unreadable entry (the
/// loader reports those with a diagnostic).
fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// The command `word` is within two edits of (the closest; none for a
/// word with a path separator or an extension).
pub fn closest_command(word: &str) -> Option<String> {
    if word.contains(['/', '\\', '.']) {
        return None;
    }
    let cli = Cli::command();
    cli.get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| name != "help")
        .map(|name| (edit_distance(word, &name), name))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("lsit", "list"), 1);
        assert_eq!(edit_distance("lst", "list"), 1);
        assert_eq!(edit_distance("quotse", "quotes"), 1);
        assert_eq!(edit_distance("shw", "show"), 1);
        assert_eq!(edit_distance("abc", "xyz"), 3);
    }

    #[test]
    fn a_missing_word_near_a_command_is_a_typo_else_a_missing_path() {
        let typo = check_paths(&[PathBuf::from("lsit")]).unwrap_err();
        assert_eq!(
            typo,
            PathProblem::Typo {
                word: "lsit".into(),
                command: "list".into()
            }
        );
        assert_eq!(typo.exit_code(), 2);
        assert!(typo.to_string().contains("did you mean `list`?"), "{typo}");
        let missing = check_paths(&[PathBuf::from("no-such-corpus-folder")]).unwrap_err();
        assert_eq!(missing, PathProblem::Missing("no-such-corpus-folder".into()));
        assert_eq!(missing.exit_code(), 1);
        // A path-like word is never taken for a command.
        let missing = check_paths(&[PathBuf::from("./lsit")]).unwrap_err();
        assert!(matches!(missing, PathProblem::Missing(_)));
        assert_eq!(check_paths(&[PathBuf::from("src")]), Ok(()));
        assert_eq!(check_paths(&[]), Ok(()));
    }
}
