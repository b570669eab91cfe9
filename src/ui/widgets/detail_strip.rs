//! The compare detail strip: the selected pair (kind, score, speakers, cue
//! verbs, word diff), or a summary of the comparison and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::quote_nav::QuoteStop;
use crate::app::screens::compare::CompareState;
use crate::app::{Action, ScreenKind};
use crate::compare::diff::{DiffPart, Op};
use crate::compare::marks::{Item, ItemKind};
use crate::compare::{SharedKind, Tier};
use crate::theme::Theme;
use crate::ui::View as State;

use super::super::highlight::speaker_style;
use super::title_bar::plural;

pub fn render(frame: &mut Frame, area: Rect, state: &State, cmp: &CompareState) {
    let t = state.theme;
    let item = cmp.selected.and_then(|i| cmp.marks.items.get(i));
    let pane = cmp.panes.get(cmp.focus);
    let quote = pane.quote.filter(|_| cmp.quote_detail);
    let title = match (quote, cmp.selected, item) {
        (Some(q), ..) => format!("─ quote {}/{} ", q + 1, pane.quotes.len()),
        (None, Some(i), Some(_)) => format!("─ shared item {}/{} ", i + 1, cmp.marks.items.len()),
        _ => "─ comparison ".to_string(),
    };
    let rule = format!(
        "{title}{}",
        "─".repeat(usize::from(area.width).saturating_sub(title.chars().count()))
    );
    let (first, second) = match (quote, item) {
        (Some(q), _) => quote_lines(state, pane.article(), &pane.quotes[q]),
        (None, Some(item)) => (describe(t, item), diff_line(t, &item.diff)),
        (None, None) => (summary(t, cmp), keys(state)),
    };
    let lines = vec![Line::styled(rule, t.border), first, second];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The current quote: who, role, cue, confidence; then its words.
fn quote_lines(state: &State, article: usize, stop: &QuoteStop) -> (Line<'static>, Line<'static>) {
    let t = state.theme;
    let Some(analysis) = state.speakers_index() else {
        return (Line::raw(""), Line::raw(""));
    };
    let quote = &analysis.analyses[article].quotes[stop.quote];
    let style = speaker_style(t, analysis.colour(stop.speaker));
    let name = analysis
        .speaker_name(article, stop.quote)
        .unwrap_or("speaker unknown");
    let mut spans = vec![
        Span::styled(" ❝ ", t.claim_number),
        Span::styled(name.to_string(), style.add_modifier(Modifier::BOLD)),
    ];
    if let Some(a) = &quote.attribution {
        // The confidence first: a long role is what a narrow strip cuts.
        let mut rest: Vec<String> = vec![format!("{:.0}% sure", a.confidence * 100.0)];
        rest.extend(a.cue.as_ref().map(|c| format!("“{c}”")));
        rest.extend(a.role.iter().map(|r| r.to_string()));
        spans.push(Span::styled(format!("  ·  {}", rest.join("  ·  ")), t.muted));
    }
    let body = &state.corpus.articles[article].body;
    let words = quote.text(body).split_whitespace().collect::<Vec<_>>().join(" ");
    (Line::from(spans), Line::styled(format!(" “{words}”"), style))
}

fn describe(t: &Theme, item: &Item) -> Line<'static> {
    let mut spans = Vec::new();
    let pct = format!("{:.0}%", item.score * 100.0);
    match item.kind {
        ItemKind::Claim => {
            spans.push(Span::styled(
                format!(" Claim pair {}", item.number),
                t.claim_number,
            ));
            spans.push(Span::styled(format!("  ·  score {pct}"), t.muted));
            if item.tier == Some(Tier::Possible) {
                spans.push(Span::styled("  ·  possible", t.muted));
            }
            if let Some((kind, _)) = item.quote {
                let label = match kind {
                    SharedKind::Altered => "  ·  ❝ holds an altered quote",
                    _ => "  ·  ❝ holds a shared quote",
                };
                spans.push(Span::styled(label, t.claim_number));
            }
            if item.moved {
                spans.push(Span::styled("  ·  told in a different order", t.warning));
            }
        }
        ItemKind::Quote(kind) => {
            let kind = match kind {
                SharedKind::Exact if item.score >= 0.99 => "word for word",
                SharedKind::Exact => "one quotes part of the other",
                SharedKind::Altered => "altered",
                SharedKind::QuotedInOne => "quoted on one side only",
            };
            spans.push(Span::styled(" ❝ Shared quote", t.claim_number));
            spans.push(Span::styled(format!("  ·  {kind}  ·  {pct} alike  ·  "), t.muted));
            let who = |s: &Option<String>, c: &Option<String>| {
                let name = s.clone().unwrap_or_else(|| "unattributed".into());
                match c {
                    Some(c) => format!("{name} “{c}”"),
                    None => name,
                }
            };
            let (l, r) = (
                who(&item.speakers.left, &item.cues.left),
                who(&item.speakers.right, &item.cues.right),
            );
            let differ = l != r;
            spans.push(Span::styled(l, t.text));
            spans.push(Span::styled("  ⇄  ", t.muted));
            spans.push(Span::styled(r, if differ { t.warning } else { t.text }));
        }
    }
    Line::from(spans)
}

/// The word diff, long runs of equal words cut to their ends.
fn diff_line(t: &Theme, parts: &[DiffPart]) -> Line<'static> {
    let mut spans = vec![];
    for part in parts {
        let (text, style) = match part.op {
            Op::Equal => (elide(&part.text), t.text),
            Op::Delete => (part.text.clone(), t.error.add_modifier(Modifier::CROSSED_OUT)),
            Op::Insert => (part.text.clone(), t.emphasis),
        };
        // A space between parts, except before closing punctuation.
        let closing = text.starts_with(|c: char| ".,;:!?)”’\"'".contains(c));
        if !closing || spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

fn elide(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        return words.join(" ");
    }
    format!(
        "{} … {}",
        words[..3].join(" "),
        words[words.len() - 3..].join(" ")
    )
}

fn summary(t: &Theme, cmp: &CompareState) -> Line<'static> {
    let c = &cmp.comparison;
    let altered = c
        .shared_quotes
        .iter()
        .filter(|q| q.kind != SharedKind::Exact)
        .count();
    let (claims, shared) = (c.claims.len(), c.shared_quotes.len());
    let text = format!(
        " {claims} {}  ·  {shared} {} ({altered} altered)  ·  only left {}  ·  only right {}  ·  overlap {:.0}%",
        plural(claims, "claim pair", "claim pairs"),
        plural(shared, "shared quote", "shared quotes"),
        c.unique_left.len(),
        c.unique_right.len(),
        c.overlap * 100.0
    );
    Line::styled(text, t.muted)
}

fn keys(state: &State) -> Line<'static> {
    let t = state.theme;
    let mut spans = vec![Span::raw(" ")];
    for (action, label) in [
        (Action::NextShared, "next pair"),
        (Action::NextSpeaker, "next speaker"),
        (Action::SwitchPane, "focus"),
        (Action::LockScroll, "lock"),
        (Action::SwapSides, "swap"),
        (Action::SpeakersPanel, "who is quoted"),
    ] {
        if let Some(key) = state.keymap.key_for(ScreenKind::Compare, &action) {
            spans.push(Span::styled(key.to_string(), t.key));
            spans.push(Span::styled(format!(" {label}   "), Style::new().patch(t.muted)));
        }
    }
    Line::from(spans)
}
