use super::*;

const FERRY: &str = "Ferry crews on the Skerrow crossing walked off the job at dawn on Tuesday, \
stranding hundreds of island commuters at Port Alvin. The Maritime Workers Guild said the stoppage \
would last two days unless the operator, Bluewake Lines, withdrew its plan to cut night crossings. \
\u{201C}We will not sail short-handed through winter storms,\u{201D} said Oona Brack, the guild's \
regional organiser. Bluewake said the timetable change was needed to cover rising fuel costs.";

const FERRY_PARAPHRASE: &str = "Island commuters were left waiting at Port Alvin after Skerrow \
ferry staff stopped work early Tuesday. The guild representing the crews, led locally by Oona Brack, \
objects to Bluewake Lines reducing its night sailings. \u{201C}We will not sail short-handed through \
winter storms,\u{201D} Brack told reporters. The company blamed fuel prices and said talks could \
resume on Thursday.";

const ORCHARD: &str = "A late frost has damaged apple blossom across the Thessel valley, and \
growers expect a smaller harvest this autumn. Cider makers in Wendham said they would buy more \
fruit from abroad. Agronomists at the county college advised covering young trees with fleece \
and running sprinklers on cold nights to protect the buds.";

const LIBRARY: &str = "The Carrowby public library reopened on Saturday after an eighteen-month \
renovation that added a children's wing, a recording studio and solar panels on the roof. \
Volunteers carried the last boxes of atlases up the restored staircase while a brass band played \
outside the entrance.";

fn index(texts: &[&str]) -> RelatedIndex {
    RelatedIndex::from_texts(texts, Options::default())
}

#[test]
fn identical_articles_score_one() {
    let idx = index(&[FERRY, ORCHARD, FERRY]);
    assert!((idx.overlap(0, 2) - 1.0).abs() < 1e-5, "{}", idx.overlap(0, 2));
    assert_eq!(idx.overlap(1, 1), 1.0);
    assert_eq!(idx.related(0, 1)[0].0, 2);
    assert!((idx.related(0, 1)[0].1 - 1.0).abs() < 1e-5);
}

#[test]
fn unrelated_articles_score_about_zero() {
    let idx = index(&[FERRY, ORCHARD, LIBRARY]);
    for (a, b) in [(0, 1), (0, 2), (1, 2)] {
        assert!(idx.overlap(a, b) < 0.05, "{a} {b}: {}", idx.overlap(a, b));
    }
}

#[test]
fn a_paraphrase_with_a_shared_quote_ranks_above_unrelated_articles() {
    let idx = index(&[ORCHARD, FERRY, LIBRARY, FERRY_PARAPHRASE]);
    let ranked = idx.related(1, 3);
    assert_eq!(ranked[0].0, 3, "{ranked:?}");
    assert!(ranked[0].1 > 0.15, "{ranked:?}");
    assert!(
        ranked.iter().skip(1).all(|r| r.1 < ranked[0].1 / 3.0),
        "{ranked:?}"
    );
    let (jaccard, cosine) = idx.signals(1, 3);
    assert!(jaccard > 0.0 && cosine > jaccard, "{jaccard} {cosine}");
}

#[test]
fn related_agrees_with_overlap_and_is_symmetric() {
    let idx = index(&[FERRY, ORCHARD, FERRY_PARAPHRASE, LIBRARY]);
    for doc in 0..idx.len() {
        for (other, score) in idx.related(doc, 10) {
            assert_ne!(other, doc);
            assert_eq!(score, idx.overlap(doc, other));
            assert_eq!(idx.overlap(doc, other), idx.overlap(other, doc));
            assert!((0.0..=1.0).contains(&score));
        }
    }
}

#[test]
fn ranking_is_deterministic_with_ties_in_article_order() {
    let texts = [FERRY, ORCHARD, FERRY, FERRY, LIBRARY, FERRY];
    let a = index(&texts);
    let b = index(&texts);
    let ranked = a.related(0, 10);
    assert_eq!(ranked, b.related(0, 10));
    let ids: Vec<usize> = ranked.iter().map(|r| r.0).collect();
    assert_eq!(&ids[..3], &[2, 3, 5]);
    for top in 0..ranked.len() {
        assert_eq!(a.related(0, top), ranked[..top], "top {top}");
    }
}

#[test]
fn the_document_frequency_cap_drops_boilerplate() {
    let footer = "Sign up for the Morning Tide newsletter to get every story from the coast \
                  delivered to your inbox before breakfast, free of charge.";
    let mut texts: Vec<String> = (0..30)
        .map(|i| format!("Report number {i} about topic alpha{i} beta{i} gamma{i} delta{i}. {footer}"))
        .collect();
    texts.push(format!("{FERRY} {footer}"));
    let capped = RelatedIndex::from_texts(&texts, Options::default());
    let uncapped = RelatedIndex::from_texts(
        &texts,
        Options {
            min_cap: 100,
            ..Options::default()
        },
    );
    assert!(uncapped.signals(0, 1).0 > 0.3, "{:?}", uncapped.signals(0, 1));
    assert_eq!(capped.signals(0, 1).0, 0.0);
    assert!(capped.overlap(0, 1) < 0.05, "{}", capped.overlap(0, 1));
    assert!(capped.related(0, 5).is_empty(), "{:?}", capped.related(0, 5));
    assert!(capped.heap_bytes() < uncapped.heap_bytes());
}

#[test]
fn an_empty_index_and_empty_texts_are_fine() {
    assert!(index(&[]).is_empty());
    let idx = index(&["", "", FERRY]);
    assert_eq!(idx.overlap(0, 1), 0.0);
    assert!(idx.related(0, 3).is_empty());
}

/// Sixty texts: twenty stories told three times each over a small shared
/// vocabulary (common words reach every text), and the fixed texts.
pub(super) fn stories_texts() -> Vec<String> {
    const POOL: &[&str] = &[
        "council", "harbour", "budget", "river", "school", "strike", "ferry", "market", "bridge", "winter",
        "station", "tunnel", "hospital", "orchard", "library", "festival", "museum",
    ];
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut texts = Vec::new();
    for story in 0..20 {
        let names: Vec<String> = (0..4).map(|k| format!("Name{story}x{k}")).collect();
        for telling in 0..3 {
            let mut words = Vec::new();
            for i in 0..120 {
                if (i + telling) % 5 == 0 {
                    words.push(names[next(4)].clone());
                } else {
                    words.push(POOL[next(POOL.len())].to_owned());
                }
            }
            texts.push(words.join(" "));
        }
    }
    texts.extend([FERRY, FERRY_PARAPHRASE, ORCHARD, LIBRARY].map(str::to_owned));
    texts
}

/// Profiled in one round or several (each keeping a share of the
/// hashes), the index answers bit for bit the same: every pair's signals
/// and every article's ranking.
#[test]
fn rounds_do_not_change_the_index() {
    let mut texts: Vec<String> = [FERRY, FERRY_PARAPHRASE, ORCHARD, LIBRARY]
        .iter()
        .map(|t| t.to_string())
        .collect();
    // Variants, so features repeat across articles in every round.
    for i in 0..30 {
        let base = [FERRY, FERRY_PARAPHRASE, ORCHARD, LIBRARY][i % 4];
        let words: Vec<&str> = base.split(' ').collect();
        let cut = (i * 7) % words.len();
        texts.push(format!(
            "{} Item{i} {}",
            words[cut..].join(" "),
            words[..cut].join(" ")
        ));
    }
    let options = Options {
        min_cap: 3,
        ..Options::default()
    };
    let one = RelatedIndex::from_texts_in(&texts, 1, options);
    for rounds in [2, 3, 4] {
        let many = RelatedIndex::from_texts_in(&texts, rounds, options);
        assert_eq!(many.heap_bytes() > 0, one.heap_bytes() > 0);
        for a in 0..texts.len() {
            assert_eq!(
                many.related(a, texts.len()),
                one.related(a, texts.len()),
                "{rounds} rounds, {a}"
            );
            for b in 0..texts.len() {
                let (s1, t1) = one.signals(a, b);
                let (s2, t2) = many.signals(a, b);
                assert_eq!(
                    (s1.to_bits(), t1.to_bits()),
                    (s2.to_bits(), t2.to_bits()),
                    "{a} {b}"
                );
            }
        }
    }
}
