//! The pair panel (`d` in compare): the selected claim pair or shared
//! quote in full: both sentences wrapped, the words that differ
//! emphasised, the word diff aligned left over right, then the score, tier,
//! kind and anchors. It takes the keys: `j`/`k` scroll, `Esc` closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use crate::app::screens::compare::CompareState;
use crate::app::wrap::wrap;
use crate::compare::diff::Op;
use crate::compare::marks::{Item, ItemKind};
use crate::compare::{Claim, Side};
use crate::theme::Theme;
use crate::ui::View as State;

use super::super::text::width;

pub fn render(frame: &mut Frame, area: Rect, state: &State, cmp: &CompareState) {
    let (t, Some(scroll)) = (state.theme, cmp.detail) else {
        return;
    };
    let Some(item) = cmp.selected.and_then(|i| cmp.marks.items.get(i)) else {
        return;
    };
    // Over the panes and the detail strip, below the pane titles.
    let popup = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(1),
    };
    // Inside the borders and padding.
    let inner = usize::from(popup.width.saturating_sub(4)).max(10);
    let claim = cmp
        .comparison
        .claims
        .iter()
        .find(|c| c.left.start == item.span.left.0 && c.right.start == item.span.right.0);
    let sides = cmp.articles();
    let mut lines: Vec<Line> = Vec::new();
    for side in [Side::Left, Side::Right] {
        let article = &state.corpus.articles[*sides.get(side)];
        let (s, e) = *item.span.get(side);
        let text: String = article.body.chars().skip(s).take(e.saturating_sub(s)).collect();
        let name = article
            .source
            .as_deref()
            .or(article.title.as_deref())
            .unwrap_or(&article.id);
        let label = if side == Side::Left { "LEFT" } else { "RIGHT" };
        let mut head = format!("{label} · {name}");
        if let Some(speaker) = item.speakers.get(side) {
            head.push_str(&format!(" · {speaker}"));
        }
        lines.push(Line::styled(head, t.heading));
        let emphasis = claim.map(|c| match side {
            Side::Left => c.emphasis.left.as_slice(),
            Side::Right => c.emphasis.right.as_slice(),
        });
        lines.extend(sentence(&text, emphasis.unwrap_or(&[]), inner, t));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("WORD DIFF (left over right)", t.heading));
    lines.extend(aligned_diff(item, inner, t));
    lines.push(Line::raw(""));
    lines.extend(facts(item, claim, t));
    let total = lines.len();
    let rows = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(total.saturating_sub(rows));
    let title = match item.kind {
        ItemKind::Claim => format!(" Claim pair {} ", item.number),
        ItemKind::Quote(_) => format!(" Shared quote {} ", item.number),
    };
    let more = if total > rows {
        format!(
            " {}-{}/{total} · j/k scroll · Esc close ",
            scroll + 1,
            (scroll + rows).min(total)
        )
    } else {
        " Esc close ".to_string()
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border)
        .title(Span::styled(title, t.title))
        .title_bottom(Line::styled(more, t.muted).right_aligned())
        .padding(Padding::horizontal(1));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(u16::MAX as usize) as u16, 0)),
        popup,
    );
}

/// `text` wrapped to `w`, chars `[s, e)` of `emphasis` in the emphasis style.
fn sentence(text: &str, emphasis: &[(usize, usize)], w: usize, t: &Theme) -> Vec<Line<'static>> {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let starts: Vec<usize> = flat.char_indices().map(|(b, _)| b).collect();
    let byte = |c: usize| starts.get(c).copied().unwrap_or(flat.len());
    let marked: Vec<(usize, usize)> = emphasis.iter().map(|&(s, e)| (byte(s), byte(e))).collect();
    wrap(&flat, w)
        .into_iter()
        .map(|range| {
            let mut spans = Vec::new();
            let mut at = range.start;
            for &(s, e) in &marked {
                let (s, e) = (s.max(range.start), e.min(range.end));
                if s >= e || s < at {
                    continue;
                }
                spans.push(Span::styled(flat[at..s].to_string(), t.text));
                spans.push(Span::styled(flat[s..e].to_string(), t.emphasis));
                at = e;
            }
            spans.push(Span::styled(flat[at..range.end].to_string(), t.text));
            Line::from(spans)
        })
        .collect()
}

/// One column of the aligned diff: the left words over the right ones.
struct Cell {
    top: String,
    bottom: String,
    changed: bool,
}

impl Cell {
    fn width(&self) -> usize {
        width(&self.top).max(width(&self.bottom))
    }
}

/// The word diff as pairs of rows, `L` over `R`: equal words in both,
/// a replaced run over its replacement, a word only one side has over
/// blanks.
fn aligned_diff(item: &Item, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut cells: Vec<Cell> = Vec::new();
    let words = |text: &str| text.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let mut parts = item.diff.iter().peekable();
    let room = w.saturating_sub(3).max(4);
    while let Some(part) = parts.next() {
        match part.op {
            Op::Equal => cells.extend(words(&part.text).into_iter().map(|word| Cell {
                top: word.clone(),
                bottom: word,
                changed: false,
            })),
            Op::Delete if parts.peek().is_some_and(|p| p.op == Op::Insert) => {
                let insert = parts.next().map(|p| p.text.clone()).unwrap_or_default();
                let (top, bottom) = (words(&part.text).join(" "), words(&insert).join(" "));
                if width(&top).max(width(&bottom)) <= room {
                    cells.push(Cell {
                        top,
                        bottom,
                        changed: true,
                    });
                } else {
                    cells.extend(words(&part.text).into_iter().map(|top| Cell {
                        top,
                        bottom: String::new(),
                        changed: true,
                    }));
                    cells.extend(words(&insert).into_iter().map(|bottom| Cell {
                        top: String::new(),
                        bottom,
                        changed: true,
                    }));
                }
            }
            Op::Delete => cells.extend(words(&part.text).into_iter().map(|top| Cell {
                top,
                bottom: String::new(),
                changed: true,
            })),
            Op::Insert => cells.extend(words(&part.text).into_iter().map(|bottom| Cell {
                top: String::new(),
                bottom,
                changed: true,
            })),
        }
    }
    let mut lines = Vec::new();
    let mut row: Vec<&Cell> = Vec::new();
    let mut used = 0;
    let flush = |row: &mut Vec<&Cell>, lines: &mut Vec<Line<'static>>| {
        if row.is_empty() {
            return;
        }
        for (label, top) in [("L ", true), ("R ", false)] {
            let mut spans = vec![Span::styled(label, t.muted)];
            for cell in row.iter() {
                let text = if top { &cell.top } else { &cell.bottom };
                let pad = cell.width() - width(text);
                let style: Style = if cell.changed { t.emphasis } else { t.text };
                spans.push(Span::styled(text.clone(), style));
                spans.push(Span::raw(" ".repeat(pad + 1)));
            }
            lines.push(Line::from(spans));
        }
        row.clear();
    };
    for cell in &cells {
        let cw = cell.width().min(room);
        if used + cw + 1 > room && !row.is_empty() {
            flush(&mut row, &mut lines);
            used = 0;
        }
        row.push(cell);
        used += cw + 1;
    }
    flush(&mut row, &mut lines);
    if lines.is_empty() {
        lines.push(Line::styled("(no words to compare)", t.muted));
    }
    lines
}

/// Score, tier, kind, anchors (claim pairs) or the quote's kind.
fn facts(item: &Item, claim: Option<&Claim>, t: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut first = vec![format!("score {:.2}", item.score)];
    if let Some(tier) = item.tier {
        first.push(tier.as_str().to_string());
    }
    match (item.kind, claim) {
        (ItemKind::Claim, Some(c)) => first.push(format!("{:?} claim", c.kind).to_lowercase()),
        (ItemKind::Quote(kind), _) => first.push(format!("{kind:?} quote").to_lowercase()),
        _ => {}
    }
    if item.moved {
        first.push("moved".into());
    }
    if item.quote.is_some() {
        first.push("holds a shared quote".into());
    }
    out.push(Line::styled(first.join(" · "), t.text));
    if let Some(c) = claim {
        let anchors = if c.anchors.is_empty() {
            "none".to_string()
        } else {
            c.anchors.join(", ")
        };
        out.push(Line::from(vec![
            Span::styled("anchors: ", t.muted),
            Span::styled(anchors, t.text),
        ]));
    }
    out
}
