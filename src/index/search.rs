//! Full-text search over the bodies of a corpus: an inverted index from a
//! word (lowercased) to the sentences holding it, and queries of words and
//! "quoted phrases" with smart case (an all-lowercase query matches any
//! case; a capital letter makes the whole query exact), as in less and vim.
//!
//! Compact by design: the index keeps no text (it reads the bodies of the
//! corpus it was built from); a sentence is a `u32` (its start in its
//! article's body), and each word's sentences are a sorted list stored as
//! variable-length deltas in one byte array (about one byte per entry for
//! common words). Words are runs of letters and digits, so `Okafor's`
//! holds `okafor` and `s`. A word query needs no second look at the text;
//! a phrase or an exact-case query is checked against each candidate
//! sentence. Sentences end at `.`, `!`, `?` or `…` (with closing quotes)
//! before a space and a capital, and at paragraph breaks.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::corpus::Article;

/// Articles per build chunk (each chunk is indexed on its own thread).
const CHUNK: usize = 512;

/// The full-text index of one corpus.
#[derive(Debug, Default)]
pub struct TextIndex {
    /// Per article, the first sentence id (plus one past the last).
    article_first: Vec<u32>,
    /// Per sentence id, its start byte in its article's body.
    sentence_start: Vec<u32>,
    /// Word (lowercase) → word id.
    terms: WordMap<u32>,
    /// Per word id: its postings' byte offset in `postings` (plus one past
    /// the last) and their count.
    offsets: Vec<u64>,
    counts: Vec<u32>,
    /// Every word's sentence ids: delta-coded as LEB128 varints, or, for a
    /// word in more than one sentence in eight ([`TextIndex::is_dense`]), a
    /// bitmap of every sentence (a bit per sentence costs less than a byte
    /// per posting there).
    postings: Vec<u8>,
    /// Every sentence's words as word ids (varints), to check phrases
    /// without reading the text; per sentence id, where its run starts
    /// (plus one past the last). Empty past 4 GB.
    forward: Vec<u8>,
    forward_start: Vec<u32>,
}

/// A parsed query: every part must occur in the sentence (a part of
/// several words is a phrase: the words in a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    parts: Vec<Vec<String>>,
    /// A capital letter in the query: match case exactly.
    pub case_sensitive: bool,
}

impl Query {
    /// Words, and phrases in double quotes (an unclosed quote runs to the
    /// end). Punctuation inside a word splits it like the text does, so
    /// `long-term` is the phrase "long term".
    pub fn parse(text: &str) -> Query {
        let mut parts = Vec::new();
        for (i, piece) in text.split('"').enumerate() {
            let phrase = i % 2 == 1;
            if phrase {
                parts.push(words(piece).map(|(s, e)| piece[s..e].to_string()).collect());
            } else {
                for word in piece.split_whitespace() {
                    parts.push(words(word).map(|(s, e)| word[s..e].to_string()).collect());
                }
            }
        }
        parts.retain(|p: &Vec<String>| !p.is_empty());
        Query {
            parts,
            case_sensitive: text.chars().any(char::is_uppercase),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// True when matching needs a look at the text (a phrase, or exact case).
    fn needs_check(&self) -> bool {
        self.case_sensitive || self.parts.iter().any(|p| p.len() > 1)
    }
}

/// Where one matching sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceRef {
    pub article: usize,
    /// The sentence's number in its article (0-based).
    pub sentence: usize,
    /// Byte range of the sentence in the article's body (trimmed).
    pub start: usize,
    pub end: usize,
}

/// The byte ranges of the words of `text`: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if i >= text.len() {
                return None;
            }
            let (word, len) = class(text, i);
            if word {
                break i;
            }
            i += len;
        };
        while i < text.len() {
            let (word, len) = class(text, i);
            if !word {
                break;
            }
            i += len;
        }
        Some((start, i))
    })
}

/// Whether the char at byte `i` is a word char, and its length (ASCII
/// without decoding).
fn class(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

/// A fast hash for the word table (FxHash's mix): words are short and the
/// table is built from local files.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// The start bytes of the sentences of `body`, in order (the first is the
/// first word's).
pub fn sentence_starts(body: &str) -> Vec<u32> {
    let bytes = body.as_bytes();
    let mut starts = Vec::new();
    let mut open = true;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if open {
            if !c.is_whitespace() {
                starts.push(i as u32);
                open = false;
            }
            continue;
        }
        if c == '\n' && bytes.get(i + 1) == Some(&b'\n') {
            open = true;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing quotes and brackets stay with the sentence.
        while let Some(&(_, n)) = chars.peek() {
            if matches!(
                n,
                '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']'
            ) {
                chars.next();
            } else {
                break;
            }
        }
        let Some(&(_, space)) = chars.peek() else { break };
        if !space.is_whitespace() {
            continue;
        }
        // The next sentence starts with a capital, a quote or a bracket;
        // "Jan. 4" and "the U.S. bid" go on.
        let next = body[chars.peek().map_or(body.len(), |p| p.0)..]
            .chars()
            .find(|c| !c.is_whitespace());
        if next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '«' | '‘' | '(' | '\'')) {
            open = true;
        }
    }
    starts
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The bytes [`push_varint`] writes for `v`.
fn varint_len(v: u32) -> usize {
    (32 - (v | 1).leading_zeros() as usize).div_ceil(7)
}

/// Writes `v` as [`push_varint`] does at `out[at..]`; returns where it ends.
fn write_varint(out: &mut [u8], mut at: usize, mut v: u32) -> usize {
    while v >= 0x80 {
        out[at] = (v as u8) | 0x80;
        at += 1;
        v >>= 7;
    }
    out[at] = v as u8;
    at + 1
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

/// True when a word in `count` of `sentences` sentences keeps its
/// postings as a bitmap: it is in more than one sentence in eight, where a
/// varint per posting (a byte at least) costs more than a bit per sentence.
fn is_dense(count: u32, sentences: usize) -> bool {
    count as usize * 8 > sentences
}

/// One word's postings while building: local sentence ids of a chunk.
#[derive(Debug, Default)]
struct Building {
    /// The word's id in its chunk.
    id: u32,
    first: u32,
    last: u32,
    count: u32,
    /// Deltas after the first, as varints.
    rest: Vec<u8>,
}

impl Building {
    fn push(&mut self, sentence: u32) {
        if self.count == 0 {
            self.first = sentence;
        } else if sentence == self.last {
            return;
        } else {
            push_varint(&mut self.rest, sentence - self.last);
        }
        self.last = sentence;
        self.count += 1;
    }
}

/// Lowercases `word` into `buf` unless it already is (ASCII fast path).
fn folded<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf
}

struct Chunk {
    starts: Vec<Vec<u32>>,
    sentences: u32,
    /// Every sentence's words as chunk word ids (varints), and where each
    /// sentence's run ends.
    forward: Vec<u8>,
    forward_ends: Vec<u32>,
    terms: WordMap<Building>,
}

fn index_chunk(articles: &[Article]) -> Chunk {
    let mut terms: WordMap<Building> = WordMap::default();
    let mut starts = Vec::with_capacity(articles.len());
    let mut sentence = 0u32;
    let mut buf = String::new();
    let mut forward = Vec::new();
    let mut forward_ends = Vec::new();
    for article in articles {
        let body = &article.body;
        let s = sentence_starts(body);
        for (k, &start) in s.iter().enumerate() {
            let end = s.get(k + 1).map_or(body.len(), |&e| e as usize);
            let text = &body[start as usize..end];
            for (a, b) in words(text) {
                let word = folded(&text[a..b], &mut buf);
                let id = match terms.get_mut(word) {
                    Some(list) => {
                        list.push(sentence);
                        list.id
                    }
                    None => {
                        let id = terms.len() as u32;
                        let mut list = Building {
                            id,
                            ..Building::default()
                        };
                        list.push(sentence);
                        terms.insert(word.into(), list);
                        id
                    }
                };
                push_varint(&mut forward, id);
            }
            forward_ends.push(forward.len() as u32);
            sentence += 1;
        }
        starts.push(s);
    }
    Chunk {
        starts,
        sentences: sentence,
        forward,
        forward_ends,
        terms,
    }
}

/// A chunk once its words have global ids: its postings by global id,
/// the global id of each of its word ids, and its sentences.
struct Merged {
    lists: Vec<(u32, Building)>,
    remap: Vec<u32>,
    starts: Vec<Vec<u32>>,
    forward: Vec<u8>,
    forward_ends: Vec<u32>,
}

impl TextIndex {
    /// Indexes the bodies of `articles` (in parallel, by chunks).
    pub fn build(articles: &[Article]) -> TextIndex {
        let chunks: Vec<Chunk> = articles.par_chunks(CHUNK).map(index_chunk).collect();
        let mut index = TextIndex::default();
        let sentences: usize = chunks.iter().map(|c| c.sentences as usize).sum();
        // First every word's global id, count and size, so the postings
        // are written once, in place, in a buffer of their exact size.
        // Per word: its count, its varint bytes and the last sentence id.
        let mut sizes: Vec<(u32, usize, u32)> = Vec::new();
        let mut base = 0u32;
        let mut merged: Vec<Merged> = Vec::with_capacity(chunks.len());
        for chunk in chunks {
            // New words get ids most frequent first, so common words have
            // one-byte ids in the forward index.
            let mut terms: Vec<(Box<str>, Building)> = chunk.terms.into_iter().collect();
            terms.sort_unstable_by_key(|(_, l)| std::cmp::Reverse(l.count));
            let mut remap = vec![0u32; terms.len()];
            let mut lists = Vec::with_capacity(terms.len());
            for (word, list) in terms {
                let next = sizes.len() as u32;
                let id = *index.terms.entry(word).or_insert(next);
                remap[list.id as usize] = id;
                if id == next {
                    sizes.push((0, 0, 0));
                }
                let (count, bytes, last) = &mut sizes[id as usize];
                // Postings are deltas from the previous id (the first from 0).
                *bytes += varint_len(base + list.first - *last) + list.rest.len();
                *last = base + list.last;
                *count += list.count;
                lists.push((id, list));
            }
            base += chunk.sentences;
            merged.push(Merged {
                lists,
                remap,
                starts: chunk.starts,
                forward: chunk.forward,
                forward_ends: chunk.forward_ends,
            });
        }
        let bitmap = sentences.div_ceil(8);
        let dense = |count: u32| is_dense(count, sentences);
        let mut at = Vec::with_capacity(sizes.len());
        let mut total = 0;
        for &(count, bytes, _) in &sizes {
            at.push(total);
            index.offsets.push(total as u64);
            index.counts.push(count);
            total += if dense(count) { bitmap } else { bytes };
        }
        index.offsets.push(total as u64);
        index.postings = vec![0; total];
        let mut last = vec![0u32; sizes.len()];
        drop(sizes);
        index.sentence_start.reserve_exact(sentences);
        index.article_first.reserve_exact(articles.len() + 1);
        let mut forward: Vec<u8> = Vec::with_capacity(merged.iter().map(|m| m.forward.len()).sum());
        let mut forward_start: Vec<u32> = Vec::with_capacity(sentences + 1);
        let mut base = 0u32;
        for chunk in merged {
            for s in chunk.starts {
                index.article_first.push(index.sentence_start.len() as u32);
                index.sentence_start.extend(s);
            }
            for (id, list) in chunk.lists {
                let (id, first) = (id as usize, base + list.first);
                if dense(index.counts[id]) {
                    let bits = &mut index.postings[at[id]..at[id] + bitmap];
                    let (mut k, mut s) = (0, first);
                    bits[s as usize / 8] |= 1 << (s % 8);
                    while k < list.rest.len() {
                        s += read_varint(&list.rest, &mut k);
                        bits[s as usize / 8] |= 1 << (s % 8);
                    }
                } else {
                    at[id] = write_varint(&mut index.postings, at[id], first - last[id]);
                    let to = at[id] + list.rest.len();
                    index.postings[at[id]..to].copy_from_slice(&list.rest);
                    at[id] = to;
                }
                last[id] = base + list.last;
            }
            let mut k = 0;
            for end in chunk.forward_ends {
                forward_start.push(u32::try_from(forward.len()).unwrap_or(u32::MAX));
                while k < end as usize {
                    let local = read_varint(&chunk.forward, &mut k);
                    push_varint(&mut forward, chunk.remap[local as usize]);
                }
            }
            base = index.sentence_start.len() as u32;
        }
        forward_start.push(u32::try_from(forward.len()).unwrap_or(u32::MAX));
        // Offsets fit in a u32 below 4 GB of word ids; past that, phrases
        // are checked against the text instead.
        if forward.len() < u32::MAX as usize {
            forward.shrink_to_fit();
            index.forward = forward;
            index.forward_start = forward_start;
        }
        index.article_first.push(index.sentence_start.len() as u32);
        index
    }

    /// Sentences indexed.
    pub fn sentences(&self) -> usize {
        self.sentence_start.len()
    }

    /// Distinct words indexed.
    pub fn words(&self) -> usize {
        self.counts.len()
    }

    /// Bytes held on the heap (the hash table estimated from its capacity).
    pub fn heap_bytes(&self) -> usize {
        let keys: usize = self.terms.keys().map(|k| k.len()).sum();
        let table = self.terms.capacity() * (size_of::<Box<str>>() + size_of::<u32>() + 1);
        self.article_first.capacity() * 4
            + self.sentence_start.capacity() * 4
            + keys
            + table
            + self.offsets.capacity() * 8
            + self.counts.capacity() * 4
            + self.postings.capacity()
            + self.forward.capacity()
            + self.forward_start.capacity() * 4
    }

    /// The word ids of sentence `id` into `out`, when the forward index is
    /// there.
    fn sentence_words(&self, id: u32, out: &mut Vec<u32>) -> Option<()> {
        let (from, to) = (
            *self.forward_start.get(id as usize)? as usize,
            *self.forward_start.get(id as usize + 1)? as usize,
        );
        out.clear();
        let mut at = from;
        while at < to {
            out.push(read_varint(&self.forward, &mut at));
        }
        Some(())
    }

    /// True when every part of `ids` (a phrase's word ids) occurs in a row
    /// in sentence `id`; `None` without the forward index.
    fn has_phrases(&self, id: u32, phrases: &[Vec<u32>], words: &mut Vec<u32>) -> Option<bool> {
        self.sentence_words(id, words)?;
        Some(
            phrases
                .iter()
                .all(|p| words.windows(p.len()).any(|w| w == p.as_slice())),
        )
    }

    /// The sentence ids holding `word` (lowercase), in order.
    fn decode(&self, id: u32) -> Vec<u32> {
        let id = id as usize;
        let (from, to) = (self.offsets[id] as usize, self.offsets[id + 1] as usize);
        let bytes = &self.postings[from..to];
        let mut out = Vec::with_capacity(self.counts[id] as usize);
        if is_dense(self.counts[id], self.sentence_start.len()) {
            let mut chunks = bytes.chunks_exact(8);
            let mut base = 0u32;
            let mut add = |mut bits: u64, base: u32| {
                while bits != 0 {
                    out.push(base + bits.trailing_zeros());
                    bits &= bits - 1;
                }
            };
            for chunk in &mut chunks {
                add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()), base);
                base += 64;
            }
            let mut last = [0u8; 8];
            last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
            add(u64::from_le_bytes(last), base);
            return out;
        }
        let (mut at, mut last) = (0, 0u32);
        while at < bytes.len() {
            last += read_varint(bytes, &mut at);
            out.push(last);
        }
        out
    }

    /// Where sentence `id` is, given the articles the index was built from.
    pub fn locate(&self, articles: &[Article], id: u32) -> SentenceRef {
        let article = self.article_of(id);
        let first = self.article_first[article];
        let body = &articles[article].body;
        let start = self.sentence_start[id as usize] as usize;
        let end = if id + 1 < self.article_first[article + 1] {
            self.sentence_start[id as usize + 1] as usize
        } else {
            body.len()
        };
        let end = start + body[start..end].trim_end().len();
        SentenceRef {
            article,
            sentence: (id - first) as usize,
            start,
            end,
        }
    }

    /// The article sentence `id` belongs to.
    pub fn article_of(&self, id: u32) -> usize {
        self.article_first.partition_point(|&f| f <= id) - 1
    }

    /// The sentence ids of article `article` (a range of ids).
    pub fn article_sentences(&self, article: usize) -> std::ops::Range<u32> {
        self.article_first[article]..self.article_first[article + 1]
    }

    /// Every sentence matching `query`, in corpus order (article, then
    /// position). `articles` are the ones the index was built from.
    pub fn search(&self, articles: &[Article], query: &Query) -> Vec<u32> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut buf = String::new();
        // Every part as word ids; a word never seen matches nothing.
        let mut parts: Vec<Vec<u32>> = Vec::new();
        for part in &query.parts {
            let ids: Option<Vec<u32>> = part
                .iter()
                .map(|w| self.terms.get(folded(w, &mut buf)).copied())
                .collect();
            match ids {
                Some(ids) => parts.push(ids),
                None => return Vec::new(),
            }
        }
        let mut ids: Vec<u32> = parts.iter().flatten().copied().collect();
        ids.sort_unstable_by_key(|&id| (self.counts[id as usize], id));
        ids.dedup();
        let forward = !self.forward.is_empty();
        let mut found = self.decode(ids[0]);
        // Intersect the rarest lists; a list much longer than the hits so
        // far (a common word) is checked in the forward index instead.
        let mut unchecked = false;
        for &id in &ids[1..] {
            if forward && self.counts[id as usize] as usize > found.len() * 8 {
                unchecked = true;
                break;
            }
            found = intersect(&found, &self.decode(id));
            if found.is_empty() {
                return found;
            }
        }
        // Phrases (and words not intersected) by word ids, without reading
        // the text; exact case against the text.
        let phrases: Vec<Vec<u32>> = parts.into_iter().filter(|p| p.len() > 1 || unchecked).collect();
        if forward && !phrases.is_empty() {
            found = found
                .par_chunks(4096)
                .flat_map_iter(|chunk| {
                    let mut words = Vec::new();
                    chunk
                        .iter()
                        .copied()
                        .filter(|&id| self.has_phrases(id, &phrases, &mut words).unwrap_or(true))
                        .collect::<Vec<u32>>()
                })
                .collect();
        }
        let text_check = query.case_sensitive || self.forward.is_empty();
        if text_check && query.needs_check() {
            found = found
                .par_iter()
                .copied()
                .filter(|&id| {
                    let at = self.locate(articles, id);
                    let text = &articles[at.article].body[at.start..at.end];
                    !matches(text, query).is_empty()
                })
                .collect();
        }
        found
    }

    /// Byte ranges in the body of every match of `query` in sentence `id`.
    pub fn spans(&self, articles: &[Article], id: u32, query: &Query) -> Vec<(usize, usize)> {
        let at = self.locate(articles, id);
        let text = &articles[at.article].body[at.start..at.end];
        matches(text, query)
            .into_iter()
            .map(|(s, e)| (at.start + s, at.start + e))
            .collect()
    }
}

/// Byte ranges of the occurrences of a part (a word or a phrase) in `text`.
fn part_matches(text: &str, part: &[String], query: &Query) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = words(text).collect();
    let same = |span: (usize, usize), word: &str| {
        let w = &text[span.0..span.1];
        if query.case_sensitive {
            w == word
        } else if w.is_ascii() && word.is_ascii() {
            w.eq_ignore_ascii_case(word)
        } else {
            w.chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars().flat_map(char::to_lowercase))
        }
    };
    let n = part.len();
    let mut out = Vec::new();
    let mut i = 0;
    while n > 0 && i + n <= spans.len() {
        if part.iter().enumerate().all(|(k, w)| same(spans[i + k], w)) {
            out.push((spans[i].0, spans[i + n - 1].1));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// Every match of `query` in `text` (byte ranges, in order), or none when
/// some part of the query is missing.
pub fn matches(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for part in &query.parts {
        let found = part_matches(text, part, query);
        if found.is_empty() {
            return Vec::new();
        }
        out.extend(found);
    }
    out.sort_unstable();
    out
}

/// The ids in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(small.len());
    if large.len() < small.len() * 8 {
        let (mut i, mut j) = (0, 0);
        while i < small.len() && j < large.len() {
            match small[i].cmp(&large[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.push(small[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        return out;
    }
    let mut from = 0;
    for &x in small {
        // Gallop when the other list is much longer.
        from += large[from..].partition_point(|&y| y < x);
        if from == large.len() {
            break;
        }
        if large[from] == x {
            out.push(x);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::demo_corpus;

    fn article(body: &str) -> Article {
        let mut a = Article::default();
        a.set_paragraphs(body.split("\n\n").map(str::to_string).collect());
        a
    }

    fn texts(index: &TextIndex, articles: &[Article], q: &str) -> Vec<String> {
        index
            .search(articles, &Query::parse(q))
            .into_iter()
            .map(|id| {
                let at = index.locate(articles, id);
                articles[at.article].body[at.start..at.end].to_string()
            })
            .collect()
    }

    #[test]
    fn sentences_split_at_ends_and_paragraphs_not_abbreviations() {
        let body = "The council met on Jan. 4 about the U.S. bid. “Why?” she asked. Okay!\n\nNew paragraph";
        let starts: Vec<&str> = sentence_starts(body)
            .iter()
            .map(|&s| body[s as usize..].split([' ', '\n']).next().unwrap())
            .collect();
        assert_eq!(starts, ["The", "“Why?”", "Okay!", "New"]);
    }

    #[test]
    fn words_phrases_and_smart_case() {
        let articles = vec![
            article("Okafor's plan was long-term. The okafor river runs dry.\n\nNobody said Okafor."),
            article("A plan for the long term. Water prices rose."),
        ];
        let index = TextIndex::build(&articles);
        assert_eq!(index.sentences(), 5);
        assert_eq!(texts(&index, &articles, "okafor").len(), 3);
        assert_eq!(
            texts(&index, &articles, "Okafor"),
            ["Okafor's plan was long-term.", "Nobody said Okafor."]
        );
        assert_eq!(
            texts(&index, &articles, "\"long term\""),
            ["Okafor's plan was long-term.", "A plan for the long term."]
        );
        assert_eq!(texts(&index, &articles, "long-term plan").len(), 2);
        assert!(texts(&index, &articles, "long-term water").is_empty());
        assert_eq!(texts(&index, &articles, "plan long").len(), 2);
        assert_eq!(texts(&index, &articles, "\"term long\"").len(), 0);
        assert!(texts(&index, &articles, "nowhere").is_empty());
        assert!(texts(&index, &articles, "  \"\" ").is_empty());
        let id = index.search(&articles, &Query::parse("\"long term\""))[1];
        let (s, e) = index.spans(&articles, id, &Query::parse("\"long term\""))[0];
        assert_eq!(&articles[1].body[s..e], "long term");
    }

    #[test]
    fn the_demo_corpus_finds_okafor() {
        let corpus = demo_corpus();
        let index = TextIndex::build(&corpus.articles);
        let found = index.search(&corpus.articles, &Query::parse("Okafor"));
        assert!(!found.is_empty());
        for id in found {
            let at = index.locate(&corpus.articles, id);
            assert!(corpus.articles[at.article].body[at.start..at.end].contains("Okafor"));
        }
    }

    /// Words from one in two sentences (bitmaps) to one in a thousand
    /// (varints with long gaps), over several build chunks: every word
    /// finds the sentences a scan of the text finds.
    #[test]
    fn every_word_finds_what_a_scan_finds() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let articles: Vec<Article> = (0..CHUNK * 3 + 11)
            .map(|_| {
                let sentences: Vec<String> = (0..1 + next(4))
                    .map(|_| {
                        let words: Vec<String> = (0..2 + next(6))
                            .map(|_| match next(10) {
                                0..5 => "half".to_string(),
                                5..8 => format!("w{}", next(6)),
                                _ => format!("rare{}", next(1500)),
                            })
                            .collect();
                        format!("Start {}.", words.join(" "))
                    })
                    .collect();
                article(&sentences.join(" "))
            })
            .collect();
        let index = TextIndex::build(&articles);
        let mut words: Vec<String> = vec!["half".into(), "start".into()];
        words.extend((0..6).map(|i| format!("w{i}")));
        words.extend((0..1500).step_by(37).map(|i| format!("rare{i}")));
        let (mut dense, mut sparse) = (0, 0);
        for w in &words {
            let query = Query::parse(w);
            let mut scan = Vec::new();
            for (a, art) in articles.iter().enumerate() {
                for id in index.article_sentences(a) {
                    let at = index.locate(&articles, id);
                    if !matches(&art.body[at.start..at.end], &query).is_empty() {
                        scan.push(id);
                    }
                }
            }
            assert_eq!(index.search(&articles, &query), scan, "{w}");
            if let Some(&id) = index.terms.get(w.as_str()) {
                match is_dense(index.counts[id as usize], index.sentences()) {
                    true => dense += 1,
                    false => sparse += 1,
                }
            }
        }
        assert!(dense >= 2 && sparse >= 20, "{dense} dense, {sparse} sparse");
    }

    #[test]
    fn postings_survive_chunks_and_match_a_scan() {
        // More articles than one chunk, so postings are joined across chunks.
        let articles: Vec<Article> = (0..CHUNK * 2 + 7)
            .map(|i| article(&format!("Word{} appears here. Common words too.", i % 13)))
            .collect();
        let index = TextIndex::build(&articles);
        // "word5 appears": the common word is checked in the forward index.
        for q in [
            "word5",
            "common",
            "\"words too\"",
            "word5 appears",
            "Word5 appears",
        ] {
            let found = index.search(&articles, &Query::parse(q));
            let mut scan = Vec::new();
            for (a, art) in articles.iter().enumerate() {
                for id in index.article_sentences(a) {
                    let at = index.locate(&articles, id);
                    if !matches(&art.body[at.start..at.end], &Query::parse(q)).is_empty() {
                        scan.push(id);
                    }
                }
            }
            assert_eq!(found, scan, "{q}");
            assert!(!found.is_empty());
        }
        assert!(index.heap_bytes() > 0);
    }
}
