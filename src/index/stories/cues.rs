//! Event cues: what tells two events of the same kind apart. Articles
//! dated days apart report different events (a follow-up is a story of
//! its own); so do articles whose leads name different years.

use crate::corpus::Article;

/// How far apart two publication dates may be for one event, in days.
const SAME_EVENT_DAYS: i64 = 3;

/// How much of the text (title and body, in bytes) counts as the lead.
const LEAD_BYTES: usize = 2000;

/// What a pair's score is multiplied by when the dates are days apart.
const DATES_APART: f32 = 0.3;

/// What a pair's score is multiplied by when the leads name different years.
const YEARS_APART: f32 = 0.5;

#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// The publication day (days since 1970).
    day: Option<i64>,
    /// The latest year the lead names (1900–2099).
    year: Option<u16>,
}

impl Cues {
    pub fn of(article: &Article) -> Cues {
        let day = article.published_key().map(|t| t.as_second().div_euclid(86_400));
        let title = article.title.as_deref().unwrap_or("");
        let lead = &article.body[..floor_boundary(&article.body, LEAD_BYTES.saturating_sub(title.len()))];
        let year = latest_year(title).max(latest_year(lead));
        Cues { day, year }
    }
}

/// What a pair's related score is multiplied by (at most 1).
pub fn factor(a: &Cues, b: &Cues) -> f32 {
    if let (Some(x), Some(y)) = (a.day, b.day)
        && (x - y).abs() > SAME_EVENT_DAYS
    {
        return DATES_APART;
    }
    match (a.year, b.year) {
        (Some(x), Some(y)) if x != y => YEARS_APART,
        _ => 1.0,
    }
}

/// The latest four-digit year 1900–2099 standing alone in `text`.
fn latest_year(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    let mut best = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let alone = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if run == 4 && alone && b.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            let y = (b[i] - b'0') as u16 * 1000
                + (b[i + 1] - b'0') as u16 * 100
                + (b[i + 2] - b'0') as u16 * 10
                + (b[i + 3] - b'0') as u16;
            if (1900..2100).contains(&y) {
                best = best.max(Some(y));
            }
        }
        i += run;
    }
    best
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Published, When};

    fn article(date: Option<&str>, title: &str, body: &str) -> Article {
        Article {
            title: Some(title.to_owned()),
            body: body.to_owned(),
            published: date.map(|d| {
                Box::new(Published {
                    raw: d.to_owned(),
                    iso: Some(d.to_owned()),
                    when: When::from_iso(d),
                })
            }),
            ..Article::default()
        }
    }

    #[test]
    fn years_stand_alone_and_the_latest_counts() {
        assert_eq!(
            latest_year("In 1998 and again in 2013, 12345 and x2020"),
            Some(2013)
        );
        assert_eq!(latest_year("No year: 1800, 2100, 20130"), None);
        assert_eq!(latest_year("2024"), Some(2024));
    }

    #[test]
    fn dates_days_apart_and_different_years_lower_the_score() {
        let a = Cues::of(&article(Some("2026-03-01"), "Ferry strike", "Crews walked out."));
        let b = Cues::of(&article(Some("2026-03-03"), "Ferry strike", "Crews walked out."));
        let c = Cues::of(&article(Some("2026-04-20"), "Ferry strike", "Crews walked out."));
        assert_eq!(factor(&a, &b), 1.0);
        assert_eq!(factor(&a, &c), DATES_APART);
        let undated = Cues::of(&article(None, "Ferry strike", "Crews walked out."));
        assert_eq!(factor(&a, &undated), 1.0);
        let y1 = Cues::of(&article(None, "Quake", "The 2009 earthquake struck at dawn."));
        let y2 = Cues::of(&article(None, "Quake", "The earthquake of 2014 struck at dawn."));
        assert_eq!(factor(&y1, &y2), YEARS_APART);
        assert_eq!(factor(&y1, &undated), 1.0);
        // A year past the lead does not count.
        let late = format!("{} Back in 1990.", "word ".repeat(LEAD_BYTES / 5));
        assert_eq!(Cues::of(&article(None, "t", &late)).year, None);
    }
}
