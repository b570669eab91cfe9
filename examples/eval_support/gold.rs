//! PolNeAR gold for the quote evaluation: one annotation per text (the
//! first annotator id in sort order), the quoted segments inside gold
//! contents, and the map from our cleaned body to the raw file's offsets.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// A gold quoted segment: raw char offsets of the words inside the marks,
/// and every source text that annotators gave it.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    pub sources: Vec<String>,
}

pub struct GoldDoc {
    pub text_path: PathBuf,
    pub quotes: Vec<GoldQuote>,
    /// Reported speech: contents without quote marks whose cue is a verb
    /// of saying ([`SAYING`]); the whole content, first to last piece.
    pub reported: Vec<GoldQuote>,
}

/// The verbs of saying or stating whose attributions without quote marks
/// are scored as reported speech, in all their forms.
pub const SAYING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "argue",
    "argues",
    "argued",
    "arguing",
    "announce",
    "announces",
    "announced",
    "announcing",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "deny",
    "denies",
    "denied",
    "denying",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "warn",
    "warns",
    "warned",
    "warning",
    "urge",
    "urges",
    "urged",
    "urging",
    "note",
    "notes",
    "noted",
    "noting",
    "explain",
    "explains",
    "explained",
    "explaining",
    "accuse",
    "accuses",
    "accused",
    "accusing",
];

/// Whether a cue phrase holds a verb of saying ("has said", "told").
pub fn saying_cue(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric())
        .any(|w| SAYING.contains(&w.to_lowercase().as_str()))
}

/// Reads `<split dir>/../derived/<split>.jsonl`.
pub fn read(split_dir: &Path) -> Result<Vec<GoldDoc>, String> {
    let split = split_dir
        .file_name()
        .and_then(|s| s.to_str())
        .ok_or("bad split dir")?;
    let root = split_dir.parent().ok_or("split dir has no parent")?;
    let jsonl = root.join("derived").join(format!("{split}.jsonl"));
    let data = fs::read_to_string(&jsonl).map_err(|e| format!("{}: {e}", jsonl.display()))?;
    // doc → (annotator, record); keep the first annotator by id.
    let mut chosen: BTreeMap<String, (String, Value)> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let doc = v["doc"].as_str().unwrap_or_default().to_owned();
        let annotator = v["annotator"].as_str().unwrap_or_default().to_owned();
        if chosen.get(&doc).is_none_or(|(a, _)| annotator < *a) {
            chosen.insert(doc, (annotator, v));
        }
    }
    let mut docs = Vec::new();
    for (_, (_, v)) in chosen {
        let text_path = root.join(v["text_file"].as_str().unwrap_or_default());
        let mut by_span: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
        let mut reported: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
        for a in v["attributions"].as_array().into_iter().flatten() {
            let sources: Vec<String> = a["source"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["text"].as_str().map(str::to_owned))
                .collect();
            if a["content_has_quote_marks"] != Value::Bool(true) {
                let cue: Vec<&str> = a["cue"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c["text"].as_str())
                    .collect();
                let pieces = a["content"].as_array().into_iter().flatten();
                let span = pieces.fold(None, |acc: Option<(usize, usize)>, p| {
                    let s = p["start"].as_u64().unwrap_or(0) as usize;
                    let e = p["end"].as_u64().unwrap_or(0) as usize;
                    Some(acc.map_or((s, e), |(a, b)| (a.min(s), b.max(e))))
                });
                // Doubled apostrophes ('' in NYT archive text) are quote
                // marks the gold's flag does not see: a quote, not reported speech.
                let quoted = a["content"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p["text"].as_str())
                    .any(|t| t.contains("''"));
                if let Some(span) = span
                    && !quoted
                    && saying_cue(&cue.join(" "))
                {
                    reported.entry(span).or_default().extend(sources);
                }
                continue;
            }
            for piece in a["content"].as_array().into_iter().flatten() {
                let start = piece["start"].as_u64().unwrap_or(0) as usize;
                let text = piece["text"].as_str().unwrap_or_default();
                for (s, e) in segments(text) {
                    by_span
                        .entry((start + s, start + e))
                        .or_default()
                        .extend(sources.iter().cloned());
                }
            }
        }
        let quotes = by_span
            .into_iter()
            .map(|((start, end), sources)| GoldQuote { start, end, sources })
            .collect();
        let reported = reported
            .into_iter()
            .map(|((start, end), sources)| GoldQuote { start, end, sources })
            .collect();
        docs.push(GoldDoc {
            text_path,
            quotes,
            reported,
        });
    }
    Ok(docs)
}

/// The words inside double quote marks of a gold content, as char ranges
/// of `text`. A mark after a newline while a quote is open reopens it; an
/// unclosed quote runs to the end; a closer with no opener starts at 0.
pub fn segments(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let after_newline = chars[..i]
            .iter()
            .rev()
            .find(|c| **c != ' ')
            .is_none_or(|p| *p == '\n');
        match (open, c) {
            (None, '\u{201C}' | '"') => open = Some((i + 1, c)),
            (None, '\u{201D}') => out.push((0, i)),
            (Some((s, '"')), '"') | (Some((s, '\u{201C}')), '\u{201D}') if !after_newline => {
                out.push((s, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        out.push((s, chars.len()));
    }
    out.into_iter()
        .map(|(s, e)| trim(&chars, s, e))
        .filter(|(s, e)| chars[*s..*e].iter().any(|c| c.is_alphanumeric()))
        .collect()
}

fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && (chars[s].is_whitespace() || chars[s] == '\u{201C}' || chars[s] == '"') {
        s += 1;
    }
    while e > s && (chars[e - 1].is_whitespace() || matches!(chars[e - 1], ',' | '\u{201D}' | '"')) {
        e -= 1;
    }
    (s, e)
}

/// For each char of `body`, its char offset in `raw`. The body is the raw
/// text with the headline removed and whitespace folded, so non-space
/// chars match one to one in order.
pub fn align(body: &[char], raw: &[char]) -> Vec<usize> {
    let mut map = Vec::with_capacity(body.len() + 1);
    // Start at the first paragraph: find the body's first 40 non-space chars.
    let probe: String = body.iter().take(40).collect();
    let raw_s: String = raw.iter().collect();
    let mut j = raw_s
        .find(probe.as_str())
        .map_or(0, |b| raw_s[..b].chars().count());
    for &c in body {
        if c.is_whitespace() {
            map.push(j.min(raw.len()));
            continue;
        }
        let mut k = j;
        while k < raw.len() && raw[k] != c && k - j < 64 {
            k += 1;
        }
        if k < raw.len() && raw[k] == c {
            j = k;
        }
        map.push(j);
        j += 1;
    }
    map.push(j.min(raw.len()));
    map
}
