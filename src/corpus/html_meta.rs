//! A saved page's metadata: JSON-LD (`NewsArticle` and its kin), Open
//! Graph, `<meta>` tags and the canonical link, in that order of trust.

use dom_query::Document;
use serde_json::Value;

use super::article::Fields;
use super::clean;

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

/// What a page says about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub fields: Fields,
    /// The JSON-LD `articleBody`, when the page gives one.
    pub article_body: Option<String>,
}

/// Reads a parsed page's metadata.
pub fn read(doc: &Document) -> PageMeta {
    let ld = json_ld(doc);
    let meta = |keys: &[&str]| meta_content(doc, keys);
    let ld_str = |key: &str| ld.as_ref().and_then(|v| v.get(key)).and_then(text_of);
    let title = ld_str("headline")
        .or_else(|| meta(&["og:title", "twitter:title", "title", "dc.title"]))
        .or_else(|| {
            let t = doc.select("title").text();
            clean::meta_value(&clean::fold_spaces(&t))
        });
    let source = ld
        .as_ref()
        .and_then(|v| v.get("publisher"))
        .and_then(text_of)
        .or_else(|| meta(&["og:site_name", "application-name", "publisher", "dc.publisher"]));
    let published = ld_str("datePublished").or_else(|| {
        meta(&[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "publish-date",
            "publish_date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ])
    });
    let authors = ld
        .as_ref()
        .and_then(|v| v.get("author"))
        .map(names_of)
        .filter(|a| !a.is_empty())
        .or_else(|| {
            meta(&["author", "article:author", "dc.creator", "byl", "parsely-author"])
                .map(|a| clean::split_authors(a.trim_start_matches("By ").trim_start_matches("by ")))
        })
        .unwrap_or_default();
    let url = canonical(doc)
        .or_else(|| meta(&["og:url", "twitter:url"]))
        .or_else(|| ld_str("url"))
        .or_else(|| {
            let main = ld.as_ref()?.get("mainEntityOfPage")?;
            main.get("@id").and_then(text_of).or_else(|| text_of(main))
        });
    let categories = ld
        .as_ref()
        .and_then(|v| v.get("articleSection"))
        .map(names_of)
        .filter(|c| !c.is_empty())
        .or_else(|| meta(&["article:section"]).map(|s| vec![s]))
        .unwrap_or_default();
    let article_body = ld_str("articleBody");
    PageMeta {
        fields: Fields {
            title,
            source,
            published,
            authors,
            url,
            categories,
            ..Fields::default()
        },
        article_body,
    }
}

/// The first `<meta>` whose `property`, `name` or `itemprop` (or
/// `http-equiv`) is one of `keys` (compared ignoring case), by key order.
fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    let metas = doc.select("meta");
    let nodes: Vec<_> = metas.nodes().to_vec();
    keys.iter().find_map(|key| {
        nodes.iter().find_map(|m| {
            let named = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .any(|a| m.attr(a).is_some_and(|v| v.trim().eq_ignore_ascii_case(key)));
            if !named {
                return None;
            }
            let content = m.attr("content").or_else(|| m.attr("datetime"))?;
            clean::meta_value(&clean::fold_spaces(&content))
        })
    })
}

fn canonical(doc: &Document) -> Option<String> {
    doc.select("link[rel]")
        .nodes()
        .iter()
        .find(|l| {
            l.attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("canonical")))
        })
        .and_then(|l| l.attr("href"))
        .and_then(|h| clean::meta_value(h.trim()))
}

/// The first JSON-LD object that is an article (inside arrays and
/// `@graph` lists too).
fn json_ld(doc: &Document) -> Option<Value> {
    for script in doc.select("script").nodes() {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        // Breadth-first over arrays and @graph, without recursion.
        let mut queue = std::collections::VecDeque::from([value]);
        while let Some(v) = queue.pop_front() {
            match v {
                Value::Array(items) => queue.extend(items),
                Value::Object(mut obj) => {
                    if is_article(obj.get("@type")) {
                        return Some(Value::Object(obj));
                    }
                    if let Some(graph) = obj.remove("@graph") {
                        queue.push_back(graph);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn is_article(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| is_article(Some(k))),
        _ => false,
    }
}

/// A string, or an object's `name`, as one clean line.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => clean::meta_value(&clean::fold_spaces(s)),
        Value::Object(o) => o.get("name").and_then(text_of),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// Names from a string, an object with `name`, or a list of either.
fn names_of(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}
