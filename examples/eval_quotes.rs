//! Scores parallax's direct and partial quotes against PolNeAR gold.
//!
//! `cargo run --release --example eval_quotes -- ../shared/data/polnear/dev [-v]`
//!
//! Gold: for each text, the annotation of the first annotator id; every
//! attribution whose content holds double quote marks gives one gold quote
//! per quoted segment (the words inside the marks). Our articles are
//! cleaned (headline removed, whitespace folded), so each body char is
//! mapped back to its offset in the raw file by aligning the two texts;
//! gold quotes in the headline (outside the body) are left out and
//! counted. A prediction matches a gold quote when they share at least
//! half the word tokens of the longer of the two (one-to-one, greedy).
//! Gold keeps only contents with double marks (" “ ”), so predictions are
//! scored only when they open with a double mark too; `--all-marks` also
//! scores quotes in single or doubled-apostrophe marks (`''`, common in
//! NYT archive text), which gold cannot contain.
//! Speaker accuracy is over matched quotes whose gold has a source: right
//! when our speaker as written or our resolved name shares a content word
//! with a gold source ("Mike Pence" ~ "Gov. Mike Pence (R-IN)"), or, when
//! either has no content word, both are the same words apart from articles
//! ("the president", "he").

#[path = "eval_support/gold.rs"]
mod gold;

use std::path::PathBuf;

use parallax::analysis::{QuoteKind, analyze};
use parallax::corpus::{self, LoadOptions};

struct Pred {
    start: usize,
    end: usize,
    speaker: Option<String>,
    name: Option<String>,
    text: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    matched: usize,
    with_source: usize,
    speaker_ok: usize,
    headline_gold: usize,
    docs: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    // Gold holds only quotes in double marks; by default so do predictions.
    let all_marks = args.iter().any(|a| a == "--all-marks");
    let Some(dir) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!(
            "usage: eval_quotes <polnear split dir, e.g. ../shared/data/polnear/dev> [-v] [--all-marks]"
        );
        std::process::exit(2);
    };
    let docs = gold::read(&PathBuf::from(dir)).unwrap_or_else(|e| {
        eprintln!("eval_quotes: {e}");
        std::process::exit(1);
    });
    let mut score = Score::default();
    for doc in &docs {
        score_doc(doc, &mut score, verbose, all_marks);
    }
    let p = score.matched as f64 / score.pred.max(1) as f64;
    let r = score.matched as f64 / score.gold.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let acc = score.speaker_ok as f64 / score.with_source.max(1) as f64;
    println!(
        "texts {}  gold quotes {} (+{} in headlines, not scored)  predicted {}",
        score.docs, score.gold, score.headline_gold, score.pred
    );
    println!(
        "matched {}  precision {p:.3}  recall {r:.3}  F1 {f1:.3}",
        score.matched
    );
    println!(
        "speaker accuracy {acc:.3} ({} of {} matched quotes with a gold source)",
        score.speaker_ok, score.with_source
    );
}

/// Whether the quote starting at `start` opens with a double quote mark,
/// the marks PolNeAR's `content_has_quote_marks` looks for.
fn opens_with_double_mark(body: &[char], start: usize) -> bool {
    body[..start]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}'))
}

fn score_doc(doc: &gold::GoldDoc, score: &mut Score, verbose: bool, all_marks: bool) {
    let result = corpus::load_file(&doc.text_path, LoadOptions::default());
    let Some(article) = result.articles.first() else {
        eprintln!("eval_quotes: could not load {}", doc.text_path.display());
        return;
    };
    let raw: Vec<char> = std::fs::read_to_string(&doc.text_path)
        .unwrap_or_default()
        .chars()
        .collect();
    let body: Vec<char> = article.body.chars().collect();
    let map = gold::align(&body, &raw);
    let body_start = map.first().copied().unwrap_or(0);
    let tokens = word_tokens(&raw);
    score.docs += 1;
    let analysis = analyze(article);
    let preds: Vec<Pred> = analysis
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .filter(|q| all_marks || opens_with_double_mark(&body, q.start))
        .map(|q| Pred {
            start: map[q.start],
            end: map[q.end.min(body.len())],
            speaker: q.attribution.as_ref().map(|a| a.speaker.clone()),
            name: q.attribution.as_ref().and_then(|a| a.name.clone()),
            text: q.text.clone(),
        })
        .collect();
    let golds: Vec<&gold::GoldQuote> = doc.quotes.iter().filter(|g| g.start >= body_start).collect();
    score.headline_gold += doc.quotes.len() - golds.len();
    score.gold += golds.len();
    score.pred += preds.len();
    let mut used = vec![false; preds.len()];
    for g in &golds {
        let gt = tokens_in(&tokens, g.start, g.end);
        let best = preds
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, p)| (i, overlap(&gt, &tokens_in(&tokens, p.start, p.end))))
            .max_by_key(|&(_, o)| o);
        let gtext: String = raw[g.start..g.end].iter().collect();
        match best {
            Some((i, o))
                if o > 0
                    && 2 * o
                        >= gt
                            .len()
                            .max(tokens_in(&tokens, preds[i].start, preds[i].end).len()) =>
            {
                used[i] = true;
                score.matched += 1;
                if g.sources.is_empty() {
                    continue;
                }
                score.with_source += 1;
                let ok = g.sources.iter().any(|s| speaker_ok(s, &preds[i]));
                score.speaker_ok += usize::from(ok);
                if verbose && !ok {
                    println!(
                        "SPEAKER {:?} gold {:?} ours {:?}/{:?}",
                        clip(&gtext),
                        g.sources,
                        preds[i].speaker,
                        preds[i].name
                    );
                }
            }
            _ if verbose => println!("MISS    {:?} {:?}", clip(&gtext), g.sources),
            _ => {}
        }
    }
    if verbose {
        for (i, p) in preds.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let _ = i;
            println!(
                "EXTRA   {:?} {:?} [{}]",
                clip(&p.text),
                p.speaker,
                doc.text_path.display()
            );
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(90).collect()
}

/// Word tokens of the raw text as char ranges.
fn word_tokens(raw: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i].is_alphanumeric() {
            let s = i;
            while i < raw.len() && raw[i].is_alphanumeric() {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Indices of the tokens inside `[start, end)`.
fn tokens_in(tokens: &[(usize, usize)], start: usize, end: usize) -> Vec<usize> {
    let first = tokens.partition_point(|t| t.0 < start);
    (first..tokens.len())
        .take_while(|&k| tokens[k].1 <= end)
        .collect()
}

fn overlap(a: &[usize], b: &[usize]) -> usize {
    let (lo, hi) = (a.first().max(b.first()), a.last().min(b.last()));
    match (lo, hi) {
        (Some(lo), Some(hi)) if lo <= hi => hi - lo + 1,
        _ => 0,
    }
}

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "s",
    "his",
    "her",
    "their",
    "its",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "and",
    "to",
    "for",
    "in",
    "on",
    "at",
    "who",
    "president",
    "presidential",
    "candidate",
    "nominee",
    "democratic",
    "republican",
    "former",
    "gov",
    "sen",
    "rep",
];

fn words(s: &str, keep_stop: bool) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| {
            keep_stop && !matches!(w.as_str(), "the" | "a" | "an" | "s") || !STOP.contains(&w.as_str())
        })
        .collect()
}

/// A shared content word ("Pence" ~ "Gov. Mike Pence (R-IN)"); when either
/// side has none ("the president"), the same words apart from articles.
fn speaker_ok(gold_source: &str, p: &Pred) -> bool {
    let ours = [p.speaker.as_deref(), p.name.as_deref()].into_iter().flatten();
    let g = words(gold_source, false);
    ours.into_iter().any(|o| {
        let w = words(o, false);
        if g.is_empty() || w.is_empty() {
            let (ga, oa) = (words(gold_source, true), words(o, true));
            !ga.is_empty() && ga == oa
        } else {
            g.iter().any(|x| w.contains(x))
        }
    })
}
