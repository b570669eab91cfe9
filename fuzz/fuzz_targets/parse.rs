//! Format detection and parsing of arbitrary bytes. The first byte picks
//! the file name's extension (a hint the parsers may use); the rest is the
//! file. Every article must keep its body consistent with its paragraphs.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{PARAGRAPH_SEPARATOR, parse_bytes};

const NAMES: &[&str] = &[
    "a.txt", "a.json", "a.jsonl", "a.md", "a", "a.ndjson", "a.text", "a.markdown", "a.html", "a.xml",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let result = parse_bytes(Path::new(name), bytes);
    for a in &result.articles {
        assert_eq!(a.body, a.paragraphs().collect::<Vec<_>>().join(PARAGRAPH_SEPARATOR));
        assert!(a.paragraphs().all(|p| !p.trim().is_empty()));
    }
});
