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
/// digits only, without a leading "www." or "the".
pub fn fold(source: &str) -> String {
    let lower = source.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let lower = lower.strip_prefix("the ").unwrap_or(lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Rewrites every article's source to its outlet's one name: the alias
/// table's, else the spelling most articles use (the first seen on a tie).
pub fn normalize_outlets(articles: &mut [Article], aliases: &OutletAliases) {
    // Each source folded once; key → (spelling → (count, first index)).
    let keys: Vec<Option<String>> = articles.iter().map(|a| a.source.as_deref().map(fold)).collect();
    let mut spellings: HashMap<&str, HashMap<&str, (usize, usize)>> = HashMap::new();
    for (i, (a, key)) in articles.iter().zip(&keys).enumerate() {
        if let (Some(source), Some(key)) = (&a.source, key) {
            let entry = spellings.entry(key).or_default();
            entry.entry(source).or_insert((0, i)).0 += 1;
        }
    }
    // Nothing to fold and no alias: every outlet has one spelling already.
    if aliases.by_key.is_empty() && spellings.values().all(|names| names.len() == 1) {
        return;
    }
    let chosen: HashMap<String, String> = spellings
        .into_iter()
        .map(|(key, names)| {
            let best = names
                .into_iter()
                .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
                .map(|(name, _)| name.to_string())
                .unwrap_or_default();
            (key.to_string(), best)
        })
        .collect();
    for (a, key) in articles.iter_mut().zip(keys) {
        let (Some(source), Some(key)) = (&a.source, key) else {
            continue;
        };
        let name = match aliases.by_key.get(&key) {
            Some(name) => name,
            None => &chosen[&key],
        };
        if name != source {
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
