//! A deterministic generator of synthetic news articles for benchmarks:
//! every format parallax reads, realistic paragraph and sentence lengths,
//! quotes with speakers and cue verbs, about `target_bytes` each.

#![allow(dead_code)] // each bench uses part of this module

use std::fs;
use std::path::Path;

mod rng;
pub use rng::Rng;

const WORDS: &[&str] = &[
    "council",
    "minister",
    "harbour",
    "contract",
    "budget",
    "water",
    "union",
    "strike",
    "farmers",
    "plant",
    "report",
    "vote",
    "talks",
    "offer",
    "price",
    "network",
    "authority",
    "province",
    "residents",
    "tender",
    "drought",
    "quota",
    "rail",
    "services",
    "agreement",
    "protest",
    "capital",
    "officials",
    "plan",
    "deal",
    "the",
    "the",
    "the",
    "a",
    "of",
    "of",
    "to",
    "to",
    "in",
    "in",
    "and",
    "and",
    "for",
    "on",
    "with",
    "that",
    "was",
    "will",
    "would",
    "has",
    "had",
    "said",
    "after",
    "before",
    "about",
    "over",
    "under",
    "new",
    "first",
    "last",
    "week",
    "year",
    "million",
    "crowns",
    "percent",
    "northern",
    "eastern",
    "public",
    "local",
    "national",
    "emergency",
    "long-term",
    "costs",
    "delays",
    "questions",
    "critics",
    "supporters",
    "review",
];
const FIRST: &[&str] = &[
    "Ilse", "Tomas", "Adaeze", "Lena", "Rafael", "Marta", "Gideon", "Petra", "Idris", "Nadia",
];
const LAST: &[&str] = &[
    "Marrow",
    "Okafor",
    "Kell",
    "Voss",
    "Quist",
    "Ellingsen",
    "Farrow",
    "Hollis",
    "Hallam",
    "Sandhu",
];
const ROLES: &[&str] = &[
    "a spokesperson for the ministry",
    "a professor at the University of Carrow",
    "the union's leader",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "argued",
    "insisted",
    "noted",
];
const OUTLETS: &[&str] = &[
    "Harbour Ledger",
    "Northgate Daily",
    "Valley Wire",
    "Meridian Post",
    "Coastline Tribune",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|c| c.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

/// One paragraph: plain sentences, sometimes a quote with its speaker.
fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    let mut sentences = Vec::with_capacity(n);
    for _ in 0..n {
        let words = 12 + rng.below(16);
        let s = sentence(rng, words);
        let q = match rng.below(6) {
            0 => format!(
                "\u{201C}{},\u{201D} {} {}.",
                s.trim_end_matches('.'),
                name(rng),
                rng.pick(CUES)
            ),
            1 => format!("{}, {}, said: \"{}\"", name(rng), rng.pick(ROLES), s),
            2 => format!(
                "According to {}, the {} was \"{}\".",
                name(rng),
                rng.pick(WORDS),
                rng.pick(WORDS)
            ),
            _ => s,
        };
        sentences.push(q);
    }
    sentences.join(" ")
}

/// The body of an article of about `target_bytes`.
pub fn body(rng: &mut Rng, target_bytes: usize) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut size = 0;
    while size < target_bytes {
        let p = paragraph(rng);
        size += p.len() + 2;
        paragraphs.push(p);
    }
    paragraphs
}

/// One article file (name, text) in one of the formats, chosen by `i`.
pub fn article_file(i: usize, target_bytes: usize) -> (String, String) {
    let mut rng = Rng::new(i as u64 + 1);
    let title = sentence(&mut rng, 8).trim_end_matches('.').to_owned();
    let outlet = rng.pick(OUTLETS);
    let paragraphs = body(&mut rng, target_bytes);
    let date = format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
    match i % 5 {
        0 => (
            format!("{i:05}.txt"),
            format!(
                "Published Time: {date}\nTitle: {title}\nCategory 1: NEWS; Category 2: CITY\nAuthor: {}\nText:\n{}\n",
                name(&mut rng),
                paragraphs.join("\n")
            ),
        ),
        1 => (
            format!("{i:05}.txt"),
            format!("{}\nReference(s):\n{title}\n{outlet}\n", paragraphs.join("\n")),
        ),
        2 => (
            format!("{i:05}.txt"),
            format!("{title}\n\n{}\n", paragraphs.join("\n\n")),
        ),
        3 => {
            let json = serde_json::json!({
                "title": title, "source": outlet, "published": date,
                "authors": [name(&mut rng)], "body": paragraphs.join("\n\n"),
            });
            (format!("{i:05}.json"), json.to_string())
        }
        _ => (
            format!("{i:05}.md"),
            format!(
                "---\ntitle: {title}\nsource: {outlet}\ndate: {date}\n---\n\n{}\n",
                paragraphs.join("\n\n")
            ),
        ),
    }
}

/// Writes `count` articles of about `target_bytes` into `dir`, 500 per
/// sub-folder; returns the total bytes written.
pub fn write_corpus(dir: &Path, count: usize, target_bytes: usize) -> u64 {
    write_corpus_in(dir, count, target_bytes, 500)
}

/// Writes `count` articles of about `target_bytes` into `dir`, `per_folder`
/// to a sub-folder; returns the total bytes written.
pub fn write_corpus_in(dir: &Path, count: usize, target_bytes: usize, per_folder: usize) -> u64 {
    let per_folder = per_folder.max(1);
    let mut total = 0;
    for i in 0..count {
        let sub = dir.join(format!("batch-{:03}", i / per_folder));
        if i % per_folder == 0 {
            fs::create_dir_all(&sub).unwrap();
        }
        let (name, text) = article_file(i, target_bytes);
        total += text.len() as u64;
        fs::write(sub.join(name), text).unwrap();
    }
    total
}

/// Paragraphs of about `words` words.
pub fn body_words(seed: u64, words: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let p = paragraph(&mut rng);
        count += p.split_whitespace().count();
        paragraphs.push(p);
    }
    paragraphs
}

/// Another outlet's take on the same story: paragraphs reordered, some
/// sentences reworded (words dropped or swapped), some left out and new
/// ones added.
pub fn variant(paragraphs: &[String], seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out: Vec<String> = paragraphs
        .iter()
        .filter_map(|p| {
            let sentences: Vec<String> = p
                .split_inclusive(". ")
                .filter_map(|s| match rng.below(6) {
                    0 => None,
                    1 | 2 => {
                        let words: Vec<&str> = s.split(' ').collect();
                        let keep: Vec<&str> = words
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| i % 5 != 3)
                            .map(|(_, w)| *w)
                            .collect();
                        Some(keep.join(" "))
                    }
                    3 => Some(format!("{} {}", sentence(&mut rng, 10), s)),
                    _ => Some(s.to_owned()),
                })
                .collect();
            (!sentences.is_empty()).then(|| sentences.concat())
        })
        .collect();
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}

/// A saved web page of about `target_bytes` of article text, with what
/// pages carry around it: meta tags and JSON-LD, navigation, a sidebar,
/// a footer and scripts.
pub fn html_page(i: usize, target_bytes: usize) -> (String, String) {
    let mut rng = Rng::new(i as u64 + 7_000_001);
    let title = sentence(&mut rng, 8).trim_end_matches('.').to_owned();
    let outlet = rng.pick(OUTLETS);
    let author = name(&mut rng);
    let paragraphs = body(&mut rng, target_bytes);
    let date = format!("2026-{:02}-{:02}T08:00:00Z", 1 + i % 12, 1 + i % 28);
    let ld = serde_json::json!({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "datePublished": date, "author": {"@type": "Person", "name": author},
        "publisher": {"@type": "Organization", "name": outlet},
    });
    let nav: String = (0..12)
        .map(|n| format!("<li><a href=\"/section/{n}\">{}</a></li>", rng.pick(WORDS)))
        .collect();
    let sidebar: String = (0..6)
        .map(|n| format!("<li><a href=\"/story/{n}\">{}</a></li>", sentence(&mut rng, 7)))
        .collect();
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | {outlet}</title>\n\
         <meta property=\"og:title\" content=\"{title}\"><meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <link rel=\"canonical\" href=\"https://news.example/{i}\">\n\
         <script type=\"application/ld+json\">{ld}</script>\n\
         <script>window.dataLayer=[];function track(e){{dataLayer.push(e)}}</script></head>\n\
         <body><header><nav><ul>{nav}</ul></nav></header>\n\
         <div class=\"ad\">Advertisement</div>\n\
         <main><article><h1>{title}</h1><p class=\"byline\">By {author}</p>\n{body}\
         <p><a href=\"/more\">Read more</a></p></article></main>\n\
         <aside class=\"sidebar\"><h2>Most read</h2><ol>{sidebar}</ol></aside>\n\
         <footer><p>All rights reserved.</p></footer><script src=\"/ads.js\"></script></body></html>\n"
    );
    (format!("{i:05}.html"), page)
}

/// Writes `count` web pages (see [`html_page`]) into `dir`, 500 per
/// sub-folder; returns the total bytes written.
pub fn write_html_corpus(dir: &Path, count: usize, target_bytes: usize) -> u64 {
    let mut total = 0;
    for i in 0..count {
        let sub = dir.join(format!("batch-{:03}", i / 500));
        if i % 500 == 0 {
            fs::create_dir_all(&sub).unwrap();
        }
        let (name, text) = html_page(i, target_bytes);
        total += text.len() as u64;
        fs::write(sub.join(name), text).unwrap();
    }
    total
}
