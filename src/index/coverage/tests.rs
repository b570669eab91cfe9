use std::collections::HashSet;

use super::links::{Link, SentenceId, links};
use super::*;
use crate::analysis::analyze;
use crate::corpus::demo_corpus;
use crate::index::CorpusIndex;

fn demo_coverages() -> (crate::corpus::Corpus, Vec<Coverage>) {
    let corpus = demo_corpus();
    let index = CorpusIndex::build(&corpus);
    let out = index
        .stories
        .stories
        .iter()
        .map(|s| Coverage::build(s, &corpus.articles, &index.speakers, &CompareOptions::default()))
        .collect();
    (corpus, out)
}

#[test]
fn each_demo_story_has_three_columns_and_rows_carried_by_all_three() {
    let (corpus, coverages) = demo_coverages();
    assert_eq!(coverages.len(), 3);
    for c in &coverages {
        assert_eq!(c.columns.len(), 3, "{:?}", c.columns);
        let all = c.rows.iter().filter(|r| r.outlets() == 3).count();
        assert!(all >= 2, "{}: {all} rows carried by all", c.title);
        // Most outlets first.
        assert!(c.rows.windows(2).all(|w| w[0].outlets() >= w[1].outlets()));
        // Members are sentences of the story's articles, at most one per article.
        for r in &c.rows {
            let articles: HashSet<usize> = r.members.iter().map(|m| m.article).collect();
            assert_eq!(articles.len(), r.members.len(), "{r:?}");
            for m in &r.members {
                assert!(c.articles.contains(&m.article));
                let body: String = corpus.articles[m.article]
                    .body
                    .chars()
                    .skip(m.start)
                    .take(m.end - m.start)
                    .collect();
                assert!(!body.trim().is_empty());
            }
            for (col, cell) in r.cells.iter().enumerate() {
                assert_eq!(*cell == Carried::None, r.cell_member(col).is_none());
            }
        }
        assert!(c.rows.iter().any(|r| r.kind == RowKind::Quote), "{}", c.title);
        assert!(c.rows.iter().any(|r| r.outlets() == 1), "{}", c.title);
    }
    // The rail story: one of its files names no outlet (a column of its
    // own, labelled by the file), and `valleywire.example` is Valley Wire.
    let rail = coverages
        .iter()
        .find(|c| c.title.contains("Rail strike"))
        .unwrap();
    let labels: Vec<&str> = rail.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Meridian Post", "rail-northgate-daily.txt", "Valley Wire"]
    );
    assert!(!rail.columns[1].named);
    // Okafor-Lind is quoted by all three.
    let okafor = rail
        .speakers
        .iter()
        .find(|s| s.name.contains("Okafor-Lind"))
        .unwrap();
    assert_eq!(okafor.outlets(), 3, "{:?}", rail.speakers);
}

/// Every two sentences of a row are linked by the engine (complete
/// linkage), and every link is in a row (none is lost: a link the linkage
/// could not keep is a row of two).
#[test]
fn a_row_holds_sentences_that_all_pair_with_each_other() {
    let corpus = demo_corpus();
    let index = CorpusIndex::build(&corpus);
    for story in &index.stories.stories {
        let docs: Vec<Doc> = story
            .articles
            .iter()
            .map(|&a| Doc {
                article: &corpus.articles[a],
                analysis: &index.speakers.analyses[a],
            })
            .collect();
        let found = links(&docs, &CompareOptions::default());
        assert!(!found.is_empty());
        let linked: HashSet<(SentenceId, SentenceId)> = found.iter().map(|l| (l.a, l.b)).collect();
        let column: Vec<usize> = (0..docs.len()).collect();
        let rows = rows::group(&docs, &found, &column, docs.len());
        let mut covered = HashSet::new();
        for r in &rows {
            for (i, x) in r.members.iter().enumerate() {
                for y in &r.members[i + 1..] {
                    let (a, b) = ((x.article, x.sentence), (y.article, y.sentence));
                    assert!(linked.contains(&(a, b)) || linked.contains(&(b, a)), "{r:?}");
                    covered.insert((a.min(b), a.max(b)));
                }
            }
        }
        for l in &found {
            assert!(covered.contains(&(l.a.min(l.b), l.a.max(l.b))), "{l:?} in no row");
        }
        // Most sentences are in one row: the rows are not all pairs.
        let in_rows: usize = rows.iter().map(|r| r.members.len()).sum();
        let distinct: HashSet<(usize, usize)> = rows
            .iter()
            .flat_map(|r| r.members.iter().map(|m| (m.article, m.sentence)))
            .collect();
        assert!(in_rows < distinct.len() * 5 / 4, "{in_rows} {}", distinct.len());
        assert!(rows.iter().any(|r| r.members.len() == 3));
    }
}

const FIELD: [&str; 3] = [
    "The Orvel tram depot reopened on Tuesday after a fire in March. Mayor Ilse Varga said the depot \
     would run forty trams by June. \"We rebuilt it in record time,\" Varga said. Repairs cost 12 million \
     crowns. A new canteen opened for drivers.",
    "Orvel's tram depot is open again, four months after the March fire. \"We rebuilt it in record time,\" \
     Mayor Ilse Varga told reporters. The city paid 12 million crowns for the repairs. Drivers' unions \
     welcomed the reopening.",
    "Mayor Ilse Varga reopened the Orvel tram depot on Tuesday, saying it would run forty trams by June. \
     The repairs cost the city 12 million crowns. Residents near the depot complained about night noise \
     from the yard.",
];

fn fixture() -> Vec<Article> {
    ["Orvel Gazette", "Tram Weekly", "City Desk"]
        .iter()
        .zip(FIELD)
        .enumerate()
        .map(|(i, (source, body))| {
            let mut a = Article {
                id: format!("tram/{i}.txt"),
                path: format!("tram/{i}.txt").into(),
                title: Some(format!("Depot reopens ({source})")),
                source: Some((*source).into()),
                ..Article::default()
            };
            a.set_paragraphs(vec![body.to_owned()]);
            a
        })
        .collect()
}

#[test]
fn a_claim_carried_by_three_outlets_is_one_row_and_the_rest_is_theirs_alone() {
    let articles = fixture();
    let analyses: Vec<Analysis> = articles.iter().map(analyze).collect();
    let story = Story::of("tram", "Depot reopens", vec![0, 1, 2]);
    let c = Coverage::build_with(&story, &articles, &analyses, None, &CompareOptions::default());
    let cost = c
        .rows
        .iter()
        .find(|r| r.text.contains("12 million"))
        .unwrap_or_else(|| panic!("{:#?}", c.rows));
    assert_eq!(cost.outlets(), 3, "{cost:?}");
    assert_eq!(c.rows[0].outlets(), 3);
    let quote = c.rows.iter().find(|r| r.text.contains("record time")).unwrap();
    assert_eq!(quote.kind, RowKind::Quote);
    assert_eq!(quote.cells, [Carried::Full, Carried::Full, Carried::None]);
    let noise = c.rows.iter().find(|r| r.text.contains("night noise")).unwrap();
    assert_eq!(noise.cells, [Carried::None, Carried::None, Carried::Full]);
    let report = report::markdown(&c, &articles);
    assert!(report.contains("## Only City Desk reports"), "{report}");
    assert!(
        report.contains("| Kind | Orvel Gazette | Tram Weekly | City Desk | Text |"),
        "{report}"
    );
}

/// A chain (a pairs with b, b with c, never a with c) is not one row.
#[test]
fn a_chain_is_split() {
    let articles = fixture();
    let analyses: Vec<Analysis> = articles.iter().map(analyze).collect();
    let docs: Vec<Doc> = articles
        .iter()
        .zip(&analyses)
        .map(|(article, analysis)| Doc { article, analysis })
        .collect();
    let link = |a, b, score| Link {
        a,
        b,
        carried: Carried::Full,
        quote: false,
        score,
    };
    let chain = [link((0, 0), (1, 0), 0.9), link((1, 0), (2, 0), 0.8)];
    let rows = rows::group(&docs, &chain, &[0, 1, 2], 3);
    assert!(rows.iter().all(|r| r.outlets() <= 2));
    // The best link first, the other kept as a row of its own.
    assert_eq!(rows[0].cells, [Carried::Full, Carried::Full, Carried::None]);
    assert_eq!(rows[1].cells, [Carried::None, Carried::Full, Carried::Full]);
    assert_eq!(rows[1].members.len(), 2);
    let triangle = [chain[0], chain[1], link((0, 0), (2, 0), 0.7)];
    let rows = rows::group(&docs, &triangle, &[0, 1, 2], 3);
    assert_eq!(rows[0].outlets(), 3);
    assert_eq!(rows[0].members.len(), 3);
}

/// Two articles of one outlet are one column, showing the better match.
#[test]
fn an_outlet_with_two_articles_is_one_column_with_its_best_match() {
    let mut articles = fixture();
    articles[2].source = Some("Orvel Gazette".into());
    let analyses: Vec<Analysis> = articles.iter().map(analyze).collect();
    let story = Story::of("tram", "Depot reopens", vec![0, 1, 2]);
    let c = Coverage::build_with(&story, &articles, &analyses, None, &CompareOptions::default());
    let labels: Vec<&str> = c.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Orvel Gazette", "Tram Weekly"]);
    assert_eq!(c.columns[0].articles, [0, 2]);
    let cost = c.rows.iter().find(|r| r.text.contains("12 million")).unwrap();
    assert_eq!(cost.members.len(), 3, "{cost:?}");
    assert_eq!(cost.outlets(), 2);
    let best = cost.cell_member(0).unwrap();
    assert!(
        cost.members
            .iter()
            .filter(|m| c.column_of(m.article) == Some(0))
            .all(|m| m.carried <= best.carried)
    );
    // Only City Desk's noise sentence is now the Gazette's alone.
    let noise = c.rows.iter().find(|r| r.text.contains("night noise")).unwrap();
    assert_eq!(noise.cells, [Carried::Full, Carried::None]);
    assert_eq!(noise.cell_member(0).unwrap().article, 2);
}
