//! The demo corpus, embedded in the binary so `parallax` works anywhere:
//! three fictional stories, each told by three fictional outlets in
//! different formats (files under `corpus/demo/`).

use super::load::{Corpus, load_documents};

macro_rules! demo_files {
    ($($name:literal),* $(,)?) => {
        &[$((concat!("demo/", $name), include_bytes!(concat!("../../corpus/demo/", $name)).as_slice())),*]
    };
}

/// `(path, bytes)` of each demo article; paths are shown as `demo/<file>`.
pub const DEMO_FILES: &[(&str, &[u8])] = demo_files![
    "desal-coastline-tribune.md",
    "desal-harbour-ledger.txt",
    "desal-meridian-post.json",
    "drought-coastline-tribune.txt",
    "drought-northgate-daily.txt",
    "drought-valley-wire.md",
    "rail-meridian-post.jsonl",
    "rail-northgate-daily.txt",
    "rail-valley-wire.txt",
];

/// Loads the embedded demo corpus.
pub fn demo_corpus() -> Corpus {
    load_documents(DEMO_FILES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/demo");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| format!("demo/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let embedded: Vec<String> = DEMO_FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn demo_loads_cleanly_in_every_format() {
        let corpus = demo_corpus();
        assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
        assert_eq!(corpus.articles.len(), 9);
        let mut formats: Vec<_> = corpus.articles.iter().filter_map(|a| a.format).collect();
        formats.sort();
        formats.dedup();
        assert!(formats.len() >= 5, "{formats:?}");
        for a in &corpus.articles {
            assert!(a.title.is_some(), "{} has no title", a.id);
            let has_source_field = a.format != Some(crate::corpus::Format::Headline);
            assert_eq!(a.source.is_some(), has_source_field, "{} source", a.id);
            assert!(a.word_count() > 300, "{} is short", a.id);
        }
    }
}
