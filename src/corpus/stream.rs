//! A big JSON array read straight from the file, element by element, so
//! that loading millions of small articles never holds the file's text as
//! well as the articles. Anything unusual (a byte-order mark, bytes that
//! are not UTF-8, a parse error) falls back to the ordinary path, which
//! reads the file whole and reports the problem in the usual words.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::json::parse_array_reader;
use super::load::{FileResult, LoadOptions, name_articles, open_for_reading};

/// Files at least this big are streamed when they hold a JSON array.
pub const STREAM_MIN_BYTES: u64 = 32 << 20;

/// Loads `path` by streaming when it is a big JSON array; `None` when the
/// ordinary path should load it.
pub fn load_big_array(path: &Path, options: LoadOptions) -> Option<FileResult> {
    stream_array(path, options, STREAM_MIN_BYTES)
}

fn stream_array(path: &Path, options: LoadOptions, min_bytes: u64) -> Option<FileResult> {
    let mut file = open_for_reading(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() < min_bytes || meta.len() > options.max_json_bytes {
        return None;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "jsonl" | "ndjson") || !is_array(&mut file, meta.len(), &ext)? {
        return None;
    }
    file.seek(SeekFrom::Start(0)).ok()?;
    let reader = BufReader::with_capacity(1 << 20, file.take(options.max_json_bytes));
    let parsed = parse_array_reader(reader, options.max_articles_per_file).ok()?;
    if parsed.is_empty() {
        return None;
    }
    let mut result = FileResult::default();
    name_articles(path, parsed, options, &mut result);
    Some(result)
}

/// True when the file opens with `[` (no byte-order mark, no NUL in its
/// first bytes) and is JSON by its name or closes with `]`: what format
/// detection would call a JSON array.
fn is_array(file: &mut File, len: u64, ext: &str) -> Option<bool> {
    let mut head = [0u8; 4096];
    let n = file.read(&mut head).ok()?;
    let head = &head[..n];
    if head.contains(&0) {
        return Some(false);
    }
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'[') {
        return Some(false);
    }
    if ext == "json" {
        return Some(true);
    }
    let mut tail = [0u8; 4096];
    let from = len.saturating_sub(tail.len() as u64);
    file.seek(SeekFrom::Start(from)).ok()?;
    let n = file.read(&mut tail).ok()?;
    Some(tail[..n].iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b']'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::{load_file, parse_bytes};

    /// The streaming size in these tests (the real one is 32 MiB).
    const MIN: u64 = 64 << 10;

    /// A JSON array just past the streaming size, with a failing entry.
    fn big_array(bad_byte: bool) -> Vec<u8> {
        let body = "The council met on Monday and voted to approve the plan. ".repeat(16);
        let mut text = String::from("[\n");
        let mut i = 0;
        while (text.len() as u64) < MIN + 1024 {
            if i > 0 {
                text.push_str(",\n");
            }
            if i == 3 {
                text.push_str("{\"title\": \"no body\"}");
            } else {
                text.push_str(&format!(
                    "{{\"title\": \"T{i}\", \"n\": {i}, \"text\": \"{body}\"}}"
                ));
            }
            i += 1;
        }
        text.push_str("\n]\n");
        let mut bytes = text.into_bytes();
        if bad_byte {
            // "Caf\xe9" in a title: not UTF-8, so the ordinary path decodes it.
            let at = bytes.windows(4).position(|w| w == b"T10\"").unwrap();
            bytes[at + 1] = 0xE9;
        }
        bytes
    }

    #[test]
    fn a_streamed_array_loads_as_the_ordinary_path_does() {
        let dir = tempfile::tempdir().unwrap();
        for bad_byte in [false, true] {
            let path = dir.path().join("big.json");
            let bytes = big_array(bad_byte);
            std::fs::write(&path, &bytes).unwrap();
            let streamed = stream_array(&path, LoadOptions::default(), MIN);
            assert_eq!(streamed.is_some(), !bad_byte, "non-UTF-8 falls back");
            let loaded = match streamed {
                Some(loaded) => loaded,
                None => load_file(&path, LoadOptions::default()),
            };
            let whole = parse_bytes(&path, &bytes);
            assert_eq!(loaded.articles, whole.articles);
            assert_eq!(loaded.diagnostics, whole.diagnostics);
            assert!(loaded.articles.len() > 50);
            assert!(
                loaded
                    .diagnostics
                    .iter()
                    .any(|d| d.location.ends_with("big.json#4"))
            );
        }
    }
}
