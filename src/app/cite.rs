//! What `y`, `o` and `e` ask for, as plain data ([`Effect`]s the terminal
//! layer carries out): a quote, claim pair or article with its citation,
//! an article's web address, a comparison as Markdown.

use crate::corpus::Article;

use super::context::Ctx;
use super::nav::Outcome;

/// The default citation: the quote, then who, where, when and the address
/// (missing parts left out).
pub const DEFAULT_CITATION: &str = "\"{quote}\" — {cite}";

/// A side effect the app asks for; `tui.rs` performs it and says how it
/// went in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Copy `text` to the clipboard; `what` names it ("quote by Kell").
    Copy { text: String, what: String },
    /// Open an `http`/`https` address with the system opener.
    OpenUrl(String),
    /// Write `text` to a new file named after `stem` (`.md` added, `-1`,
    /// `-2` appended when taken) in the export folder.
    Export { stem: String, text: String },
}

/// Fills `template` (`{quote}`, `{speaker}`, `{outlet}`, `{date}`, `{url}`,
/// `{title}`, and `{cite}`: speaker, outlet, date and URL as far as known,
/// joined by commas).
pub fn citation(template: &str, quote: &str, speaker: Option<&str>, article: &Article) -> String {
    let outlet = article.source.as_deref();
    let date = article.published_display();
    let url = article.url.as_deref();
    let cite: Vec<&str> = [speaker, outlet, date, url].into_iter().flatten().collect();
    let quote: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = article.title.as_deref().unwrap_or(&article.id);
    template
        .replace("{quote}", &quote)
        .replace("{speaker}", speaker.unwrap_or(""))
        .replace("{outlet}", outlet.unwrap_or(""))
        .replace("{date}", date.unwrap_or(""))
        .replace("{url}", url.unwrap_or(""))
        .replace("{title}", title)
        .replace("{cite}", &cite.join(", "))
        .trim_end_matches([',', ' ', '—'])
        .to_string()
}

/// An article reference: `Title — Outlet, date, URL`.
pub fn reference(article: &Article) -> String {
    let title = article.title.as_deref().unwrap_or(&article.id);
    let rest: Vec<&str> = [
        article.source.as_deref(),
        article.published_display(),
        article.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if rest.is_empty() {
        title.to_string()
    } else {
        format!("{title} — {}", rest.join(", "))
    }
}

/// `y` on quote `quote` of article `article` (indices of the analysis).
pub fn copy_quote(ctx: &Ctx, article: usize, quote: usize) -> Outcome {
    let a = &ctx.corpus.articles[article];
    let Some(index) = ctx.index else {
        return copy_reference(a);
    };
    let Some(q) = index.speakers.analyses[article].quotes.get(quote) else {
        return copy_reference(a);
    };
    let speaker = index
        .speakers
        .speaker(article, quote)
        .map(|id| index.speakers.speakers[id].name.as_str());
    let what = match speaker {
        Some(name) => format!("quote by {name}"),
        None => "quote".to_string(),
    };
    Outcome::effect(Effect::Copy {
        text: citation(ctx.citation, q.text(&a.body), speaker, a),
        what,
    })
}

/// `y` on an article: its reference.
pub fn copy_reference(article: &Article) -> Outcome {
    Outcome::effect(Effect::Copy {
        text: reference(article),
        what: "article reference".into(),
    })
}

/// `o` on an article.
pub fn open_url(article: &Article) -> Outcome {
    match web_address(article) {
        Ok(url) => Outcome::effect(Effect::OpenUrl(url)),
        Err(why) => Outcome::notice(why),
    }
}

/// The chars `[start, end)` of `body`.
pub fn chars(body: &str, start: usize, end: usize) -> String {
    body.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// `o`: the article's address when it is a web address (`http`/`https`,
/// no spaces or control characters), else why not.
pub fn web_address(article: &Article) -> Result<String, String> {
    let Some(url) = article.url.as_deref().map(str::trim) else {
        return Err("this article has no web address".into());
    };
    let lower = url.to_ascii_lowercase();
    let web = (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if web {
        Ok(url.to_string())
    } else {
        Err(format!(
            "not a web address, not opened: {}",
            crate::escape::line(url)
        ))
    }
}

/// A file name stem from an article: its file name without extension,
/// else its title, as letters, digits and dashes.
pub fn stem(article: &Article) -> String {
    let base = article
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| article.title.clone())
        .unwrap_or_else(|| article.id.clone());
    let mut out = String::new();
    for c in base.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "article".into()
    } else {
        out.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: Some("Rail strike".into()),
            source: Some("Valley Wire".into()),
            url: Some("https://valleywire.example/rail".into()),
            path: "news/rail-valley-wire.txt".into(),
            ..Article::default()
        }
    }

    #[test]
    fn citations_leave_out_what_is_missing() {
        let a = article();
        assert_eq!(
            citation(DEFAULT_CITATION, "We  are\nready", Some("Kell"), &a),
            "\"We are ready\" — Kell, Valley Wire, https://valleywire.example/rail"
        );
        let bare = Article::default();
        assert_eq!(citation(DEFAULT_CITATION, "Yes", None, &bare), "\"Yes\"");
        assert_eq!(
            citation("{speaker}: {quote} ({title})", "Yes", Some("Kell"), &a),
            "Kell: Yes (Rail strike)"
        );
        assert_eq!(
            reference(&a),
            "Rail strike — Valley Wire, https://valleywire.example/rail"
        );
    }

    #[test]
    fn only_web_addresses_open() {
        let mut a = article();
        assert_eq!(web_address(&a).unwrap(), "https://valleywire.example/rail");
        for bad in [
            "-x",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://a b",
            "http://",
        ] {
            a.url = Some(bad.into());
            assert!(web_address(&a).is_err(), "{bad}");
        }
        a.url = None;
        assert!(web_address(&a).is_err());
        assert_eq!(stem(&article()), "rail-valley-wire");
    }
}
