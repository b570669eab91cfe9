//! People mentioned in an article: full names, short forms ("Netanyahu",
//! "Tian") resolved to the full name, and pronouns resolved to the nearest
//! earlier compatible person (bounded look-back).

use std::collections::HashMap;

use super::doc::Doc;
use super::lexicon;
use super::names::{self, Pronoun};

/// How many earlier mentions a pronoun may look back over.
const LOOK_BACK: usize = 40;
/// How many chars back a pronoun's antecedent may be.
const LOOK_BACK_CHARS: usize = 2000;
/// How many different full names one surname or given name may stand for
/// (a bound on the work per mention in pathological text).
const MAX_NAMES_PER_WORD: usize = 64;

#[derive(Debug, Clone)]
pub struct Mention {
    /// Token index of the mention's last token.
    pub token: usize,
    pub start: usize,
    /// The name without titles.
    pub name: String,
    pub person: bool,
    pub gender: Option<Pronoun>,
}

/// Every capitalised name outside quotes, and the full names they refer to.
pub struct People {
    pub mentions: Vec<Mention>,
    /// Lowercase surname (or given name) → full names with mention counts.
    index: HashMap<String, Vec<(String, Vec<usize>)>>,
    genders: HashMap<String, Pronoun>,
}

impl People {
    pub fn new(doc: &Doc) -> People {
        let mut mentions = Vec::new();
        let n = doc.len();
        let mut i = 0;
        while i < n {
            if doc.quoted[i].is_some() || !doc.cap(i) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut k = i + 1;
            while k < n && doc.quoted[k].is_none() && doc.tok(k).start - doc.tok(k - 1).end <= 1 {
                let title_abbrev_dot = doc.is(k, '.') && lexicon::is_title_abbrev(&doc.lw(k - 1));
                let title = doc.is_word(k) && !doc.cap(k) && lexicon::is_title_word(&doc.lw(k));
                if doc.cap(k) || title_abbrev_dot || (title && k + 1 < n && doc.cap(k + 1)) {
                    if doc.cap(k) {
                        last = k;
                    }
                    k += 1;
                } else {
                    break;
                }
            }
            i = k;
            let mut f = first;
            while f < last && lexicon::is_capital_stop(&doc.lw(f)) {
                f += 1;
            }
            if lexicon::is_capital_stop(&doc.lw(f)) {
                continue;
            }
            let sp = names::speaker(doc, f, last, None);
            let Some(name) = sp.name else { continue };
            let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            let org = words
                .iter()
                .any(|w| lexicon::is_org_word(w) || lexicon::is_group_noun(w));
            let titled = sp.role.is_some();
            let gender = sp
                .role
                .as_deref()
                .and_then(title_gender)
                .or_else(|| words.first().and_then(|w| given_gender(w)));
            let all_caps = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            let person = !org && !all_caps && (titled || gender.is_some());
            mentions.push(Mention {
                token: last,
                start: doc.tok(f).start,
                name,
                person,
                gender,
            });
        }
        // A two-word name whose surname or given name also stands alone
        // ("Quist" after "Rafael Quist") is a person; "Northgate Central" is not.
        let alone: std::collections::HashSet<String> = mentions
            .iter()
            .filter(|m| !m.name.contains(' '))
            .map(|m| m.name.to_lowercase())
            .collect();
        for m in mentions.iter_mut() {
            let words: Vec<String> = m.name.split_whitespace().map(str::to_lowercase).collect();
            let org = words
                .iter()
                .any(|w| lexicon::is_org_word(w) || lexicon::is_group_noun(w));
            if !m.person && !org && words.len() >= 2 && words.last().is_some_and(|w| alone.contains(w)) {
                m.person = true;
            }
        }
        let mut index: HashMap<String, Vec<(String, Vec<usize>)>> = HashMap::new();
        let mut genders = HashMap::new();
        for m in mentions.iter().filter(|m| m.person) {
            let words: Vec<&str> = m.name.split_whitespace().collect();
            if let Some(g) = m.gender {
                genders.insert(m.name.clone(), g);
            }
            if words.len() < 2 {
                continue;
            }
            for key in [words[words.len() - 1], words[0]] {
                let list = index.entry(key.to_lowercase()).or_default();
                match list.iter().position(|(full, _)| *full == m.name) {
                    Some(i) => list[i].1.push(m.token),
                    None if list.len() < MAX_NAMES_PER_WORD => list.push((m.name.clone(), vec![m.token])),
                    None => {}
                }
            }
        }
        let mut people = People {
            mentions,
            index,
            genders,
        };
        for k in 0..people.mentions.len() {
            if !people.mentions[k].person
                && let Some(full) = people.full_name(&people.mentions[k].name, people.mentions[k].token)
            {
                let gender = people.genders.get(&full).copied();
                let m = &mut people.mentions[k];
                m.person = true;
                m.gender = m.gender.or(gender);
            }
        }
        people
    }

    /// The full name a short or full name at token `at` refers to: among
    /// full names sharing the word, the most mentioned before `at`, then
    /// the most recent.
    pub fn full_name(&self, name: &str, at: usize) -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        // Positions are pushed in token order, so sorted: binary search
        // keeps a long article's many mentions from going quadratic.
        let score = |positions: &Vec<usize>| {
            let before = positions.partition_point(|&p| p <= at);
            let recent = before.checked_sub(1).map(|i| positions[i]);
            (before, recent, positions.len())
        };
        match words.as_slice() {
            [] => None,
            [one] => {
                let list = self.index.get(&one.to_lowercase())?;
                list.iter()
                    .max_by_key(|(_, pos)| score(pos))
                    .map(|(full, _)| full.clone())
            }
            [first, .., last] => {
                // "Donald J. Trump" is "Donald Trump"; "Bill Clinton" is not "Hillary Clinton".
                let list = self.index.get(&last.to_lowercase())?;
                list.iter()
                    .filter(|(full, _)| {
                        full.split_whitespace()
                            .next()
                            .is_some_and(|f| f.eq_ignore_ascii_case(first))
                    })
                    .max_by_key(|(full, pos)| (score(pos), full.len()))
                    .map(|(full, _)| full.clone())
                    .or_else(|| Some(name.to_owned()))
            }
        }
    }

    /// The person a pronoun at token `at` refers to: the nearest earlier
    /// person mention with a compatible gender.
    pub fn resolve(&self, doc: &Doc, at: usize, pronoun: Pronoun) -> Option<&Mention> {
        if pronoun == Pronoun::They {
            return None;
        }
        let pos = doc.tok(at).start;
        let before = self.mentions.partition_point(|m| m.token < at);
        self.mentions[..before]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .take_while(|m| pos - m.start <= LOOK_BACK_CHARS)
            .find(|m| m.person && m.gender.is_none_or(|g| g == pronoun))
    }
}

/// Gender implied by a title ("Mr.", "spokeswoman").
fn title_gender(title: &str) -> Option<Pronoun> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).collect();
    if words.iter().any(|w| {
        matches!(
            *w,
            "mrs" | "ms" | "spokeswoman" | "chairwoman" | "congresswoman" | "queen" | "princess"
        )
    }) {
        return Some(Pronoun::She);
    }
    if words.iter().any(|w| {
        matches!(
            *w,
            "mr" | "spokesman" | "chairman" | "congressman" | "king" | "prince"
        )
    }) {
        return Some(Pronoun::He);
    }
    None
}

/// Gender suggested by a common given name.
pub fn given_gender(w: &str) -> Option<Pronoun> {
    const MALE: &str = "aaron adam alan albert alex alexander andrew anthony antony barack ben benjamin \
        bernie bill bob brian bruce carl charles chris christopher chuck dan daniel david dennis donald \
        doug edward eric frank gary george greg harry henry ian jack jacob james jason jeb jeff jeffrey \
        jim joe john jonathan jose joseph josh juan justin keith ken kevin larry lindsey mark martin \
        matt matthew michael mike mitch mitt newt nick paul peter ralph reince richard rick robert \
        roger ron rudy rudolph ryan sam scott sean stephen steve steven ted thomas tim timothy tom \
        tony vladimir walter william xi rafael oren vedant josep";
    const FEMALE: &str = "alicia amy angela ann anna anne barbara betsy carly catherine chelsea christine \
        claire debbie diane donna elizabeth ellen emily gennifer hannah heather helen hillary hope huma \
        ilse ivanka jane janet jennifer jill joan julia julie karen kate katie kellyanne kelly laura \
        lena linda lisa maria marie mary megyn melania michelle nadia nancy nicole nikki patricia \
        rachel rebecca sarah sharon stephanie susan teresa theresa yoko signe";
    if MALE.split_whitespace().any(|m| m == w) {
        Some(Pronoun::He)
    } else if FEMALE.split_whitespace().any(|f| f == w) {
        Some(Pronoun::She)
    } else {
        None
    }
}
