//! Writes the article pairs the compare benchmark uses (bodies as plain
//! text, paragraphs separated by blank lines), so peers in other languages
//! can run on the same inputs.
//!
//! cargo run --release --example gen_pairs -- OUT_DIR

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: gen_pairs OUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for words in [1_500, 5_000] {
        let base = support::body_words(7, words);
        let related = support::variant(&base, 11);
        let unrelated = support::body_words(99, words);
        for (name, body) in [("base", &base), ("related", &related), ("unrelated", &unrelated)] {
            let path = format!("{dir}/{name}_{words}w.txt");
            std::fs::write(&path, body.join("\n\n")).expect("write a pair file");
            println!("{path}");
        }
    }
}
