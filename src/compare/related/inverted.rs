//! Flat, sorted storage of one kind of feature: postings sorted by
//! (hash, article) for lookups, and the same entries grouped by article
//! (each group sorted by hash) for pair scores.

use rayon::prelude::*;

/// One feature occurrence: (hash, article, weight).
pub type Entry<W> = (u32, u32, W);

#[derive(Debug, Clone, Default)]
pub struct Inverted<W> {
    postings: Vec<Entry<W>>,
    doc_start: Vec<u32>,
    by_doc: Vec<(u32, W)>,
    /// Parallel to `by_doc`: where the run of that hash starts in
    /// `postings` (a lookup without a binary search over all postings).
    run_start: Vec<u32>,
}

impl<W: Copy + Default> Inverted<W> {
    /// `postings` must be sorted by (hash, article), articles below `docs`.
    pub fn new(postings: Vec<Entry<W>>, docs: usize) -> Self {
        let mut doc_start = vec![0u32; docs + 1];
        for p in &postings {
            doc_start[p.1 as usize + 1] += 1;
        }
        for d in 0..docs {
            doc_start[d + 1] += doc_start[d];
        }
        let mut next: Vec<u32> = doc_start[..docs].to_vec();
        let mut by_doc = vec![(0, W::default()); postings.len()];
        let mut run_start = vec![0u32; postings.len()];
        let mut start = 0;
        for (i, &(hash, doc, w)) in postings.iter().enumerate() {
            if i > 0 && postings[i - 1].0 != hash {
                start = i as u32;
            }
            by_doc[next[doc as usize] as usize] = (hash, w);
            run_start[next[doc as usize] as usize] = start;
            next[doc as usize] += 1;
        }
        Inverted {
            postings,
            doc_start,
            by_doc,
            run_start,
        }
    }

    /// The features of one article, sorted by hash.
    pub fn doc(&self, doc: usize) -> &[(u32, W)] {
        &self.by_doc[self.doc_start[doc] as usize..self.doc_start[doc + 1] as usize]
    }

    /// Calls `f(other, weight in doc, weight in other)` for every posting
    /// that shares a hash with `doc` (`doc` itself included), in hash order.
    pub fn for_each_shared(&self, doc: usize, f: impl FnMut(usize, W, W)) {
        self.for_each_shared_rare(doc, usize::MAX, f)
    }

    /// Like [`for_each_shared`](Self::for_each_shared), skipping the
    /// features held by more than `max_docs` postings.
    pub fn for_each_shared_rare(&self, doc: usize, max_docs: usize, mut f: impl FnMut(usize, W, W)) {
        let range = self.doc_start[doc] as usize..self.doc_start[doc + 1] as usize;
        for (&(hash, w), &start) in self.by_doc[range.clone()].iter().zip(&self.run_start[range]) {
            let rest = &self.postings[start as usize..];
            let run = rest
                .iter()
                .take(max_docs.saturating_add(1))
                .take_while(|p| p.0 == hash)
                .count();
            if run <= max_docs {
                for &(_, other, w2) in &rest[..run] {
                    f(other as usize, w, w2);
                }
            }
        }
    }

    /// Merges the features of two articles: `f(wa, wb)` per shared hash,
    /// in hash order.
    pub fn for_each_common(&self, a: usize, b: usize, mut f: impl FnMut(W, W)) {
        let (mut x, mut y) = (self.doc(a), self.doc(b));
        while let (Some(&(ha, wa)), Some(&(hb, wb))) = (x.first(), y.first()) {
            if ha <= hb {
                x = &x[1..];
            }
            if hb <= ha {
                y = &y[1..];
            }
            if ha == hb {
                f(wa, wb);
            }
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.postings.capacity() * size_of::<Entry<W>>()
            + self.doc_start.capacity() * size_of::<u32>()
            + self.by_doc.capacity() * size_of::<(u32, W)>()
            + self.run_start.capacity() * size_of::<u32>()
    }
}

/// Bits of the hash that pick a bucket in [`sorted_entries`].
const BUCKET_BITS: u32 = 12;

/// Every article's features as entries sorted by (hash, article). Each
/// thread counts, then scatters, a share of the articles straight into
/// its own piece of each bucket (buckets by the top bits of the hash);
/// then the buckets are sorted in parallel: small, cache-sized sorts
/// instead of one global sort.
pub fn sorted_entries<W: Copy + Default + Send + Sync>(lists: &[&[(u32, W)]]) -> Vec<Entry<W>> {
    const BUCKETS: usize = 1 << BUCKET_BITS;
    let bucket = |hash: u32| (hash >> (32 - BUCKET_BITS)) as usize;
    let share = lists.len().div_ceil(rayon::current_num_threads()).max(1);
    let shares: Vec<&[&[(u32, W)]]> = lists.chunks(share).collect();
    let counts: Vec<Vec<usize>> = shares
        .par_iter()
        .map(|lists| {
            let mut count = vec![0usize; BUCKETS];
            for &(hash, _) in lists.iter().flat_map(|l| l.iter()) {
                count[bucket(hash)] += 1;
            }
            count
        })
        .collect();
    let total = counts.iter().flatten().sum();
    let mut entries = vec![(0, 0, W::default()); total];
    // pieces[part][bucket]: where that share writes that bucket.
    let mut pieces: Vec<Vec<&mut [Entry<W>]>> =
        (0..shares.len()).map(|_| Vec::with_capacity(BUCKETS)).collect();
    let mut buckets: Vec<usize> = Vec::with_capacity(BUCKETS + 1);
    let mut rest = &mut entries[..];
    for b in 0..BUCKETS {
        buckets.push(total - rest.len());
        for (part, count) in counts.iter().enumerate() {
            let (piece, tail) = rest.split_at_mut(count[b]);
            pieces[part].push(piece);
            rest = tail;
        }
    }
    buckets.push(total);
    pieces.into_par_iter().enumerate().for_each(|(part, mut pieces)| {
        let mut next = vec![0usize; BUCKETS];
        for (i, list) in shares[part].iter().enumerate() {
            let doc = (part * share + i) as u32;
            for &(hash, w) in *list {
                let b = bucket(hash);
                pieces[b][next[b]] = (hash, doc, w);
                next[b] += 1;
            }
        }
    });
    let mut sorted: Vec<&mut [Entry<W>]> = Vec::with_capacity(BUCKETS);
    let mut rest = &mut entries[..];
    for b in 0..BUCKETS {
        let (head, tail) = rest.split_at_mut(buckets[b + 1] - buckets[b]);
        sorted.push(head);
        rest = tail;
    }
    // A bucket holds its shares in article order: a stable sort by hash
    // leaves each run of one hash in article order.
    sorted
        .into_par_iter()
        .for_each_init(Vec::new, |scratch, b| radix_sort(b, scratch));
    entries
}

/// Bits of the hash under the bucket bits, sorted in two radix passes.
const RADIX_BITS: u32 = (32 - BUCKET_BITS).div_ceil(2);

/// Sorts one bucket by hash, stably: two counting passes over the hash
/// bits below the bucket's (the bucket's own bits are all equal).
fn radix_sort<W: Copy + Default>(entries: &mut [Entry<W>], scratch: &mut Vec<Entry<W>>) {
    if entries.len() < 64 {
        entries.sort_by_key(|e| e.0);
        return;
    }
    scratch.clear();
    scratch.resize(entries.len(), (0, 0, W::default()));
    let digit = |e: &Entry<W>, pass: u32| (e.0 >> (pass * RADIX_BITS)) as usize & ((1 << RADIX_BITS) - 1);
    let mut count = vec![0usize; 1 << RADIX_BITS];
    for pass in 0..2 {
        let (from, to): (&[Entry<W>], &mut [Entry<W>]) = if pass == 0 {
            (entries, scratch)
        } else {
            (scratch, entries)
        };
        count.fill(0);
        for e in from {
            count[digit(e, pass)] += 1;
        }
        let mut at = 0;
        for c in &mut count {
            (*c, at) = (at, at + *c);
        }
        for e in from {
            let d = digit(e, pass);
            to[count[d]] = *e;
            count[d] += 1;
        }
    }
}

/// Runs of equal hash in entries sorted by hash.
pub fn runs<W>(entries: &[Entry<W>]) -> impl Iterator<Item = &[Entry<W>]> {
    let mut rest = entries;
    std::iter::from_fn(move || {
        let first = rest.first()?.0;
        let len = rest.iter().take_while(|e| e.0 == first).count();
        let (run, tail) = rest.split_at(len);
        rest = tail;
        Some(run)
    })
}

/// Splits sorted entries into about `parts` pieces, never inside a run.
pub fn split_at_runs<W>(entries: &[Entry<W>], parts: usize) -> Vec<&[Entry<W>]> {
    let mut out = Vec::with_capacity(parts);
    let mut rest = entries;
    for left in (1..=parts.max(1)).rev() {
        let mut at = rest.len() / left;
        while at > 0 && at < rest.len() && rest[at].0 == rest[at - 1].0 {
            at += 1;
        }
        let (piece, tail) = rest.split_at(at);
        out.push(piece);
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_sorted_by_hash_then_article() {
        let a = [(7u32, 1.0f32), (u32::MAX, 2.0)];
        let b = [(3, 3.0), (7, 4.0), (1 << 31, 5.0)];
        let c = [(7, 6.0)];
        let entries = sorted_entries(&[&a[..], &b[..], &c[..]]);
        let keys: Vec<(u32, u32)> = entries.iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(
            keys,
            [(3, 1), (7, 0), (7, 1), (7, 2), (1 << 31, 1), (u32::MAX, 0)]
        );
        let lens: Vec<usize> = runs(&entries).map(<[_]>::len).collect();
        assert_eq!(lens, [1, 3, 1, 1]);
        for parts in 1..8 {
            let pieces = split_at_runs(&entries, parts);
            assert_eq!(pieces.concat(), entries);
            assert_eq!(pieces.len(), parts);
            let pieces: Vec<_> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
            for pair in pieces.windows(2) {
                assert_ne!(pair[0].last().unwrap().0, pair[1][0].0, "{parts}: a run was cut");
            }
        }
    }

    #[test]
    fn large_buckets_sort_like_a_plain_sort() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut random = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        // 40 articles, 3,000 hashes each: buckets of about 30 entries, and
        // one hash range dense enough for buckets of thousands.
        let lists: Vec<Vec<(u32, u32)>> = (0..40)
            .map(|doc| {
                (0..3000)
                    .map(|i| {
                        let r = random() as u32;
                        let hash = if i % 2 == 0 { r } else { r & 0x00FF_FFFF };
                        (hash, doc)
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&[(u32, u32)]> = lists.iter().map(|l| &l[..]).collect();
        let mut expected: Vec<Entry<u32>> = lists.iter().flatten().map(|&(h, d)| (h, d, d)).collect();
        expected.sort_by_key(|e| (e.0, e.1));
        assert_eq!(sorted_entries(&refs), expected);
    }

    #[test]
    fn postings_and_article_lists_hold_the_same_entries() {
        let inv = Inverted::new(vec![(1, 0, 1.0), (1, 2, 2.0), (5, 0, 3.0), (9, 2, 4.0)], 3);
        assert_eq!(inv.doc(0), [(1, 1.0), (5, 3.0)]);
        assert!(inv.doc(1).is_empty());
        assert_eq!(inv.doc(2), [(1, 2.0), (9, 4.0)]);
        let mut common = Vec::new();
        inv.for_each_common(0, 2, |a, b| common.push((a, b)));
        assert_eq!(common, [(1.0, 2.0)]);
        let mut shared = Vec::new();
        inv.for_each_shared(2, |other, w, w2| shared.push((other, w, w2)));
        assert_eq!(shared, [(0, 2.0, 1.0), (2, 2.0, 2.0), (2, 4.0, 4.0)]);
    }
}
