//! The reader's quote line: who said the current quote, their role, the
//! cue verb and how sure the attribution is; or how many quotes there are.

use ratatui::text::{Line, Span};

use crate::app::screens::reader::ReaderState;
use crate::ui::View as State;

use super::super::highlight::speaker_style;
use super::super::text::truncate;
use super::title_bar::plural;

/// The quote line wrapped to `width` columns: one line, or two when the
/// role, cue and confidence do not fit after the name (the confidence is
/// never cut).
pub fn lines(state: &State, reader: &ReaderState, width: usize) -> Vec<Line<'static>> {
    let one = line(state, reader);
    if one.width() <= width || one.spans.len() < 3 {
        return vec![one];
    }
    // [position, name, "  ·  role  ·  cue  ·  N% sure"]: the parts after
    // the name fill the first line, the rest goes on the second.
    let style = one.spans[2].style;
    let rest = one.spans[2].content.to_string();
    let mut first: Vec<Span<'static>> = one.spans[..2].to_vec();
    let mut used: usize = first.iter().map(Span::width).sum();
    let mut second: Vec<&str> = Vec::new();
    for part in rest.split("  ·  ").skip(1) {
        let piece = format!("  ·  {part}");
        if second.is_empty() && used + piece.chars().count() <= width {
            used += piece.chars().count();
            first.push(Span::styled(piece, style));
        } else {
            second.push(part);
        }
    }
    // The confidence first on the second line, so a long role is what
    // gets cut there, never "N% sure".
    second.rotate_right(1);
    let second = truncate(&format!("   {}", second.join("  ·  ")), width).into_owned();
    vec![Line::from(first), Line::styled(second, style)]
}

pub fn line(state: &State, reader: &ReaderState) -> Line<'static> {
    let t = state.theme;
    let a = reader.article();
    let Some(analysis) = state.speakers_index() else {
        return Line::styled("analysing quotes…", t.muted);
    };
    let Some(stop) = reader.current_quote() else {
        let n = reader.quotes.len();
        if n == 0 {
            return Line::styled("no quotes in this article", t.muted);
        }
        let speakers = analysis.speaker_count(a);
        return Line::from(vec![
            Span::styled(
                format!(
                    "{n} {} · {speakers} {}   ",
                    plural(n, "quote", "quotes"),
                    plural(speakers, "speaker", "speakers")
                ),
                t.muted,
            ),
            Span::styled("n", t.key),
            Span::styled(" next quote  ", t.muted),
            Span::styled("s", t.key),
            Span::styled(" next speaker", t.muted),
        ]);
    };
    let position = format!(
        "❝ {}/{}  ",
        reader.quote.map_or(0, |i| i + 1),
        reader.quotes.len()
    );
    // A flag or note on the quote leads the line, in the flag style (one
    // span with the position, so the line wraps as before).
    let on = crate::app::kept::On {
        kind: crate::state::Kind::Quote,
        article: a,
        span: Some((stop.start, stop.end)),
        other: None,
        speaker: None,
    };
    let first = match state.kept.note(&on) {
        Some(note) => {
            let flag = note.flag.map(|f| format!("{} {}", f.badge(), f.name()));
            let noted = (!note.text.is_empty()).then(|| "✎ note".to_string());
            let badge = flag.into_iter().chain(noted).collect::<Vec<_>>().join(" ");
            Span::styled(format!("{position}{badge}  "), t.flagged)
        }
        None => Span::styled(position, t.muted),
    };
    let mut spans = vec![first];
    let quote = analysis.analyses.get(a).and_then(|an| an.quotes.get(stop.quote));
    match (
        analysis.speaker_name(a, stop.quote),
        quote.and_then(|q| q.attribution.as_ref()),
    ) {
        (Some(name), Some(attr)) => {
            spans.push(Span::styled(
                name.to_string(),
                speaker_style(t, analysis.colour(stop.speaker)).bold(),
            ));
            let mut rest: Vec<String> = Vec::new();
            rest.extend(attr.role.as_ref().map(|r| r.to_string()));
            rest.extend(attr.cue.as_ref().map(|c| format!("“{c}”")));
            rest.push(format!("{:.0}% sure", attr.confidence * 100.0));
            spans.push(Span::styled(format!("  ·  {}", rest.join("  ·  ")), t.muted));
        }
        _ => spans.push(Span::styled("speaker unknown", t.muted)),
    }
    Line::from(spans)
}
