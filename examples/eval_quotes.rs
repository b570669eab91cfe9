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
//! `--errors` lists every matched quote whose speaker is wrong or missing,
//! with the gold source, ours, the rule that produced ours and the text
//! around the quote.
//!
//! Reported speech is scored the same way in a second table: gold is every
//! attribution whose content holds no quote mark and whose cue holds a
//! verb of saying or stating (`gold::SAYING`: say, tell, add, claim, argue,
//! announce, write, insist, deny, admit, warn, urge, note, explain, accuse
//! in all forms), the whole content from its first to its last piece;
//! predictions are our `indirect` quotes with no double mark whose cue is
//! such a verb too. `--errors` also lists reported speech we miss
//! (`MISSED`) and predict with no gold (`EXTRA`), and `--reported-only`
//! prints only that part. `EVAL_DEBUG=<file name part>` prints our and the
//! gold reported spans of matching texts to stderr.

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
    evidence: Option<String>,
    text: String,
}

/// Which table a gold set belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Set {
    Quotes,
    Reported,
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    matched: usize,
    with_source: usize,
    speaker_ok: usize,
    /// Matched quotes with a gold source where we gave a wrong speaker.
    speaker_wrong: usize,
    /// Matched quotes with a gold source where we gave none.
    speaker_missing: usize,
    /// Matched quotes whose only gold source is a cue word ("said").
    cue_only_sources: usize,
    headline_gold: usize,
    docs: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let errors = args.iter().any(|a| a == "--errors");
    let reported_only = args.iter().any(|a| a == "--reported-only");
    // Gold holds only quotes in double marks; by default so do predictions.
    let all_marks = args.iter().any(|a| a == "--all-marks");
    let Some(dir) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!(
            "usage: eval_quotes <polnear split dir, e.g. ../shared/data/polnear/dev> [-v] [--errors] [--all-marks] [--reported-only]"
        );
        std::process::exit(2);
    };
    let docs = gold::read(&PathBuf::from(dir)).unwrap_or_else(|e| {
        eprintln!("eval_quotes: {e}");
        std::process::exit(1);
    });
    let mut quotes = Score::default();
    let mut reported = Score::default();
    for doc in &docs {
        score_doc(
            doc,
            [&mut quotes, &mut reported],
            Flags {
                verbose,
                errors,
                all_marks,
                reported_only,
            },
        );
    }
    if !reported_only {
        println!("== direct and partial quotes");
        report(&quotes, "quotes");
        println!("== reported speech (no quote marks, cue a verb of saying)");
    }
    report(&reported, "reported statements");
}

fn report(score: &Score, what: &str) {
    let p = score.matched as f64 / score.pred.max(1) as f64;
    let r = score.matched as f64 / score.gold.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let acc = score.speaker_ok as f64 / score.with_source.max(1) as f64;
    println!(
        "texts {}  gold {what} {} (+{} in headlines, not scored)  predicted {}",
        score.docs, score.gold, score.headline_gold, score.pred
    );
    println!(
        "matched {}  precision {p:.3}  recall {r:.3}  F1 {f1:.3}",
        score.matched
    );
    println!(
        "speaker accuracy {acc:.3} ({} of {} matched with a gold source)",
        score.speaker_ok, score.with_source
    );
    println!(
        "speakers wrong {}  missing {}  (gold source only a cue word, not scored: {})",
        score.speaker_wrong, score.speaker_missing, score.cue_only_sources
    );
}

#[derive(Clone, Copy)]
struct Flags {
    verbose: bool,
    errors: bool,
    all_marks: bool,
    reported_only: bool,
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

fn score_doc(doc: &gold::GoldDoc, scores: [&mut Score; 2], flags: Flags) {
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
    let analysis = analyze(article);
    let pred = |q: &parallax::analysis::Quote| Pred {
        start: map[q.start],
        end: map[q.end.min(body.len())],
        speaker: q.attribution.as_ref().map(|a| a.speaker.to_string()),
        name: q
            .attribution
            .as_ref()
            .and_then(|a| a.name.as_deref())
            .map(str::to_owned),
        evidence: q.attribution.as_ref().map(|a| a.evidence.to_string()),
        text: q.text(&article.body).to_owned(),
    };
    let quotes: Vec<Pred> = analysis
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .filter(|q| flags.all_marks || opens_with_double_mark(&body, q.start))
        .map(pred)
        .collect();
    let reported: Vec<Pred> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .filter(|q| !q.text(&article.body).contains(['"', '\u{201C}', '\u{201D}']))
        .filter(|q| {
            q.attribution
                .as_ref()
                .and_then(|a| a.cue.as_deref())
                .is_some_and(gold::saying_cue)
        })
        .map(pred)
        .collect();
    let ctx = Ctx {
        raw: &raw,
        tokens: word_tokens(&raw),
        body_start: map.first().copied().unwrap_or(0),
        file: doc.text_path.file_name().and_then(|f| f.to_str()).unwrap_or(""),
        flags,
    };
    if std::env::var("EVAL_DEBUG").is_ok_and(|d| ctx.file.contains(&d)) {
        for p in &reported {
            let t: String = raw[p.start..p.end].iter().collect();
            eprintln!("PRED {} {} {:?} | {:?}", p.start, p.end, clip(&t), clip(&p.text));
        }
        for g in &doc.reported {
            let t: String = raw[g.start..g.end].iter().collect();
            eprintln!("GOLD {} {} {:?}", g.start, g.end, clip(&t));
        }
    }
    let [q_score, r_score] = scores;
    score_set(&ctx, Set::Quotes, &doc.quotes, &quotes, q_score);
    score_set(&ctx, Set::Reported, &doc.reported, &reported, r_score);
}

struct Ctx<'a> {
    raw: &'a [char],
    tokens: Vec<(usize, usize)>,
    body_start: usize,
    file: &'a str,
    flags: Flags,
}

fn score_set(ctx: &Ctx, set: Set, gold: &[gold::GoldQuote], preds: &[Pred], score: &mut Score) {
    let Flags {
        verbose,
        errors,
        reported_only,
        ..
    } = ctx.flags;
    let (raw, tokens) = (ctx.raw, &ctx.tokens);
    let show = !reported_only || set == Set::Reported;
    let errors = errors && show;
    let verbose = verbose && show;
    score.docs += 1;
    let golds: Vec<&gold::GoldQuote> = gold.iter().filter(|g| g.start >= ctx.body_start).collect();
    score.headline_gold += gold.len() - golds.len();
    score.gold += golds.len();
    score.pred += preds.len();
    let mut used = vec![false; preds.len()];
    for g in &golds {
        let gt = tokens_in(tokens, g.start, g.end);
        let best = preds
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, p)| (i, overlap(&gt, &tokens_in(tokens, p.start, p.end))))
            .max_by_key(|&(_, o)| o);
        let gtext: String = raw[g.start..g.end].iter().collect();
        match best {
            Some((i, o))
                if o > 0
                    && 2 * o
                        >= gt
                            .len()
                            .max(tokens_in(tokens, preds[i].start, preds[i].end).len()) =>
            {
                used[i] = true;
                score.matched += 1;
                let sources: Vec<&String> = g.sources.iter().filter(|s| usable_source(s)).collect();
                if sources.is_empty() {
                    score.cue_only_sources += usize::from(!g.sources.is_empty());
                    continue;
                }
                score.with_source += 1;
                let ok = sources.iter().any(|s| speaker_ok(s, &preds[i]));
                score.speaker_ok += usize::from(ok);
                let missing = preds[i].speaker.is_none();
                if !ok && missing {
                    score.speaker_missing += 1;
                } else if !ok {
                    score.speaker_wrong += 1;
                }
                if errors && !ok {
                    println!(
                        "{} gold {:?} ours {:?}/{:?} [{}]\n    {}\n    {}",
                        match (missing, set) {
                            (true, Set::Quotes) => "MISSING",
                            (false, Set::Quotes) => "WRONG  ",
                            (true, Set::Reported) => "MISSING reported",
                            (false, Set::Reported) => "WRONG   reported",
                        },
                        g.sources,
                        preds[i].speaker,
                        preds[i].name,
                        ctx.file,
                        preds[i].evidence.as_deref().unwrap_or("-"),
                        context(raw, g.start, g.end),
                    );
                }
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
            _ if errors && set == Set::Reported => {
                println!(
                    "MISSED  gold {:?} [{}]\n    {}",
                    g.sources,
                    ctx.file,
                    context(raw, g.start, g.end)
                );
            }
            _ if verbose => println!("MISS    {:?} {:?}", clip(&gtext), g.sources),
            _ => {}
        }
    }
    for (_, p) in preds.iter().enumerate().filter(|(i, _)| !used[*i]) {
        if errors && set == Set::Reported {
            println!(
                "EXTRA   ours {:?}/{:?} [{}]\n    {}\n    {}",
                p.speaker,
                p.name,
                ctx.file,
                p.evidence.as_deref().unwrap_or("-"),
                context(raw, p.start, p.end)
            );
        } else if verbose {
            println!("EXTRA   {:?} {:?} [{}]", clip(&p.text), p.speaker, ctx.file);
        }
    }
}

/// The text around a gold quote on one line, the quote in [[ ]].
fn context(raw: &[char], start: usize, end: usize) -> String {
    let lo = start.saturating_sub(220);
    let hi = (end + 160).min(raw.len());
    let flat = |s: &[char]| -> String { s.iter().map(|&c| if c == '\n' { '|' } else { c }).collect() };
    let inner = if end - start > 200 {
        format!(
            "{} ... {}",
            flat(&raw[start..start + 90]),
            flat(&raw[end - 90..end])
        )
    } else {
        flat(&raw[start..end])
    };
    format!("{}[[{}]]{}", flat(&raw[lo..start]), inner, flat(&raw[end..hi]))
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
/// Our speaker phrase with no content word is also right when all its
/// words are in the gold source ("Democratic presidential nominee" ~ "the
/// former secretary of state and current Democratic presidential nominee").
fn speaker_ok(gold_source: &str, p: &Pred) -> bool {
    let ours = [p.speaker.as_deref(), p.name.as_deref()].into_iter().flatten();
    let g = words(gold_source, false);
    ours.into_iter().any(|o| {
        let w = words(o, false);
        if g.is_empty() || w.is_empty() {
            let (ga, oa) = (words(gold_source, true), words(o, true));
            !ga.is_empty() && (ga == oa || oa.len() >= 2 && oa.iter().all(|x| ga.contains(x)))
        } else {
            g.iter().any(|x| w.contains(x))
        }
    })
}

/// A gold source that is only a cue word ("said": an annotation slip where
/// the cue span was taken for the source) names nobody; such sources are
/// left out, and a quote left with none is not scored for its speaker.
fn usable_source(source: &str) -> bool {
    !matches!(
        source.trim().to_lowercase().as_str(),
        "said" | "says" | "say" | "told" | "added" | "wrote" | "asked"
    )
}
