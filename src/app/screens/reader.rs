//! The reader screen: the wrapped document, the scroll offset (a `usize`,
//! no 65,535-line limit) and the search in the body; opening an article
//! and the reader's `update`.

use crate::app::action::Action;
use crate::app::cite;
use crate::app::context::Ctx;
use crate::app::document::Document;
use crate::app::layout;
use crate::app::list::ListCursor;
use crate::app::nav::{Outcome, Route};
use crate::app::quote_nav::{self, QuoteStop};
use crate::app::search::Search;
use crate::corpus::Article;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    pub doc: Document,
    /// The first visible line.
    pub scroll: usize,
    pub search: Search,
    /// The article's quotes in text order (empty until analysed).
    pub quotes: Vec<QuoteStop>,
    /// Index into `quotes` of the current quote.
    pub quote: Option<usize>,
    /// The "who is quoted" popup's selected row, while it is open (`p`).
    pub who: Option<usize>,
}

impl ReaderState {
    pub fn open(index: usize, article: &Article, width: usize) -> ReaderState {
        ReaderState {
            doc: Document::build(index, article, width),
            scroll: 0,
            search: Search::default(),
            quotes: Vec::new(),
            quote: None,
            who: None,
        }
    }

    pub fn article(&self) -> usize {
        self.doc.article
    }

    /// The largest offset: the last line at the bottom of the view.
    pub fn max_scroll(&self, rows: usize) -> usize {
        self.doc.lines.len().saturating_sub(rows)
    }

    pub fn scroll_to(&mut self, line: usize, rows: usize) {
        self.scroll = line.min(self.max_scroll(rows));
    }

    pub fn scroll_by(&mut self, delta: isize, rows: usize) {
        self.scroll_to(self.scroll.saturating_add_signed(delta), rows);
    }

    /// Re-wraps to a new width when it changed, keeping the first visible
    /// body text at the top.
    pub fn rewrap(&mut self, article: &Article, width: usize, rows: usize) {
        if self.doc.width == width {
            self.scroll_to(self.scroll, rows);
            return;
        }
        let anchor = (self.scroll >= self.doc.body_start)
            .then(|| self.doc.char_at_line(self.scroll))
            .flatten();
        self.doc = Document::build(self.doc.article, article, width);
        let line = anchor.map_or(0, |c| self.doc.line_of_char(c));
        self.scroll_to(line, rows);
    }

    /// Runs a search from the top of the view.
    pub fn search(&mut self, query: &str, body: &str, rows: usize) {
        let from = self.doc.char_at_line(self.scroll).unwrap_or(0);
        self.search = Search::run(query, body, from);
        self.reveal_current(rows);
    }

    /// Shows full-text hits (`matches`, char offsets) as the search, at
    /// match `current`: `n`/`N` step through them.
    pub fn show_hits(&mut self, query: &str, matches: Vec<(usize, usize)>, current: usize, rows: usize) {
        let current = (!matches.is_empty()).then(|| current.min(matches.len() - 1));
        self.search = Search {
            query: query.to_string(),
            matches,
            current,
        };
        self.quote = None;
        // Where the hit is, a third of the way down.
        if let Some((start, _)) = self.search.current_match() {
            let line = self.doc.line_of_char(start);
            self.scroll_to(line.saturating_sub(rows / 3), rows);
        }
    }

    /// Scrolls so the current match is visible, a third of the way down
    /// when it has to move.
    pub fn reveal_current(&mut self, rows: usize) {
        let Some((start, _)) = self.search.current_match() else {
            return;
        };
        let line = self.doc.line_of_char(start);
        if line < self.scroll || line >= self.scroll + rows {
            self.scroll_to(line.saturating_sub(rows / 3), rows);
        }
    }

    /// The first body char in view (where quote jumps start from).
    fn view_char(&self) -> usize {
        self.doc.char_at_line(self.scroll).unwrap_or(0)
    }

    /// n/N without a search: the next or previous quote.
    pub fn step_quote(&mut self, forward: bool, rows: usize) {
        self.quote = quote_nav::step(&self.quotes, self.quote, self.view_char(), forward);
        self.reveal_quote(rows);
    }

    /// s/S: the next or previous quote by another speaker.
    pub fn step_speaker(&mut self, forward: bool, rows: usize) {
        let next = quote_nav::other_speaker(&self.quotes, self.quote, self.view_char(), forward);
        if next.is_some() {
            self.quote = next;
            self.reveal_quote(rows);
        }
    }

    /// Makes quote `q` (an index into `Analysis::quotes`) current.
    pub fn select_quote(&mut self, q: usize, rows: usize) {
        self.quote = self.quotes.iter().position(|s| s.quote == q);
        self.reveal_quote(rows);
    }

    /// The current quote.
    pub fn current_quote(&self) -> Option<&QuoteStop> {
        self.quote.and_then(|i| self.quotes.get(i))
    }

    fn reveal_quote(&mut self, rows: usize) {
        let Some(stop) = self.current_quote() else {
            return;
        };
        let (first, last) = (self.doc.line_of_char(stop.start), self.doc.line_of_char(stop.end));
        if first < self.scroll || last >= self.scroll + rows {
            self.scroll_to(first.saturating_sub(rows / 3), rows);
        }
    }

    /// Who is quoted here: speaker ids with their quote counts, most
    /// quoted first (unattributed quotes are left out).
    pub fn speakers(&self) -> Vec<(usize, usize)> {
        let mut who: Vec<(usize, usize)> = Vec::new();
        for id in self.quotes.iter().filter_map(|q| q.speaker) {
            match who.iter_mut().find(|(w, _)| *w == id) {
                Some((_, n)) => *n += 1,
                None => who.push((id, 1)),
            }
        }
        who.sort_by_key(|&(id, n)| (std::cmp::Reverse(n), id));
        who
    }

    /// `(first line, last line, total)` shown, 1-based.
    pub fn position(&self, rows: usize) -> (usize, usize, usize) {
        let total = self.doc.lines.len();
        (self.scroll + 1, (self.scroll + rows).min(total), total)
    }
}

/// Opens article `index` at quote `quote` (resuming `last`, the last
/// article read, when it is the same one).
pub fn open(ctx: &Ctx, index: usize, quote: Option<usize>, last: Option<ReaderState>) -> ReaderState {
    let (width, rows) = (ctx.reader_width(), ctx.reader_rows());
    let article = &ctx.corpus.articles[index];
    let mut reader = match last {
        Some(mut reader) if reader.article() == index => {
            reader.rewrap(article, width, rows);
            reader
        }
        _ => {
            let mut open = ReaderState::open(index, article, width);
            if let Some(index) = ctx.index {
                open.quotes = index.speakers.stops(open.article());
            }
            open
        }
    };
    if let Some(q) = quote {
        reader.select_quote(q, rows);
    }
    reader
}

pub fn update(reader: &mut ReaderState, ctx: &Ctx, action: Action) -> Outcome {
    let rows = ctx.reader_rows();
    if let Some(selected) = reader.who {
        return who_popup(reader, selected, ctx, action);
    }
    let half = layout::half(rows) as isize;
    let page = rows.saturating_sub(2).max(1) as isize;
    match action {
        Action::Down => reader.scroll_by(1, rows),
        Action::Up => reader.scroll_by(-1, rows),
        Action::Top => reader.scroll_to(0, rows),
        Action::Bottom => reader.scroll_to(usize::MAX, rows),
        Action::HalfPageDown => reader.scroll_by(half, rows),
        Action::HalfPageUp => reader.scroll_by(-half, rows),
        Action::PageDown => reader.scroll_by(page, rows),
        Action::PageUp => reader.scroll_by(-page, rows),
        Action::Scroll(n) => reader.scroll_by(n as isize, rows),
        // n/N follow the search when there is one, else the quotes.
        Action::SearchNext | Action::SearchPrev if reader.search.is_active() => {
            let wrapped = reader.search.step_wrapping(action == Action::SearchNext);
            reader.reveal_current(rows);
            if let Some(message) = wrapped {
                return Outcome::notice(message);
            }
        }
        Action::SearchNext | Action::SearchPrev => {
            reader.step_quote(action == Action::SearchNext, rows);
            if reader.quotes.is_empty() {
                return Outcome::notice("no quotes here: press / to search");
            }
        }
        Action::NextSpeaker | Action::PrevSpeaker => {
            reader.step_speaker(action == Action::NextSpeaker, rows);
        }
        Action::Related => return Outcome::push(Route::Related(reader.article())),
        // The dispatcher pairs it with the article marked in the library.
        Action::Compare => return Outcome::push(Route::CompareWithMarked(reader.article())),
        Action::SpeakersPanel if ctx.index.is_none() => {
            return Outcome::notice("still analysing the corpus: try again in a moment");
        }
        Action::SpeakersPanel if reader.speakers().is_empty() => {
            return Outcome::notice("nobody is quoted by name in this article");
        }
        Action::SpeakersPanel => reader.who = Some(0),
        Action::Open => {
            return Outcome::notice("Enter picks a speaker in the who-is-quoted popup: press p first");
        }
        // The current quote, else the article.
        Action::Yank => {
            return match reader.current_quote() {
                Some(q) => cite::copy_quote(ctx, reader.article(), q.quote),
                None => cite::copy_reference(&ctx.corpus.articles[reader.article()]),
            };
        }
        Action::OpenUrl => return cite::open_url(&ctx.corpus.articles[reader.article()]),
        _ => {}
    }
    Outcome::none()
}

/// The "who is quoted" popup has the focus: moves pick a speaker, Enter
/// opens their quotes, `p` closes it (Esc and q close it in the
/// dispatcher); nothing reaches the text behind it.
fn who_popup(reader: &mut ReaderState, selected: usize, ctx: &Ctx, action: Action) -> Outcome {
    let who = reader.speakers();
    // Clicks are not for the popup's rows (it draws over the screen).
    if matches!(action, Action::Click(..)) {
        return Outcome::none();
    }
    let mut cursor = ListCursor { selected, offset: 0 };
    if cursor.apply(&action, who.len(), ctx.list_rows()) {
        reader.who = Some(cursor.selected);
        return Outcome::none();
    }
    match action {
        Action::SpeakersPanel => reader.who = None,
        Action::Open => {
            if let Some(&(id, _)) = who.get(selected) {
                return Outcome::push(Route::SpeakerQuotes(id));
            }
        }
        _ => {
            return Outcome::notice(
                "the who-is-quoted popup has the keys: j/k pick, Enter opens, Esc closes",
            );
        }
    }
    Outcome::none()
}

/// Closes the popup over the text; false when none is open.
pub fn close_popup(reader: &mut ReaderState) -> bool {
    reader.who.take().is_some()
}

/// The search in the body: `query` (live while typing).
pub fn set_query(reader: &mut ReaderState, ctx: &Ctx, query: &str) {
    let body = &ctx.corpus.articles[reader.article()].body;
    reader.search(query, body, ctx.reader_rows());
}

pub fn resize(reader: &mut ReaderState, ctx: &Ctx) {
    let article = &ctx.corpus.articles[reader.article()];
    reader.rewrap(article, ctx.reader_width(), ctx.reader_rows());
}
