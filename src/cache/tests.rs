//! The cache end to end, on the demo files written to a temporary corpus
//! folder and a temporary cache folder.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, SystemTime};

use super::session::{self, Plan};
use super::{Cache, Corrupt};
use crate::analysis::Analysis;
use crate::corpus::{DEMO_FILES, discover};
use crate::index::CorpusIndex;

struct Setup {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    corpus_dir: PathBuf,
    cache: Cache,
    plan: Plan,
    key: String,
}

/// The demo files (and a broken one) in a folder dated an hour ago, so
/// the writer may vouch for them.
fn setup() -> Setup {
    let (corpus, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let dir = corpus.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    for (name, bytes) in DEMO_FILES {
        std::fs::write(dir.join(Path::new(name).file_name().unwrap()), bytes).unwrap();
    }
    std::fs::write(dir.join("broken.json"), b"{\"title\": ").unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        age(&entry.unwrap().path(), 3600);
    }
    let plan = Plan {
        inputs: vec![dir.clone()],
        ..Plan::default()
    };
    let key = Cache::key(&plan.inputs, &plan.salt());
    let cache_dir = Cache {
        dir: cache.path().join("parallax"),
        limit: super::DEFAULT_LIMIT,
    };
    Setup {
        _dirs: (corpus, cache),
        corpus_dir: dir,
        cache: cache_dir,
        plan,
        key,
    }
}

fn age(path: &Path, seconds: u64) {
    let f = std::fs::File::options().append(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .unwrap();
}

/// A cold open: load, analyse, vouch, write. Returns the index.
fn cold(s: &Setup) -> (crate::corpus::Corpus, CorpusIndex) {
    let mut snap = session::load_fresh(&s.plan, discover(&s.plan.inputs), &AtomicUsize::new(0));
    let index = CorpusIndex::build(&snap.corpus);
    session::seal(&mut snap.files.entries, SystemTime::now());
    assert!(snap.files.entries.iter().all(|e| e.stamp.is_some()));
    s.cache
        .write(&s.key, &snap.corpus, &snap.files, &index.speakers.analyses)
        .unwrap();
    (snap.corpus, index)
}

#[test]
fn a_warm_open_gives_the_cold_open_s_corpus_and_analyses() {
    let s = setup();
    let (corpus, index) = cold(&s);
    assert_eq!(corpus.articles.len(), DEMO_FILES.len());
    assert!(
        corpus.diagnostics.iter().any(|d| d.path.ends_with("broken.json")),
        "{:?}",
        corpus.diagnostics
    );
    let (warm, generation) = s.cache.read_corpus(&s.key).unwrap().unwrap();
    assert_eq!(warm.corpus.articles, corpus.articles);
    for (w, c) in warm.corpus.articles.iter().zip(&corpus.articles) {
        assert_eq!(w.word_count(), c.word_count(), "{}", c.id);
    }
    assert_eq!(warm.corpus.diagnostics, corpus.diagnostics);
    assert_eq!(warm.corpus.duplicates, corpus.duplicates);
    assert_eq!(
        (warm.corpus.files, warm.corpus.skipped),
        (corpus.files, corpus.skipped)
    );
    let analyses = s
        .cache
        .read_analyses(&s.key, generation, corpus.articles.len())
        .unwrap();
    assert_eq!(analyses, index.speakers.analyses);
    // The index built from the cached analyses is the same index.
    let again = CorpusIndex::build_reusing(&warm.corpus, analyses.into_iter().map(Some).collect());
    assert_eq!(again.speakers.speakers, index.speakers.speakers);
    assert_eq!(again.speakers.speaker_of, index.speakers.speaker_of);
    // Nothing changed on disk: the check finds nothing to do.
    assert!(session::refresh(&s.plan, &warm.corpus, &warm.files, Some(&index.speakers.analyses)).is_none());
}

#[test]
fn a_changed_a_new_and_a_removed_file_are_picked_up() {
    let s = setup();
    let (corpus, index) = cold(&s);
    let (warm, _) = s.cache.read_corpus(&s.key).unwrap().unwrap();
    let changed = s.corpus_dir.join("desal-harbour-ledger.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replace("desalination", "Desalination plant kept")).unwrap();
    std::fs::write(
        s.corpus_dir.join("new.txt"),
        "A new headline\n\nThe new body says little.\n",
    )
    .unwrap();
    std::fs::remove_file(s.corpus_dir.join("drought-northgate-daily.txt")).unwrap();
    let analyses: &[Analysis] = &index.speakers.analyses;
    let r = session::refresh(&s.plan, &warm.corpus, &warm.files, Some(analyses)).expect("a change");
    assert_eq!((r.changed, r.removed), (2, 1));
    let fresh = crate::corpus::load(&s.plan.inputs);
    assert_eq!(r.snapshot.corpus.articles, fresh.articles);
    assert_eq!(r.snapshot.corpus.diagnostics, fresh.diagnostics);
    // The analyses of unchanged articles are kept; the changed and new are not.
    let kept = r.analyses.iter().filter(|a| a.is_some()).count();
    assert_eq!(kept, fresh.articles.len() - 2);
    for (article, known) in r.snapshot.corpus.articles.iter().zip(&r.analyses) {
        let before = corpus.articles.iter().position(|a| a.id == article.id);
        match known {
            Some(a) => assert_eq!(Some(a), before.map(|i| &analyses[i])),
            None => assert!(article.path == changed || article.id.ends_with("new.txt")),
        }
    }
}

#[test]
fn a_change_that_keeps_size_and_time_is_caught_by_the_content_hash() {
    let s = setup();
    let (_, index) = cold(&s);
    let path = s.corpus_dir.join("desal-harbour-ledger.txt");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let swapped = text.replacen('a', "o", 1);
    assert_eq!(swapped.len(), text.len());
    std::fs::write(&path, swapped).unwrap();
    std::fs::File::options()
        .append(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let (warm, _) = s.cache.read_corpus(&s.key).unwrap().unwrap();
    let r = session::refresh(&s.plan, &warm.corpus, &warm.files, Some(&index.speakers.analyses));
    assert_eq!(r.map(|r| r.changed), Some(1));
}

#[test]
fn a_damaged_cache_is_refused_never_trusted() {
    let s = setup();
    cold(&s);
    let path = s.cache.dir.join(format!("{}.pxc", s.key));
    let good = std::fs::read(&path).unwrap();
    for (what, bytes) in [
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("a flipped byte", {
            let mut b = good.clone();
            let at = b.len() - 40;
            b[at] ^= 0x04;
            b
        }),
        ("another version", {
            let mut b = good.clone();
            b[9] ^= 0x01;
            b
        }),
    ] {
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(s.cache.read_corpus(&s.key), Err(Corrupt(_))), "{what}");
    }
    // Analyses of another generation are refused too.
    std::fs::write(&path, &good).unwrap();
    let (warm, generation) = s.cache.read_corpus(&s.key).unwrap().unwrap();
    let n = warm.corpus.articles.len();
    assert!(s.cache.read_analyses(&s.key, generation ^ 1, n).is_err());
    assert!(s.cache.read_analyses(&s.key, generation, n + 1).is_err());
    s.cache.remove(&s.key);
    assert!(matches!(s.cache.read_corpus(&s.key), Ok(None)));
}

/// The library is read first (every article without its text, with its
/// metadata and word count), then the text; a damaged text block, read
/// after the library was shown, is still an error.
#[test]
fn the_library_is_read_before_the_text() {
    let s = setup();
    let (corpus, _) = cold(&s);
    let (listed, generation, text) = s.cache.read_library(&s.key).unwrap().unwrap();
    assert_eq!(listed.corpus.articles.len(), corpus.articles.len());
    for (l, c) in listed.corpus.articles.iter().zip(&corpus.articles) {
        assert!(l.body.is_empty() && l.paragraph_count() == 0, "{}", c.id);
        assert_eq!((&l.id, &l.title, &l.source), (&c.id, &c.title, &c.source));
        assert_eq!(l.published_display(), c.published_display());
        assert_eq!(l.word_count(), c.word_count(), "{}", c.id);
    }
    assert_eq!(listed.corpus.diagnostics, corpus.diagnostics);
    let mut articles = listed.corpus.articles;
    text.fill(&mut articles).unwrap();
    assert_eq!(articles, corpus.articles);
    for (w, c) in articles.iter().zip(&corpus.articles) {
        assert_eq!(w.word_count(), c.word_count(), "{}", c.id);
    }
    assert_eq!(s.cache.read_corpus(&s.key).unwrap().unwrap().1, generation);
    // A flipped byte in the last (text) block: the library still reads,
    // the text does not.
    let path = s.cache.dir.join(format!("{}.pxc", s.key));
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.len() - 3;
    bytes[at] ^= 0x04;
    std::fs::write(&path, &bytes).unwrap();
    let (listed, _, text) = s.cache.read_library(&s.key).unwrap().unwrap();
    let mut articles = listed.corpus.articles;
    assert!(matches!(text.fill(&mut articles), Err(Corrupt(_))));
    assert!(s.cache.read_corpus(&s.key).is_err());
}

#[test]
fn clear_empties_the_folder() {
    let s = setup();
    cold(&s);
    assert_eq!(s.cache.usage().0, 1);
    assert!(s.cache.clear().unwrap() > 0);
    assert_eq!(s.cache.usage(), (0, 0));
}
