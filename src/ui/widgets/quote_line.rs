//! The reader's quote line: who said the current quote, their role, the
//! cue verb and how sure the attribution is; or how many quotes there are.

use ratatui::text::{Line, Span};

use crate::app::screens::reader::ReaderState;
use crate::ui::View as State;

use super::super::highlight::speaker_style;

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
            Span::styled(format!("{n} quotes · {speakers} speakers   "), t.muted),
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
    let mut spans = vec![Span::styled(position, t.muted)];
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
            rest.extend(attr.role.clone());
            rest.extend(attr.cue.as_ref().map(|c| format!("“{c}”")));
            rest.push(format!("{:.0}% sure", attr.confidence * 100.0));
            spans.push(Span::styled(format!("  ·  {}", rest.join("  ·  ")), t.muted));
        }
        _ => spans.push(Span::styled("speaker unknown", t.muted)),
    }
    Line::from(spans)
}
