//! Moving between quotes: the next or previous one, and the next or
//! previous one by another speaker. Pure functions over quotes in text
//! order, shared by the reader and the compare panes.

pub use crate::index::QuoteStop;

/// The next (`forward`) or previous quote from `current`, wrapping; with
/// no current quote, the first at or after `from` (or the last before it).
pub fn step(stops: &[QuoteStop], current: Option<usize>, from: usize, forward: bool) -> Option<usize> {
    let n = stops.len();
    if n == 0 {
        return None;
    }
    Some(match (current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => stops.iter().position(|s| s.start >= from).unwrap_or(0),
        (None, false) => stops.iter().rposition(|s| s.start < from).unwrap_or(n - 1),
    })
}

/// The next (`forward`) or previous attributed quote whose speaker differs
/// from the current quote's, wrapping. With no current quote, the first
/// attributed quote at or after `from` (or the last before it).
pub fn other_speaker(
    stops: &[QuoteStop],
    current: Option<usize>,
    from: usize,
    forward: bool,
) -> Option<usize> {
    let n = stops.len();
    let Some(i) = current else {
        let attributed = |s: &&QuoteStop| s.speaker.is_some();
        return if forward {
            let after = stops.iter().position(|s| s.start >= from && s.speaker.is_some());
            after.or_else(|| stops.iter().position(|s| attributed(&s)))
        } else {
            let before = stops.iter().rposition(|s| s.start < from && s.speaker.is_some());
            before.or_else(|| stops.iter().rposition(|s| attributed(&s)))
        };
    };
    let speaker = stops[i].speaker;
    (1..n)
        .map(|k| if forward { (i + k) % n } else { (i + n - k) % n })
        .find(|&j| stops[j].speaker.is_some() && stops[j].speaker != speaker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stops(speakers: &[Option<usize>]) -> Vec<QuoteStop> {
        speakers
            .iter()
            .enumerate()
            .map(|(i, &speaker)| QuoteStop {
                start: i * 10,
                end: i * 10 + 5,
                quote: i,
                speaker,
                reported: false,
            })
            .collect()
    }

    #[test]
    fn steps_wrap_and_start_from_the_view() {
        let s = stops(&[Some(0), None, Some(1)]);
        assert_eq!(step(&s, None, 11, true), Some(2));
        assert_eq!(step(&s, None, 11, false), Some(1));
        assert_eq!(step(&s, Some(2), 0, true), Some(0));
        assert_eq!(step(&[], None, 0, true), None);
    }

    #[test]
    fn other_speaker_skips_the_same_speaker_and_unattributed() {
        let s = stops(&[Some(0), Some(0), None, Some(1), Some(0)]);
        assert_eq!(other_speaker(&s, Some(0), 0, true), Some(3));
        assert_eq!(other_speaker(&s, Some(3), 0, true), Some(4));
        assert_eq!(other_speaker(&s, Some(3), 0, false), Some(1));
        assert_eq!(other_speaker(&s, None, 15, true), Some(3));
        assert_eq!(other_speaker(&stops(&[Some(0), Some(0)]), Some(0), 0, true), None);
    }
}
