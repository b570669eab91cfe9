//! Word lists the analysis relies on: abbreviations, sentence starters,
//! cue verbs and nouns, titles, role words and name stop words. Every
//! lookup takes a lowercase word.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::wordtable::WordTable;

/// A multiply-rotate hash taking 8 bytes at a time: lookups of short
/// words dominate, and need no DoS resistance.
#[derive(Default)]
pub struct Fnv(u64);

const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(MIX) ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(MIX).rotate_left(26);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let w = rest
                .iter()
                .rev()
                .fold(rest.len() as u64, |w, &b| (w << 8) | u64::from(b));
            h = (h ^ w).wrapping_mul(MIX).rotate_left(26);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(MIX);
    }
}

/// A hash map with the FNV hasher, for short string keys.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A hash set with the FNV hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// A set of words built once from a space-separated list.
pub struct Words {
    cell: OnceLock<WordTable<bool>>,
    list: &'static str,
}

impl Words {
    pub const fn new(list: &'static str) -> Self {
        Words {
            cell: OnceLock::new(),
            list,
        }
    }

    pub fn has(&self, w: &str) -> bool {
        let t = self
            .cell
            .get_or_init(|| WordTable::new(self.list.split_whitespace().map(|w| (w, true)), |a, b| a | b));
        t.get(w).is_some()
    }
}

/// Bits of [`word_class`]: which of the hot word lists a word is in.
pub const IS_CUE: u8 = 1;
pub const IS_TITLE: u8 = 2;
pub const IS_CAPITAL_STOP: u8 = 4;

static CLASSES: OnceLock<WordTable<u8>> = OnceLock::new();

/// The hot word lists a lowercase word belongs to ([`IS_CUE`],
/// [`IS_TITLE`], [`IS_CAPITAL_STOP`]), in one lookup.
pub fn word_class(w: &str) -> u8 {
    let t = CLASSES.get_or_init(|| {
        let lists = [
            (CUE_VERB.list, IS_CUE),
            (TITLE_WORD.list, IS_TITLE),
            (SENTENCE_STARTER.list, IS_CAPITAL_STOP),
            (CAPITAL_STOP.list, IS_CAPITAL_STOP),
        ];
        let words = lists
            .into_iter()
            .flat_map(|(list, bit)| list.split_whitespace().map(move |w| (w, bit)));
        WordTable::new(words, |a, b| a | b)
    });
    t.get(w).unwrap_or(0)
}

static TITLE_ABBREV: Words = Words::new(
    "adm approx apr ariz atty aug ave blvd calif capt cmdr col conn dec dept dr feb fig fla \
     ft gen gens gov hon ill jan jul jun lt maj mar mass mich mr mrs ms mt no nos nov oct \
     penn pres prof rep reps rev sen sens sep sept sgt st supt tenn univ v vs wash wis",
);

/// Abbreviations that never end a sentence when a name or number follows
/// (titles, months, "No.").
pub fn is_title_abbrev(w: &str) -> bool {
    TITLE_ABBREV.has(w)
}

static SOFT_ABBREV: Words = Words::new("bros co corp etc inc jr llc ltd plc sr");

/// Abbreviations that end a sentence only when a typical sentence opener
/// follows ("Inc.", "Jr.", "etc.").
pub fn is_soft_abbrev(w: &str) -> bool {
    SOFT_ABBREV.has(w)
}

static SENTENCE_STARTER: Words = Words::new(
    "a after all also although an analysts and as at before both but critics each experts for \
     he her his how however i if in it its many meanwhile most my no not now officials on one \
     or our she since so some still that the their then there these they this those though \
     two we what when where while who why yet you",
);

/// Words that typically open a sentence; after an ambiguous period
/// ("U.S.", "p.m.", an ellipsis) one of these means a new sentence.
pub fn is_sentence_starter(w: &str) -> bool {
    SENTENCE_STARTER.has(w)
}

static CUE_VERB: Words = Words::new(
    "question questioned questions interjected interjects pointed chant chanted chanting chants characterized characterizes praise praised praises rated rates accuse accused accuses accusing encourage encouraged encourages encouraging acknowledge acknowledged acknowledges acknowledging add \
     added adding adds admit admits admitted admitting agree agreed agrees allege alleged \
     alleges announce announced announces announcing argue argued argues arguing ask asked \
     asking asks assert asserted asserting asserts assure assured assures believe believed \
     believes blast blasted blasts boast boasted boasts branded call called calling calls \
     caution cautioned cautions claim claimed claiming claims comment commented commenting \
     comments concede conceded concedes conceding \
     conclude concluded concludes concluding confirm confirmed confirms contend contended \
     contending contends continue continued continues counter countered counters criticised \
     criticize criticized criticizes declare declared declares declaring demand demanded \
     demanding demands denied denies deny describe described describes describing dubbed \
     emphasised emphasize emphasized emphasizes explain explained explaining explains insist \
     insisted insisting insists exclaim exclaimed exclaims fume fumed fumes gush gushed \
     gushes plead pleaded pleads elaborated elaborates scoffed snapped marveled marvelled \
     implied implies hinted labeling labelling joke joked jokes labeled labelled lament lamented laments \
     mention mentioned mentions muse mused note noted notes noting observe observed observes \
     pledge pledged pledges pledging posted posts predict reads predicted predicting predicts \
     proclaim proclaimed proclaims promise promised promises promising quip quipped quips \
     recall recalled recalling recalls recount recounted recounts reiterate reiterated \
     reiterates remark remarked remarks replied replies reply replying report reported \
     reporting reports respond responded responding responds retort retorted retorts ruled \
     rules said sang say saying says shout shouted shouts sings slam slammed slams speaks \
     spoke stated states stating stress stressed stresses stressing suggest suggested \
     suggesting suggests tell telling tells termed testified testifies testify think thinks \
     thought told tweet tweeted tweeting tweets urge urged urges urging vow vowed vowing vows \
     warn warned warning warns whisper whispered wonder wondered wonders write writes writing \
     written wrote yell yelled yells read bark barked barks beam beamed beams mock mocked mocks \
     sneer sneered sneers referred refers chided chides derided derides lambasted ripped \
     remembered reacted",
);

/// The stem of a cue verb: "said" and "says" give "say". Any tense counts.
pub fn cue_verb(w: &str) -> bool {
    CUE_VERB.has(w)
}

static CUE_NOUN: Words = Words::new(
    "answer argument assertion assessment call calls claim claims comment comments demand \
     demands description insistence letter message plea pledge promise promises remarks \
     response speech statement statements tweet tweets view vow warning warnings words",
);

/// Nouns that carry speech after a possessive: "S's calls for ...".
pub fn cue_noun(w: &str) -> bool {
    CUE_NOUN.has(w)
}

static VERB_FILLER: Words = Words::new(
    "again already also always are been can could did do does even ever first further had has \
     have is just later may might never not often once previously repeatedly should still then \
     was were will would",
);

/// Auxiliaries and adverbs that may stand between a subject and its cue
/// verb ("Kell has publicly said").
pub fn is_verb_filler(w: &str) -> bool {
    VERB_FILLER.has(w) || (w.len() > 4 && w.ends_with("ly") && !NOUN_IN_LY.has(w))
}

static NOUN_IN_LY: Words = Words::new(
    "early only weekly daily monthly quarterly yearly biweekly family assembly rally ally \
     italy supply anomaly monopoly homily lily",
);

static TITLE_WORD: Words = Words::new(
    "acting adm admiral adviser advisor aide ambassador american analyst anchor approx apr \
     ariz attorney atty aug ave bishop blvd british calif candidate capt captain cardinal ceo \
     chair chairman chairwoman chancellor chief chinese cmdr coach col colonel commissioner \
     congressman congresswoman conn correspondent councillor councilor dec defence defense \
     democrat democratic dept deputy detective director doctor dr economist envoy eu \
     executive father feb fig fla foreign former founder french ft gen general gens german gov \
     governor governors high hon host hydrologist ill independent israeli japanese judge judges \
     jul jun justice justices king lawyer leader libertarian lieutenant lt maj manager mar mass mayor mich \
     minister mr mrs ms mt no nominee nos nov oct of officer palestinian pastor penn pollster \
     pope premier pres president prime prince princess prof professor queen rabbi rep \
     representative reps republican rev reverend russian secretary sen senator sens sep sept \
     senators sergeant sgt sheriff speaker spokesman spokesperson spokeswoman st state strategist supt \
     tenn u.s. uk un univ v vice vs wash wis",
);

/// Titles and role words stripped from the front of a name
/// ("Prime Minister", "spokesperson", "Sen.").
pub fn is_title_word(w: &str) -> bool {
    TITLE_WORD.has(w)
}

static ORG_WORD: Words = Words::new(
    "abc academy administration agency airport alliance america april army assembly \
     association august authority bank bay board breitbart campaign cbs center centre china \
     church cia city cnn college commission committee company congress corp council county \
     court daily december department east eu fbi february forces foundation fox friday fund \
     gaza gazette gop government group hall herald hospital house inc institute institutes \
     island israel january journal july june kingdom ledger ltd magazine march media ministry \
     monday msnbc nations nato nbc network news north november npr october office \
     organisation organization party police politico post press radio republic reuters river \
     saturday school senate september service shoals south square states street strip sunday \
     systems television thursday times tribune tuesday u.n. u.s. un union university us \
     valley washington wednesday west wire bakery cafe café shop store restaurant market \
     firm farm mill brewery hotel inn clinic pub garage studio labs partners bureau \
     weekly monthly quarterly",
);

/// Words that show a capitalised phrase is a place or an organisation,
/// not a person ("White House", "Valley Wire").
pub fn is_org_word(w: &str) -> bool {
    ORG_WORD.has(w)
}

static CAPITAL_STOP: Words = Words::new(
    "according among asked because by dear despite during every from here last like next of \
     oh over please plus thank thanks to under unlike until well with yes",
);

/// Capitalised words that start a sentence or phrase but are not names.
pub fn is_capital_stop(w: &str) -> bool {
    is_sentence_starter(w) || CAPITAL_STOP.has(w)
}

static GROUP_NOUN: Words = Words::new(
    "activists advisers aides analysts authorities backers councillors critics democrats economists \
     experts farmers investigators lawmakers leaders members observers officials opponents \
     organisers organizers people police prosecutors republicans researchers residents scientists sources \
     supporters unions voters witnesses",
);

/// Plural nouns that name a group of speakers ("officials said").
pub fn is_group_noun(w: &str) -> bool {
    GROUP_NOUN.has(w)
}

static INTRO: Words = Words::new(
    "after also although and as at before but by days despite during earlier for from however \
     hours in instead last later meanwhile minutes moments months on once separately since so \
     speaking still then though under weeks when while with years yet",
);

static NAMING: Words = Words::new("branded called dubbed labeled labelled named termed titled");

/// Past participles that name a thing: `a class called "Perception"`.
pub fn is_naming_participle(w: &str) -> bool {
    NAMING.has(w)
}

/// Words that open an introductory phrase or clause before a subject.
pub fn is_intro_word(w: &str) -> bool {
    INTRO.has(w)
}

static NOUN_LIKE_CUE: Words = Words::new(
    "calls claims comments demands notes posts promises remarks reports rules states tweets warns",
);

/// Cue verbs in `-s` form that are often plural nouns ("the tweets").
pub fn noun_like_cue(w: &str) -> bool {
    NOUN_LIKE_CUE.has(w)
}

static DATE_WORD: Words = Words::new(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may \
     june july august september october november december today yesterday tomorrow tonight",
);

/// Days, months and relative days.
pub fn is_date_word(w: &str) -> bool {
    DATE_WORD.has(w)
}
