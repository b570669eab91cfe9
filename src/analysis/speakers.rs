//! The corpus speaker index: attributions merged by person across
//! articles. "Kell", "Adaeze Kell" and "Israeli Prime Minister
//! Adaeze Kell" are one speaker; "Bill Clinton" and "Hillary
//! Clinton" are two, and a bare "Clinton" joins a full name only when
//! exactly one first name goes with that surname.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::model::{Analysis, QuoteKind};

/// One speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerEntry {
    /// The full name.
    pub name: String,
    /// Every other way the speaker was written.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// How many quotes (direct, partial and indirect) are attributed.
    pub quotes: usize,
    /// The ids of the articles quoting the speaker.
    pub articles: Vec<String>,
}

#[derive(Default)]
struct Group {
    forms: BTreeMap<String, usize>,
    aliases: BTreeSet<String>,
    roles: BTreeSet<String>,
    quotes: usize,
    articles: BTreeSet<String>,
}

/// Lowercase `(first, last)` of a full name, ignoring middle names and
/// initials; `None` for a single word.
fn key(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [first, .., last] => Some((first.to_lowercase(), last.to_lowercase())),
        _ => None,
    }
}

/// Merges the attributed speakers of analysed articles, most quoted first.
pub fn speakers<'a>(articles: impl IntoIterator<Item = (&'a str, &'a Analysis)>) -> Vec<SpeakerEntry> {
    let mut named: Vec<(&str, String, String, Option<String>)> = Vec::new();
    for (id, analysis) in articles {
        for q in &analysis.quotes {
            if q.kind == QuoteKind::Scare {
                continue;
            }
            let Some(a) = &q.attribution else { continue };
            let Some(name) = &a.name else { continue };
            named.push((id, name.clone(), a.speaker.clone(), a.role.clone()));
        }
    }
    // Surname (and first word) → the distinct (first, last) keys using it.
    let mut by_word: HashMap<String, BTreeSet<(String, String)>> = HashMap::new();
    for (_, name, _, _) in &named {
        if let Some(k) = key(name) {
            by_word.entry(k.1.clone()).or_default().insert(k.clone());
            by_word.entry(k.0.clone()).or_default().insert(k);
        }
    }
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for (id, name, written, role) in named {
        let k = key(&name).unwrap_or_else(|| {
            let lower = name.to_lowercase();
            match by_word.get(&lower) {
                Some(keys) if keys.len() == 1 => keys.iter().next().cloned().unwrap_or_default(),
                _ => (String::new(), lower),
            }
        });
        let g = groups.entry(k).or_default();
        *g.forms.entry(name.clone()).or_default() += 1;
        g.aliases.insert(name);
        if !matches!(written.to_lowercase().as_str(), "he" | "she" | "they") {
            g.aliases.insert(written);
        }
        // "Councillor; who leads the group" is two roles.
        for r in role.iter().flat_map(|r| r.split("; ")) {
            g.roles.insert(r.to_owned());
        }
        g.quotes += 1;
        g.articles.insert(id.to_owned());
    }
    let mut out: Vec<SpeakerEntry> = groups
        .into_values()
        .map(|g| {
            let name = g
                .forms
                .iter()
                .max_by_key(|(form, count)| (form.split_whitespace().count() > 1, **count, form.len()))
                .map(|(form, _)| form.clone())
                .unwrap_or_default();
            SpeakerEntry {
                aliases: g.aliases.into_iter().filter(|a| *a != name).collect(),
                name,
                roles: g.roles.into_iter().collect(),
                quotes: g.quotes,
                articles: g.articles.into_iter().collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_text;

    #[test]
    fn aliases_merge_across_articles_but_first_names_differ() {
        let a = analyze_text(
            "Prime Minister Arno Veld said: \"We will hold.\"\n\n\"Nothing changes,\" Veld said.\n\n\
             \"The bridge stays open,\" said Mira Veld, his sister.",
        );
        let b = analyze_text("\"We are ready,\" Veld told reporters.");
        let list = speakers([("a", &a), ("b", &b)]);
        let arno = list.iter().find(|s| s.name == "Arno Veld").expect("Arno Veld");
        assert_eq!(arno.quotes, 2, "{list:?}");
        assert!(arno.roles.contains(&"Prime Minister".to_owned()));
        let mira = list.iter().find(|s| s.name == "Mira Veld").expect("Mira Veld");
        assert_eq!(mira.quotes, 1);
        let c = analyze_text(
            "Mayor Ola Brisk, who runs the ferry board, spoke first.\n\n\
             \"We sail at dawn,\" said Ola Brisk, who runs the ferry board.",
        );
        let ferry = speakers([("c", &c)]);
        let ola = ferry.iter().find(|s| s.name == "Ola Brisk").expect("Ola Brisk");
        assert_eq!(ola.roles, ["Mayor", "who runs the ferry board"], "{ola:?}");
        assert!(ola.roles.iter().all(|r| !r.contains("; ")), "{ola:?}");
        assert!(ola.aliases.iter().all(|a| !a.starts_with("who ")), "{ola:?}");
        // Article b's bare "Veld" is ambiguous across the corpus: kept apart.
        assert!(
            list.iter().any(|s| s.name == "Veld" && s.articles == ["b"]),
            "{list:?}"
        );
    }
}
