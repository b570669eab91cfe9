//! Sentences grouped across outlets: complete linkage over the links, so a
//! row holds sentences that all pair with each other (a claim carried by
//! three outlets is one row, and a chain a–b–c without a–c is never one
//! row). A link the linkage could not keep (a–b when a joined c, and b
//! does not pair with c) is a row of its own two sentences: every pair the
//! engine found stays in the matrix, and a sentence may then show in two
//! rows. Sentences no other article carries are rows of their own.

use std::collections::HashMap;

use super::links::{Link, SentenceId};
use super::{Carried, Member, Row, RowKind};
use crate::analysis::QuoteKind;
use crate::compare::{Doc, sentence_texts};
use crate::index::stories::complete_linkage;

/// A sentence of fewer words is no row of its own (a dateline, "Read more.").
pub const MIN_ROW_WORDS: usize = 4;

/// The rows of `docs` from their links; `column[d]` is document `d`'s
/// column (its outlet), of `columns`. Members name documents by position.
pub fn group(docs: &[Doc], links: &[Link], column: &[usize], columns: usize) -> Vec<Row> {
    let offsets: Vec<usize> = docs
        .iter()
        .scan(0, |at, d| {
            let here = *at;
            *at += d.analysis.sentences.len();
            Some(here)
        })
        .collect();
    let n = offsets.last().map_or(0, |&o| o) + docs.last().map_or(0, |d| d.analysis.sentences.len());
    let node = |(d, s): SentenceId| (offsets[d] + s) as u32;
    let mut by_nodes: HashMap<(u32, u32), &Link> = HashMap::new();
    for l in links {
        let (a, b) = (node(l.a), node(l.b));
        by_nodes.insert((a.min(b), a.max(b)), l);
    }
    let mut weighted: Vec<(u32, u32, f32)> = by_nodes.iter().map(|(&(a, b), l)| (a, b, l.weight())).collect();
    weighted.sort_by_key(|&(a, b, _)| (a, b));
    let clusters = complete_linkage(n, &weighted, 0.0, 0.0);
    let sentence_of = |node: usize| -> SentenceId {
        let d = offsets.partition_point(|&o| o <= node) - 1;
        (d, node - offsets[d])
    };
    let texts: Vec<Vec<&str>> = docs
        .iter()
        .map(|d| sentence_texts(&d.article.body, &d.analysis.sentences))
        .collect();
    let mut clustered = vec![false; n];
    let mut cluster_of = vec![usize::MAX; n];
    for (i, cluster) in clusters.iter().enumerate() {
        cluster.iter().for_each(|&c| cluster_of[c] = i);
    }
    // Links across two clusters: rows of two.
    let mut leftover: Vec<(u32, u32)> = by_nodes
        .keys()
        .copied()
        .filter(|&(a, b)| {
            cluster_of[a as usize] != cluster_of[b as usize] || cluster_of[a as usize] == usize::MAX
        })
        .collect();
    leftover.sort_unstable();
    let clusters: Vec<Vec<usize>> = clusters
        .into_iter()
        .chain(leftover.into_iter().map(|(a, b)| vec![a as usize, b as usize]))
        .collect();
    let mut rows = Vec::new();
    for cluster in &clusters {
        cluster.iter().for_each(|&c| clustered[c] = true);
        let ids: Vec<SentenceId> = cluster.iter().map(|&c| sentence_of(c)).collect();
        let link = |x: usize, y: usize| {
            let (a, b) = (cluster[x] as u32, cluster[y] as u32);
            by_nodes.get(&(a.min(b), a.max(b))).copied()
        };
        let mut carried = vec![Carried::Partial; ids.len()];
        let mut weight = vec![0f32; ids.len()];
        let mut quote = false;
        for x in 0..ids.len() {
            for y in x + 1..ids.len() {
                let Some(l) = link(x, y) else { continue };
                quote |= l.quote;
                weight[x] += l.weight();
                weight[y] += l.weight();
                if l.carried == Carried::Full {
                    carried[x] = Carried::Full;
                    carried[y] = Carried::Full;
                }
            }
        }
        // The text: the sentence most strongly tied to the others.
        let centre = (0..ids.len())
            .max_by(|&a, &b| weight[a].total_cmp(&weight[b]).then(ids[b].cmp(&ids[a])))
            .unwrap_or(0);
        // A quote row: the sentences share a quotation, or each holds one.
        let quote = quote || ids.iter().all(|&(d, s)| holds_quote(docs[d], s));
        let kind = if quote { RowKind::Quote } else { RowKind::Claim };
        let members = ids
            .iter()
            .zip(carried)
            .map(|(&(d, s), carried)| member(docs, d, s, carried))
            .collect();
        let (d, s) = ids[centre];
        rows.push(row(kind, texts[d][s], members, column, columns));
    }
    for (c, _) in clustered.iter().enumerate().filter(|(_, taken)| !**taken) {
        let (d, s) = sentence_of(c);
        let text = texts[d][s];
        if text.split_whitespace().count() < MIN_ROW_WORDS {
            continue;
        }
        let kind = if holds_quote(docs[d], s) {
            RowKind::Quote
        } else {
            RowKind::Claim
        };
        rows.push(row(
            kind,
            text,
            vec![member(docs, d, s, Carried::Full)],
            column,
            columns,
        ));
    }
    rows.sort_by(|a, b| {
        let key = |r: &Row| {
            let full = r.cells.iter().filter(|&&c| c == Carried::Full).count();
            (r.outlets(), full)
        };
        key(b).cmp(&key(a)).then_with(|| a.first().cmp(&b.first()))
    });
    rows
}

fn member(docs: &[Doc], d: usize, s: usize, carried: Carried) -> Member {
    let sentence = &docs[d].analysis.sentences[s];
    Member {
        article: d,
        sentence: s,
        start: sentence.start(),
        end: sentence.end(),
        carried,
    }
}

/// Builds a row: per column, the best member (full before partial, then
/// the first article).
fn row(kind: RowKind, text: &str, members: Vec<Member>, column: &[usize], columns: usize) -> Row {
    let mut best: Vec<Option<usize>> = vec![None; columns];
    for (i, m) in members.iter().enumerate() {
        let slot = &mut best[column[m.article]];
        let better = match *slot {
            None => true,
            Some(j) => {
                let o: &Member = &members[j];
                (m.carried, std::cmp::Reverse((m.article, m.sentence)))
                    > (o.carried, std::cmp::Reverse((o.article, o.sentence)))
            }
        };
        if better {
            *slot = Some(i);
        }
    }
    let cells = best
        .iter()
        .map(|b| b.map_or(Carried::None, |i| members[i].carried))
        .collect();
    Row {
        kind,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        members,
        cells,
        best,
    }
}

/// True when sentence `s` holds a quotation (direct or partial speech).
fn holds_quote(doc: Doc, s: usize) -> bool {
    let sentence = &doc.analysis.sentences[s];
    doc.analysis.quotes.iter().any(|q| {
        matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
            && q.start < sentence.end()
            && q.end > sentence.start()
    })
}
