//! Complete-linkage clustering over a sparse similarity graph: pairs not
//! listed score 0. Two clusters merge only when every pair across them
//! scores at least the threshold (so a cluster never chains through a
//! middle article), best link first.
//!
//! Links between clusters are kept only while complete (every cross pair
//! listed): the union of two clusters is completely linked to a third
//! exactly when both were, with the lower of the two links. So a merge
//! intersects two neighbour maps, and the whole run costs about the
//! edges times the cluster sizes.
//!
//! A merge also has to keep the clusters cohesive: the mean score across
//! the two must reach `ratio` times the mean score inside each (of two
//! articles or more). Two events of the same kind share enough words to
//! pass the threshold pair by pair, but each event's own articles share
//! much more: the relative test keeps them apart at any score scale.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};

/// A heap entry: a link between two clusters, best first, then in order
/// of the cluster numbers (a deterministic result).
#[derive(PartialEq)]
struct Link(f32, Reverse<u32>, Reverse<u32>);

impl Eq for Link {}

impl Ord for Link {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .total_cmp(&other.0)
            .then(self.1.cmp(&other.1))
            .then(self.2.cmp(&other.2))
    }
}

impl PartialOrd for Link {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Clusters items `0..n` from the pairs `(a, b, score)` (each unordered
/// pair at most once): merges completely linked clusters while the best
/// link reaches `threshold` and the merge keeps `ratio` of each
/// cluster's cohesion (0: plain complete linkage). Returns the clusters of two items or more,
/// each sorted, in order of their first item.
pub fn complete_linkage(n: usize, pairs: &[(u32, u32, f32)], threshold: f32, ratio: f32) -> Vec<Vec<usize>> {
    // Per cluster: the clusters it is completely linked to, with (the
    // lowest score, the sum of the scores) across.
    let mut links: Vec<BTreeMap<u32, (f32, f32)>> = vec![BTreeMap::new(); n];
    // Per cluster: the sum of the scores inside.
    let mut inside = vec![0f32; n];
    let mut heap = BinaryHeap::new();
    for &(a, b, score) in pairs {
        if a != b && score >= threshold && (a as usize) < n && (b as usize) < n {
            links[a as usize].insert(b, (score, score));
            links[b as usize].insert(a, (score, score));
            heap.push(Link(score, Reverse(a.min(b)), Reverse(a.max(b))));
        }
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    while let Some(Link(score, Reverse(a), Reverse(b))) = heap.pop() {
        let (ai, bi) = (a as usize, b as usize);
        let Some(&(min, across)) = links[ai].get(&b).filter(|l| l.0 == score) else {
            continue; // a stale entry
        };
        if !alive[ai] || !alive[bi] {
            continue;
        }
        let (na, nb) = (members[ai].len(), members[bi].len());
        let mean = |sum: f32, n: usize| sum / (n * (n - 1) / 2).max(1) as f32;
        let cross = across / (na * nb) as f32;
        if (na > 1 && cross < ratio * mean(inside[ai], na))
            || (nb > 1 && cross < ratio * mean(inside[bi], nb))
        {
            // Not cohesive: these two never merge.
            links[ai].remove(&b);
            links[bi].remove(&a);
            continue;
        }
        debug_assert!(min >= threshold);
        // Merge b into a: the new links are those both had, at the lower score.
        let from_b = std::mem::take(&mut links[bi]);
        let from_a = std::mem::take(&mut links[ai]);
        let mut merged = BTreeMap::new();
        for (&c, &sa) in &from_a {
            if c == b {
                continue;
            }
            links[c as usize].remove(&a);
            if let Some(&sb) = from_b.get(&c) {
                merged.insert(c, (sa.0.min(sb.0), sa.1 + sb.1));
            }
        }
        for &c in from_b.keys() {
            if c != a {
                links[c as usize].remove(&b);
            }
        }
        for (&c, &s) in &merged {
            links[c as usize].insert(a, s);
            heap.push(Link(s.0, Reverse(a.min(c)), Reverse(a.max(c))));
        }
        inside[ai] += inside[bi] + across;
        links[ai] = merged;
        let moved = std::mem::take(&mut members[bi]);
        members[ai].extend(moved);
        alive[bi] = false;
    }
    let mut out: Vec<Vec<usize>> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_unstable_by_key(|m| m[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_does_not_merge_but_a_clique_does() {
        // 0-1-2 chained (0 and 2 unlinked), 3-4-5 all linked.
        let pairs = [(0, 1, 0.9), (1, 2, 0.8), (3, 4, 0.5), (4, 5, 0.6), (3, 5, 0.7)];
        assert_eq!(
            complete_linkage(7, &pairs, 0.3, 0.0),
            vec![vec![0, 1], vec![3, 4, 5]]
        );
        // Above the clique's weakest link only its best pair merges.
        assert_eq!(
            complete_linkage(7, &pairs, 0.55, 0.0),
            vec![vec![0, 1], vec![3, 5]]
        );
        assert!(complete_linkage(7, &pairs, 0.95, 0.0).is_empty());
    }

    #[test]
    fn the_best_link_merges_first() {
        // 1 is closer to 2 than to 0; 0 and 2 are not linked at all.
        let pairs = [(0, 1, 0.4), (1, 2, 0.6)];
        assert_eq!(complete_linkage(3, &pairs, 0.1, 0.0), vec![vec![1, 2]]);
        // Two groups joined by complete links merge at the weakest of them.
        let pairs = [
            (0, 1, 0.9),
            (2, 3, 0.9),
            (0, 2, 0.5),
            (0, 3, 0.4),
            (1, 2, 0.6),
            (1, 3, 0.45),
        ];
        assert_eq!(complete_linkage(4, &pairs, 0.4, 0.0), vec![vec![0, 1, 2, 3]]);
        assert_eq!(
            complete_linkage(4, &pairs, 0.41, 0.0),
            vec![vec![0, 1], vec![2, 3]]
        );
    }

    #[test]
    fn two_tight_groups_loosely_linked_stay_apart_under_the_ratio() {
        // Two events of three articles each: 0.6 inside, 0.15 across.
        let mut pairs = Vec::new();
        for a in 0..6u32 {
            for b in a + 1..6 {
                let score = if a / 3 == b / 3 { 0.6 } else { 0.15 };
                pairs.push((a, b, score));
            }
        }
        assert_eq!(
            complete_linkage(6, &pairs, 0.1, 0.0),
            vec![vec![0, 1, 2, 3, 4, 5]]
        );
        assert_eq!(
            complete_linkage(6, &pairs, 0.1, 0.5),
            vec![vec![0, 1, 2], vec![3, 4, 5]]
        );
    }

    #[test]
    fn nothing_to_cluster() {
        assert!(complete_linkage(0, &[], 0.1, 0.5).is_empty());
        assert!(complete_linkage(3, &[(0, 0, 1.0), (1, 9, 1.0)], 0.1, 0.5).is_empty());
    }
}
