//! The corpus layer: the article model, format detection and parsers, the
//! parallel loader and its diagnostics. No terminal, no analysis.

mod article;
mod clean;
mod dates;
mod decode;
mod demo;
mod detect;
mod diagnostics;
mod entities;
mod feed;
mod header;
mod headline;
mod html;
mod html_meta;
mod html_text;
mod json;
mod load;
mod markdown;
mod newsboat;
mod outlets;
mod parse;
mod reference;
mod stream;
mod walk;

pub use article::{Article, Extra, Format, PARAGRAPH_SEPARATOR, Paragraphs, Published, WordCount};
pub use dates::{When, month as month_number, to_iso};
pub use decode::{DecodeError, Decoded, decode};
pub use demo::{DEMO_FILES, demo_corpus};
pub use detect::detect;
pub use diagnostics::{Diagnostic, Kind, Severity};
pub use entities::decode_entities;
pub use json::parse_record;
pub use load::{
    Corpus, Duplicate, FileCounts, FileResult, LoadOptions, MAX_ARTICLES_PER_FILE, find_duplicates, load,
    load_discovered, load_file, load_reusing, load_with, parse_bytes,
};
pub use newsboat::find_cache as find_newsboat_cache;
pub use outlets::{OutletAliases, fold as fold_outlet, normalize_outlets};
pub use parse::{Entries, ParseError, parse_document};
pub use walk::{Discovery, discover};
