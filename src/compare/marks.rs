//! Highlights decided before drawing: a [`Comparison`] turned into the
//! shared items in reading order (shared quotes and claim pairs) and, per
//! side, spans of body chars tagged with a [`Mark`]. Pure: the ui maps each
//! mark to a theme style.

use super::diff::{DiffPart, word_diff};
use super::side::{Pair, Side};
use super::{Comparison, SharedKind, Tier};

/// What a span of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A quote by a speaker (the colour slot; `None`: unattributed).
    Quote(Option<usize>),
    /// Reported speech by a speaker (the colour slot): a style of its
    /// own, never drawn as a quotation.
    Reported(Option<usize>),
    /// A quote both sides carry word for word (the item id).
    SharedQuote(usize),
    /// A quote the sides word differently, or quote on one side only.
    AlteredQuote(usize),
    /// A sentence of a strong claim pair (the item id).
    Claim(usize),
    /// A sentence of a possible claim pair (the item id): shown dimmer.
    PossibleClaim(usize),
    /// Words that differ inside a pair.
    Emphasis,
    /// A sentence only this side reports.
    Unique,
}

/// Body chars `[start, end)` carrying a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkSpan {
    pub start: usize,
    pub end: usize,
    pub mark: Mark,
}

/// What kind of shared item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Quote(SharedKind),
    Claim,
}

/// A shared quote or claim pair, seen from both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// Claim pairs are numbered 1.. in reading order; quotes too, apart.
    pub number: usize,
    /// Claim score or quote similarity, 0–1.
    pub score: f32,
    /// Body char ranges on each side.
    pub span: Pair<(usize, usize)>,
    pub speakers: Pair<Option<String>>,
    pub cues: Pair<Option<String>>,
    /// The pair stands in a different order on the two sides.
    pub moved: bool,
    pub diff: Vec<DiffPart>,
    /// A claim pair's tier (`None` for a shared quote).
    pub tier: Option<Tier>,
    /// A shared quote inside this claim pair: shown as a badge on the
    /// pair, not as an item of its own (its kind and body ranges).
    pub quote: Option<(SharedKind, Pair<(usize, usize)>)>,
}

/// One side's layers, each sorted by start: quotes (speaker colours),
/// shared items, emphasis and sentences only this side reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layers {
    pub quotes: Vec<MarkSpan>,
    pub items: Vec<MarkSpan>,
    pub emphasis: Vec<MarkSpan>,
    pub unique: Vec<MarkSpan>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Shared items in reading order (by their start on the left).
    pub items: Vec<Item>,
    pub layers: Pair<Layers>,
}

/// A quote on one side: body char range and speaker id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRange {
    pub start: usize,
    pub end: usize,
    /// The speaker's colour slot.
    pub speaker: Option<usize>,
    /// Reported speech rather than a quotation.
    pub reported: bool,
}

/// Marks for `comparison`, with each side's quotes (for speaker colours).
pub fn marks(comparison: &Comparison, quotes: Pair<&[QuoteRange]>) -> Marks {
    marks_with(comparison, quotes, true)
}

/// Marks for `comparison`; without `possible`, possible claim pairs (and
/// the quotes they hold) are left out.
pub fn marks_with(comparison: &Comparison, quotes: Pair<&[QuoteRange]>, possible: bool) -> Marks {
    let shown = |k: usize| possible || comparison.claims[k].tier == Tier::Strong;
    let mut items: Vec<Item> = Vec::new();
    let mut emphasis: Pair<Vec<MarkSpan>> = Pair::default();
    for q in &comparison.shared_quotes {
        if q.claim.is_some_and(|k| !shown(k)) {
            continue;
        }
        let span = Pair::new((q.left_start, q.left_end), (q.right_start, q.right_end));
        if q.kind != SharedKind::Exact {
            let d = word_diff(&q.left_text, &q.right_text);
            push_emphasis(&mut emphasis.left, q.left_start, &d.emphasis.left);
            push_emphasis(&mut emphasis.right, q.right_start, &d.emphasis.right);
        }
        // A quote inside a claim pair is a badge on that pair.
        if q.claim.is_some() {
            continue;
        }
        items.push(Item {
            kind: ItemKind::Quote(q.kind),
            number: 0,
            score: q.similarity,
            span,
            speakers: Pair::new(q.left_speaker.clone(), q.right_speaker.clone()),
            cues: Pair::new(q.left_cue.clone(), q.right_cue.clone()),
            moved: false,
            diff: q.diff.clone(),
            tier: None,
            quote: None,
        });
    }
    for (k, c) in comparison.claims.iter().enumerate() {
        if !shown(k) {
            continue;
        }
        let quote = comparison
            .shared_quotes
            .iter()
            .find(|q| q.claim == Some(k))
            .map(|q| {
                (
                    q.kind,
                    Pair::new((q.left_start, q.left_end), (q.right_start, q.right_end)),
                )
            });
        push_emphasis(&mut emphasis.left, c.left.start, &c.emphasis.left);
        push_emphasis(&mut emphasis.right, c.right.start, &c.emphasis.right);
        items.push(Item {
            kind: ItemKind::Claim,
            number: 0,
            score: c.score,
            span: Pair::new((c.left.start, c.left.end), (c.right.start, c.right.end)),
            speakers: Pair::default(),
            cues: Pair::default(),
            moved: c.moved,
            diff: c.diff.clone(),
            tier: Some(c.tier),
            quote,
        });
    }
    items.sort_by_key(|i| (i.span.left.0, i.span.right.0));
    let (mut claims, mut quotes_n) = (0, 0);
    for item in &mut items {
        let n = if item.kind == ItemKind::Claim {
            &mut claims
        } else {
            &mut quotes_n
        };
        *n += 1;
        item.number = *n;
    }
    let layers = Pair::new(
        side_layers(
            &items,
            Side::Left,
            quotes.left,
            &comparison.unique_left,
            emphasis.left,
        ),
        side_layers(
            &items,
            Side::Right,
            quotes.right,
            &comparison.unique_right,
            emphasis.right,
        ),
    );
    Marks { items, layers }
}

fn push_emphasis(out: &mut Vec<MarkSpan>, base: usize, ranges: &[(usize, usize)]) {
    out.extend(ranges.iter().map(|&(s, e)| MarkSpan {
        start: base + s,
        end: base + e,
        mark: Mark::Emphasis,
    }));
}

fn side_layers(
    items: &[Item],
    side: Side,
    quotes: &[QuoteRange],
    unique: &[super::Span],
    mut emphasis: Vec<MarkSpan>,
) -> Layers {
    let mut quote_spans: Vec<MarkSpan> = quotes
        .iter()
        .map(|q| MarkSpan {
            start: q.start,
            end: q.end,
            mark: if q.reported {
                Mark::Reported(q.speaker)
            } else {
                Mark::Quote(q.speaker)
            },
        })
        .collect();
    let quote_mark = |kind: SharedKind, id: usize| match kind {
        SharedKind::Exact => Mark::SharedQuote(id),
        _ => Mark::AlteredQuote(id),
    };
    let mut item_spans: Vec<MarkSpan> = Vec::with_capacity(items.len());
    for (id, item) in items.iter().enumerate() {
        let (start, end) = *item.span.get(side);
        let mark = match item.kind {
            ItemKind::Claim if item.tier == Some(Tier::Possible) => Mark::PossibleClaim(id),
            ItemKind::Claim => Mark::Claim(id),
            ItemKind::Quote(kind) => quote_mark(kind, id),
        };
        item_spans.push(MarkSpan { start, end, mark });
        // The quote badge of a claim pair keeps its quote's highlight.
        if let Some((kind, span)) = &item.quote {
            let (start, end) = *span.get(side);
            item_spans.push(MarkSpan {
                start,
                end,
                mark: quote_mark(*kind, id),
            });
        }
    }
    let mut unique: Vec<MarkSpan> = unique
        .iter()
        .map(|s| MarkSpan {
            start: s.start,
            end: s.end,
            mark: Mark::Unique,
        })
        .collect();
    for list in [&mut quote_spans, &mut item_spans, &mut emphasis, &mut unique] {
        list.sort_by_key(|m| (m.start, m.end));
    }
    Layers {
        quotes: quote_spans,
        items: item_spans,
        emphasis,
        unique,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::compare::{CompareOptions, Doc, compare};
    use crate::corpus::demo_corpus;

    #[test]
    fn demo_pair_has_items_in_reading_order_with_emphasis() {
        let corpus = demo_corpus();
        let find = |id: &str| corpus.articles.iter().find(|a| a.id == id).unwrap();
        let (l, r) = (
            find("demo/desal-harbour-ledger.txt"),
            find("demo/desal-coastline-tribune.md"),
        );
        let (la, ra) = (analyze(l), analyze(r));
        let cmp = compare(
            Doc {
                article: l,
                analysis: &la,
            },
            Doc {
                article: r,
                analysis: &ra,
            },
            &CompareOptions::default(),
        );
        let m = marks(&cmp, Pair::new(&[], &[]));
        let inside = cmp.shared_quotes.iter().filter(|q| q.claim.is_some()).count();
        assert_eq!(m.items.len(), cmp.claims.len() + cmp.shared_quotes.len() - inside);
        assert!(m.items.windows(2).all(|w| w[0].span.left.0 <= w[1].span.left.0));
        assert!(!m.layers.left.emphasis.is_empty());
        assert_eq!(m.layers.left.unique.len(), cmp.unique_left.len());
        let claims: Vec<usize> = m
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Claim)
            .map(|i| i.number)
            .collect();
        assert_eq!(claims, (1..=cmp.claims.len()).collect::<Vec<_>>());
    }
}
