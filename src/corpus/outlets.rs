//! One outlet, one name: sources that differ only in case, punctuation or
//! spacing (`NYT`, `nyt`, `N.Y.T.`) are one outlet, shown under their most
//! used spelling; an alias table (the config's `[outlets]`:
//! `"nytimes.com" = "New York Times"`) names more. Done in the corpus
//! layer so the library, the stories and JSON all see one outlet.

use std::collections::{BTreeMap, HashMap};

use super::Article;

/// Outlet aliases: any spelling (folded) → the name to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutletAliases {
    by_key: HashMap<String, String>,
}

impl OutletAliases {
    /// From the config's `[outlets]` table: spelling → name. The name is
    /// an alias of itself too.
    pub fn new(table: &BTreeMap<String, String>) -> OutletAliases {
        let mut by_key = HashMap::new();
        for (spelling, name) in table {
            by_key.insert(fold(spelling), name.clone());
            by_key.insert(fold(name), name.clone());
        }
        OutletAliases { by_key }
    }
}

/// The key two spellings of one outlet share: lowercase letters and
/// digits only, without a leading "www." or "the"; a domain name
/// (`valleywire.example`, `www.nytimes.com`, `bbc.co.uk`) without its
/// top-level labels, so it folds like the outlet's name (`Valley Wire`).
pub fn fold(source: &str) -> String {
    let lower = source.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let lower = lower.strip_prefix("the ").unwrap_or(lower);
    // A domain keeps "the" in one word (`theguardian.com`): drop it too.
    let lower = match domain_name(lower) {
        Some(name) => name
            .strip_prefix("the")
            .filter(|rest| rest.len() >= 3)
            .unwrap_or(name),
        None => lower,
    };
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Generic second-level labels of country domains (`co.uk`, `com.au`).
const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "gov", "ac", "edu"];

/// A domain name without its top-level labels (`valleywire.example` →
/// `valleywire`); `None` for anything that is not a domain name (spaces,
/// an empty or non-alphabetic last label: `N.Y.T.`).
fn domain_name(s: &str) -> Option<&str> {
    if s.contains(char::is_whitespace) {
        return None;
    }
    let (rest, tld) = s.rsplit_once('.')?;
    if tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) || rest.is_empty() {
        return None;
    }
    let rest = match rest.rsplit_once('.') {
        Some((head, sld)) if SECOND_LEVEL.contains(&sld) && !head.is_empty() => head,
        _ => rest,
    };
    if rest.split('.').any(str::is_empty) {
        return None;
    }
    Some(rest)
}

/// A spelling that reads as a name, not a domain: preferred as the shown one.
fn is_name(source: &str) -> bool {
    domain_name(&source.trim().to_lowercase()).is_none()
}

/// How many articles use a spelling, and the first of them.
type Seen = (usize, usize);

/// Rewrites every article's source to its outlet's one name: the alias
/// table's, else the spelling most articles use (a name before a domain
/// name, the first seen on a tie).
pub fn normalize_outlets(articles: &mut [Article], aliases: &OutletAliases) {
    // Each spelling counted (and later folded) once: a big corpus has a
    // hundred thousand articles but few spellings.
    let mut counts: HashMap<&str, Seen> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(source) = &a.source {
            counts.entry(source).or_insert((0, i)).0 += 1;
        }
    }
    // key → (spelling → (count, first index)).
    let mut spellings: HashMap<String, Vec<(&str, Seen)>> = HashMap::new();
    for (&source, &seen) in &counts {
        spellings.entry(fold(source)).or_default().push((source, seen));
    }
    // Nothing to fold and no alias: every outlet has one spelling already.
    if aliases.by_key.is_empty() && spellings.values().all(|names| names.len() == 1) {
        return;
    }
    // The spellings that change → the outlet's one name.
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (key, names) in &spellings {
        let name = match aliases.by_key.get(key) {
            Some(name) => name.as_str(),
            None => names
                .iter()
                .max_by_key(|(name, (n, first))| (is_name(name), *n, std::cmp::Reverse(*first)))
                .map_or("", |(name, _)| name),
        };
        for (spelling, _) in names {
            if *spelling != name {
                renamed.insert(spelling.to_string(), name.to_string());
            }
        }
    }
    drop(spellings);
    drop(counts);
    for a in articles.iter_mut() {
        if let Some(name) = a.source.as_deref().and_then(|s| renamed.get(s)) {
            a.source = Some(name.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_sources(sources: &[&str]) -> Vec<Article> {
        sources
            .iter()
            .map(|s| Article {
                source: Some(s.to_string()),
                ..Article::default()
            })
            .collect()
    }

    fn sources(articles: &[Article]) -> Vec<&str> {
        articles.iter().map(|a| a.source.as_deref().unwrap()).collect()
    }

    #[test]
    fn case_and_punctuation_fold_to_the_most_used_spelling() {
        let mut articles = with_sources(&["nyt", "NYT", "N.Y.T.", "NYT", "The Guardian", "guardian"]);
        normalize_outlets(&mut articles, &OutletAliases::default());
        assert_eq!(
            sources(&articles),
            ["NYT", "NYT", "NYT", "NYT", "The Guardian", "The Guardian"]
        );
    }

    /// The demo corpus spells one outlet `Valley Wire` in one file and
    /// `valleywire.example` in another: one outlet, shown by its name.
    #[test]
    fn a_domain_folds_like_the_outlet_name() {
        let mut articles = with_sources(&[
            "valleywire.example",
            "Valley Wire",
            "www.bbc.co.uk",
            "BBC",
            "N.Y.T.",
        ]);
        normalize_outlets(&mut articles, &OutletAliases::default());
        assert_eq!(
            sources(&articles),
            ["Valley Wire", "Valley Wire", "BBC", "BBC", "N.Y.T."]
        );
        assert_eq!(fold("meridianpost.example"), fold("The Meridian Post"));
        assert_eq!(fold("N.Y.T."), "nyt");
        assert_ne!(fold("valleywire.example"), fold("Valley Post"));
        assert_eq!(fold("St. Louis Post"), "stlouispost");
        assert_eq!(fold("www.theguardian.com"), fold("The Guardian"));
        assert_eq!(fold("theverge.com"), fold("The Verge"));
    }

    #[test]
    fn aliases_name_other_spellings() {
        let table = BTreeMap::from([("nytimes.com".to_string(), "New York Times".to_string())]);
        let aliases = OutletAliases::new(&table);
        let mut articles = with_sources(&["nytimes.com", "NYTimes.com", "new york times", "BBC"]);
        normalize_outlets(&mut articles, &aliases);
        assert_eq!(
            sources(&articles),
            ["New York Times", "New York Times", "New York Times", "BBC"]
        );
    }
}
