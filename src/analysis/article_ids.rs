//! A speaker's article ids, packed: one string holding them all and where
//! each ends. At 100,000 articles the speakers index lists about a million
//! ids; as a `String` each they cost some 35 MB more (a header and an
//! allocation apiece).

use serde::Serialize;

/// Article ids in order (the speakers index keeps them sorted, each once).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ArticleIds {
    text: String,
    /// Where each id ends in `text`.
    ends: Vec<u32>,
}

impl ArticleIds {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The ids, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.get(i).unwrap_or_default())
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

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|a| a == id)
    }
}

impl<'a> FromIterator<&'a str> for ArticleIds {
    /// Ids past 4 GB of text in all (never in practice) are left out.
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        let mut out = ArticleIds::default();
        for id in ids {
            let Ok(end) = u32::try_from(out.text.len() + id.len()) else {
                break;
            };
            out.text.push_str(id);
            out.ends.push(end);
        }
        out.text.shrink_to_fit();
        out.ends.shrink_to_fit();
        out
    }
}

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
    use super::ArticleIds;

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
}
