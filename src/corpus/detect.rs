//! Format detection from content. The file extension is only a hint: it
//! decides between JSON and text when the content could be either, and
//! marks Markdown files that have no front matter.

use super::article::Format;
use super::{feed, header, headline, html, json, markdown, reference};

/// Picks the format of a document (already newline-normalised).
pub fn detect(text: &str, extension: Option<&str>) -> Format {
    let ext = extension.map(str::to_ascii_lowercase);
    let ext = ext.as_deref();
    let trimmed = text.trim();
    let json_ext = matches!(ext, Some("json" | "jsonl" | "ndjson"));
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let closed = trimmed.ends_with('}') || trimmed.ends_with(']');
        if matches!(ext, Some("jsonl" | "ndjson"))
            || (trimmed.starts_with('{') && json::looks_like_lines(trimmed))
        {
            return Format::Jsonl;
        }
        if json_ext || closed {
            return Format::Json;
        }
    }
    if trimmed.starts_with('<') && !matches!(ext, Some("md" | "markdown" | "mdown")) {
        if let Some(format) = feed::looks_like(trimmed) {
            return format;
        }
        if html::looks_like(trimmed, ext) {
            return Format::Html;
        }
        // Other XML (a sitemap, an OPML list) is no article: the feed
        // parser names what it found in a diagnostic.
        if trimmed.starts_with("<?xml") {
            return Format::Rss;
        }
    }
    if markdown::looks_like(text) || matches!(ext, Some("md" | "markdown" | "mdown")) {
        return Format::Markdown;
    }
    if header::looks_like(text) {
        return Format::Header;
    }
    if reference::looks_like(text) {
        return Format::Reference;
    }
    if headline::looks_like(text) {
        return Format::Headline;
    }
    Format::Plain
}

/// The name (lowercased) of the first element of a markup document, past
/// an XML declaration, processing instructions, comments and a doctype;
/// only the first 64 KiB are looked at.
pub fn first_element(text: &str) -> Option<String> {
    let mut rest = &text[..floor_boundary(text, 64 << 10)];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if rest.starts_with("<!") && rest.find('[').is_some_and(|b| b < rest.find('>').unwrap_or(0)) {
            // A doctype with an internal subset: `<!DOCTYPE x [ ... ]>`.
            rest = &rest[rest.find("]>")? + 2..];
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let name: String = rest
                .strip_prefix('<')?
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
                .take(64)
                .collect();
            return (!name.is_empty()).then(|| name.to_ascii_lowercase());
        }
    }
}

/// The largest char boundary at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_by_shape() {
        assert_eq!(detect("{\"a\": 1}", None), Format::Json);
        assert_eq!(detect("  [ {\"a\": 1} ]\n", Some("txt")), Format::Json);
        assert_eq!(detect("{\"a\": 1}\n{\"a\": 2}\n", Some("json")), Format::Jsonl);
        assert_eq!(detect("{\"a\": 1}\n", Some("jsonl")), Format::Jsonl);
    }

    #[test]
    fn truncated_json_with_a_json_extension_is_still_json() {
        assert_eq!(detect("{\"title\": \"T\", \"te", Some("json")), Format::Json);
    }

    #[test]
    fn bracketed_text_is_not_json() {
        assert_eq!(
            detect("[Updated] Council votes\n\nThe council voted.", Some("txt")),
            Format::Headline
        );
    }

    #[test]
    fn front_matter_and_markdown_extension() {
        assert_eq!(detect("---\ntitle: T\n---\nBody", Some("txt")), Format::Markdown);
        assert_eq!(detect("+++\ntitle = \"T\"\n+++\nBody", None), Format::Markdown);
        assert_eq!(detect("Just prose.", Some("MD")), Format::Markdown);
    }

    #[test]
    fn header_reference_headline_plain() {
        assert_eq!(
            detect("Published Time: 2023-11-08\nTitle: T\nText:\nBody", None),
            Format::Header
        );
        assert_eq!(
            detect("Body.\nReference(s):\nTitle\nsite.example", None),
            Format::Reference
        );
        assert_eq!(detect("Headline here\n\nBody.", None), Format::Headline);
        assert_eq!(detect("Body line one.\nBody line two.", None), Format::Plain);
    }

    #[test]
    fn feeds_and_pages_by_their_first_element() {
        let rss = "<?xml version=\"1.0\"?>\n<!-- hi -->\n<rss version=\"2.0\"><channel/></rss>";
        assert_eq!(detect(rss, Some("txt")), Format::Rss);
        let subset = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"x\">]><rss><channel/></rss>";
        assert_eq!(detect(subset, None), Format::Rss);
        assert_eq!(detect("<rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", None), Format::Rss);
        assert_eq!(
            detect("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", None),
            Format::Atom
        );
        assert_eq!(
            detect("<!DOCTYPE html>\n<html><body><p>x</p></body></html>", None),
            Format::Html
        );
        assert_eq!(detect("<html amp><p>x</p></html>", Some("txt")), Format::Html);
        assert_eq!(
            detect("<div><p>A page fragment.</p></div>", Some("htm")),
            Format::Html
        );
        assert_eq!(
            detect("<meta charset=utf-8><title>T</title><p>x", None),
            Format::Html
        );
        assert_eq!(detect("<b>Head</b> line\n\nBody.", Some("txt")), Format::Headline);
        assert_eq!(detect("<html>\n\nBody.", Some("md")), Format::Markdown);
        let xhtml = "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>";
        assert_eq!(detect(xhtml, None), Format::Html);
        assert_eq!(
            detect("<?xml version=\"1.0\"?><urlset></urlset>", None),
            Format::Rss
        );
    }

    #[test]
    fn a_header_file_ending_in_a_reference_block_is_header() {
        let text = "Title: T\nText:\nBody.\nReference(s):\nOther\nsite";
        assert_eq!(detect(text, None), Format::Header);
    }
}
