//! A fingerprint of the code and data that decide what the cache holds
//! (the parsers, the analysis, the cache's own encoding): a cached corpus
//! written by a build with other rules is rebuilt, never trusted, even
//! when the version number did not change.

use std::fs;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &["src/corpus", "src/analysis", "src/cache", "data"];

fn main() {
    let mut files = Vec::new();
    for dir in INPUTS {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    // FNV-1a over every file's path and bytes.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        eat(file.to_string_lossy().as_bytes());
        eat(&fs::read(file).unwrap_or_default());
    }
    println!("cargo:rustc-env=PARALLAX_CACHE_BUILD={hash:016x}");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
