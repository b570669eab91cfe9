//! Writes the big inputs the memory and output figures in the README are
//! measured on (put them in /tmp, never in the repository):
//!
//! ```sh
//! cargo run --release --example gen_big -- corpus DIR 10000        # 10,000 ~5 KB articles
//! cargo run --release --example gen_big -- corpus DIR 100000 2500 100
//!                                  # 100,000 ~2.5 KB articles in 100 folders (scripts/measure_open.sh)
//! cargo run --release --example gen_big -- jsonl FILE 100000       # JSON Lines, ~2.5 KB a line (quotes --stream)
//! cargo run --release --example gen_big -- articles FILE 1000000   # one JSON array of small articles (~100 MB)
//! cargo run --release --example gen_big -- tiny FILE 5500000       # one JSON array of tiny objects (~245 MB)
//! cargo run --release --example gen_big -- long DIR 6000           # a 6,000-sentence article and a copy
//!                                                                  # with every 20th sentence reworded
//! ```

#[path = "../benches/support/mod.rs"]
mod support;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(out), Some(n)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: gen_big corpus|jsonl|articles|tiny|long OUT COUNT [BYTES FOLDERS]");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("COUNT is a number");
    let out = Path::new(out);
    match mode.as_str() {
        "corpus" => {
            // Optional: the article size in bytes and the number of folders.
            let size = args
                .get(3)
                .map_or(5_000, |s| s.parse().expect("BYTES is a number"));
            let per_folder = match args.get(4) {
                Some(f) => n.div_ceil(f.parse::<usize>().expect("FOLDERS is a number").max(1)),
                None => 500,
            };
            let bytes = support::write_corpus_in(out, n, size, per_folder);
            println!("{n} articles, {bytes} bytes in {}", out.display());
        }
        "jsonl" => {
            // One ~2.5 KB article per line, for `parallax quotes --stream`.
            let mut w = BufWriter::new(File::create(out).expect("create the file"));
            for i in 0..n {
                let mut rng = support::Rng::new(i as u64 + 1);
                let body = support::body(&mut rng, 2_500).join("\n\n");
                let line = serde_json::json!({"id": format!("a-{i}"), "source": "Valley Wire", "body": body});
                writeln!(w, "{line}").unwrap();
            }
            w.flush().unwrap();
            println!("{n} lines in {}", out.display());
        }
        "articles" => write_array(out, n, |i, w| {
            write!(
                w,
                "{{\"title\": \"Fees rise {i}\", \"source\": \"Valley Wire\", \
                 \"text\": \"The port raised its fees for the {i}th time.\"}}"
            )
        }),
        "tiny" => write_array(out, n, |i, w| {
            write!(w, "{{\"id\":{i},\"text\":\"item {i:07}\",\"k\":\"v\"}}")
        }),
        "long" => {
            std::fs::create_dir_all(out).expect("create the folder");
            let (same, reworded) = long_article(n);
            std::fs::write(out.join("long.txt"), same).expect("write");
            std::fs::write(out.join("long-reworded.txt"), reworded).expect("write");
            println!("{}", out.join("long.txt").display());
            println!("{}", out.join("long-reworded.txt").display());
        }
        other => {
            eprintln!("unknown mode {other}");
            std::process::exit(2);
        }
    }
}

fn write_array(path: &Path, n: usize, item: impl Fn(usize, &mut BufWriter<File>) -> std::io::Result<()>) {
    let mut w = BufWriter::new(File::create(path).expect("create the file"));
    w.write_all(b"[\n").unwrap();
    for i in 0..n {
        if i > 0 {
            w.write_all(b",\n").unwrap();
        }
        item(i, &mut w).unwrap();
    }
    w.write_all(b"\n]\n").unwrap();
    w.flush().unwrap();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!("{n} objects, {size} bytes in {}", path.display());
}

/// An article of `n` distinct sentences (ten to a paragraph), and a copy in
/// which every twentieth sentence says the same with other words.
fn long_article(n: usize) -> (String, String) {
    const PLACES: &[&str] = &["Carrow Bay", "Eastvale", "the harbour", "Norden", "the valley"];
    const THINGS: &[&str] = &[
        "water rates",
        "rail fares",
        "school budgets",
        "bridge tolls",
        "grain prices",
    ];
    let sentence = |i: usize| {
        format!(
            "Officials in {} reviewed {} for district {i} on day {} and filed report {}.",
            PLACES[i % PLACES.len()],
            THINGS[(i / 5) % THINGS.len()],
            i % 365,
            i * 7 + 3
        )
    };
    let reworded = |i: usize| {
        format!(
            "Officials in {} examined {} for district {i} on day {} and submitted report {}.",
            PLACES[i % PLACES.len()],
            THINGS[(i / 5) % THINGS.len()],
            i % 365,
            i * 7 + 3
        )
    };
    let build = |f: &dyn Fn(usize) -> String| {
        let sentences: Vec<String> = (0..n).map(f).collect();
        sentences
            .chunks(10)
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let same = build(&sentence);
    let changed = build(&|i| if i % 20 == 19 { reworded(i) } else { sentence(i) });
    (same, changed)
}
