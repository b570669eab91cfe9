//! Flat storage of one kind of feature, without its hashes (lookups go
//! from an article to its features, never from a hash): per feature (in
//! hash order) the articles holding it, and per article its features (in
//! the same order) for pair scores. Four bytes per posting and per
//! article feature, plus the weights (none for shingles).

use rayon::prelude::*;

/// One feature occurrence: (hash, article, weight).
pub type Entry<W> = (u32, u32, W);

/// The articles of each feature, in feature order, as they are found
/// (runs of sorted entries): what [`Inverted::new`] indexes by article.
#[derive(Debug, Clone, Default)]
pub struct Postings<W> {
    /// Per feature: where its articles start in `docs` (and one more: the end).
    run_start: Vec<u32>,
    /// The articles of each feature, in article order.
    docs: Vec<u32>,
    /// Parallel to `docs`.
    weights: Vec<W>,
}

impl<W: Copy> Postings<W> {
    /// Adds the next feature (greater than every feature before), held
    /// by `docs` (in article order) with their weights.
    pub fn push(&mut self, docs: impl IntoIterator<Item = (u32, W)>) {
        if self.run_start.is_empty() {
            self.run_start.push(0);
        }
        for (d, w) in docs {
            self.docs.push(d);
            self.weights.push(w);
        }
        self.run_start.push(self.docs.len() as u32);
    }

    /// Appends the features of `other` (all greater than these).
    pub fn append(&mut self, other: Postings<W>) {
        if self.run_start.is_empty() {
            self.run_start.push(0);
        }
        let base = self.docs.len() as u32;
        self.run_start
            .extend(other.run_start.iter().skip(1).map(|&s| s + base));
        self.docs.extend(other.docs);
        self.weights.extend(other.weights);
    }

    /// Every posting: (article, weight), to rescale weights.
    pub fn each_mut(&mut self) -> impl Iterator<Item = (u32, &mut W)> {
        self.docs.iter().copied().zip(self.weights.iter_mut())
    }

    /// Postings from entries sorted by (hash, article).
    #[cfg(test)]
    pub fn from_entries(entries: &[Entry<W>]) -> Self {
        let mut p = Postings {
            run_start: Vec::new(),
            docs: Vec::new(),
            weights: Vec::new(),
        };
        for run in runs(entries) {
            p.push(run.iter().map(|e| (e.1, e.2)));
        }
        p
    }
}

#[derive(Debug, Clone, Default)]
pub struct Inverted<W> {
    postings: Postings<W>,
    /// Per article: where its features start in `features` (and the end).
    doc_start: Vec<u32>,
    /// Per article: its features (numbers, ascending: hash order).
    features: Vec<u32>,
    /// Parallel to `features`: the article's weight of each.
    feature_weights: Vec<W>,
}

impl<W: Copy + Default> Inverted<W> {
    /// Indexes `postings` by article (articles below `docs`).
    pub fn new(mut postings: Postings<W>, docs: usize) -> Self {
        if postings.run_start.is_empty() {
            postings.run_start.push(0);
        }
        let mut doc_start = vec![0u32; docs + 1];
        for &d in &postings.docs {
            doc_start[d as usize + 1] += 1;
        }
        for d in 0..docs {
            doc_start[d + 1] += doc_start[d];
        }
        let mut next: Vec<u32> = doc_start[..docs].to_vec();
        let mut features = vec![0u32; postings.docs.len()];
        let mut feature_weights = vec![W::default(); postings.docs.len()];
        for (f, run) in postings.run_start.windows(2).enumerate() {
            for i in run[0] as usize..run[1] as usize {
                let d = postings.docs[i] as usize;
                features[next[d] as usize] = f as u32;
                feature_weights[next[d] as usize] = postings.weights[i];
                next[d] += 1;
            }
        }
        postings.run_start.shrink_to_fit();
        postings.docs.shrink_to_fit();
        postings.weights.shrink_to_fit();
        Inverted {
            postings,
            doc_start,
            features,
            feature_weights,
        }
    }

    /// The features of one article (numbers in hash order), with weights.
    pub fn doc(&self, doc: usize) -> (&[u32], &[W]) {
        let range = self.doc_start[doc] as usize..self.doc_start[doc + 1] as usize;
        (&self.features[range.clone()], &self.feature_weights[range])
    }

    /// Calls `f(other, weight in doc, weight in other)` for every posting
    /// that shares a feature with `doc` (`doc` itself included), in hash order.
    pub fn for_each_shared(&self, doc: usize, f: impl FnMut(usize, W, W)) {
        self.for_each_shared_rare(doc, usize::MAX, f)
    }

    /// Like [`for_each_shared`](Self::for_each_shared), skipping the
    /// features held by more than `max_docs` postings.
    pub fn for_each_shared_rare(&self, doc: usize, max_docs: usize, mut f: impl FnMut(usize, W, W)) {
        let (features, weights) = self.doc(doc);
        let p = &self.postings;
        for (&feature, &w) in features.iter().zip(weights) {
            let run = p.run_start[feature as usize] as usize..p.run_start[feature as usize + 1] as usize;
            if run.len() <= max_docs {
                for (&other, &w2) in p.docs[run.clone()].iter().zip(&p.weights[run]) {
                    f(other as usize, w, w2);
                }
            }
        }
    }

    /// Merges the features of two articles: `f(wa, wb)` per shared
    /// feature, in hash order.
    pub fn for_each_common(&self, a: usize, b: usize, mut f: impl FnMut(W, W)) {
        let (fa, wa) = self.doc(a);
        let (fb, wb) = self.doc(b);
        let (mut i, mut j) = (0, 0);
        while i < fa.len() && j < fb.len() {
            let (ha, hb) = (fa[i], fb[j]);
            if ha == hb {
                f(wa[i], wb[j]);
            }
            if ha <= hb {
                i += 1;
            }
            if hb <= ha {
                j += 1;
            }
        }
    }

    pub fn heap_bytes(&self) -> usize {
        let p = &self.postings;
        // A vector of a zero-sized type (shingles' weights) says its
        // capacity is unbounded; it holds nothing.
        let weights = if size_of::<W>() == 0 {
            0
        } else {
            (p.weights.capacity() + self.feature_weights.capacity()) * size_of::<W>()
        };
        (p.run_start.capacity() + p.docs.capacity() + self.doc_start.capacity() + self.features.capacity())
            * size_of::<u32>()
            + weights
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
        let entries = [(1, 0, 1.0), (1, 2, 2.0), (5, 0, 3.0), (9, 2, 4.0)];
        let inv = Inverted::new(Postings::from_entries(&entries), 3);
        assert_eq!(inv.doc(0), (&[0, 1][..], &[1.0, 3.0][..]));
        assert!(inv.doc(1).0.is_empty());
        assert_eq!(inv.doc(2), (&[0, 2][..], &[2.0, 4.0][..]));
        let mut common = Vec::new();
        inv.for_each_common(0, 2, |a, b| common.push((a, b)));
        assert_eq!(common, [(1.0, 2.0)]);
        let mut shared = Vec::new();
        inv.for_each_shared(2, |other, w, w2| shared.push((other, w, w2)));
        assert_eq!(shared, [(0, 2.0, 1.0), (2, 2.0, 2.0), (2, 4.0, 4.0)]);
        let mut rare = Vec::new();
        inv.for_each_shared_rare(2, 1, |other, w, w2| rare.push((other, w, w2)));
        assert_eq!(rare, [(2, 4.0, 4.0)]);
    }

    #[test]
    fn appended_postings_continue_the_features() {
        let mut a = Postings::from_entries(&[(1, 0, ()), (1, 1, ())]);
        a.append(Postings::from_entries(&[(4, 1, ()), (4, 2, ()), (7, 0, ())]));
        let inv = Inverted::new(a, 3);
        assert_eq!(inv.doc(0).0, [0, 2]);
        assert_eq!(inv.doc(1).0, [0, 1]);
        assert_eq!(inv.doc(2).0, [1]);
        let mut n = 0;
        inv.for_each_common(1, 2, |(), ()| n += 1);
        assert_eq!(n, 1);
    }
}
