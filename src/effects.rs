//! Carrying out what the app asks for as [`Effect`]s (copy, open a web
//! address, export): the only place they touch the clipboard, other
//! programs and the file system. `tui.rs` calls it between frames; each
//! returns the status-line message.

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::app::Notice;
use crate::escape;

/// What the effects need from the config and the corpus.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// Copy through this program (no shell; the text on its stdin)
    /// instead of OSC 52.
    pub clipboard_command: Option<Vec<String>>,
    /// Where exports go (the current directory by default).
    pub export_dir: Option<PathBuf>,
    /// The corpus's folders: nothing is exported inside them.
    pub corpus_dirs: Vec<PathBuf>,
}

fn error(text: impl Into<String>) -> Notice {
    Notice {
        text: text.into(),
        error: true,
    }
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ABC[(n >> shift & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Copies `text` (`what` names it in the message) with the clipboard
/// command, else by writing OSC 52 to `terminal`.
pub fn copy(text: &str, what: &str, setup: &Setup, terminal: &mut dyn Write) -> Notice {
    let chars = text.chars().count();
    match setup.clipboard_command.as_deref() {
        Some([program, args @ ..]) => match pipe_to(program, args, text) {
            Ok(()) => Notice::info(format!(
                "copied {what} ({chars} chars) with {}",
                escape::line(program)
            )),
            Err(e) => error(format!("clipboard_command {} failed: {e}", escape::line(program))),
        },
        _ => match terminal
            .write_all(osc52(text).as_bytes())
            .and_then(|()| terminal.flush())
        {
            Ok(()) => Notice::info(format!("copied {what} ({chars} chars) to the clipboard")),
            Err(e) => error(format!("could not copy: {e}")),
        },
    }
}

fn pipe_to(program: &str, args: &[String], text: &str) -> io::Result<()> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("exit status {status}")))
    }
}

/// The program (and its arguments) that opens web addresses: the first
/// entry of `$BROWSER` (a `:`-separated list, words split on spaces), else
/// `open` on macOS, else `xdg-open`.
pub fn opener(browser: Option<&str>) -> Vec<String> {
    let first = browser
        .and_then(|b| b.split(':').map(str::trim).find(|s| !s.is_empty()))
        .map(|b| b.split_whitespace().map(str::to_string).collect::<Vec<_>>());
    match first {
        Some(words) if !words.is_empty() => words,
        _ if cfg!(target_os = "macos") => vec!["open".into()],
        _ => vec!["xdg-open".into()],
    }
}

/// Opens `url` (already checked to be `http`/`https`, so it never starts
/// with `-`) with `opener`, without a shell, and waits for it (the caller
/// hands it the terminal).
pub fn open_url(url: &str, opener: &[String]) -> Notice {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return error("only http and https addresses are opened");
    }
    let Some((program, args)) = opener.split_first() else {
        return error("no program to open web addresses");
    };
    match Command::new(program).args(args).arg(url).status() {
        Ok(status) if status.success() => Notice::info(format!(
            "opened {} with {}",
            escape::line(url),
            escape::line(program)
        )),
        Ok(status) => error(format!("{} ended with {status}", escape::line(program))),
        Err(e) => error(format!("could not run {}: {e}", escape::line(program))),
    }
}

/// True when `dir` is one of `corpus_dirs` or inside one.
pub fn inside_corpus(dir: &Path, corpus_dirs: &[PathBuf]) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    corpus_dirs
        .iter()
        .filter_map(|c| c.canonicalize().ok())
        .any(|c| dir.starts_with(c))
}

/// Writes `text` to `STEM.md` in the export folder, else `STEM-1.md`,
/// `STEM-2.md`, … (never over a file), never inside the corpus.
pub fn export(stem: &str, text: &str, setup: &Setup) -> Notice {
    let dir = setup.export_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if inside_corpus(&dir, &setup.corpus_dirs) {
        return error(format!(
            "not exported: {} is inside the corpus; set export_dir in the config",
            escape::line(&dir.display().to_string())
        ));
    }
    for n in 0..1000 {
        let name = match n {
            0 => format!("{stem}.md"),
            n => format!("{stem}-{n}.md"),
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return match file.write_all(text.as_bytes()) {
                    Ok(()) => Notice::info(format!(
                        "exported the comparison to {}",
                        escape::line(&path.display().to_string())
                    )),
                    Err(e) => error(format!(
                        "writing {}: {e}",
                        escape::line(&path.display().to_string())
                    )),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return error(format!(
                    "not exported to {}: {e}",
                    escape::line(&path.display().to_string())
                ));
            }
        }
    }
    error("not exported: too many files of that name")
}

/// The folders a corpus was loaded from: the folders named, the folders
/// of files named, and every article's folder.
pub fn corpus_dirs<'a>(named: &[PathBuf], articles: impl Iterator<Item = &'a Path>) -> Vec<PathBuf> {
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for p in named {
        if p.is_dir() {
            dirs.insert(p.clone());
        } else if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
            dirs.insert(parent.to_path_buf());
        }
    }
    for p in articles {
        if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty() && d.is_dir()) {
            dirs.insert(parent.to_path_buf());
        }
    }
    dirs.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_osc52() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("“é”".as_bytes()), "4oCcw6nigJ0=");
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn copy_writes_osc52_or_pipes_to_the_command() {
        let mut out = Vec::new();
        let notice = copy("hi", "quote by Kell", &Setup::default(), &mut out);
        assert_eq!(out, b"\x1b]52;c;aGk=\x07");
        assert_eq!(notice.text, "copied quote by Kell (2 chars) to the clipboard");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clip");
        let setup = Setup {
            clipboard_command: Some(vec![
                "sh".into(),
                "-c".into(),
                format!("cat > '{}'", file.display()),
            ]),
            ..Setup::default()
        };
        let mut out = Vec::new();
        let notice = copy("“quoted”", "quote", &setup, &mut out);
        assert!(out.is_empty());
        assert!(!notice.error, "{notice:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "“quoted”");
        let broken = Setup {
            clipboard_command: Some(vec!["/nonexistent/clip".into()]),
            ..Setup::default()
        };
        assert!(copy("x", "quote", &broken, &mut Vec::new()).error);
    }

    #[test]
    fn exports_never_overwrite_and_never_go_into_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(corpus.join("sub")).unwrap();
        let setup = Setup {
            export_dir: Some(dir.path().to_path_buf()),
            corpus_dirs: vec![corpus.clone()],
            ..Setup::default()
        };
        for n in ["a--vs--b.md", "a--vs--b-1.md", "a--vs--b-2.md"] {
            let notice = export("a--vs--b", n, &setup);
            assert!(notice.text.ends_with(n), "{notice:?}");
            assert_eq!(std::fs::read_to_string(dir.path().join(n)).unwrap(), n);
        }
        let inside = Setup {
            export_dir: Some(corpus.join("sub")),
            ..setup
        };
        let notice = export("x", "y", &inside);
        assert!(
            notice.error && notice.text.contains("inside the corpus"),
            "{notice:?}"
        );
        assert!(!corpus.join("sub/x.md").exists());
    }

    #[test]
    fn the_opener_is_browser_then_the_system_one() {
        assert_eq!(opener(Some("lynx -dump:firefox")), ["lynx", "-dump"]);
        assert_eq!(opener(Some("")).len(), 1);
        assert_eq!(opener(None).len(), 1);
        let notice = open_url("file:///etc/passwd", &["true".into()]);
        assert!(notice.error);
        let notice = open_url("https://example.org/a", &["true".into()]);
        assert!(!notice.error, "{notice:?}");
    }
}
