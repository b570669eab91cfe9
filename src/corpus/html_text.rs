//! HTML to paragraphs: the visible text of a subtree, one paragraph per
//! block element, without scripts, styles, forms, navigation or the
//! "read more" and "advertisement" lines pages put between paragraphs.
//! The walk keeps its own stack, so a page nested a hundred thousand
//! elements deep cannot overflow the call stack.

use dom_query::{Document, NodeRef};

use super::clean;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "form", "button", "select",
    "textarea", "input", "nav", "aside", "footer", "object", "embed", "video", "audio", "picture", "img",
    "head", "title", "meta", "link", "dialog", "menu",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "br",
    "hr",
    "address",
    "body",
    "html",
    "center",
    "details",
    "summary",
];

/// Paragraph openings that are page furniture, not article text (compared
/// lowercased, on whole short paragraphs).
const FURNITURE: &[&str] = &[
    "read more",
    "continue reading",
    "read the full",
    "read next",
    "related:",
    "related stories",
    "related articles",
    "advertisement",
    "sponsored",
    "share this",
    "share on",
    "subscribe",
    "sign up for",
    "click here",
    "skip to",
    "more stories",
    "recommended",
    "you may also like",
    "most read",
];

/// Is a paragraph page furniture? Only short paragraphs can be.
pub fn is_furniture(paragraph: &str) -> bool {
    if paragraph.split_whitespace().count() > 12 {
        return false;
    }
    let lower = paragraph
        .trim_start_matches(['»', '›', '→', '>', ' ', '[', '('])
        .to_lowercase();
    FURNITURE.iter().any(|f| lower.starts_with(f))
        || matches!(
            lower.trim_end_matches(['.', '…', ' ', '»', '›', '→']),
            "more" | "ad" | "ads"
        )
}

/// The paragraphs of an HTML fragment (feed content, a readability
/// result); page furniture dropped.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    keep_text(fragment_blocks(html))
}

/// The text of an HTML fragment, one string per block, nothing dropped
/// but markup (for titles and names).
pub fn fragment_blocks(html: &str) -> Vec<String> {
    if !html.contains('<') && !html.contains('&') {
        return clean::paragraphs(html);
    }
    let doc = Document::fragment(html);
    raw_paragraphs(&doc.root())
}

/// The paragraphs under `root`, page furniture dropped.
pub fn node_paragraphs(root: &NodeRef) -> Vec<String> {
    keep_text(raw_paragraphs(root))
}

fn keep_text(paragraphs: Vec<String>) -> Vec<String> {
    paragraphs.into_iter().filter(|p| !is_furniture(p)).collect()
}

/// The text under `root`, one string per block, whitespace folded.
fn raw_paragraphs(root: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let folded = clean::fold_spaces(current);
        if !folded.is_empty() {
            out.push(folded);
        }
        current.clear();
    };
    // (node, leaving): a block element is visited on the way in and out.
    let mut stack: Vec<(NodeRef, bool)> = vec![(*root, false)];
    while let Some((node, leaving)) = stack.pop() {
        if leaving {
            flush(&mut current, &mut out);
            continue;
        }
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        if node.is_element() {
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIPPED.contains(&name.as_str()) || hidden(&node) {
                continue;
            }
            if BLOCKS.contains(&name.as_str()) {
                flush(&mut current, &mut out);
                stack.push((node, true));
            }
        } else if !(node.is_document() || node.is_fragment()) {
            continue; // comments, doctypes, processing instructions
        }
        let mut children: Vec<NodeRef> = node.children_it(false).collect();
        children.reverse();
        stack.extend(children.into_iter().map(|c| (c, false)));
    }
    flush(&mut current, &mut out);
    out
}

/// Hidden by an attribute: `hidden`, `aria-hidden="true"` or an inline
/// `display:none`.
fn hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_furniture_goes() {
        let html = "<p>One <b>bold</b>\n word.</p><script>var x = 1;</script><div>Two<br>Three</div>\
                    <p><a href=\"/x\">Read more</a></p><!-- a comment --><p>Four &amp; five.</p>\
                    <p hidden>secret</p><p>Advertisement</p>";
        assert_eq!(
            fragment_paragraphs(html),
            ["One bold word.", "Two", "Three", "Four & five."]
        );
    }

    #[test]
    fn plain_text_is_split_on_blank_lines() {
        assert_eq!(fragment_paragraphs("One.\n\nTwo."), ["One.", "Two."]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let html = format!("{}deep text{}", "<span>".repeat(depth), "</span>".repeat(depth));
        let handle = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || fragment_paragraphs(&html))
            .unwrap();
        assert_eq!(handle.join().unwrap(), ["deep text"]);
    }
}
