//! Finding the files of a corpus: folders are walked recursively in name
//! order, hidden entries are skipped, and symlinked folders are followed
//! once (a loop gives a diagnostic instead of a hang).

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::diagnostics::{Diagnostic, Kind};

/// What a walk found: the files to load, and what it passed over.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to load, in a deterministic order.
    pub files: Vec<PathBuf>,
    /// Problems met while walking (unreadable folders, loops, FIFOs).
    pub diagnostics: Vec<Diagnostic>,
    /// Files inside folders that are not articles (other extensions, READMEs).
    pub skipped: usize,
}

/// Extensions of files loaded from inside a folder (files named on the
/// command line are always tried, whatever their name).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "json", "jsonl", "ndjson", "md", "markdown", "mdown", "html", "htm", "xhtml", "xml",
    "rss", "atom",
];

/// True for a file inside a folder that is documentation, not an article.
fn is_documentation(path: &Path) -> bool {
    let stem = path.file_stem().map_or(&[][..], |s| s.as_encoded_bytes());
    stem.windows(6).any(|w| w.eq_ignore_ascii_case(b"README"))
        || [&b"LICENSE"[..], b"LICENCE", b"COPYING", b"CHANGELOG", b"NOTICE"]
            .iter()
            .any(|name| stem.eq_ignore_ascii_case(name))
}

fn is_article_file(path: &Path) -> bool {
    let ext_ok = match path.extension() {
        None => true,
        Some(ext) => ARTICLE_EXTENSIONS
            .iter()
            .any(|known| ext.as_encoded_bytes().eq_ignore_ascii_case(known.as_bytes())),
    };
    // newsboat's cache is loaded from inside a folder too.
    let cache = path.file_name().is_some_and(|n| n == "cache.db");
    cache || (ext_ok && !is_documentation(path))
}

/// Walks the given files and folders.
pub fn discover(inputs: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    let mut visited: HashSet<FolderId> = HashSet::new();
    for input in inputs {
        match fs::metadata(input) {
            Err(e) => found
                .diagnostics
                .push(Diagnostic::error(input, io_reason(&e)).kind(io_kind(&e))),
            Ok(meta) if meta.is_dir() => walk_dir(input, &mut visited, &mut found),
            Ok(meta) if meta.is_file() => found.files.push(input.clone()),
            Ok(meta) => found.diagnostics.push(not_regular(input, &meta)),
        }
    }
    found
}

/// Depth-first, in name order, with an explicit stack so that deeply
/// nested folders cannot overflow the call stack.
fn walk_dir(root: &Path, visited: &mut HashSet<FolderId>, found: &mut Discovery) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if !visited.insert(folder_id(&dir)) {
            found.diagnostics.push(
                Diagnostic::warning(
                    &dir,
                    "symlink loop or folder already loaded through another path: not followed",
                )
                .kind(Kind::SymlinkLoop),
            );
            continue;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                found.diagnostics.push(
                    Diagnostic::error(&dir, format!("cannot read folder: {}", io_reason(&e)))
                        .kind(io_kind(&e)),
                );
                continue;
            }
        };
        // Sorted by name (the order of their paths, which share `dir`),
        // without comparing whole paths component by component.
        let mut entries: Vec<(OsString, Option<fs::FileType>)> = entries
            .filter_map(|e| e.ok().map(|e| (e.file_name(), e.file_type().ok())))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut subdirs = Vec::new();
        for (name, file_type) in entries {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = dir.join(&name);
            // The folder listing says which entries are plain files and
            // folders: only the others (symlinks, special files, an unknown
            // type) cost a `stat`, followed through links.
            let kind = match file_type {
                Some(t) if t.is_file() => Ok(Entry::File),
                Some(t) if t.is_dir() => Ok(Entry::Folder),
                _ => fs::metadata(&path).map(|meta| {
                    if meta.is_dir() {
                        Entry::Folder
                    } else if meta.is_file() {
                        Entry::File
                    } else {
                        Entry::Other(meta)
                    }
                }),
            };
            match kind {
                Err(e) => found
                    .diagnostics
                    .push(Diagnostic::warning(&path, io_reason(&e)).kind(io_kind(&e))),
                Ok(Entry::Folder) => subdirs.push(path),
                Ok(Entry::File) => {
                    if is_article_file(&path) {
                        found.files.push(path);
                    } else {
                        found.skipped += 1;
                    }
                }
                Ok(Entry::Other(meta)) => found.diagnostics.push(not_regular(&path, &meta)),
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
}

/// What one entry of a folder is, its links followed.
enum Entry {
    File,
    Folder,
    Other(fs::Metadata),
}

/// What makes a folder the same folder whatever the path to it.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

/// The folder's device and inode: one `stat`, where canonicalising the
/// path costs a call per component (quadratic in deeply nested folders).
#[cfg(unix)]
fn folder_id(dir: &Path) -> FolderId {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).map_or((0, 0), |m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(dir: &Path) -> FolderId {
    fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

fn not_regular(path: &Path, meta: &fs::Metadata) -> Diagnostic {
    Diagnostic::warning(path, format!("skipped: not a regular file ({})", file_kind(meta)))
        .kind(Kind::NotRegular)
}

#[cfg(unix)]
fn file_kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn file_kind(_: &fs::Metadata) -> &'static str {
    "a special file"
}

/// The kind of problem an I/O error is.
pub fn io_kind(e: &std::io::Error) -> Kind {
    match e.kind() {
        std::io::ErrorKind::NotFound => Kind::NotFound,
        _ if e.raw_os_error() == Some(40) => Kind::SymlinkLoop,
        _ => Kind::Unreadable,
    }
}

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(40) => "symlink loop (too many levels of symbolic links)".into(),
        _ => {
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries are told apart from the folder listing where it can
    /// (plain files and folders); links are followed, special files and
    /// broken links reported, in name order, hidden and documentation
    /// files passed over.
    #[cfg(unix)]
    #[test]
    fn entries_by_kind_in_name_order() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.txt",
            "a.MD",
            "README.txt",
            "Notes.readme.md",
            ".hidden.txt",
            "x.png",
        ] {
            fs::write(root.join(name), "A body.").unwrap();
        }
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/c.json"), "{}").unwrap();
        symlink(root.join("b.txt"), root.join("link.txt")).unwrap();
        symlink(root.join("sub"), root.join("linked-folder")).unwrap();
        symlink(root.join("gone.txt"), root.join("broken.txt")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo (coreutils) makes the FIFO"
        );
        let found = discover(&[root.to_path_buf()]);
        let names: Vec<String> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        // `linked-folder` is `sub`: walked once, under the name met first.
        assert_eq!(names, ["a.MD", "b.txt", "link.txt", "linked-folder/c.json"]);
        assert_eq!(found.skipped, 3, "README, a readme by name, an image");
        let mut problems: Vec<(String, Kind)> = found
            .diagnostics
            .iter()
            .map(|d| (d.path.strip_prefix(root).unwrap().display().to_string(), d.kind))
            .collect();
        problems.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            problems,
            [
                ("broken.txt".to_string(), Kind::NotFound),
                ("pipe.txt".to_string(), Kind::NotRegular),
                ("sub".to_string(), Kind::SymlinkLoop),
            ]
        );
    }

    #[test]
    fn deep_folders_are_walked_and_a_folder_linked_twice_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for _ in 0..300 {
            deep.push("d");
        }
        fs::create_dir_all(&deep).unwrap();
        fs::write(deep.join("a.txt"), "A body.").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("d"), dir.path().join("zlink")).unwrap();
        let found = discover(&[dir.path().to_path_buf()]);
        assert_eq!(found.files, [deep.join("a.txt")]);
        #[cfg(unix)]
        {
            assert_eq!(found.diagnostics.len(), 1, "{:?}", found.diagnostics);
            assert!(found.diagnostics[0].message.contains("already loaded"));
        }
    }
}
