//! Saved web pages: the article's main text (with `dom_smoothie`, a port
//! of readability.js) and the page's metadata ([`super::html_meta`]).
//!
//! Hostile pages are refused or read the cheap way before any heuristic
//! runs: a page nested deeper than [`MAX_DEPTH`] or with more than
//! [`MAX_ELEMENTS`] elements is not handed to readability (whose scoring
//! walks ancestors and descendants); its text is taken by the iterative
//! walk of [`super::html_text`] instead, with a warning.

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::article::Format;
use super::diagnostics::Kind;
use super::html_meta;
use super::html_text::{fragment_paragraphs, node_paragraphs};

use super::parse::{ParseError, Parsed, Warning};

/// Deepest nesting (counted by a scan of the tags) handed to the parser.
pub const MAX_DEPTH: usize = 512;
/// Most elements handed to readability.
pub const MAX_ELEMENTS: usize = 60_000;

/// Is this text a web page? Its first element opens a document (`html`,
/// `head`, `body` or a head element), it has an HTML doctype, or it opens
/// with markup and its name says HTML.
pub fn looks_like(trimmed: &str, ext: Option<&str>) -> bool {
    let head: String = trimmed.chars().take(15).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") {
        return true;
    }
    if matches!(ext, Some("html" | "htm" | "xhtml" | "shtml")) {
        return true;
    }
    super::detect::first_element(trimmed).is_some_and(|name| {
        matches!(
            name.as_str(),
            "html" | "head" | "body" | "meta" | "title" | "base" | "link"
        )
    })
}

/// Parses a page into one article.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let mut parsed = Parsed::default();
    let shape = scan(text);
    let heavy = shape.elements > MAX_ELEMENTS;
    if shape.depth > MAX_DEPTH {
        parsed.warnings.push(Warning {
            key: None,
            kind: Kind::Malformed,
            message: format!(
                "elements nested {} deep (over {MAX_DEPTH}): markup dropped and the text read as it stands",
                shape.depth
            ),
        });
        // The tree builder checks its stack of open elements at every tag,
        // so a page a hundred thousand deep would take minutes: the text is
        // read past the tags instead.
        return finish(parsed, html_meta::PageMeta::default(), strip_tags(text));
    }
    let doc = Document::from(text);
    let meta = html_meta::read(&doc);
    // Readability takes the tree and changes it; the page's visible text,
    // the last resort, is read from a tree of its own (no copy per page).
    let mut doc = Some(doc);
    let mut paragraphs = if heavy {
        parsed.warnings.push(Warning {
            key: None,
            kind: Kind::Other,
            message: format!(
                "{} elements (over {MAX_ELEMENTS}): the page's text taken without telling the article from the rest",
                shape.elements
            ),
        });
        Vec::new()
    } else {
        doc.take().map(readable).unwrap_or_default()
    };
    if paragraphs.is_empty() {
        paragraphs = meta
            .article_body
            .as_deref()
            .map(fragment_paragraphs)
            .unwrap_or_default();
    }
    if paragraphs.is_empty() {
        let doc = doc.unwrap_or_else(|| Document::from(text));
        paragraphs = node_paragraphs(&doc.root());
    }
    finish(parsed, meta, paragraphs)
}

fn finish(
    mut parsed: Parsed,
    meta: html_meta::PageMeta,
    paragraphs: Vec<String>,
) -> Result<Parsed, ParseError> {
    if paragraphs.is_empty() {
        return Err(ParseError::NoBody);
    }
    parsed.push(Ok(meta.fields.into_article(Format::Html, paragraphs)));
    Ok(parsed)
}

/// The main text as readability finds it; empty when it finds none.
fn readable(doc: Document) -> Vec<String> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::with_document(doc, None, Some(config)) else {
        return Vec::new();
    };
    match readability.parse() {
        Ok(article) => fragment_paragraphs(&article.content),
        Err(_) => Vec::new(),
    }
}

/// How deep and how big the markup is, from a scan of its tags (no tree
/// built). Void elements do not nest; a closing tag closes one level.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    depth: usize,
    elements: usize,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "p", "li",
];

fn scan(text: &str) -> Shape {
    let bytes = text.as_bytes();
    let (mut shape, mut depth) = (Shape::default(), 0usize);
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        if end == start {
            continue;
        }
        let name = text[start..end].to_ascii_lowercase();
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        shape.elements += 1;
        if matches!(name.as_str(), "script" | "style") {
            // Their content is text: skip to the closing tag.
            let close = format!("</{name}");
            match find_ignore_case(&bytes[end..], close.as_bytes()) {
                Some(n) => i = end + n,
                None => break,
            }
            continue;
        }
        let self_closing = bytes[end..]
            .iter()
            .position(|&b| b == b'>')
            .is_some_and(|n| n > 0 && bytes[end + n - 1] == b'/');
        if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            shape.depth = shape.depth.max(depth);
        }
    }
    shape
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The text between the tags (scripts and styles left out), in
/// paragraphs at blank lines: for pages too deep to build a tree of.
fn strip_tags(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len() / 2);
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let lower: String = rest.chars().take(8).collect::<String>().to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            "</script"
        } else if lower.starts_with("<style") {
            "</style"
        } else {
            ">"
        };
        match find_ignore_case(rest.as_bytes(), skip_to.as_bytes()) {
            Some(n) => {
                let after = &rest[n..];
                let close = after.find('>').map_or(after.len(), |k| k + 1);
                rest = &after[close..];
                out.push(' ');
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    // No `<` is left: the fragment parser only decodes entities, one
    // paragraph at a time (it would join them).
    super::clean::paragraphs(&out)
        .into_iter()
        .map(|p| {
            if p.contains('&') {
                super::html_text::fragment_blocks(&p).join(" ")
            } else {
                p
            }
        })
        .filter(|p| !p.is_empty() && !super::html_text::is_furniture(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_measures_depth_and_skips_scripts() {
        let s = scan("<html><body><div><p>a<br>b</div><script>if (a<b) {}</script></body></html>");
        assert_eq!(
            s,
            Shape {
                depth: 3,
                elements: 6
            }
        );
        let deep = "<div>".repeat(1000);
        assert_eq!(scan(&deep).depth, 1000);
    }

    /// Token F1 (bag of lowercased words) of `got` against `want`.
    fn f1(got: &[String], want: &str) -> f64 {
        let words = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let (got, want) = (words(&got.join(" ")), words(want));
        let mut left: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for w in &want {
            *left.entry(w).or_default() += 1;
        }
        let hits = got
            .iter()
            .filter(|w| {
                left.get_mut(w.as_str()).is_some_and(|n| {
                    *n > 0 && {
                        *n -= 1;
                        true
                    }
                })
            })
            .count() as f64;
        if hits == 0.0 {
            return 0.0;
        }
        let (p, r) = (hits / got.len() as f64, hits / want.len() as f64);
        2.0 * p * r / (p + r)
    }

    /// Why readability: on every fixture page it scores at least as well
    /// as the plain visible-text walk (navigation, asides and footers
    /// already left out), and better on average.
    #[test]
    fn readability_beats_the_visible_text_of_the_page() {
        let (mut ours, mut plain) = (0.0, 0.0);
        for name in ["news-site", "amp", "jsonld-only", "comments", "paywall", "blog"] {
            let dir = std::path::Path::new("tests/fixtures/pages");
            let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
            let want = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
            let doc = Document::from(html.as_str());
            let baseline = f1(&node_paragraphs(&doc.select("body").nodes()[0]), &want);
            let read = f1(&readable(doc), &want);
            eprintln!("{name}: readability {read:.3}, visible text {baseline:.3}");
            assert!(read >= baseline, "{name}: {read:.3} < {baseline:.3}");
            (ours, plain) = (ours + read, plain + baseline);
        }
        assert!(
            ours > plain + 0.3,
            "{ours:.3} vs {plain:.3} summed over six pages"
        );
    }

    #[test]
    fn stripped_tags_keep_the_text() {
        assert_eq!(
            strip_tags("<div><script>x=1</script>One &amp; two\n\n<b>Three</b></div>"),
            ["One & two", "Three"]
        );
    }
}
