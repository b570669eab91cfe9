//! RSS and Atom feeds (with `feed-rs`): each item an article. The body is
//! the item's full content (`content:encoded`, Atom `content`), else its
//! summary (`description`), stripped of markup; the feed's title is the
//! outlet. Each article is keyed by its guid (Atom `id`), else its link,
//! so ids (`feed.xml#<key>`) stay put when the feed gains, drops or
//! reorders items. Items that share a guid are told apart by a hash of
//! their link, title and text, which does not depend on their position.

use std::collections::HashMap;

use feed_rs::model::{Entry, FeedType, Text};

use super::article::{Article, Fields, Format};
use super::diagnostics::Kind;
use super::html_text::fragment_paragraphs;
use super::parse::{ParseError, Parsed, Warning};

/// The feed format the document opens with (its root element), if any.
pub fn looks_like(text: &str) -> Option<Format> {
    let name = super::detect::first_element(text)?;
    match name.as_str() {
        "rss" | "rdf:rdf" => Some(Format::Rss),
        "feed" => Some(Format::Atom),
        _ => None,
    }
}

/// Parses a feed's text into articles (at most `cap`).
pub fn parse(text: &str, cap: usize) -> Result<Parsed, ParseError> {
    // An empty generator: an item without a guid keeps an empty id, and
    // is keyed by its link below (never by a generated hash of its title).
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| ParseError::Malformed(format!("not a readable RSS or Atom feed: {e}")))?;
    let format = match feed.feed_type {
        FeedType::Atom => Format::Atom,
        _ => Format::Rss,
    };
    let outlet = feed.title.as_ref().and_then(plain);
    let mut parsed = Parsed {
        dropped: feed.entries.len().saturating_sub(cap),
        ..Parsed::default()
    };
    let mut items: Vec<(Option<String>, Result<Article, ParseError>)> = Vec::new();
    for entry in feed.entries.into_iter().take(cap) {
        let key = key_of(&entry);
        items.push((key, article(entry, format, outlet.clone())));
    }
    disambiguate(&mut items, &mut parsed.warnings);
    for (key, entry) in items {
        if let (Some(key), Err(_)) = (&key, &entry) {
            parsed.failure_keys.insert(parsed.len(), key.clone());
        }
        parsed.push(entry.map(|mut a| {
            a.id = key.unwrap_or_default();
            a
        }));
    }
    Ok(parsed)
}

/// The guid (Atom id), else the item's link.
fn key_of(entry: &Entry) -> Option<String> {
    let guid = entry.id.trim();
    if !guid.is_empty() {
        return Some(guid.to_owned());
    }
    link_of(entry)
}

fn link_of(entry: &Entry) -> Option<String> {
    entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|h| !h.is_empty())
}

/// Items that share a key get `key~hash` (a hash of link, title and body);
/// items without a key get `~hash`. Items still equal after that are the
/// same item twice: they are numbered, which cannot depend on order since
/// they are alike.
pub(super) fn disambiguate(
    items: &mut [(Option<String>, Result<Article, ParseError>)],
    warnings: &mut Vec<Warning>,
) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for (key, _) in items.iter() {
        *count.entry(key.clone().unwrap_or_default()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (key, entry) in items.iter_mut() {
        let base = key.clone().unwrap_or_default();
        if !base.is_empty() && count[&base] == 1 {
            continue;
        }
        let mut new = format!("{base}~{:08x}", content_hash(entry) as u32);
        let n = seen.entry(new.clone()).or_default();
        *n += 1;
        if *n > 1 {
            new = format!("{new}-{n}");
        }
        if !base.is_empty() {
            warnings.push(Warning {
                key: Some(new.clone()),
                kind: Kind::Duplicate,
                message: format!(
                    "{} items share the guid {base:?}: this one is told apart as {new:?}",
                    count[&base]
                ),
            });
        }
        *key = Some(new);
    }
}

/// FNV-1a of the item's link, title and body: the same on every run and
/// every machine (ids must not change between runs).
fn content_hash(entry: &Result<Article, ParseError>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    match entry {
        Ok(a) => {
            eat(a.url.as_deref().unwrap_or(""));
            eat(a.title.as_deref().unwrap_or(""));
            eat(&a.body);
        }
        Err(e) => eat(&e.to_string()),
    }
    hash
}

fn article(entry: Entry, format: Format, outlet: Option<String>) -> Result<Article, ParseError> {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some(body_of(body, c.content_type.as_ref()))
    });
    let paragraphs = content
        .filter(|p| !p.is_empty())
        .or_else(|| entry.summary.as_ref().map(text_paragraphs))
        .filter(|p| !p.is_empty())
        .ok_or(ParseError::NoBody)?;
    let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
    let fields = Fields {
        title: entry.title.as_ref().and_then(plain),
        source: outlet,
        published,
        authors: entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().or(p.email.as_deref()))
            .filter_map(author_name)
            .collect(),
        url: link_of(&entry),
        categories: entry
            .categories
            .iter()
            .filter_map(|c| super::clean::meta_value(c.label.as_deref().unwrap_or(&c.term)))
            .collect(),
        ..Fields::default()
    };
    Ok(fields.into_article(format, paragraphs))
}

/// A person's name from an RSS `<author>` (`desk@site (Jane Doe)`, or a
/// bare address, which is no name) or an Atom `<name>`.
fn author_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let name = match (raw.find('('), raw.ends_with(')')) {
        (Some(open), true) => &raw[open + 1..raw.len() - 1],
        _ if raw.contains('@') && !raw.contains(' ') => return None,
        _ => raw,
    };
    super::clean::meta_value(name)
}

fn body_of(body: &str, content_type: &str) -> Vec<String> {
    if content_type.starts_with("text/plain") {
        super::clean::paragraphs(body)
    } else {
        fragment_paragraphs(body)
    }
}

fn text_paragraphs(text: &Text) -> Vec<String> {
    body_of(&text.content, text.content_type.as_ref())
}

/// A title or name as one line of plain text.
fn plain(text: &Text) -> Option<String> {
    let joined = if text.content_type.to_string().starts_with("text/plain") {
        text.content.clone()
    } else {
        super::html_text::fragment_blocks(&text.content).join(" ")
    };
    super::clean::meta_value(&joined)
}
