//! What kept state is keyed by. A corpus is its canonical paths (sorted,
//! one per line; the demo corpus is `demo`); an article is its file's
//! canonical path, plus the `#N` or `#guid` part of its id for an article
//! inside a multi-article file. Notes follow an article into any corpus
//! that holds its file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::corpus::Article;

/// The key of the built-in demo corpus.
pub const DEMO: &str = "demo";

/// The key of the corpus opened from `paths` (the demo corpus when empty).
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return DEMO.to_string();
    }
    let mut keys: Vec<String> = paths.iter().map(|p| canonical(p).display().to_string()).collect();
    keys.sort();
    keys.dedup();
    keys.join("\n")
}

/// The paths a corpus key names (empty for the demo corpus).
pub fn corpus_paths(key: &str) -> Vec<PathBuf> {
    if key == DEMO {
        return Vec::new();
    }
    key.lines().map(PathBuf::from).collect()
}

/// `path` made absolute and free of symlinks when it exists; else made
/// absolute against the current folder.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Article keys, with the canonical form of each folder looked up once
/// (a corpus may hold many thousands of files in a few folders).
#[derive(Debug, Default)]
pub struct ArticleKeys {
    folders: HashMap<PathBuf, Option<PathBuf>>,
    /// The demo corpus: its articles are keyed by id (no files).
    demo: bool,
}

impl ArticleKeys {
    /// Keys for the articles of the corpus keyed `corpus`.
    pub fn new(corpus: &str) -> ArticleKeys {
        ArticleKeys {
            folders: HashMap::new(),
            demo: corpus == DEMO,
        }
    }

    /// The key of `article`: its id for an article without a file (the
    /// demo corpus), else its file's canonical path and the id's `#` part.
    pub fn key(&mut self, article: &Article) -> String {
        let path = &article.path;
        if self.demo {
            return article.id.clone();
        }
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return article.id.clone();
        };
        let folder = self
            .folders
            .entry(parent.to_path_buf())
            .or_insert_with(|| {
                let folder = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                std::fs::canonicalize(folder).ok()
            })
            .clone();
        let Some(folder) = folder else {
            return article.id.clone();
        };
        let shown = path.display().to_string();
        let inner = article.id.strip_prefix(&shown).unwrap_or("");
        format!("{}{inner}", folder.join(name).display())
    }
}

/// The corpus indices of the articles whose keys are `wanted` (the
/// first, when two articles share a key). Only an article whose file name
/// appears in a wanted key has its key made: a few notes in a large corpus
/// cost a name lookup per article.
pub fn find(articles: &[Article], corpus: &str, wanted: &HashSet<&str>) -> HashMap<String, usize> {
    let mut found = HashMap::new();
    if wanted.is_empty() {
        return found;
    }
    // Every path segment of the wanted keys, and each of its prefixes
    // ending before a `#` (the `#N` of an article inside a file).
    let mut names: HashSet<&str> = HashSet::new();
    for key in wanted {
        for segment in key.split('/') {
            names.insert(segment);
            names.extend(segment.match_indices('#').map(|(i, _)| &segment[..i]));
        }
    }
    let mut keys = ArticleKeys::new(corpus);
    for (i, a) in articles.iter().enumerate() {
        let name = a.path.file_name().map(|n| n.to_string_lossy());
        if name.is_some_and(|n| !names.contains(n.as_ref())) {
            continue;
        }
        let key = keys.key(a);
        if wanted.contains(key.as_str()) {
            found.entry(key).or_insert(i);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_keys_are_canonical_and_order_free() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        let ab = corpus_key(&[a.clone(), b.clone()]);
        assert_eq!(ab, corpus_key(&[b.join("../b"), a.clone()]));
        assert_eq!(corpus_paths(&ab).len(), 2);
        assert_eq!(corpus_key(&[]), DEMO);
        assert!(corpus_paths(DEMO).is_empty());
    }

    #[test]
    fn article_keys_keep_the_part_after_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("feed.json");
        std::fs::write(&file, "[]").unwrap();
        let canonical = std::fs::canonicalize(&file).unwrap();
        let article = Article {
            id: format!("{}#3", file.display()),
            path: file.clone(),
            ..Article::default()
        };
        let mut keys = ArticleKeys::new("/x");
        assert_eq!(keys.key(&article), format!("{}#3", canonical.display()));
        let mut keys = ArticleKeys::new(DEMO);
        assert_eq!(keys.key(&article), article.id);
        let demo = Article {
            id: "demo/rail.txt".into(),
            path: "demo/no-such-folder/rail.txt".into(),
            ..Article::default()
        };
        assert_eq!(ArticleKeys::new("/x").key(&demo), "demo/rail.txt");
        // Found by key, a `#` in the file name too.
        let odd = dir.path().join("a#b.json");
        std::fs::write(&odd, "[]").unwrap();
        let inner = Article {
            id: format!("{}#2", odd.display()),
            path: odd.clone(),
            ..Article::default()
        };
        let articles = [demo.clone(), article.clone(), inner.clone()];
        let want = [keys_of(&inner), keys_of(&article)];
        let wanted: HashSet<&str> = want.iter().map(String::as_str).collect();
        let found = find(&articles, "/x", &wanted);
        assert_eq!(found.get(&want[0]), Some(&2));
        assert_eq!(found.get(&want[1]), Some(&1));
        assert_eq!(found.len(), 2);
    }

    fn keys_of(a: &Article) -> String {
        ArticleKeys::new("/x").key(a)
    }
}
