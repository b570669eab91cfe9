//! Who each outlet quotes in a story: per speaker, how many of their
//! quotes each outlet carries (quoted by all, by some, by one).

use super::Column;
use crate::index::{SpeakerIndex, is_speech};

/// One speaker of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRow {
    /// The speaker id of the corpus index.
    pub speaker: usize,
    pub name: String,
    /// Per column: the quotes of this speaker in that outlet's articles.
    pub quotes: Vec<usize>,
}

impl SpeakerRow {
    /// How many outlets quote them.
    pub fn outlets(&self) -> usize {
        self.quotes.iter().filter(|&&n| n > 0).count()
    }
}

/// The speakers quoted in the columns' articles: quoted by most outlets
/// first, then most quoted, then by name.
pub fn per_outlet(columns: &[Column], index: &SpeakerIndex) -> Vec<SpeakerRow> {
    let mut rows: Vec<SpeakerRow> = Vec::new();
    for (c, column) in columns.iter().enumerate() {
        for &a in &column.articles {
            let (Some(analysis), Some(of)) = (index.analyses.get(a), index.speaker_of.get(a)) else {
                continue;
            };
            for (q, speaker) in analysis.quotes.iter().zip(of) {
                let Some(speaker) = speaker else { continue };
                if !is_speech(q) {
                    continue;
                }
                let row = match rows.iter().position(|r| r.speaker == speaker) {
                    Some(i) => &mut rows[i],
                    None => {
                        rows.push(SpeakerRow {
                            speaker,
                            name: index
                                .speakers
                                .get(speaker)
                                .map_or_else(String::new, |s| s.name.clone()),
                            quotes: vec![0; columns.len()],
                        });
                        rows.last_mut().expect("just pushed")
                    }
                };
                row.quotes[c] += 1;
            }
        }
    }
    rows.sort_by(|a, b| {
        let total = |r: &SpeakerRow| r.quotes.iter().sum::<usize>();
        b.outlets()
            .cmp(&a.outlets())
            .then(total(b).cmp(&total(a)))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}
