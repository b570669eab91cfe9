//! Surnames quoted alone, completed from the corpus: "Clapper" is quoted
//! in articles that only ever say "Mr. Clapper", while another article
//! names "James R. Clapper". When the corpus names exactly one person with
//! that surname, the speaker takes the full name and the surname becomes an
//! alias (two people with one surname leave it as it is).

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use super::lexicon::{self, FastSet};
use super::speakers::{SpeakerEntry, key, speaker_kind};

/// The surnames looked for, and the bytes they start with.
struct Wanted<'a> {
    names: FastSet<&'a str>,
    starts: [bool; 256],
}

/// Surname → full name → how often it is written.
type Found = HashMap<String, BTreeMap<String, usize>>;

/// Full names ("Given [I.] Surname") written in `body` for the surnames
/// of `wanted`, with how often each is written.
fn full_names(body: &str, wanted: &Wanted, found: &mut Found) {
    let words: Vec<&str> = body.split_whitespace().collect();
    for (i, raw) in words.iter().enumerate() {
        // Most words cannot be one: their first byte starts no surname.
        if !raw
            .as_bytes()
            .first()
            .is_some_and(|&b| wanted.starts[usize::from(b)])
        {
            continue;
        }
        let surname = raw
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s");
        if i == 0 || !wanted.names.contains(surname) {
            continue;
        }
        let mut j = i - 1;
        let initial = |w: &str| {
            let mut c = w.chars();
            matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
        };
        let mut middle = None;
        if initial(words[j]) && j > 0 {
            middle = Some(words[j]);
            j -= 1;
        }
        let given = words[j];
        let lower = given.to_lowercase();
        let mut chars = given.chars();
        let name_like = chars.next().is_some_and(char::is_uppercase)
            && given.chars().count() >= 2
            && given.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && given.chars().any(char::is_lowercase);
        if !name_like
            || lexicon::is_capital_stop(&lower)
            || lexicon::is_title_word(&lower)
            || lexicon::is_org_word(&lower)
            // "Monday Tarrow", "March Tarrow"; "Jan" is a given name here.
            || (lower.len() > 3 && lexicon::is_date_word(&lower))
        {
            continue;
        }
        let full = match middle {
            Some(m) => format!("{given} {m} {surname}"),
            None => format!("{given} {surname}"),
        };
        *found
            .entry(surname.to_owned())
            .or_default()
            .entry(full)
            .or_default() += 1;
    }
}

/// Gives each one-word person speaker the full name the corpus writes for
/// that surname, when it writes exactly one person's (one given name, with
/// or without a middle initial) and no other speaker already has it; the
/// surname becomes an alias. Keeps the list's order rule (most quoted
/// first, then by name).
pub fn complete_surnames<'a>(entries: &mut Vec<SpeakerEntry>, bodies: impl ParallelIterator<Item = &'a str>) {
    let known: HashMap<(String, String), usize> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((key(&e.name)?, i)))
        .collect();
    let names: FastSet<&str> = entries
        .iter()
        .filter(|e| !e.name.contains(char::is_whitespace) && speaker_kind(&e.name) == "person")
        .map(|e| e.name.as_str())
        .collect();
    if names.is_empty() {
        return;
    }
    let mut starts = [false; 256];
    for name in &names {
        if let Some(&b) = name.as_bytes().first() {
            starts[usize::from(b)] = true;
        }
    }
    let wanted = Wanted { names, starts };
    // Every body read on every core; the counts added up (the same
    // whatever the split).
    let found: Found = bodies
        .fold(Found::new, |mut found, body| {
            full_names(body, &wanted, &mut found);
            found
        })
        .reduce(Found::new, |mut all, part| {
            for (surname, forms) in part {
                let into = all.entry(surname).or_default();
                for (form, n) in forms {
                    *into.entry(form).or_default() += n;
                }
            }
            all
        });
    let mut renamed = false;
    // (surname entry, the full name's entry): "Hoyer" quoted alone while
    // "Steny Hoyer" is quoted too, but kept apart by a second, broken name.
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (i, e) in entries.iter_mut().enumerate() {
        let Some(forms) = found.get(e.name.as_str()) else {
            continue;
        };
        let keys: HashSet<(String, String)> = forms.keys().filter_map(|f| key(f)).collect();
        if keys.len() != 1 {
            continue;
        }
        if let Some(&to) = keys.iter().next().and_then(|k| known.get(k)) {
            joins.push((i, to));
            continue;
        }
        let Some((full, _)) = forms.iter().max_by_key(|(f, n)| (**n, f.len())) else {
            continue;
        };
        let surname = std::mem::replace(&mut e.name, full.clone());
        e.aliases.retain(|a| *a != e.name);
        if !e.aliases.contains(&surname) {
            e.aliases.push(surname);
            e.aliases.sort();
        }
        e.speaker_kind = speaker_kind(&e.name);
        renamed = true;
    }
    for &(from, to) in &joins {
        let surname = entries[from].clone();
        let into = &mut entries[to];
        into.quotes += surname.quotes;
        into.articles = into.articles.union(&surname.articles);
        for alias in surname.aliases.into_iter().chain([surname.name]) {
            if alias != into.name && !into.aliases.contains(&alias) {
                into.aliases.push(alias);
            }
        }
        into.aliases.sort();
        for role in surname.roles {
            if !into.roles.contains(&role) {
                into.roles.push(role);
            }
        }
        into.roles.sort();
    }
    if !joins.is_empty() {
        let gone: HashSet<usize> = joins.iter().map(|&(from, _)| from).collect();
        let mut i = 0;
        entries.retain(|_| {
            i += 1;
            !gone.contains(&(i - 1))
        });
        renamed = true;
    }
    if renamed {
        entries.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_text;

    fn entries(bodies: &[&str]) -> Vec<SpeakerEntry> {
        let analyses: Vec<_> = bodies.iter().map(|b| analyze_text(b)).collect();
        let ids: Vec<String> = (0..bodies.len()).map(|i| format!("a{i}")).collect();
        let mut out = super::super::speakers(ids.iter().map(String::as_str).zip(&analyses));
        complete_surnames(&mut out, bodies.par_iter().copied());
        out
    }

    #[test]
    fn a_surname_quoted_alone_takes_the_one_full_name_the_corpus_writes() {
        let out = entries(&[
            "\"The reservoir is nearly dry,\" Mr. Tarrow said on Monday.",
            "The regional water chief, Odile M. Tarrow, visited the dam. Ms. Osk stayed home.",
        ]);
        let e = out
            .iter()
            .find(|e| e.name.ends_with("Tarrow"))
            .expect("Tarrow quoted");
        assert_eq!(e.name, "Odile M. Tarrow");
        assert!(e.aliases.iter().any(|a| a == "Tarrow"), "{:?}", e.aliases);
        assert_eq!(e.speaker_kind, "person");
    }

    #[test]
    fn a_given_name_that_is_also_a_month_abbreviation_is_a_given_name() {
        let out = entries(&[
            "\"We will appeal,\" Ms. Tarrow said.",
            "Gov. Jan Tarrow toured the farm on Jan. 5.",
        ]);
        assert!(out.iter().any(|e| e.name == "Jan Tarrow"), "{out:?}");
    }

    #[test]
    fn a_surname_quoted_alone_joins_the_quoted_full_name_the_corpus_writes() {
        let mut out = entries(&[
            "\"We will appeal,\" Councillor Odile Tarrow said.",
            "\"Not yet,\" Tarrow said.",
        ]);
        // As if the merge had kept them apart (a second, broken name).
        if out.len() == 1 {
            let mut alone = out[0].clone();
            alone.name = "Tarrow".into();
            alone.aliases.clear();
            out[0].quotes = 1;
            alone.quotes = 1;
            out.push(alone);
        }
        complete_surnames(&mut out, ["Odile Tarrow farms near the dam."].into_par_iter());
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].name, "Odile Tarrow");
        assert_eq!(out[0].quotes, 2);
        assert!(out[0].aliases.iter().any(|a| a == "Tarrow"), "{out:?}");
    }

    #[test]
    fn two_people_with_the_surname_leave_it_alone() {
        let out = entries(&[
            "\"We will appeal,\" Mr. Tarrow said.",
            "Odile Tarrow and her brother Piet Tarrow run the farm.",
        ]);
        assert!(out.iter().any(|e| e.name == "Tarrow"), "{out:?}");
    }

    #[test]
    fn sentence_openers_and_titles_are_not_given_names() {
        let out = entries(&[
            "\"We will appeal,\" Mr. Tarrow said.",
            "But Tarrow did not answer. Councillor Tarrow left early. On Monday Tarrow spoke.",
        ]);
        assert!(out.iter().any(|e| e.name == "Tarrow"), "{out:?}");
    }
}
