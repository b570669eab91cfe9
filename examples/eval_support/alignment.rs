//! BASIL alignment gold and the scoring its README defines, through the
//! library's own loading, analysis and compare.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use parallax::analysis::{self, Analysis};
use parallax::compare::claims::features::{FEATURES, Model};
use parallax::compare::claims::{ClaimOptions, MIN_SHARED_TERMS, candidate_features};
use parallax::compare::{CompareOptions, Doc, SharedKind, compare, sentence_texts};
use parallax::corpus::{Article, LoadOptions, load_file};
use serde_json::Value;

/// One article of a pair, with the data set's sentences located in the
/// loaded body: `(id, first char, end char)`, ids as `3.1`.
#[derive(Clone)]
pub struct Side {
    pub article: Article,
    pub analysis: Analysis,
    pub sentences: Vec<(String, usize, usize)>,
    pub texts: BTreeMap<String, String>,
}

#[derive(Clone)]
pub struct ArticlePair {
    pub file: String,
    pub left: Side,
    pub right: Side,
    /// Primary gold pairs `(a, b, kind)`, ids without the A/B prefix.
    pub primary: Vec<(String, String, String)>,
    /// Primary and further acceptable pairs.
    pub acceptable: HashSet<(String, String)>,
}

#[derive(Clone)]
pub struct Event {
    pub id: String,
    pub pairs: Vec<ArticlePair>,
}

#[derive(Default)]
pub struct Score {
    pub predicted: usize,
    pub correct: usize,
    pub gold: usize,
    pub found: usize,
    pub by_kind: BTreeMap<String, (usize, usize)>,
    pub by_tier: BTreeMap<String, (usize, usize)>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn add(&mut self, o: &Score) {
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.gold += o.gold;
        self.found += o.found;
        for (k, (f, t)) in &o.by_kind {
            let e = self.by_kind.entry(k.clone()).or_default();
            e.0 += f;
            e.1 += t;
        }
        for (k, (f, t)) in &o.by_tier {
            let e = self.by_tier.entry(k.clone()).or_default();
            e.0 += f;
            e.1 += t;
        }
    }
}

fn strip(id: &str) -> String {
    id.trim_start_matches(['A', 'B']).to_owned()
}

fn side(path: &Path) -> Result<Side, String> {
    let result = load_file(path, LoadOptions::default());
    let article = result
        .articles
        .into_iter()
        .next()
        .ok_or_else(|| format!("{}: did not load", path.display()))?;
    let raw: Value = serde_json::from_str(&fs::read_to_string(path).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let mut sentences = Vec::new();
    let mut texts = BTreeMap::new();
    let body = &article.body;
    let mut cursor = 0usize; // byte offset in body
    for (p, para) in raw["body-paragraphs"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        for (s, sentence) in para.as_array().into_iter().flatten().enumerate() {
            let text = sentence.as_str().unwrap_or_default();
            let id = format!("{p}.{s}");
            let needle = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if needle.is_empty() {
                continue;
            }
            if let Some(at) = body[cursor..].find(&needle) {
                let start = body[..cursor + at].chars().count();
                let end = start + needle.chars().count();
                cursor += at + needle.len();
                sentences.push((id.clone(), start, end));
            }
            texts.insert(id, text.to_owned());
        }
    }
    let analysis = analysis::analyze(&article);
    Ok(Side {
        article,
        analysis,
        sentences,
        texts,
    })
}

/// Reads every alignment file and the two articles each names.
pub fn load_events(root: &Path) -> Result<Vec<Event>, String> {
    let dir = root.join("alignments");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no alignment files", dir.display()));
    }
    let mut events: BTreeMap<String, Vec<ArticlePair>> = BTreeMap::new();
    for file in files {
        let name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let (event, outlets) = name.split_once("__").ok_or(format!("{name}: unexpected name"))?;
        let (src1, src2) = outlets
            .split_once('-')
            .ok_or(format!("{name}: unexpected name"))?;
        let find = |src: &str| -> Result<Side, String> {
            for n in 1..=3 {
                let path = root.join("articles_json").join(format!("{event}_{n}.json"));
                let raw: Value = serde_json::from_str(&fs::read_to_string(&path).map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?;
                if raw["source"]
                    .as_str()
                    .is_some_and(|s| s.eq_ignore_ascii_case(src))
                {
                    return side(&path);
                }
            }
            Err(format!("{event}: no {src} article"))
        };
        let gold: Value = serde_json::from_str(&fs::read_to_string(&file).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        let pair_of = |v: &Value| {
            (
                strip(v["a"].as_str().unwrap_or("")),
                strip(v["b"].as_str().unwrap_or("")),
            )
        };
        let primary: Vec<(String, String, String)> = gold["pairs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| {
                let (a, b) = pair_of(v);
                (a, b, v["kind"].as_str().unwrap_or("?").to_owned())
            })
            .collect();
        let mut acceptable: HashSet<(String, String)> =
            primary.iter().map(|(a, b, _)| (a.clone(), b.clone())).collect();
        acceptable.extend(gold["also"].as_array().into_iter().flatten().map(pair_of));
        events.entry(event.to_owned()).or_default().push(ArticlePair {
            file: name.clone(),
            left: find(src1)?,
            right: find(src2)?,
            primary,
            acceptable,
        });
    }
    Ok(events
        .into_iter()
        .map(|(id, pairs)| Event { id, pairs })
        .collect())
}

/// The data set's sentence that holds most of the char range.
pub fn sentence_of(side: &Side, start: usize, end: usize) -> Option<String> {
    side.sentences
        .iter()
        .map(|(id, s, e)| (id, end.min(*e).saturating_sub(start.max(*s))))
        .filter(|&(_, overlap)| overlap > 0)
        .max_by_key(|&(_, overlap)| overlap)
        .map(|(id, _)| id.clone())
}

/// Predicted sentence pairs with their tier (`strong`, `possible` or
/// `quote`), in the data set's ids.
pub fn predictions(pair: &ArticlePair, claims: ClaimOptions) -> BTreeMap<(String, String), String> {
    let options = CompareOptions {
        claims,
        ..CompareOptions::default()
    };
    fn doc(s: &Side) -> Doc<'_> {
        Doc {
            article: &s.article,
            analysis: &s.analysis,
        }
    }
    let c = compare(doc(&pair.left), doc(&pair.right), &options);
    let mut out = BTreeMap::new();
    for claim in &c.claims {
        let a = sentence_of(&pair.left, claim.left.start, claim.left.end);
        let b = sentence_of(&pair.right, claim.right.start, claim.right.end);
        if let (Some(a), Some(b)) = (a, b) {
            let tier = claim.tier.as_str().to_owned();
            let slot = out.entry((a, b)).or_insert_with(|| tier.clone());
            if tier == "strong" {
                *slot = tier;
            }
        }
    }
    for q in c
        .shared_quotes
        .iter()
        .filter(|q| q.kind != SharedKind::QuotedInOne)
    {
        let a = sentence_of(&pair.left, q.left_start, q.left_end);
        let b = sentence_of(&pair.right, q.right_start, q.right_end);
        if let (Some(a), Some(b)) = (a, b) {
            out.entry((a, b)).or_insert_with(|| "quote".to_owned());
        }
    }
    out
}

/// The README's recall rule: primary pair (a, b) is found when predicted,
/// or when a prediction shares a or b and is itself acceptable.
pub fn found(pair: &ArticlePair, predicted: &BTreeMap<(String, String), String>, a: &str, b: &str) -> bool {
    predicted.contains_key(&(a.to_owned(), b.to_owned()))
        || predicted
            .keys()
            .any(|(x, y)| (x == a || y == b) && pair.acceptable.contains(&(x.clone(), y.clone())))
}

pub fn score_pair(pair: &ArticlePair, claims: ClaimOptions, errors: bool) -> Score {
    score_predicted(pair, &predictions(pair, claims), errors)
}

/// The README's scoring of a set of predicted sentence pairs (with the
/// kind or tier each was predicted as); `errors` lists the wrong and the
/// missed ones with their sentences.
pub fn score_predicted(
    pair: &ArticlePair,
    predicted: &BTreeMap<(String, String), String>,
    errors: bool,
) -> Score {
    let mut s = Score {
        predicted: predicted.len(),
        gold: pair.primary.len(),
        ..Score::default()
    };
    for ((a, b), tier) in predicted {
        let ok = pair.acceptable.contains(&(a.clone(), b.clone()));
        s.correct += usize::from(ok);
        let e = s.by_tier.entry(tier.clone()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
        if errors && !ok {
            println!(
                "WRONG {} [{tier}] A{a} ⇄ B{b}\n    A: {}\n    B: {}",
                pair.file,
                pair.left.texts.get(a).map_or("?", String::as_str),
                pair.right.texts.get(b).map_or("?", String::as_str)
            );
        }
    }
    for (a, b, kind) in &pair.primary {
        let found = found(pair, predicted, a, b);
        s.found += usize::from(found);
        let e = s.by_kind.entry(kind.clone()).or_default();
        e.0 += usize::from(found);
        e.1 += 1;
        if errors && !found {
            println!(
                "MISSED {} [{kind}] A{a} ⇄ B{b}\n    A: {}\n    B: {}",
                pair.file,
                pair.left.texts.get(a).map_or("?", String::as_str),
                pair.right.texts.get(b).map_or("?", String::as_str)
            );
        }
    }
    s
}

pub fn score_events(events: &[Event], claims: ClaimOptions, errors: bool) -> Score {
    let mut total = Score::default();
    for pair in events.iter().flat_map(|e| &e.pairs) {
        total.add(&score_pair(pair, claims, errors));
    }
    total
}

/// `score_events` with the two tier thresholds (and the default model).
pub fn score_at(events: &[Event], model: Model, strong: f32, possible: f32) -> Score {
    let claims = ClaimOptions {
        threshold: strong,
        possible,
        model,
        ..ClaimOptions::default()
    };
    score_events(events, claims, false)
}

/// The strong threshold: the lowest at which strong pairs alone reach
/// precision 0.90; the possible threshold: the best F1 with precision at
/// least 0.80 over strong and possible together.
pub fn tune(events: &[Event], model: Model) -> (f32, f32) {
    let grid: Vec<f32> = (5..=95).map(|t| t as f32 / 100.0).collect();
    let strong = grid
        .iter()
        .copied()
        .find(|&t| score_at(events, model, t, t).precision() >= 0.90)
        .unwrap_or(0.95);
    let possible = grid
        .iter()
        .copied()
        .filter(|&t| t <= strong)
        .map(|t| (t, score_at(events, model, strong, t)))
        .filter(|(_, s)| s.precision() >= 0.80)
        .max_by(|a, b| a.1.f1().total_cmp(&b.1.f1()))
        .map_or(strong, |(t, _)| t);
    (strong, possible)
}

/// The events split in two halves by id, for 4 + 4 cross-validation.
pub fn halves(events: &[Event]) -> (Vec<Event>, Vec<Event>) {
    let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let first: Vec<String> = ids[..ids.len() / 2].iter().map(|s| s.to_string()).collect();
    events.iter().cloned().partition(|e| first.contains(&e.id))
}

/// Every candidate pair's features with its gold label (is the pair of
/// data-set sentences it maps to acceptable?).
pub fn labelled(events: &[Event]) -> Vec<([f32; FEATURES], bool)> {
    let mut out = Vec::new();
    for pair in events.iter().flat_map(|e| &e.pairs) {
        let lt = sentence_texts(&pair.left.article.body, &pair.left.analysis.sentences);
        let rt = sentence_texts(&pair.right.article.body, &pair.right.analysis.sentences);
        for (l, r, f) in candidate_features(&lt, &rt, MIN_SHARED_TERMS) {
            let (ls, rs) = (
                &pair.left.analysis.sentences[l],
                &pair.right.analysis.sentences[r],
            );
            let a = sentence_of(&pair.left, ls.start(), ls.end());
            let b = sentence_of(&pair.right, rs.start(), rs.end());
            let ok =
                matches!((a, b), (Some(a), Some(b)) if pair.acceptable.contains(&(a.clone(), b.clone())));
            out.push((f, ok));
        }
    }
    out
}

/// For each primary pair missed at these settings: the model's best score
/// among the candidate sentence pairs that map to it (0 when none is a
/// candidate), for a histogram of how far the misses are.
pub fn missed_scores(events: &[Event], claims: ClaimOptions) -> Vec<f32> {
    missed_scored(events, claims)
        .into_iter()
        .map(|(_, _, _, s)| s)
        .collect()
}

/// The missed primary pairs with the model's best score among their
/// candidate sentence pairs: `(file, a, b, score)`.
pub fn missed_scored(events: &[Event], claims: ClaimOptions) -> Vec<(String, String, String, f32)> {
    let mut out = Vec::new();
    for pair in events.iter().flat_map(|e| &e.pairs) {
        let predicted = predictions(pair, claims);
        let lt = sentence_texts(&pair.left.article.body, &pair.left.analysis.sentences);
        let rt = sentence_texts(&pair.right.article.body, &pair.right.analysis.sentences);
        let mut best: BTreeMap<(String, String), f32> = BTreeMap::new();
        for (l, r, f) in candidate_features(&lt, &rt, 1) {
            let (ls, rs) = (
                &pair.left.analysis.sentences[l],
                &pair.right.analysis.sentences[r],
            );
            if let (Some(a), Some(b)) = (
                sentence_of(&pair.left, ls.start(), ls.end()),
                sentence_of(&pair.right, rs.start(), rs.end()),
            ) {
                let s = claims.model.score(&f);
                let e = best.entry((a, b)).or_insert(0.0);
                *e = e.max(s);
            }
        }
        for (a, b, _) in &pair.primary {
            if !found(pair, &predicted, a, b) {
                let score = best.get(&(a.clone(), b.clone())).copied().unwrap_or(0.0);
                out.push((pair.file.clone(), a.clone(), b.clone(), score));
            }
        }
    }
    out
}

/// How the kind of each claim pair that is a primary pair compares with
/// the annotators' kind: `(gold kind, our kind) -> count`.
pub fn kind_agreement(events: &[Event], claims: ClaimOptions) -> BTreeMap<(String, String), usize> {
    let options = CompareOptions {
        claims,
        ..CompareOptions::default()
    };
    let mut out = BTreeMap::new();
    for pair in events.iter().flat_map(|e| &e.pairs) {
        fn doc(s: &Side) -> Doc<'_> {
            Doc {
                article: &s.article,
                analysis: &s.analysis,
            }
        }
        let c = compare(doc(&pair.left), doc(&pair.right), &options);
        for claim in &c.claims {
            let a = sentence_of(&pair.left, claim.left.start, claim.left.end);
            let b = sentence_of(&pair.right, claim.right.start, claim.right.end);
            let gold = pair
                .primary
                .iter()
                .find(|(x, y, _)| Some(x) == a.as_ref() && Some(y) == b.as_ref());
            if let Some((_, _, kind)) = gold {
                let ours = format!("{:?}", claim.kind).to_lowercase();
                *out.entry((kind.clone(), ours)).or_default() += 1;
            }
        }
    }
    out
}

/// The ceiling the sentence splitting leaves: each side's data-set
/// sentences that no sentence of ours maps to (merged into a neighbour, or
/// not found in the loaded body), and the recall reached by predicting
/// every acceptable pair whose two sentences ours can map to.
pub fn ceiling(events: &[Event], verbose: bool) -> (usize, usize, usize, usize) {
    let (mut lost_sentences, mut sentences, mut found_n, mut gold) = (0, 0, 0, 0);
    for pair in events.iter().flat_map(|e| &e.pairs) {
        let reach = |s: &Side| -> std::collections::BTreeSet<String> {
            s.analysis
                .sentences
                .iter()
                .filter_map(|x| sentence_of(s, x.start(), x.end()))
                .collect()
        };
        let (ra, rb) = (reach(&pair.left), reach(&pair.right));
        if verbose {
            for s in [&pair.left, &pair.right] {
                let mut n: BTreeMap<String, usize> = BTreeMap::new();
                for x in &s.analysis.sentences {
                    if let Some(id) = sentence_of(s, x.start(), x.end()) {
                        *n.entry(id).or_default() += 1;
                    }
                }
                for (id, k) in n.iter().filter(|(_, k)| **k > 1) {
                    println!("SPLIT {} {id} into {k}: {}", pair.file, s.texts[id]);
                }
            }
        }
        for (s, r) in [(&pair.left, &ra), (&pair.right, &rb)] {
            sentences += s.texts.len();
            for (id, text) in &s.texts {
                if !r.contains(id) {
                    lost_sentences += 1;
                    if verbose {
                        let located = s.sentences.iter().any(|(i, _, _)| i == id);
                        println!(
                            "UNREACHABLE {} {id} ({}): {text}",
                            pair.file,
                            if located { "merged" } else { "not in body" }
                        );
                    }
                }
            }
        }
        let predicted: BTreeMap<(String, String), String> = pair
            .acceptable
            .iter()
            .filter(|(a, b)| ra.contains(a) && rb.contains(b))
            .map(|p| (p.clone(), String::new()))
            .collect();
        for (a, b, _) in &pair.primary {
            gold += 1;
            found_n += usize::from(found(pair, &predicted, a, b));
        }
    }
    (lost_sentences, sentences, found_n, gold)
}

/// One article pair's candidates for an offline selection: `(left
/// sentence, right sentence, features, data-set pair it maps to)`.
pub type Candidates = Vec<(usize, usize, [f32; FEATURES], Option<(String, String)>)>;

/// Every article pair's candidates, for scoring other learners offline.
pub fn candidates_by_pair(events: &[Event]) -> Vec<(&ArticlePair, Candidates)> {
    let mut out = Vec::new();
    for pair in events.iter().flat_map(|e| &e.pairs) {
        let lt = sentence_texts(&pair.left.article.body, &pair.left.analysis.sentences);
        let rt = sentence_texts(&pair.right.article.body, &pair.right.analysis.sentences);
        let mut c = Vec::new();
        for (l, r, f) in candidate_features(&lt, &rt, MIN_SHARED_TERMS) {
            let (ls, rs) = (
                &pair.left.analysis.sentences[l],
                &pair.right.analysis.sentences[r],
            );
            let ids = sentence_of(&pair.left, ls.start(), ls.end()).zip(sentence_of(
                &pair.right,
                rs.start(),
                rs.end(),
            ));
            c.push((l, r, f, ids));
        }
        out.push((pair, c));
    }
    out
}

/// Greedy one-to-one selection over scored candidates at `threshold`,
/// scored with the README's rules (claim pairs only, no shared quotes).
pub fn offline_score(
    pairs: &[(&ArticlePair, Candidates)],
    score: impl Fn(&[f32; FEATURES]) -> f32,
    threshold: f32,
) -> Score {
    let mut total = Score::default();
    for (pair, cands) in pairs {
        let mut scored: Vec<(f32, usize)> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| (score(&c.2), k))
            .filter(|(s, _)| *s >= threshold)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut ul, mut ur) = (HashSet::new(), HashSet::new());
        let mut predicted = BTreeMap::new();
        for (_, k) in scored {
            let (l, r, _, ids) = &cands[k];
            if ul.contains(l) || ur.contains(r) {
                continue;
            }
            ul.insert(*l);
            ur.insert(*r);
            if let Some(ids) = ids {
                predicted.insert(ids.clone(), String::new());
            }
        }
        let mut s = Score {
            predicted: predicted.len(),
            gold: pair.primary.len(),
            ..Score::default()
        };
        s.correct = predicted.keys().filter(|p| pair.acceptable.contains(*p)).count();
        s.found = pair
            .primary
            .iter()
            .filter(|(a, b, _)| found(pair, &predicted, a, b))
            .count();
        total.add(&s);
    }
    total
}
