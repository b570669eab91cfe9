//! People mentioned in an article: full names, short forms ("Kell",
//! "Tian") resolved to the full name, and pronouns resolved to the nearest
//! earlier compatible person (bounded look-back).

use super::doc::{CAP_STOP, CUE, Doc, TITLE};
use super::lexicon::{self, FastMap, FastSet, Words};
use super::names::Pronoun;

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
    /// Token index of the name's first word.
    pub first: usize,
    /// Token index of the first title word before the name ("Mayor Ilse
    /// Marrow"), or `first` when there is none.
    pub title: usize,
    pub start: usize,
    /// Char range of the name without titles or possessive (see [`Mention::name`]).
    pub name: (usize, usize),
    pub person: bool,
    /// A place or an organisation ("White House").
    pub org: bool,
    pub gender: Option<Pronoun>,
    /// The subject of a cue verb right after it ("Ana Ruiz said").
    pub cue_subject: bool,
}

/// A full name with the tokens it is mentioned at and its gender.
struct Entry {
    full: String,
    positions: Vec<usize>,
    gender: Option<Pronoun>,
    /// The title the person was first introduced with ("Mayor").
    title: Option<(usize, usize)>,
}

/// Every capitalised name outside quotes, and the full names they refer to.
pub struct People<'a> {
    pub mentions: Vec<Mention>,
    /// Lowercase surname (or given name) → full names with mention counts.
    index: FastMap<&'a str, Vec<Entry>>,
}

impl<'a> People<'a> {
    pub fn new(doc: &'a Doc) -> People<'a> {
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
                let title_abbrev_dot = doc.is(k, '.') && doc.flag(k - 1, TITLE);
                // "George W. Bush": a middle initial keeps the name going.
                let initial_dot = doc.is(k, '.') && initial(doc, k - 1) && k + 1 < n && doc.cap(k + 1);
                let title = !doc.cap(k) && doc.flag(k, TITLE);
                if doc.cap(k) || title_abbrev_dot || initial_dot || (title && k + 1 < n && doc.cap(k + 1)) {
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
            while f < last && doc.flag(f, CAP_STOP) {
                f += 1;
            }
            if doc.flag(f, CAP_STOP) {
                continue;
            }
            // The name: the trailing run of capitalised, non-title words.
            let mut n = last + 1;
            loop {
                if n > f && doc.is_word(n - 1) && doc.cap(n - 1) && !doc.flag(n - 1, TITLE) {
                    n -= 1;
                } else if n > f + 1 && n <= last && doc.is(n - 1, '.') && initial(doc, n - 2) {
                    n -= 2;
                } else {
                    break;
                }
            }
            if n > last {
                continue;
            }
            let of_place = n > f && matches!(doc.lw(n - 1), "of" | "at" | "for" | "from" | "in");
            // "the Tidewater Act", "the Harbour Bill": a law, not a person.
            let law = last > n && matches!(doc.lw(last), "act" | "bill" | "amendment" | "treaty" | "accord");
            let org = of_place
                || law
                || (n..=last).any(|t| {
                    doc.is_word(t) && (lexicon::is_org_word(doc.lw(t)) || lexicon::is_group_noun(doc.lw(t)))
                });
            let gender = (f..n)
                .find_map(|t| title_gender(doc.lw(t)))
                .or_else(|| given_gender(doc.lw(n)));
            let name = name_range(doc, n, last);
            let all_caps = doc.text.chars[name.0..name.1]
                .iter()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            let cue_subject = cue_follows(doc, last + 1);
            // "Ana Ruiz said": a full name as the subject of a cue is a person.
            let person = !org && !all_caps && (n > f || gender.is_some() || (cue_subject && n < last));
            mentions.push(Mention {
                token: last,
                first: n,
                title: if person && n > f && doc.flag(f, TITLE) {
                    f
                } else {
                    n
                },
                start: doc.tok(f).start,
                name,
                person,
                org,
                gender,
                cue_subject,
            });
        }
        // A two-word name whose surname or given name also stands alone
        // ("Quist" after "Rafael Quist") is a person; "Northgate Central" is not.
        let text = doc.text;
        let chars = |m: &Mention| &text.chars[m.name.0..m.name.1];
        let has_space = |m: &Mention| chars(m).contains(&' ');
        let alone: FastSet<&str> = mentions
            .iter()
            .filter(|m| !has_space(m))
            .map(|m| doc.lw(m.token))
            .collect();
        for m in mentions.iter_mut() {
            if !m.person && !m.org && has_space(m) && alone.contains(doc.lw(m.token)) {
                m.person = true;
            }
        }
        let mut index: FastMap<&'a str, Vec<Entry>> = FastMap::default();
        let mut genders: FastMap<&[char], Pronoun> = FastMap::default();
        for m in mentions.iter().filter(|m| m.person) {
            let name = chars(m);
            if let Some(g) = m.gender {
                genders.insert(name, g);
            }
            if !name.iter().any(|c| c.is_whitespace()) {
                continue;
            }
            for key in [doc.lw(m.token), doc.lw(m.first)] {
                let list = index.entry(key).or_default();
                let title = (m.title < m.first).then(|| (m.title, m.first - 1));
                let full = list.len() >= MAX_NAMES_PER_WORD;
                match list.iter_mut().find(|e| e.full.chars().eq(name.iter().copied())) {
                    Some(entry) => {
                        entry.positions.push(m.token);
                        entry.title = entry.title.or(title);
                    }
                    None if !full => list.push(Entry {
                        full: name.iter().collect(),
                        positions: vec![m.token],
                        gender: None,
                        title,
                    }),
                    None => {}
                }
            }
        }
        for list in index.values_mut() {
            for e in list.iter_mut() {
                let full: Vec<char> = e.full.chars().collect();
                e.gender = genders.get(full.as_slice()).copied();
            }
        }
        drop(genders);
        let mut people = People { mentions, index };
        for k in 0..people.mentions.len() {
            let m = &people.mentions[k];
            if !m.person
                && !m.org
                && !has_space(m)
                && let Some(e) = people.entry(doc.lw(m.token), m.token)
            {
                let gender = e.gender;
                let m = &mut people.mentions[k];
                m.person = true;
                m.gender = m.gender.or(gender);
            }
        }
        people
    }

    /// The full name a short or full name at token `at` refers to: among
    /// full names sharing the word, the most mentioned before `at`, then
    /// the most mentioned, then the first introduced.
    pub fn full_name(&self, name: &str, at: usize) -> Option<String> {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        match words.next_back() {
            None => self.entry(first, at).map(|e| e.full.clone()),
            Some(last) => {
                // "Donald J. Trump" is "Donald Trump"; "Bill Clinton" is not "Hillary Clinton".
                let list = with_lowercase(last, |w| self.index.get(w))?;
                list.iter()
                    .filter(|e| {
                        e.full
                            .split_whitespace()
                            .next()
                            .is_some_and(|f| f.eq_ignore_ascii_case(first))
                    })
                    .max_by_key(|e| (score(&e.positions, at), e.full.len()))
                    .map(|e| e.full.clone())
                    .or_else(|| Some(name.to_owned()))
            }
        }
    }

    /// The title a full name was introduced with ("Mayor" for "Ilse
    /// Marrow"), as written.
    pub fn title(&self, doc: &Doc, full: &str) -> Option<String> {
        let last = full.split_whitespace().next_back()?;
        let list = with_lowercase(last, |w| self.index.get(w))?;
        let (a, b) = list.iter().find(|e| e.full == full)?.title?;
        let t = doc.phrase(a, b);
        let t = t.trim_end_matches([',', ' ']);
        (!t.is_empty()).then(|| t.to_owned())
    }

    /// The full name a one-word name at token `at` refers to.
    fn entry(&self, one: &str, at: usize) -> Option<&Entry> {
        let list = with_lowercase(one, |w| self.index.get(w))?;
        list.iter().max_by_key(|e| score(&e.positions, at))
    }

    /// The mention a pronoun at token `at` refers to. "he"/"she": the
    /// subject of a cue earlier in the same sentence ("Ana Ruiz said she
    /// ..."), else the nearest earlier person with a compatible gender;
    /// "it": the nearest organisation in this or the previous sentence;
    /// "they" stays unresolved.
    pub fn resolve(&self, doc: &Doc, at: usize, pronoun: Pronoun) -> Option<&Mention> {
        let pos = doc.tok(at).start;
        let before = self.mentions.partition_point(|m| m.token < at);
        let earlier = || {
            self.mentions[..before]
                .iter()
                .rev()
                .take(LOOK_BACK)
                .take_while(|m| pos - m.start <= LOOK_BACK_CHARS)
        };
        let sentence = doc.sentence(at);
        match pronoun {
            Pronoun::They => None,
            Pronoun::It => earlier()
                .take_while(|m| doc.sentence(m.token) + 1 >= sentence)
                .find(|m| m.org && !(m.first == m.token && lexicon::is_date_word(doc.lw(m.token)))),
            Pronoun::He | Pronoun::She => {
                let compatible = |m: &&Mention| m.person && m.gender.is_none_or(|g| g == pronoun);
                earlier()
                    .take_while(|m| doc.sentence(m.token) == sentence)
                    .filter(|m| m.cue_subject)
                    .find(compatible)
                    .or_else(|| earlier().find(compatible))
            }
        }
    }
}

impl Mention {
    /// The name as written, without titles or possessive.
    pub fn name(&self, doc: &Doc) -> String {
        doc.text.slice(self.name.0, self.name.1)
    }
}

/// The char range of tokens `[n, last]` without a possessive `'s` or `'`
/// (as [`super::names::strip_possessive`] does).
/// A one-letter capitalised word ("W" of "George W. Bush").
fn initial(doc: &Doc, k: usize) -> bool {
    doc.is_word(k) && doc.cap(k) && doc.tok(k).end - doc.tok(k).start == 1
}

fn name_range(doc: &Doc, n: usize, last: usize) -> (usize, usize) {
    let (start, mut end) = (doc.tok(n).start, doc.tok(last).end);
    let c = &doc.text.chars[start..end];
    let bytes = |c: &[char]| c.iter().map(|c| c.len_utf8()).sum::<usize>();
    for suffix in [&['\'', 's'][..], &['\u{2019}', 's'], &['\''], &['\u{2019}']] {
        if c.ends_with(suffix) && bytes(c) > bytes(suffix) + 1 {
            end -= suffix.len();
            break;
        }
    }
    (start, end)
}

/// Mentions before `at`, then all mentions, then the earliest first. Ties
/// go to the person introduced first: a second person with the same
/// surname is usually named in full or by first name.
fn score(positions: &[usize], at: usize) -> (usize, usize, usize) {
    // Positions are pushed in token order, so sorted: binary search keeps a
    // long article's many mentions from going quadratic.
    let before = positions.partition_point(|&p| p <= at);
    let first = positions.first().map_or(0, |&p| usize::MAX - p);
    (before, positions.len(), first)
}

/// Calls `f` with `w` lowercased, without allocating for short ASCII words.
fn with_lowercase<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 48];
    if w.is_ascii() && w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// Whether a cue verb starts at token `k`, after auxiliaries and adverbs
/// ("has also said") or a parenthesis ("(D-Wis.) said").
fn cue_follows(doc: &Doc, mut k: usize) -> bool {
    if k < doc.len() && doc.is(k, '(') {
        match (k..doc.len().min(k + 10)).find(|&i| doc.is(i, ')')) {
            Some(close) => k = close + 1,
            None => return false,
        }
    }
    while k < doc.len() && doc.is_word(k) && !doc.cap(k) && lexicon::is_verb_filler(doc.lw(k)) {
        k += 1;
    }
    k < doc.len() && doc.flag(k, CUE) && doc.quoted[k].is_none()
}

/// Gender implied by a title word ("mrs", "spokeswoman").
fn title_gender(w: &str) -> Option<Pronoun> {
    match w {
        "mrs" | "ms" | "spokeswoman" | "chairwoman" | "congresswoman" | "queen" | "princess" => {
            Some(Pronoun::She)
        }
        "mr" | "spokesman" | "chairman" | "congressman" | "king" | "prince" => Some(Pronoun::He),
        _ => None,
    }
}

static MALE: Words = Words::new(
    "aaron adam alan albert alex alexander andrew anthony antony barack ben benjamin bernie bill \
     bob brian bruce carl charles chris christopher chuck dan daniel david dennis donald doug \
     edward eric frank gary george greg harry henry ian jack jacob james jason jeb jeff jeffrey \
     jim joe john jonathan jose joseph josh juan justin keith ken kevin larry lindsey mark \
     martin matt matthew michael mike mitch mitt newt nick oren paul peter rafael ralph reince \
     richard rick robert roger ron rudolph rudy ryan sam scott sean stephen steve steven ted \
     thomas tim timothy tom tony vladimir walter william xi",
);

static FEMALE: Words = Words::new(
    "alicia amy angela ann anna anne barbara betsy carly catherine chelsea christine claire debbie \
     diane donna elizabeth ellen emily gennifer hannah heather helen hillary hope huma ilse ivanka \
     jane janet jennifer jill joan julia julie karen kate katie kellyanne kelly laura lena linda \
     lisa maria marie mary megyn melania michelle nadia nancy nicole nikki patricia rachel rebecca \
     sarah sharon signe stephanie susan teresa theresa",
);

/// Gender suggested by a common given name.
pub fn given_gender(w: &str) -> Option<Pronoun> {
    if MALE.has(w) {
        Some(Pronoun::He)
    } else if FEMALE.has(w) {
        Some(Pronoun::She)
    } else {
        None
    }
}
