//! The corpus speaker index: attributions merged by person across
//! articles. "Kell", "Adaeze Kell" and "Israeli Prime Minister
//! Adaeze Kell" are one speaker; "Bill Clinton" and "Hillary
//! Clinton" are two. A bare surname joins a full name when the corpus
//! holds exactly one first name with that surname, or one that is quoted
//! far more than every other (dominant); common nicknames ("Dave Brill",
//! "David Brill") are one person.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::model::{Analysis, QuoteKind};

/// One speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerEntry {
    /// The canonical full name.
    pub name: String,
    /// `person`, `organisation`, `outlet` or `document` (see [`speaker_kind`]).
    pub speaker_kind: &'static str,
    /// Every other way the speaker was written.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// How many quotes (direct, partial and indirect) are attributed.
    pub quotes: usize,
    /// The ids of the articles quoting the speaker (sorted, each once).
    pub articles: super::ArticleIds,
}

/// One speaker while the corpus is merged: everything borrowed from the
/// analyses (or the table of trimmed names), so merging a million quotes
/// copies no string.
#[derive(Default)]
struct Group<'a> {
    forms: BTreeMap<&'a str, usize>,
    aliases: BTreeSet<&'a str>,
    roles: BTreeSet<&'a str>,
    quotes: usize,
    /// Positions in the index's table of article ids, in corpus order,
    /// each article once in a row; sorted by id at the end.
    articles: Vec<u32>,
}

/// A quoted surname joins the one full name with that surname quoted at
/// least this many times as often as all others together.
const DOMINANT: usize = 4;

/// Lowercase `(first, last)` of a full name, ignoring middle names and
/// initials, the first name folded to its formal form ("Dave" → "david");
/// `None` for a single word.
pub(super) fn key(name: &str) -> Option<(String, String)> {
    // "Mr. Paul", "Sen. Rand Paul": titles are not first names.
    let words: Vec<&str> = name
        .split_whitespace()
        .skip_while(|w| {
            let l = w.trim_end_matches('.').to_lowercase();
            // An abbreviation has its full stop: "Jan." is January, "Jan" a name.
            super::lexicon::is_title_word(&l) || (w.ends_with('.') && super::lexicon::is_title_abbrev(&l))
        })
        .collect();
    match words.as_slice() {
        // "O’Neill" and "O'Neill" are one surname.
        [first, .., last] => Some((
            formal(&first.to_lowercase()).to_owned(),
            last.to_lowercase().replace('\u{2019}', "'"),
        )),
        _ => None,
    }
}

/// The formal given name of a common nickname ("bob" → "robert").
fn formal(first: &str) -> &str {
    match first {
        "dave" => "david",
        "bob" | "bobby" | "rob" | "robbie" => "robert",
        "bill" | "billy" | "will" | "willie" => "william",
        "mike" | "mick" => "michael",
        "jim" | "jimmy" | "jamie" => "james",
        "joe" | "joey" => "joseph",
        "tom" | "tommy" => "thomas",
        "chris" => "christopher",
        "dan" | "danny" => "daniel",
        "ben" => "benjamin",
        "sam" => "samuel",
        "steve" => "steven",
        "rick" | "dick" | "rich" => "richard",
        "chuck" | "charlie" => "charles",
        "tony" => "anthony",
        "tim" => "timothy",
        "matt" => "matthew",
        "nick" => "nicholas",
        "andy" | "drew" => "andrew",
        "pete" => "peter",
        "jeff" => "jeffrey",
        "greg" => "gregory",
        "ed" | "eddie" | "ted" | "ned" => "edward",
        "alex" => "alexander",
        "kate" | "katie" | "kathy" | "cathy" => "katherine",
        "liz" | "beth" | "betsy" | "lizzie" => "elizabeth",
        "sue" | "suzy" => "susan",
        "jen" | "jenny" => "jennifer",
        "pat" | "patty" => "patricia",
        "maggie" | "meg" | "peggy" => "margaret",
        _ => first,
    }
}

/// Drops words before a known given name in a longer name: "Pro Tem
/// David Long" is "David Long".
fn trim_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Rafe Tollan HCAC": a person's name, then an acronym run into it (a
    // headline's event or outlet), is the person.
    let acronym = |w: &str| w.chars().count() >= 3 && w.chars().all(|c| c.is_ascii_uppercase());
    if words.len() >= 3
        && words.last().is_some_and(|w| acronym(w))
        && words[..words.len() - 1].iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
        })
        && speaker_kind(&words[..words.len() - 1].join(" ")) == "person"
    {
        words.pop();
    }
    if words.len() >= 3
        && let Some(i) = (1..words.len() - 1).find(|&i| {
            let w = words[i].to_lowercase();
            super::coref::given_gender(&w).is_some() || formal(&w) != w
        })
        && words[..i].iter().all(|w| {
            let l = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && super::coref::given_gender(&l).is_none()
                && formal(&l) == l
        })
    {
        return words[i..].join(" ");
    }
    words.join(" ")
}

/// What kind of source a name is: an `outlet` ("the Coastal Ledger"), a
/// `document` ("the survey"), an `organisation` ("Harbour Bakery") or a
/// `person`. Groups ("Police") have no name and are not listed.
pub fn speaker_kind(name: &str) -> &'static str {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&[
        "times",
        "post",
        "news",
        "journal",
        "gazette",
        "herald",
        "tribune",
        "ledger",
        "weekly",
        "daily",
        "magazine",
        "wire",
        "cnn",
        "msnbc",
        "fox",
        "npr",
        "reuters",
        "politico",
        "breitbart",
        "abc",
        "cbs",
        "nbc",
        "bbc",
        "radio",
        "television",
        "newspaper",
        "outlet",
        "press",
        "hotline",
        "blog",
        "podcast",
        "show",
        "channel",
        "examiner",
        "chronicle",
        "courier",
        "observer",
        "monitor",
    ]) {
        "outlet"
    } else if has(&[
        "report",
        "survey",
        "poll",
        "memo",
        "letter",
        "study",
        "statement",
        "complaint",
        "filing",
        "document",
        "documents",
        "analysis",
        "audit",
        "briefing",
        "schedule",
        "website",
        "records",
        "data",
        "figures",
    ]) {
        "document"
    } else if words.iter().any(|w| super::lexicon::is_org_word(w) || w == "for")
        || words.len() == 1 && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    {
        "organisation"
    } else {
        "person"
    }
}

/// Merges the attributed speakers of analysed articles, most quoted first.
///
/// Two passes over the quotes, so no list of every attributed quote is
/// held: the first counts each name as written, the second adds each
/// quote to its speaker. Names are trimmed and keyed once per distinct
/// name.
pub fn speakers<'a>(articles: impl IntoIterator<Item = (&'a str, &'a Analysis)>) -> Vec<SpeakerEntry> {
    let articles: Vec<(&'a str, &'a Analysis)> = articles.into_iter().collect();
    // One table of article ids that every speaker's list points into.
    let table = std::sync::Arc::new(super::IdTable::new(articles.iter().map(|&(id, _)| id)));
    // Every attributed, resolved quote as (article position, name, as
    // written, role).
    let named = || {
        articles.iter().enumerate().flat_map(|(at, &(_, analysis))| {
            let id = u32::try_from(at).unwrap_or(u32::MAX);
            analysis.quotes.iter().filter_map(move |q| {
                if q.kind == QuoteKind::Scare {
                    return None;
                }
                let a = q.attribution.as_ref()?;
                let name = a.name.as_deref()?;
                Some((id, name, a.speaker.as_str(), a.role.as_deref()))
            })
        })
    };
    // Each distinct name: how often it is quoted, trimmed once.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, name, _, _) in named() {
        *seen.entry(name).or_default() += 1;
    }
    let trimmed: HashMap<&str, (String, usize)> = seen
        .into_iter()
        .map(|(name, n)| (name, (trim_name(name), n)))
        .collect();
    // Surname (and first word) → the distinct (first, last) keys using it,
    // with how often each is quoted.
    let mut by_word: HashMap<String, BTreeMap<(String, String), usize>> = HashMap::new();
    // A bare word is a surname first ("Paul" of "Rand Paul"), a given name
    // only when no full name ends with it ("Hillary").
    let mut by_first: HashMap<String, BTreeMap<(String, String), usize>> = HashMap::new();
    for (name, n) in trimmed.values() {
        if let Some(k) = key(name) {
            *by_word
                .entry(k.1.clone())
                .or_default()
                .entry(k.clone())
                .or_default() += n;
            *by_first.entry(k.0.clone()).or_default().entry(k).or_default() += n;
        }
    }
    // Each distinct name as written: its trimmed form and its speaker's key.
    let keyed: HashMap<&str, (&str, (String, String))> = trimmed
        .iter()
        .map(|(&written, (name, _))| {
            let k = key(name).unwrap_or_else(|| {
                let lower = name.to_lowercase().replace('\u{2019}', "'");
                by_word
                    .get(&lower)
                    .or_else(|| by_first.get(&lower))
                    .and_then(dominant)
                    .unwrap_or((String::new(), lower))
            });
            (written, (name.as_str(), k))
        })
        .collect();
    let mut groups: BTreeMap<&(String, String), Group> = BTreeMap::new();
    for (id, raw, written, role) in named() {
        let Some((name, k)) = keyed.get(raw) else { continue };
        let g = groups.entry(k).or_default();
        *g.forms.entry(name).or_default() += 1;
        g.aliases.insert(name);
        if !matches!(written.to_lowercase().as_str(), "he" | "she" | "they") {
            g.aliases.insert(written);
        }
        // "Councillor; chair of the group" is two roles, each already a
        // noun phrase ([`clean_role`], at analysis).
        for r in role.iter().flat_map(|r| r.split("; ")) {
            g.roles.insert(r);
        }
        g.quotes += 1;
        if g.articles.last() != Some(&id) {
            g.articles.push(id);
        }
    }
    let mut out: Vec<SpeakerEntry> = groups
        .into_values()
        .map(|g| {
            let name = g
                .forms
                .iter()
                .max_by_key(|(form, count)| (form.split_whitespace().count() > 1, **count, form.len()))
                .map(|(form, _)| (*form).to_owned())
                .unwrap_or_default();
            SpeakerEntry {
                speaker_kind: speaker_kind(&name),
                aliases: g
                    .aliases
                    .into_iter()
                    .filter(|a| *a != name)
                    .map(str::to_owned)
                    .collect(),
                name,
                roles: g.roles.into_iter().map(str::to_owned).collect(),
                quotes: g.quotes,
                articles: super::ArticleIds::sorted(table.clone(), g.articles),
            }
        })
        .collect();
    out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    out
}

/// An attribution's role as every screen shows it: of its parts
/// ("Councillor; who leads the group" is two), those that are noun
/// phrases, each as [`role_as_noun_phrase`] gives it, joined with "; ";
/// none when no part is a noun phrase.
pub(crate) fn clean_role(role: &str) -> Option<String> {
    let roles: Vec<String> = role
        .split("; ")
        .map(role_as_noun_phrase)
        .filter(|r| noun_phrase_role(r))
        .collect();
    (!roles.is_empty()).then(|| roles.join("; "))
}

/// A relative clause that names a position, as the position: "who chairs
/// the Rail Forum" is "chair of the Rail Forum". Any other role as it is
/// (other clauses are then refused by [`noun_phrase_role`]).
fn role_as_noun_phrase(role: &str) -> String {
    let mut words = role.split_whitespace();
    if words.next() != Some("who") {
        return head_before_clause(role).to_owned();
    }
    let verb = words.next().unwrap_or_default();
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        return role.to_owned();
    }
    let noun = match verb {
        "chairs" | "chaired" => "chair of",
        "leads" | "led" => "leader of",
        "heads" | "headed" => "head of",
        "directs" | "directed" => "director of",
        "founded" => "founder of",
        "owns" | "owned" => "owner of",
        "manages" | "managed" => "manager of",
        "represents" | "represented" => "representative of",
        _ => return role.to_owned(),
    };
    format!("{noun} {}", rest.join(" "))
}

/// A role that runs on into a relative clause, cut before it: "a former
/// Democrat who won the mayoralty in 2001" is "a former Democrat".
fn head_before_clause(role: &str) -> &str {
    let cut = [" who ", " whom ", " whose ", " which "]
        .iter()
        .filter_map(|clause| role.find(clause))
        .min();
    match cut {
        Some(i) => role[..i].trim_end_matches([',', ';', ' ']),
        None => role,
    }
}

/// Whether a role is a noun phrase ("Senate Majority Leader", "a port
/// spokeswoman"), not a clause or an adverbial caught beside the name
/// ("in the Rose Garden", "24 hours from his deadline", "briefing
/// reporters", "who runs the ferry board", "if last year's", "allies of
/// Mr.", "the ire of Justice", "a statement from Senate Leader").
fn noun_phrase_role(role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let lower = first.to_lowercase();
    let second = words.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
    let last = words
        .last()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .unwrap_or_default();
    let adverbial = matches!(
        lower.as_str(),
        "in" | "at"
            | "on"
            | "during"
            | "after"
            | "before"
            | "from"
            | "with"
            | "by"
            | "to"
            | "as"
            | "while"
            | "when"
            | "of"
            | "speaking"
            | "allies"
            | "aides"
    );
    let participle = lower.ends_with("ing") && !first.chars().next().is_some_and(char::is_uppercase);
    let number = first.chars().next().is_some_and(|c| c.is_ascii_digit());
    let speech = lower == "who" && super::lexicon::cue_verb(&second);
    let dangling_title = words.len() > 1 && super::lexicon::is_title_abbrev(&last);
    // A relative or subordinate clause ("who runs ...", "if last year's").
    let clause = matches!(
        lower.as_str(),
        "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "if"
            | "because"
            | "although"
            | "though"
            | "since"
            | "unless"
            | "whether"
            | "where"
    );
    // "the ire of Justice", "a statement from Senate Majority Leader": a
    // phrase ending in the title that stood before the name.
    let phrase_of_title = matches!(lower.as_str(), "the" | "a" | "an")
        && super::lexicon::is_title_word(&last)
        && words
            .iter()
            .rposition(|w| matches!(*w, "of" | "from"))
            .is_some_and(|i| {
                words[i + 1..]
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            });
    !(adverbial || participle || number || speech || dangling_title || clause || phrase_of_title)
}

/// The one full name a bare surname stands for: the only one, or one
/// quoted [`DOMINANT`] times as often as all others together.
fn dominant(keys: &BTreeMap<(String, String), usize>) -> Option<(String, String)> {
    let total: usize = keys.values().sum();
    let (k, &n) = keys.iter().max_by_key(|(_, n)| **n)?;
    (keys.len() == 1 || n >= DOMINANT * (total - n)).then(|| k.clone())
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
        // "who runs the ferry board" describes her, but is no position.
        assert_eq!(ola.roles, ["Mayor"], "{ola:?}");
        let d =
            analyze_text("\"The line reopens in May,\" said Tove Ringdal, who chairs the Coast Rail Forum.");
        let forum = speakers([("d", &d)]);
        let tove = forum
            .iter()
            .find(|s| s.name == "Tove Ringdal")
            .expect("Tove Ringdal");
        assert_eq!(tove.roles, ["chair of the Coast Rail Forum"], "{forum:?}");
        assert!(ola.roles.iter().all(|r| !r.contains("; ")), "{ola:?}");
        assert!(ola.aliases.iter().all(|a| !a.starts_with("who ")), "{ola:?}");
        // Article b's bare "Veld" is ambiguous across the corpus: kept apart.
        assert!(
            list.iter().any(|s| s.name == "Veld" && s.articles == ["b"]),
            "{list:?}"
        );
    }
}

#[cfg(test)]
mod identity_tests {
    use super::*;
    use crate::analysis::analyze_text;

    #[test]
    fn one_person_under_three_names_two_people_with_one_surname_and_a_nickname() {
        let a = analyze_text(
            "Harbour Mayor Dora Quint said the pier would reopen in May.\n\n\
             \"We will not wait,\" said Arno Veld, who runs the ferry line.\n\n\
             \"The bridge stays open,\" said Mira Veld, his sister.",
        );
        let b = analyze_text(
            "\"The budget holds,\" Quint told reporters.\n\n\
             \"Nobody asked us,\" said Dave Brill, a fisherman.",
        );
        let c = analyze_text(
            "Mayor Quint said the tunnel was safe.\n\n\
             David Brill said the nets were empty.\n\n\
             \"It was close,\" Veld said.\n\n\
             The Coastal Ledger reported that the ferry was late.",
        );
        let list = speakers([("a", &a), ("b", &b), ("c", &c)]);
        let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
        let dora = list.iter().find(|s| s.name == "Dora Quint").expect("Dora Quint");
        assert_eq!(dora.quotes, 3, "{list:#?}");
        assert_eq!(dora.articles, ["a", "b", "c"]);
        let brill = list.iter().find(|s| s.name.ends_with("Brill")).expect("Brill");
        assert_eq!(brill.quotes, 2, "{list:#?}");
        assert!(!names.contains(&"Quint"), "{names:?}");
        // Two Velds, each quoted once: a bare "Veld" joins neither.
        assert!(
            names.contains(&"Arno Veld") && names.contains(&"Mira Veld"),
            "{names:?}"
        );
        assert!(names.contains(&"Veld"), "{names:?}");
        assert!(
            list.iter()
                .all(|s| s.speaker_kind == "person" || s.name == "Coastal Ledger")
        );
        let ledger = list
            .iter()
            .find(|s| s.name.contains("Coastal Ledger"))
            .expect("the outlet");
        assert_eq!(ledger.speaker_kind, "outlet");
    }

    #[test]
    fn a_dominant_full_name_takes_the_bare_surname_and_titles_are_trimmed() {
        let mut keys = BTreeMap::new();
        keys.insert(("rowan".to_owned(), "tull".to_owned()), 9);
        keys.insert(("ava".to_owned(), "tull".to_owned()), 2);
        assert_eq!(dominant(&keys), Some(("rowan".to_owned(), "tull".to_owned())));
        keys.insert(("ava".to_owned(), "tull".to_owned()), 3);
        assert_eq!(dominant(&keys), None);
        assert_eq!(trim_name("Pro Tem David Long"), "David Long");
        assert_eq!(trim_name("Mary Ann Tull"), "Mary Ann Tull");
        assert_eq!(speaker_kind("the survey"), "document");
        for clause in [
            "in the Plaza",
            "36 hours from his deadline",
            "briefing reporters",
            "who added that",
            "aides of Mr.",
            "who runs the ferry board",
            "If last year's",
            "the ire of Justice",
            "a statement from Senate Majority Leader",
            "of Westmoor",
        ] {
            assert!(!noun_phrase_role(clause), "{clause}");
        }
        assert_eq!(
            role_as_noun_phrase("a former Democrat who won the mayoralty as an independent in 2009"),
            "a former Democrat"
        );
        assert_eq!(
            role_as_noun_phrase("the harbour master, whose office faces the pier"),
            "the harbour master"
        );
        assert_eq!(role_as_noun_phrase("a port spokeswoman"), "a port spokeswoman");
        assert_eq!(
            role_as_noun_phrase("who chairs the Rail Forum"),
            "chair of the Rail Forum"
        );
        for role in [
            "Harbour Master",
            "a port spokeswoman",
            "the leader of the Harbour Party",
            "Secretary of State",
            "Sen.",
        ] {
            assert!(noun_phrase_role(role), "{role}");
        }
        assert_eq!(speaker_kind("Harbour Bakery"), "organisation");
    }

    #[test]
    fn each_quote_carries_its_role_as_a_noun_phrase() {
        let a = analyze_text(
            "\u{201c}The pier stays shut,\u{201d} said Odile Marsh, a former harbour master who ran \
             the port for a decade.\n\n\u{201c}We will rebuild,\u{201d} said Ansel Brook of Westmoor.\n\n\
             \u{201c}It is settled,\u{201d} said Ivo Tamm, who chairs the Pier Trust.",
        );
        let roles: Vec<(&str, Option<&str>)> = a
            .quotes
            .iter()
            .filter_map(|q| q.attribution.as_ref())
            .map(|at| (at.speaker.as_str(), at.role.as_deref()))
            .collect();
        assert_eq!(
            roles,
            [
                ("Odile Marsh", Some("a former harbour master")),
                ("Ansel Brook", None),
                ("Ivo Tamm", Some("chair of the Pier Trust")),
            ]
        );
    }

    #[test]
    fn junk_speakers_become_names_or_nothing() {
        let names = |body: &str| -> Vec<(String, &'static str)> {
            let a = analyze_text(body);
            speakers([("a", &a)])
                .into_iter()
                .map(|s| (s.name, s.speaker_kind))
                .collect()
        };
        // A clause opener is no part of the name.
        let list = names(
            "As word of Harbour Trust\u{2019}s plan spread, the trust issued a statement saying it \
             would not sell the pier.",
        );
        assert!(list.iter().all(|(n, _)| !n.starts_with("As ")), "{list:?}");
        // A middle initial keeps the surname.
        let list = names(
            "Former Senator Odile K. Marsh, Democrat of Westmoor, said the vote was early.\n\n\
             She said the delay would help nobody.",
        );
        assert!(list.iter().all(|(n, _)| n == "Odile K. Marsh"), "{list:?}");
        // A plural title and a clerical title are titles.
        let list = names("Justices Varga and Elin Dorsey said the lower court had erred.");
        assert!(list.iter().all(|(n, _)| !n.starts_with("Justices")), "{list:?}");
        let list = names("\u{201c}The poor come first,\u{201d} said Father Anselm Roke.");
        assert_eq!(list, [("Anselm Roke".to_owned(), "person")]);
        // An organisation named with "for" stays whole.
        let list = names("\u{201c}This is cowardice,\u{201d} said Justice for Westmoor, a campaign group.");
        assert!(
            list.iter()
                .any(|(n, k)| n == "Justice for Westmoor" && *k == "organisation"),
            "{list:?}"
        );
        // A place after a spokesman is where the office is, not a speaker.
        let list = names("A spokesman for the prosecutor in Carrowby said he could not comment.");
        assert!(list.iter().all(|(n, _)| n != "Carrowby"), "{list:?}");
        // A group named by its organisation has no name.
        let list = names("Ministry officials cited the old rules, insisting the levy was legal.");
        assert!(list.iter().all(|(n, _)| n != "Ministry"), "{list:?}");
        // A show is an outlet.
        assert_eq!(speaker_kind("Harbour Hotline"), "outlet");
        // An acronym run into a person's name is dropped.
        assert_eq!(trim_name("Rafe Tollan HCAC"), "Rafe Tollan");
        assert_eq!(trim_name("Harbour Bank NHS"), "Harbour Bank NHS");
    }

    #[test]
    fn a_bare_word_is_a_surname_before_a_given_name_and_apostrophes_fold() {
        let a = analyze_text(
            "\u{201c}We wait,\u{201d} said Senator Lorne Paul.\n\n\
             \u{201c}We move,\u{201d} said Paul Idris.\n\n\u{201c}Still waiting,\u{201d} Paul said.",
        );
        let b = analyze_text(
            "\u{201c}The tide is late,\u{201d} said Tessa O\u{2019}Neill.\n\n\
             \u{201c}It is,\u{201d} said Tessa O'Neill.",
        );
        let list = speakers([("a", &a), ("b", &b)]);
        let lorne = list.iter().find(|s| s.name == "Lorne Paul").expect("Lorne Paul");
        assert_eq!(lorne.quotes, 2, "{list:#?}");
        assert_eq!(
            list.iter().filter(|s| s.name.contains("Neill")).count(),
            1,
            "{list:#?}"
        );
    }
}
