//! A speaker's article ids: positions in one table of ids that every
//! speaker of an index shares. At 100,000 articles the speakers index
//! lists about a million ids; as a `String` each they cost some 35 MB
//! more, and packed per speaker (each id's text copied once per speaker
//! quoting it) still some 35 MB: a position is 4 bytes.

use std::sync::Arc;

use serde::Serialize;

/// Article ids, packed: one string holding them all and where each ends.
/// Shared (behind an [`Arc`]) by the [`ArticleIds`] of every speaker.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct IdTable {
    text: String,
    /// Where each id ends in `text`.
    ends: Vec<u32>,
}

impl IdTable {
    /// The ids in the order given; ids past 4 GB of text in all (never in
    /// practice) are left out.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> IdTable {
        let ids = ids.into_iter();
        let mut table = IdTable {
            text: String::new(),
            ends: Vec::with_capacity(ids.size_hint().0),
        };
        for id in ids {
            let Ok(end) = u32::try_from(table.text.len() + id.len()) else {
                break;
            };
            table.text.push_str(id);
            table.ends.push(end);
        }
        table.text.shrink_to_fit();
        table.ends.shrink_to_fit();
        table
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`-th id.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        self.text.get(start..end)
    }

    fn id(&self, i: u32) -> &str {
        self.get(i as usize).unwrap_or_default()
    }
}

/// Article ids in order (the speakers index keeps them sorted, each once):
/// positions in a shared [`IdTable`].
#[derive(Clone, Default)]
pub struct ArticleIds {
    table: Arc<IdTable>,
    /// Positions in `table`, in the order of the ids they name.
    at: Vec<u32>,
}

impl ArticleIds {
    /// The ids at `positions` of `table`, sorted by id and each id once
    /// (as sorting and deduplicating the strings would give them).
    pub fn sorted(table: Arc<IdTable>, mut positions: Vec<u32>) -> ArticleIds {
        positions.retain(|&i| (i as usize) < table.len());
        positions.sort_unstable_by(|&a, &b| table.id(a).cmp(table.id(b)));
        positions.dedup_by(|a, b| table.id(*a) == table.id(*b));
        positions.shrink_to_fit();
        ArticleIds { table, at: positions }
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The ids, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.at.iter().map(|&i| self.table.id(i))
    }

    /// The `i`-th id.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.at.get(i).map(|&at| self.table.id(at))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|a| a == id)
    }

    /// The ids of both, sorted, each once.
    pub fn union(&self, other: &ArticleIds) -> ArticleIds {
        if Arc::ptr_eq(&self.table, &other.table) {
            let at = self.at.iter().chain(&other.at).copied().collect();
            return ArticleIds::sorted(self.table.clone(), at);
        }
        let mut ids: Vec<&str> = self.iter().chain(other.iter()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().collect()
    }
}

impl<'a> FromIterator<&'a str> for ArticleIds {
    /// The ids in the order given (a table of their own).
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        let table = IdTable::new(ids);
        let at = (0..table.len()).filter_map(|i| u32::try_from(i).ok()).collect();
        ArticleIds {
            table: Arc::new(table),
            at,
        }
    }
}

/// Equal when they list the same ids (whatever table they share).
impl PartialEq for ArticleIds {
    fn eq(&self, other: &ArticleIds) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for ArticleIds {}

impl std::fmt::Debug for ArticleIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<const N: usize> PartialEq<[&str; N]> for ArticleIds {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

/// A JSON array of strings, as a `Vec<String>` was.
impl Serialize for ArticleIds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{ArticleIds, IdTable};

    #[test]
    fn ids_come_back_as_they_went_in() {
        let ids: ArticleIds = ["a/b.txt", "", "c.json#2", "é"].into_iter().collect();
        assert_eq!(ids.len(), 4);
        assert_eq!(ids, ["a/b.txt", "", "c.json#2", "é"]);
        assert_eq!(ids.get(2), Some("c.json#2"));
        assert_eq!(ids.get(4), None);
        assert!(ids.contains("é") && !ids.contains("c.json"));
        assert_eq!(
            serde_json::to_string(&ids).unwrap(),
            r#"["a/b.txt","","c.json#2","é"]"#
        );
        assert_eq!(format!("{ids:?}"), r#"["a/b.txt", "", "c.json#2", "é"]"#);
        let empty: ArticleIds = std::iter::empty().collect();
        assert!(empty.is_empty() && empty.iter().next().is_none());
    }

    /// Positions in a shared table come back sorted by id and each id
    /// once, as sorting and deduplicating the strings gives them; a union
    /// is the same whether the two share a table or not.
    #[test]
    fn positions_read_as_the_sorted_strings() {
        let names = ["b.json#10", "b.json#2", "a.txt", "b.json#2", "c"];
        let table = Arc::new(IdTable::new(names));
        let ids = ArticleIds::sorted(table.clone(), vec![3, 0, 1, 2, 1, 9]);
        assert_eq!(ids, ["a.txt", "b.json#10", "b.json#2"]);
        let other = ArticleIds::sorted(table, vec![4, 1]);
        let want = ["a.txt", "b.json#10", "b.json#2", "c"];
        assert_eq!(ids.union(&other), want);
        let apart: ArticleIds = ["c", "b.json#2"].into_iter().collect();
        assert_eq!(ids.union(&apart), want);
        assert_eq!(apart.union(&ids), want);
    }
}
