//! A deterministic generator of news-like article bodies (~5 KB each) with
//! quotes in several styles, attributions, pronouns and abbreviations.

pub use crate::rng::Rng;

const FIRST: &[&str] = &[
    "Ana", "Piet", "Lotte", "Rune", "Ida", "Gus", "Mae", "Oskar", "Noor", "Ines",
];
const LAST: &[&str] = &[
    "Ruiz", "Amsel", "Brandt", "Vasko", "Pell", "Ferro", "Colvin", "Lind", "Achebe", "Kraal",
];
const ROLES: &[&str] = &[
    "a researcher at the Harbour Institute",
    "the city's finance director",
    "who leads the tenants' union",
    "an engineer with the port authority",
];
const TITLES: &[&str] = &["Mayor", "Sen.", "Dr.", "Transport Minister", "spokesperson"];
const CUES: &[&str] = &["said", "told reporters", "added", "warned", "argued", "noted"];
const FILLER: &[&str] = &[
    "The council met on Jan. 4 at 9.30 a.m. to review the U.S. bid, which was worth 3.5 million crowns.",
    "Residents' groups say the plan ignores the '90s flood maps, and the allies' report agrees.",
    "Work on the northern pier is expected to start in the spring... if the money arrives.",
    "The Valley Wire reported.It is the second delay this year, according to the port's own records.",
    "Critics called it a \"vanity project\" while supporters pointed to the jobs it would bring.",
    "Traffic on the ring road was heavy for most of the morning, and buses ran late on every route.",
];
const SPEECH: &[&str] = &[
    "We have waited long enough for this decision",
    "Nobody in this building has read the whole contract",
    "The numbers simply do not add up, and everyone knows it",
    "I'm not against the project. I'm against rushing it",
    "This is the best chance the city has had in a generation",
];

/// One body of roughly `target` bytes.
pub fn article(rng: &mut Rng, target: usize) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut size = 0;
    while size < target {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let speech = rng.pick(SPEECH);
        let cue = rng.pick(CUES);
        let p = match rng.next() % 7 {
            0 => format!(
                "\u{201C}{speech},\u{201D} {first} {last}, {}, {cue}.",
                rng.pick(ROLES)
            ),
            1 => format!("{} {first} {last} {cue}: \"{speech}.\"", rng.pick(TITLES)),
            2 => format!("{first} {last} met officials on Friday. \u{201C}{speech},\u{201D} he {cue}."),
            3 => format!(
                "\u{201C}{speech}.\n\n\u{201C}{},\u{201D} {last} {cue}.",
                rng.pick(SPEECH)
            ),
            4 => format!(
                "{last} {cue} that the city had \"{}\" and would act.",
                rng.pick(SPEECH).to_lowercase()
            ),
            5 => format!(
                "\u{00AB}{speech}\u{00BB}, {cue} {first} {last}. {}",
                rng.pick(FILLER)
            ),
            _ => format!("{} {}", rng.pick(FILLER), rng.pick(FILLER)),
        };
        size += p.len() + 2;
        paragraphs.push(p);
    }
    paragraphs.join("\n\n")
}
