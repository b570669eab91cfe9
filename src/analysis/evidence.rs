//! Why a quote has its speaker: the pattern that found the speaker
//! ([`Rule`]) and the resolution steps after it ([`Step`]), each with its
//! confidence here and nowhere else. An attribution's confidence is its
//! rule's confidence times the factors of its steps.

use std::fmt;

use serde::{Serialize, Serializer};

/// The pattern that found a speaker (`S` the speaker, `Q` the quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `"Q," said S` / `"Q," S said` right after the quote.
    QuoteCueSpeaker,
    QuoteSpeakerCue,
    /// `"Q," according to S`.
    QuoteAccordingTo,
    /// `"Q1," said S, a role, "Q2"`: the speaker between two quotes.
    BetweenQuotes,
    /// `S said ... "Q"` within three words of the quote, or farther.
    CueBeforeNear,
    CueBeforeFar,
    /// `S said Y called it "Q"`: the cue before the quote sits in the
    /// reported clause of an earlier verb of saying, whose subject speaks.
    CueBeforeOuter,
    /// A quote inside a sentence whose subject (a person) has no cue verb:
    /// `He cited the delays as "Q"`.
    SentenceSubject,
    /// `"Q." — S` (vox pops, readers' letters).
    DashSpeaker,
    /// `According to S, "Q"`.
    AccordingToQuote,
    /// `S's calls for "Q"`.
    PossessiveCueNoun,
    /// `S said:` ending the sentence before the quote.
    CueColonSentenceBefore,
    /// `S ...:` with no cue, in the sentence or the one before.
    ColonIntro,
    ColonSentenceBefore,
    /// A cue later in the sentence: `... "Q" ..., S said.`, `..., said S.`,
    /// `..., according to S`.
    LaterSpeakerCue,
    LaterCueSpeaker,
    LaterAccordingTo,
    /// `according to S` anywhere in the sentence.
    AccordingInSentence,
    /// Reported speech without quote marks.
    ReportedAccordingFirst,
    ReportedAccordingAfter,
    ReportedCueSpeaker,
    ReportedSpeakerCue,
    ReportedSpeakerCueMid,
    ReportedCueThat,
    ReportedCueClause,
    ReportedUrged,
}

impl Rule {
    /// How often the rule names the right speaker, before resolution.
    pub const fn confidence(self) -> f32 {
        match self {
            Rule::QuoteCueSpeaker | Rule::QuoteSpeakerCue => 0.95,
            Rule::QuoteAccordingTo | Rule::BetweenQuotes | Rule::CueBeforeNear => 0.9,
            Rule::DashSpeaker | Rule::AccordingToQuote | Rule::PossessiveCueNoun => 0.85,
            Rule::CueBeforeFar
            | Rule::CueBeforeOuter
            | Rule::CueColonSentenceBefore
            | Rule::LaterAccordingTo
            | Rule::ReportedCueThat => 0.8,
            Rule::LaterSpeakerCue
            | Rule::LaterCueSpeaker
            | Rule::AccordingInSentence
            | Rule::ReportedAccordingFirst
            | Rule::ReportedAccordingAfter
            | Rule::ReportedCueSpeaker
            | Rule::ReportedSpeakerCue => 0.75,
            Rule::ReportedSpeakerCueMid | Rule::ReportedCueClause | Rule::ReportedUrged => 0.7,
            Rule::ColonIntro | Rule::ColonSentenceBefore => 0.6,
            Rule::SentenceSubject => 0.5,
        }
    }

    /// The pattern as a reader sees it in `show --json`'s `evidence`.
    pub const fn pattern(self) -> &'static str {
        match self {
            Rule::QuoteCueSpeaker => "quote, cue S",
            Rule::QuoteSpeakerCue => "quote, S cue",
            Rule::QuoteAccordingTo => "quote, according to S",
            Rule::BetweenQuotes => "quote, cue S, quote",
            Rule::CueBeforeNear | Rule::CueBeforeFar => "S cue ... quote",
            Rule::CueBeforeOuter => "S cue (that) ... cue ... quote",
            Rule::SentenceSubject => "S (no cue) ... quote",
            Rule::DashSpeaker => "quote — S",
            Rule::AccordingToQuote => "according to S, quote",
            Rule::PossessiveCueNoun => "S's cue noun \"Q\"",
            Rule::CueColonSentenceBefore => "S cue: (sentence before) quote",
            Rule::ColonIntro => "S ...: quote",
            Rule::ColonSentenceBefore => "S ...: (sentence before) quote",
            Rule::LaterSpeakerCue => "..., S cue",
            Rule::LaterCueSpeaker => "..., cue S",
            Rule::LaterAccordingTo => "..., according to S",
            Rule::AccordingInSentence => "according to S",
            Rule::ReportedAccordingFirst => "according to S, clause",
            Rule::ReportedAccordingAfter => "clause, according to S",
            Rule::ReportedCueSpeaker => "clause, cue S",
            Rule::ReportedSpeakerCue => "clause, S cue",
            Rule::ReportedSpeakerCueMid => "clause, S cue, clause",
            Rule::ReportedCueThat => "S cue that clause",
            Rule::ReportedCueClause => "S cue clause",
            Rule::ReportedUrged => "S urged X to ...",
        }
    }
}

/// What happened to the speaker after the rule found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// "they": a group we do not name.
    TheyUnresolved,
    /// "he"/"she" resolved to the nearest earlier person.
    PronounResolved,
    /// "he"/"she" with no earlier person.
    PronounUnresolved,
    /// A quote with no cue of its own inherits the previous speaker.
    Floating,
}

impl Step {
    /// The factor the step applies to the confidence.
    pub const fn factor(self) -> f32 {
        match self {
            Step::TheyUnresolved => 0.6,
            Step::PronounResolved => 0.85,
            Step::PronounUnresolved => 0.5,
            Step::Floating => 0.75,
        }
    }

    const fn note(self) -> &'static str {
        match self {
            Step::TheyUnresolved => "\"they\" left unresolved",
            Step::PronounResolved => "pronoun resolved to the nearest earlier person",
            Step::PronounUnresolved => "pronoun unresolved",
            Step::Floating => "floating quote: inherits the previous speaker",
        }
    }
}

/// The rule and the steps behind one attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub rule: Rule,
    /// In the order they were applied.
    pub steps: Steps,
}

/// The steps of one attribution, in the order they were applied, in two
/// bytes: the resolution steps (at most [`Steps::LEAD`], each a 4-bit code
/// in the low byte) and then the floating steps, counted in the high byte. A floating quote inherits an attribution whole, steps and all,
/// and adds its own `Floating` after them, so floating steps only ever
/// come last; the count stops at 255, where the confidence has long been
/// 0.00 (0.95 × 0.75¹⁹ < 0.005).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Steps(u16);

impl Steps {
    /// The most resolution steps kept (the analysis applies at most one).
    pub const LEAD: usize = 2;

    fn lead(self) -> usize {
        (0..Self::LEAD)
            .take_while(|i| (self.0 >> (4 * i)) & 0xf != 0)
            .count()
    }

    fn floating(self) -> u16 {
        self.0 >> 8
    }

    pub fn len(self) -> usize {
        self.lead() + self.floating() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `step` can follow the steps so far ([`Steps::push`] keeps
    /// it): a resolution step after a floating one, or a third, cannot.
    pub fn can_push(self, step: Step) -> bool {
        step == Step::Floating || (self.floating() == 0 && self.lead() < Self::LEAD)
    }

    /// Adds `step` after the others; one [`Steps::can_push`] refuses is
    /// not kept (no analysis step does that).
    pub fn push(&mut self, step: Step) {
        debug_assert!(self.can_push(step), "{self:?} + {step:?}");
        if step == Step::Floating {
            self.0 = (self.0 & 0x00ff) | (self.floating().saturating_add(1).min(255) << 8);
        } else if self.can_push(step) {
            self.0 |= u16::from(step.code() + 1) << (4 * self.lead());
        }
    }

    pub fn iter(self) -> impl Iterator<Item = Step> {
        let lead = (0..self.lead()).map(move |i| Step::from_code(((self.0 >> (4 * i)) & 0xf) as u8 - 1));
        lead.chain(std::iter::repeat_n(Step::Floating, self.floating() as usize))
    }

    pub fn contains(self, step: Step) -> bool {
        self.iter().any(|s| s == step)
    }
}

impl fmt::Debug for Steps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Step {
    /// Every step, in code order.
    pub const ALL: [Step; 4] = [
        Step::TheyUnresolved,
        Step::PronounResolved,
        Step::PronounUnresolved,
        Step::Floating,
    ];

    /// The step's index in [`Step::ALL`].
    pub const fn code(self) -> u8 {
        match self {
            Step::TheyUnresolved => 0,
            Step::PronounResolved => 1,
            Step::PronounUnresolved => 2,
            Step::Floating => 3,
        }
    }

    fn from_code(code: u8) -> Step {
        Step::ALL[usize::from(code) % Step::ALL.len()]
    }
}

impl Evidence {
    pub fn new(rule: Rule) -> Self {
        Evidence {
            rule,
            steps: Steps::default(),
        }
    }

    pub fn with(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }

    pub fn has(&self, step: Step) -> bool {
        self.steps.contains(step)
    }

    /// 0.0–1.0, to two decimals: the rule's confidence times each step's factor.
    pub fn confidence(&self) -> f32 {
        let c = self
            .steps
            .iter()
            .fold(self.rule.confidence(), |c, s| c * s.factor());
        (c * 100.0).round() / 100.0
    }
}

impl fmt::Display for Evidence {
    /// `quote, S cue; pronoun resolved to the nearest earlier person`; a
    /// floating quote reads `floating quote: inherits the previous speaker
    /// (the rest)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let floating = self.has(Step::Floating);
        if floating {
            write!(f, "{} (", Step::Floating.note())?;
        }
        f.write_str(self.rule.pattern())?;
        for s in self.steps.iter().filter(|s| *s != Step::Floating) {
            write!(f, "; {}", s.note())?;
        }
        if floating {
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// `evidence` in JSON stays the prose it has always been (a contract).
impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_is_the_rule_times_its_steps() {
        let e = Evidence::new(Rule::QuoteSpeakerCue).with(Step::PronounResolved);
        assert_eq!(e.confidence(), 0.81);
        let e = e.with(Step::Floating);
        assert_eq!(e.confidence(), 0.61);
        assert_eq!(Evidence::new(Rule::ColonIntro).confidence(), 0.6);
    }

    #[test]
    fn steps_keep_their_order_in_two_bytes() {
        assert_eq!(std::mem::size_of::<Evidence>(), 4);
        let e = Evidence::new(Rule::QuoteCueSpeaker)
            .with(Step::PronounResolved)
            .with(Step::Floating)
            .with(Step::Floating);
        assert_eq!(
            e.steps.iter().collect::<Vec<_>>(),
            [Step::PronounResolved, Step::Floating, Step::Floating]
        );
        assert_eq!(e.steps.len(), 3);
        assert!(e.has(Step::Floating) && e.has(Step::PronounResolved));
        assert!(!e.has(Step::TheyUnresolved));
        assert!(!e.steps.can_push(Step::PronounUnresolved));
        let mut steps = Steps::default();
        for s in Step::ALL.iter().take(3).cycle().take(Steps::LEAD) {
            steps.push(*s);
        }
        assert_eq!(steps.iter().collect::<Vec<_>>(), [0, 1].map(|i| Step::ALL[i]));
        assert!(!steps.can_push(Step::TheyUnresolved) && steps.can_push(Step::Floating));
        for (i, s) in Step::ALL.iter().enumerate() {
            assert_eq!(usize::from(s.code()), i);
        }
    }

    #[test]
    fn a_long_floating_chain_ends_at_zero_as_before() {
        // 300 floating quotes in a row: the count stops at 255, the
        // confidence reads as a list of every step would give it.
        let mut e = Evidence::new(Rule::QuoteCueSpeaker);
        let mut c = Rule::QuoteCueSpeaker.confidence();
        for n in 1..=300 {
            e = e.with(Step::Floating);
            c *= Step::Floating.factor();
            assert_eq!(e.confidence(), (c * 100.0).round() / 100.0, "{n}");
        }
        assert_eq!(e.steps.len(), 255);
    }

    #[test]
    fn prose_keeps_its_published_form() {
        let e = Evidence::new(Rule::QuoteSpeakerCue).with(Step::PronounResolved);
        assert_eq!(
            e.to_string(),
            "quote, S cue; pronoun resolved to the nearest earlier person"
        );
        let e = e.with(Step::Floating);
        assert_eq!(
            e.to_string(),
            "floating quote: inherits the previous speaker (quote, S cue; pronoun resolved to the nearest earlier person)"
        );
        assert_eq!(
            serde_json::to_string(&Evidence::new(Rule::DashSpeaker)).unwrap(),
            "\"quote — S\""
        );
    }
}
