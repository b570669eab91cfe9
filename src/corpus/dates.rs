//! Publication dates in the shapes news sources write them, to ISO 8601,
//! and from there to a [`When`] (a `jiff` date, local date-time or instant)
//! that sorts correctly across offsets.
//!
//! The shapes are recognised here (jiff parses formats it is told, and
//! sources write a dozen: `November 8, 2023`, `8 Nov 2023`, RFC 2822, ...);
//! jiff checks and holds the normalised result.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

/// A parsed publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A day without a time.
    Date(Date),
    /// A time without an offset (local to the source, zone unknown).
    Local(DateTime),
    /// A time with an offset: one instant.
    Instant(Timestamp),
}

impl When {
    /// Reads the ISO 8601 form [`to_iso`] gives.
    pub fn from_iso(iso: &str) -> Option<When> {
        if iso.len() == 10 {
            return iso.parse().ok().map(When::Date);
        }
        match iso.parse::<Timestamp>() {
            Ok(t) => Some(When::Instant(t)),
            Err(_) => iso.parse().ok().map(When::Local),
        }
    }

    /// The instant to sort by: a day alone is 00:00 UTC of that day, a time
    /// without an offset is read as UTC.
    pub fn sort_key(&self) -> Timestamp {
        let utc = |dt: DateTime| dt.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp());
        match *self {
            When::Date(d) => utc(d.to_datetime(jiff::civil::Time::midnight())),
            When::Local(dt) => utc(dt),
            When::Instant(t) => Ok(t),
        }
        .unwrap_or(Timestamp::MIN)
    }
}

/// Parses a date or date-time as written by a source and returns its ISO
/// 8601 form: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the offset (`Z`,
/// `+05:30`) when one was given. `None` when the string is not a date.
pub fn to_iso(raw: &str) -> Option<String> {
    let s = raw.trim();
    numeric(s).or_else(|| textual(s))
}

/// `2023-11-08`, `2023/11/08`, `2023.11.08`, optionally followed by a time
/// (`T` or a space) and an offset.
fn numeric(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') || b[7] != sep {
        return None;
    }
    let year: u32 = s[..4].parse().ok()?;
    let month: u32 = s.get(5..7)?.parse().ok()?;
    let day: u32 = s.get(8..10)?.parse().ok()?;
    let date = ymd(year, month, day)?;
    let rest = &s[10..];
    if rest.trim().is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', ' ']).unwrap_or(rest).trim();
    match time(rest) {
        Some(t) => Some(format!("{date}T{t}")),
        None => Some(date),
    }
}

/// `HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM| UTC| GMT]`.
fn time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let hour: u32 = s.get(..2)?.parse().ok()?;
    let minute: u32 = s.get(3..5)?.parse().ok()?;
    let mut rest = &s[5..];
    let mut second = 0;
    if let Some(r) = rest.strip_prefix(':') {
        second = r.get(..2)?.parse().ok()?;
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.') {
            rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset = offset(rest.trim())?;
    Some(format!("{hour:02}:{minute:02}:{second:02}{offset}"))
}

fn offset(s: &str) -> Option<String> {
    match s {
        "" => return Some(String::new()),
        "Z" | "UTC" | "GMT" | "+00:00" => return Some("Z".into()),
        _ => {}
    }
    let mut chars = s.chars();
    let sign = chars.next()?;
    let digits = chars.as_str();
    if !matches!(sign, '+' | '-') {
        return Some(String::new()); // a zone name we do not know: keep the local time
    }
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    Some(format!("{sign}{}:{}", &digits[..2], &digits[2..]))
}

/// `November 8, 2023`, `Nov. 8, 2023`, `8 November 2023`,
/// `Wed, 08 Nov 2023 10:00:00 GMT`, optionally with a time after the year.
fn textual(s: &str) -> Option<String> {
    let cleaned: String = s.chars().map(|c| if c == ',' { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.first() {
        Some(w) if weekday(w) => &words[1..],
        _ => &words[..],
    };
    if words.len() < 3 {
        return None;
    }
    let (month, day) = if let Some(m) = month(words[0]) {
        (m, day_number(words[1])?)
    } else {
        (month(words[1])?, day_number(words[0])?)
    };
    let year: u32 = words[2].parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let date = ymd(year, month, day)?;
    match words
        .get(3)
        .and_then(|t| time(&format!("{} {}", t, words.get(4).unwrap_or(&""))))
    {
        Some(t) => Some(format!("{date}T{t}")),
        None => Some(date),
    }
}

fn weekday(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| w.starts_with(d) && w.len() <= 9)
}

/// The month a word names (1–12): a full name or an abbreviation of at
/// least three letters, with or without a dot ("Feb.", "sept").
pub fn month(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

fn day_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    w.parse().ok()
}

fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> Option<Timestamp> {
        to_iso(raw)
            .and_then(|iso| When::from_iso(&iso))
            .map(|w| w.sort_key())
    }

    /// A day alone is 00:00 UTC; 05:00 at +05:30 on the 15th is 23:30 UTC
    /// on the 14th and 23:30 at -05:00 on the 14th is 04:30 UTC on the
    /// 15th (a string sort gets both wrong); no offset reads as UTC.
    #[test]
    fn dates_sort_as_instants_across_offsets() {
        let mut dates = vec![
            "2026-03-15T06:00:00Z",
            "2026-03-14T23:30:00-05:00",
            "2026-03-15",
            "2026-03-15T05:00:00+05:30",
            "March 14, 2026",
        ];
        dates.sort_by_key(|d| key(d));
        assert_eq!(
            dates,
            [
                "March 14, 2026",
                "2026-03-15T05:00:00+05:30",
                "2026-03-15",
                "2026-03-14T23:30:00-05:00",
                "2026-03-15T06:00:00Z",
            ]
        );
        assert_eq!(key("2026-03-15"), key("2026-03-15T00:00:00Z"));
        assert_eq!(key("2026-03-15T10:00:00"), key("2026-03-15T10:00:00Z"));
        assert_eq!(key("soon"), None);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(to_iso("2023-11-08").as_deref(), Some("2023-11-08"));
        assert_eq!(to_iso("2023/11/08").as_deref(), Some("2023-11-08"));
        assert_eq!(to_iso(" 2024-02-29 ").as_deref(), Some("2024-02-29"));
        assert_eq!(to_iso("2023-02-29"), None);
        assert_eq!(to_iso("2023-13-01"), None);
    }

    #[test]
    fn date_times_keep_offsets() {
        assert_eq!(
            to_iso("2023-11-08T14:05:00Z").as_deref(),
            Some("2023-11-08T14:05:00Z")
        );
        assert_eq!(to_iso("2023-11-08 14:05").as_deref(), Some("2023-11-08T14:05:00"));
        assert_eq!(
            to_iso("2023-11-08T14:05:07.123+0530").as_deref(),
            Some("2023-11-08T14:05:07+05:30")
        );
    }

    #[test]
    fn textual_dates() {
        assert_eq!(to_iso("November 8, 2023").as_deref(), Some("2023-11-08"));
        assert_eq!(to_iso("Nov. 8, 2023").as_deref(), Some("2023-11-08"));
        assert_eq!(to_iso("8 November 2023").as_deref(), Some("2023-11-08"));
        assert_eq!(to_iso("Sept 3 2021").as_deref(), Some("2021-09-03"));
        assert_eq!(
            to_iso("Wed, 08 Nov 2023 10:00:00 GMT").as_deref(),
            Some("2023-11-08T10:00:00Z")
        );
    }

    #[test]
    fn non_dates_are_none() {
        assert_eq!(to_iso("yesterday"), None);
        assert_eq!(to_iso("May the force be with you"), None);
        assert_eq!(to_iso(""), None);
        assert_eq!(to_iso("１２３４-05-06"), None);
    }
}
