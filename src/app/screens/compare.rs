//! The compare screen: the comparison and its marks (computed once on
//! open), two panes, the focus, the scroll lock and the selected pair; and
//! its `update`.

use crate::app::action::Action;
use crate::app::cite::{self, Effect};
use crate::app::context::Ctx;
use crate::app::layout;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::app::pane::Pane;
use crate::app::quote_nav;
use crate::app::search::Search;
use crate::app::story_nav;
use crate::compare::markdown::markdown;
use crate::compare::marks::{ItemKind, Marks, QuoteRange, marks_with};
use crate::compare::{CompareOptions, Comparison, Doc, Pair, Side, Tier, compare};
use crate::corpus::Corpus;
use crate::index::SpeakerIndex;

#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    pub panes: Pair<Pane>,
    pub comparison: Comparison,
    pub marks: Marks,
    pub focus: Side,
    /// Both panes scroll together.
    pub locked: bool,
    /// Index into `marks.items`.
    pub selected: Option<usize>,
    pub speakers_panel: bool,
    /// The detail strip shows the focused pane's current quote (after
    /// `s`/`S`) rather than the selected pair.
    pub quote_detail: bool,
    /// Who is quoted: speaker id and quotes on each side, most quoted first.
    pub who: Vec<(usize, Pair<usize>)>,
    /// The options the comparison was made with (kept for `x`).
    pub options: CompareOptions,
    /// Possible claim pairs are shown (`v` hides them).
    pub show_possible: bool,
    /// Each side's quotes with their speaker colour (to mark again).
    pub quotes: Pair<Vec<QuoteRange>>,
    /// Text rows of a pane (set by `update` and `resize`): scrolling stops
    /// with the last line at the bottom (0: at the top, before any size).
    pub rows: usize,
    /// The "who is quoted" popup's selected row (into `who`), while open.
    pub who_selected: usize,
    /// `d`: the selected pair in full, in a panel that takes the keys
    /// (`Esc` closes it); its scroll offset.
    pub detail: Option<usize>,
}

impl CompareState {
    /// Compares articles `sides` (corpus indices), wrapped to `width`.
    pub fn open(
        corpus: &Corpus,
        analysis: &SpeakerIndex,
        sides: Pair<usize>,
        width: usize,
        options: CompareOptions,
    ) -> CompareState {
        let doc = |i: usize| Doc {
            article: &corpus.articles[i],
            analysis: &analysis.analyses[i],
        };
        let comparison = compare(doc(sides.left), doc(sides.right), &options);
        let stops = sides.map(|i| analysis.stops(i));
        let ranges = |side: Side| -> Vec<QuoteRange> {
            stops
                .get(side)
                .iter()
                .map(|q| QuoteRange {
                    start: q.start,
                    end: q.end,
                    speaker: analysis.colour(q.speaker),
                    reported: q.reported,
                })
                .collect()
        };
        let (left, right) = (ranges(Side::Left), ranges(Side::Right));
        let marks = marks_with(&comparison, Pair::new(&left, &right), true);
        let pane = |i: usize, quotes| Pane::new(i, &corpus.articles[i], width, quotes);
        let mut who: Vec<(usize, Pair<usize>)> = Vec::new();
        for side in [Side::Left, Side::Right] {
            for id in stops.get(side).iter().filter_map(|q| q.speaker) {
                let at = match who.iter().position(|(w, _)| *w == id) {
                    Some(at) => at,
                    None => {
                        who.push((id, Pair::default()));
                        who.len() - 1
                    }
                };
                *who[at].1.get_mut(side) += 1;
            }
        }
        who.sort_by_key(|(id, n)| (std::cmp::Reverse(n.left + n.right), *id));
        CompareState {
            who,
            options,
            panes: Pair::new(pane(sides.left, stops.left), pane(sides.right, stops.right)),
            comparison,
            marks,
            focus: Side::Left,
            locked: false,
            selected: None,
            speakers_panel: false,
            quote_detail: false,
            show_possible: true,
            quotes: Pair::new(left, right),
            rows: 0,
            who_selected: 0,
            detail: None,
        }
    }

    /// `y`: the selected pair or shared quote with both citations, else
    /// the focused pane's current quote (after `s`), else both articles.
    pub fn yank(&self, ctx: &Ctx) -> Outcome {
        let sides = self.articles();
        let article = |side: Side| &ctx.corpus.articles[*sides.get(side)];
        let item = self.selected.and_then(|i| self.marks.items.get(i));
        let pane = self.panes.get(self.focus);
        if let (false, Some(item)) = (self.quote_detail, item) {
            let text = [Side::Left, Side::Right]
                .map(|side| {
                    let a = article(side);
                    let (s, e) = *item.span.get(side);
                    let speaker = match item.kind {
                        ItemKind::Quote(_) => item.speakers.get(side).as_deref(),
                        ItemKind::Claim => None,
                    };
                    cite::citation(ctx.citation, &cite::chars(&a.body, s, e), speaker, a)
                })
                .join("\n");
            let what = match item.kind {
                ItemKind::Claim => format!("claim pair {}", item.number),
                ItemKind::Quote(_) => "shared quote".to_string(),
            };
            return Outcome::effect(Effect::Copy { text, what });
        }
        if let Some(q) = pane.quote.and_then(|i| pane.quotes.get(i)) {
            return cite::copy_quote(ctx, pane.article(), q.quote);
        }
        Outcome::effect(Effect::Copy {
            text: format!(
                "{}\n{}",
                cite::reference(article(Side::Left)),
                cite::reference(article(Side::Right))
            ),
            what: "both article references".into(),
        })
    }

    /// `v`: shows or hides the possible claim pairs (the selection is
    /// cleared: item numbers change).
    pub fn toggle_possible(&mut self) {
        self.show_possible = !self.show_possible;
        let quotes = Pair::new(self.quotes.left.as_slice(), self.quotes.right.as_slice());
        self.marks = marks_with(&self.comparison, quotes, self.show_possible);
        self.selected = None;
    }

    pub fn articles(&self) -> Pair<usize> {
        Pair::new(self.panes.left.article(), self.panes.right.article())
    }

    pub fn rewrap(&mut self, corpus: &Corpus, width: usize) {
        for side in [Side::Left, Side::Right] {
            let pane = self.panes.get_mut(side);
            pane.rewrap(&corpus.articles[pane.article()], width);
        }
    }

    /// How far a key may scroll `pane` down: its last line at the bottom
    /// (further only when levelling a pair put it there).
    fn scroll_end(&self, pane: &Pane) -> usize {
        pane.doc
            .lines
            .len()
            .saturating_sub(self.rows.max(1))
            .max(pane.scroll.min(pane.max_scroll()))
    }

    /// Scrolls the focused pane, or both when locked (then by the same
    /// amount, clamped so pairs stay level); never past the end into blank
    /// rows.
    pub fn scroll_by(&mut self, delta: isize) {
        if !self.locked {
            let end = self.scroll_end(self.panes.get(self.focus));
            let pane = self.panes.get_mut(self.focus);
            pane.scroll = pane.scroll.saturating_add_signed(delta).min(end);
            return;
        }
        let (l, r) = (&self.panes.left, &self.panes.right);
        let room = |p: &Pane| self.scroll_end(p) - p.scroll.min(self.scroll_end(p));
        let delta = if delta >= 0 {
            delta.min(room(l).min(room(r)) as isize)
        } else {
            delta.max(-(l.scroll.min(r.scroll) as isize))
        };
        for side in [Side::Left, Side::Right] {
            let pane = self.panes.get_mut(side);
            pane.scroll = pane.scroll.saturating_add_signed(delta);
        }
    }

    /// `]` / `[`: the next or previous shared item in reading order, both
    /// panes scrolled so the pair starts on the same row.
    pub fn step_item(&mut self, forward: bool, rows: usize) {
        let items = &self.marks.items;
        if items.is_empty() {
            return;
        }
        let n = items.len();
        let from = self.panes.left.view_char();
        self.selected = Some(match (self.selected, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => items.iter().position(|i| i.span.left.0 >= from).unwrap_or(0),
            (None, false) => items.iter().rposition(|i| i.span.left.0 < from).unwrap_or(n - 1),
        });
        self.quote_detail = false;
        self.align_selected(rows);
    }

    /// Puts the selected pair on the same row of both panes, a third of the
    /// way down when the panes allow.
    pub fn align_selected(&mut self, rows: usize) {
        let Some(item) = self.selected.and_then(|i| self.marks.items.get(i)) else {
            return;
        };
        let lines = Pair::new(
            self.panes.left.line_of(item.span.left.0),
            self.panes.right.line_of(item.span.right.0),
        );
        let row = (rows / 3).min(lines.left).min(lines.right);
        self.panes.left.scroll = lines.left - row;
        self.panes.right.scroll = lines.right - row;
    }

    /// The row of the pane a body char shows on (`None` when out of view).
    pub fn row_of(&self, side: Side, c: usize, rows: usize) -> Option<usize> {
        let pane = self.panes.get(side);
        let line = pane.line_of(c);
        (pane.scroll..pane.scroll + rows)
            .contains(&line)
            .then(|| line - pane.scroll)
    }

    /// `s` / `S`: the next or previous quote by another speaker in the
    /// focused pane, scrolled into view.
    pub fn step_speaker(&mut self, forward: bool, rows: usize) {
        let pane = self.panes.get_mut(self.focus);
        let Some(next) = quote_nav::other_speaker(&pane.quotes, pane.quote, pane.view_char(), forward) else {
            return;
        };
        pane.quote = Some(next);
        self.quote_detail = true;
        let pane = self.panes.get_mut(self.focus);
        let line = pane.line_of(pane.quotes[next].start);
        if line < pane.scroll || line >= pane.scroll + rows {
            let target = line.saturating_sub(rows / 3) as isize;
            let delta = target - pane.scroll as isize;
            self.scroll_by(delta);
        }
    }

    /// `/`: searches both sides for `query` (live while typing), each from
    /// the top of its view; the focused pane shows its current match.
    pub fn search(&mut self, query: &str, bodies: Pair<&str>, rows: usize) {
        for side in [Side::Left, Side::Right] {
            let pane = self.panes.get_mut(side);
            pane.search = Search::run(query, bodies.get(side), pane.view_char());
        }
        self.reveal_match(rows);
    }

    /// Scrolls the focused pane (both when locked) so its current match is
    /// in view, a third of the way down when it has to move.
    fn reveal_match(&mut self, rows: usize) {
        let pane = self.panes.get(self.focus);
        let Some((start, _)) = pane.search.current_match() else {
            return;
        };
        let line = pane.line_of(start);
        if line < pane.scroll || line >= pane.scroll + rows {
            let target = line.saturating_sub(rows / 3) as isize;
            self.scroll_by(target - pane.scroll as isize);
        }
    }

    /// `n` / `N`: the next or previous match in the focused pane; what the
    /// status line should say (wrapping, or no match on this side).
    pub fn step_match(&mut self, forward: bool, rows: usize) -> Option<String> {
        let pane = self.panes.get_mut(self.focus);
        if pane.search.matches.is_empty() {
            let other = self.panes.get(self.focus.other()).search.matches.len();
            return Some(match other {
                0 => "no match on either side".to_string(),
                1 => "no match on this side; 1 on the other: Tab switches".to_string(),
                n => format!("no match on this side; {n} on the other: Tab switches"),
            });
        }
        let wrapped = pane.search.step_wrapping(forward);
        self.reveal_match(rows);
        wrapped.map(str::to_string)
    }

    /// `x`: takes over the view of `old`, the same two articles the other
    /// way round (this comparison was made again, so every pair and diff
    /// reads left to right): the lock, the panel, the focus, the scroll
    /// offsets and the selected pair, each on its new side.
    pub fn keep_view_of_swapped(&mut self, old: &CompareState, rows: usize) {
        self.locked = old.locked;
        self.speakers_panel = old.speakers_panel;
        self.focus = old.focus.other();
        self.panes.left.scroll = old.panes.right.scroll;
        self.panes.right.scroll = old.panes.left.scroll;
        self.panes.left.search = old.panes.right.search.clone();
        self.panes.right.search = old.panes.left.search.clone();
        let selected = old.selected.and_then(|i| old.marks.items.get(i));
        self.selected = selected.and_then(|o| {
            let flipped = o.span.swapped();
            self.marks.items.iter().position(|i| i.span == flipped)
        });
        self.align_selected(rows);
    }

    /// The "who is quoted" sections, each with its rows (indices into
    /// `who`): quoted in both articles, on the left only, on the right
    /// only.
    pub fn who_sections(&self) -> [(&'static str, Vec<usize>); 3] {
        let rows = |keep: fn(usize, usize) -> bool| -> Vec<usize> {
            (0..self.who.len())
                .filter(|&i| keep(self.who[i].1.left, self.who[i].1.right))
                .collect()
        };
        [
            ("In both", rows(|l, r| l > 0 && r > 0)),
            ("Left only", rows(|l, r| l > 0 && r == 0)),
            ("Right only", rows(|l, r| l == 0 && r > 0)),
        ]
    }

    /// The popup's rows in display order (indices into `who`).
    pub fn who_order(&self) -> Vec<usize> {
        self.who_sections()
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .collect()
    }

    /// The speaker id of the popup's selected row.
    pub fn who_selected_speaker(&self) -> Option<usize> {
        let order = self.who_order();
        order.get(self.who_selected).map(|&i| self.who[i].0)
    }

    /// A click at terminal (`x`, `y`): focuses the pane under it and, on
    /// a shared quote or claim pair, picks it (levelled as `]` does).
    pub fn click(&mut self, x: u16, y: u16, width: u16) {
        let ((_, left), (right_x, _)) = layout::compare_halves(width);
        let (side, x0) = if x < left {
            (Side::Left, 0)
        } else if x >= right_x {
            (Side::Right, right_x)
        } else {
            return;
        };
        self.focus = side;
        let Some(row) = y.checked_sub(layout::COMPARE_TEXT_TOP).map(usize::from) else {
            return;
        };
        if self.rows > 0 && row >= self.rows {
            return;
        }
        let pane = self.panes.get(side);
        let Some(line) = pane.doc.lines.get(pane.scroll + row) else {
            return;
        };
        if line.kind != crate::app::document::LineKind::Body {
            return;
        }
        let column = usize::from(x - x0).saturating_sub(usize::from(layout::GUTTER));
        let c = line.char_start + column.min(line.chars.saturating_sub(1));
        let hit = self.marks.items.iter().position(|item| {
            let (start, end) = *item.span.get(side);
            (start..end).contains(&c)
        });
        if let Some(i) = hit {
            self.selected = Some(i);
            self.quote_detail = false;
            self.align_selected(self.rows.max(1));
        }
    }

    pub fn switch_focus(&mut self) {
        self.focus = self.focus.other();
    }
}

/// Keys while the pair panel is open: it scrolls; `]`/`[` show the next
/// or previous pair; `d` closes it.
fn update_detail(cmp: &mut CompareState, ctx: &Ctx, action: Action) -> Outcome {
    let rows = ctx.compare_rows();
    let scroll = cmp.detail.unwrap_or(0);
    let delta: isize = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::Scroll(n) => n as isize,
        Action::Bottom => 500,
        Action::HalfPageDown | Action::PageDown => layout::half(rows) as isize,
        Action::HalfPageUp | Action::PageUp => -(layout::half(rows) as isize),
        Action::Top => -(scroll as isize),
        Action::NextShared | Action::PrevShared => {
            cmp.step_item(action == Action::NextShared, rows);
            cmp.detail = Some(0);
            return Outcome::none();
        }
        Action::PairDetail => {
            cmp.detail = None;
            return Outcome::none();
        }
        Action::Yank => return cmp.yank(ctx),
        Action::Help | Action::Quit => return Outcome::none(),
        _ => return Outcome::notice("the pair panel has the keys: Esc closes it"),
    };
    // The panel clamps what it cannot show when drawing.
    cmp.detail = Some(scroll.saturating_add_signed(delta).min(500));
    Outcome::none()
}

pub fn update(cmp: &mut CompareState, ctx: &Ctx, action: Action) -> Outcome {
    if cmp.detail.is_some() {
        return update_detail(cmp, ctx, action);
    }
    let rows = ctx.compare_rows();
    cmp.rows = rows;
    if cmp.speakers_panel {
        return who_popup(cmp, ctx, action);
    }
    let half = layout::half(rows) as isize;
    let page = rows.saturating_sub(2).max(1) as isize;
    match action {
        Action::Down => cmp.scroll_by(1),
        Action::Up => cmp.scroll_by(-1),
        Action::Top => cmp.scroll_by(isize::MIN / 2),
        Action::Bottom => {
            // The focused pane's last line at the bottom (the lock moves
            // the other by as much).
            let pane = cmp.panes.get(cmp.focus);
            let end = pane.doc.lines.len().saturating_sub(rows);
            cmp.scroll_by(end as isize - pane.scroll as isize);
        }
        Action::HalfPageDown => cmp.scroll_by(half),
        Action::HalfPageUp => cmp.scroll_by(-half),
        Action::PageDown => cmp.scroll_by(page),
        Action::PageUp => cmp.scroll_by(-page),
        Action::Scroll(n) => cmp.scroll_by(n as isize),
        Action::Click(x, y) => cmp.click(x, y, ctx.width),
        Action::ScrollPane(side, n) => {
            let focus = std::mem::replace(&mut cmp.focus, side);
            cmp.scroll_by(n as isize);
            cmp.focus = focus;
        }
        Action::NextShared | Action::PrevShared => {
            cmp.step_item(action == Action::NextShared, rows);
            if cmp.marks.items.is_empty() {
                return Outcome::notice("these articles share no quotes or claims");
            }
        }
        Action::NextSpeaker | Action::PrevSpeaker => cmp.step_speaker(action == Action::NextSpeaker, rows),
        Action::SearchNext | Action::SearchPrev if cmp.panes.left.search.is_active() => {
            if let Some(message) = cmp.step_match(action == Action::SearchNext, rows) {
                return Outcome::notice(message);
            }
        }
        Action::SearchNext | Action::SearchPrev => {
            return Outcome::notice("no search: / searches both texts, ] steps through shared items");
        }
        Action::NextOutlet | Action::PrevOutlet => {
            return story_nav::step_outlet(ctx, cmp.articles(), action == Action::NextOutlet);
        }
        Action::SwitchPane => cmp.switch_focus(),
        Action::LockScroll => {
            cmp.locked = !cmp.locked;
            return Outcome::notice(if cmp.locked {
                "scrolling locked: both panes move together"
            } else {
                "scrolling unlocked"
            });
        }
        Action::SpeakersPanel => {
            cmp.speakers_panel = true;
            cmp.who_selected = 0;
        }
        Action::Open => {
            return Outcome::notice("Enter opens a speaker's quotes from the who-is-quoted popup (p)");
        }
        Action::TogglePossible => {
            cmp.toggle_possible();
            let hidden = cmp
                .comparison
                .claims
                .iter()
                .filter(|c| c.tier == Tier::Possible)
                .count();
            let pairs = if hidden == 1 { "pair" } else { "pairs" };
            return Outcome::notice(if cmp.show_possible {
                format!("possible claim {pairs} shown ({hidden}, dimmer)")
            } else {
                format!("{hidden} possible claim {pairs} hidden; v shows them")
            });
        }
        // Compared again the other way round, so every pair and diff reads
        // left to right.
        Action::SwapSides => return Outcome::replace(Route::Compare(cmp.articles().swapped())),
        Action::Yank => return cmp.yank(ctx),
        Action::PairDetail => {
            let selected = cmp.selected.filter(|&i| i < cmp.marks.items.len());
            if selected.is_none() || cmp.quote_detail {
                return Outcome::notice("select a pair with ] first, then d shows it in full");
            }
            cmp.detail = Some(0);
        }
        Action::OpenUrl => return cite::open_url(&ctx.corpus.articles[cmp.panes.get(cmp.focus).article()]),
        Action::Export => {
            let sides = cmp.articles();
            let (l, r) = (
                &ctx.corpus.articles[sides.left],
                &ctx.corpus.articles[sides.right],
            );
            return Outcome::effect(Effect::Export {
                stem: format!("{}--vs--{}", cite::stem(l), cite::stem(r)),
                text: markdown(l, r, &cmp.comparison),
            });
        }
        _ => {}
    }
    Outcome::none()
}

/// The "who is quoted" popup has the focus: moves pick a speaker, Enter
/// opens their quotes, `p` closes it (Esc and q close it in the
/// dispatcher); nothing reaches the panes behind it.
fn who_popup(cmp: &mut CompareState, ctx: &Ctx, action: Action) -> Outcome {
    let len = cmp.who.len();
    // Clicks are not for the popup's rows (it draws over the screen).
    if matches!(action, Action::Click(..)) {
        return Outcome::none();
    }
    let mut cursor = ListCursor {
        selected: cmp.who_selected,
        offset: 0,
    };
    if cursor.apply(&action, len, ctx.list_rows()) {
        cmp.who_selected = cursor.selected;
        return Outcome::none();
    }
    match action {
        Action::SpeakersPanel => cmp.speakers_panel = false,
        Action::Open => {
            return match cmp.who_selected_speaker() {
                Some(id) => Outcome::push(Route::SpeakerQuotes(id)),
                None => Outcome::notice("nobody is quoted in these articles"),
            };
        }
        _ => {
            return Outcome::notice(
                "the who-is-quoted popup has the keys: j/k pick, Enter opens, Esc closes",
            );
        }
    }
    Outcome::none()
}

/// Closes the popup on top of the screen; false when none is open.
pub fn close_popup(cmp: &mut CompareState) -> bool {
    std::mem::take(&mut cmp.speakers_panel)
}

/// The search in both bodies: `query` (live while typing).
pub fn set_query(cmp: &mut CompareState, ctx: &Ctx, query: &str) {
    let bodies = cmp.articles().map(|i| ctx.corpus.articles[i].body.as_str());
    cmp.search(query, bodies, ctx.compare_rows());
}

pub fn resize(cmp: &mut CompareState, ctx: &Ctx) {
    cmp.rows = ctx.compare_rows();
    cmp.rewrap(ctx.corpus, ctx.compare_width());
    cmp.align_selected(ctx.compare_rows());
}
