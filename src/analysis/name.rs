//! [`Name`]: an attribution's speaker, name, role or cue, interned. A
//! corpus repeats the same few strings in every article ("said", "he",
//! the same people), so each distinct string is held once, process-wide,
//! and every attribution holding it shares it (8 bytes a field instead of
//! a string of its own).
//!
//! The interner is sharded by hash, each shard behind its own lock (the
//! analysis runs on rayon's threads). Strings nobody holds any more are
//! dropped when a shard has doubled since its last sweep, so a long run
//! (`quotes --stream`) stays in flat memory.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use serde::{Serialize, Serializer};

use super::lexicon::{FastSet, Fnv};

/// An interned string: cheap to clone, compared by pointer first.
#[derive(Clone)]
pub struct Name(Arc<Box<str>>);

impl Name {
    /// The one shared copy of `s`.
    pub fn new(s: &str) -> Name {
        intern(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `self` and `other` are the same shared copy (equal strings
    /// interned while both are held always are).
    pub fn same(&self, other: &Name) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name::new(s)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        intern(s)
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Name {
        Name::new(s)
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.same(other) || self.as_str() == other.as_str()
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

const SHARDS: usize = 16;
/// A shard is swept when it holds this many strings, or twice what it kept
/// after its last sweep.
const FIRST_SWEEP: usize = 4096;

#[derive(Default)]
struct Shard {
    set: FastSet<Name>,
    sweep_at: usize,
}

static SHARDS_: LazyLock<[Mutex<Shard>; SHARDS]> = LazyLock::new(Default::default);

/// The shared copy of `s`, made from `s` when there is none.
fn intern<S: AsRef<str> + Into<Box<str>>>(s: S) -> Name {
    let hash = BuildHasherDefault::<Fnv>::default().hash_one(s.as_ref());
    let shard = &SHARDS_[(hash >> 60) as usize % SHARDS];
    let mut shard = shard.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(n) = shard.set.get(s.as_ref()) {
        return n.clone();
    }
    let name = Name(Arc::new(s.into()));
    shard.set.insert(name.clone());
    if shard.set.len() >= shard.sweep_at.max(FIRST_SWEEP) {
        // Only the set holds a string whose count is 1, and only this
        // lock hands out copies, so none can come back while we sweep.
        shard.set.retain(|n| Arc::strong_count(&n.0) > 1);
        shard.sweep_at = shard.set.len() * 2;
    }
    name
}

/// How many distinct strings the interner holds (for tests and
/// `memory_map`).
pub fn interned() -> usize {
    SHARDS_
        .iter()
        .map(|s| s.lock().unwrap_or_else(PoisonError::into_inner).set.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_copy() {
        let a = Name::new("Adaeze Kell of the name tests");
        let b = Name::from(String::from("Adaeze Kell of the name tests"));
        assert!(a.same(&b));
        assert_eq!(a, b);
        assert_eq!(a, "Adaeze Kell of the name tests");
        let c = Name::new("Adaeze Kell of the name tests, another");
        assert!(!a.same(&c));
        assert_ne!(a, c);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            "\"Adaeze Kell of the name tests\""
        );
        assert_eq!(format!("{a:?}"), "\"Adaeze Kell of the name tests\"");
    }

    #[test]
    fn strings_nobody_holds_are_swept() {
        // Many more strings than a sweep's threshold, none kept: the
        // interner does not grow with them.
        let kept = Name::new("kept through the sweeps");
        for i in 0..SHARDS * FIRST_SWEEP * 4 {
            drop(Name::from(format!("swept name {i}")));
        }
        assert!(interned() < SHARDS * FIRST_SWEEP * 3, "{}", interned());
        assert!(kept.same(&Name::new("kept through the sweeps")));
    }
}
