//! Prints every quote of a text with its kind, speaker and evidence
//! (a debugging aid for the attribution rules).
//!
//! `cargo run --release --example quote_debug -- FILE` (or `-` for stdin)

use std::io::Read;

use parallax::analysis::analyze_text;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".to_owned());
    let mut body = String::new();
    if path == "-" {
        std::io::stdin().read_to_string(&mut body).expect("stdin");
    } else {
        // Loaded as the evaluation loads it (headline apart, paragraphs cleaned).
        let result = parallax::corpus::load_file(std::path::Path::new(&path), Default::default());
        body = result
            .articles
            .first()
            .map(|a| a.body.clone())
            .unwrap_or_default();
    }
    if std::env::var_os("SHOW_BODY").is_some() {
        println!("{body}");
    }
    let analysis = analyze_text(&body);
    for q in &analysis.quotes {
        let short: String = q.text(&body).chars().take(60).collect();
        print!("{}-{} p{} ", q.start, q.end, q.paragraph);
        match &q.attribution {
            Some(a) => println!(
                "{:?} [{short}] -> {:?} / {:?} role {:?} cue {:?} ({})",
                q.kind, a.speaker, a.name, a.role, a.cue, a.evidence
            ),
            None => println!("{:?} [{short}] -> none", q.kind),
        }
    }
}
