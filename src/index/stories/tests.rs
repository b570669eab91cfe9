use super::*;
use crate::corpus::demo_corpus;

#[test]
fn the_demo_corpus_holds_three_stories_of_three_outlets() {
    let corpus = demo_corpus();
    let related = RelatedIndex::build(&corpus.articles);
    let stories = Stories::build(&corpus.articles, &related);
    assert_eq!(stories.len(), 3, "{stories:#?}");
    for s in &stories.stories {
        assert_eq!(s.articles.len(), 3, "{s:#?}");
        let prefix = corpus.articles[s.articles[0]].id.split('-').next().unwrap();
        assert!(
            s.articles
                .iter()
                .all(|&a| corpus.articles[a].id.starts_with(prefix)),
            "{s:#?}"
        );
        assert!(s.cohesion > 0.0 && s.cohesion <= 1.0);
        assert_eq!(s.id.len(), 12);
        assert!(s.articles.contains(&s.central));
    }
}

#[test]
fn the_id_is_a_stable_hash_of_the_sorted_ids() {
    assert_eq!(story_id(&["a", "b"]), story_id(&["a", "b"]));
    assert_ne!(story_id(&["a", "b"]), story_id(&["a", "c"]));
    assert_ne!(story_id(&["ab"]), story_id(&["a", "b"]));
    // FNV-1a of "a\nb\n", top 48 bits: fixed across runs and machines.
    assert_eq!(story_id(&["a", "b"]), "78ed6781f136");
}
